"""The congress journey through the API alone, as the systems around it would drive it."""

import datetime as dt

import pytest

from daihoi.core.models import AuditEntry
from daihoi.planning.models import Task
from daihoi.testing.files import pdf_upload

from .helpers import ApiClient

pytestmark = pytest.mark.django_db(transaction=False)


def test_secretariat_assigns_officer_reports_leader_accepts_and_another_agency_sees_nothing(
    world,
):
    congress = f"/congresses/{world.congress.pk}"
    secretariat = ApiClient(world.users["secretariat"])
    officer = ApiClient(world.users["officer"])
    leader = ApiClient(world.users["leader"])
    other_officer = ApiClient(world.users["officer2"])

    plan = secretariat.post(
        f"{congress}/plans/",
        {
            "number": 12,
            "issuer_code": "TU",
            "issued_on": "02/03/2020",
            "subject": "Kế hoạch trang trí, khánh tiết phục vụ Đại hội",
        },
    )
    assert plan.status_code == 201, plan.content
    assert plan.json()["symbol"].startswith("12")

    deadline = dt.date.today() + dt.timedelta(days=20)
    created = secretariat.post(
        f"{congress}/tasks/",
        {
            "title": "Trang trí cổng chào, pano tuyên truyền khu vực trung tâm",
            "lead_agency": world.agencies["btg"].pk,
            "coordinating_agencies": [world.agencies["svh"].pk],
            "area": "ceremony",
            "phase": "before",
            "deadline": deadline.isoformat(),
            "plan": plan.json()["id"],
        },
    )
    assert created.status_code == 201, created.content
    task = created.json()
    assert task["status_class"] == "open_on_time"
    assert {a["role"] for a in task["assignments"]} == {"lead", "coordinate"}
    path = f"{congress}/tasks/{task['id']}"

    progress = officer.post_form(
        f"{path}/progress/",
        {"text": "Đã thi công 60% pano", "percent": 60, "attachments": [pdf_upload("anh.pdf")]},
    )
    assert progress.status_code == 201, progress.content
    assert progress.json()["attachments"][0]["original_name"] == "anh.pdf"
    attachment = officer.get(f"{congress}/attachments/{progress.json()['attachments'][0]['id']}/")
    assert attachment.status_code == 200
    assert b"".join(attachment.streaming_content).startswith(b"%PDF")

    done = officer.post_form(
        f"{path}/progress/",
        {"text": "Hoàn thành trang trí", "percent": 100, "reports_completion": "true"},
    )
    assert done.status_code == 201, done.content
    assert officer.get(f"{path}/").json()["reported_complete_on"] is not None

    accepted = leader.post(f"{path}/review/", {"decision": "accept", "comment": "Đạt yêu cầu"})
    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["accepted"] is True
    assert accepted.json()["status_class"] == "done_on_time"

    board = secretariat.get(f"{congress}/dashboard/").json()
    assert board["counts"]["done_on_time"] == 1
    assert board["counts"]["open_on_time"] == 0

    assert other_officer.get(f"{path}/").status_code == 404
    assert other_officer.get(f"{path}/progress/").status_code == 404
    refused = other_officer.post_form(f"{path}/progress/", {"text": "Chen ngang", "percent": 5})
    assert refused.status_code == 404
    assert other_officer.all(f"{congress}/tasks/") == []

    # Each write is in the audit trail under its author, naming the token it came with.
    entries = AuditEntry.objects.filter(object_id=task["id"], action__startswith="task.")
    by_action = {e.action: e for e in entries}
    assert by_action["task.accepted"].actor == world.users["leader"]
    assert by_action["task.accepted"].data["api_token"] == leader.token.prefix
    assert by_action["task.completion_reported"].data["api_token"] == officer.token.prefix
    assert Task.objects.get(pk=task["id"]).accepted


def test_a_refused_input_answers_the_pages_vietnamese_messages_by_field(world):
    secretariat = ApiClient(world.users["secretariat"])
    response = secretariat.post(
        f"/congresses/{world.congress.pk}/tasks/",
        {
            "title": "Nhiệm vụ thử",
            "lead_agency": world.agencies["btg"].pk,
            "coordinating_agencies": [world.agencies["btg"].pk],
            "area": "ceremony",
            "phase": "before",
            "start_date": "10/10/2020",
            "deadline": "01/10/2020",
        },
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["deadline"] == ["Hạn hoàn thành không được trước ngày bắt đầu."]
    assert not Task.objects.exists()

    missing = secretariat.post(f"/congresses/{world.congress.pk}/tasks/", {"area": "ceremony"})
    assert missing.status_code == 400
    assert missing.json()["errors"]["title"] == ["Trường này là bắt buộc."]


def test_the_officer_cannot_review_nor_assign_and_gets_the_pages_reason(world):
    officer = ApiClient(world.users["officer"])
    response = officer.post(
        f"/congresses/{world.congress.pk}/tasks/",
        {
            "title": "X",
            "lead_agency": world.agencies["btg"].pk,
            "area": "ceremony",
            "phase": "before",
        },
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "Chỉ Thường trực / Văn phòng mới được giao nhiệm vụ."
