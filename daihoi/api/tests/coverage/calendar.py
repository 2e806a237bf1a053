"""Lịch cá nhân: the private iCalendar URL of the signed-in user."""

from . import UI_ONLY, Target

COVERAGE: dict[str, Target] = {
    "settings": (("get", "/calendar/"),),
    "renew": (("post", "/calendar/renew/"),),
    "feed": UI_ONLY + "the iCalendar feed itself, read by calendar applications through its "
    "secret URL (no token); GET /calendar/ gives that URL",
}
