import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.http import QueryDict
from django.utils import timezone

from daihoi.core.forms import DeadlineField, VNDateField, VNTimeField
from daihoi.core.versioning import VersionedFormMixin
from daihoi.organizations.forms import (
    AgenciesOrGroupsField,
    AgencyChoiceField,
    ChosenAgencies,
    CongressScopedForm,
)
from daihoi.organizations.models import Agency, Committee, Person
from daihoi.organizations.permissions import Access
from daihoi.planning.models import Area, Phase, ProgressUpdate

from . import selectors
from .models import AgencyAttendance, AgendaItem, Attendance, Conclusion, Meeting
from .services import AgencyPresence, chair_invited_error, representative_field


def _posted_list(data: Any, name: str) -> list[str]:
    values = data.getlist(name) if isinstance(data, QueryDict) else data.get(name) or []
    return [str(v) for v in values]


class MeetingForm(VersionedFormMixin, CongressScopedForm):
    title = forms.CharField(label="Tên cuộc họp", max_length=300)
    kind = forms.ChoiceField(label="Hình thức", choices=Meeting.Kind.choices)
    committee = forms.ModelChoiceField(Committee.objects.all(), label="Tiểu ban", required=False)
    date = VNDateField(label="Ngày họp")
    start_time = VNTimeField(label="Giờ bắt đầu")
    end_time = VNTimeField(label="Giờ kết thúc")
    end_date = VNDateField(label="Ngày kết thúc (nếu họp nhiều ngày)", required=False)
    place = forms.CharField(label="Địa điểm", max_length=255)
    chair = forms.ModelChoiceField(Person.objects.all(), label="Chủ trì")
    invited_people = forms.ModelMultipleChoiceField(
        Person.objects.all(),
        label="Thành phần mời (cá nhân)",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    invited_agencies = AgenciesOrGroupsField(label="Cơ quan, đơn vị được mời", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The chair is not offered among the invitees of his own meeting. Without the page's
        # script, a chair changed to someone ticked as invitee is taken out of the ticks and
        # named in an error, instead of Django's "not one of the available choices".
        self.chair_also_invited: Person | None = None
        chair_id = str(self["chair"].value() or "")
        if self.is_bound and chair_id.isdigit():
            ticked = _posted_list(self.data, "invited_people")
            if chair_id in ticked:
                kept = [v for v in ticked if v != chair_id]
                if isinstance(self.data, QueryDict):
                    data = self.data.copy()
                    data.setlist("invited_people", kept)
                    self.data = data
                else:
                    self.data = {**self.data, "invited_people": kept}
                self.chair_also_invited = Person.objects.filter(
                    pk=chair_id, congress=self.congress
                ).first()
        if chair_id.isdigit():
            people = self.fields["invited_people"]
            assert isinstance(people, forms.ModelMultipleChoiceField)
            people.queryset = Person.objects.filter(congress=self.congress).exclude(pk=chair_id)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if self.chair_also_invited is not None:
            self.add_error("invited_people", chair_invited_error(self.chair_also_invited))
        date, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        if date and start and end:
            zone = timezone.get_current_timezone()
            data["starts_at"] = dt.datetime.combine(date, start, tzinfo=zone)
            data["ends_at"] = dt.datetime.combine(data.get("end_date") or date, end, tzinfo=zone)
            if data["ends_at"] <= data["starts_at"]:
                self.add_error("end_time", "Giờ kết thúc phải sau giờ bắt đầu.")
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            key: data[key]
            for key in (
                "title",
                "kind",
                "committee",
                "starts_at",
                "ends_at",
                "place",
                "chair",
                "invited_people",
                "invited_agencies",
            )
        }

    @staticmethod
    def initial_for(meeting: Meeting) -> dict:
        start = timezone.localtime(meeting.starts_at)
        end = timezone.localtime(meeting.ends_at)
        return {
            "title": meeting.title,
            "kind": meeting.kind,
            "committee": meeting.committee_id,
            "date": start.date(),
            "start_time": start.time(),
            "end_time": end.time(),
            "end_date": end.date() if end.date() != start.date() else None,
            "place": meeting.place,
            "chair": meeting.chair_id,
            "invited_people": list(meeting.invited_people.values_list("pk", flat=True)),
            "invited_agencies": list(meeting.invited_agencies.values_list("pk", flat=True)),
            "version": meeting.version,
        }


class AgendaForm(forms.Form):
    """The agenda of a new meeting: typed lines, and proposals to keep (checked) or drop."""

    agenda = forms.CharField(
        label="Nội dung cuộc họp (mỗi dòng một nội dung)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, obstacles=(), follow_ups=(), **kwargs):
        super().__init__(*args, **kwargs)
        # What is proposed, by field: (id, what the page shows).
        self.proposed: dict[str, list[tuple[int, str]]] = {
            "obstacles": [(u.pk, f"{u.agency.name}: {u.obstacle}") for u in obstacles],
            "follow_ups": [
                (c.pk, f"Kết luận {c.number} ({c.meeting.starts_at:%d/%m/%Y}): {c.text[:120]}")
                for c in follow_ups
            ],
        }
        self.fields["obstacles"] = forms.MultipleChoiceField(
            label="Vướng mắc đơn vị nêu từ cuộc họp trước",
            required=False,
            choices=self.proposed["obstacles"],
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["follow_ups"] = forms.MultipleChoiceField(
            label="Kết luận trước chưa hoàn thành",
            required=False,
            choices=self.proposed["follow_ups"],
            widget=forms.CheckboxSelectMultiple,
        )
        self.obstacle_objects = {str(u.pk): u for u in obstacles}
        self.follow_up_objects = {str(c.pk): c for c in follow_ups}

    @classmethod
    def proposing(cls, access: Access, data: Any, committee: Committee | None) -> "AgendaForm":
        """The form offering the obstacles raised since the committee's last meeting and its
        conclusions still open."""
        last = selectors.previous_meeting(committee, timezone.now())
        since = last.starts_at if last else None
        return cls(
            data,
            obstacles=selectors.proposed_obstacles(access, committee, since),
            follow_ups=selectors.proposed_follow_ups(access, committee),
        )

    def clean_agenda(self) -> str:
        text = self.cleaned_data["agenda"]
        limit = AgendaItem._meta.get_field("title").max_length or 500
        too_long = [i for i, line in enumerate(text.splitlines(), 1) if len(line.strip()) > limit]
        if too_long:
            raise forms.ValidationError(
                f"Mỗi nội dung tối đa {limit} ký tự; dòng {', '.join(map(str, too_long[:5]))} "
                "dài quá — hãy tách thành nhiều dòng."
            )
        return text

    def chosen(self) -> tuple[list[str], list[ProgressUpdate], list[Conclusion]]:
        data = self.cleaned_data
        lines = [line for line in data["agenda"].splitlines() if line.strip()]
        return (
            lines,
            [self.obstacle_objects[k] for k in data["obstacles"]],
            [self.follow_up_objects[k] for k in data["follow_ups"]],
        )


class RecordForm(forms.Form):
    minutes = forms.CharField(
        label="Biên bản (tóm tắt diễn biến)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, people=(), current=None, agencies=(), current_agencies=None, **kw):
        super().__init__(*args, **kw)
        current = current or {}
        current_agencies = current_agencies or {}
        self.people = list(people)
        self.agencies = list(agencies)
        for person in self.people:
            self.fields[f"p{person.pk}"] = forms.ChoiceField(
                label=f"{person.full_name}" + (f" — {person.titles}" if person.titles else ""),
                choices=Attendance.Status.choices,
                initial=current.get(person.pk, Attendance.Status.PRESENT),
                widget=forms.RadioSelect,
            )
        for agency in self.agencies:
            row = current_agencies.get(agency.pk)
            self.fields[f"agency_{agency.pk}"] = forms.ChoiceField(
                label=agency.name,
                choices=AgencyAttendance.Status.choices,
                initial=row.status if row else AgencyAttendance.Status.PRESENT,
                widget=forms.RadioSelect,
                required=False,  # left unanswered: the agency's attendance is not recorded
            )
            self.fields[representative_field(agency.pk)] = forms.CharField(
                label="Người được ủy quyền (họ tên)",
                max_length=200,
                required=False,
                initial=row.representative if row else "",
            )
            self.fields[f"{representative_field(agency.pk)}_title"] = forms.CharField(
                label="Chức vụ",
                max_length=200,
                required=False,
                initial=row.representative_title if row else "",
            )

    def person_fields(self) -> list[forms.BoundField]:
        return [self[f"p{p.pk}"] for p in self.people]

    def agency_fields(self) -> list[tuple[forms.BoundField, forms.BoundField, forms.BoundField]]:
        """Per invited agency: its status, its representative's name and title."""
        return [
            (
                self[f"agency_{a.pk}"],
                self[representative_field(a.pk)],
                self[f"{representative_field(a.pk)}_title"],
            )
            for a in self.agencies
        ]

    def clean(self) -> dict[str, Any]:
        super().clean()
        for agency in self.agencies:
            status = self.cleaned_data.get(f"agency_{agency.pk}")
            name = self.cleaned_data.get(representative_field(agency.pk), "").strip()
            if status == AgencyAttendance.Status.REPRESENTED and not name:
                self.add_error(
                    representative_field(agency.pk),
                    f"Ghi họ tên người được {agency.name} ủy quyền dự họp.",
                )
        return self.cleaned_data

    def attendance(self) -> dict[int, str]:
        return {p.pk: self.cleaned_data[f"p{p.pk}"] for p in self.people}

    def agency_presence(self) -> dict[int, AgencyPresence]:
        data = self.cleaned_data
        return {
            a.pk: AgencyPresence(
                status=data[f"agency_{a.pk}"],
                representative=data.get(representative_field(a.pk), ""),
                representative_title=data.get(f"{representative_field(a.pk)}_title", ""),
            )
            for a in self.agencies
            if data.get(f"agency_{a.pk}")
        }


class ConclusionForm(forms.Form):
    text = forms.CharField(
        label="Nội dung kết luận", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class ConclusionTaskForm(CongressScopedForm):
    title = forms.CharField(
        label="Nội dung nhiệm vụ", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    lead_agency = AgencyChoiceField(
        label="Đơn vị chủ trì",
        error_messages={"required": "Chưa chọn đơn vị chủ trì."},
    )
    coordinating_agencies = AgenciesOrGroupsField(label="Đơn vị phối hợp", required=False)
    deadline = DeadlineField(label="Hạn hoàn thành")
    # No area is chosen for the officer: an empty first choice, and a required field.
    area = forms.ChoiceField(
        label="Lĩnh vực",
        choices=[("", "— Chọn lĩnh vực —"), *Area.choices],
        error_messages={
            "required": "Chưa chọn lĩnh vực: kết luận không nêu rõ lĩnh vực, hãy chọn một lĩnh vực."
        },
    )
    phase = forms.ChoiceField(label="Giai đoạn", choices=Phase.choices, initial=Phase.BEFORE)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        lead = data.get("lead_agency")
        coordinating = (data.get("coordinating_agencies") or ChosenAgencies()).without(lead)
        data["coordinating_agencies"] = coordinating
        if lead and lead in coordinating:
            self.add_error(
                "coordinating_agencies", "Đơn vị phối hợp không được trùng với đơn vị chủ trì."
            )
        return data

    def task_kwargs(self) -> dict[str, Any]:
        """The cleaned task as `conclusion_to_task` takes it."""
        data = self.cleaned_data
        deadline, offset = data["deadline"]
        return {
            "title": data["title"],
            "lead_agency": data["lead_agency"],
            "coordinating_agencies": list(data["coordinating_agencies"]),
            "deadline": deadline,
            "deadline_offset_days": offset,
            "area": data["area"],
            "phase": data["phase"],
        }


class IssueForm(CongressScopedForm):
    issuer = forms.ModelChoiceField(Agency.objects.filter(is_issuer=True), label="Cơ quan ban hành")
    signer = forms.ModelChoiceField(Person.objects.all(), label="Người ký", required=False)
    signer_title = forms.CharField(label="Chức vụ người ký", max_length=200, required=False)
    authority = forms.CharField(
        label="Thẩm quyền ký",
        max_length=200,
        required=False,
        help_text="Ví dụ: TL. CHỦ TỊCH, KT. CHÁNH VĂN PHÒNG, T/M BAN THƯỜNG VỤ",
    )
    recipients = forms.CharField(
        label="Nơi nhận (mỗi dòng một nơi)", widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if not data.get("signer"):
            self.add_error(
                "signer", "Chưa chọn người ký: văn bản không thể ban hành khi chưa có người ký."
            )
        return data


class MeetingFilterForm(forms.Form):
    """The meeting list's filters, as links from other pages set them (?from=&to=&mine=1)."""

    # "from" is a Python keyword: the form reads it from the data under its own name.
    starts_from = VNDateField(required=False)
    to = VNDateField(required=False)
    mine = forms.BooleanField(required=False)

    def __init__(self, data: Any = None) -> None:
        if data is not None:
            data = data.copy()
            data["starts_from"] = data.get("from", "")
        super().__init__(data)

    def selection(self) -> dict[str, Any]:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return {
            "starts_from": data.get("starts_from"),
            "starts_to": data.get("to"),
            "mine": bool(data.get("mine")),
        }

    def query(self) -> str:
        """The filters as a query string, for the pagination links."""
        if self.data is None or not self.is_bound:
            return ""
        kept = {k: self.data.get(k) for k in ("from", "to", "mine") if self.data.get(k)}
        return urlencode(kept)

    def describe(self) -> str:
        """The filters in words for the page, empty when none is set."""
        chosen = self.selection()
        parts = []
        if chosen["mine"]:
            parts.append("cuộc họp tôi chủ trì hoặc được mời")
        if chosen["starts_from"]:
            parts.append(f"từ {chosen['starts_from']:%d/%m/%Y}")
        if chosen["starts_to"]:
            parts.append(f"đến {chosen['starts_to']:%d/%m/%Y}")
        return ", ".join(parts)
