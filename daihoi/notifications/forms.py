from django import forms

from .models import NotificationPreference


class PreferenceForm(forms.Form):
    channel = forms.ChoiceField(
        label="Cách nhận thông báo",
        choices=NotificationPreference.Channel.choices,
        widget=forms.RadioSelect,
    )
