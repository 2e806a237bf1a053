"""`link` (and with it every template's `{% url %}`) gives exactly what `reverse` gives, for every
URL name of the app whose arguments are ids, and goes to `reverse` for any other argument."""

import pytest
from django.template import engines
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter

from daihoi.core.links import link


def _named_patterns() -> list[tuple[str, list[object]]]:
    """Each URL name (with its namespaces) and the converters of its path, in order."""
    found: list[tuple[str, list[object]]] = []

    def walk(patterns, namespaces: list[str], converters: list[object]) -> None:
        for pattern in patterns:
            own = list(getattr(pattern.pattern, "converters", {}).values())
            if isinstance(pattern, URLResolver):
                inner = [*namespaces, pattern.namespace] if pattern.namespace else namespaces
                walk(pattern.url_patterns, inner, converters + own)
            elif isinstance(pattern, URLPattern) and pattern.name:
                found.append((":".join([*namespaces, pattern.name]), converters + own))

    walk(get_resolver().url_patterns, [], [])
    return found


ID_NAMES = [
    (name, len(converters))
    for name, converters in _named_patterns()
    if all(isinstance(c, IntConverter) for c in converters)
]


def test_the_app_has_many_id_only_links():
    assert len(ID_NAMES) > 300


@pytest.mark.parametrize(("name", "count"), ID_NAMES)
def test_link_is_reverse_for_every_id_only_url_name(name, count):
    for ids in ([7] * count, list(range(1, count + 1)), [987_654_301 + i for i in range(count)]):
        try:
            expected = reverse(name, args=ids)
        except NoReverseMatch:  # a second pattern of the same name wanting other arguments
            continue
        assert link(name, *ids) == expected


def test_other_arguments_go_to_reverse():
    assert link("portal:kind-list", 3, "tin-tuc") == reverse(
        "portal:kind-list", args=[3, "tin-tuc"]
    )
    with pytest.raises(NoReverseMatch):
        link("planning:dashboard", -3)
    with pytest.raises(NoReverseMatch):
        link("planning:dashboard", True)


def test_the_templates_url_tag_gives_the_same_link_escaped_or_kept():
    template = engines["django"].from_string(
        "{% url 'planning:task-detail' c t %}|{% url 'planning:dashboard' c as home %}{{ home }}"
        "|{% url 'planning:task-list' congress_id=c %}"
    )
    assert template.render({"c": 12, "t": 345}) == "|".join(
        [
            reverse("planning:task-detail", args=[12, 345]),
            reverse("planning:dashboard", args=[12]),
            reverse("planning:task-list", kwargs={"congress_id": 12}),
        ]
    )
