"""The API's pages in the permission matrix (see `daihoi/testing/matrix.py`).

The token page is every user's own. The JSON endpoints (`api:`) do not take the session: a
signed-in browser gets 401 there like anyone without a token; what each role may do through a
token is `test_api_matrix.py`'s table, over the same world and objects.
"""

from daihoi.testing.matrix import MANAGERS_ONLY, ROLES, expect

from .. import services as api_services

API_ONLY = {r: 401 for r in ROLES}
POST_ONLY = {
    "task_review",
    "obstacle_resolve",
    "conclusion_task",
    "document_issue",
    "document_register",
    "notification_read",
    "text_to_tasks",
}
OPEN = {r: 200 for r in ROLES}

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
        f"api:{name}": ("post" if name in POST_ONLY else "get", API_ONLY)
        for name in [
            "congress_list",
            "congress_detail",
            "agency_list",
            "agency_detail",
            "plan_list",
            "plan_create",
            "plan_detail",
            "task_list",
            "task_create",
            "task_detail",
            "task_update",
            "progress_list",
            "progress_report",
            "task_review",
            "attachment_download",
            "obstacle_list",
            "obstacle_resolve",
            "dashboard",
            "person_list",
            "person_detail",
            "committee_list",
            "committee_detail",
            "meeting_list",
            "meeting_detail",
            "conclusion_task",
            "document_list",
            "document_detail",
            "document_issue",
            "document_register",
            "document_docx",
            "document_pdf",
            "notification_list",
            "notification_read",
            "text_to_tasks",
            "report_request_list",
            "submission_list",
            "submission_detail",
            "estimate_list",
            "estimate_detail",
        ]
    },
}

KWARG_KEYS = [["token_id"], ["congress_id", "webhook_id"]]


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
    return {"token_id": token.pk, "awaiting_task_id": task.pk, "webhook_id": webhook.pk}
