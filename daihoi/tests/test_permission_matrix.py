"""Every URL name, for anonymous users and every role: what each may open.

A new URL without a row fails `test_every_url_name_has_a_row`. The rows of the older apps are
here; an app may keep its own in `daihoi/<app>/tests/matrix.py` (see `daihoi/testing/matrix.py`).
"""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from daihoi.accounts.models import Role
from daihoi.documents import services as document_services
from daihoi.organizations.models import AgencyGroup
from daihoi.organizations.permissions import Access
from daihoi.planning import services
from daihoi.planning.models import Area, Phase
from daihoi.testing.matrix import (
    MANAGERS_ONLY,
    NOT_THE_LEAD,
    ROLES,
    SETUP_PEOPLE,
    app_matrices,
    expect,
)

SHARED_ROWS = {
    # url name: (method, expected statuses)
    "accounts:login": ("get", {r: 302 for r in ROLES} | {"anonymous": 200}),
    "accounts:logout": ("post", {r: 302 for r in ROLES}),
    "organizations:home": (
        "get",
        {r: 302 for r in ROLES} | {"admin": 200, "editor": 200},
    ),
    "organizations:committee-list": ("get", expect(200)),
    # Accounts of the congress: the secretariat's (and the administrator's) only. The account
    # is the member's; a button refused by a rule (reset of an account without e-mail, say)
    # still answers 302 with the reason as a message.
    "organizations:account-list": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:account-invite": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:account-detail": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:account-role": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:account-deactivate": ("post", expect(302, **MANAGERS_ONLY)),
    "organizations:account-reactivate": ("post", expect(302, **MANAGERS_ONLY)),
    "organizations:account-password-reset": ("post", expect(302, **MANAGERS_ONLY)),
    "organizations:account-reinvite": ("post", expect(302, **MANAGERS_ONLY)),
    "organizations:account-remove": ("post", expect(302, **MANAGERS_ONLY)),
    # Links from mails and "Quên mật khẩu": open to anyone; a wrong link shows its message.
    "accounts:invitation-accept": ("get", {r: 200 for r in ROLES}),
    "accounts:password-reset": ("get", {r: 200 for r in ROLES}),
    # "Đổi mật khẩu": every signed-in user's own.
    "accounts:password-change": ("get", {r: 200 for r in ROLES} | {"anonymous": 302}),
    "accounts:password-reset-done": ("get", {r: 200 for r in ROLES}),
    "accounts:password-reset-confirm": ("get", {r: 200 for r in ROLES}),
    # Set-up: the secretariat (and the administrator) only; anyone already secretariat of a
    # congress may create another.
    "organizations:congress-create": ("get", {r: 403 for r in ROLES} | SETUP_PEOPLE),
    "organizations:congress-setup": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:congress-edit": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:issuer-list": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:issuer-create": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:issuer-edit": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:agency-setup": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:agency-create": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:agency-edit": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:agency-merge": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:agency-import": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:agency-template": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:group-list": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:group-create": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:group-edit": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:group-delete": ("post", expect(302, **MANAGERS_ONLY)),
    "organizations:committee-detail": ("get", expect(200)),
    "organizations:committee-create": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:committee-edit": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:membership-add": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:membership-edit": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:membership-remove": ("post", expect(302, **MANAGERS_ONLY)),
    "organizations:person-list": ("get", expect(200)),
    "organizations:person-create": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:person-edit": ("get", expect(200, **MANAGERS_ONLY)),
    # The agency is Ban Tuyên giáo, the officer's own: another agency's officer gets 404.
    "organizations:leader-list": ("get", expect(200, **MANAGERS_ONLY)),
    "organizations:leader-edit": ("get", expect(200, leader=404, member=404, officer2=404)),
    "workspace:my-duties": ("get", expect(200)),
    "planning:dashboard": ("get", expect(200)),
    "workspace:today": ("get", expect(200)),
    "planning:congress-schedule": ("get", expect(200, **MANAGERS_ONLY)),
    "planning:task-list": ("get", expect(200)),
    "planning:task-create": ("get", expect(200, **MANAGERS_ONLY)),
    "planning:task-detail": ("get", expect(200, officer2=404)),
    "planning:task-edit": ("get", expect(200, leader=403, officer=403, member=403, officer2=404)),
    "planning:task-report": ("get", expect(200, leader=403, member=403, officer2=404)),
    "planning:task-review": ("post", expect(302, officer=403, member=403, officer2=404)),
    "planning:task-halt": ("post", expect(302, leader=403, officer=403, member=403, officer2=404)),
    "planning:inbox": ("get", expect(200, leader=302, member=302, admin=302)),
    "planning:attachment": ("get", expect(200, officer2=404)),
    "planning:obstacle-resolve": ("post", expect(302, officer=403, member=403, officer2=404)),
    "planning:plan-list": ("get", expect(200)),
    "planning:plan-create": ("get", expect(200, **MANAGERS_ONLY)),
    "planning:plan-detail": ("get", expect(200)),
    "planning:plan-edit": ("get", expect(200, **MANAGERS_ONLY)),
    "planning:plan-timeline": ("get", expect(200)),
    "planning:committee-timeline": ("get", expect(200)),
    "planning:agency-list": ("get", expect(200, officer=302, officer2=302)),
    "planning:agency-detail": ("get", expect(200, officer2=404)),
    "planning:task-delete": (
        "post",
        expect(302, leader=403, officer=403, member=403, officer2=404),
    ),
    "planning:update-delete": (
        "post",
        expect(302, leader=403, officer=403, member=403, officer2=404),
    ),
    "planning:plan-delete": ("post", expect(302, **MANAGERS_ONLY)),
    # The task is appraised by Công an tỉnh (no user here); its product is waiting there. Only
    # the lead's officer opens the submission form (the service refuses a second one), only the
    # appraiser's decides; officer2's agency has no part: 404.
    "planning:appraisal-submit": (
        "get",
        expect(403, officer=200, officer2=404),
    ),
    "planning:appraisal-decide": ("get", expect(403, officer2=404)),
    "planning:appraisal-file": ("get", expect(200, officer2=404)),
    # The task's detailed plan is Ban Tuyên giáo's (officer), sent and awaiting approval: its
    # works cannot change (a refusal comes back as a message), the leaders review it.
    "planning:detailed-list": ("get", expect(200)),
    "planning:detailed-plan": ("get", expect(200, officer2=404)),
    "planning:detailed-item-add": ("get", expect(200, **NOT_THE_LEAD)),
    "planning:detailed-item-edit": ("get", expect(200, **NOT_THE_LEAD)),
    "planning:detailed-item-progress": ("get", expect(200, **NOT_THE_LEAD)),
    "planning:detailed-item-delete": ("post", expect(302, **NOT_THE_LEAD)),
    "planning:detailed-submit": ("post", expect(302, **NOT_THE_LEAD)),
    "planning:detailed-review": ("post", expect(302, officer=403, member=403, officer2=404)),
    "meetings:meeting-delete": (
        "post",
        expect(302, leader=403, officer=403, member=403, officer2=404),
    ),
    # An issued document is refused with a message (302 back); drafts only go to the trash.
    "documents:document-delete": (
        "post",
        expect(302, leader=403, officer=403, member=403, officer2=404),
    ),
    "audit:trash": ("get", expect(200, **MANAGERS_ONLY)),
    "audit:restore": ("post", expect(302, **MANAGERS_ONLY)),
    # The document is issued and addressed to the officer's agency, not to officer2's.
    "documents:document-list": ("get", expect(200)),
    "documents:document-create": ("get", expect(200, officer=403, officer2=403, member=403)),
    "documents:document-register": ("get", expect(200, officer=403, officer2=403, member=403)),
    "documents:document-detail": ("get", expect(200, officer2=404)),
    "documents:document-edit": ("get", expect(302, officer=403, member=403, officer2=404)),
    "documents:document-issue": ("post", expect(302, officer=403, member=403, officer2=404)),
    "documents:document-replace": ("post", expect(302, officer=403, member=403, officer2=404)),
    "documents:document-docx": ("get", expect(200, officer2=404)),
    "documents:document-pdf": ("get", expect(200, officer2=404)),
    "documents:document-scan": ("get", expect(200, officer2=404)),
    # A POST without a file is sent back to the document with a message.
    "documents:document-attach-scan": ("post", expect(302, officer=403, member=403, officer2=404)),
    # The matrix's document was issued here: its mark is fixed, the page sends back (302).
    "documents:document-readers": ("get", expect(302, officer=403, member=403, officer2=404)),
    # A document received, given to Ban Tuyên giáo (officer) as a task; officer2 has no part.
    "documents:incoming-list": ("get", expect(200)),
    "documents:incoming-export": ("get", expect(200)),
    "documents:incoming-register": ("get", expect(200, **MANAGERS_ONLY)),
    "documents:incoming-detail": ("get", expect(200, officer2=404)),
    "documents:incoming-edit": (
        "get",
        expect(200, leader=403, officer=403, member=403, officer2=404),
    ),
    "documents:incoming-file": ("get", expect(200, officer2=404)),
    "documents:incoming-delete": (
        "post",
        expect(302, leader=403, officer=403, member=403, officer2=404),
    ),
    "planning:incoming-task": (
        "get",
        expect(200, leader=403, officer=403, member=403, officer2=404),
    ),
    "documents:committee-founding": ("get", expect(200, **MANAGERS_ONLY)),
    # The meeting invites the officer's agency (Ban Tuyên giáo), not officer2's.
    "meetings:meeting-list": ("get", expect(200)),
    "meetings:meeting-create": ("get", expect(200, officer=403, officer2=403, member=403)),
    "meetings:meeting-detail": ("get", expect(200, officer2=404)),
    "meetings:meeting-edit": ("get", expect(200, officer=403, member=403, officer2=404)),
    "meetings:meeting-record": ("get", expect(200, officer=403, member=403, officer2=404)),
    "meetings:conclusion-add": ("post", expect(302, officer=403, member=403, officer2=404)),
    "meetings:conclusion-task": ("get", expect(200, officer=403, member=403, officer2=404)),
    "meetings:issue-invitation": ("get", expect(200, officer=403, member=403, officer2=404)),
    "meetings:issue-notice": ("get", expect(200, officer=403, member=403, officer2=404)),
    "meetings:meeting-cancel": ("post", expect(302, officer=403, member=403, officer2=404)),
    "meetings:meeting-attach": ("post", expect(302, officer=403, member=403, officer2=404)),
    "meetings:meeting-attachment": ("get", expect(200, officer2=404)),
    "intake:start": ("get", expect(200, officer=403, officer2=403, member=403)),
    # A GET of the confirm step sends a runner back to the start; the others are refused.
    "intake:confirm": ("get", expect(302, officer=403, officer2=403, member=403)),
    # Ban Tuyên giáo's (officer's) estimate, approved by Sở Tài chính (officer2 is Finance):
    # approved estimates are locked, so the owner's edit pages send it back with a message.
    "budget:overview": ("get", expect(200)),
    "budget:norm-list": ("get", expect(200)),
    "budget:norm-create": ("get", expect(403, admin=200, officer2=200)),
    "budget:norm-edit": ("get", expect(403, admin=200, officer2=200)),
    "budget:norm-import": ("get", expect(403, admin=200, officer2=200)),
    "budget:norm-export": ("get", expect(200)),
    "budget:estimate-list": ("get", expect(200)),
    "budget:estimate-create": ("get", expect(403, officer=302, officer2=200)),
    "budget:estimate-detail": ("get", expect(200)),
    "budget:estimate-edit": ("get", expect(403, officer=302)),
    "budget:estimate-supplement": ("get", expect(403, officer=200)),
    "budget:line-add": ("get", expect(403, officer=302)),
    "budget:line-edit": ("get", expect(403, officer=302)),
    "budget:line-delete": ("post", expect(403, officer=302)),
    "budget:estimate-submit": ("post", expect(403, officer=302)),
    "budget:estimate-return": ("post", expect(403, admin=302, officer2=302)),
    "budget:estimate-approve": ("get", expect(403, admin=302, officer2=302)),
    "budget:spending": ("get", expect(200)),
    "budget:spending-attachment": ("get", expect(200)),
    "budget:compilation": ("get", expect(200, officer=403)),
    "budget:compilation-xlsx": ("get", expect(200, officer=403)),
    "budget:compilation-docx": ("get", expect(200, officer=403)),
    # A request to Ban Tuyên giáo (officer), already answered with a file; officer2 was not asked.
    # The explanation concerns an overdue task of Ban Tuyên giáo.
    "reporting:request-list": ("get", expect(200)),
    "reporting:request-create": ("get", expect(200, **MANAGERS_ONLY)),
    "reporting:request-detail": ("get", expect(200, officer=302, officer2=404)),
    "reporting:request-xlsx": ("get", expect(200, officer=403, officer2=404)),
    "reporting:request-docx": ("get", expect(200, officer=403, officer2=404)),
    "reporting:request-template": ("get", expect(200, officer2=404)),
    "reporting:submission-detail": ("get", expect(200, officer2=404)),
    "reporting:submission-submit": ("get", expect(403, officer=302, officer2=404)),
    "reporting:submission-return": (
        "post",
        expect(302, leader=403, officer=403, member=403, officer2=404),
    ),
    "reporting:submission-file": ("get", expect(200, officer2=404)),
    "reporting:consolidated": ("get", expect(200, officer=403, officer2=403)),
    "reporting:consolidated-docx": ("get", expect(200, officer=403, officer2=403)),
    "reporting:consolidated-xlsx": ("get", expect(200, officer=403, officer2=403)),
    "reporting:task-xlsx": ("get", expect(200)),
    "reporting:task-import": ("get", expect(200, **MANAGERS_ONLY)),
    "reporting:import-template": ("get", expect(200, **MANAGERS_ONLY)),
    "reporting:agency-xlsx": ("get", expect(200, officer=403, officer2=403)),
    "reporting:scorecards": ("get", expect(200)),
    "reporting:scorecard-xlsx": ("get", expect(200)),
    "reporting:warnings": ("get", expect(200)),
    "reporting:dashboard-charts": ("get", expect(200)),
    "reporting:explanation-list": ("get", expect(200)),
    "reporting:task-explanations": ("get", expect(200, officer2=404)),
    "reporting:explanation-request": ("post", expect(302, officer=403, member=403, officer2=404)),
    "reporting:explanation-answer": ("post", expect(403, officer=302, officer2=404)),
    "calendar:settings": ("get", {r: 200 for r in ROLES} | {"anonymous": 302}),
    "calendar:renew": ("post", {r: 302 for r in ROLES}),
    # Whoever holds the secret token reads the feed; no login (calendar apps cannot log in).
    "calendar:feed": ("get", {r: 200 for r in ROLES}),
    # Every user has a notification centre; the notification belongs to officer: anyone else's
    # request for it answers 404, as if it did not exist.
    "notifications:list": ("get", {r: 200 for r in ROLES} | {"anonymous": 302}),
    "notifications:preferences": ("get", {r: 200 for r in ROLES} | {"anonymous": 302}),
    "notifications:unread-badge": ("get", {r: 200 for r in ROLES} | {"anonymous": 302}),
    "notifications:mark-all-read": ("post", {r: 302 for r in ROLES}),
    "notifications:open": ("post", {r: 404 for r in ROLES} | {"anonymous": 302, "officer": 302}),
    # Probes answer everyone; /metrics answers the allowed addresses (the test client is 127.0.0.1).
    "ops:healthz": ("get", {r: 200 for r in ROLES}),
    "ops:readyz": ("get", {r: 200 for r in ROLES}),
    "ops:metrics": ("get", {r: 200 for r in ROLES}),
    "notifications:mark-read": (
        "post",
        {r: 404 for r in ROLES} | {"anonymous": 302, "officer": 302},
    ),
}

