"""A congress created and described in the app by its secretariat, no Django admin needed.

The opening and closing days of an existing congress move through planning's
`congress_reschedule`, which moves every deadline set relative to the opening day with them; the
details here never touch those days.
"""

import datetime as dt
from dataclasses import asdict, dataclass

from django.db import transaction

from daihoi.accounts.models import Role, User
from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.versioning import check_version

from ..models import Congress, CongressAction, Participation
from ..permissions import Access, can_create_congress


@dataclass(frozen=True)
class CongressDetails:
    """What the secretariat writes about its congress (the dates apart)."""

    name: str
    organization: str
    level: str
    ordinal: int
    term_start: int
    term_end: int
    venue: str = ""
    place_name: str = ""
    document_rules: str = Congress.Rules.PARTY


DETAIL_FIELDS = list(CongressDetails.__dataclass_fields__)


def _check(details: CongressDetails) -> None:
    if details.term_end <= details.term_start:
        raise BusinessError("Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.", field="term_end")
    if details.ordinal < 1:
        raise BusinessError("Lần thứ phải từ 1 trở lên.", field="ordinal")


@transaction.atomic
def congress_create(
    *,
    user: User,
    details: CongressDetails,
    opening_date: dt.date | None = None,
    closing_date: dt.date | None = None,
) -> Congress:
    """A new congress; its creator becomes its secretariat (Thường trực / Văn phòng)."""
    require(can_create_congress(user), "Chỉ Thường trực / Văn phòng mới được tạo Đại hội mới.")
    _check(details)
    if opening_date and closing_date and closing_date < opening_date:
        raise BusinessError("Ngày bế mạc không được trước ngày khai mạc.", field="closing_date")
    congress = Congress.objects.create(
        **asdict(details), opening_date=opening_date, closing_date=closing_date
    )
    Participation.objects.create(user=user, congress=congress, role=Role.SECRETARIAT)
    record(Access(user, congress, Role.SECRETARIAT), CongressAction.CREATED, congress)
    return congress


@transaction.atomic
def congress_update(
    *, access: Access, details: CongressDetails, expected_version: int | None = None
) -> Congress:
    """The congress's details; locks its row (first in the lock order)."""
    require(access.can_manage, "Chỉ Thường trực / Văn phòng mới được sửa thông tin Đại hội.")
    _check(details)
    congress = Congress.objects.select_for_update().get(pk=access.congress.pk)
    check_version(congress, expected_version, "Thông tin Đại hội")
    before = snapshot(congress, DETAIL_FIELDS)
    for name, value in asdict(details).items():
        setattr(congress, name, value)
    congress.save(update_fields=[*DETAIL_FIELDS, "version"])
    record(access, CongressAction.UPDATED, congress, changes=changes_since(congress, before))
    return congress
