"""Template filters for Vietnamese display: dates, money, roman numerals, status badges."""

import datetime as dt

from django import template

from daihoi.core.dates import format_date
from daihoi.core.money import format_vnd
from daihoi.extraction.roman import to_roman

register = template.Library()


@register.filter
def vndate(value: dt.date | dt.datetime | None) -> str:
    if isinstance(value, dt.datetime):
        from django.utils import timezone

        return timezone.localtime(value).strftime("%H:%M %d/%m/%Y")
    return format_date(value)


@register.filter
def vnd(value: int | None) -> str:
    return format_vnd(value)


@register.filter
def roman(value: int) -> str:
    return to_roman(int(value))


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key) if mapping else None


@register.filter
def percent_of(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


@register.filter
def vnnum(value: int | None) -> str:
    """A whole number with dots between thousands: 10.000."""
    return "" if value is None else f"{int(value):,}".replace(",", ".")
