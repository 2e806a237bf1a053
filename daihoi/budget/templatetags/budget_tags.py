from django import template

register = template.Library()


@register.filter
def thousands(value: int | None) -> str:
    """12000 → "12.000", as quantities are written next to amounts in đồng."""
    return "" if value is None else f"{int(value):,}".replace(",", ".")
