"""Nhập từ văn bản: paste or upload, review the proposed tasks, confirm."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from daihoi.core.exceptions import BusinessError
from daihoi.core.views import forbidden
from daihoi.extraction import extract
from daihoi.meetings import permissions as meeting_permissions
from daihoi.organizations.matching import AgencyMatcher
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access, access_committee, access_congress

from . import readers, services
from .drafts import proposed_rows
from .forms import MeetingFieldsForm, RowFormSet, SourceForm


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


def _review(request, access, text, meeting, committee, *, formset=None, meeting_form=None):
    agencies = _agencies(access)
    if formset is None:
        draft = extract(text, today=timezone.localdate())
        rows = proposed_rows(draft, AgencyMatcher(agencies))
        formset = RowFormSet(
            agencies=agencies,
            initial=[
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
            ],
        )
        chair = draft.meeting.chair or ""
        meeting_form = MeetingFieldsForm(
            initial={
                "title": (f"Cuộc họp {committee.name}" if committee else "Cuộc họp")
                if not draft.meeting.body or draft.meeting.body == "Tiểu ban"
                else f"Cuộc họp {draft.meeting.body}",
                "date": dt.date.fromisoformat(draft.meeting.date)
                if draft.meeting.date
                else timezone.localdate(),
                "start_time": dt.time(8, 0),
                "place": "Chưa ghi trong văn bản",
                "chair_name": chair,
                "chair_titles": ", ".join(draft.meeting.chair_titles),
            }
        )
    evidences = [f["evidence"].value() or "" for f in formset.forms]
    return render(
        request,
        "intake/import_review.html",
        {
            "access": access,
            "congress": access.congress,
            "meeting": meeting,
            "committee": committee,
            "formset": formset,
            "meeting_form": meeting_form,
            "source_text": text,
            "highlighted": _highlight(text, evidences),
        },
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
            result = services.text_import_confirm(
                access=access,
                rows=rows,
                source_text=text,
                meeting=meeting,
                committee=committee,
                fields=fields,
            )
        except BusinessError as error:
            # No public way to add an error above a formset; Django's own full_clean sets this.
            formset._non_form_errors = formset.error_class([error.message])  # type: ignore[attr-defined]
        else:
            note = f"Đã tạo {len(result.tasks)} nhiệm vụ từ văn bản."
            if result.created_agencies:
                note += " Cơ quan mới: " + ", ".join(a.name for a in result.created_agencies) + "."
            messages.success(request, note)
            return redirect(
                "meetings:meeting-detail", congress_id=congress_id, meeting_id=result.meeting.pk
            )
    return _review(
        request, access, text, meeting, committee, formset=formset, meeting_form=meeting_form
    )
