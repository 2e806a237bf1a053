"""Forms of the levels: subordinate congresses, their schedule, level deadlines."""

from typing import Any

from django import forms

from daihoi.core.forms import DeadlineField, VNDateField
from daihoi.core.versioning import VersionedFormMixin
from daihoi.organizations.models import Area, Congress
from daihoi.reporting.forms import ReportRequestForm

from .models import Guidance, ScheduleState
from .services import ItemFields, ScheduleFields, SubordinateFields
from .tree import levels_below


def _level_choices(parent: Congress) -> list[tuple[str, str]]:
    return [(lv, str(Congress.Level(lv).label)) for lv in levels_below(parent.level)]


class SubordinateForm(forms.Form):
    name = forms.CharField(
        label="Tên Đại hội",
        max_length=255,
        help_text="Ví dụ: Đại hội đại biểu Đảng bộ huyện Đắk Hà",
    )
    organization = forms.CharField(label="Đảng bộ / tổ chức", max_length=255)
    level = forms.ChoiceField(label="Cấp")
    ordinal = forms.IntegerField(label="Lần thứ", min_value=1, max_value=200)
    term_start = forms.IntegerField(label="Nhiệm kỳ từ năm", min_value=1930, max_value=2100)
    term_end = forms.IntegerField(label="Nhiệm kỳ đến năm", min_value=1930, max_value=2100)
    planned_date = VNDateField(label="Ngày dự kiến tổ chức", required=False)
    is_pilot = forms.BooleanField(label="Đại hội điểm", required=False)

    def __init__(self, *args: Any, parent: Congress, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["level"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = _level_choices(parent)
        self.initial.setdefault("term_start", parent.term_start)
        self.initial.setdefault("term_end", parent.term_end)

    def fields_value(self) -> SubordinateFields:
        return SubordinateFields(**self.cleaned_data)


class ScheduleForm(VersionedFormMixin, forms.Form):
    planned_date = VNDateField(label="Ngày dự kiến tổ chức", required=False)
    is_pilot = forms.BooleanField(label="Đại hội điểm", required=False)
    state = forms.ChoiceField(label="Tình trạng", choices=ScheduleState.choices)
    held_date = VNDateField(label="Ngày tổ chức", required=False, help_text="Khi đã tổ chức")
    note = forms.CharField(label="Ghi chú", max_length=500, required=False)

    def fields_value(self) -> ScheduleFields:
        return ScheduleFields(**self.edited())


class LevelDeadlineForm(forms.Form):
    level = forms.ChoiceField(label="Cấp")
    deadline = VNDateField(label="Hoàn thành đại hội trước ngày")
    text = forms.CharField(
        label="Nội dung",
        max_length=300,
        required=False,
        help_text="Ví dụ: Hoàn thành đại hội cấp cơ sở trước ngày khai mạc đại hội cấp huyện",
    )

    def __init__(self, *args: Any, parent: Congress, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["level"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = _level_choices(parent)


class CongressChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Congress) -> str:
        return f"{obj.name} ({obj.get_level_display()})"


class ParentForm(forms.Form):
    parent = CongressChoiceField(
        label="Đại hội cấp trên",
        queryset=Congress.objects.none(),
        required=False,
        empty_label="— Không có (cấp cao nhất) —",
    )

    def __init__(self, *args: Any, congress: Congress, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["parent"]
        assert isinstance(field, forms.ModelChoiceField)
        # Only congresses of a higher level can stand above; the loop check is the service's.
        field.queryset = Congress.objects.filter(
            level__in=[lv for lv in Congress.Level if lv not in levels_below(congress.level)]
        ).exclude(pk=congress.pk)


class GuidanceForm(forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=Guidance.Kind.choices)
    title = forms.CharField(
        label="Trích yếu",
        max_length=300,
        help_text="Ví dụ: Hướng dẫn tuyên truyền Đại hội Đảng bộ các cấp",
    )
    symbol = forms.CharField(label="Số, ký hiệu", max_length=60, required=False)
    issued_on = VNDateField(label="Ngày ban hành", required=False)
    summary = forms.CharField(
        label="Nội dung chính", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ItemForm(VersionedFormMixin, forms.Form):
    title = forms.CharField(label="Nội dung nhiệm vụ", max_length=500)
    description = forms.CharField(
        label="Yêu cầu", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    area = forms.ChoiceField(label="Lĩnh vực", choices=Area.choices)
    deadline = DeadlineField(
        label="Hạn",
        help_text="Một ngày (dd/mm/yyyy) hoặc theo ngày khai mạc của từng Đại hội cấp dưới (D-30)",
    )

    def fields_value(self) -> ItemFields:
        deadline, offset = self.cleaned_data["deadline"]
        return ItemFields(
            title=self.cleaned_data["title"],
            description=self.cleaned_data["description"],
            area=self.cleaned_data["area"],
            deadline=deadline,
            offset_days=offset,
        )


def _add_targets(form: forms.BaseForm, parent: Congress) -> None:
    """To whom: the direct subordinates ticked, or every congress of one level below."""
    form.fields["level"] = forms.ChoiceField(
        label="Gửi cho mọi Đại hội của cấp",
        required=False,
        choices=[("", "— Không —"), *_level_choices(parent)],
    )
    form.fields["congresses"] = forms.ModelMultipleChoiceField(
        label="Hoặc chọn Đại hội cấp dưới trực tiếp",
        queryset=Congress.objects.filter(parent=parent).order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def _check_targets(data: dict[str, Any]) -> None:
    if not data.get("level") and not data.get("congresses"):
        raise forms.ValidationError("Chọn một cấp hoặc ít nhất một Đại hội cấp dưới.")


class SendForm(forms.Form):
    """To whom a guidance goes (`_add_targets`)."""

    def __init__(self, *args: Any, parent: Congress, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _add_targets(self, parent)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _check_targets(data)
        return data


class CongressReportForm(ReportRequestForm):
    """A report request to congresses below: the agencies' request form (title, deadline,
    instructions, the table to fill) with the congresses chosen as a guidance's are."""

    def __init__(self, *args: Any, parent: Congress, **kwargs: Any) -> None:
        super().__init__(*args, congress=parent, **kwargs)
        del self.fields["agencies"]
        del self.fields["template"]
        _add_targets(self, parent)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _check_targets(data)
        return data
