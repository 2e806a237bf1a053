"""Report requests and submissions through the API: asked, sent with a file, returned, sent
again, with the pages' messages and the pages' rules."""

import datetime as dt

from daihoi.core.dates import format_date, today
from daihoi.core.models import AuditEntry
from daihoi.reporting.models import ReportRequest, ReportSubmission
from daihoi.testing.files import pdf_upload

from .helpers import ApiClient


def _ask(api, world, **changes):
    body = {
        "title": "Báo cáo số đảng viên mới kết nạp",
        "deadline": format_date(today() + dt.timedelta(days=7)),
        "agencies": [str(world.agencies["btg"].pk), str(world.agencies["stc"].pk)],
        "columns": "Số đảng viên mới | số\nGhi chú | không bắt buộc",
    } | changes
    return api.post_form(f"/congresses/{world.congress.pk}/report-requests/", body)


def test_the_secretariat_asks_the_officer_sends_is_returned_and_sends_again(world):
    secretariat = ApiClient(world.users["secretariat"])
    officer = ApiClient(world.users["officer"])
    asked = _ask(secretariat, world)
    assert asked.status_code == 201, asked.content
    request_id = asked.json()["id"]
    assert asked.json()["columns"][0] == {
        "label": "Số đảng viên mới",
        "kind": "number",
        "optional": False,
    }
    assert ReportRequest.objects.get(pk=request_id).submissions.count() == 2

    base = f"/congresses/{world.congress.pk}"
    own = officer.all(f"{base}/report-requests/{request_id}/submissions/")
    assert [s["agency_id"] for s in own] == [world.agencies["btg"].pk]
    submission_path = f"{base}/submissions/{own[0]['id']}"

    wrong = officer.post_form(submission_path + "/submit/", {"text": "x", "values": ["mười"]})
    assert wrong.status_code == 400
    assert wrong.json()["errors"]["values"] == [
        "Cột “Số đảng viên mới” phải là số, không phải “mười”."
    ]
    sent = officer.post_form(
        submission_path + "/submit/",
        {"text": "Đã kết nạp đủ chỉ tiêu", "values": ["1.234", ""], "files": pdf_upload("bc.pdf")},
    )
    assert sent.status_code == 200, sent.content
    assert sent.json()["status"] == "submitted" and sent.json()["values"] == ["1.234", ""]
    assert [f["original_name"] for f in sent.json()["files"]] == ["bc.pdf"]
    twice = officer.post_form(submission_path + "/submit/", {"text": "Lần nữa"})
    assert twice.status_code == 400
    assert twice.json()["detail"] == "Báo cáo đã gửi; chỉ sửa được khi Văn phòng trả lại."

    file_id = sent.json()["files"][0]["id"]
    download = officer.get(f"{base}/submission-files/{file_id}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert (
        ApiClient(world.users["officer2"]).get(f"{base}/submission-files/{file_id}/").status_code
        == 404
    )

    assert officer.post(submission_path + "/return/", {"comment": "Sai"}).status_code == 403
    empty = secretariat.post(submission_path + "/return/", {"comment": "  "})
    assert empty.status_code == 400 and "comment" in empty.json()["errors"]
    returned = secretariat.post(submission_path + "/return/", {"comment": "Bổ sung số liệu quý"})
    assert returned.status_code == 200, returned.content
    assert returned.json()["status"] == "returned"
    assert returned.json()["return_comment"] == "Bổ sung số liệu quý"

    again = officer.post_form(
        submission_path + "/submit/", {"text": "Đã bổ sung", "values": ["12"]}
    )
    assert again.status_code == 200, again.content
    submission = ReportSubmission.objects.get(pk=own[0]["id"])
    assert submission.status == ReportSubmission.Status.SUBMITTED and submission.version == 4
    actions = list(
        AuditEntry.objects.filter(object_id=submission.pk, action__startswith="submission.")
        .order_by("id")
        .values_list("action", "data__api_token")
    )
    assert actions == [
        ("submission.submitted", officer.token.prefix),
        ("submission.returned", secretariat.token.prefix),
        ("submission.resubmitted", officer.token.prefix),
    ]


