"""Every page and button of the covered namespaces has its API operation, or says why not.

A new URL name in one of these namespaces without a line in its coverage module fails here,
as does a line naming an operation the schema does not have."""

import importlib
import pkgutil

import pytest
from django.urls import get_resolver

from . import coverage
from .coverage import UI_ONLY
from .table import TABLE

# The namespaces whose capabilities the API offers (issue: every capability of the UI): one
# module each in `coverage/`.
SCOPE = tuple(module.name for module in pkgutil.iter_modules(coverage.__path__) if not module.ispkg)


def _url_names_by_namespace() -> dict[str | None, set[str]]:
    found: dict[str | None, set[str]] = {}

    def walk(patterns, current: str | None) -> None:
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, pattern.namespace or current)
            elif pattern.name:
                found.setdefault(current, set()).add(pattern.name)

    walk(get_resolver().url_patterns, None)
    return found


@pytest.mark.parametrize("namespace", SCOPE)
def test_every_url_name_of_the_namespace_has_its_api_operations_or_a_reason(namespace):
    coverage = importlib.import_module(f"daihoi.api.tests.coverage.{namespace}").COVERAGE
    names = _url_names_by_namespace().get(namespace, set())
    assert names, namespace
    assert sorted(names - set(coverage)) == [], "pages without a line"
    assert sorted(set(coverage) - names) == [], "lines for pages that do not exist"
    for name, target in coverage.items():
        if isinstance(target, str):
            assert target.startswith(UI_ONLY) and len(target) > len(UI_ONLY) + 20, name
        else:
            assert target, name
            assert [op for op in target if op not in TABLE] == [], name


# Not capabilities of their own: the API itself, Django's admin site (the system administrator's raw
# tables) and the captcha's images and sounds for the public forms (no namespace).
NOT_CAPABILITIES = {"api", "admin", None}


def test_every_namespace_of_the_app_has_its_coverage_module():
    namespaces = set(_url_names_by_namespace())
    assert sorted(str(n) for n in namespaces - NOT_CAPABILITIES - set(SCOPE)) == []
