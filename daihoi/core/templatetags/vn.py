"""Template filters for Vietnamese display: dates, money, roman numerals, status badges."""

import datetime as dt

from django import template
from django.template import defaulttags
from django.utils.html import conditional_escape

from daihoi.core.dates import format_date
from daihoi.core.links import link
from daihoi.core.money import format_vnd
from daihoi.extraction.roman import to_roman

register = template.Library()


class LinkNode(defaulttags.URLNode):
    """Django's `{% url %}`, through `daihoi.core.links.link` when it is given ids only (the
    menu's links, a link per listed record): the same URL, without `reverse`'s cost each time.
    Keyword arguments, and the admin site (which reverses for its own instance), go the usual
    way."""

    def render(self, context: template.Context) -> str:
        request = getattr(context, "request", None)
        if self.kwargs or hasattr(request, "current_app"):
            return super().render(context)
        view_name = self.view_name.resolve(context)
        url = link(view_name, *(arg.resolve(context) for arg in self.args))
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser: template.base.Parser, token: template.base.Token) -> LinkNode:
    """Replaces the built-in `{% url %}` in every template (this library is a builtin)."""
    node = defaulttags.url(parser, token)
    return LinkNode(node.view_name, node.args, node.kwargs, node.asvar)


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
