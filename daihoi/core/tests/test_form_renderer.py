"""The renderer's strings are Django's templates' output, to the character."""

import datetime as dt

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from daihoi.core.form_renderer import FastRenderer


class EveryInput(forms.Form):
    text = forms.CharField(label="Tên <cơ quan>", max_length=20, required=True)
    hidden = forms.IntegerField(widget=forms.HiddenInput, required=False)
    number = forms.IntegerField(label="Số lượng?", min_value=0, required=False)
    email = forms.EmailField(label="Thư điện tử", required=False)
    url = forms.URLField(label="Địa chỉ", required=False)
    password = forms.CharField(label="Mật khẩu", widget=forms.PasswordInput, required=False)
    date = forms.DateField(label="Ngày", widget=forms.DateInput(format="%d/%m/%Y"))
    time = forms.TimeField(label="Giờ", widget=forms.TimeInput, required=False)
    moment = forms.DateTimeField(label="Lúc", widget=forms.DateTimeInput, required=False)
    search = forms.CharField(widget=forms.TextInput(attrs={"type": "search"}), required=False)
    flag = forms.BooleanField(label="Trọng tâm", required=False)
    upload = forms.FileField(label="Tệp", widget=forms.FileInput, required=False)
    note = forms.CharField(
        label=mark_safe("Ghi <em>chú</em>"),
        widget=forms.TextInput(attrs={"placeholder": 'Ví dụ: "A & B"', "autofocus": True}),
        required=False,
    )


def rendered(form: forms.Form) -> list[str]:
    out = []
    for field in form:
        out += [str(field.label_tag()), str(field), str(field.label_tag(attrs={"class": "x"}))]
        out.append(str(field.label_tag(label_suffix="", tag="legend")))
    return out


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {
            "text": 'Ban "Tuyên giáo" & <Dân vận>',
            "hidden": "7",
            "number": "12",
            "email": "a@b.vn",
            "date": "31/12/2026",
            "time": "08:30",
            "moment": "2026-12-31 08:30",
            "search": "khánh tiết",
            "flag": "on",
            "note": "<script>",
        },
    ],
)
def test_inputs_and_labels_are_written_as_the_templates_write_them(data):
    initial = {"date": dt.date(2026, 6, 15), "flag": True, "text": "Văn phòng"}
    fast = EveryInput(data, initial=initial, renderer=FastRenderer())
    slow = EveryInput(data, initial=initial, renderer=DjangoTemplates())
    if data is not None:
        fast.is_valid()
        slow.is_valid()
    assert rendered(fast) == rendered(slow)


def test_a_form_without_auto_id_writes_bare_labels_as_the_templates_do():
    fast = EveryInput(auto_id=False, renderer=FastRenderer())
    slow = EveryInput(auto_id=False, renderer=DjangoTemplates())
    assert rendered(fast) == rendered(slow)


def test_the_other_widgets_still_go_through_the_templates():
    class Other(forms.Form):
        choice = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])
        many = forms.MultipleChoiceField(choices=[("a", "A")], widget=forms.CheckboxSelectMultiple)
        body = forms.CharField(widget=forms.Textarea)

    assert rendered(Other(renderer=FastRenderer())) == rendered(Other(renderer=DjangoTemplates()))
