"""Every API operation for anonymous callers and every role, through a token: the same world
and objects as the pages' permission matrix, and the same answers (forbidden object → 404,
refused action → 403), except that no token is 401 instead of the login page."""

import pytest

from daihoi.api.api import api
from daihoi.testing.matrix import ROLES
from daihoi.tests.test_permission_matrix import matrix_data  # noqa: F401 (the shared fixture)

from .helpers import ApiClient
from .table import TABLE, is_multipart


def test_every_api_operation_has_a_row():
    schema = api.get_openapi_schema()
    operations = {
        (method, path.removeprefix("/api/v1"))
        for path, item in schema["paths"].items()
        for method in item
    }
    assert operations == set(TABLE)


def _fill(value, values: dict):
    if isinstance(value, str):
        return int(value.format(**values)) if value.startswith("{") else value
    if isinstance(value, list):
        return [_fill(v, values) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, values) for k, v in value.items()}
    return value


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", sorted(TABLE))
def test_api_permission_matrix(matrix_data, db, role, operation):  # noqa: F811
    world, objects = matrix_data
    path, body, expected = TABLE[operation]
    method = operation[0]
    values = {**objects, **{k: a.pk for k, a in world.agencies.items()}}
    url = path.format(**values)
    body = _fill(body, values)
    if role == "anonymous":
        from django.test import Client

        response = getattr(Client(), method)("/api/v1" + url, body or {})
    else:
        caller = ApiClient(world.admin if role == "admin" else world.users[role])
        if is_multipart(method, path):
            response = caller.post_form(url, body)
        else:
            response = caller.get(url) if method == "get" else getattr(caller, method)(url, body)
    assert response.status_code == expected[role], (operation, role, response.content[:300])
    if expected[role] in (403, 404):
        assert "Tuyên truyền trực quan" not in response.content.decode()
