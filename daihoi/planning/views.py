"""Thin views: parse, check permission, call a service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.core.paging import PAGE_SIZE, CappedPaginator
from daihoi.core.views import (
    apply_error,
    files_form_page,
    forbidden,
    form_page,
    next_url,
    page_context,
    stored_file,
)
from daihoi.documents.models import IncomingDocument
from daihoi.documents.permissions import access_incoming
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import (
    Access,
    access_agency,
    access_committee,
    access_congress,
)

from . import charts, permissions, selectors, services
from .forms import (
    AppraisalDecisionForm,
    AppraisalSubmitForm,
    HaltForm,
    PlanForm,
    ProgressForm,
    RescheduleForm,
    ReviewForm,
    TaskFilterForm,
    TaskForm,
)
from .models import Task, TaskAssignment
from .status import MAIN_CLASSES, StatusClass


@login_required
def dashboard(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    today = local_today()
    board = selectors.dashboard_counts(access, today)
    counts = board.counts
    slices = charts.donut(counts)
    context = {
        "access": access,
        "congress": access.congress,
        "today": today,
        "days_left": access.congress.days_until_opening(today),
        "counts": counts,
        "slices": slices,
        "total": sum(s.count for s in slices),
        "classes": [(s, s.label, counts[s]) for s in MAIN_CLASSES],
        "halted": counts[StatusClass.PAUSED] + counts[StatusClass.CANCELLED],
        "agencies_behind": board.agencies_behind,
        "areas": board.areas,
        "due_soon": selectors.due_soon(access, today),
        "obstacles": selectors.open_obstacles(access),
        "obstacle_count": selectors.open_obstacle_count(access),
        "open_conclusions": selectors.open_conclusion_tasks(access),
    }
    return render(request, "planning/congress_dashboard.html", context)


@login_required
def task_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    today = local_today()
    form = TaskFilterForm(request.GET or None, congress=access.congress)
    tasks = selectors.tasks_visible_to(access, form.filters(), today)
    page = CappedPaginator(tasks, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "access": access,
        "congress": access.congress,
        "form": form,
        "page": page,
        "today": today,
        "query": query.urlencode(),
        "rows": [(t, t.status_class(today)) for t in page],
        "filter_count": form.active_count(),
    }
    template = "planning/task_list.html"
    if request.headers.get("HX-Request") and request.headers.get("HX-Target") == "task-rows":
        template += "#rows"
        context["swap_filter_count"] = True
    return render(request, template, context)


@login_required
def agency_inbox(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if access.agency_id is None:
        return redirect("planning:task-list", congress_id=congress_id)
    today = local_today()
    show_done = request.GET.get("done") == "1"
    returned_only = request.GET.get("returned") == "1"
    appraisal_only = request.GET.get("appraisal") == "1"
    key_only = request.GET.get("key") == "1"
    agency = access_agency(access, access.agency_id)
    rows = selectors.agency_inbox(
        access,
        agency,
        show_done=show_done,
        returned_only=returned_only,
        appraisal_only=appraisal_only,
        key_only=key_only,
    )
    page = CappedPaginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "access": access,
        "congress": access.congress,
        "agency": agency,
        "page": page,
        "rows": [(a, a.task.status_class(today)) for a in page],
        "show_done": show_done,
        "returned_only": returned_only,
        "appraisal_only": appraisal_only,
        "appraisal_waiting": selectors.appraisal_waiting_count(access, agency),
        "key_only": key_only,
        # The pages of a filtered inbox stay filtered.
        "query": "&".join(
            part
            for part, on in (
                ("done=1", show_done),
                ("returned=1", returned_only),
                ("appraisal=1", appraisal_only),
                ("key=1", key_only),
            )
            if on
        ),
        "counts": selectors.status_counts(access, today, agency_id=access.agency_id),
        "today": today,
    }
    return render(request, "planning/agency_inbox.html", context)


@login_required
def task_detail(request: HttpRequest, congress_id: int, task_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    task = permissions.access_task(access, task_id)
    today = local_today()
    updates = list(selectors.task_updates(task))
    assignments = list(task.assignments.select_related("agency").order_by("role", "agency__name"))
    appraising = [a.agency.name for a in assignments if a.role == TaskAssignment.Role.APPRAISE]
    context = {
        "access": access,
        "congress": access.congress,
        "task": task,
        "status": task.status_class(today),
        "coordinating": [
            a.agency.name for a in assignments if a.role == TaskAssignment.Role.COORDINATE
        ],
        "appraising": appraising,
        "updates": updates,
        "reviews": task.reviews.select_related("reviewer"),
        "history": history_of(task, *updates),
        "subtasks": task.subtasks.select_related("lead_agency"),
        "can_view_detailed": permissions.can_view_detailed_plan(access, task),
        "can_report": permissions.can_report_progress(access, task),
        "can_complete": permissions.can_report_completion(access, task),
        "completion_note": _completion_note(access, task),
        **_appraisal_context(access, task, bool(appraising)),
        "can_review": permissions.can_review_task(access, task),
        "can_manage": permissions.can_manage_tasks(access),
        "source_document": _source_document(access, task),
        "review_form": ReviewForm(),
        "today": today,
    }
    return render(request, "planning/task_detail.html", context)


def _appraisal_context(access: Access, task: Task, has_appraiser: bool) -> dict:
    """The task page's "Thẩm định" section: the rounds, and what the actor may do there."""
    if not permissions.can_view_appraisal(access, task):
        return {"show_appraisal": False}
    rounds = list(selectors.appraisal_rounds(task)) if has_appraiser or task.appraisal_state else []
    return {
        "show_appraisal": has_appraiser or bool(rounds),
        "appraisal_rounds": rounds,
        "can_submit_appraisal": has_appraiser
        and permissions.can_submit_for_appraisal(access, task),
        "can_appraise": permissions.can_appraise(access, task),
        "submit_label": "Gửi lại thẩm định" if rounds else "Gửi thẩm định",
    }


