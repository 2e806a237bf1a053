from typing import Any

from django import forms

from daihoi.consultation.models import Draft, Resolution, Section
from daihoi.core.versioning import VersionedFormMixin
from daihoi.programme.models import Session

from .models import GroupComment
from .services import MAX_SUPPORTERS, CommentFields


class CommentForm(VersionedFormMixin, forms.Form):
    """A group's comment on one draft: the section, the session, the text and how many
    delegates shared it."""

    section = forms.ModelChoiceField(
        label="Mục của dự thảo",
        queryset=Section.objects.none(),
        required=False,
        empty_label="Toàn văn dự thảo (không theo mục)",
    )
    session = forms.ModelChoiceField(
        label="Phiên thảo luận", queryset=Session.objects.none(), required=False
    )
    text = forms.CharField(label="Ý kiến", widget=forms.Textarea(attrs={"rows": 5}))
    supporters = forms.IntegerField(
        label="Số đại biểu cùng ý kiến",
        required=False,
        min_value=1,
        max_value=MAX_SUPPORTERS,
        help_text="Bỏ trống nếu biên bản không ghi.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args: Any, draft: Draft, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.draft = draft
        section: Any = self.fields["section"]
        section.queryset = Section.objects.filter(draft=draft).order_by("position")
        session: Any = self.fields["session"]
        session.queryset = Session.objects.filter(
            congress_id=draft.consultation.congress_id
        ).order_by("starts_at", "pk")

    @classmethod
    def initial_for(cls, comment: GroupComment) -> dict[str, Any]:
        return {
            "section": comment.section_id,
            "session": comment.session_id,
            "text": comment.text,
            "supporters": comment.supporters,
            "version": comment.version,
        }

    def comment_fields(self) -> CommentFields:
        data = self.cleaned_data
        return CommentFields(
            draft_id=self.draft.pk,
            section=data["section"],
            session=data["session"],
            text=data["text"],
            supporters=data["supporters"],
        )


class ResolveForm(forms.Form):
    resolution = forms.ChoiceField(
        label="Tiếp thu, giải trình",
        choices=[(Resolution.ACCEPTED, "Tiếp thu"), (Resolution.EXPLAINED, "Giải trình")],
    )
    reason = forms.CharField(
        label="Nội dung tiếp thu hoặc lý do giải trình",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ThemeCreateForm(forms.Form):
    comments = forms.TypedMultipleChoiceField(label="Ý kiến", coerce=int, choices=[])
    summary = forms.CharField(
        label="Nội dung chung của nhóm ý kiến", widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, draft: Draft, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["comments"]
        field.choices = [
            (pk, str(pk))
            for pk in GroupComment.objects.filter(draft=draft, theme__isnull=True).values_list(
                "pk", flat=True
            )
        ]


class ThemeForm(VersionedFormMixin, forms.Form):
    summary = forms.CharField(
        label="Nội dung chung của nhóm ý kiến", widget=forms.Textarea(attrs={"rows": 4})
    )
    resolution = forms.ChoiceField(label="Tiếp thu, giải trình", choices=Resolution.choices)
    reason = forms.CharField(
        label="Nội dung tiếp thu hoặc lý do giải trình",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
