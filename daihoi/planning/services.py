"""Every change of plans and tasks that users cause. Keyword-only, explicit actor, atomic."""

import datetime as dt
from collections.abc import Iterable, Sequence

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError, ConflictError
from daihoi.core.history import audit as _audit
from daihoi.core.services import require, require_same_congress, send_on_commit
from daihoi.core.text import fold
from daihoi.core.uploads import validate_attachment
from daihoi.documents import services as document_services
from daihoi.documents.models import Document, DocumentKind
from daihoi.organizations.models import Agency, Committee, Congress, Person
from daihoi.organizations.permissions import Access

from . import permissions, signals
from .models import Attachment, Plan, ProgressUpdate, Task, TaskAssignment, TaskReview

# Plans -----------------------------------------------------------------------------------------


def _plan_document_issuer(plan: Plan) -> Agency | None:
    """The agency under which the plan is entered in the registry of official documents.

    The registry numbers documents per issuing agency. A plan names that agency, or only the
    code printed in its symbol; then the congress's agency bearing that code is the issuer and
    becomes the plan's issuer too. The plan's code stays what its symbol prints, even when it
    differs from the agency's own code (a subcommittee's plan issued under the Tỉnh ủy reads
    "06-KH/TBPV"), so the registered document carries the plan's code. A plan whose agency
    cannot be found stays outside the registry until one is chosen.
    """
    if plan.issuer is not None:
        return plan.issuer
    matches = list(Agency.objects.filter(congress=plan.congress, code__iexact=plan.issuer_code)[:2])
    if len(matches) == 1:
        plan.issuer = matches[0]
        return matches[0]
    return None


def _sync_plan_document(access: Access, plan: Plan) -> None:
    """Registers the plan as a KH document, or corrects its registry entry after an edit."""
    issuer = _plan_document_issuer(plan)
    if issuer is None:
        return
    fields = {
        "issuer": issuer,
        "number": plan.number,
        "issued_on": plan.issued_on,
        "subject": plan.subject,
        "issuer_code": plan.issuer_code,
    }
    if plan.document is None:
        plan.document = document_services.document_register(
            access=access, kind=DocumentKind.KH, **fields
        )
    elif plan.document.origin == Document.Origin.REGISTERED:
        document_services.document_correct_registration(
            access=access, document=plan.document, **fields
        )


@transaction.atomic
def plan_create(
    *,
    access: Access,
    number: int,
    issuer_code: str,
    issued_on: dt.date,
    subject: str,
    issuer: Agency | None = None,
    committee: Committee | None = None,
    parent: Plan | None = None,
) -> Plan:
    require(access.can_manage)
    congress = access.congress
    require_same_congress(congress, issuer, committee, parent)
    issuer_code = issuer_code.strip().upper()
    if Plan.objects.filter(
        congress=congress, issuer_code=issuer_code, year=issued_on.year, number=number
    ).exists():
        raise BusinessError(
            f"Số {number} đã được {issuer_code} dùng cho một kế hoạch khác trong năm "
            f"{issued_on.year}.",
            field="number",
        )
    plan = Plan(
        congress=congress,
        number=number,
        issuer_code=issuer_code,
        issued_on=issued_on,
        subject=subject.strip(),
        issuer=issuer,
        committee=committee,
        parent=parent,
    )
    _sync_plan_document(access, plan)
    _audit(plan, access, "Tạo kế hoạch")
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:
        raise BusinessError(
            f"Số {number} đã được dùng trong năm {issued_on.year}.", field="number"
        ) from None
    return plan


@transaction.atomic
def plan_update(*, access: Access, plan: Plan, **fields) -> Plan:
    require(access.can_manage and plan.congress_id == access.congress.pk)
    require_same_congress(
        access.congress, fields.get("issuer"), fields.get("committee"), fields.get("parent")
    )
    if fields.get("parent") is not None and fields["parent"].pk == plan.pk:
        raise BusinessError("Kế hoạch không thể cụ thể hóa chính nó.", field="parent")
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.issuer_code = plan.issuer_code.strip().upper()
    duplicate = (
        Plan.objects.filter(
            congress=plan.congress,
            issuer_code=plan.issuer_code,
            year=plan.issued_on.year,
            number=plan.number,
        )
        .exclude(pk=plan.pk)
        .exists()
    )
    if duplicate:
        raise BusinessError(
            f"Số {plan.number} đã được {plan.issuer_code} dùng trong năm {plan.issued_on.year}.",
            field="number",
        )
    _sync_plan_document(access, plan)
    _audit(plan, access, "Sửa kế hoạch")
    plan.save()
    return plan


