"""Plans, tasks, progress reports, reviews, obstacles and the dashboard counts: the pages'
selectors, predicates, forms and services behind JSON."""

from django.http import FileResponse, HttpRequest
from ninja import File, Form, Query, Router, Status, UploadedFile

from daihoi.core.dates import today as local_today
from daihoi.core.views import stored_file
from daihoi.organizations.permissions import Access
from daihoi.planning import permissions, selectors, services
from daihoi.planning.forms import (
    HaltForm,
    PlanForm,
    ProgressForm,
    ReviewForm,
    TaskFilterForm,
    TaskForm,
)
from daihoi.planning.models import Plan, ProgressUpdate, Task, TaskAssignment
from daihoi.planning.status import StatusClass

from ..common import (
    Detail,
    access,
    answers,
    form_data,
    gate,
    listed,
    removal,
    removed,
    valid,
    versioned_put,
    write,
    write_versioned,
)
from .planning_schemas import (
    DashboardOut,
    HaltIn,
    PlanIn,
    PlanOut,
    PlanUpdateIn,
    ProgressIn,
    ProgressOut,
    ResolveIn,
    ReviewIn,
    TaskIn,
    TaskOut,
    TaskQuery,
    TaskUpdateIn,
)

router = Router(tags=["Kế hoạch, nhiệm vụ"])

ONLY_SECRETARIAT_ASSIGNS = "Chỉ Thường trực / Văn phòng mới được giao nhiệm vụ."
ONLY_SECRETARIAT_EDITS = "Chỉ Thường trực / Văn phòng mới được sửa nhiệm vụ."
ONLY_SECRETARIAT_PLANS = "Chỉ Thường trực / Văn phòng mới được đăng ký kế hoạch."
NOT_YOUR_REPORT = "Đơn vị của bạn không báo cáo tiến độ nhiệm vụ này."
ONLY_LEADERS_REVIEW = "Chỉ lãnh đạo tiểu ban hoặc Thường trực mới xác nhận nhiệm vụ."


def task_rows(queryset):
    """A task queryset with what `TaskOut` reads, in two queries whatever the page size."""
    from django.db.models import Prefetch

    return queryset.select_related("lead_agency").prefetch_related(
        Prefetch(
            "assignments",
            queryset=TaskAssignment.objects.select_related("agency").order_by(
                "role", "agency__name"
            ),
        )
    )


# Plans -----------------------------------------------------------------------------------------


@listed(router, "/{congress_id}/plans/", PlanOut, "Kế hoạch")
def plan_list(request: HttpRequest, congress_id: int):
    return selectors.plans_of(access(request, congress_id))


@router.get("/{congress_id}/plans/{plan_id}/", response=answers(PlanOut), summary="Một kế hoạch")
def plan_detail(request: HttpRequest, congress_id: int, plan_id: int) -> Plan:
    return permissions.access_plan(access(request, congress_id), plan_id)


@router.post("/{congress_id}/plans/", response=answers(PlanOut, 201), summary="Đăng ký kế hoạch")
def plan_create(request: HttpRequest, congress_id: int, payload: PlanIn) -> Status:
    acting = access(request, congress_id)
    gate(acting.can_manage, ONLY_SECRETARIAT_PLANS)
    form = valid(PlanForm(form_data(payload), congress=acting.congress))
    return Status(201, write(request, lambda: services.plan_create(access=acting, **form.edited())))


@versioned_put(router, "/{congress_id}/plans/{plan_id}/", PlanOut, "Sửa kế hoạch")
def plan_update(
    request: HttpRequest, congress_id: int, plan_id: int, payload: PlanUpdateIn
) -> Plan:
    acting = access(request, congress_id)
    plan = permissions.access_plan(acting, plan_id)
    gate(acting.can_manage, ONLY_SECRETARIAT_PLANS)
    form = valid(PlanForm(form_data(payload), congress=acting.congress))
    write_versioned(
        request, services.plan_update, payload.version, access=acting, plan=plan, **form.edited()
    )
    return permissions.access_plan(acting, plan_id)


@removal(router, "/{congress_id}/plans/{plan_id}/", "Chuyển kế hoạch vào thùng rác")
def plan_delete(request: HttpRequest, congress_id: int, plan_id: int) -> Status:
    acting = access(request, congress_id)
    plan = permissions.access_plan(acting, plan_id)
    return removed(request, lambda: services.plan_delete(access=acting, plan=plan))


# Tasks -----------------------------------------------------------------------------------------


@listed(
    router,
    "/{congress_id}/tasks/",
    TaskOut,
    "Nhiệm vụ",
    description="Lọc như trang danh sách nhiệm vụ; tìm kiếm không phân biệt dấu. Sắp theo id.",
    max_page_size=200,
)
def task_list(request: HttpRequest, congress_id: int, filters: Query[TaskQuery]):
    acting = access(request, congress_id)
    form = valid(TaskFilterForm(form_data(filters), congress=acting.congress))
    tasks = selectors.tasks_visible_to(acting, form.filters(), local_today())
    return tasks.order_by()


