"""Thin views over the meeting services and selectors."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.paging import PAGE_SIZE
from daihoi.core.views import (
    forbidden,
    form_page,
    is_htmx,
    page_context,
    run_button,
    run_delete,
    run_service,
    stored_file,
)
from daihoi.documents.models import Document
from daihoi.organizations.models import Agency, Committee, Membership
from daihoi.organizations.permissions import Access, access_congress

from . import notices, permissions, proposals, selectors, services
from .forms import (
    AgendaForm,
    ConclusionForm,
    ConclusionTaskForm,
    IssueForm,
    MeetingFilterForm,
    MeetingForm,
    RecordForm,
)
from .models import Attendance, Conclusion, Meeting
from .permissions import RUNNERS_ONLY as NOT_ALLOWED
from .permissions import access_conclusion, access_meeting, access_meeting_attachment


def _to_detail(congress_id: int, meeting: Meeting) -> HttpResponse:
    return redirect("meetings:meeting-detail", congress_id=congress_id, meeting_id=meeting.pk)


def _conclusion_rows(meeting: Meeting) -> list[tuple[Conclusion, str | None]]:
    """Each conclusion with the status of the task it became, for the conclusions table."""
    today = timezone.localdate()
    return [(c, c.task.status_class(today) if c.task else None) for c in meeting.conclusions.all()]


@login_required
def meeting_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    filters = MeetingFilterForm(request.GET or None)
    meetings = selectors.meetings_listed(access, **filters.selection())
    page = Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/meeting_list.html",
        page_context(
            access,
            page=page,
            can_run=permissions.can_run_meetings(access),
            filtered=filters.describe(),
            query=filters.query(),
        ),
    )


def _create_initial(committee: Committee | None) -> dict[str, Any]:
    """A meeting of a committee is chaired by its head and named after it, unless changed."""
    initial: dict[str, Any] = {
        "committee": committee.pk if committee else None,
        "kind": Meeting.Kind.SUBCOMMITTEE,
    }
    if committee:
        head = (
            committee.memberships.filter(role=Membership.Role.HEAD).select_related("person").first()
        )
        initial["chair"] = head.person_id if head else None
        initial["title"] = f"Phiên họp {committee.name}"
    return initial


@login_required
def meeting_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_run_meetings(access):
        return forbidden(request, NOT_ALLOWED)
    committee = None
    committee_id = request.POST.get("committee") or request.GET.get("committee")
    if committee_id and committee_id.isdigit():
        committee = Committee.objects.filter(pk=committee_id, congress=access.congress).first()
    form = MeetingForm(
        request.POST or None, congress=access.congress, initial=_create_initial(committee)
    )
    agenda_form = AgendaForm.proposing(access, request.POST or None, committee)
    if request.method == "POST" and form.is_valid() and agenda_form.is_valid():
        lines, obstacles, follow_ups = agenda_form.chosen()
        done, meeting = run_service(
            request,
            form,
            lambda: services.meeting_plan(
                access=access,
                agenda=lines,
                proposed_obstacles=obstacles,
                proposed_conclusions=follow_ups,
                **form.service_kwargs(),
            ),
            success="Đã lên lịch cuộc họp.",
        )
        if done:
            return _to_detail(congress_id, meeting)
    return render(
        request,
        "meetings/meeting_form.html",
        page_context(access, form=form, agenda_form=agenda_form, meeting=None),
    )


@login_required
def meeting_edit(request: HttpRequest, congress_id: int, meeting_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    meeting = access_meeting(access, meeting_id)
    if not permissions.can_run_meetings(access):
        return forbidden(request, NOT_ALLOWED)
    form = MeetingForm(
        request.POST or None, congress=access.congress, initial=MeetingForm.initial_for(meeting)
    )
    return form_page(
        request,
        form,
        lambda: services.meeting_update(
            access=access,
            meeting=meeting,
            expected_version=form.expected_version(),
            **form.service_kwargs(),
        ),
        success="Đã lưu thông tin cuộc họp.",
        then=lambda _: _to_detail(congress_id, meeting),
        template="meetings/meeting_form.html",
        context=page_context(access, form=form, agenda_form=None, meeting=meeting),
    )


@login_required
def meeting_detail(request: HttpRequest, congress_id: int, meeting_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    meeting = selectors.meeting_detail(access_meeting(access, meeting_id))
    can_run = permissions.can_run_meetings(access)
    attendance: list[Attendance] = getattr(meeting, "attendance_rows", [])
    return render(
        request,
        "meetings/meeting_detail.html",
        page_context(
            access,
            meeting=meeting,
            conclusions=_conclusion_rows(meeting),
            attendance=sorted(attendance, key=lambda a: a.status),
            can_run=can_run,
            can_cancel=can_run and meeting.is_planned,
            conclusion_form=ConclusionForm(),
            history=history_of(meeting, *meeting.conclusions.all())[:30],
        ),
    )


@login_required
def meeting_record(request: HttpRequest, congress_id: int, meeting_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    meeting = access_meeting(access, meeting_id)
    if not permissions.can_run_meetings(access):
        return forbidden(request, NOT_ALLOWED)
    current = dict(meeting.attendance.values_list("person_id", "status"))
    form = RecordForm(
        request.POST or None,
        people=selectors.record_people(meeting, current),
        current=current,
        agencies=meeting.invited_agencies.order_by("name"),
        current_agencies={row.agency_id: row for row in meeting.agency_attendance.all()},
        initial={"minutes": meeting.minutes},
    )
    return form_page(
        request,
        form,
        lambda: services.meeting_record(
            access=access,
            meeting=meeting,
            attendance=form.attendance(),
            agencies=form.agency_presence(),
            minutes=form.cleaned_data["minutes"],
        ),
        success="Đã ghi nhận thành phần dự và biên bản.",
        then=lambda _: _to_detail(congress_id, meeting),
        template="meetings/meeting_record.html",
        context=page_context(
            access, meeting=meeting, form=form, statuses=Attendance.Status.choices
        ),
    )


@login_required
@require_POST
def conclusion_add(request: HttpRequest, congress_id: int, meeting_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    meeting = access_meeting(access, meeting_id)
    if not permissions.can_run_meetings(access):
        return forbidden(request, NOT_ALLOWED)
    form = ConclusionForm(request.POST)
    if form.is_valid():
        done, _ = run_service(
            request,
            form,
            lambda: services.conclusion_add(
                access=access, meeting=meeting, text=form.cleaned_data["text"]
            ),
        )
        if done:
            form = ConclusionForm()
    if is_htmx(request):
        meeting = selectors.meeting_detail(meeting)
        return render(
            request,
            "meetings/meeting_detail.html#conclusions",
            page_context(
                access,
                meeting=meeting,
                conclusions=_conclusion_rows(meeting),
                can_run=True,
                conclusion_form=form,
            ),
        )
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, str(error))
    return _to_detail(congress_id, meeting)


@login_required
def conclusion_task(
    request: HttpRequest, congress_id: int, meeting_id: int, conclusion_id: int
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    conclusion = access_conclusion(access, meeting_id, conclusion_id)
    meeting = conclusion.meeting
    if not permissions.can_run_meetings(access):
        return forbidden(request, NOT_ALLOWED)
    if conclusion.task_id:
        messages.error(request, "Kết luận này đã được giao thành nhiệm vụ, không giao lại lần nữa.")
        return _to_detail(congress_id, meeting)
    agencies = list(Agency.objects.filter(congress=access.congress).order_by("name"))
    proposal = proposals.propose_task(conclusion, agencies=agencies, congress=access.congress)
    form = ConclusionTaskForm(
        request.POST or None,
        congress=access.congress,
        initial={"title": conclusion.text[:500], **proposal.initial()},
    )
    if request.method == "POST" and form.is_valid():
        done, _ = run_service(
            request,
            form,
            lambda: services.conclusion_to_task(
                access=access,
                conclusion=conclusion,
                corrected=[name for name in form.changed_data if name != "title"],
                **form.task_kwargs(),
            ),
            success=f"Đã giao kết luận số {conclusion.number} thành nhiệm vụ.",
        )
        if done:
            return _to_detail(congress_id, meeting)
    return render(
        request,
        "meetings/conclusion_task.html",
        page_context(access, meeting=meeting, conclusion=conclusion, form=form, proposal=proposal),
    )


def _issue_document(
    access: Access, meeting: Meeting, form: IssueForm, *, is_notice: bool
) -> Document:
    issue = services.meeting_issue_notice if is_notice else services.meeting_issue_invitation
    with transaction.atomic():
        return issue(access=access, meeting=meeting, **form.cleaned_data)


def _issue(
    request: HttpRequest, congress_id: int, meeting_id: int, *, is_notice: bool
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    meeting = access_meeting(access, meeting_id)
    if not permissions.can_run_meetings(access):
        return forbidden(request, NOT_ALLOWED)
    if is_notice and (refusal := meeting.notice_refusal()):
        messages.error(request, refusal)
        return _to_detail(congress_id, meeting)
    if is_notice and not meeting.conclusions.exists():
        messages.error(request, "Cuộc họp chưa có kết luận nào để ra thông báo.")
        return _to_detail(congress_id, meeting)
    form = IssueForm(
        request.POST or None, congress=access.congress, initial=notices.signing_initial(meeting)
    )
    if request.method == "POST" and form.is_valid():
        done, document = run_service(
            request, form, lambda: _issue_document(access, meeting, form, is_notice=is_notice)
        )
        if done:
            messages.success(request, f"Đã ban hành văn bản số {document.symbol}.")
            return _to_detail(congress_id, meeting)
    subject = notices.notice_subject(meeting) if is_notice else notices.invitation_subject(meeting)
    return render(
        request,
        "meetings/meeting_issue.html",
        page_context(access, meeting=meeting, form=form, is_notice=is_notice, subject=subject),
    )


@login_required
def meeting_issue_invitation(
    request: HttpRequest, congress_id: int, meeting_id: int
) -> HttpResponse:
    return _issue(request, congress_id, meeting_id, is_notice=False)


@login_required
def meeting_issue_notice(request: HttpRequest, congress_id: int, meeting_id: int) -> HttpResponse:
    return _issue(request, congress_id, meeting_id, is_notice=True)


@login_required
@require_POST
def meeting_attach(request: HttpRequest, congress_id: int, meeting_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    meeting = access_meeting(access, meeting_id)
    if not permissions.can_run_meetings(access):
        return forbidden(request, NOT_ALLOWED)
    uploads = request.FILES.getlist("files")
    return run_button(
        request,
        lambda: services.meeting_attach(access=access, meeting=meeting, uploads=uploads),
        success=lambda rows: f"Đã đính kèm {len(rows)} tệp.",
        then=_to_detail(congress_id, meeting),
    )


@login_required
def meeting_attachment(
    request: HttpRequest, congress_id: int, meeting_id: int, file_id: int
) -> FileResponse:
    access = access_congress(request.user, congress_id)
    attachment = access_meeting_attachment(access, meeting_id, file_id)
    return stored_file(attachment.file, attachment.original_name)


@login_required
@require_POST
def meeting_cancel(request: HttpRequest, congress_id: int, meeting_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    meeting = access_meeting(access, meeting_id)
    if not permissions.can_run_meetings(access):
        return forbidden(request, NOT_ALLOWED)
    return run_button(
        request,
        lambda: services.meeting_cancel(access=access, meeting=meeting),
        success="Đã hoãn, hủy cuộc họp.",
        then=_to_detail(congress_id, meeting),
    )


@login_required
@require_POST
def meeting_delete(request: HttpRequest, congress_id: int, meeting_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    meeting = access_meeting(access, meeting_id)
    return run_delete(
        request,
        lambda: services.meeting_delete(access=access, meeting=meeting),
        success="Đã chuyển cuộc họp vào thùng rác; Văn phòng có thể khôi phục.",
        then=redirect("meetings:meeting-list", congress_id=congress_id),
    )
