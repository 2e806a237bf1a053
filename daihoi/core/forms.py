"""Form fields that read what Vietnamese officials type."""

import datetime as dt
import re

from django import forms

DATE_INPUT_HELP = "dd/mm/yyyy"
_RELATIVE = re.compile(r"^\s*D\s*([+\-−–])\s*(\d{1,3})\s*$", re.IGNORECASE)


class VNDateField(forms.DateField):
    """A date typed as dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy or yyyy-mm-dd)."""

    input_formats = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
    default_error_messages = {"invalid": "Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy."}

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.DateInput(
                format="%d/%m/%Y",
                attrs={
                    "placeholder": DATE_INPUT_HELP,
                    "inputmode": "numeric",
                    "autocomplete": "off",
                },
            ),
        )
        super().__init__(**kwargs)


class DeadlineField(forms.CharField):
    """A deadline as a date ("30/09/2020") or relative to the opening day ("D-30", "D+2").

    Cleans to (date | None, offset_days | None).
    """

    default_error_messages = {
        "invalid": "Hạn không hợp lệ: nhập ngày dd/mm/yyyy, hoặc hạn theo ngày khai mạc như D-30."
    }

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"placeholder": "dd/mm/yyyy hoặc D-30", "autocomplete": "off"}),
        )
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
        for fmt in VNDateField.input_formats:
            try:
                return (dt.datetime.strptime(text, fmt).date(), None)
            except ValueError:
                continue
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")

    def prepare_value(self, value):
        if isinstance(value, tuple):
            date, offset = value
            if offset is not None:
                return f"D{'-' if offset < 0 else '+'}{abs(offset)}"
            return date.strftime("%d/%m/%Y") if date else ""
        return value