@router.get("/{congress_id}/tasks/{task_id}/", response=answers(TaskOut), summary="Một nhiệm vụ")
def task_detail(request: HttpRequest, congress_id: int, task_id: int) -> Task:
    return permissions.access_task(access(request, congress_id), task_id)


def task_form(acting, payload: TaskIn) -> TaskForm:
    """The task page's form as the validator of a task's body (an unticked key item left out)."""
    data = form_data(payload)
    if "key_item" in data and not data["key_item"]:
        data.pop("key_item")
    return valid(TaskForm(data, congress=acting.congress))


@router.post("/{congress_id}/tasks/", response=answers(TaskOut, 201), summary="Giao nhiệm vụ")
def task_create(request: HttpRequest, congress_id: int, payload: TaskIn) -> Status:
    acting = access(request, congress_id)
    gate(permissions.can_manage_tasks(acting), ONLY_SECRETARIAT_ASSIGNS)
    form = task_form(acting, payload)
    task = write(request, lambda: services.task_create(access=acting, fields=form.task_fields()))
    return Status(201, permissions.access_task(acting, task.pk))


@router.put("/{congress_id}/tasks/{task_id}/", response=answers(TaskOut), summary="Sửa nhiệm vụ")
def task_update(
    request: HttpRequest, congress_id: int, task_id: int, payload: TaskUpdateIn
) -> Task:
    acting = access(request, congress_id)
    task = permissions.access_task(acting, task_id)
    gate(permissions.can_manage_tasks(acting), ONLY_SECRETARIAT_EDITS)
    form = task_form(acting, payload)
    write_versioned(
        request,
        services.task_update,
        payload.version,
        access=acting,
        task=task,
        fields=form.task_fields(),
    )
    return permissions.access_task(acting, task_id)


# Progress, completion, review ------------------------------------------------------------------


@listed(
    router, "/{congress_id}/tasks/{task_id}/progress/", ProgressOut, "Báo cáo tiến độ của nhiệm vụ"
)
def progress_list(request: HttpRequest, congress_id: int, task_id: int):
    task = permissions.access_task(access(request, congress_id), task_id)
    return selectors.task_updates(task)


@router.post(
    "/{congress_id}/tasks/{task_id}/progress/",
    response=answers(ProgressOut, 201),
    summary="Báo cáo tiến độ (hoặc hoàn thành), kèm tệp",
    description="multipart/form-data; `reports_completion` = true là báo cáo hoàn thành "
    "(chỉ đơn vị chủ trì, tiến độ 100%), chờ lãnh đạo xác nhận.",
)
def progress_report(
    request: HttpRequest,
    congress_id: int,
    task_id: int,
    payload: Form[ProgressIn],
    attachments: File[list[UploadedFile]] | None = None,
) -> Status:
    acting = access(request, congress_id)
    task = permissions.access_task(acting, task_id)
    gate(permissions.can_report_progress(acting, task), NOT_YOUR_REPORT)
    form = valid(ProgressForm(form_data(payload), request.FILES))
    data = form.cleaned_data
    update = write(
        request,
        lambda: services.task_report_progress(
            access=acting,
            task=task,
            text=data["text"],
            percent=data["percent"],
            obstacle=data["obstacle"],
            reports_completion=bool(data.get("reports_completion")),
            attachments=data["attachments"],
        ),
    )
    return Status(201, selectors.task_updates(task).get(pk=update.pk))


@router.post(
    "/{congress_id}/tasks/{task_id}/review/",
    response=answers(TaskOut),
    summary="Xác nhận hoàn thành hoặc trả lại",
)
def task_review(request: HttpRequest, congress_id: int, task_id: int, payload: ReviewIn) -> Task:
    acting = access(request, congress_id)
    task = permissions.access_task(acting, task_id)
    gate(acting.can_accept, ONLY_LEADERS_REVIEW)
    form = valid(ReviewForm(form_data(payload)))
    comment = form.cleaned_data["comment"]
    if form.cleaned_data["decision"] == ReviewForm.ACCEPT:
        write(request, lambda: services.task_accept(access=acting, task=task, comment=comment))
    else:
        write(request, lambda: services.task_return(access=acting, task=task, comment=comment))
    return permissions.access_task(acting, task_id)


