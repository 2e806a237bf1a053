"""The API's pages in the permission matrix (see `daihoi/testing/matrix.py`).

The token page is every user's own. The JSON endpoints (`api:`) also take a signed-in session
(the app's own calls): the matrix's client is signed in, so each GET answers as the same
operation through a token (`table.py`, the table `test_api_matrix.py` walks over the same
world and objects), and no session is 401. The matrix posts a form, not JSON: an operation
that reads a JSON body refuses it (400) before looking at anything; those that read a form or
nothing answer with their own checks.
"""

import re

from django.urls import get_resolver

from daihoi.testing.matrix import MANAGERS_ONLY, ROLES, expect

from .. import services as api_services
from .table import SESSION_POSTS, TABLE

OPEN = {r: 200 for r in ROLES}
SIGNED_IN_400 = {r: 400 for r in ROLES} | {"anonymous": 401}
NOT_POSTED = {r: 405 for r in ROLES}
# The POST-only operations, posted a form by a signed-in session.
POSTS = {
    "task_review": SIGNED_IN_400,
    "task_halt": SIGNED_IN_400,
    "obstacle_resolve": SIGNED_IN_400,
    "conclusion_task": SIGNED_IN_400,
    "document_register": SIGNED_IN_400,
    "text_to_tasks": SIGNED_IN_400,
    "calendar_renew": SIGNED_IN_400,
    "incoming_register": SIGNED_IN_400,
    "incoming_task": SIGNED_IN_400,
    "document_readers": SIGNED_IN_400,
    "committee_founding": SIGNED_IN_400,
    # No body: the operation's own checks.
    "document_replace": TABLE[
        ("post", "/congresses/{congress_id}/documents/{document_id}/replace/")
    ][2],
    "submission_return": SIGNED_IN_400,
    "meeting_record": SIGNED_IN_400,
    "conclusion_add": SIGNED_IN_400,
    "membership_add": SIGNED_IN_400,
    "agency_merge": SIGNED_IN_400,
    "appraisal_decide": SIGNED_IN_400,
    "explanation_answer": SIGNED_IN_400,
    "detailed_item_add": SIGNED_IN_400,
    "detailed_item_progress": SIGNED_IN_400,
    "detailed_plan_review": SIGNED_IN_400,
    # No body: the operation's own checks (the plan is already sent).
    "detailed_plan_submit": TABLE[
        ("post", "/congresses/{congress_id}/tasks/{task_id}/detailed-plan/send/")
    ][2],
    "estimate_supplement": SIGNED_IN_400,
    "line_add": SIGNED_IN_400,
    "estimate_return": SIGNED_IN_400,
    "meeting_issue_invitation": SIGNED_IN_400,
    "meeting_issue_notice": SIGNED_IN_400,
    # No body or a form, on the matrix's meeting (already held): the services' own reasons.
    "meeting_cancel": expect(400, officer=403, member=403, officer2=404) | {"anonymous": 401},
    "meeting_attach": expect(400, officer=403, member=403, officer2=404) | {"anonymous": 401},
    "estimate_approve": SIGNED_IN_400,
    # No body, on the matrix's approved estimate: locked, so its owner is refused (400).
    "estimate_submit": expect(403, officer=400) | {"anonymous": 401},
    # No body: the operation's own checks (the document is already issued).
    "document_issue": TABLE[("post", "/congresses/{congress_id}/documents/{document_id}/issue/")][
        2
    ],
    # The officer's own token: anyone else's request to revoke it answers 404.
    "token_revoke": {r: 404 for r in ROLES} | {"anonymous": 401, "officer": 200},
    # No body: the operation's own checks, as through a token.
    **{
        f"account_{name}": TABLE[
            ("post", f"/congresses/{{congress_id}}/accounts/{{account_id}}/{path}/")
        ][2]
        for name, path in (
            ("deactivate", "deactivate"),
            ("reactivate", "reactivate"),
            ("password_reset", "password-reset"),
            ("reinvite", "reinvite"),
        )
    },
    "agency_import_confirm": SIGNED_IN_400,
    # A form without the file: the secretariat is told to choose one (400).
    "agency_import_preview": TABLE[("post", "/congresses/{congress_id}/agency-import/")][2],
    "notification_read_all": TABLE[("post", "/notifications/read-all/")][2],
    "notification_read": TABLE[("post", "/notifications/{notification_id}/read/")][2],
    # A form without the table's number: the secretariat is told to fill it (400).
    "report_from_above_submit": expect(400, leader=403, member=403, officer=403, officer2=403)
    | {"anonymous": 401},
    # A form with nothing required: the operation's own checks.
    "congress_reschedule": SIGNED_IN_400,
    # The levels' writes read a JSON body; the edits and the removal take no POST at all.
    "subordinate_create": SIGNED_IN_400,
    "item_add": SIGNED_IN_400,
    "guidance_send": SIGNED_IN_400,
    "report_request_below": SIGNED_IN_400,
    "schedule_update": NOT_POSTED,
    "level_deadline_remove": NOT_POSTED,
    "parent_set": NOT_POSTED,
    "item_edit": NOT_POSTED,
    # No file: the import's form says it is required; the matrix's previewed job is confirmed.
    "norm_import": TABLE[("post", "/congresses/{congress_id}/norms/import/")][2],
    "import_job_confirm": TABLE[
        ("post", "/congresses/{congress_id}/task-imports/{import_job_id}/confirm/")
    ][2],
    "submission_submit": TABLE[
        ("post", "/congresses/{congress_id}/submissions/{submission_id}/submit/")
    ][2],
}


