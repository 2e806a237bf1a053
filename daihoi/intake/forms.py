from typing import Any, cast

from django import forms
from django.db.models import QuerySet

from daihoi.core.forms import DeadlineField, VNDateField, VNTimeField
from daihoi.organizations.models import Agency
from daihoi.planning.models import Area, Phase, TaskAssignment

from .readers import MAX_CHARS


class SourceForm(forms.Form):
    text = forms.CharField(
        label="Dán nội dung thông báo, bài tường thuật cuộc họp",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        # The length is checked by readers.check_text with a clearer message.
        max_length=MAX_CHARS * 30,
    )
    file = forms.FileField(label="hoặc chọn tệp (.txt, .docx)", required=False)


class MeetingFieldsForm(forms.Form):
    title = forms.CharField(label="Tên cuộc họp", max_length=300)
    date = VNDateField(label="Ngày họp")
    start_time = VNTimeField(label="Giờ bắt đầu", initial="08:00")
    place = forms.CharField(label="Địa điểm", max_length=255, required=False)
    chair_name = forms.CharField(label="Người chủ trì", max_length=150)
    chair_titles = forms.CharField(label="Chức vụ người chủ trì", max_length=500, required=False)


ROLE_CHOICES = [
    (TaskAssignment.Role.LEAD, "Chủ trì"),
    (TaskAssignment.Role.COORDINATE, "Phối hợp"),
]


class RowForm(forms.Form):
    include = forms.BooleanField(label="Giữ", required=False, initial=True)
    group = forms.IntegerField(widget=forms.HiddenInput)
    written_agency = forms.CharField(widget=forms.HiddenInput, required=False)
    agency = forms.ModelChoiceField(Agency.objects.none(), label="Cơ quan", required=False)
    create_agency = forms.BooleanField(label="Tạo cơ quan mới", required=False)
    new_agency_name = forms.CharField(label="Tên cơ quan mới", max_length=255, required=False)
    role = forms.ChoiceField(label="Vai trò", choices=ROLE_CHOICES)
    task = forms.CharField(
        label="Nhiệm vụ", max_length=500, widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    deadline = DeadlineField(label="Hạn")
    area = forms.ChoiceField(label="Lĩnh vực", choices=Area.choices)
    phase = forms.ChoiceField(label="Giai đoạn", choices=Phase.choices)
    evidence = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, agencies: QuerySet[Agency] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agency = cast(forms.ModelChoiceField, self.fields["agency"])
        agency.queryset = agencies
        agency.empty_label = "— Chưa khớp: chọn cơ quan —"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if not data.get("include"):
            return data
        if not (data.get("task") or "").strip():
            self.add_error("task", "Nhập nội dung nhiệm vụ hoặc bỏ chọn dòng này.")
        if data.get("create_agency"):
            if not (data.get("new_agency_name") or "").strip():
                self.add_error("new_agency_name", "Nhập tên cơ quan mới.")
        elif not data.get("agency"):
            self.add_error(
                "agency",
                "Chưa khớp với cơ quan nào: chọn cơ quan, đánh dấu “Tạo cơ quan mới”, "
                "hoặc bỏ chọn dòng này.",
            )
        return data


class BaseRowFormSet(forms.BaseFormSet):
    def __init__(self, *args: Any, agencies: QuerySet[Agency] | None = None, **kwargs: Any) -> None:
        self.agencies = agencies
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        return {**super().get_form_kwargs(index), "agencies": self.agencies}

    @property
    def empty_form(self) -> forms.Form:
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            agencies=self.agencies,
            renderer=self.renderer,  # type: ignore[attr-defined]  # set by BaseFormSet, not in stubs
        )
        self.add_fields(form, None)
        return form


RowFormSet = cast(
    type[BaseRowFormSet],
    forms.formset_factory(RowForm, formset=BaseRowFormSet, extra=0, max_num=300),
)
