"""A session with delegates summoned and checked in, and motions, built through the services."""

from daihoi.delegates.models import Delegate
from daihoi.delegates.services.checkin import check_in_by_name
from daihoi.delegates.tests.helpers import make_delegate, make_delegation
from daihoi.organizations.permissions import Access
from daihoi.programme.models import Session
from daihoi.programme.tests.helpers import opening_session, secretariat

from .. import services
from ..models import Motion

DELEGATE = "delegate"
NAMES = ["A Tuấn", "Y Hoa", "Rơ Châm Lin", "Nguyễn Văn Minh", "Trần Thị Ngân", "A Thư"]


def presidium(world) -> Access:
    return secretariat(world)


def delegates(world, count: int = 5, delegation_name: str = "Đoàn Đảng bộ huyện Đắk Hà") -> list:
    access = secretariat(world)
    delegation = make_delegation(access, name=delegation_name)
    return [
        make_delegate(
            access,
            delegation,
            full_name=f"{NAMES[n % len(NAMES)]} {n + 1}",
            phone=f"09051234{n:02d}",
        )
        for n in range(count)
    ]


def check_in(world, session: Session, *people: Delegate) -> None:
    gate = session.checkin_session
    for delegate in people:
        check_in_by_name(access=secretariat(world), session=gate, delegate=delegate)


def voter(world, delegate: Delegate) -> Access:
    """The delegate's own access (their account)."""
    return Access(world.users["member"], world.congress, DELEGATE, delegate_id=delegate.pk)


def motion(
    world,
    session: Session | None = None,
    *,
    roll_call: bool = False,
    title: str = "Thông qua Chương trình làm việc của Đại hội",
    opened: bool = False,
) -> Motion:
    session = session or opening_session(world)
    created = services.motion_create(
        access=presidium(world),
        fields=services.MotionFields(
            session=session, kind=Motion.Kind.PROGRAMME, title=title, roll_call=roll_call
        ),
    )
    if opened:
        created = services.motion_open(access=presidium(world), motion=created)
    return created
