from typing import Any

from django import forms

from daihoi.accounts.models import User
from daihoi.core.forms import VNDateField
from daihoi.core.versioning import VersionedFormMixin
from daihoi.organizations.forms import AgenciesOrGroupsField, CongressScopedForm
from daihoi.organizations.models import Agency, Congress, Person

from .models import Confidentiality, Document, DocumentKind, Urgency
from .selectors import congress_users


class _CongressScoped(forms.Form):
    """Limits every choice of agencies, people and users to one congress."""

    def __init__(self, *args: Any, congress: Congress, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and field.queryset is not None:
                if field.queryset.model is User:
                    field.queryset = congress_users(congress)
                else:
                    field.queryset = field.queryset.filter(congress=congress)
                if not isinstance(field, forms.ModelMultipleChoiceField):
                    field.empty_label = "— Chọn —"


class _SecrecyFields(forms.Form):
    """The confidentiality mark and who may read a secret document."""

    confidentiality = forms.ChoiceField(
        label="Độ mật",
        choices=Confidentiality.choices,
        initial=Confidentiality.NORMAL,
        required=False,
    )
    readers = forms.ModelMultipleChoiceField(
        User.objects.all(),
        label="Người được xem (văn bản Mật, Tối mật)",
        required=False,
        help_text="Chỉ những người được chọn mới thấy văn bản mật; người vào sổ luôn có tên.",
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_confidentiality(self) -> str:
        return self.cleaned_data.get("confidentiality") or Confidentiality.NORMAL


class DocumentForm(VersionedFormMixin, _CongressScoped, _SecrecyFields):
    kind = forms.ChoiceField(label="Loại văn bản", choices=DocumentKind.choices)
    issuer = forms.ModelChoiceField(Agency.objects.filter(is_issuer=True), label="Cơ quan ban hành")
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
    recipient_agencies = AgenciesOrGroupsField(
        label="Cơ quan được xem văn bản trên hệ thống", required=False
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

    scan = forms.FileField(
        label="Bản ký (PDF hoặc DOCX)",
        required=False,
        help_text="Bản chụp văn bản đã ký, có thể đính kèm sau.",
    )

    field_order = ["kind", "number", "issued_on", "issuer", "issuer_code", "subject"]


class ScanForm(forms.Form):
    scan = forms.FileField(label="Bản ký (PDF hoặc DOCX)")


class ReadersForm(_CongressScoped, _SecrecyFields):
    """Changes the mark and the named readers of a document already in the registry."""


class IncomingForm(VersionedFormMixin, _CongressScoped, _SecrecyFields):
    received_on = VNDateField(label="Ngày đến")
    sender_symbol = forms.CharField(
        label="Số, ký hiệu", max_length=64, required=False, help_text="Như ghi trên văn bản."
    )
    issued_on = VNDateField(label="Ngày ban hành", required=False)
    issuer_agency = forms.ModelChoiceField(
        Agency.objects.all(),
        label="Cơ quan ban hành (trong danh sách)",
        required=False,
    )
    issuer_name = forms.CharField(
        label="hoặc tên cơ quan ban hành",
        max_length=255,
        required=False,
        help_text="Ví dụ: Ban Tổ chức Trung ương.",
    )
    subject = forms.CharField(
        label="Trích yếu", max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    urgency = forms.ChoiceField(
        label="Độ khẩn", choices=Urgency.choices, initial=Urgency.NORMAL, required=False
    )

    def clean_urgency(self) -> str:
        return self.cleaned_data.get("urgency") or Urgency.NORMAL

    file = forms.FileField(label="Tệp văn bản (PDF hoặc DOCX)", required=False)

    field_order = [
        "received_on",
        "sender_symbol",
        "issued_on",
        "issuer_agency",
        "issuer_name",
        "subject",
        "urgency",
        "confidentiality",
        "readers",
        "file",
    ]


class IncomingFilterForm(_CongressScoped):
    q = forms.CharField(label="Tìm số, ký hiệu, cơ quan, trích yếu", required=False)
    agency = forms.ModelChoiceField(Agency.objects.all(), label="Đơn vị xử lý", required=False)
    confidentiality = forms.ChoiceField(
        label="Độ mật", required=False, choices=[("", "Tất cả"), *Confidentiality.choices]
    )
    urgency = forms.ChoiceField(
        label="Độ khẩn", required=False, choices=[("", "Tất cả"), *Urgency.choices]
    )
    date_from = VNDateField(label="Đến từ ngày", required=False)
    date_to = VNDateField(label="đến ngày", required=False)

    def __init__(self, *args: Any, congress: Congress, **kwargs: Any) -> None:
        super().__init__(*args, congress=congress, **kwargs)
        self.fields["agency"].empty_label = "Tất cả"  # type: ignore[attr-defined]


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


class FoundingDecisionForm(CongressScopedForm):
    """A committee's founding decision: a QĐ already in the registry, or one entered now."""

    document = forms.ModelChoiceField(
        Document.objects.filter(kind=DocumentKind.QD, status=Document.Status.ISSUED).order_by(
            "-issued_on", "-number"
        ),
        label="Chọn quyết định đã có trong sổ",
        required=False,
    )
    issuer = forms.ModelChoiceField(
        Agency.objects.all(), label="Hoặc vào sổ quyết định mới: cơ quan ban hành", required=False
    )
    number = forms.IntegerField(label="Số", min_value=1, max_value=999999, required=False)
    issued_on = VNDateField(label="Ngày ban hành", required=False)
    issuer_code = forms.CharField(
        label="Ký hiệu cơ quan trên số văn bản",
        max_length=32,
        required=False,
        help_text="Để trống nếu trùng ký hiệu của cơ quan ban hành",
    )
    subject = forms.CharField(
        label="Trích yếu", max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    signer = forms.ModelChoiceField(Person.objects.all(), label="Người ký", required=False)

    NEW_FIELDS = ("issuer", "number", "issued_on", "subject")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        entered = [name for name in self.NEW_FIELDS if data.get(name)]
        if data.get("document"):
            if entered:
                self.add_error(
                    "document",
                    "Chọn một quyết định đã có hoặc vào sổ quyết định mới, không cả hai.",
                )
            return data
        if not entered and not self.errors:
            self.add_error("document", "Chọn quyết định đã có, hoặc nhập quyết định mới để vào sổ.")
            return data
        for name in self.NEW_FIELDS:
            if not data.get(name) and name not in self.errors:
                self.add_error(name, "Cần nhập để vào sổ quyết định mới.")
        return data

    def new_decision(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {name: data[name] for name in [*self.NEW_FIELDS, "issuer_code", "signer"]}
