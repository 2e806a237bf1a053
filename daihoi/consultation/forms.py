from typing import Any

from django import forms

from daihoi.core.forms import VNDateField
from daihoi.documents.models import Document, DocumentKind
from daihoi.organizations.forms import AgenciesOrGroupsField
from daihoi.organizations.models import Agency, Committee, Congress, Person

from .models import Comment, Draft, Section
from .services import Entry, SendTo

BODY_HELP = (
    "Dán hoặc gõ nội dung dự thảo, mỗi đoạn một dòng. Các dòng “Điều 1.”, “I.”, “1.” được tách "
    "thành từng mục để góp ý riêng."
)


class RecipientsForm(forms.Form):
    """Whom a draft goes to; every choice limited to the congress."""

    # A group ("các sở, ban, ngành") is asked as each of its agencies: one recipient row each.
    agencies = AgenciesOrGroupsField(
        label="Cơ quan, đơn vị hoặc nhóm được lấy ý kiến", required=False
    )
    committees = forms.ModelMultipleChoiceField(
        Committee.objects.all(),
        label="Toàn bộ thành viên tiểu ban, tổ",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    people = forms.ModelMultipleChoiceField(
        Person.objects.all(),
        label="Cá nhân được lấy ý kiến",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, congress: Congress, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.congress = congress
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and field.queryset is not None:
                field.queryset = field.queryset.filter(congress=congress)

    def send_to(self) -> SendTo:
        data = self.cleaned_data
        return SendTo(
            agencies=list(data["agencies"]),
            people=list(data["people"]),
            committees=list(data["committees"]),
        )


class ConsultationForm(RecipientsForm):
    title = forms.CharField(
        label="Tên dự thảo",
        max_length=500,
        required=False,
        help_text="Ví dụ: Dự thảo Quy chế làm việc của Tiểu ban Văn kiện",
    )
    kind = forms.ChoiceField(label="Loại văn bản", choices=DocumentKind.choices, initial="QC")
    drafting_agency = forms.ModelChoiceField(Agency.objects.all(), label="Đơn vị soạn thảo")
    committee = forms.ModelChoiceField(Committee.objects.all(), label="Tiểu ban", required=False)
    source_document = forms.ModelChoiceField(
        Document.objects.filter(status=Document.Status.DRAFT),
        label="Lấy từ dự thảo trong sổ văn bản",
        required=False,
        help_text="Để trống nội dung bên dưới thì lấy nội dung của dự thảo này.",
    )
    body = forms.CharField(
        label="Nội dung dự thảo",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=BODY_HELP,
    )
    file = forms.FileField(label="Tệp dự thảo (Word, PDF)", required=False)
    deadline = VNDateField(label="Hạn góp ý")
    field_order = [
        "title",
        "kind",
        "drafting_agency",
        "committee",
        "deadline",
        "source_document",
        "body",
        "file",
    ]

    def __init__(
        self,
        *args: Any,
        congress: Congress,
        own_agency_id: int | None,
        drafter_agency_id: int | None = None,
        **kwargs: Any,
    ):
        super().__init__(*args, congress=congress, **kwargs)
        for name in ("drafting_agency", "committee", "source_document"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.empty_label = "— Chọn —"
        if drafter_agency_id is not None:
            self.fields["drafting_agency"].initial = drafter_agency_id
        if own_agency_id is not None:
            # An agency drafts for itself only.
            agency = self.fields["drafting_agency"]
            assert isinstance(agency, forms.ModelChoiceField)
            agency.queryset = Agency.objects.filter(pk=own_agency_id)
            agency.initial = own_agency_id
            self.fields.pop("source_document")

    def offer_drafts(self, drafts: Any) -> None:
        """Limits the registry drafts offered to those the actor may read (a secret draft only
        to the people named on it: `Document.objects.visible_to`)."""
        field = self.fields.get("source_document")
        if isinstance(field, forms.ModelChoiceField):
            field.queryset = drafts.filter(status=Document.Status.DRAFT)

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "kind": data["kind"],
            "drafting_agency": data["drafting_agency"],
            "committee": data["committee"],
            "source_document": data.get("source_document"),
            "body": data["body"],
            "upload": data["file"],
            "deadline": data["deadline"],
            "send_to": self.send_to(),
        }


class RevisionForm(RecipientsForm):
    body = forms.CharField(
        label="Nội dung dự thảo sửa đổi",
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=BODY_HELP,
    )
    note = forms.CharField(
        label="Những điểm đã sửa so với bản trước",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    file = forms.FileField(label="Tệp dự thảo (Word, PDF)", required=False)
    deadline = VNDateField(label="Hạn góp ý")
    field_order = ["body", "note", "file", "deadline"]

    @classmethod
    def initial_for(cls, draft: Draft) -> dict[str, Any]:
        rows = list(draft.recipients.all())
        return {
            "body": draft.body,
            "agencies": [r.agency_id for r in rows if r.agency_id],
            "people": [r.person_id for r in rows if r.person_id],
        }


class AdoptForm(forms.Form):
    body = forms.CharField(
        label="Nội dung bản thông qua", widget=forms.Textarea(attrs={"rows": 16})
    )
    note = forms.CharField(
        label="Ghi chú (thông qua tại phiên họp, ngày…)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CommentForm(forms.Form):
    """A textarea per section of the draft, one for the whole draft, and plain agreement."""

    whole = forms.CharField(
        label="Ý kiến chung về toàn văn dự thảo",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    agreed = forms.BooleanField(label="Nhất trí với dự thảo, không có ý kiến khác", required=False)

    def __init__(self, *args: Any, sections: list[Section], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sections = sections
        for section in sections:
            self.fields[f"section_{section.pk}"] = forms.CharField(
                label=f"{section}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def section_fields(self) -> list[tuple[Section, forms.BoundField]]:
        return [(s, self[f"section_{s.pk}"]) for s in self.sections]

    def entries(self) -> list[Entry]:
        data = self.cleaned_data
        rows = [Entry(None, data.get("whole") or "")]
        rows += [Entry(s.pk, data.get(f"section_{s.pk}") or "") for s in self.sections]
        return rows


class ResolveForm(forms.Form):
    resolution = forms.ChoiceField(
        label="Tiếp thu, giải trình",
        choices=[
            (Comment.Resolution.ACCEPTED, "Tiếp thu"),
            (Comment.Resolution.EXPLAINED, "Giải trình"),
        ],
    )
    reason = forms.CharField(
        label="Nội dung tiếp thu hoặc lý do giải trình",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
