"""Logistics forms; choices limited to the congress (`CongressScopedForm`)."""

from django import forms

from daihoi.core.forms import VNDateField
from daihoi.core.versioning import VersionedFormMixin
from daihoi.organizations.forms import AgencyChoiceField, CongressScopedForm
from daihoi.planning.forms import MultipleFileField

from .models import ReadinessArea, ReadinessState
from .services import ItemFields


class ReadinessItemForm(VersionedFormMixin, CongressScopedForm):
    area = forms.ChoiceField(label="Lĩnh vực", choices=ReadinessArea.choices)
    title = forms.CharField(label="Hạng mục", max_length=300)
    agency = AgencyChoiceField(label="Cơ quan chịu trách nhiệm")
    deadline = VNDateField(label="Hạn hoàn thành", required=False)
    note = forms.CharField(
        label="Ghi chú", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def fields_value(self) -> ItemFields:
        data = self.cleaned_data
        return ItemFields(
            area=data["area"],
            title=data["title"],
            agency=data["agency"],
            deadline=data["deadline"],
            note=data["note"],
        )


class ReadinessReportForm(forms.Form):
    state = forms.ChoiceField(label="Tình trạng", choices=ReadinessState.choices)
    note = forms.CharField(
        label="Ghi chú, vướng mắc",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    photos = MultipleFileField(
        label="Ảnh minh chứng (JPG, PNG hoặc bản chụp PDF)",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photos"].widget.attrs["accept"] = ".jpg,.jpeg,.png,.pdf"


class ReadinessFilterForm(forms.Form):
    area = forms.ChoiceField(
        label="Lĩnh vực", required=False, choices=[("", "Tất cả"), *ReadinessArea.choices]
    )
    state = forms.ChoiceField(
        label="Tình trạng", required=False, choices=[("", "Tất cả"), *ReadinessState.choices]
    )
    late = forms.BooleanField(label="Chỉ hạng mục quá hạn", required=False)
