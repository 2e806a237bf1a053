"""Every change to a vote: motions kept by the presidium, opened, closed, and votes cast.

Locks: a motion's edit, opening and closing lock its row (FOR NO KEY UPDATE, so that votes
inserting their participation rows, which only take a key-share lock on it, do not wait). A
vote inserts its participation row first (the unique constraint refuses a second vote), then
adds one to the motion's counter with `UPDATE … WHERE state = 'open'`: that row lock is the
last thing it takes and is held only until commit, and a vote waiting behind the closing finds
the motion closed and is refused, so no vote is ever counted after the close.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.core.services import require, require_same_congress
from daihoi.core.versioning import check_version
from daihoi.organizations.permissions import Access
from daihoi.programme.models import Session

from . import attendance
from .models import Choice, Motion, Participation, RollCallVote, VotingAction
from .permissions import ONLY_PRESIDIUM, can_run_votes

ONLY_DELEGATES = "Chỉ đại biểu, từ tài khoản của mình, mới biểu quyết được."
ALREADY_VOTED = "Đồng chí đã biểu quyết nội dung này. Mỗi đại biểu chỉ biểu quyết một lần."
NOT_OPEN_YET = "Biểu quyết chưa mở. Xin chờ Đoàn Chủ tịch mời biểu quyết."
CLOSED = "Biểu quyết đã kết thúc, không nhận thêm phiếu."
NOT_PRESENT = (
    "Đồng chí chưa được điểm danh có mặt tại phiên này (hoặc không được triệu tập dự phiên), "
    "nên không biểu quyết được. Xin liên hệ tổ điểm danh."
)
INVALID_CHOICE = "Xin chọn Tán thành, Không tán thành hoặc Không biểu quyết."
ONE_OPEN_AT_A_TIME = "Đang có một nội dung khác đang biểu quyết. Kết thúc nội dung đó trước."
MOTION_FIELDS = ["session", "kind", "title", "text", "roll_call"]


@dataclass(frozen=True)
class MotionFields:
    session: Session
    kind: str
    title: str
    text: str = ""
    roll_call: bool = False


def _check(access: Access, fields: MotionFields) -> None:
    require_same_congress(access.congress, fields.session)
    if fields.kind not in Motion.Kind.values:
        raise BusinessError("Loại nội dung không hợp lệ.", field="kind")
    if not fields.title.strip():
        raise BusinessError("Vui lòng nhập nội dung biểu quyết.", field="title")


def _lock(access: Access, motion: Motion) -> Motion:
    require(can_run_votes(access), ONLY_PRESIDIUM)
    locked = (
        Motion.objects.select_for_update(no_key=True)
        .filter(pk=motion.pk, congress=access.congress)
        .first()
    )
    if locked is None:
        raise BusinessError("Nội dung biểu quyết này không còn.")
    return locked


def _require_draft(motion: Motion) -> None:
    if not motion.is_draft:
        raise BusinessError(
            "Biểu quyết đã mở thì không sửa, không xóa được: kết quả là chính thức và được lưu trữ."
        )


@transaction.atomic
def motion_create(*, access: Access, fields: MotionFields) -> Motion:
    require(can_run_votes(access), ONLY_PRESIDIUM)
    _check(access, fields)
    motion = Motion(
        congress=access.congress,
        session=fields.session,
        session_title=fields.session.title,
        kind=fields.kind,
        title=fields.title.strip(),
        text=fields.text.strip(),
        roll_call=fields.roll_call,
        created_by=access.user,
    )
    motion.save()
    record(
        access,
        VotingAction.MOTION_CREATED,
        motion,
        data={"session": motion.session_title, "roll_call": motion.roll_call},
    )
    return motion


@transaction.atomic
def motion_update(
    *, access: Access, motion: Motion, fields: MotionFields, expected_version: int | None = None
) -> Motion:
    """Only a motion not yet opened; locks its row."""
    motion = _lock(access, motion)
    _require_draft(motion)
    check_version(motion, expected_version, "Nội dung biểu quyết")
    _check(access, fields)
    before = snapshot(motion, MOTION_FIELDS)
    motion.session = fields.session
    motion.session_title = fields.session.title
    motion.kind = fields.kind
    motion.title = fields.title.strip()
    motion.text = fields.text.strip()
    motion.roll_call = fields.roll_call
    motion.save()
    record(access, VotingAction.MOTION_UPDATED, motion, changes=changes_since(motion, before))
    return motion


@transaction.atomic
def motion_delete(*, access: Access, motion: Motion) -> None:
    """Only a motion not yet opened: an opened one is part of the record."""
    motion = _lock(access, motion)
    _require_draft(motion)
    record(access, VotingAction.MOTION_DELETED, motion, data={"title": motion.title})
    motion.delete()


@transaction.atomic
def motion_open(*, access: Access, motion: Motion) -> Motion:
    """Opens the vote; at most one motion of a congress is open at a time (a partial unique
    index says so)."""
    motion = _lock(access, motion)
    if motion.is_open:
        return motion
    _require_draft(motion)
    if motion.session is None:
        raise BusinessError("Phiên của nội dung này đã bị xóa khỏi chương trình; chọn phiên khác.")
    motion.state = Motion.State.OPEN
    motion.opened_at = timezone.now()
    try:
        with transaction.atomic():
            motion.save(update_fields=["state", "opened_at"])
    except IntegrityError:
        raise BusinessError(ONE_OPEN_AT_A_TIME) from None
    record(access, VotingAction.MOTION_OPENED, motion)
    return motion


def passes(yes: int, summoned: int) -> bool:
    """The rule: a motion passes when more than half of the delegates summoned to the session
    (not only of those present or of those who voted) vote yes."""
    return 2 * yes > summoned


@transaction.atomic
def motion_close(*, access: Access, motion: Motion) -> Motion:
    """Closes the vote and freezes its result: the counters, how many delegates were summoned
    and present at that moment, and whether it passed. Locks the motion's row, so votes still
    in flight either commit before it or are refused after it."""
    motion = _lock(access, motion)
    if motion.is_closed:
        return motion
    if not motion.is_open:
        raise BusinessError("Biểu quyết chưa mở nên chưa kết thúc được.")
    session = motion.session
    if session is not None:
        motion.summoned_count = attendance.summoned(session).count()
        motion.present_count = attendance.present(session).count()
        motion.session_title = session.title
    else:
        motion.summoned_count = motion.present_count = motion.voted_count
    motion.passed = passes(motion.yes_count, motion.summoned_count)
    motion.state = Motion.State.CLOSED
    motion.closed_at = timezone.now()
    motion.save()
    record(
        access,
        VotingAction.MOTION_CLOSED,
        motion,
        data={
            "yes": motion.yes_count,
            "no": motion.no_count,
            "abstain": motion.abstain_count,
            "summoned": motion.summoned_count,
            "present": motion.present_count,
            "passed": motion.passed,
        },
    )
    return motion


def vote_cast(*, access: Access, motion: Motion, choice: str) -> None:
    """The access's own delegate votes on an open motion of their congress, once, when present
    at its session (summoned and checked in).

    A secret motion keeps only that the delegate voted (a participation row, no time) and one
    more on a counter; an open motion also keeps the choice under the delegate's name and
    writes it to the audit trail.

    Cheap because 1,500 delegates vote within a minute: one read (presence) before the writes,
    and the writes themselves decide the rest. A second vote is refused by the unique
    constraint on the participation row, a vote after the close by the counter's
    `UPDATE … WHERE state = 'open'` (the motion passed in may be older than the close); either
    rolls the vote back whole."""
    delegate_id = access.delegate_id
    if delegate_id is None:
        raise PermissionDenied(ONLY_DELEGATES)
    require_same_congress(access.congress, motion)
    if choice not in Choice.values:
        raise BusinessError(INVALID_CHOICE)
    state: str | None = motion.state
    if state == Motion.State.DRAFT:  # it may have been opened since `motion` was read
        state = Motion.objects.filter(pk=motion.pk).values_list("state", flat=True).first()
    if state != Motion.State.OPEN:  # a closed motion never opens again
        raise BusinessError(NOT_OPEN_YET if state == Motion.State.DRAFT else CLOSED)
    if motion.session is None or not (
        attendance.present(motion.session).filter(pk=delegate_id).exists()
    ):
        raise BusinessError(NOT_PRESENT)
    try:
        with transaction.atomic():
            Participation.objects.create(motion=motion, delegate_id=delegate_id)
            if motion.roll_call:
                RollCallVote.objects.create(motion=motion, delegate_id=delegate_id, choice=choice)
                record(
                    access,
                    VotingAction.ROLL_CALL_VOTE,
                    motion,
                    data={"delegate_id": delegate_id, "choice": choice},
                )
            counter = f"{choice}_count"
            counted = Motion.objects.filter(pk=motion.pk, state=Motion.State.OPEN).update(
                **{counter: F(counter) + 1}
            )
            if not counted:
                raise BusinessError(CLOSED)
    except IntegrityError:
        raise BusinessError(ALREADY_VOTED) from None
