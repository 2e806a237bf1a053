"""What the public wrote, shown safely: escaped, line breaks kept, links made but not followed."""

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
