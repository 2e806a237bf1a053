"""factory_boy factories and a small world of records for tests (never used in production)."""

import datetime as dt
from types import SimpleNamespace

import factory

from daihoi.accounts.models import Role, User
from daihoi.delegates.models import Delegate, Delegation
from daihoi.organizations.models import (
    Agency,
    Committee,
    Congress,
    Membership,
    Participation,
    Person,
)
from daihoi.planning.models import Area, Phase, Plan, Task, TaskAssignment

PASSWORD = "mat-khau-thu-nghiem"


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Cán bộ {n}")
    password = factory.django.Password(PASSWORD)


class CongressFactory(factory.django.DjangoModelFactory[Congress]):
    class Meta:
        model = Congress

    name = "Đại hội đại biểu Đảng bộ tỉnh Kon Tum"
    organization = "Đảng bộ tỉnh Kon Tum"
    level = Congress.Level.PROVINCE
    ordinal = 15
    term_start = 2020
    term_end = 2025
    opening_date = dt.date(2020, 10, 14)
    place_name = "Kon Tum"


class AgencyFactory(factory.django.DjangoModelFactory[Agency]):
    class Meta:
        model = Agency

    congress = factory.SubFactory(CongressFactory)
    name = factory.Sequence(lambda n: f"Cơ quan số {n}")


class TaskFactory(factory.django.DjangoModelFactory[Task]):
    """A task with its lead assignment row; use services in tests of behaviour."""

    class Meta:
        model = Task
        skip_postgeneration_save = True

    congress = factory.SelfAttribute("lead_agency.congress")
    lead_agency = factory.SubFactory(AgencyFactory)
    title = factory.Sequence(lambda n: f"Nhiệm vụ thử số {n}")
    area = Area.PROPAGANDA
    phase = Phase.BEFORE

    @factory.post_generation
    def lead_assignment(self: Task, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            TaskAssignment.objects.create(
                task=self,
                agency=self.lead_agency,
                role=TaskAssignment.Role.LEAD,
                accepted=self.accepted,
                cancelled=self.cancelled,
                deadline=self.deadline,
                key_item=self.key_item,
            )


def build_world(with_delegate: bool = False) -> SimpleNamespace:
    """The shared small world. `with_delegate`: a delegate of the roster with an account
    (`world.delegate`, user "daibieu", `world.users["delegate"]`), as the permission matrix
    needs; off by default so that tests counting the roster count only their own delegates."""
    congress = CongressFactory.create()
    agency = {
        "vptu": Agency.objects.create(
            congress=congress,
            name="Văn phòng Tỉnh ủy",
            short_name="VPTU",
            code="VPTU",
            is_issuer=True,
        ),
        "btg": Agency.objects.create(
            congress=congress,
            name="Ban Tuyên giáo Tỉnh ủy",
            short_name="BTGTU",
            code="BTGTU",
            is_issuer=True,
        ),
        "stc": Agency.objects.create(
            congress=congress, name="Sở Tài chính", short_name="STC", is_finance=True
        ),
        "svh": Agency.objects.create(
            congress=congress, name="Sở Văn hóa, Thể thao và Du lịch", short_name="SVHTTDL"
        ),
        "ca": Agency.objects.create(congress=congress, name="Công an tỉnh", short_name="CA"),
    }
    chair = Person.objects.create(
        congress=congress,
        full_name="Nguyễn Hữu Hải",
        titles="Phó Chủ tịch Thường trực UBND tỉnh, Trưởng Tiểu ban",
    )
    committee = Committee.objects.create(
        congress=congress,
        kind=Committee.Kind.SERVICE,
        name="Tiểu ban Tổ chức phục vụ Đại hội",
        functions="Tham mưu tổ chức phục vụ Đại hội.",
        duties="Xây dựng kế hoạch phục vụ\nBảo đảm cơ sở vật chất",
    )
    Membership.objects.create(committee=committee, person=chair, role=Membership.Role.HEAD)
    admin = UserFactory.create(username="quantri", is_superuser=True, is_staff=True)
    users = {}
    for key, role, agency_key in [
        ("secretariat", Role.SECRETARIAT, "vptu"),
        ("leader", Role.COMMITTEE_LEADER, None),
        ("officer", Role.AGENCY_OFFICER, "btg"),
        ("officer2", Role.AGENCY_OFFICER, "stc"),
        ("member", Role.MEMBER, None),
        ("editor", Role.EDITOR, None),
    ]:
        user = UserFactory.create(username=key)
        Participation.objects.create(
            user=user,
            congress=congress,
            role=role,
            agency=agency[agency_key] if agency_key else None,
            person=chair if key == "leader" else None,
        )
        users[key] = user
    delegation = delegate = None
    if with_delegate:
        delegation, delegate = _world_delegate(congress, users)
    other = CongressFactory.create(
        name="Đại hội đại biểu Đảng bộ tỉnh Hải Dương",
        organization="Đảng bộ tỉnh Hải Dương",
        ordinal=17,
        place_name="Hải Dương",
    )
    other_agency = Agency.objects.create(congress=other, name="Sở Tài chính")
    outsider = UserFactory.create(username="tinhkhac")
    Participation.objects.create(
        user=outsider, congress=other, role=Role.AGENCY_OFFICER, agency=other_agency
    )
    users["outsider"] = outsider
    plan = Plan.objects.create(
        congress=congress,
        number=6,
        issuer_code="TU",
        issued_on=dt.date(2020, 3, 2),
        subject="Kế hoạch tuyên truyền Đại hội",
        committee=committee,
    )
    return SimpleNamespace(
        congress=congress,
        agencies=agency,
        committee=committee,
        chair=chair,
        admin=admin,
        users=users,
        other=other,
        other_agency=other_agency,
        plan=plan,
        delegation=delegation,
        delegate=delegate,
    )


def _world_delegate(congress: Congress, users: dict) -> tuple[Delegation, Delegate]:
    """A delegate of the roster with an account: the matrix's "delegate" role."""
    delegation = Delegation.objects.create(
        congress=congress, name="Đoàn Đảng bộ Khối cơ quan và doanh nghiệp tỉnh", order=1
    )
    delegate = Delegate.objects.create(
        congress=congress,
        delegation=delegation,
        kind=Delegate.Kind.OFFICIAL,
        full_name="A Thị Liên",
        name_key="a thi lien",
        gender=Delegate.Gender.FEMALE,
        birth_year=1978,
        ethnicity="Xơ Đăng",
    )
    users["delegate"] = UserFactory.create(username="daibieu", full_name=delegate.full_name)
    Participation.objects.create(
        user=users["delegate"], congress=congress, role=Role.DELEGATE, delegate=delegate
    )
    return delegation, delegate
