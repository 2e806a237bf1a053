"""Form fields that read what Vietnamese officials type."""

import datetime as dt
import re

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeString

from daihoi.core.text import clean_text

DATE_INPUT_HELP = "dd/mm/yyyy"
# The plausible window for any date of a congress: outside it a typed year is a typo (0001, 9999)
# and a form error, never an overflow further on.
MIN_DATE = dt.date(2000, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)
DATE_WINDOW_ERROR = "Ngày phải nằm trong khoảng từ 01/01/2000 đến 31/12/2100."
_RELATIVE = re.compile(r"^\s*D\s*([+\-−–])\s*(\d{1,3})\s*$", re.IGNORECASE)
# The browser's date picker sends and shows values as ISO; people type dd/mm/yyyy.
ISO_DATE = "%Y-%m-%d"
DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", ISO_DATE]
TIME_FORMATS = ["%H:%M", "%H.%M", "%Hh%M", "%Hh", "%H:%M:%S"]


class DateInput(forms.DateInput):
    """The browser's native date picker (`<input type="date">`). Its value attribute is ISO by the
    HTML standard; the browser displays it in the user's locale (dd/mm/yyyy in Vietnamese), and a
    browser without a picker shows a text box where dd/mm/yyyy is still accepted."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs={"placeholder": DATE_INPUT_HELP, **(attrs or {})}, format=ISO_DATE)


class TimeInput(forms.TimeInput):
    """The browser's native time picker, 24-hour HH:MM."""

    input_type = "time"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs={"placeholder": "08:00", **(attrs or {})}, format="%H:%M")


class VNDateField(forms.DateField):
    """A date from the browser's picker (yyyy-mm-dd) or typed as dd/mm/yyyy (also d/m/yyyy,
    dd-mm-yyyy); pages print it as dd/mm/yyyy."""

    widget = DateInput
    input_formats = DATE_FORMATS
    default_error_messages = {"invalid": "Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy."}

    def validate(self, value):
        super().validate(value)
        check_date_window(value)


class VNTimeField(forms.TimeField):
    """A time from the browser's picker or typed as 08:00, 8h30, 14.00."""

    widget = TimeInput
    input_formats = TIME_FORMATS
    default_error_messages = {"invalid": "Giờ không hợp lệ, hãy nhập dạng 08:00."}


class DeadlineInput(forms.TextInput):
    """A text box (a date or "D-30") with the browser's date picker beside it.

    The picker has no name, so it is never submitted: choosing a day writes it into the text box
    as dd/mm/yyyy (core/static/core/forms.js). Without scripts the text box still works alone.
    """

    def __init__(self, attrs: dict | None = None) -> None:
        defaults = {"placeholder": "dd/mm/yyyy hoặc D-30", "autocomplete": "off"}
        super().__init__(attrs={**defaults, **(attrs or {})})

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        text = super().render(name, value, attrs, renderer)
        target = (attrs or {}).get("id") or self.attrs.get("id") or ""
        picked = ""
        if isinstance(value, str):
            day = _parse_date(value)
            picked = day.strftime(ISO_DATE) if day else ""
        return format_html(
            '<span class="deadline-input">{}<input type="date" class="date-pick" value="{}" '
            'data-date-for="{}" aria-label="Chọn ngày trên lịch" title="Chọn ngày trên lịch">'
            "</span>",
            text,
            picked,
            target,
        )


def _parse_date(text: str) -> dt.date | None:
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def check_date_window(value: dt.date | None) -> None:
    if value is not None and not MIN_DATE <= value <= MAX_DATE:
        raise forms.ValidationError(DATE_WINDOW_ERROR, code="date_window")


class DeadlineField(forms.CharField):
    """A deadline as a date ("30/09/2020") or relative to the opening day ("D-30", "D+2").

    Cleans to (date | None, offset_days | None).
    """

    default_error_messages = {
        "invalid": "Hạn không hợp lệ: nhập ngày dd/mm/yyyy, hoặc hạn theo ngày khai mạc như D-30."
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", DeadlineInput)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        text = (super().to_python(value) or "").strip()
        if not text:
            return (None, None)
        match = _RELATIVE.match(text)
        if match:
            sign = -1 if match.group(1) != "+" else 1
            return (None, sign * int(match.group(2)))
        day = _parse_date(text)
        if day is not None:
            check_date_window(day)
            return (day, None)
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")

    def prepare_value(self, value):
        if isinstance(value, tuple):
            date, offset = value
            if offset is not None:
                return f"D{'-' if offset < 0 else '+'}{abs(offset)}"
            return date.strftime("%d/%m/%Y") if date else ""
        return value


_char_to_python = forms.CharField.to_python


def _clean_char_to_python(self: forms.CharField, value):
    value = _char_to_python(self, value)
    if isinstance(value, str) and value:
        value = clean_text(value, multiline=isinstance(self.widget, forms.Textarea))
        if self.strip:
            value = value.strip()
    return value


_MAX_ID = 2**63 - 1
_choice_to_python = forms.ModelChoiceField.to_python
_check_values = forms.ModelMultipleChoiceField._check_values  # type: ignore[attr-defined]


def _out_of_range(value) -> bool:
    """An id no database column holds (the query would overflow instead of finding nothing)."""
    try:
        return abs(int(str(value).strip())) > _MAX_ID
    except ValueError:
        return False


def _refuse_out_of_range(field: forms.ModelChoiceField, values) -> None:
    for value in values:
        if _out_of_range(value):
            raise forms.ValidationError(
                field.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": str(value)[:40]},
            )


def _choice_in_range(self: forms.ModelChoiceField, value):
    if value not in self.empty_values:
        _refuse_out_of_range(self, [value])
    return _choice_to_python(self, value)


def _values_in_range(self: forms.ModelMultipleChoiceField, value):
    _refuse_out_of_range(self, value)
    return _check_values(self, value)


def install_text_cleaning() -> None:
    """Every CharField of every form (and its subclasses: e-mail, deadline, the admin's) cleans
    what is typed by the one rule of `core.text.clean_text`; every model choice refuses an id
    too large for the database as an invalid choice. Installed once, at start-up."""
    forms.CharField.to_python = _clean_char_to_python  # type: ignore[method-assign]
    forms.ModelChoiceField.to_python = _choice_in_range  # type: ignore[method-assign]
    forms.ModelMultipleChoiceField._check_values = _values_in_range  # type: ignore[attr-defined]


class FastSelect(forms.Select):
    """A <select> written as one string: no template per option (Django's renderer costs
    ~0.1 ms an option). Flat choices only (no groups); `choices` may be a plain list of
    (value, label) pairs prepared once, e.g. cached per congress."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        values = value if isinstance(value, list | tuple) else [value]
        chosen = {str(v) for v in values if v not in (None, "")}
        parts: list[str] = [format_html("<select{}>", flatatt(final))]
        for option, label in self.choices:
            key = "" if option is None else str(option)
            selected = " selected" if key in chosen else ""
            parts.append(format_html('<option value="{}"{}>{}</option>', key, selected, label))
        parts.append("</select>")
        return SafeString("".join(parts))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; cleans to a list (empty when none was chosen)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []
