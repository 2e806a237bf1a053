import datetime as dt

import pytest
from django.utils import timezone

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.meetings import services as meeting_services
from daihoi.meetings.models import Meeting, MeetingAction
from daihoi.planning import selectors
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase, Plan, ProgressUpdate, Task

pytestmark = pytest.mark.django_db
TODAY = dt.date(2020, 9, 15)


@pytest.fixture
def task(world, secretariat_access):
    return planning_services.task_create(
        access=secretariat_access,
        fields=planning_services.TaskFields(
            title="In pano tuyên truyền",
            lead_agency=world.agencies["btg"],
            coordinating_agencies=[world.agencies["svh"]],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=dt.date(2020, 9, 30),
        ),
    )


def test_deleted_task_leaves_lists_inbox_and_counts_and_comes_back(
    world, secretariat_access, propaganda_access, task
):
    planning_services.task_delete(access=secretariat_access, task=task, reason="Nhập trùng")
    assert not Task.objects.filter(pk=task.pk).exists()
    assert selectors.status_counts(secretariat_access, TODAY)["total"] == 0
    assert list(selectors.agency_inbox(propaganda_access, world.agencies["btg"])) == []

    planning_services.task_restore(access=secretariat_access, task=Task.all_objects.get(pk=task.pk))
    assert selectors.status_counts(secretariat_access, TODAY)["total"] == 1
    assert [
        r.task_id for r in selectors.agency_inbox(propaganda_access, world.agencies["btg"])
    ] == [task.pk]
    reasons = [e.label + (f": {e.reason}" if e.reason else "") for e in reversed(history_of(task))]
    assert reasons == ["Giao nhiệm vụ", "Xóa nhiệm vụ: Nhập trùng", "Khôi phục nhiệm vụ"]


def test_only_the_secretariat_deletes_and_restores(world, leader_access, propaganda_access, task):
    for access in (leader_access, propaganda_access):
        with pytest.raises(PermissionDenied):
            planning_services.task_delete(access=access, task=task)
    assert Task.objects.filter(pk=task.pk).exists()


def test_deleted_progress_report_and_its_obstacle_disappear(
    world, secretariat_access, propaganda_access, task
):
    update = planning_services.task_report_progress(
        access=propaganda_access, task=task, text="Đang in", percent=30, obstacle="Thiếu giấy"
    )
    planning_services.progress_update_delete(access=secretariat_access, update=update)
    assert list(selectors.open_obstacles(secretariat_access)) == []
    assert list(task.updates.all()) == []
    planning_services.progress_update_restore(
        access=secretariat_access, update=ProgressUpdate.all_objects.get(pk=update.pk)
    )
    assert [u.obstacle for u in selectors.open_obstacles(secretariat_access)] == ["Thiếu giấy"]


def test_plan_with_tasks_cannot_be_deleted(world, secretariat_access):
    planning_services.task_create(
        access=secretariat_access,
        fields=planning_services.TaskFields(
            title="Việc trong kế hoạch",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            plan=world.plan,
        ),
    )
    with pytest.raises(BusinessError, match="còn 1 nhiệm vụ"):
        planning_services.plan_delete(access=secretariat_access, plan=world.plan)
    assert Plan.objects.filter(pk=world.plan.pk).exists()


def test_trash_page_lists_deleted_records_and_restores_them(
    world, client, secretariat_access, task
):
    start = timezone.now()
    meeting = meeting_services.meeting_plan(
        access=secretariat_access,
        title="Họp bàn trang trí",
        kind="briefing",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        place="P1",
        chair=world.chair,
    )
    planning_services.task_delete(access=secretariat_access, task=task)
    meeting_services.meeting_delete(access=secretariat_access, meeting=meeting)

    client.force_login(world.users["secretariat"])
    page = client.get(f"/dai-hoi/{world.congress.pk}/thung-rac/").content.decode()
    assert "In pano tuyên truyền" in page and "Họp bàn trang trí" in page
    assert client.get(f"/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/").status_code == 404

    response = client.post(
        f"/dai-hoi/{world.congress.pk}/thung-rac/meeting/{meeting.pk}/khoi-phuc/"
    )
    assert response.status_code == 302
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    restored = history_of(Meeting.objects.get(pk=meeting.pk)).filter(action=MeetingAction.RESTORED)
    assert [e.actor for e in restored] == [world.users["secretariat"]]
    # A record of another congress, or one not in the trash, answers 404.
    assert (
        client.post(
            f"/dai-hoi/{world.congress.pk}/thung-rac/meeting/{meeting.pk}/khoi-phuc/"
        ).status_code
        == 404
    )
    assert (
        client.post(f"/dai-hoi/{world.congress.pk}/thung-rac/khac/1/khoi-phuc/").status_code == 404
    )


def test_issued_documents_are_not_deleted_drafts_are(world, secretariat_access):
    from daihoi.documents import services as document_services
    from daihoi.documents.models import Document

    draft = document_services.document_create(
        access=secretariat_access,
        kind="TB",
        issuer=world.agencies["vptu"],
        subject="Dự thảo",
        body="Nội dung",
        signer=world.chair,
    )
    issued = document_services.document_issue(
        access=secretariat_access,
        document=document_services.document_create(
            access=secretariat_access,
            kind="TB",
            issuer=world.agencies["vptu"],
            subject="Đã ban hành",
            body="Nội dung",
            signer=world.chair,
        ),
    )
    with pytest.raises(BusinessError, match="đã ban hành không xóa được"):
        document_services.document_delete(access=secretariat_access, document=issued)
    document_services.document_delete(access=secretariat_access, document=draft)
    assert list(Document.objects.values_list("subject", flat=True)) == ["Đã ban hành"]


def test_restoring_a_draft_from_the_trash_records_one_restore_entry(
    world, client, secretariat_access
):
    from daihoi.documents import services as document_services
    from daihoi.documents.models import Document, DocumentAction

    draft = document_services.document_create(
        access=secretariat_access,
        kind="TB",
        issuer=world.agencies["vptu"],
        subject="Dự thảo thông báo",
        body="Nội dung",
        signer=world.chair,
    )
    document_services.document_delete(access=secretariat_access, document=draft)
    client.force_login(world.users["secretariat"])
    response = client.post(f"/dai-hoi/{world.congress.pk}/thung-rac/document/{draft.pk}/khoi-phuc/")
    assert response.status_code == 302
    restored = Document.objects.get(pk=draft.pk)
    entries = history_of(restored).filter(action=DocumentAction.RESTORED)
    assert [e.actor for e in entries] == [world.users["secretariat"]]
