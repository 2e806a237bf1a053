"""The form renderer: Django's templates, except for the commonest pieces, which are written as
strings. A <input> of any kind and a field's <label> each went through the template engine
(~0.15 ms each here); a filter form of fifteen fields spent ~5 ms on them on every list page.
The strings are the templates' output exactly (`core/tests/test_form_renderer.py` compares
them with Django's own renderer for every kind)."""

from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape

_W = "django/forms/widgets/"
# The widget templates that are `input.html` alone.
KINDS = "text checkbox color date datetime email file hidden number password search tel time url"
INPUTS = {_W + f"{kind}.html" for kind in KINDS.split(" ")}
LABEL = "django/forms/label.html"


def _attrs(attrs: dict[str, Any]) -> str:
    """As `django/forms/attrs.html`: False leaves the attribute out, True writes its name."""
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class FastRenderer(DjangoTemplates):
    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        if template_name in INPUTS:
            widget = context["widget"]
            value = widget["value"]
            shown = "" if value is None else f' value="{conditional_escape(value)}"'
            kind, name = conditional_escape(widget["type"]), conditional_escape(widget["name"])
            return f'<input type="{kind}" name="{name}"{shown}{_attrs(widget["attrs"])}>'
        if template_name == LABEL:
            label = conditional_escape(context["label"])
            if not context["use_tag"]:
                return str(label).strip()
            tag = context["tag"]
            return f"<{tag}{_attrs(context['attrs'])}>{label}</{tag}>"
        return super().render(template_name, context, request)