def test_a_request_refused_field_by_field_in_the_pages_words(world):
    secretariat = ApiClient(world.users["secretariat"])
    past = _ask(secretariat, world, deadline="01/01/2020", agencies=[])
    assert past.status_code == 400
    errors = past.json()["errors"]
    assert errors["agencies"] == ["Trường này là bắt buộc."] or "agencies" in errors
    late = _ask(secretariat, world, deadline="01/01/2020")
    assert late.status_code == 400
    assert late.json()["errors"]["deadline"][0].startswith("Hạn gửi 01/01/2020 đã qua")
    assert not ReportRequest.objects.exists()


def test_only_the_secretariat_asks_and_another_agency_sees_no_request(world):
    assert _ask(ApiClient(world.users["officer"]), world).status_code == 403
    assert _ask(ApiClient(world.users["leader"]), world).status_code == 403
    asked = _ask(
        ApiClient(world.users["secretariat"]), world, agencies=[str(world.agencies["btg"].pk)]
    )
    base = f"/congresses/{world.congress.pk}/report-requests/"
    outsider = ApiClient(world.users["officer2"])
    assert outsider.get(f"{base}{asked.json()['id']}/").status_code == 404
    assert outsider.all(base) == []
    assert ApiClient(world.users["officer"]).get(f"{base}{asked.json()['id']}/").status_code == 200


def test_a_read_only_token_cannot_send_a_report(world):
    asked = _ask(ApiClient(world.users["secretariat"]), world)
    submission = ReportSubmission.objects.get(
        request_id=asked.json()["id"], agency=world.agencies["btg"]
    )
    reader = ApiClient(world.users["officer"], scope="read")
    path = f"/congresses/{world.congress.pk}/submissions/{submission.pk}/submit/"
    assert reader.post_form(path, {"text": "Báo cáo"}).status_code == 403
    assert ReportSubmission.objects.get(pk=submission.pk).status != "submitted"


def test_report_lists_take_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    secretariat = ApiClient(world.users["secretariat"])
    for i in range(4):
        _ask(secretariat, world, title=f"Báo cáo số {i}")
    request_id = ReportRequest.objects.order_by("id").values_list("pk", flat=True)[0]
    for path in ["/report-requests/", f"/report-requests/{request_id}/submissions/"]:
        with django_assert_max_num_queries(8):
            response = secretariat.get(f"/congresses/{world.congress.pk}{path}")
        assert response.status_code == 200 and response.json()["results"]


def test_reports_filtered_by_state_as_the_pages_filter(world):
    secretariat = ApiClient(world.users["secretariat"])
    officer = ApiClient(world.users["officer"])
    sent = _ask(secretariat, world, title="Báo cáo đã gửi").json()
    waiting = _ask(secretariat, world, title="Báo cáo chưa gửi").json()
    base = f"/congresses/{world.congress.pk}"
    own = officer.all(f"{base}/report-requests/{sent['id']}/submissions/")[0]
    assert (
        officer.post_form(
            f"{base}/submissions/{own['id']}/submit/", {"text": "Đã xong", "values": ["12", ""]}
        )
    ).status_code == 200

    def titles(api, state):
        return [r["title"] for r in api.all(f"{base}/report-requests/", {"state": state})]

    # The officer's own reports: Ban Tuyên giáo sent one and still owes the other.
    assert titles(officer, "on_time") == ["Báo cáo đã gửi"]
    assert titles(officer, "waiting") == ["Báo cáo chưa gửi"]
    assert titles(officer, "missing") == []
    # The secretariat: the requests some agency still owes (Sở Tài chính owes both).
    assert titles(secretariat, "waiting") == ["Báo cáo đã gửi", "Báo cáo chưa gửi"]
    assert titles(secretariat, "on_time") == ["Báo cáo đã gửi"]

    per_request = f"{base}/report-requests/{sent['id']}/submissions/"
    owed = secretariat.all(per_request, {"state": "waiting"})
    assert [s["agency_id"] for s in owed] == [world.agencies["stc"].pk]
    assert waiting["id"] != sent["id"]

    unknown = officer.get(f"{base}/report-requests/", {"state": "lost"})
    assert unknown.status_code == 400
    assert unknown.json()["errors"]["state"] == [
        "Hãy chọn một lựa chọn hợp lệ. lost không phải là một trong các lựa chọn khả thi."
    ]