# Tasks -----------------------------------------------------------------------------------------


def resolve_deadline(
    congress: Congress, deadline: dt.date | None, offset_days: int | None
) -> dt.date | None:
    if offset_days is None:
        return deadline
    if congress.opening_date is None:
        raise BusinessError(
            "Đại hội chưa có ngày khai mạc nên chưa thể đặt hạn theo ngày khai mạc (D−…).",
            field="deadline",
        )
    return congress.opening_date + dt.timedelta(days=offset_days)


def _validate_task_fields(
    *,
    congress: Congress,
    lead_agency: Agency,
    coordinating_agencies: Sequence[Agency],
    appraising_agency: Agency | None,
    start_date: dt.date | None,
    deadline: dt.date | None,
    leader_in_charge: Person | None,
    plan: Plan | None,
    committee: Committee | None,
    parent: Task | None,
) -> None:
    require_same_congress(
        congress, lead_agency, appraising_agency, leader_in_charge, plan, committee, parent
    )
    require_same_congress(congress, *coordinating_agencies)
    if any(a.pk == lead_agency.pk for a in coordinating_agencies):
        raise BusinessError(
            "Đơn vị phối hợp không được trùng với đơn vị chủ trì.", field="coordinating_agencies"
        )
    if appraising_agency is not None and (
        appraising_agency.pk == lead_agency.pk
        or any(a.pk == appraising_agency.pk for a in coordinating_agencies)
    ):
        raise BusinessError(
            "Đơn vị thẩm định phải khác đơn vị chủ trì và đơn vị phối hợp.",
            field="appraising_agency",
        )
    if start_date and deadline and deadline < start_date:
        raise BusinessError("Hạn hoàn thành không được trước ngày bắt đầu.", field="deadline")


def _search_text(task: Task, agencies: Iterable[Agency]) -> str:
    names = " ".join(f"{a.name} {a.short_name}" for a in agencies)
    return fold(f"{task.title} {task.description} {names}")


def _sync_assignments(
    task: Task, coordinating: Sequence[Agency], appraising: Agency | None
) -> None:
    """Rewrite the task's assignment rows so they match its lead, coordinators and appraiser."""
    wanted = {task.lead_agency_id: TaskAssignment.Role.LEAD}
    wanted.update({a.pk: TaskAssignment.Role.COORDINATE for a in coordinating})
    if appraising is not None:
        wanted[appraising.pk] = TaskAssignment.Role.APPRAISE
    existing = {a.agency_id: a for a in task.assignments.all()}
    stale = [row.pk for agency_id, row in existing.items() if agency_id not in wanted]
    if stale:
        TaskAssignment.objects.filter(pk__in=stale).delete()
    for agency_id, role in wanted.items():
        row = existing.get(agency_id)
        if row is None:
            TaskAssignment.objects.create(
                task=task,
                agency_id=agency_id,
                role=role,
                accepted=task.accepted,
                cancelled=task.cancelled,
                deadline=task.deadline,
            )
        elif row.role != role:
            row.role = role
            row.save(update_fields=["role"])


def _copy_state_to_assignments(task: Task) -> None:
    TaskAssignment.objects.filter(task=task).update(
        accepted=task.accepted, cancelled=task.cancelled, deadline=task.deadline
    )


@transaction.atomic
def task_create(
    *,
    access: Access,
    title: str,
    lead_agency: Agency,
    area: str,
    phase: str,
    description: str = "",
    coordinating_agencies: Sequence[Agency] = (),
    appraising_agency: Agency | None = None,
    leader_in_charge: Person | None = None,
    start_date: dt.date | None = None,
    deadline: dt.date | None = None,
    deadline_offset_days: int | None = None,
    plan: Plan | None = None,
    committee: Committee | None = None,
    parent: Task | None = None,
    source: str = Task.Source.ADHOC,
    source_text: str = "",
) -> Task:
    require(permissions.can_create_task(access, source))
    congress = access.congress
    deadline = resolve_deadline(congress, deadline, deadline_offset_days)
    coordinating_agencies = list(coordinating_agencies)
    _validate_task_fields(
        congress=congress,
        lead_agency=lead_agency,
        coordinating_agencies=coordinating_agencies,
        appraising_agency=appraising_agency,
        start_date=start_date,
        deadline=deadline,
        leader_in_charge=leader_in_charge,
        plan=plan,
        committee=committee,
        parent=parent,
    )
    if source == Task.Source.ADHOC and plan is not None:
        source = Task.Source.PLAN
    task = Task(
        congress=congress,
        title=title.strip(),
        description=description.strip(),
        lead_agency=lead_agency,
        area=area,
        phase=phase,
        leader_in_charge=leader_in_charge,
        start_date=start_date,
        deadline=deadline,
        deadline_offset_days=deadline_offset_days,
        plan=plan,
        committee=committee,
        parent=parent,
        source=source,
        source_text=source_text,
        created_by=access.user,
    )
    task.search_text = _search_text(
        task, [lead_agency, *coordinating_agencies, *filter(None, [appraising_agency])]
    )
    _audit(task, access, "Giao nhiệm vụ")
    task.full_clean(exclude=["lead_agency", "congress", "created_by"])
    task.save()
    _sync_assignments(task, coordinating_agencies, appraising_agency)
    send_on_commit(
        signals.task_assigned,
        Task,
        task=task,
        agency_ids=list(task.assignments.values_list("agency_id", flat=True)),
        actor=access.user,
    )
    return task


