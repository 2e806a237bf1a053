"""Meetings, documents, notifications and text to tasks through the API."""

import datetime as dt

from django.utils import timezone

from daihoi.meetings import services as meeting_services
from daihoi.notifications.models import Kind, Notification
from daihoi.planning.models import Task

from .helpers import ApiClient


def test_a_conclusion_becomes_a_task_once_with_the_pages_messages(world, secretariat_access):
    meeting = meeting_services.meeting_plan(
        access=secretariat_access,
        title="Họp Tiểu ban Tổ chức phục vụ",
        kind="subcommittee",
        starts_at=timezone.now(),
        ends_at=timezone.now() + dt.timedelta(hours=2),
        place="Hội trường Tỉnh ủy",
        chair=world.chair,
        invited_agencies=[world.agencies["btg"]],
    )
    conclusion = meeting_services.conclusion_add(
        access=secretariat_access, meeting=meeting, text="Ban Tuyên giáo in pano cổ động"
    )
    leader = ApiClient(world.users["leader"])
    path = (
        f"/congresses/{world.congress.pk}/meetings/{meeting.pk}/conclusions/{conclusion.pk}/task/"
    )
    missing = leader.post(
        path,
        {
            "title": "In pano",
            "lead_agency": world.agencies["btg"].pk,
            "area": "",
            "phase": "before",
        },
    )
    assert missing.status_code == 400
    assert missing.json()["errors"]["area"][0].startswith("Chưa chọn lĩnh vực")
    body = {
        "title": "In pano cổ động",
        "lead_agency": world.agencies["btg"].pk,
        "area": "propaganda",
        "phase": "before",
    }
    made = leader.post(path, body)
    assert made.status_code == 201, made.content
    task = Task.objects.get(pk=made.json()["id"])
    assert task.conclusion == conclusion
    again = leader.post(path, body)
    assert again.status_code == 400
    assert "đã được giao thành nhiệm vụ" in again.json()["detail"]
    detail = leader.get(f"/congresses/{world.congress.pk}/meetings/{meeting.pk}/").json()
    assert detail["conclusions"][0]["task_id"] == task.pk


def test_text_to_tasks_returns_the_extraction_and_saves_nothing(world):
    api = ApiClient(world.users["secretariat"])
    before = Task.objects.count()
    response = api.post(
        f"/congresses/{world.congress.pk}/text-to-tasks/",
        {
            "text": "Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp Sở Văn hóa, Thể thao và Du "
            "lịch tổ chức tuyên truyền trực quan, hoàn thành trước ngày 30/9/2020.",
            "today": "2020-09-01",
        },
    )
    assert response.status_code == 200, response.content
    draft = response.json()
    assert draft["assignments"], draft
    assert any("Tuyên giáo" in a["agency"] for a in draft["assignments"])
    assert Task.objects.count() == before
    empty = api.post(f"/congresses/{world.congress.pk}/text-to-tasks/", {"text": "  "})
    assert empty.status_code == 400
    assert empty.json()["errors"]["text"] == ["Vui lòng dán nội dung văn bản hoặc chọn tệp."]


def test_notifications_are_the_owners_and_are_marked_read(world):
    notice = Notification.objects.create(
        recipient=world.users["officer"],
        congress=world.congress,
        kind=Kind.TASK_ASSIGNED,
        title="Nhiệm vụ mới",
        dedupe_key="api-test",
    )
    officer = ApiClient(world.users["officer"])
    rows = officer.all("/notifications/", {"unread": "true"})
    assert [r["id"] for r in rows] == [notice.pk]
    assert ApiClient(world.users["officer2"]).all("/notifications/") == []
    assert officer.post(f"/notifications/{notice.pk}/read/").json()["read_at"]
    assert officer.all("/notifications/", {"unread": "true"}) == []


def test_report_requests_and_estimates_read_as_on_the_pages(world):
    from daihoi.budget.tests.helpers import approved_estimate_with_spending
    from daihoi.reporting.tests.helpers import reporting_objects

    ids = {**reporting_objects(world), **approved_estimate_with_spending(world)}
    congress = f"/congresses/{world.congress.pk}"
    officer = ApiClient(world.users["officer"])
    other = ApiClient(world.users["officer2"])
    assert [r["id"] for r in officer.all(f"{congress}/report-requests/")] == [ids["request_id"]]
    assert other.all(f"{congress}/report-requests/") == []
    mine = officer.all(f"{congress}/report-requests/{ids['request_id']}/submissions/")
    assert [s["id"] for s in mine] == [ids["submission_id"]]
    estimate = ApiClient(world.users["secretariat"]).get(
        f"{congress}/estimates/{ids['estimate_id']}/"
    )
    assert estimate.status_code == 200
    body = estimate.json()
    assert (
        body["lines"] and sum(line["amount"] for line in body["lines"]) == body["requested_total"]
    )


def test_a_document_signed_on_paper_is_registered_with_its_scan(world):
    from daihoi.documents.models import Document
    from daihoi.testing.files import pdf_upload

    api = ApiClient(world.users["secretariat"])
    path = f"/congresses/{world.congress.pk}/documents/register/"
    made = api.post_form(
        path,
        {
            "kind": "TB",
            "number": 540,
            "issued_on": "05/03/2020",
            "issuer": world.agencies["vptu"].pk,
            "subject": "Thông báo kết luận của Thường trực Tỉnh ủy",
            "scan": pdf_upload("ban-ky.pdf"),
        },
    )
    assert made.status_code == 201, made.content
    document = Document.objects.get(pk=made.json()["id"])
    assert document.number == 540 and document.scan
    assert made.json()["symbol"].startswith("540")
    again = api.post_form(
        path,
        {
            "kind": "TB",
            "number": 540,
            "issued_on": "05/03/2020",
            "issuer": world.agencies["vptu"].pk,
            "subject": "Trùng số",
        },
    )
    assert again.status_code == 400
    assert again.json()["errors"]