def _task_url(task: Task) -> str:
    return reverse("planning:task-detail", args=[task.congress_id, task.pk])


def _source_document(access: Access, task: Task) -> IncomingDocument | None:
    """The document received the task came from, when the actor may read it (a secret one
    only for the people named on it)."""
    if task.incoming_document_id is None:
        return None
    return IncomingDocument.objects.visible_to(access).filter(pk=task.incoming_document_id).first()


def _to_task(task: Task) -> HttpResponse:
    return redirect(_task_url(task))


@login_required
def task_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_manage_tasks(access):
        return forbidden(request, "Chỉ Thường trực / Văn phòng mới được giao nhiệm vụ.")
    initial = {}
    if plan_id := request.GET.get("plan"):
        initial["plan"] = plan_id
    form = TaskForm(request.POST or None, congress=access.congress, initial=initial)
    return form_page(
        request,
        form,
        lambda: services.task_create(access=access, fields=form.task_fields()),
        success="Đã giao nhiệm vụ.",
        then=_to_task,
        template="planning/task_form.html",
        context={"access": access, "congress": access.congress, "form": form, "task": None},
    )


@login_required
def incoming_task_create(request: HttpRequest, congress_id: int, incoming_id: int) -> HttpResponse:
    """Assigns a document received to agencies as a task (lead, coordinating, deadline, area)."""
    access = access_congress(request.user, congress_id)
    document = access_incoming(access, incoming_id)
    if not permissions.can_manage_tasks(access):
        return forbidden(request, "Chỉ Thường trực / Văn phòng mới được giao xử lý văn bản đến.")
    # A secret document's subject is not copied into the task: the task's title goes out in
    # notifications and e-mails to people who may not be named on the document.
    initial = {} if document.is_secret else {"title": document.subject}
    form = TaskForm(request.POST or None, congress=access.congress, initial=initial)
    return form_page(
        request,
        form,
        lambda: services.incoming_to_task(
            access=access, document=document, fields=form.task_fields()
        ),
        success="Đã giao xử lý văn bản đến thành nhiệm vụ.",
        then=_to_task,
        template="planning/task_form.html",
        context={
            "access": access,
            "congress": access.congress,
            "form": form,
            "task": None,
            "source_document": document,
        },
    )