POSTS |= SESSION_POSTS


def _api_paths() -> dict[str, str]:
    """Each `api:` URL name and its path as the schema writes it."""
    found: dict[str, str] = {}

    def walk(patterns, prefix: str, namespace: str | None) -> None:
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(
                    pattern.url_patterns,
                    prefix + str(pattern.pattern),
                    pattern.namespace or namespace,
                )
            elif namespace == "api" and pattern.name:
                path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", prefix + str(pattern.pattern))
                found[pattern.name] = "/" + path.split("api/v1/", 1)[1]

    walk(get_resolver().url_patterns, "", None)
    return found


def _session_row(name: str, path: str) -> tuple[str, dict[str, int]]:
    if name in POSTS:
        return "post", POSTS[name]
    return "get", TABLE[("get", path)][2]


ROWS = {
    # The token belongs to officer: anyone else's request to revoke it answers 404.
    "apitokens:token-list": ("get", OPEN | {"anonymous": 302}),
    "apitokens:token-revoke": (
        "post",
        {r: 404 for r in ROLES} | {"anonymous": 302, "officer": 302},
    ),
    # A congress's webhooks and their delivery log: the secretariat's.
    "webhooks:webhook-list": ("get", expect(200, **MANAGERS_ONLY)),
    "webhooks:webhook-detail": ("get", expect(200, **MANAGERS_ONLY)),
    "webhooks:webhook-delete": ("post", expect(302, **MANAGERS_ONLY)),
    "api:openapi-json": ("get", OPEN),
    "api:openapi-view": ("get", OPEN),
    "api:api-root": ("get", {r: 404 for r in ROLES}),
    **{
        f"api:{name}": _session_row(name, path)
        for name, path in _api_paths().items()
        if path.startswith(
            ("/congresses/", "/notifications/", "/calendar/", "/tokens/", "/portal/")
        )
    },
}

KWARG_KEYS = [["token_id"], ["congress_id", "webhook_id"]]


def _estimates(world, base: dict) -> dict:
    """Two supplements to Ban Tuyên giáo's approved estimate: one a draft with a line (the
    officer's to edit; nobody else's to see but the secretariat's), one sent to Finance."""
    from daihoi.budget import services as budget_services
    from daihoi.budget.models import Estimate
    from daihoi.budget.tests.helpers import accesses

    btg = accesses(world)["btg"]
    original = Estimate.objects.get(pk=base["estimate_id"])
    sent = budget_services.estimate_supplement_create(access=btg, original=original)
    budget_services.estimate_line_add(
        access=btg,
        estimate=sent,
        content="In thêm pano",
        quantity=2,
        unit_price=1_500_000,
        unit="tấm",
    )
    budget_services.estimate_submit(access=btg, estimate=sent)
    draft = budget_services.estimate_supplement_create(access=btg, original=original)
    line = budget_services.estimate_line_add(
        access=btg,
        estimate=draft,
        content="Thuê xe tuyên truyền lưu động",
        quantity=1,
        unit_price=3_000_000,
        unit="chuyến",
    )
    return {
        "api_sent_estimate_id": sent.pk,
        "api_draft_estimate_id": draft.pk,
        "api_draft_line_id": line.pk,
    }


def _planned_meeting(world) -> int:
    import datetime as dt

    from django.utils import timezone

    from daihoi.meetings import services as meeting_services
    from daihoi.organizations.permissions import Access

    starts = timezone.now() + dt.timedelta(days=3)
    return meeting_services.meeting_plan(
        access=Access(world.users["secretariat"], world.congress, "secretariat"),
        title="Họp rà soát công tác khánh tiết",
        kind="subcommittee",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2),
        place="Phòng họp số 2",
        chair=world.chair,
        invited_agencies=[world.agencies["btg"]],
    ).pk


def objects(world, base: dict) -> dict:
    """A token of the officer's; a task of Ban Tuyên giáo's reported complete, awaiting the
    leaders' acceptance; a webhook of the congress."""
    from daihoi.organizations.permissions import Access
    from daihoi.planning import services
    from daihoi.planning.models import Area, Phase

    token, _ = api_services.token_create(
        user=world.users["officer"], name="Hệ thống văn bản", scope="read", days=30
    )
    secretariat = Access(world.users["secretariat"], world.congress, "secretariat")
    officer = Access(world.users["officer"], world.congress, "agency", world.agencies["btg"].pk)
    task = services.task_create(
        access=secretariat,
        fields=services.TaskFields(
            title="Tuyên truyền trực quan",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
        ),
    )
    services.task_report_progress(
        access=officer, task=task, text="Xong", percent=100, reports_completion=True
    )
    from daihoi.api import webhooks

    webhook = webhooks.webhook_create(
        access=secretariat,
        name="Hệ thống văn bản điều hành",
        url="http://127.0.0.1:9/khong-co-that",
        events=["task.assigned"],
    )
    from daihoi.organizations.models import Person

    newcomer = Person.objects.create(congress=world.congress, full_name="Đỗ Thị Thành Viên")
    from daihoi.organizations.models import Agency

    # A duplicate entered by mistake, to merge into Sở Văn hóa.
    spare = Agency.objects.create(congress=world.congress, name="Sở VH-TT-DL (trùng)")
    return {
        **_estimates(world, base),
        "api_planned_meeting_id": _planned_meeting(world),
        "token_id": token.pk,
        "awaiting_task_id": task.pk,
        "webhook_id": webhook.pk,
        "api_person_id": newcomer.pk,
        "api_spare_agency_id": spare.pk,
    }
