from typing import Any

from django import forms

from daihoi.core.forms import VNDateField
from daihoi.organizations.models import Agency, Congress, Person

from .models import Document, DocumentKind


class _CongressScoped(forms.Form):
    """Limits every choice of agencies and people to one congress."""

    def __init__(self, *args: Any, congress: Congress, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and field.queryset is not None:
                field.queryset = field.queryset.filter(congress=congress)
                if not isinstance(field, forms.ModelMultipleChoiceField):
                    field.empty_label = "— Chọn —"


class DocumentForm(_CongressScoped):
    kind = forms.ChoiceField(label="Loại văn bản", choices=DocumentKind.choices)
    issuer = forms.ModelChoiceField(Agency.objects.all(), label="Cơ quan ban hành")
    subject = forms.CharField(
        label="Trích yếu", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    body = forms.CharField(
        label="Nội dung",
        required=False,
        help_text="Mỗi đoạn một dòng.",
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    recipients = forms.CharField(
        label="Nơi nhận",
        required=False,
        help_text="Mỗi nơi nhận một dòng; dòng “Lưu: VT” được thêm nếu thiếu.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    recipient_agencies = forms.ModelMultipleChoiceField(
        Agency.objects.all(),
        label="Cơ quan được xem văn bản trên hệ thống",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    signer = forms.ModelChoiceField(Person.objects.all(), label="Người ký", required=False)
    signer_title = forms.CharField(
        label="Chức vụ người ký", max_length=150, required=False, help_text="Ví dụ: Phó Chủ tịch"
    )
    authority = forms.CharField(
        label="Thẩm quyền ký",
        max_length=150,
        required=False,
        help_text="Ví dụ: TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, T/M BAN THƯỜNG VỤ.",
    )


class RegisterForm(DocumentForm):
    number = forms.IntegerField(label="Số", min_value=1, max_value=999999)
    issued_on = VNDateField(label="Ngày ban hành")
    issuer_code = forms.CharField(
        label="Ký hiệu cơ quan trên văn bản",
        max_length=32,
        required=False,
        help_text="Để trống để dùng ký hiệu của cơ quan ban hành.",
    )

    field_order = ["kind", "number", "issued_on", "issuer", "issuer_code", "subject"]


class FilterForm(forms.Form):
    q = forms.CharField(label="Tìm số, ký hiệu, trích yếu", required=False)
    kind = forms.ChoiceField(
        label="Loại", required=False, choices=[("", "Tất cả"), *DocumentKind.choices]
    )
    status = forms.ChoiceField(
        label="Trạng thái", required=False, choices=[("", "Tất cả"), *Document.Status.choices]
    )
    date_from = VNDateField(label="Ban hành từ ngày", required=False)
    date_to = VNDateField(label="đến ngày", required=False)
