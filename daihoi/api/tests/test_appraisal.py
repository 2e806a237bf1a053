"""A task's appraisal through the API: the lead agency sends its product with a file, the
appraising agency (here Sở Tài chính, officer2) returns it with an opinion, the lead sends again
and it is approved; the pages' messages; others do not see it."""

from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.api.models import Scope
from daihoi.planning import services
from daihoi.planning.models import AppraisalRound, AppraisalState, Area, Phase, Task

from .helpers import ApiClient


def _task(world, secretariat_access) -> Task:
    return services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Xây dựng đề cương tuyên truyền",
            lead_agency=world.agencies["btg"],
            appraising_agency=world.agencies["stc"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
        ),
    )


def test_the_product_is_sent_returned_sent_again_and_approved(
    world, secretariat_access, django_assert_max_num_queries
):
    task = _task(world, secretariat_access)
    lead = ApiClient(world.users["officer"])
    appraiser = ApiClient(world.users["officer2"])
    path = f"/congresses/{world.congress.pk}/tasks/{task.pk}/appraisal/"

    empty = lead.post_form(path, {"text": "  "})
    assert empty.status_code == 400 and "text" in empty.json()["errors"]
    sent = lead.post_form(
        path,
        {
            "text": "Dự thảo đề cương",
            "attachments": [SimpleUploadedFile("de-cuong.pdf", b"%PDF-1.4 test\n%%EOF")],
        },
    )
    assert sent.status_code == 201, sent.content
    first = sent.json()
    assert (first["number"], first["state"]) == (1, "pending")
    file_id = first["files"][0]["id"]
    download = appraiser.get(f"/congresses/{world.congress.pk}/appraisal-files/{file_id}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")

    assert lead.post(path + "decision/", {"decision": "approved"}).status_code == 403
    silent = appraiser.post(path + "decision/", {"decision": "returned"})
    assert silent.status_code == 400 and silent.json()["errors"]
    returned = appraiser.post(
        path + "decision/", {"decision": "returned", "opinion": "Bổ sung phần khẩu hiệu"}
    )
    assert returned.status_code == 200, returned.content
    assert returned.json()["opinion"] == "Bổ sung phần khẩu hiệu"

    again = lead.post_form(path, {"text": "Đề cương đã bổ sung khẩu hiệu"})
    assert again.status_code == 201 and again.json()["number"] == 2
    approved = appraiser.post(path + "decision/", {"decision": "approved"})
    assert approved.status_code == 200 and approved.json()["state"] == "approved"
    assert Task.objects.get(pk=task.pk).appraisal_state == AppraisalState.APPROVED
    third = lead.post_form(path, {"text": "Lần nữa"})
    assert third.status_code == 400
    assert third.json()["detail"] == "Sản phẩm đã được đơn vị thẩm định thông qua."

    with django_assert_max_num_queries(9):
        rounds = lead.all(path)
    assert [r["number"] for r in rounds] == [1, 2]
    assert len(rounds[0]["files"]) == 1


def test_others_do_not_see_the_appraisal_and_a_reader_sends_nothing(world, secretariat_access):
    task = _task(world, secretariat_access)
    path = f"/congresses/{world.congress.pk}/tasks/{task.pk}/appraisal/"
    # An officer of another congress, and the task asked under another congress: 404.
    assert ApiClient(world.users["secretariat"]).get(path).status_code == 200
    outsider = ApiClient(world.users["outsider"])
    assert outsider.get(path).status_code == 404
    other = f"/congresses/{world.other.pk}/tasks/{task.pk}/appraisal/"
    assert ApiClient(world.users["officer"]).get(other).status_code == 404
    leader = ApiClient(world.users["leader"]).post_form(path, {"text": "Thay đơn vị chủ trì"})
    assert leader.status_code == 403
    assert (
        leader.json()["detail"] == "Chỉ đơn vị chủ trì mới gửi sản phẩm của nhiệm vụ đi thẩm định."
    )
    reader = ApiClient(world.users["officer"], scope=Scope.READ)
    assert reader.post_form(path, {"text": "Dự thảo"}).status_code == 403
    assert not AppraisalRound.objects.filter(task=task).exists()
