"""Thin views over the meeting services and selectors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.core.paging import PAGE_SIZE
from daihoi.core.views import apply_error, forbidden
from daihoi.organizations.models import Committee, Person
from daihoi.organizations.permissions import Access, access_congress

from . import notices, permissions, selectors, services
from .forms import (
    AgendaForm,
    ConclusionForm,
    ConclusionTaskForm,
    IssueForm,
    MeetingForm,
    RecordForm,
)
from .models import Attendance, Conclusion, Meeting, MeetingAttachment

NOT_ALLOWED = "Chỉ Thường trực / Văn phòng hoặc lãnh đạo tiểu ban mới thực hiện thao tác này."


def _get_meeting(access: Access, meeting_id: int) -> Meeting:
    meeting = get_object_or_404(Meeting, pk=meeting_id, congress=access.congress)
    if not permissions.can_view_meeting(access, meeting):
        raise Http404
    return meeting


def _context(access: Access, **extra) -> dict:
    return {"access": access, "congress": access.congress, **extra}


@login_required
def meeting_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    page = Paginator(selectors.meetings_visible_to(access), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "meetings/meeting_list.html",
        _context(
            access, page=page, can_run=permissions.can_run_meetings(access), now=timezone.now()
        ),
    )


def _agenda_form(access: Access, data, committee: Committee | None) -> AgendaForm:
    last = selectors.previous_meeting(committee, timezone.now())
    return AgendaForm(
        data,
        obstacles=selectors.proposed_obstacles(access, committee, last.starts_at if last else None),
        follow_ups=selectors.proposed_follow_ups(access, committee),
    )


@login_required
def meeting_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_run_meetings(access):
        return forbidden(request, NOT_ALLOWED)
    committee = None
    committee_id = request.POST.get("committee") or request.GET.get("committee")
    if committee_id and committee_id.isdigit():
        committee = Committee.objects.filter(pk=committee_id, congress=access.congress).first()
    initial = {"committee": committee.pk if committee else None, "kind": Meeting.Kind.SUBCOMMITTEE}
    if committee:
        head = committee.memberships.filter(role="head").select_related("person").first()
        initial["chair"] = head.person_id if head else None
        initial["title"] = f"Phiên họp {committee.name}"
    form = MeetingForm(request.POST or None, congress=access.congress, initial=initial)
    agenda_form = _agenda_form(access, request.POST or None, committee)
    if request.method == "POST" and form.is_valid() and agenda_form.is_valid():
        lines, obstacles, follow_ups = agenda_form.chosen()
        try:
            meeting = services.meeting_plan(
                access=access,
                agenda=lines,
                proposed_obstacles=obstacles,
                proposed_conclusions=follow_ups,
                **form.service_kwargs(),
            )
        except BusinessError as error:
            apply_error(form, error)
        else:
            messages.success(request, "Đã lên lịch cuộc họp.")
            return redirect(
                "meetings:meeting-detail", congress_id=congress_id, meeting_id=meeting.pk
            )
    return render(
        request,
        "meetings/meeting_form.html",
        _context(access, form=form, agenda_form=agenda_form, meeting=None),
    )


@login_required
def meeting_edit(request: HttpRequest, congress_id: int, meeting_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    meeting = _get_meeting(access, meeting_id)
    if not permissions.can_run_meetings(access):
        return forbidden(request, NOT_ALLOWED)
    form = MeetingForm(
        request.POST or None, congress=access.congress, initial=MeetingForm.initial_for(meeting)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(access=access, meeting=meeting, **form.service_kwargs())
        except BusinessError as error:
            apply_error(form, error)
        else:
            messages.success(request, "Đã lưu thông tin cuộc họp.")
            return redirect(
                "meetings:meeting-detail", congress_id=congress_id, meeting_id=meeting.pk
            )
    return render(
        request,
        "meetings/meeting_form.html",
        _context(access, form=form, agenda_form=None, meeting=meeting),
    )


@login_required
def meeting_detail(request: HttpRequest, congress_id: int, meeting_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    meeting = selectors.meeting_detail(_get_meeting(access, meeting_id))
    today = timezone.localdate()
    conclusions = [
        (c, c.task.status_class(today) if c.task else None) for c in meeting.conclusions.all()
    ]
    return render(
        request,
        "meetings/meeting_detail.html",
        _context(
            access,
            meeting=meeting,
            conclusions=conclusions,
            attendance=sorted(meeting.attendance_rows, key=lambda a: a.status),
            can_run=permissions.can_run_meetings(access),
            conclusion_form=ConclusionForm(),
            history=meeting.history.select_related("history_user").order_by("-history_date")[:30],
        ),
    )


@login_required
def meeting_record(request: HttpRequest, congress_id: int, meeting_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    meeting = _get_meeting(access, meeting_id)
    if not permissions.can_run_meetings(access):
        return forbidden(request, NOT_ALLOWED)
    people = {meeting.chair_id: meeting.chair}
    people.update({p.pk: p for p in meeting.invited_people.all()})
    for agency in meeting.invited_agencies.all():
        for person in agency.people.all():
            people.setdefault(person.pk, person)
    current = dict(meeting.attendance.values_list("person_id", "status"))
    for person in Person.objects.filter(pk__in=set(current) - set(people)):
        people[person.pk] = person
    form = RecordForm(
        request.POST or None,
        people=sorted(people.values(), key=lambda p: p.full_name),
        current=current,
        initial={"minutes": meeting.minutes},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_record(
                access=access,
                meeting=meeting,
                attendance=form.attendance(),
                minutes=form.cleaned_data["minutes"],
            )
        except BusinessError as error:
            apply_error(form, error)
        else:
            messages.success(request, "Đã ghi nhận thành phần dự và biên bản.")
            return redirect(
                "meetings:meeting-detail", congress_id=congress_id, meeting_id=meeting.pk
            )
    return render(
        request,
        "meetings/meeting_record.html",
        _context(access, meeting=meeting, form=form, statuses=Attendance.Status.choices),
    )


@login_required
@require_POST
def conclusion_add(request: HttpRequest, congress_id: int, meeting_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    meeting = _get_meeting(access, meeting_id)
    if not permissions.can_run_meetings(access):
        return forbidden(request, NOT_ALLOWED)
    form = ConclusionForm(request.POST)
    if form.is_valid():
        try:
            services.conclusion_add(access=access, meeting=meeting, text=form.cleaned_data["text"])
            form = ConclusionForm()
        except BusinessError as error:
            apply_error(form, error)
    if request.headers.get("HX-Request"):
        meeting = selectors.meeting_detail(meeting)
        today = timezone.localdate()
        conclusions = [
            (c, c.task.status_class(today) if c.task else None) for c in meeting.conclusions.all()
        ]
        return render(
            request,
            "meetings/meeting_detail.html#conclusions",
            _context(
                access, meeting=meeting, conclusions=conclusions, can_run=True, conclusion_form=form
            ),
        )
    if form.errors:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("meetings:meeting-detail", congress_id=congress_id, meeting_id=meeting.pk)


@login_required
def conclusion_task(
    request: HttpRequest, congress_id: int, meeting_id: int, conclusion_id: int
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    meeting = _get_meeting(access, meeting_id)
    conclusion = get_object_or_404(Conclusion, pk=conclusion_id, meeting=meeting)
    if not permissions.can_run_meetings(access):
        return forbidden(request, NOT_ALLOWED)
    if conclusion.task_id:
        messages.error(request, "Kết luận này đã được giao thành nhiệm vụ, không giao lại lần nữa.")
        return redirect("meetings:meeting-detail", congress_id=congress_id, meeting_id=meeting.pk)
    form = ConclusionTaskForm(
        request.POST or None, congress=access.congress, initial={"title": conclusion.text[:500]}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        deadline, offset = data["deadline"]
        try:
            services.conclusion_to_task(
                access=access,
                conclusion=conclusion,
                title=data["title"],
                lead_agency=data["lead_agency"],
                coordinating_agencies=list(data["coordinating_agencies"]),
                deadline=deadline,
                deadline_offset_days=offset,
                area=data["area"],
                phase=data["phase"],
            )
        except BusinessError as error:
            apply_error(form, error)
        else:
            messages.success(request, f"Đã giao kết luận số {conclusion.number} thành nhiệm vụ.")
            return redirect(
                "meetings:meeting-detail", congress_id=congress_id, meeting_id=meeting.pk
            )
    return render(
        request,
        "meetings/conclusion_task.html",
        _context(access, meeting=meeting, conclusion=conclusion, form=form),
    )


def _issue(request: HttpRequest, congress_id: int, meeting_id: int, which: str) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    meeting = _get_meeting(access, meeting_id)
    if not permissions.can_run_meetings(access):
        return forbidden(request, NOT_ALLOWED)
    if which == "notice" and not meeting.conclusions.exists():
        messages.error(request, "Cuộc họp chưa có kết luận nào để ra thông báo.")
        return redirect("meetings:meeting-detail", congress_id=congress_id, meeting_id=meeting.pk)
    initial = {"recipients": notices.recipients(meeting)}
    secretariat = access.congress.agencies.filter(code__in=["VP", "VPTU", "VPUBND"]).first()
    if secretariat:
        initial["issuer"] = secretariat.pk
    form = IssueForm(request.POST or None, congress=access.congress, initial=initial)
    if request.method == "POST" and form.is_valid():
        issue = (
            services.meeting_issue_notice
            if which == "notice"
            else services.meeting_issue_invitation
        )
        try:
            with transaction.atomic():
                document = issue(access=access, meeting=meeting, **form.cleaned_data)
        except BusinessError as error:
            apply_error(form, error)
        else:
            messages.success(request, f"Đã ban hành văn bản số {document.symbol}.")
            return redirect(
                "meetings:meeting-detail", congress_id=congress_id, meeting_id=meeting.pk
            )
    subject = (
        notices.notice_subject(meeting)
        if which == "notice"
        else notices.invitation_subject(meeting)
    )
    return render(
        request,
        "meetings/meeting_issue.html",
        _context(access, meeting=meeting, form=form, which=which, subject=subject),
    )


@login_required
def meeting_issue_invitation(request: HttpRequest, congress_id: int, meeting_id: int):
    return _issue(request, congress_id, meeting_id, "invitation")


@login_required
def meeting_issue_notice(request: HttpRequest, congress_id: int, meeting_id: int):
    return _issue(request, congress_id, meeting_id, "notice")


@login_required
@require_POST
def meeting_attach(request: HttpRequest, congress_id: int, meeting_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    meeting = _get_meeting(access, meeting_id)
    if not permissions.can_run_meetings(access):
        return forbidden(request, NOT_ALLOWED)
    try:
        rows = services.meeting_attach(
            access=access, meeting=meeting, uploads=request.FILES.getlist("files")
        )
        messages.success(request, f"Đã đính kèm {len(rows)} tệp.")
    except BusinessError as error:
        messages.error(request, error.message)
    return redirect("meetings:meeting-detail", congress_id=congress_id, meeting_id=meeting.pk)


@login_required
def meeting_attachment(
    request: HttpRequest, congress_id: int, meeting_id: int, file_id: int
) -> FileResponse:
    access = access_congress(request.user, congress_id)
    meeting = _get_meeting(access, meeting_id)
    attachment = get_object_or_404(MeetingAttachment, pk=file_id, meeting=meeting)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=attachment.original_name)


@login_required
@require_POST
def meeting_cancel(request: HttpRequest, congress_id: int, meeting_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    meeting = _get_meeting(access, meeting_id)
    if not permissions.can_run_meetings(access):
        return forbidden(request, NOT_ALLOWED)
    try:
        services.meeting_cancel(access=access, meeting=meeting)
        messages.success(request, "Đã hoãn, hủy cuộc họp.")
    except BusinessError as error:
        messages.error(request, error.message)
    return redirect("meetings:meeting-detail", congress_id=congress_id, meeting_id=meeting.pk)


@login_required
@require_POST
def meeting_delete(request: HttpRequest, congress_id: int, meeting_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    meeting = _get_meeting(access, meeting_id)
    try:
        services.meeting_delete(access=access, meeting=meeting)
    except PermissionDenied as error:
        return forbidden(request, error.message)
    messages.success(request, "Đã chuyển cuộc họp vào thùng rác; Văn phòng có thể khôi phục.")
    return redirect("meetings:meeting-list", congress_id=congress_id)
