"""Nhập từ văn bản: paste or upload, review the proposed tasks, confirm."""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from daihoi.core import once
from daihoi.core.exceptions import BusinessError
from daihoi.core.views import forbidden, page_context
from daihoi.extraction import Draft, extract
from daihoi.meetings import permissions as meeting_permissions
from daihoi.meetings.models import Meeting
from daihoi.organizations.matching import AgencyMatcher
from daihoi.organizations.models import Agency, Committee
from daihoi.organizations.permissions import Access, access_committee, access_congress

from . import readers, services
from .drafts import ProposedRow, proposed_rows
from .forms import BaseRowFormSet, MeetingFieldsForm, RowFormSet, SourceForm


def _highlight(text: str, evidences: list[str]) -> str:
    """The source text, escaped, with each evidence sentence marked."""
    spans = []
    for number, evidence in enumerate(evidences, start=1):
        start = text.find(evidence) if evidence else -1
        if start >= 0:
            spans.append((start, start + len(evidence), number))
    spans.sort()
    out: list[str] = []
    cursor = 0
    for start, end, number in spans:
        if start < cursor:
            continue
        out.append(conditional_escape(text[cursor:start]))
        out.append(
            f'<mark id="evidence-{number}" data-row="{number}">'
            f"{conditional_escape(text[start:end])}</mark>"
        )
        cursor = end
    out.append(conditional_escape(text[cursor:]))
    return mark_safe("".join(str(part) for part in out))  # noqa: S308 - every part is escaped


def _target(access: Access, request: HttpRequest):
    params = request.POST if request.method == "POST" else request.GET
    meeting = committee = None
    if (value := params.get("meeting", "")).isdigit():
        meeting = meeting_permissions.access_meeting(access, int(value))
        committee = meeting.committee
    elif (value := params.get("committee", "")).isdigit():
        committee = access_committee(access, int(value))
    return meeting, committee


def _agencies(access: Access):
    return Agency.objects.filter(congress=access.congress).order_by("name")


