from typing import cast

from django import forms

from daihoi.core.forms import MultipleFileField, VNDateField
from daihoi.core.money import format_vnd, parse_vnd
from daihoi.core.versioning import VersionedFormMixin
from daihoi.planning.models import Task

from .models import MAX_AMOUNT, MAX_QUANTITY, MAX_UNIT_PRICE, Category, EstimateLine, Norm


class VNDField(forms.CharField):
    """Whole đồng typed as "1.234.567", "1234567" or "1,234,567"; cleans to an int."""

    def __init__(self, *, max_amount: int = MAX_AMOUNT, **kwargs):
        self.max_amount = max_amount
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "off", "placeholder": "1.234.567"}
            ),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return format_vnd(value).removesuffix(" đ")
        return value

    def to_python(self, value):
        text = (super().to_python(value) or "").strip()
        if not text:
            return None
        if text.lstrip().startswith(("-", "−")):
            raise forms.ValidationError("Số tiền không được âm.", code="negative")
        try:
            amount = parse_vnd(text)
        except ValueError as error:
            raise forms.ValidationError(str(error), code="invalid") from None
        if amount > self.max_amount:
            raise forms.ValidationError(
                f"Số tiền quá lớn (tối đa {format_vnd(self.max_amount)}); hãy kiểm tra lại.",
                code="too_large",
            )
        return amount


def _quantity_field() -> forms.IntegerField:
    return forms.IntegerField(
        label="Số lượng",
        min_value=1,
        max_value=MAX_QUANTITY,
        error_messages={
            "invalid": "Số lượng phải là số nguyên.",
            "min_value": "Số lượng phải lớn hơn 0.",
            "max_value": f"Số lượng quá lớn (tối đa {MAX_QUANTITY:,}); hãy kiểm tra lại.".replace(
                ",", "."
            ),
            "required": "Vui lòng nhập số lượng.",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class NormForm(VersionedFormMixin, forms.Form):
    code = forms.CharField(label="Mã", max_length=20, help_text="Ví dụ: DM01")
    name = forms.CharField(label="Nội dung chi", max_length=255)
    category = forms.ChoiceField(label="Nhóm chi", choices=Category.choices)
    unit = forms.CharField(label="Đơn vị tính", max_length=40, help_text="người/ngày, bộ, trang…")
    max_unit_price = VNDField(label="Mức chi tối đa (đồng)", max_amount=MAX_UNIT_PRICE)
    legal_basis = forms.CharField(
        label="Căn cứ",
        max_length=255,
        required=False,
        help_text="Ví dụ: Nghị quyết số 12/2019/NQ-HĐND",
    )
    valid_from = VNDateField(label="Hiệu lực từ", required=False)
    valid_to = VNDateField(label="Hiệu lực đến", required=False)


class NormImportForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)")


class EstimateForm(VersionedFormMixin, forms.Form):
    title = forms.CharField(label="Tên dự trù", max_length=255)
    note = forms.CharField(
        label="Thuyết minh", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class LineForm(VersionedFormMixin, forms.Form):
    content = forms.CharField(label="Nội dung chi", max_length=500)
    task = forms.ModelChoiceField(
        Task.objects.none(), label="Nhiệm vụ", required=False, empty_label="— Không gắn —"
    )
    norm = forms.ModelChoiceField(
        Norm.objects.none(), label="Định mức áp dụng", required=False, empty_label="— Không áp —"
    )
    category = forms.ChoiceField(
        label="Nhóm chi",
        required=False,
        choices=[("", "— Theo định mức —"), *Category.choices],
    )
    unit = forms.CharField(
        label="Đơn vị tính", max_length=40, required=False, help_text="Bỏ trống: theo định mức"
    )
    quantity = _quantity_field()
    unit_price = VNDField(label="Đơn giá (đồng)", max_amount=MAX_UNIT_PRICE)
    notes = forms.CharField(
        label="Ghi chú, giải trình",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Bắt buộc khi đơn giá vượt định mức.",
    )

    def __init__(self, *args, tasks, norms, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["task"]).queryset = tasks
        cast(forms.ModelChoiceField, self.fields["norm"]).queryset = norms
        self.fields["unit_price"].required = True
        self.fields["unit_price"].error_messages["required"] = "Vui lòng nhập đơn giá."

    def line_fields(self) -> dict:
        """The cleaned line as the services take it: no category means the norm's."""
        fields = self.edited()
        fields["category"] = fields["category"] or None
        return fields

    @staticmethod
    def initial_for(line: EstimateLine) -> dict:
        return {
            "content": line.content,
            "task": line.task_id,
            "norm": line.norm_id,
            "category": line.category,
            "unit": line.unit,
            "quantity": line.quantity,
            "unit_price": line.unit_price,
            "notes": line.notes,
            "version": line.version,
        }


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label="Ý kiến trả lại",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Khi trả lại dự trù phải ghi rõ ý kiến."},
    )


class ApprovalForm(forms.Form):
    """One approved amount and one reason per line, named after the line's id."""

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = list(lines)
        for line in self.lines:
            self.fields[f"approved_{line.pk}"] = VNDField(
                label=f"Số thẩm định dòng {line.position}",
                initial=line.approved_amount if line.approved_amount is not None else line.amount,
                error_messages={"required": "Vui lòng nhập số thẩm định."},
            )
            self.fields[f"reason_{line.pk}"] = forms.CharField(
                label=f"Lý do dòng {line.position}", required=False, max_length=1000
            )

    def rows(self):
        return [
            (line, self[f"approved_{line.pk}"], self[f"reason_{line.pk}"]) for line in self.lines
        ]

    def decisions(self):
        from .services import LineDecision

        return [
            LineDecision(
                line_id=line.pk,
                approved_amount=self.cleaned_data[f"approved_{line.pk}"],
                reason=self.cleaned_data[f"reason_{line.pk}"],
            )
            for line in self.lines
        ]


class ApprovedLineField(forms.ModelChoiceField):
    def label_from_instance(self, obj: EstimateLine) -> str:
        return f"{obj.position}. {obj.content} — {format_vnd(obj.approved_amount or 0)}"


class SpendingForm(forms.Form):
    line = ApprovedLineField(
        EstimateLine.objects.none(), label="Khoản đã thẩm định", empty_label="— Chọn —"
    )
    content = forms.CharField(label="Nội dung chi", max_length=500)
    amount = VNDField(label="Số tiền (đồng)")
    spent_on = VNDateField(label="Ngày chi")
    attachments = MultipleFileField(label="Chứng từ đính kèm", required=False)

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        cast(ApprovedLineField, self.fields["line"]).queryset = lines
