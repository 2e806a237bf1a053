"""The shared date, time and deadline fields: the browser's pickers, dd/mm/yyyy accepted."""

import datetime as dt

import pytest
from django import forms

from daihoi.core.forms import DeadlineField, VNDateField, VNTimeField


class DatesForm(forms.Form):
    day = VNDateField(required=False)
    at = VNTimeField(required=False)
    deadline = DeadlineField()


@pytest.mark.parametrize("typed", ["2020-09-25", "25/09/2020", "25-09-2020", "25.09.2020"])
def test_a_date_is_accepted_from_the_picker_as_iso_or_typed_as_dd_mm_yyyy(typed):
    form = DatesForm({"day": typed, "deadline": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == dt.date(2020, 9, 25)
    assert form.cleaned_data["deadline"] == (dt.date(2020, 9, 25), None)


def test_a_bad_date_gets_the_vietnamese_message():
    form = DatesForm({"day": "31/02/2020", "deadline": "mai"})
    assert not form.is_valid()
    assert form.errors["day"] == ["Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy."]
    assert "D-30" in form.errors["deadline"][0]


def test_the_date_and_time_fields_render_the_browsers_pickers_with_standard_values():
    html = str(DatesForm(initial={"day": dt.date(2020, 9, 25), "at": dt.time(8, 0)}))
    assert 'type="date" name="day" value="2020-09-25"' in html
    assert 'type="time" name="at" value="08:00"' in html


def test_a_time_is_accepted_as_typed_or_from_the_picker():
    for typed in ("08:00", "8h30", "14.15", "08:00:00"):
        form = DatesForm({"at": typed})
        assert form.is_valid(), (typed, form.errors)


def test_the_deadline_stays_a_text_box_for_d_minus_n_with_a_calendar_beside_it():
    form = DatesForm({"deadline": "D-30"})
    assert form.is_valid() and form.cleaned_data["deadline"] == (None, -30)
    html = str(DatesForm(initial={"deadline": (dt.date(2020, 9, 25), None)})["deadline"])
    assert 'type="text" name="deadline" value="25/09/2020"' in html
    assert 'class="date-pick" value="2020-09-25" data-date-for="id_deadline"' in html
    relative = str(DatesForm(initial={"deadline": (None, -30)})["deadline"])
    assert 'value="D-30"' in relative and 'class="date-pick" value=""' in relative
    # The calendar has no name: only the text box is ever submitted.
    assert html.count("name=") == 1
