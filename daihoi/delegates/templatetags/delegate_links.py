from django import template

from ..area import DelegateLink
from ..area import delegate_links as registered_links

register = template.Library()


@register.simple_tag
def delegate_links() -> list[DelegateLink]:
    """The links of the delegate's own area, in order (see `daihoi/delegates/area.py`)."""
    return registered_links()
