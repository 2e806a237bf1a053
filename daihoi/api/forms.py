from django import forms

from .models import Event, Scope
from .services import LIFETIMES


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Tên gợi nhớ",
        max_length=100,
        help_text="Ví dụ: Hệ thống văn bản điều hành của Văn phòng.",
    )
    scope = forms.ChoiceField(
        label="Phạm vi", choices=Scope.choices, initial=Scope.READ, widget=forms.RadioSelect
    )
    days = forms.TypedChoiceField(
        label="Thời hạn",
        coerce=int,
        choices=[(d, f"{d} ngày") for d in LIFETIMES],
        initial=90,
    )


class WebhookForm(forms.Form):
    name = forms.CharField(label="Tên hệ thống nhận", max_length=100)
    url = forms.URLField(
        label="Địa chỉ nhận (URL)",
        max_length=500,
        assume_scheme="https",
        help_text="Hệ thống nhận kiểm tra chữ ký X-Daihoi-Signature bằng khóa bí mật bên dưới.",
    )
    events = forms.MultipleChoiceField(
        label="Sự kiện", choices=Event.choices, widget=forms.CheckboxSelectMultiple
    )
    active = forms.BooleanField(label="Đang gửi", required=False, initial=True)


class DelegatePhotoForm(forms.Form):
    """A delegate's photo sent alone (the record's other fields stay as they are)."""

    photo = forms.FileField(label="Ảnh (JPG, PNG)")
    version = forms.IntegerField(required=False)
