"""Kon Tum's votes on the congress floor, through the voting services: at the opening session,
where all but two official delegates have checked in at the gate, the working programme was
adopted by a secret vote and the working rules by an open (roll-call) one, both closed; the
number of the new Executive Committee's members waits, not yet opened, for the election
session.

Idempotent: nothing is created when the congress already has a motion.
"""

from typing import TYPE_CHECKING

from daihoi.delegates.services.checkin import check_in_by_name
from daihoi.organizations.permissions import Access
from daihoi.programme.models import Session
from daihoi.voting import attendance, services
from daihoi.voting.models import Motion

if TYPE_CHECKING:
    from .loader import _CongressLoader

# Every n-th present delegate votes no, every m-th abstains, the rest yes.
NO_EVERY, ABSTAIN_EVERY = 17, 23


def _choice(position: int) -> str:
    if position % NO_EVERY == NO_EVERY - 1:
        return "no"
    if position % ABSTAIN_EVERY == ABSTAIN_EVERY - 1:
        return "abstain"
    return "yes"


def _arrive(loader: "_CongressLoader", session: Session, absent: int) -> None:
    """The summoned delegates check in at the gate for the session, all but `absent`."""
    gate = session.checkin_session
    summoned = list(attendance.summoned(session).order_by("pk"))
    for delegate in summoned[: len(summoned) - absent]:
        check_in_by_name(access=loader.secretariat, session=gate, delegate=delegate)


def _vote_all(loader: "_CongressLoader", motion: Motion, session: Session, skip: int) -> None:
    """Each present delegate votes, but the last `skip`, who are in the hall and do not press."""
    present = list(attendance.present(session).order_by("pk"))
    user = loader.secretariat.user
    for position, delegate in enumerate(present[: len(present) - skip]):
        voter = Access(user, loader.congress, "delegate", delegate_id=delegate.pk)
        services.vote_cast(access=voter, motion=motion, choice=_choice(position))


def load_voting(loader: "_CongressLoader") -> int:
    """Creates Kon Tum's motions when missing; returns how many were created."""
    congress = loader.congress
    if loader.spec["key"] != "kontum" or Motion.objects.filter(congress=congress).exists():
        return 0
    opening = Session.objects.filter(congress=congress, kind=Session.Kind.OPENING).first()
    election = Session.objects.filter(congress=congress, title="Phiên bầu cử").first()
    if opening is None:
        return 0
    access = loader.secretariat
    _arrive(loader, opening, absent=2)
    created = 0
    for kind, title, text, roll_call, skip in [
        (
            Motion.Kind.PROGRAMME,
            "Thông qua Chương trình làm việc của Đại hội",
            "Chương trình làm việc gồm phiên trù bị và ba phiên chính thức trong hai ngày, như "
            "bản chương trình đã gửi đại biểu.",
            False,
            2,
        ),
        (
            Motion.Kind.RULES,
            "Thông qua Quy chế làm việc của Đại hội",
            "Quy chế làm việc của Đại hội gồm 5 chương, 24 điều, đã gửi đại biểu nghiên cứu.",
            True,
            0,
        ),
    ]:
        motion = services.motion_create(
            access=access,
            fields=services.MotionFields(
                session=opening, kind=kind, title=title, text=text, roll_call=roll_call
            ),
        )
        services.motion_open(access=access, motion=motion)
        _vote_all(loader, motion, opening, skip)
        services.motion_close(access=access, motion=motion)
        created += 1
    if election is not None:
        services.motion_create(
            access=access,
            fields=services.MotionFields(
                session=election,
                kind=Motion.Kind.COUNT,
                title="Số lượng Ban Chấp hành Đảng bộ tỉnh khóa XVI",
                text="Đoàn Chủ tịch đề nghị Ban Chấp hành khóa mới gồm 51 đồng chí.",
            ),
        )
        created += 1
    return created
