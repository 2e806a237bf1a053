"""A meeting's agenda, files, papers, cancellation and trash through the API, with the pages'
rules: the runners act, the invited officer reads, another agency or congress meets 404."""

from daihoi.api.models import Scope
from daihoi.documents.models import Document
from daihoi.meetings.models import Meeting
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase
from daihoi.testing.files import pdf_upload

from .helpers import ApiClient
from .test_meetings import _body


def _obstacle(world, secretariat_access, propaganda_access):
    task = planning_services.task_create(
        access=secretariat_access,
        fields=planning_services.TaskFields(
            title="In pano cổ động",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
        ),
    )
    return planning_services.task_report_progress(
        access=propaganda_access,
        task=task,
        text="Đang in",
        percent=30,
        obstacle="Chưa có kinh phí in pano",
    )


def test_the_agenda_keeps_typed_lines_and_chosen_proposals(
    world, secretariat_access, propaganda_access
):
    update = _obstacle(world, secretariat_access, propaganda_access)
    leader = ApiClient(world.users["leader"])
    base = f"/congresses/{world.congress.pk}/meetings/"
    proposals = leader.get(base + "agenda-proposals/")
    assert proposals.status_code == 200, proposals.content
    assert [p["id"] for p in proposals.json()["obstacles"]] == [update.pk]
    assert "Chưa có kinh phí in pano" in proposals.json()["obstacles"][0]["text"]
    officer = ApiClient(world.users["officer"])
    assert officer.get(base + "agenda-proposals/").status_code == 403

    long_line = leader.post(base, _body(world, agenda=["x" * 501]))
    assert long_line.status_code == 400 and "agenda" in long_line.json()["errors"]
    stranger = leader.post(base, _body(world, obstacles=[999999]))
    assert stranger.status_code == 400 and "obstacles" in stranger.json()["errors"]
    assert not Meeting.objects.exists()

    planned = leader.post(
        base,
        _body(world, agenda=["Rà soát tiến độ tuyên truyền", " "], obstacles=[update.pk]),
    )
    assert planned.status_code == 201, planned.content
    agenda = planned.json()["agenda"]
    assert [(a["title"], a["origin"]) for a in agenda][0] == (
        "Rà soát tiến độ tuyên truyền",
        "manual",
    )
    assert [a["source_update_id"] for a in agenda if a["origin"] == "obstacle"] == [update.pk]


def test_files_papers_cancel_and_trash(world):
    secretariat = ApiClient(world.users["secretariat"])
    leader = ApiClient(world.users["leader"])
    officer = ApiClient(world.users["officer"])
    base = f"/congresses/{world.congress.pk}/meetings/"
    meeting = leader.post(base, _body(world)).json()
    path = f"{base}{meeting['id']}/"

    assert leader.post_form(path + "attachments/", {}).json()["errors"] == {
        "files": ["Chưa chọn tệp nào."]
    }
    assert officer.post_form(path + "attachments/", {"files": pdf_upload()}).status_code == 403
    attached = leader.post_form(path + "attachments/", {"files": pdf_upload("bao-cao.pdf")})
    assert attached.status_code == 201, attached.content
    file_id = attached.json()["attachments"][0]["id"]
    download = officer.get(f"{path}attachments/{file_id}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    officer2 = ApiClient(world.users["officer2"])
    assert officer2.get(f"{path}attachments/{file_id}/").status_code == 404

    unsigned = leader.post(path + "invitation/", {})
    assert unsigned.status_code == 400
    assert unsigned.json()["errors"]["signer"] == [
        "Chưa chọn người ký: văn bản không thể ban hành khi chưa có người ký."
    ]
    invited = leader.post(path + "invitation/", {"signer": world.chair.pk})
    assert invited.status_code == 201, invited.content
    document = Document.objects.get(pk=invited.json()["id"])
    assert document.kind == "GM" and document.issuer == world.agencies["vptu"]
    assert "Ban Tuyên giáo Tỉnh ủy" in document.recipients
    early = leader.post(path + "notice/", {"signer": world.chair.pk})
    assert early.status_code == 400

    assert officer.post(path + "cancel/").status_code == 403
    cancelled = leader.post(path + "cancel/")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    again = leader.post(path + "invitation/", {"signer": world.chair.pk})
    assert again.json()["detail"] == "Cuộc họp đã hủy, không ban hành giấy mời."

    assert leader.delete(path).status_code == 403
    assert secretariat.delete(path).status_code == 204
    assert secretariat.get(path).status_code == 404


def test_another_congress_and_a_read_only_token_are_refused(world):
    made = ApiClient(world.users["secretariat"]).post(
        f"/congresses/{world.congress.pk}/meetings/", _body(world)
    )
    meeting_id = made.json()["id"]
    outsider = ApiClient(world.users["outsider"])
    for congress in (world.congress.pk, world.other.pk):
        path = f"/congresses/{congress}/meetings/{meeting_id}/"
        assert outsider.post(path + "cancel/").status_code == 404
        assert outsider.delete(path).status_code == 404
    reader = ApiClient(world.users["secretariat"], scope=Scope.READ)
    path = f"/congresses/{world.congress.pk}/meetings/{meeting_id}/"
    assert reader.post(path + "cancel/").status_code == 403
    assert reader.delete(path).status_code == 403
    assert reader.post_form(path + "attachments/", {"files": pdf_upload()}).status_code == 403
    assert Meeting.objects.get(pk=meeting_id).status == Meeting.Status.PLANNED
    assert not Document.objects.exists()