@router.post(
    "/{congress_id}/tasks/{task_id}/halt/",
    response=answers(TaskOut),
    summary="Tạm dừng, hủy hoặc cho tiếp tục nhiệm vụ",
)
def task_halt(request: HttpRequest, congress_id: int, task_id: int, payload: HaltIn) -> Task:
    acting = access(request, congress_id)
    task = permissions.access_task(acting, task_id)
    gate(permissions.can_manage_tasks(acting), permissions.HALT_MANAGERS_ONLY)
    form = valid(HaltForm(form_data(payload)))
    write(request, lambda: services.task_set_halt(access=acting, task=task, **form.cleaned_data))
    return permissions.access_task(acting, task_id)


@removal(
    router,
    "/{congress_id}/tasks/{task_id}/",
    "Chuyển nhiệm vụ vào thùng rác (Thường trực / Văn phòng khôi phục được)",
)
def task_delete(request: HttpRequest, congress_id: int, task_id: int, reason: str = "") -> Status:
    acting = access(request, congress_id)
    task = permissions.access_task(acting, task_id)
    return removed(request, lambda: services.task_delete(access=acting, task=task, reason=reason))


@router.get(
    "/{congress_id}/progress/{update_id}/",
    response=answers(ProgressOut),
    summary="Một báo cáo tiến độ",
)
def progress_detail(request: HttpRequest, congress_id: int, update_id: int) -> ProgressUpdate:
    update = permissions.access_progress_update(access(request, congress_id), update_id)
    return selectors.task_updates(update.task).get(pk=update.pk)


@removal(router, "/{congress_id}/progress/{update_id}/", "Chuyển báo cáo tiến độ vào thùng rác")
def progress_delete(request: HttpRequest, congress_id: int, update_id: int) -> Status:
    acting = access(request, congress_id)
    update = permissions.access_progress_update(acting, update_id)
    return removed(request, lambda: services.progress_update_delete(access=acting, update=update))


@router.get(
    "/{congress_id}/attachments/{attachment_id}/",
    response=answers(Detail),
    summary="Tải tệp đính kèm báo cáo tiến độ",
)
def attachment_download(request: HttpRequest, congress_id: int, attachment_id: int) -> FileResponse:
    attachment = permissions.access_attachment(access(request, congress_id), attachment_id)
    return stored_file(attachment.file, attachment.original_name)


# Obstacles and the dashboard ------------------------------------------------------------------


@listed(router, "/{congress_id}/obstacles/", ProgressOut, "Vướng mắc chưa gỡ", ordering=("-id",))
def obstacle_list(request: HttpRequest, congress_id: int):
    acting = access(request, congress_id)
    return (
        ProgressUpdate.objects.visible_to(acting)
        .open_obstacles()
        .select_related("agency")
        .prefetch_related("attachments")
    )


@router.post(
    "/{congress_id}/obstacles/{update_id}/resolve/",
    response=answers(ProgressOut),
    summary="Đánh dấu vướng mắc đã được tháo gỡ",
)
def obstacle_resolve(
    request: HttpRequest, congress_id: int, update_id: int, payload: ResolveIn
) -> ProgressUpdate:
    acting = access(request, congress_id)
    update = permissions.access_progress_update(acting, update_id)
    write(
        request,
        lambda: services.obstacle_resolve(access=acting, update=update, note=payload.note or ""),
    )
    return ProgressUpdate.objects.select_related("agency").get(pk=update.pk)


@router.get("/{congress_id}/dashboard/", response=answers(DashboardOut), summary="Số liệu tổng hợp")
def dashboard(request: HttpRequest, congress_id: int) -> dict:
    return dashboard_of(access(request, congress_id))


def dashboard_of(acting: Access) -> dict:
    """The dashboard's figures as the actor sees them (also a congress below read from above)."""
    today = local_today()
    board = selectors.dashboard_counts(acting, today)
    classes = {s.value for s in StatusClass}

    def counts(row: dict) -> dict[str, int]:
        return {
            k: v for k, v in row.items() if k in classes or k in ("total", "awaiting", "returned")
        }

    return {
        "today": today,
        "days_until_opening": acting.congress.days_until_opening(today),
        "counts": board.counts,
        "areas": [
            {"area": a["area"], "label": str(a["label"]), "counts": counts(a)} for a in board.areas
        ],
        "agencies_behind": [
            {"agency": r.agency, "counts": r.counts} for r in board.agencies_behind
        ],
        "open_obstacles": selectors.open_obstacle_count(acting),
        "due_soon": list(selectors.due_soon(acting, today)),
        "open_conclusions": [
            {
                "id": t.pk,
                "title": t.title,
                "deadline": t.deadline,
                "lead_agency": t.lead_agency,
                "conclusion_id": t.conclusion.pk,
                "conclusion_number": t.conclusion.number,
                "meeting_id": t.conclusion.meeting_id,
                "meeting_title": t.conclusion.meeting.title,
            }
            for t in selectors.open_conclusion_tasks(acting)
        ],
    }
