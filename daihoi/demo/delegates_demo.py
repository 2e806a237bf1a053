"""Kon Tum's delegates: delegations of the province's Party organisations, official delegates,
alternates and guests with the facts a credentials report counts, a replacement by an alternate,
and the gate duty of the subcommittee member who checks delegates in. Idempotent: a congress that
already has delegations is left as it is."""

import datetime as dt
import itertools
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model

from daihoi.accounts.models import Role
from daihoi.delegates.models import BadgeBatch, CongressSession, Delegate, Delegation, Duty
from daihoi.delegates.services.accounts import delegate_accounts_create_all
from daihoi.delegates.services.badges import batch_run
from daihoi.delegates.services.checkin import check_in_by_name, session_create
from daihoi.delegates.services.groups import (
    group_assign,
    group_assign_delegation,
    group_create,
)
from daihoi.delegates.services.roster import (
    DelegateFields,
    delegate_create,
    delegate_replace,
    delegation_create,
)
from daihoi.organizations.models import Participation

if TYPE_CHECKING:
    from .loader import _CongressLoader

DELEGATIONS = [
    ("Đoàn Đảng bộ thành phố Kon Tum", "Thành ủy Kon Tum"),
    ("Đoàn Đảng bộ huyện Đắk Hà", "Huyện ủy Đắk Hà"),
    ("Đoàn Đảng bộ huyện Đắk Tô", "Huyện ủy Đắk Tô"),
    ("Đoàn Đảng bộ huyện Ngọc Hồi", "Huyện ủy Ngọc Hồi"),
    ("Đoàn Đảng bộ huyện Kon Plông", "Huyện ủy Kon Plông"),
    ("Đoàn Đảng bộ huyện Sa Thầy", "Huyện ủy Sa Thầy"),
    ("Đoàn Đảng bộ Khối các cơ quan tỉnh", "Đảng ủy Khối các cơ quan tỉnh"),
    ("Đoàn Đảng bộ Quân sự tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
]
# (full name, gender, ethnicity) — names typical of the province's peoples.
PEOPLE = [
    ("Nguyễn Văn Hùng", "male", "Kinh"),
    ("Y Thị Bích", "female", "Xơ Đăng"),
    ("A Pớt", "male", "Ba Na"),
    ("Trần Thị Mai Hương", "female", "Kinh"),
    ("Rơ Chăm Long", "male", "Gia Rai"),
    ("Lê Đình Thắng", "male", "Kinh"),
    ("Y Khuyên", "female", "Giẻ Triêng"),
    ("Phan Văn Thành", "male", "Kinh"),
    ("A Kiên", "male", "Xơ Đăng"),
    ("Võ Thị Thu Trang", "female", "Kinh"),
    ("Siu Đức", "male", "Gia Rai"),
    ("Đặng Quốc Bảo", "male", "Kinh"),
    ("Y Nhung", "female", "Ba Na"),
    ("Hồ Văn Lực", "male", "Kinh"),
    ("A Dũng", "male", "Giẻ Triêng"),
    ("Nguyễn Thị Kim Oanh", "female", "Kinh"),
    ("Thao Hồng Sơn", "male", "Brâu"),
    ("Đinh Văn Quang", "male", "Kinh"),
    ("Y Mai", "female", "Rơ Măm"),
    ("Bùi Xuân Trường", "male", "Kinh"),
    ("A Hmúi", "male", "Xơ Đăng"),
    ("Lương Thị Hạnh", "female", "Kinh"),
    ("Ksor Y Phơn", "female", "Gia Rai"),
    ("Trương Công Vinh", "male", "Kinh"),
    ("A Tin", "male", "Ba Na"),
    ("Phạm Thị Ngọc Lan", "female", "Kinh"),
    ("Y Hương", "female", "Xơ Đăng"),
    ("Huỳnh Minh Tâm", "male", "Kinh"),
    ("A Blưm", "male", "Giẻ Triêng"),
    ("Đỗ Thị Thanh Thủy", "female", "Kinh"),
    ("Nguyễn Đức Tuy", "male", "Kinh"),
    ("Y Ngọc Liên", "female", "Ba Na"),
]
POSITIONS = [
    ("Bí thư", True),
    ("Phó Bí thư Thường trực", True),
    ("Chủ tịch Ủy ban nhân dân", False),
    ("Trưởng Ban Tổ chức", False),
]
ALTERNATES = [
    ("Lê Thị Thanh Tâm", "female", "Kinh", "Đoàn Đảng bộ thành phố Kon Tum"),
    ("A Sáu", "male", "Xơ Đăng", "Đoàn Đảng bộ huyện Đắk Tô"),
    ("Nguyễn Văn Toàn", "male", "Kinh", "Đoàn Đảng bộ huyện Ngọc Hồi"),
]
GUESTS = [
    ("Hà Văn Sơn", "male", "Nguyên Bí thư Tỉnh ủy"),
    ("Nguyễn Thị Hồng", "female", "Bà mẹ Việt Nam anh hùng, đại diện gia đình chính sách"),
]
LEVELS = itertools.cycle(["master", "university", "university", "doctor", "university", "college"])
THEORY = itertools.cycle(["senior", "senior", "intermediate", "senior", "elementary"])


def load_delegates(loader: "_CongressLoader") -> int:
    if loader.spec["key"] != "kontum":
        return 0
    access = loader.secretariat
    if Delegation.objects.filter(congress=access.congress).exists():
        return 0
    delegations = {
        name: delegation_create(access=access, name=name, order=order)
        for order, (name, _) in enumerate(DELEGATIONS, start=1)
    }
    workplaces = dict(DELEGATIONS)
    created = 0
    people = iter(PEOPLE)
    for d_index, (name, _) in enumerate(DELEGATIONS):
        for p_index, (title, ex_officio) in enumerate(POSITIONS):
            full_name, gender, ethnicity = next(people)
            birth = 1962 + (d_index * 4 + p_index * 3) % 25
            delegate_create(
                access=access,
                fields=DelegateFields(
                    kind=Delegate.Kind.OFFICIAL,
                    full_name=full_name,
                    gender=gender,
                    delegation=delegations[name],
                    birth_year=birth,
                    ethnicity=ethnicity,
                    religion="Công giáo" if (d_index + p_index) % 9 == 4 else "Không",
                    education="12/12",
                    professional_level=next(LEVELS),
                    theory_level=next(THEORY),
                    party_joined_on=dt.date(
                        birth + 21 + p_index, 1 + (d_index * 5) % 12, 3 + p_index
                    ),
                    position=title,
                    workplace=workplaces[name],
                    is_ex_officio=ex_officio,
                    phone=f"0260 38{d_index}{p_index} 1{d_index}{p_index}",
                ),
            )
            created += 1
    alternates = []
    for index, (full_name, gender, ethnicity, delegation) in enumerate(ALTERNATES):
        alternates.append(
            delegate_create(
                access=access,
                fields=DelegateFields(
                    kind=Delegate.Kind.ALTERNATE,
                    full_name=full_name,
                    gender=gender,
                    delegation=delegations[delegation],
                    birth_year=1980 + index * 3,
                    ethnicity=ethnicity,
                    education="12/12",
                    professional_level="university",
                    theory_level="intermediate",
                    party_joined_on=dt.date(2006 + index * 3, 5, 19),
                    position="Phó Bí thư Đảng ủy",
                    workplace=workplaces[delegation],
                ),
            )
        )
        created += 1
    guests = delegations["Đoàn Đảng bộ Khối các cơ quan tỉnh"]
    for full_name, gender, position in GUESTS:
        delegate_create(
            access=access,
            fields=DelegateFields(
                kind=Delegate.Kind.GUEST,
                full_name=full_name,
                gender=gender,
                delegation=guests,
                position=position,
            ),
        )
        created += 1
    # One official delegate moved out of the province before the congress: the first alternate
    # of the city's delegation takes the seat.
    moved = Delegate.objects.get(congress=access.congress, name_key="le dinh thang")
    delegate_replace(
        access=access,
        delegate=moved,
        substitute=alternates[0],
        reason="Được điều động công tác ngoài tỉnh",
        decided_on=loader.today - dt.timedelta(days=3),
    )
    _groups(access, delegations)
    _congress_days(loader, access)
    _accounts(access)
    gate = get_user_model().objects.get(username="thanhvien")
    Duty.objects.get_or_create(congress=access.congress, user=gate, kind=Duty.Kind.GATE)
    return created


def _accounts(access) -> None:
    """Every delegate gets an account; the demo login `daibieu` is the first official delegate
    of the city's delegation (checked in at the preparatory session)."""
    demo_user = get_user_model().objects.get(username="daibieu")
    first = (
        Delegate.objects.filter(
            congress=access.congress, is_active=True, kind=Delegate.Kind.OFFICIAL
        )
        .order_by("delegation__order", "pk")
        .first()
    )
    if first is not None and not Participation.objects.filter(user=demo_user).exists():
        Participation.objects.create(
            user=demo_user, congress=access.congress, role=Role.DELEGATE, delegate=first
        )
        demo_user.full_name = first.full_name
        demo_user.save(update_fields=["full_name"])
    delegate_accounts_create_all(access=access)


def _groups(access, delegations: dict[str, Delegation]) -> None:
    """Two discussion groups of four delegations each, each with its leader, a deputy and a
    secretary from the delegations it holds."""
    names = list(delegations)
    for number, (place, chunk) in enumerate(
        [("Hội trường A, Trung tâm Hội nghị tỉnh", names[:4]), ("Phòng họp số 2", names[4:])],
        start=1,
    ):
        group = group_create(
            access=access, name=f"Tổ thảo luận số {number}", place=place, order=number
        )
        for name in chunk:
            group_assign_delegation(access=access, group=group, delegation=delegations[name])
        members = list(
            Delegate.objects.filter(
                group_membership__group=group, kind=Delegate.Kind.OFFICIAL
            ).order_by("delegation__order", "pk")
        )
        for delegate, role in zip(members, ["leader", "deputy", "secretary"], strict=False):
            group_assign(access=access, group=group, delegate=delegate, role=role)


def _congress_days(loader: "_CongressLoader", access) -> None:
    """The preparatory and opening sessions; everyone's badges printed (the PDF is made here, as
    the worker would); most of the city's and Đắk Hà's delegates already checked in at the
    preparatory session."""
    from django.utils import timezone

    opening = loader.congress.opening_date or loader.today
    sessions = []
    for offset, hour, name in [
        (-1, 14, "Phiên trù bị"),
        (0, 7, "Phiên khai mạc"),
        (1, 7, "Phiên bế mạc"),
    ]:
        when = timezone.make_aware(
            dt.datetime.combine(opening + dt.timedelta(days=offset), dt.time(hour, 30))
        )
        # The programme (loaded first) already made these sittings' check-in sessions.
        made = CongressSession.objects.filter(congress=access.congress, name=name).first()
        sessions.append(made or session_create(access=access, name=name, starts_at=when))
    batch = BadgeBatch.objects.create(
        congress=access.congress,
        total=Delegate.objects.filter(congress=access.congress, is_active=True).count(),
        created_by=access.user,
    )
    batch_run(batch.pk)
    arrived = Delegate.objects.filter(
        congress=access.congress,
        is_active=True,
        kind=Delegate.Kind.OFFICIAL,
        delegation__order__in=[1, 2, 3, 7],
    ).order_by("pk")
    for delegate in list(arrived)[:-2]:
        check_in_by_name(access=access, session=sessions[0], delegate=delegate)
