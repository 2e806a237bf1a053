from django import forms

from .models import Scope
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