APP_MATRICES = app_matrices()
MATRIX = SHARED_ROWS | {name: row for module in APP_MATRICES for name, row in module.ROWS.items()}
# Only the administration site is left to Django's own staff checks.
UNCHECKED_NAMESPACES = {"admin"}


def _url_names() -> set[str]:
    names = set()

    def walk(patterns, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = p.namespace or namespace
                walk(p.url_patterns, ns)
            elif isinstance(p, URLPattern) and p.name and namespace not in UNCHECKED_NAMESPACES:
                names.add(f"{namespace}:{p.name}" if namespace else p.name)

    walk(get_resolver().url_patterns, None)
    return names


def test_every_url_name_has_a_row():
    assert _url_names() == set(MATRIX)


def test_no_url_name_has_two_rows():
    tables = [SHARED_ROWS, *(module.ROWS for module in APP_MATRICES)]
    assert sum(len(table) for table in tables) == len(MATRIX)


def build_objects(world) -> dict:
    secretariat_access = Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)
    propaganda_access = Access(
        world.users["officer"], world.congress, Role.AGENCY_OFFICER, world.agencies["btg"].pk
    )
    task = services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Tuyên truyền trực quan",
            lead_agency=world.agencies["btg"],
            coordinating_agencies=[world.agencies["svh"]],
            appraising_agency=world.agencies["ca"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
        ),
    )
    appraisal = services.appraisal_submit(
        access=propaganda_access,
        task=task,
        text="Dự thảo nội dung pano",
        files=[SimpleUploadedFile("du-thao.pdf", b"%PDF-1.4 test\n%%EOF")],
    )
    update = services.task_report_progress(
        access=propaganda_access,
        task=task,
        text="Đang in pano",
        percent=40,
        obstacle="Thiếu kinh phí in ấn",
        attachments=[SimpleUploadedFile("a.pdf", b"%PDF-1.4 test\n%%EOF")],
    )
    from daihoi.meetings import services as meeting_services
    from daihoi.meetings.models import CalendarFeed

    meeting = meeting_services.meeting_plan(
        access=secretariat_access,
        title="Phiên họp Tiểu ban Tổ chức phục vụ",
        kind="subcommittee",
        starts_at=timezone.now(),
        ends_at=timezone.now() + dt.timedelta(hours=2),
        place="Hội trường Tỉnh ủy",
        chair=world.chair,
        invited_agencies=[world.agencies["btg"]],
    )
    # Recorded as held, so that its conclusion notice may be issued.
    meeting_services.meeting_record(
        access=secretariat_access, meeting=meeting, attendance={}, minutes="Đã họp."
    )
    attachment = meeting_services.meeting_attach(
        access=secretariat_access,
        meeting=meeting,
        uploads=[SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 test\n%%EOF")],
    )[0]
    conclusion = meeting_services.conclusion_add(
        access=secretariat_access, meeting=meeting, text="Hoàn thành pano trước ngày khai mạc"
    )
    document = document_services.document_issue(
        access=secretariat_access,
        document=document_services.document_create(
            access=secretariat_access,
            kind="TB",
            issuer=world.agencies["vptu"],
            subject="Kết luận cuộc họp Tiểu ban",
            body="Nội dung.",
            recipient_agencies=[world.agencies["btg"]],
            signer=world.chair,
        ),
    )
    document_services.document_store_pdf(document_id=document.pk, pdf=b"%PDF-1.4 test\n%%EOF")
    document.scan.save("ban-ky.pdf", ContentFile(b"%PDF-1.4 scan\n%%EOF"), save=False)
    document.save(update_fields=["scan"])
    incoming = document_services.incoming_register(
        access=secretariat_access,
        received_on=dt.date(2020, 3, 2),
        subject="Hướng dẫn tuyên truyền Đại hội",
        issuer_name="Ban Tuyên giáo Trung ương",
        file=SimpleUploadedFile("hd.pdf", b"%PDF-1.4 den\n%%EOF"),
    )
    services.incoming_to_task(
        access=secretariat_access,
        document=incoming,
        fields=services.TaskFields(
            title="Triển khai hướng dẫn tuyên truyền",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
        ),
    )
    from daihoi.budget.tests.helpers import approved_estimate_with_spending
    from daihoi.notifications.models import Kind, Notification

    notification = Notification.objects.create(
        recipient=world.users["officer"],
        congress=world.congress,
        kind=Kind.TASK_ASSIGNED,
        title="Nhiệm vụ mới: Tuyên truyền trực quan",
        dedupe_key=f"matrix:{task.pk}",
        link=f"/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/",
    )
    from daihoi.planning.models import Plan

    binned = Plan.objects.create(
        congress=world.congress,
        number=77,
        issuer_code="TU",
        issued_on=dt.date(2020, 5, 5),
        subject="Kế hoạch đã xóa",
    )
    services.plan_delete(access=secretariat_access, plan=binned)

    detailed_item = services.detailed_item_add(
        access=propaganda_access,
        task=task,
        fields=services.ItemFields(
            title="In pano", method="Thuê in", deadline=timezone.localdate() + dt.timedelta(days=5)
        ),
    )
    services.detailed_plan_submit(access=propaganda_access, task=task)
    from daihoi.reporting.tests.helpers import reporting_objects

    base = {
        **approved_estimate_with_spending(world),
        **reporting_objects(world),
        "congress_id": world.congress.pk,
        "kind": "plan",
        "object_id": binned.pk,
        "document_id": document.pk,
        "incoming_id": incoming.pk,
        "meeting_id": meeting.pk,
        "conclusion_id": conclusion.pk,
        "file_id": attachment.pk,
        "token": CalendarFeed.objects.create(user=world.users["secretariat"]).token,
        "task_id": task.pk,
        "attachment_id": update.attachments.get().pk,
        "appraisal_file_id": appraisal.files.get().pk,
        "update_id": update.pk,
        "plan_id": world.plan.pk,
        "committee_id": world.committee.pk,
        "membership_id": world.committee.memberships.get().pk,
        "person_id": world.chair.pk,
        "agency_id": world.agencies["btg"].pk,
        "group_id": AgencyGroup.objects.create(congress=world.congress, name="Các ban Đảng").pk,
        "notification_id": notification.pk,
        "account_id": world.users["member"].pk,
        "key": "lien-ket-khong-co-that",
        "uidb64": "MQ",
        "item_id": detailed_item.pk,
    }
    for module in APP_MATRICES:
        added = module.objects(world, base)
        # Two apps giving one URL keyword different records would test the wrong object.
        # (A module may replace a made-up value on purpose: it lists the key in REPLACES.)
        clashes = {k for k in added.keys() & base.keys() if added[k] != base[k]}
        clashes -= set(getattr(module, "REPLACES", ()))
        assert not clashes, (module.__name__, clashes)
        base |= added
    return base


@pytest.fixture
def objects(world):
    return build_objects(world)


@pytest.fixture(scope="module")
def matrix_data(django_db_setup, django_db_blocker):
    """The world and its objects built once for the whole matrix, inside a transaction that
    each test's own transaction nests in (a savepoint), and rolled back at the end."""
    from daihoi.testing.factories import build_world

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = build_world(with_delegate=True)
            yield world, build_objects(world)
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _kwargs_for(name: str, objects: dict) -> dict:
    app_keys = [keys for module in APP_MATRICES for keys in getattr(module, "KWARG_KEYS", [])]
    for keys in (
        *app_keys,
        ["congress_id", "kind", "object_id"],
        ["congress_id", "request_id"],
        ["congress_id", "submission_id"],
        ["congress_id", "submission_file_id"],
        ["congress_id", "explanation_id"],
        ["congress_id", "estimate_id", "line_id"],
        ["congress_id", "estimate_id"],
        ["congress_id", "norm_id"],
        ["congress_id", "spending_attachment_id"],
        ["congress_id", "meeting_id", "conclusion_id"],
        ["congress_id", "meeting_id", "file_id"],
        ["congress_id", "meeting_id"],
        ["uidb64", "token"],
        ["key"],
        ["token"],
        ["notification_id"],
        ["congress_id", "item_id"],
        ["congress_id", "task_id"],
        ["congress_id", "document_id"],
        ["congress_id", "incoming_id"],
        ["congress_id", "attachment_id"],
        ["congress_id", "appraisal_file_id"],
        ["congress_id", "update_id"],
        ["congress_id", "plan_id"],
        ["congress_id", "committee_id", "membership_id"],
        ["congress_id", "committee_id"],
        ["congress_id", "person_id"],
        ["congress_id", "agency_id"],
        ["congress_id", "account_id"],
        ["congress_id", "group_id"],
        ["congress_id"],
        [],
    ):
        try:
            reverse(name, kwargs={k: objects[k] for k in keys})
        except NoReverseMatch:
            continue
        return {k: objects[k] for k in keys}
    raise AssertionError(f"no kwargs fit {name}")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(matrix_data, db, client, settings, name, role):
    world, objects = matrix_data
    # The jobs the objects queued were queued when the module began: on a loaded machine the
    # readiness probe would call them stuck by the time its rows run.
    settings.DAIHOI_READY_MAX_QUEUE_LAG = 0
    method, expected = MATRIX[name]
    if role == "admin":
        client.force_login(world.admin)
    elif role != "anonymous":
        client.force_login(world.users[role])
    url = reverse(name, kwargs=_kwargs_for(name, objects))
    data = {"decision": "accept", "state": "paused"} if method == "post" else None
    response = getattr(client, method)(url, data)
    assert response.status_code == expected[role], (name, role, response.status_code)
    if expected[role] in (403, 404):
        # The forbidden object's data never leaks into the refusal page.
        assert "Tuyên truyền trực quan" not in response.content.decode()


def test_agency_officer_cannot_open_another_agencys_task(world, objects, client):
    client.force_login(world.users["officer2"])
    base = f"/dai-hoi/{world.congress.pk}/nhiem-vu/{objects['task_id']}/"
    for path in ["", "sua/", "bao-cao/"]:
        assert client.get(base + path).status_code == 404
    response = client.post(base + "bao-cao/", {"text": "Chen ngang", "percent": 90})
    assert response.status_code == 404
    from daihoi.planning.models import Task

    assert Task.objects.get(pk=objects["task_id"]).progress == 40


def test_officer_of_another_congress_cannot_guess_urls(world, objects, client):
    client.force_login(world.users["outsider"])
    assert client.get(f"/dai-hoi/{world.congress.pk}/").status_code == 404
    assert (
        client.get(f"/dai-hoi/{world.other.pk}/nhiem-vu/{objects['task_id']}/").status_code == 404
    )


def test_missing_objects_answer_404_not_500(world, client):
    client.force_login(world.users["secretariat"])
    for path in [
        "nhiem-vu/999999/",
        "ke-hoach/999999/",
        "co-quan/999999/",
        "tep/999999/",
        "tieu-ban/999999/",
    ]:
        assert client.get(f"/dai-hoi/{world.congress.pk}/{path}").status_code == 404, path
    assert client.get("/dai-hoi/999999/").status_code == 404


def test_access_roles_resolve_from_participation(world):
    from daihoi.organizations.permissions import access_congress

    access = access_congress(world.users["officer"], world.congress.pk)
    assert isinstance(access, Access)
    assert access.role == Role.AGENCY_OFFICER and access.agency_id == world.agencies["btg"].pk
