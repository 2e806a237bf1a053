"""A task's page and what is done from it: create, edit, progress, review, halt, appraisal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.core.views import (
    files_form_page,
    forbidden,
    form_page,
    next_url,
    page_context,
    run_delete,
    stored_file,
)
from daihoi.documents.models import IncomingDocument
from daihoi.documents.permissions import access_incoming
from daihoi.organizations.permissions import (
    Access,
    access_congress,
)

from .. import permissions, selectors, services
from ..forms import (
    AppraisalDecisionForm,
    AppraisalSubmitForm,
    HaltForm,
    ProgressForm,
    ReviewForm,
    TaskForm,
)
from ..models import Task, TaskAssignment


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
        return forbidden(request, permissions.HALT_MANAGERS_ONLY)
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


@login_required
@require_POST
def task_delete(request: HttpRequest, congress_id: int, task_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    task = permissions.access_task(access, task_id)
    return run_delete(
        request,
        lambda: services.task_delete(
            access=access, task=task, reason=request.POST.get("reason", "")
        ),
        success="Đã chuyển nhiệm vụ vào thùng rác; Văn phòng có thể khôi phục.",
        then=redirect("planning:task-list", congress_id=congress_id),
    )


@login_required
@require_POST
def update_delete(request: HttpRequest, congress_id: int, update_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    update = permissions.access_progress_update(access, update_id)
    return run_delete(
        request,
        lambda: services.progress_update_delete(access=access, update=update),
        success="Đã chuyển báo cáo tiến độ vào thùng rác.",
        then=redirect("planning:task-detail", congress_id=congress_id, task_id=update.task_id),
    )


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
