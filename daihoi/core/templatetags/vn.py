"""Template filters for Vietnamese display: dates, money, roman numerals, status badges."""

import datetime as dt
from typing import Any

from django import template
from django.template import defaulttags
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

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


# The badges of a task, on every list that shows tasks: written here rather than as included
# templates, since a list of 25 rows included them 75 times (an include costs more than the
# few strings it writes).
KEY_BADGE = '<span class="badge key-item" title="Nhiệm vụ trọng tâm">★ Trọng tâm</span> '
RETURN_NOTE_LENGTH = 140


@register.simple_tag
def key_badge(task: Any) -> str:
    """ "Trọng tâm" on a key task."""
    return mark_safe(KEY_BADGE) if task.key_item else ""  # noqa: S308 (a fixed text)


@register.simple_tag
def status_badge(task: Any, status: Any, full_return_comment: bool = False) -> str:
    """The task's status class, and whether it waits for acceptance or was returned (with the
    reason, cut short unless `full_return_comment`)."""
    parts = [format_html('<span class="badge {}">{}</span>', status.value, status.label)]
    if task.awaiting_acceptance:
        parts.append(mark_safe('<span class="badge awaiting">Chờ xác nhận</span>'))  # noqa: S308
    if task.is_returned:
        parts.append(mark_safe('<span class="badge returned">Bị trả lại</span>'))  # noqa: S308
        if task.return_comment and not full_return_comment:
            note = Truncator(task.return_comment).chars(RETURN_NOTE_LENGTH)
            parts.append(format_html('<span class="return-note small">Ý kiến: {}</span>', note))
    return mark_safe(" ".join(parts))  # noqa: S308 (each part escaped above)


@register.simple_tag
def appraisal_badge(task: Any) -> str:
    """Where the task's appraisal (thẩm định) stands, when it has one."""
    if not task.appraisal_state:
        return ""
    return format_html(
        '<div class="appraisal-state"><span class="badge appraisal-{}">{}</span></div>',
        task.appraisal_state,
        task.get_appraisal_state_display(),
    )