@login_required
def task_edit(request: HttpRequest, congress_id: int, task_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    task = permissions.access_task(access, task_id)
    if not permissions.can_manage_tasks(access):
        return forbidden(request, "Chỉ Thường trực / Văn phòng mới được sửa nhiệm vụ.")
    form = TaskForm(
        request.POST or None, congress=access.congress, initial=TaskForm.initial_for(task)
    )
    return form_page(
        request,
        form,
        lambda: services.task_update(
            access=access,
            task=task,
            expected_version=form.cleaned_data.get("version"),
            fields=form.task_fields(),
        ),
        success="Đã lưu thay đổi.",
        then=lambda _: _to_task(task),
        template="planning/task_form.html",
        context={"access": access, "congress": access.congress, "form": form, "task": task},
    )


@login_required
def task_report(request: HttpRequest, congress_id: int, task_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    task = permissions.access_task(access, task_id)
    if not permissions.can_report_progress(access, task):
        return forbidden(request, "Đơn vị của bạn không báo cáo tiến độ nhiệm vụ này.")
    form = ProgressForm(
        request.POST or None, request.FILES or None, initial={"percent": task.progress}
    )
    if not permissions.can_report_completion(access, task):
        del form.fields["reports_completion"]
    return files_form_page(
        request,
        form,
        "attachments",
        lambda files: services.task_report_progress(
            access=access,
            task=task,
            text=form.cleaned_data["text"],
            percent=form.cleaned_data["percent"],
            obstacle=form.cleaned_data["obstacle"],
            reports_completion=form.cleaned_data.get("reports_completion", False),
            attachments=files,
        ),
        success="Đã gửi báo cáo tiến độ.",
        then=lambda _: _to_task(task),
        template="planning/task_report.html",
        context=page_context(
            access, task=task, form=form, completion_note=_completion_note(access, task)
        ),
    )


def _completion_note(access: Access, task: Task) -> str:
    """For the lead agency's officers: why they cannot report the task complete yet."""
    if task.lead_agency_id != access.agency_id or not permissions.can_report_progress(access, task):
        return ""
    return permissions.completion_refusal(access, task)


@login_required
@require_POST
def task_review(request: HttpRequest, congress_id: int, task_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    task = permissions.access_task(access, task_id)
    if not access.can_accept:
        return forbidden(request, "Chỉ lãnh đạo tiểu ban hoặc Thường trực mới xác nhận nhiệm vụ.")
    form = ReviewForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    else:
        try:
            if form.cleaned_data["decision"] == ReviewForm.ACCEPT:
                services.task_accept(access=access, task=task, comment=form.cleaned_data["comment"])
                messages.success(request, "Đã xác nhận hoàn thành nhiệm vụ.")
            else:
                services.task_return(access=access, task=task, comment=form.cleaned_data["comment"])
                messages.success(request, "Đã trả lại nhiệm vụ cho đơn vị chủ trì.")
        except BusinessError as error:
            messages.error(request, error.message)
    return redirect("planning:task-detail", congress_id=congress_id, task_id=task.pk)


@login_required
@require_POST
def task_halt(request: HttpRequest, congress_id: int, task_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    task = permissions.access_task(access, task_id)
    if not permissions.can_manage_tasks(access):
        return forbidden(
            request, "Chỉ Thường trực / Văn phòng mới được tạm dừng hoặc hủy nhiệm vụ."
        )
    form = HaltForm(request.POST)
    if form.is_valid():
        try:
            services.task_set_halt(access=access, task=task, **form.cleaned_data)
            messages.success(request, "Đã cập nhật trạng thái nhiệm vụ.")
        except BusinessError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, "Yêu cầu không hợp lệ.")
    return redirect("planning:task-detail", congress_id=congress_id, task_id=task.pk)


@login_required
def attachment_download(request: HttpRequest, congress_id: int, attachment_id: int) -> FileResponse:
    access = access_congress(request.user, congress_id)
    attachment = permissions.access_attachment(access, attachment_id)
    return stored_file(attachment.file, attachment.original_name)


@login_required
@require_POST
def obstacle_resolve(request: HttpRequest, congress_id: int, update_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    update = permissions.access_progress_update(access, update_id)
    try:
        services.obstacle_resolve(access=access, update=update, note=request.POST.get("note", ""))
        messages.success(request, "Đã đánh dấu vướng mắc được tháo gỡ.")
    except PermissionDenied as error:
        return forbidden(request, error.message)
    return redirect(next_url(request, reverse("planning:dashboard", args=[congress_id])))


# Plans ------------------------------------------------------------------------------------------


@login_required
def plan_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    page = CappedPaginator(selectors.plans_of(access), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "planning/plan_list.html",
        {"access": access, "congress": access.congress, "page": page},
    )


@login_required
def plan_detail(request: HttpRequest, congress_id: int, plan_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    plan = permissions.access_plan(access, plan_id)
    today = local_today()
    filters = selectors.TaskFilters(plan=plan.pk)
    tasks = selectors.tasks_visible_to(access, filters, today)
    page = CappedPaginator(tasks, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "planning/plan_detail.html",
        {
            "access": access,
            "congress": access.congress,
            "plan": plan,
            "children": plan.children.select_related("congress"),
            "page": page,
            "rows": [(t, t.status_class(today)) for t in page],
            "history": history_of(plan),
            "can_manage": access.can_manage,
            "detailed": selectors.detailed_board(access, plan, today),
        },
    )


@login_required
def plan_timeline(request: HttpRequest, congress_id: int, plan_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    plan = permissions.access_plan(access, plan_id)
    today = local_today()
    context = {
        "access": access,
        "congress": access.congress,
        "subject": f"Kế hoạch số {plan.symbol}",
        "back": reverse("planning:plan-detail", args=[congress_id, plan.pk]),
        "timeline": selectors.task_timeline(access, selectors.TaskFilters(plan=plan.pk), today),
        "today": today,
    }
    return render(request, "planning/task_timeline.html", context)


@login_required
def committee_timeline(request: HttpRequest, congress_id: int, committee_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    committee = access_committee(access, committee_id)
    today = local_today()
    filters = selectors.TaskFilters(committee=committee.pk)
    context = {
        "access": access,
        "congress": access.congress,
        "subject": committee.name,
        "back": reverse("organizations:committee-detail", args=[congress_id, committee.pk]),
        "timeline": selectors.task_timeline(access, filters, today),
        "today": today,
    }
    return render(request, "planning/task_timeline.html", context)


@login_required
def plan_form(request: HttpRequest, congress_id: int, plan_id: int | None = None) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    plan = None
    if plan_id is not None:
        plan = permissions.access_plan(access, plan_id)
    if not access.can_manage:
        return forbidden(request, "Chỉ Thường trực / Văn phòng mới được đăng ký kế hoạch.")
    initial = {}
    if plan is not None:
        initial = {
            "number": plan.number,
            "issuer_code": plan.issuer_code,
            "issuer": plan.issuer_id,
            "issued_on": plan.issued_on,
            "subject": plan.subject,
            "committee": plan.committee_id,
            "parent": plan.parent_id,
            "detailed_plan_due": plan.detailed_plan_due,
            "version": plan.version,
        }
    form = PlanForm(request.POST or None, congress=access.congress, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if plan is None:
                plan = services.plan_create(access=access, **form.edited())
            else:
                services.plan_update(
                    access=access,
                    plan=plan,
                    expected_version=form.expected_version(),
                    **form.edited(),
                )
        except BusinessError as error:
            apply_error(form, error)
        else:
            messages.success(request, "Đã lưu kế hoạch.")
            return redirect("planning:plan-detail", congress_id=congress_id, plan_id=plan.pk)
    return render(
        request,
        "planning/plan_form.html",
        {"access": access, "congress": access.congress, "form": form, "plan": plan},
    )


# Agencies ---------------------------------------------------------------------------------------


@login_required
def agency_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not access.sees_whole_congress:
        return redirect(
            "planning:agency-detail", congress_id=congress_id, agency_id=access.agency_id
        )
    today = local_today()
    rows = selectors.agency_table(access, today)
    with_tasks = {row.agency.pk for row in rows}
    others = Agency.objects.filter(congress=access.congress).exclude(pk__in=with_tasks)
    return render(
        request,
        "planning/agency_list.html",
        {"access": access, "congress": access.congress, "rows": rows, "others": others},
    )


@login_required
def agency_detail(request: HttpRequest, congress_id: int, agency_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    agency = access_agency(access, agency_id)
    if not access.sees_whole_congress and access.agency_id != agency.pk:
        raise Http404
    today = local_today()
    rows = selectors.agency_inbox(access, agency, show_done=True)
    page = CappedPaginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    role_counts = (
        agency.assignments.filter(task__congress=access.congress, cancelled=False)
        .values("role")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return render(
        request,
        "planning/agency_detail.html",
        {
            "access": access,
            "congress": access.congress,
            "agency": agency,
            "counts": selectors.status_counts(access, today, agency_id=agency.pk),
            "page": page,
            "rows": [(a, a.task.status_class(today)) for a in page],
            "role_counts": {r["role"]: r["n"] for r in role_counts},
            "officers": agency.officers.filter(congress=access.congress).select_related("user"),
        },
    )


@login_required
def congress_schedule(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not access.can_manage:
        return forbidden(request, "Chỉ Thường trực / Văn phòng mới được đổi ngày Đại hội.")
    congress = access.congress
    form = RescheduleForm(
        request.POST or None,
        initial={"opening_date": congress.opening_date, "closing_date": congress.closing_date},
    )
    relative = Task.objects.filter(congress=congress, deadline_offset_days__isnull=False).count()
    if request.method == "POST" and form.is_valid():
        try:
            moved = services.congress_reschedule(access=access, **form.cleaned_data)
        except BusinessError as error:
            apply_error(form, error)
        else:
            messages.success(request, f"Đã cập nhật ngày Đại hội; {moved} nhiệm vụ được dời hạn.")
            return redirect("planning:dashboard", congress_id=congress_id)
    return render(
        request,
        "planning/congress_schedule.html",
        {"access": access, "congress": congress, "form": form, "relative": relative},
    )


# Trash -----------------------------------------------------------------------------------------


@login_required
@require_POST
def task_delete(request: HttpRequest, congress_id: int, task_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    task = permissions.access_task(access, task_id)
    try:
        services.task_delete(access=access, task=task, reason=request.POST.get("reason", ""))
    except PermissionDenied as error:
        return forbidden(request, error.message)
    messages.success(request, "Đã chuyển nhiệm vụ vào thùng rác; Văn phòng có thể khôi phục.")
    return redirect("planning:task-list", congress_id=congress_id)


@login_required
@require_POST
def update_delete(request: HttpRequest, congress_id: int, update_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    update = permissions.access_progress_update(access, update_id)
    try:
        services.progress_update_delete(access=access, update=update)
    except PermissionDenied as error:
        return forbidden(request, error.message)
    messages.success(request, "Đã chuyển báo cáo tiến độ vào thùng rác.")
    return redirect("planning:task-detail", congress_id=congress_id, task_id=update.task_id)


@login_required
@require_POST
def plan_delete(request: HttpRequest, congress_id: int, plan_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    plan = permissions.access_plan(access, plan_id)
    try:
        services.plan_delete(access=access, plan=plan)
    except PermissionDenied as error:
        return forbidden(request, error.message)
    except BusinessError as error:
        messages.error(request, error.message)
        return redirect("planning:plan-detail", congress_id=congress_id, plan_id=plan.pk)
    messages.success(request, "Đã chuyển kế hoạch vào thùng rác.")
    return redirect("planning:plan-list", congress_id=congress_id)


# Appraisal (thẩm định) ------------------------------------------------------------------------


@login_required
def appraisal_submit(request: HttpRequest, congress_id: int, task_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    task = permissions.access_appraisal_task(access, task_id)
    if not access.is_agency_officer or task.lead_agency_id != access.agency_id:
        return forbidden(request, "Chỉ đơn vị chủ trì mới gửi sản phẩm của nhiệm vụ đi thẩm định.")
    form = AppraisalSubmitForm(request.POST or None, request.FILES or None)
    rounds = list(selectors.appraisal_rounds(task))
    return files_form_page(
        request,
        form,
        "attachments",
        lambda files: services.appraisal_submit(
            access=access, task=task, text=form.cleaned_data["text"], files=files
        ),
        success="Đã gửi sản phẩm đề nghị thẩm định.",
        then=lambda _: _to_task(task),
        template="planning/appraisal_submit.html",
        context=page_context(
            access,
            task=task,
            form=form,
            rounds=rounds,
            has_appraiser=permissions.appraiser_id(task) is not None,
        ),
    )


@login_required
def appraisal_decide(request: HttpRequest, congress_id: int, task_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    task = permissions.access_appraisal_task(access, task_id)
    role = permissions.agency_role_in_task(access, task)
    if not access.is_agency_officer or role != TaskAssignment.Role.APPRAISE:
        return forbidden(request, "Chỉ đơn vị thẩm định của nhiệm vụ mới cho ý kiến thẩm định.")
    form = AppraisalDecisionForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.appraisal_decide(
            access=access,
            task=task,
            decision=form.cleaned_data["decision"],
            opinion=form.cleaned_data["opinion"],
        ),
        success="Đã gửi ý kiến thẩm định cho đơn vị chủ trì.",
        then=lambda _: _to_task(task),
        template="planning/appraisal_decide.html",
        context=page_context(
            access, task=task, form=form, rounds=list(selectors.appraisal_rounds(task))
        ),
    )


@login_required
def appraisal_file(request: HttpRequest, congress_id: int, appraisal_file_id: int) -> FileResponse:
    access = access_congress(request.user, congress_id)
    stored = permissions.access_appraisal_file(access, appraisal_file_id)
    return stored_file(stored.file, stored.original_name)
