"""The detailed plans' forms (kế hoạch chi tiết): an item, its progress, review and filter."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from daihoi.core.forms import VNDateField
from daihoi.core.versioning import VersionedFormMixin

from .models import DetailedState
from .services import ItemFields

PERCENT_ERRORS = {
    # Validator messages are %-formatted, hence the doubled percent sign.
    "min_value": "Tiến độ phải từ 0 đến 100%%.",
    "max_value": "Tiến độ phải từ 0 đến 100%%.",
    "invalid": "Tiến độ phải là một số từ 0 đến 100.",
}


class DetailedItemForm(VersionedFormMixin, forms.Form):
    title = forms.CharField(
        label="Nội dung công việc", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    method = forms.CharField(
        label="Phương thức thực hiện",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Cách làm: văn bản, hội nghị, kiểm tra, phối hợp với ai…",
    )
    responsible = forms.CharField(
        label="Bộ phận, cá nhân thực hiện", max_length=255, required=False
    )
    start_date = VNDateField(label="Ngày bắt đầu", required=False)
    deadline = VNDateField(label="Hạn hoàn thành")

    def clean(self):
        data = super().clean() or {}
        start, deadline = data.get("start_date"), data.get("deadline")
        if start and deadline and deadline < start:
            self.add_error("deadline", "Hạn hoàn thành không được trước ngày bắt đầu.")
        return data

    def item_fields(self) -> ItemFields:
        return ItemFields(**self.edited())


class DetailedProgressForm(forms.Form):
    progress = forms.IntegerField(
        label="Tiến độ (%)",
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        error_messages=PERCENT_ERRORS,
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": 5}),
    )


class DetailedReviewForm(forms.Form):
    APPROVE, RETURN = "approve", "return"
    decision = forms.ChoiceField(choices=[(APPROVE, "Phê duyệt"), (RETURN, "Trả lại")])
    comment = forms.CharField(
        label="Ý kiến", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean() or {}
        if data.get("decision") == self.RETURN and not (data.get("comment") or "").strip():
            self.add_error("comment", "Khi trả lại kế hoạch chi tiết phải ghi rõ ý kiến.")
        return data


class DetailedFilterForm(forms.Form):
    state = forms.ChoiceField(
        label="Tình trạng", required=False, choices=[("", "Tất cả"), *DetailedState.choices]
    )