def _lock_task(task: Task, expected_version: int | None) -> Task:
    """Locks the task row and checks nobody saved it since the form was opened."""
    locked = Task.objects.select_for_update().get(pk=task.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(
            "Nhiệm vụ vừa được người khác cập nhật. Vui lòng tải lại trang, xem thay đổi rồi "
            "nhập lại."
        )
    return locked


@transaction.atomic
def task_update(
    *,
    access: Access,
    task: Task,
    expected_version: int | None,
    title: str,
    lead_agency: Agency,
    area: str,
    phase: str,
    description: str = "",
    coordinating_agencies: Sequence[Agency] = (),
    appraising_agency: Agency | None = None,
    leader_in_charge: Person | None = None,
    start_date: dt.date | None = None,
    deadline: dt.date | None = None,
    deadline_offset_days: int | None = None,
    plan: Plan | None = None,
    committee: Committee | None = None,
    parent: Task | None = None,
) -> Task:
    require(permissions.can_manage_tasks(access) and task.congress_id == access.congress.pk)
    task = _lock_task(task, expected_version)
    deadline = resolve_deadline(access.congress, deadline, deadline_offset_days)
    coordinating_agencies = list(coordinating_agencies)
    if parent is not None and parent.pk == task.pk:
        raise BusinessError("Nhiệm vụ không thể là nhiệm vụ cha của chính nó.", field="parent")
    _validate_task_fields(
        congress=access.congress,
        lead_agency=lead_agency,
        coordinating_agencies=coordinating_agencies,
        appraising_agency=appraising_agency,
        start_date=start_date,
        deadline=deadline,
        leader_in_charge=leader_in_charge,
        plan=plan,
        committee=committee,
        parent=parent,
    )
    if task.lead_agency_id != lead_agency.pk and task.reported_complete_on:
        raise BusinessError(
            "Nhiệm vụ đã được báo cáo hoàn thành, không thể đổi đơn vị chủ trì.",
            field="lead_agency",
        )
    for name, value in {
        "title": title.strip(),
        "description": description.strip(),
        "lead_agency": lead_agency,
        "area": area,
        "phase": phase,
        "leader_in_charge": leader_in_charge,
        "start_date": start_date,
        "deadline": deadline,
        "deadline_offset_days": deadline_offset_days,
        "plan": plan,
        "committee": committee,
        "parent": parent,
    }.items():
        setattr(task, name, value)
    task.version += 1
    task.search_text = _search_text(
        task, [lead_agency, *coordinating_agencies, *filter(None, [appraising_agency])]
    )
    _audit(task, access, "Sửa nhiệm vụ")
    before = set(task.assignments.values_list("agency_id", flat=True))
    task.full_clean(exclude=["lead_agency", "congress", "created_by"])
    task.save()
    _sync_assignments(task, coordinating_agencies, appraising_agency)
    _copy_state_to_assignments(task)
    added = set(task.assignments.values_list("agency_id", flat=True)) - before
    if added:
        send_on_commit(
            signals.task_assigned, Task, task=task, agency_ids=sorted(added), actor=access.user
        )
    return task


@transaction.atomic
def task_report_progress(
    *,
    access: Access,
    task: Task,
    text: str,
    percent: int,
    obstacle: str = "",
    reports_completion: bool = False,
    attachments: Sequence[UploadedFile] = (),
) -> ProgressUpdate:
    """Locks the task row. Completion is the lead agency's word; it waits for acceptance."""
    task = _lock_task(task, None)
    require(
        permissions.can_report_progress(access, task),
        "Đơn vị của bạn không được giao nhiệm vụ này hoặc nhiệm vụ đã kết thúc.",
    )
    if not 0 <= percent <= 100:
        raise BusinessError("Tiến độ phải từ 0 đến 100%.", field="percent")
    if reports_completion:
        require(
            permissions.can_report_completion(access, task),
            "Chỉ đơn vị chủ trì mới được báo cáo hoàn thành nhiệm vụ.",
        )
        if percent != 100:
            raise BusinessError("Báo cáo hoàn thành thì tiến độ phải là 100%.", field="percent")
        if task.reported_complete_on:
            raise BusinessError("Nhiệm vụ đã được báo cáo hoàn thành, đang chờ xác nhận.")
    if not text.strip():
        raise BusinessError("Vui lòng nhập nội dung báo cáo.", field="text")
    content_types = [validate_attachment(f) for f in attachments]
    # The secretariat may enter a report on behalf of the lead agency.
    role = permissions.agency_role_in_task(access, task)
    agency_id = access.agency_id if role is not None else task.lead_agency_id
    update = ProgressUpdate(
        task=task,
        agency_id=agency_id,
        author=access.user,
        text=text.strip(),
        percent=percent,
        obstacle=obstacle.strip(),
        reports_completion=reports_completion,
    )
    _audit(update, access, "Báo cáo tiến độ")
    update.save()
    for upload, content_type in zip(attachments, content_types, strict=True):
        Attachment.objects.create(
            update=update,
            file=upload,
            original_name=(upload.name or "tep")[:255],
            size=upload.size,
            content_type=content_type,
        )
    if agency_id == task.lead_agency_id:
        task.progress = percent
    if reports_completion:
        send_on_commit(signals.task_completion_reported, Task, task=task, actor=access.user)
        task.reported_complete_on = local_today()
        _audit(task, access, "Báo cáo hoàn thành, chờ xác nhận")
    else:
        _audit(task, access, f"Cập nhật tiến độ {percent}%")
    task.version += 1
    task.save()
    return update


@transaction.atomic
def task_accept(*, access: Access, task: Task, comment: str = "") -> Task:
    """Locks the task row. The completion date stays the day the lead reported it."""
    task = _lock_task(task, None)
    require(
        permissions.can_review_task(access, task),
        "Chỉ lãnh đạo tiểu ban hoặc Thường trực mới xác nhận nhiệm vụ đang chờ xác nhận.",
    )
    task.accepted = True
    task.accepted_at = timezone.now()
    task.accepted_by = access.user
    task.version += 1
    _audit(task, access, "Xác nhận hoàn thành")
    task.save()
    _copy_state_to_assignments(task)
    TaskReview.objects.create(
        task=task, reviewer=access.user, decision=TaskReview.Decision.ACCEPTED, comment=comment
    )
    send_on_commit(
        signals.task_reviewed,
        Task,
        task=task,
        decision="accepted",
        comment=comment,
        actor=access.user,
    )
    return task


@transaction.atomic
def task_return(*, access: Access, task: Task, comment: str) -> Task:
    task = _lock_task(task, None)
    require(
        permissions.can_review_task(access, task),
        "Chỉ lãnh đạo tiểu ban hoặc Thường trực mới trả lại nhiệm vụ đang chờ xác nhận.",
    )
    if not comment.strip():
        raise BusinessError("Khi trả lại nhiệm vụ phải ghi rõ ý kiến.", field="comment")
    task.reported_complete_on = None
    task.version += 1
    _audit(task, access, f"Trả lại: {comment.strip()}")
    task.save()
    TaskReview.objects.create(
        task=task,
        reviewer=access.user,
        decision=TaskReview.Decision.RETURNED,
        comment=comment.strip(),
    )
    send_on_commit(
        signals.task_reviewed,
        Task,
        task=task,
        decision="returned",
        comment=comment.strip(),
        actor=access.user,
    )
    return task


@transaction.atomic
def task_set_halt(*, access: Access, task: Task, state: str, reason: str = "") -> Task:
    """state: "paused", "cancelled" or "active"."""
    require(permissions.can_manage_tasks(access) and task.congress_id == access.congress.pk)
    task = _lock_task(task, None)
    if task.accepted:
        raise BusinessError("Nhiệm vụ đã hoàn thành, không thể tạm dừng hoặc hủy.")
    labels = {"paused": "Tạm dừng", "cancelled": "Hủy nhiệm vụ", "active": "Tiếp tục thực hiện"}
    if state not in labels:
        raise BusinessError("Trạng thái không hợp lệ.")
    task.paused = state == "paused"
    task.cancelled = state == "cancelled"
    task.version += 1
    _audit(task, access, labels[state] + (f": {reason.strip()}" if reason.strip() else ""))
    task.save()
    _copy_state_to_assignments(task)
    return task


@transaction.atomic
def obstacle_resolve(*, access: Access, update: ProgressUpdate, note: str = "") -> ProgressUpdate:
    require(access.can_accept and update.task.congress_id == access.congress.pk)
    update.obstacle_resolved = True
    _audit(update, access, "Đã tháo gỡ vướng mắc" + (f": {note}" if note else ""))
    update.save(update_fields=["obstacle_resolved"])
    return update


@transaction.atomic
def congress_reschedule(
    *, access: Access, opening_date: dt.date, closing_date: dt.date | None = None
) -> int:
    """Moves the congress dates; every deadline set relative to the opening day follows.

    Returns how many tasks moved.
    """
    require(access.can_manage)
    if closing_date and closing_date < opening_date:
        raise BusinessError("Ngày bế mạc không được trước ngày khai mạc.", field="closing_date")
    congress = Congress.objects.select_for_update().get(pk=access.congress.pk)
    congress.opening_date = opening_date
    congress.closing_date = closing_date
    congress.save(update_fields=["opening_date", "closing_date"])
    moved = 0
    relative = Task.objects.select_for_update().filter(
        congress=congress, deadline_offset_days__isnull=False
    )
    for task in relative:
        new_deadline = opening_date + dt.timedelta(days=task.deadline_offset_days)
        if new_deadline != task.deadline:
            task.deadline = new_deadline
            task.version += 1
            _audit(task, access, "Hạn dời theo ngày khai mạc mới")
            task.save()
            _copy_state_to_assignments(task)
            moved += 1
    return moved


_validate_attachment = validate_attachment  # older name used by other apps


# Soft deletion ---------------------------------------------------------------------------------


def _require_secretariat(access: Access, congress_id: int) -> None:
    require(
        access.can_manage and congress_id == access.congress.pk,
        "Chỉ Thường trực / Văn phòng mới được xóa hoặc khôi phục.",
    )


@transaction.atomic
def task_delete(*, access: Access, task: Task, reason: str = "") -> Task:
    """Moves the task to the trash: it leaves every list, inbox and count; restorable."""
    _require_secretariat(access, task.congress_id)
    task = _lock_task(task, None)
    task.mark_deleted(access.user)
    task.version += 1
    _audit(task, access, "Xóa nhiệm vụ" + (f": {reason.strip()}" if reason.strip() else ""))
    task.save()
    # The inbox reads assignment rows only; marking them not live keeps it one index scan.
    TaskAssignment.objects.filter(task=task).update(cancelled=True)
    return task


@transaction.atomic
def task_restore(*, access: Access, task: Task) -> Task:
    _require_secretariat(access, task.congress_id)
    task = Task.all_objects.select_for_update().get(pk=task.pk)
    task.mark_restored()
    task.version += 1
    _audit(task, access, "Khôi phục nhiệm vụ")
    task.save()
    _copy_state_to_assignments(task)
    return task


@transaction.atomic
def progress_update_delete(*, access: Access, update: ProgressUpdate) -> ProgressUpdate:
    _require_secretariat(access, update.task.congress_id)
    update.mark_deleted(access.user)
    _audit(update, access, "Xóa báo cáo tiến độ")
    update.save()
    return update


@transaction.atomic
def progress_update_restore(*, access: Access, update: ProgressUpdate) -> ProgressUpdate:
    _require_secretariat(access, update.task.congress_id)
    update.mark_restored()
    _audit(update, access, "Khôi phục báo cáo tiến độ")
    update.save()
    return update


@transaction.atomic
def plan_delete(*, access: Access, plan: Plan) -> Plan:
    _require_secretariat(access, plan.congress_id)
    live = plan.tasks.count()
    if live:
        raise BusinessError(
            f"Kế hoạch còn {live} nhiệm vụ; hãy chuyển các nhiệm vụ sang kế hoạch khác hoặc xóa "
            "chúng trước."
        )
    plan.mark_deleted(access.user)
    _audit(plan, access, "Xóa kế hoạch")
    plan.save()
    return plan


@transaction.atomic
def plan_restore(*, access: Access, plan: Plan) -> Plan:
    _require_secretariat(access, plan.congress_id)
    plan.mark_restored()
    _audit(plan, access, "Khôi phục kế hoạch")
    plan.save()
    return plan
