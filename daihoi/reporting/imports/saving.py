"""Saving the checked rows: all of them or none, through the planning services."""

from django.core.exceptions import ValidationError
from django.db import transaction

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError, ConflictError, PermissionDenied
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access
from daihoi.planning import services as planning_services
from daihoi.planning.models import Plan, Task

from ..models import TaskImportAction
from .rows import ImportRow, TaskImportError


def _fields(row: ImportRow, agencies: dict[int, Agency], plans: dict[int, Plan], task=None):
    try:
        lead = agencies[row.lead_id or 0]
        coordinating = [agencies[i] for i in row.coordinating_ids]
        appraiser = agencies[row.appraising_id] if row.appraising_id else None
        plan = plans[row.plan_id] if row.plan_id else None
    except KeyError:
        message = f"Dòng {row.line}: đơn vị hoặc kế hoạch không thuộc Đại hội này."
        raise TaskImportError([message]) from None
    return planning_services.TaskFields(
        title=row.title,
        lead_agency=lead,
        coordinating_agencies=coordinating,
        appraising_agency=appraiser,
        area=row.area,
        phase=row.phase,
        start_date=row.date("start_date"),
        deadline=None if row.deadline_offset is not None else row.date("deadline"),
        deadline_offset_days=row.deadline_offset,
        plan=plan,
        description=row.description,
        # What the sheet does not carry stays as it is on the task.
        leader_in_charge=task.leader_in_charge if task else None,
        committee=task.committee if task else (plan.committee if plan else None),
        parent=task.parent if task else None,
        key_item=task.key_item if task else False,
        detailed_plan_due=task.detailed_plan_due if task else None,
    )


@transaction.atomic
def tasks_import(*, access: Access, rows: list[ImportRow]) -> tuple[list[Task], list[Task]]:
    """All rows or none: new rows through `task_create`, rows with a code through `task_update`
    at the version previewed (a task edited since refuses the whole import). Each task records
    its own change; one more entry on the congress names the import. Returns (created, updated).
    """
    errors = [f"Dòng {r.line}: {'; '.join(r.errors)}." for r in rows if r.errors]
    if errors or not rows:
        raise TaskImportError(errors or ["Tệp không có dòng nhiệm vụ nào."])
    ids = {r.lead_id for r in rows if r.lead_id} | {i for r in rows for i in r.coordinating_ids}
    ids |= {r.appraising_id for r in rows if r.appraising_id}
    agencies = {a.pk: a for a in Agency.objects.filter(congress=access.congress, pk__in=ids)}
    plans = {
        p.pk: p
        for p in Plan.objects.filter(
            congress=access.congress, pk__in={r.plan_id for r in rows if r.plan_id}
        )
    }
    codes = [r.code for r in rows if r.code is not None and r.changes]
    tasks = {
        t.pk: t
        for t in Task.objects.filter(congress=access.congress, pk__in=codes).select_related(
            "leader_in_charge", "committee", "parent"
        )
    }
    created, updated = [], []
    new_rows = [row for row in rows if not row.is_update]
    for row in rows:
        if not row.is_update or not row.changes:
            continue
        try:
            task = tasks.get(row.code or 0)
            if task is None:
                raise TaskImportError(
                    [f"Dòng {row.line}: mã nhiệm vụ {row.code} không thuộc Đại hội này."]
                )
            updated.append(
                planning_services.task_update(
                    access=access,
                    task=task,
                    expected_version=row.task_version,
                    fields=_fields(row, agencies, plans, task),
                )
            )
        except (PermissionDenied, TaskImportError):
            raise
        except ConflictError:
            raise TaskImportError(
                [
                    f"Dòng {row.line}: nhiệm vụ {row.code} vừa được người khác sửa; "
                    "hãy xuất lại danh sách rồi nhập lại."
                ]
            ) from None
        except BusinessError as error:
            raise TaskImportError([f"Dòng {row.line}: {error.message}"]) from None
        except ValidationError as error:
            messages = "; ".join(error.messages)
            raise TaskImportError([f"Dòng {row.line}: {messages}"]) from None
    # New rows in bulk: a bounded number of queries per 500 tasks (`tasks_create_bulk`).
    try:
        created = planning_services.tasks_create_bulk(
            access=access, fields=[_fields(row, agencies, plans) for row in new_rows]
        )
    except planning_services.BulkTaskError as error:
        raise TaskImportError([f"Dòng {new_rows[error.index].line}: {error.message}"]) from None
    record(
        access,
        TaskImportAction.CONFIRMED,
        access.congress,
        data={"tasks": [task.pk for task in created], "updated": [task.pk for task in updated]},
    )
    return created, updated
