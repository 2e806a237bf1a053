"""The delivery made by the database (INSERT … SELECT) creates exactly what a delivery through
model instances creates: each task as `task_for` builds it, its lead assignment, its first
history row, its link to the item, and the counts kept by the writes."""

import datetime as dt

import pytest
from django.db.models import Model

from daihoi.core.dates import today as local_today
from daihoi.levels import services
from daihoi.levels.models import GuidanceRecipient, GuidanceTask
from daihoi.levels.rollup import direct_totals, rollup
from daihoi.levels.services.guidance import lead_offices, task_for
from daihoi.levels.tests.test_guidance import province, second_district, tree  # noqa: F401
from daihoi.organizations.models import Congress
from daihoi.planning import summary
from daihoi.planning.models import Area, Task, TaskAssignment
from daihoi.planning.models.summary import CongressTaskCount

pytestmark = pytest.mark.django_db
MADE_AT_SAVE = {"id", "created_at", "updated_at"}


def columns(obj: Model, skip: set[str] = MADE_AT_SAVE) -> dict:
    return {
        f.attname: getattr(obj, f.attname)
        for f in type(obj)._meta.concrete_fields
        if f.name not in skip
    }


def mixed_guidance(tree):  # noqa: F811
    """Three items: a fixed deadline, one relative to the opening day, none; a description."""
    access = province(tree)
    guidance = services.guidance_create(
        access=access, kind="template", title="Kế hoạch mẫu tổ chức Đại hội", symbol="12-KH/TU"
    )
    for fields in (
        services.ItemFields(
            title="Xây dựng báo cáo chính trị",
            area=Area.DOCUMENTS,
            description="Gửi dự thảo về Ban Thường vụ trước khi trình.",
            deadline=dt.date(2020, 6, 30),
        ),
        services.ItemFields(title="Chuẩn bị hội trường", area=Area.LOGISTICS, offset_days=-7),
        services.ItemFields(title="Tổng kết công tác tuyên truyền", area=Area.PROPAGANDA),
    ):
        services.guidance_item_add(access=access, guidance=guidance, fields=fields)
    return guidance


def test_the_database_made_delivery_equals_one_made_from_model_instances(tree):  # noqa: F811
    other = second_district(tree)
    Congress.objects.filter(pk=tree.district.pk).update(opening_date=dt.date(2020, 7, 15))
    for congress in (tree.district, other):
        summary.rebuild(congress.pk)
    guidance = mixed_guidance(tree)
    send = services.guidance_send(
        access=province(tree), guidance=guidance, congress_ids=[tree.district.pk, other.pk]
    )
    assert services.deliver(send.pk) == 2
    items = list(guidance.items.order_by("pk"))
    leads = lead_offices([tree.district.pk, other.pk])
    links = GuidanceTask.objects.select_related("task", "item", "recipient__congress")
    assert links.count() == 6
    for link in links:
        congress, item, task = link.recipient.congress, link.item, link.task
        expected = task_for(item, congress, leads[congress.pk], guidance)
        assert columns(task) == columns(expected)
        assert task.created_at is not None and task.updated_at is not None
        assert link.revision == item.revision
        assert link.written == services.guidance._written(expected)
        [assignment] = TaskAssignment.objects.filter(task=task)
        assert columns(assignment) == columns(
            TaskAssignment(
                task=task,
                agency_id=leads[congress.pk],
                role=TaskAssignment.Role.LEAD,
                deadline=task.deadline,
            )
        )
        [history] = Task.history.filter(id=task.pk)
        assert history.history_type == "+" and history.history_user_id is None
        copied = {f.attname for f in Task.history.model._meta.concrete_fields}
        assert {a: v for a, v in columns(task, set()).items() if a in copied} == {
            a: getattr(history, a) for a in columns(task, set()) if a in copied
        }
    by_item = {(link.recipient.congress_id, link.item_id): link.task for link in links}
    assert by_item[(tree.district.pk, items[1].pk)].deadline == dt.date(2020, 7, 8)
    assert by_item[(other.pk, items[1].pk)].deadline is None  # no opening day yet
    assert by_item[(other.pk, items[0].pk)].deadline == dt.date(2020, 6, 30)
    assert not GuidanceRecipient.objects.filter(send=send, delivered_at__isnull=True).exists()
    # The counts the writes keep: the cells, the per-congress totals, the roll-up.
    today = local_today()
    for congress in (tree.district, other):
        assert summary.stored_cells(congress.pk) == summary.direct_cells(congress.pk, today)
        direct = direct_totals(congress, today)
        kept = dict.fromkeys(direct, 0) | {
            c.status: c.tasks for c in CongressTaskCount.objects.filter(congress=congress)
        }
        assert kept == direct
    assert dict(rollup(tree.congress, today).total.by_class) == direct_totals(tree.congress, today)
    assert services.deliver(send.pk) == 0
    assert Task.objects.filter(congress__in=[tree.district, other]).count() == 6
    assert TaskAssignment.objects.filter(task__congress__in=[tree.district, other]).count() == 6
