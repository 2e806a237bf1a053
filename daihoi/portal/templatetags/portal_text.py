"""What the public wrote, shown safely: escaped, line breaks kept, links made but not followed."""

from typing import Any

from django import template
from django.utils.html import escape, linebreaks, urlize
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def public_text(value: str) -> SafeString:
    """Escapes every character of the text first; the links urlize makes carry
    rel="nofollow ugc" so search engines give them no weight."""
    linked = urlize(escape(value or ""), nofollow=True, autoescape=False)
    linked = linked.replace('rel="nofollow"', 'rel="nofollow ugc noopener"')
    return mark_safe(linebreaks(linked, autoescape=False))  # noqa: S308 - escaped above


@register.filter
def body_lines(section: Any) -> list[str]:
    """A draft section's lines under its heading: the first line is the heading line itself
    ("1. Kinh tế…", already shown as the section's title), so it is left out."""
    if section is None:
        return []
    lines = [line for line in (section.text or "").splitlines() if line.strip()]
    if lines and section.heading and lines[0].strip().endswith(section.heading.strip()):
        return lines[1:]
    return lines
