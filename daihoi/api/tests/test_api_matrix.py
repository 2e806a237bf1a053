"""Every API operation for anonymous callers and every role, through a token: the same world
and objects as the pages' permission matrix, and the same answers (forbidden object → 404,
refused action → 403), except that no token is 401 instead of the login page."""

import pytest

from daihoi.api.api import api
from daihoi.testing.matrix import MANAGERS_ONLY, ROLES, expect
from daihoi.tests.test_permission_matrix import matrix_data  # noqa: F401 (the shared fixture)

from .helpers import ApiClient


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


EVERYONE = {r: 200 for r in ROLES} | {"anonymous": 401}
C = "/congresses/{congress_id}"
TASK_BODY = {
    "title": "Tuyên truyền trực quan",
    "lead_agency": "{btg}",
    "coordinating_agencies": ["{svh}"],
    "appraising_agency": "{ca}",
    "area": "propaganda",
    "phase": "before",
}
PLAN_BODY = {"number": 99, "issuer_code": "TU", "issued_on": "2020-04-01", "subject": "Thử"}

# (method, path as in the schema): (path to call, body, expected status per role)
TABLE = {
    ("get", "/congresses/"): ("/congresses/", None, EVERYONE),
    ("get", C + "/"): (C + "/", None, api_expect(200)),
    ("get", C + "/agencies/"): (C + "/agencies/", None, api_expect(200)),
    ("get", C + "/agencies/{agency_id}/"): (C + "/agencies/{agency_id}/", None, api_expect(200)),
    ("get", C + "/plans/"): (C + "/plans/", None, api_expect(200)),
    ("post", C + "/plans/"): (C + "/plans/", PLAN_BODY, api_expect(201, **MANAGERS_ONLY)),
    ("get", C + "/plans/{plan_id}/"): (C + "/plans/{plan_id}/", None, api_expect(200)),
    ("get", C + "/tasks/"): (C + "/tasks/", None, api_expect(200)),
    ("post", C + "/tasks/"): (C + "/tasks/", TASK_BODY, api_expect(201, **MANAGERS_ONLY)),
    ("get", C + "/tasks/{task_id}/"): (
        C + "/tasks/{task_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    ("put", C + "/tasks/{task_id}/"): (
        C + "/tasks/{task_id}/",
        TASK_BODY,
        api_expect(200, leader=403, officer=403, member=403, officer2=404),
    ),
    ("get", C + "/tasks/{task_id}/progress/"): (
        C + "/tasks/{task_id}/progress/",
        None,
        api_expect(200, officer2=404),
    ),
    # The lead agency's officer reports; the secretariat may report on its behalf.
    ("post", C + "/tasks/{task_id}/progress/"): (
        C + "/tasks/{task_id}/progress/",
        {"text": "Đang in pano", "percent": 50},
        api_expect(201, leader=403, member=403, officer2=404),
    ),
    # The task awaits acceptance: the leaders accept it; the officer's agency cannot.
    ("post", C + "/tasks/{task_id}/review/"): (
        C + "/tasks/{awaiting_task_id}/review/",
        {"decision": "accept"},
        api_expect(200, officer=403, member=403, officer2=404),
    ),
    ("get", C + "/attachments/{attachment_id}/"): (
        C + "/attachments/{attachment_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    ("get", C + "/obstacles/"): (C + "/obstacles/", None, api_expect(200)),
    ("post", C + "/obstacles/{update_id}/resolve/"): (
        C + "/obstacles/{update_id}/resolve/",
        {"note": "Đã bố trí kinh phí"},
        api_expect(200, officer=403, member=403, officer2=404),
    ),
    ("get", C + "/dashboard/"): (C + "/dashboard/", None, api_expect(200)),
    ("get", C + "/people/"): (C + "/people/", None, api_expect(200)),
    ("get", C + "/people/{person_id}/"): (C + "/people/{person_id}/", None, api_expect(200)),
    ("get", C + "/committees/"): (C + "/committees/", None, api_expect(200)),
    ("get", C + "/committees/{committee_id}/"): (
        C + "/committees/{committee_id}/",
        None,
        api_expect(200),
    ),
    # The meeting invites the officer's agency, not officer2's.
    ("get", C + "/meetings/"): (C + "/meetings/", None, api_expect(200)),
    ("get", C + "/meetings/{meeting_id}/"): (
        C + "/meetings/{meeting_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    ("post", C + "/meetings/{meeting_id}/conclusions/{conclusion_id}/task/"): (
        C + "/meetings/{meeting_id}/conclusions/{conclusion_id}/task/",
        {
            "title": "Hoàn thành pano trước ngày khai mạc",
            "lead_agency": "{btg}",
            "area": "propaganda",
            "phase": "before",
            "deadline": "D-10",
        },
        api_expect(201, officer=403, member=403, officer2=404),
    ),
    # The document is issued and addressed to the officer's agency, not to officer2's: issuing
    # it again is refused with the registry's reason (400).
    ("get", C + "/documents/"): (C + "/documents/", None, api_expect(200)),
    ("get", C + "/documents/{document_id}/"): (
        C + "/documents/{document_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    ("post", C + "/documents/{document_id}/issue/"): (
        C + "/documents/{document_id}/issue/",
        {},
        api_expect(400, officer=403, member=403, officer2=404),
    ),
    ("post", C + "/documents/register/"): (
        C + "/documents/register/",
        {
            "kind": "TB",
            "number": 541,
            "issued_on": "05/03/2020",
            "issuer": "{vptu}",
            "subject": "Thông báo kết luận của Thường trực Tỉnh ủy",
        },
        api_expect(201, officer=403, officer2=403, member=403),
    ),
    ("get", C + "/documents/{document_id}/docx/"): (
        C + "/documents/{document_id}/docx/",
        None,
        api_expect(200, officer2=404),
    ),
    ("get", C + "/documents/{document_id}/pdf/"): (
        C + "/documents/{document_id}/pdf/",
        None,
        api_expect(200, officer2=404),
    ),
    # Everyone has notifications; the one here is the officer's.
    ("get", "/notifications/"): ("/notifications/", None, EVERYONE),
    ("post", "/notifications/{notification_id}/read/"): (
        "/notifications/{notification_id}/read/",
        {},
        {r: 404 for r in ROLES} | {"anonymous": 401, "officer": 200},
    ),
    # A request to Ban Tuyên giáo (officer), answered; officer2 was not asked.
    ("get", C + "/report-requests/"): (C + "/report-requests/", None, api_expect(200)),
    ("get", C + "/report-requests/{request_id}/submissions/"): (
        C + "/report-requests/{request_id}/submissions/",
        None,
        api_expect(200, officer2=404),
    ),
    ("get", C + "/submissions/{submission_id}/"): (
        C + "/submissions/{submission_id}/",
        None,
        api_expect(200, officer2=404),
    ),
    # Ban Tuyên giáo's estimate, approved: Finance (officer2) and the whole congress read it.
    ("get", C + "/estimates/"): (C + "/estimates/", None, api_expect(200)),
    ("get", C + "/estimates/{estimate_id}/"): (
        C + "/estimates/{estimate_id}/",
        None,
        api_expect(200),
    ),
    ("post", C + "/text-to-tasks/"): (
        C + "/text-to-tasks/",
        {"text": "Giao Ban Tuyên giáo Tỉnh ủy chủ trì in pano cổ động, hoàn thành trước 30/9."},
        api_expect(200, officer=403, officer2=403, member=403),
    ),
}


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
        if method == "post" and ("/progress/" in url or url.endswith("/register/")):
            response = caller.post_form(url, body)
        else:
            response = caller.get(url) if method == "get" else getattr(caller, method)(url, body)
    assert response.status_code == expected[role], (operation, role, response.content[:300])
    if expected[role] in (403, 404):
        assert "Tuyên truyền trực quan" not in response.content.decode()
