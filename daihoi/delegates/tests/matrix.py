"""The delegates pages in the permission matrix (see `daihoi/testing/matrix.py`).

The leader's account is the head of the organising subcommittee (Tiểu ban Tổ chức phục vụ), so it
keeps the roster like the secretariat; the member reads names only; agency officers hold no
delegate duty
but officer2's account is given the gate duty."""

from django.core.files.base import ContentFile
from django.utils import timezone

from daihoi.accounts.models import Role
from daihoi.organizations.permissions import Access
from daihoi.testing.matrix import MANAGERS_ONLY, expect

from ..models import BadgeBatch, Delegate, Duty
from ..services.checkin import session_create
from ..services.groups import group_assign, group_create
from .helpers import make_delegate

# officer2 (Sở Tài chính) holds the gate duty: it reads names, checks in, nothing more.
KEEPERS = dict(member=403, officer=403, officer2=403)

ROWS = {
    "delegates:delegate-list": ("get", expect(200, officer=403)),
    "delegates:delegate-create": ("get", expect(200, **KEEPERS)),
    "delegates:delegate-detail": ("get", expect(200, **KEEPERS)),
    "delegates:delegate-edit": ("get", expect(200, **KEEPERS)),
    "delegates:delegate-replace": ("get", expect(200, **KEEPERS)),
    # The matrix's delegate has no photo: 404 for everyone inside, as for a missing file.
    "delegates:delegate-photo": ("get", expect(404)),
    "delegates:delegation-list": ("get", expect(200, **KEEPERS)),
    "delegates:roster-import": ("get", expect(200, **KEEPERS)),
    "delegates:roster-template": ("get", expect(200, **KEEPERS)),
    "delegates:group-list": ("get", expect(200, officer=403)),
    "delegates:group-print": ("get", expect(200, officer=403)),
    "delegates:group-detail": ("get", expect(200, officer=403)),
    "delegates:group-assign": ("post", expect(302, **KEEPERS)),
    "delegates:group-remove": ("post", expect(302, **KEEPERS)),
    "delegates:statistics": ("get", expect(200, **KEEPERS)),
    "delegates:statistics-xlsx": ("get", expect(200, **KEEPERS)),
    "delegates:statistics-docx": ("get", expect(200, **KEEPERS)),
    "delegates:badge-list": ("get", expect(200, **KEEPERS)),
    "delegates:badge-print": ("post", expect(302, **KEEPERS)),
    # A printed batch: its PDF for the roster keepers; anyone else meets a missing page.
    "delegates:badge-pdf": ("get", expect(200, member=404, officer=404, officer2=404)),
    # The gate: officer2 holds the gate duty; the member and officer do not.
    "delegates:gate": ("get", expect(200, member=403, officer=403)),
    "delegates:session-create": ("post", expect(302, **KEEPERS)),
    "delegates:scan": ("post", expect(200, member=403, officer=403)),
    # No delegate named in the matrix's POST: 404 for those at the gate.
    "delegates:check-in-by-name": ("post", expect(404, member=403, officer=403)),
    "delegates:gate-search": ("get", expect(200, member=403, officer=403)),
    "delegates:headcount": ("get", expect(200, officer=403)),
    # To the current session's headcount.
    "delegates:headcount-now": ("get", expect(302, officer=403)),
    "delegates:duty-list": ("get", expect(200, **MANAGERS_ONLY)),
    # Delegates' accounts: the secretariat's. The world's delegate has an account never used,
    # so printing slips shows the slip page (200).
    "delegates:account-list": ("get", expect(200, **MANAGERS_ONLY)),
    "delegates:account-create-all": ("post", expect(302, **MANAGERS_ONLY)),
    "delegates:account-create": ("post", expect(302, **MANAGERS_ONLY)),
    "delegates:slips-print": ("post", expect(200, **MANAGERS_ONLY)),
    "delegates:duty-remove": ("post", expect(302, **MANAGERS_ONLY)),
}

KWARG_KEYS = [
    ["congress_id", "session_id"],
    ["congress_id", "batch_id"],
    ["congress_id", "discussion_group_id", "member_id"],
    ["congress_id", "discussion_group_id"],
    ["congress_id", "delegate_id"],
    ["congress_id", "duty_id"],
]


def objects(world, base: dict) -> dict:
    access = Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)
    delegate = make_delegate(access)
    duty = Duty.objects.create(congress=world.congress, user=world.users["officer2"], kind="gate")
    group = group_create(access=access, name="Tổ thảo luận số 1")
    member = group_assign(access=access, group=group, delegate=delegate, role="leader")
    # An alternate of the same delegation, outside any group: the API's replacement and
    # assignment take them.
    alternate = make_delegate(
        access,
        delegate.delegation,
        kind=Delegate.Kind.ALTERNATE,
        full_name="Nguyễn Văn Dự Khuyết",
        birth_year=1975,
    )
    return {
        "api_delegation_id": delegate.delegation_id,
        "api_alternate_id": alternate.pk,
        "api_duty_user_id": world.users["member"].pk,
        "delegate_id": delegate.pk,
        "duty_id": duty.pk,
        "discussion_group_id": group.pk,
        "member_id": member.pk,
        "batch_id": _printed_batch(world).pk,
        "session_id": session_create(
            access=access, name="Phiên khai mạc", starts_at=timezone.now()
        ).pk,
    }


def _printed_batch(world) -> BadgeBatch:
    batch = BadgeBatch.objects.create(congress=world.congress, total=1, done=1, state="done")
    batch.pdf.save("the-dai-bieu.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    return batch