@login_required
def import_start(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not meeting_permissions.can_run_meetings(access):
        return forbidden(
            request, "Chỉ Thường trực / Văn phòng hoặc lãnh đạo tiểu ban mới nhập từ văn bản."
        )
    meeting, committee = _target(access, request)
    form = SourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            upload = form.cleaned_data.get("file")
            text = (
                readers.read_upload(upload.name, upload.read())
                if upload
                else form.cleaned_data["text"]
            )
            text = readers.check_text(text)
        except BusinessError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            return _review(request, access, text, meeting, committee)
    return render(
        request,
        "intake/import_start.html",
        {
            "access": access,
            "congress": access.congress,
            "form": form,
            "meeting": meeting,
            "committee": committee,
        },
    )


def _reference_day(access: Access, meeting: Meeting | None) -> dt.date:
    """The day that gives a year to dates written without one: the meeting's day when tasks are
    added to a known meeting; else today while the congress is ahead, or its opening day when
    the texts are about a congress already held."""
    if meeting is not None:
        return timezone.localtime(meeting.starts_at).date()
    today = timezone.localdate()
    opening = access.congress.opening_date
    return opening if opening and opening < today else today


def _initial_rows(rows: list[ProposedRow]) -> list[dict[str, Any]]:
    return [
        {
            "include": True,
            "group": row.group,
            "written_agency": row.written_agency,
            "agency": row.match.agency.pk if isinstance(row.match.agency, Agency) else None,
            "new_agency_name": "" if row.match.agency else row.written_agency,
            "role": row.role,
            "task": row.task,
            "deadline": (row.deadline, None),
            "area": row.area,
            "phase": row.phase,
            "evidence": row.evidence,
        }
        for row in rows
    ]


def _meeting_initial(draft: Draft, committee: Committee | None, day: dt.date) -> dict[str, Any]:
    body = draft.meeting.body
    default_title = f"Cuộc họp {committee.name}" if committee else "Cuộc họp"
    return {
        "title": default_title if not body or body == "Tiểu ban" else f"Cuộc họp {body}",
        "date": day,
        "start_time": dt.time(8, 0),
        "place": "",
        "chair_name": draft.meeting.chair or "",
        "chair_titles": ", ".join(draft.meeting.chair_titles),
    }


def _flag_past_deadlines(formset: BaseRowFormSet, today: dt.date) -> None:
    """Marks each row whose deadline has already passed, so the officer sees it before saving."""
    for form in formset.forms:
        if form.is_bound:
            value = form.cleaned_data.get("deadline") if hasattr(form, "cleaned_data") else None
        else:
            value = form.initial.get("deadline")
        deadline = value[0] if value else None
        form.past_deadline = deadline is not None and deadline < today


def _review(
    request: HttpRequest,
    access: Access,
    text: str,
    meeting: Meeting | None,
    committee: Committee | None,
    *,
    formset: BaseRowFormSet | None = None,
    meeting_form: MeetingFieldsForm | None = None,
) -> HttpResponse:
    agencies = _agencies(access)
    if formset is None:
        reference = _reference_day(access, meeting)
        draft = extract(text, today=reference)
        meeting_day = dt.date.fromisoformat(draft.meeting.date) if draft.meeting.date else reference
        rows = proposed_rows(draft, AgencyMatcher(agencies), meeting_day)
        formset = RowFormSet(agencies=agencies, initial=_initial_rows(rows))
        meeting_form = MeetingFieldsForm(initial=_meeting_initial(draft, committee, meeting_day))
    _flag_past_deadlines(formset, timezone.localdate())
    evidences = [f["evidence"].value() or "" for f in formset.forms]
    return render(
        request,
        "intake/import_review.html",
        page_context(
            access,
            meeting=meeting,
            committee=committee,
            formset=formset,
            meeting_form=meeting_form,
            source_text=text,
            highlighted=_highlight(text, evidences),
            past_deadlines=sum(1 for f in formset.forms if getattr(f, "past_deadline", False)),
        ),
    )


@login_required
def import_confirm(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not meeting_permissions.can_run_meetings(access):
        return forbidden(
            request, "Chỉ Thường trực / Văn phòng hoặc lãnh đạo tiểu ban mới nhập từ văn bản."
        )
    if request.method != "POST":
        return redirect("intake:start", congress_id=congress_id)
    meeting, committee = _target(access, request)
    try:
        text = readers.check_text(request.POST.get("source_text", ""))
    except BusinessError as error:
        messages.error(request, error.message)
        return redirect("intake:start", congress_id=congress_id)
    formset = RowFormSet(request.POST, agencies=_agencies(access))
    meeting_form = MeetingFieldsForm(request.POST)
    meeting_ok = meeting is not None or meeting_form.is_valid()
    if formset.is_valid() and meeting_ok:
        rows = [
            services.ReviewedRow(
                group=data["group"],
                role=data["role"],
                task=data["task"].strip(),
                deadline=data["deadline"][0],
                deadline_offset_days=data["deadline"][1],
                area=data["area"],
                phase=data["phase"],
                evidence=data.get("evidence") or "",
                agency=None if data.get("create_agency") else data.get("agency"),
                new_agency_name=data.get("new_agency_name") or "",
            )
            for data in formset.cleaned_data
            if data and data.get("include")
        ]
        fields = None
        if meeting is None:
            fields = services.MeetingFields(**meeting_form.cleaned_data)
        try:
            with transaction.atomic():
                claimed = once.claim(request)
                result = services.text_import_confirm(
                    access=access,
                    rows=rows,
                    source_text=text,
                    meeting=meeting,
                    committee=committee,
                    fields=fields,
                )
        except once.AlreadySubmitted as earlier:
            return earlier.response(request, reverse("intake:start", args=[congress_id]))
        except BusinessError as error:
            # No public way to add an error above a formset; Django's own full_clean sets this.
            formset._non_form_errors = formset.error_class([error.message])  # type: ignore[attr-defined]
        else:
            note = f"Đã tạo {len(result.tasks)} nhiệm vụ từ văn bản."
            if result.created_agencies:
                note += " Cơ quan mới: " + ", ".join(a.name for a in result.created_agencies) + "."
            messages.success(request, note)
            detail = reverse("meetings:meeting-detail", args=[congress_id, result.meeting.pk])
            return once.remember(claimed, redirect(detail))
    return _review(
        request, access, text, meeting, committee, formset=formset, meeting_form=meeting_form
    )
