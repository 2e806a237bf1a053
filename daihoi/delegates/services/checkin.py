"""Check-in at the gate: a badge's QR code (or the delegate's name) records the arrival at one
session. A second scan changes nothing and says so; a forged, revoked or other congress's badge
is refused without saying whose it was.

Per scan: the badge by its token's hash (unique index), then one insert guarded by the
(session, delegate) unique constraint, and the audit entry — a few milliseconds."""

import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress
from daihoi.core.text import normalize
from daihoi.organizations.permissions import Access

from ..badge_pdf import QR_PREFIX
from ..models import Badge, CheckIn, CheckInAction, CongressSession, Delegate, token_hash
from ..permissions import (
    ONLY_GATE,
    ONLY_ROSTER_KEEPERS,
    RosterRights,
    can_check_in,
    can_keep_roster,
    roster_rights,
)

NOT_VALID = "Mã không hợp lệ cho Đại hội này. Không cho vào; mời đại biểu đến bàn đón tiếp."
REVOKED = "Thẻ đã bị thu hồi (đã có thẻ in lại). Không cho vào; mời đại biểu dùng thẻ mới."
NO_LONGER = "Thẻ không còn hiệu lực. Mời đại biểu đến bàn đón tiếp."
MAX_CODE = 200


@dataclass(frozen=True)
class ScanResult:
    status: str  # "ok", "again" or "refused"
    message: str
    delegate: Delegate | None = None
    checked_at: dt.datetime | None = None

    def as_json(self, photo_url: str = "") -> dict:
        data: dict = {"status": self.status, "message": self.message}
        if self.delegate is not None:
            data |= {
                "name": self.delegate.full_name,
                "delegation": self.delegate.delegation.name,
                "photo": photo_url,
            }
        return data


@transaction.atomic
def session_create(*, access: Access, name: str, starts_at: dt.datetime) -> CongressSession:
    require(can_keep_roster(roster_rights(access)), ONLY_ROSTER_KEEPERS)
    name = normalize(name)
    if not name:
        raise BusinessError("Tên phiên không được để trống.", field="name")
    if CongressSession.objects.filter(congress=access.congress, name__iexact=name).exists():
        raise BusinessError(f"Đã có phiên “{name}”.", field="name")
    session = CongressSession.objects.create(
        congress=access.congress, name=name, starts_at=starts_at
    )
    record(access, CheckInAction.SESSION_CREATED, session)
    return session


def _arrive(
    rights: RosterRights, session: CongressSession, delegate: Delegate, method: str
) -> ScanResult:
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # A check-in is a fact the gate can scan again: its commit need not wait for
                # the disk, which is most of a scan's time on a busy server (at worst the last
                # fraction of a second of arrivals is lost in a database crash).
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
            check_in = CheckIn.objects.create(
                congress_id=session.congress_id,
                session=session,
                delegate=delegate,
                delegation_id=delegate.delegation_id,
                method=method,
                checked_by=rights.access.user,
            )
            record(
                rights.access,
                CheckInAction.CHECKED_IN,
                delegate,
                data={"session": session.name, "method": method},
            )
    except IntegrityError:
        earlier = CheckIn.objects.filter(session=session, delegate=delegate).first()
        when = timezone.localtime(earlier.checked_at) if earlier else None
        at = f" lúc {when:%H:%M}" if when else ""
        return ScanResult(
            "again", f"Đã điểm danh{at} — quét lần nữa, không ghi thêm.", delegate, when
        )
    return ScanResult("ok", f"Mời vào. Đã điểm danh {session.name}.", delegate, check_in.checked_at)


def check_in_scan(
    *, access: Access, session: CongressSession, code: str, rights: RosterRights | None = None
) -> ScanResult:
    """Checks a scanned code in; refusals name nobody."""
    rights = rights or roster_rights(access)
    require(can_check_in(rights), ONLY_GATE)
    require_same_congress(access.congress, session)
    code = (code or "").strip()[:MAX_CODE]
    token = code.removeprefix(QR_PREFIX)
    if not token or token == code:
        return ScanResult("refused", NOT_VALID)
    badge = (
        Badge.objects.select_related("delegate", "delegate__delegation")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if badge is None or badge.congress_id != access.congress.pk:
        return ScanResult("refused", NOT_VALID)
    if badge.revoked_at is not None:
        return ScanResult("refused", REVOKED)
    if not badge.delegate.is_active:
        return ScanResult("refused", NO_LONGER)
    return _arrive(rights, session, badge.delegate, CheckIn.Method.SCAN)


def check_in_by_name(
    *,
    access: Access,
    session: CongressSession,
    delegate: Delegate,
    rights: RosterRights | None = None,
) -> ScanResult:
    """Checks in a delegate found by name (a badge left at home): the gate sees the photo."""
    rights = rights or roster_rights(access)
    require(can_check_in(rights), ONLY_GATE)
    require_same_congress(access.congress, session, delegate)
    if not delegate.is_active:
        return ScanResult("refused", NO_LONGER)
    return _arrive(rights, session, delegate, CheckIn.Method.NAME)
