"""Dates as Vietnamese officials write them, always in Asia/Ho_Chi_Minh."""

import datetime as dt

from django.utils import timezone


def today() -> dt.date:
    """Today's date in the configured zone (Asia/Ho_Chi_Minh), not the server's."""
    return timezone.localdate()


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def place_date_line(place: str, value: dt.date) -> str:
    """`Kon Tum, ngày 05 tháng 10 năm 2020`: months get a zero only for 01 and 02."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"{place}, ngày {value.day:02d} tháng {month} năm {value.year}"


def days_word(days: int) -> str:
    return f"{days} ngày"
