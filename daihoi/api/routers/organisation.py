"""People, committees and their memberships: every role of the congress reads them, as the
pages do; the secretariat adds and edits them through the pages' forms and services. An
agency's leader in charge and focal officers: named by the secretariat, or by the agency's own
officer for their agency."""

from django.db.models import Prefetch
from django.http import HttpRequest
from ninja import Router, Schema, Status

from daihoi.organizations.forms import (
    CommitteeForm,
    LeaderForm,
    MemberDutiesForm,
    MembershipForm,
    PersonForm,
)
from daihoi.organizations.models import Agency, Committee, Membership, Person
from daihoi.organizations.permissions import (
    access_agency_leadership,
    access_committee,
    access_membership,
    access_person,
    can_manage_committees,
    can_manage_people,
    committee_members,
)
from daihoi.organizations.services import committees as committee_services
from daihoi.organizations.services import leaders as leader_services
from daihoi.organizations.services import people as people_services

from ..common import (
    access,
    answers,
    form_data,
    gate,
    listed,
    removal,
    removed,
    valid,
    versioned_put,
    write,
    write_versioned,
)

router = Router(tags=["Tổ chức: cán bộ, tiểu ban"])


ONLY_MANAGERS_PEOPLE = "Chỉ Thường trực / Văn phòng mới được thêm, sửa cán bộ."
ONLY_MANAGERS_COMMITTEES = "Chỉ Thường trực / Văn phòng mới được thiết lập tiểu ban và thành viên."


class PersonOut(Schema):
    id: int
    full_name: str
    titles: str
    agency_id: int | None
    version: int


class MembershipOut(Schema):
    id: int
    person: PersonOut
    role: str
    duties: str
    areas: list[str]
    supervised_agency_ids: list[int]

    @staticmethod
    def resolve_supervised_agency_ids(membership) -> list[int]:
        return [a.pk for a in membership.supervised_agencies.all()]


class CommitteeOut(Schema):
    id: int
    kind: str
    name: str
    parent_id: int | None
    functions: str
    duties: str
    founding_document_id: int | None
    version: int
    memberships: list[MembershipOut]


class PersonIn(Schema):
    full_name: str
    titles: str | None = None
    agency: int | None = None


class PersonUpdateIn(PersonIn):
    version: int | None = None


class CommitteeIn(Schema):
    """`kind` as in the page's "Loại"; `duties` one a line."""

    kind: str
    name: str
    parent: int | None = None
    functions: str | None = None
    duties: str | None = None


class CommitteeUpdateIn(CommitteeIn):
    version: int | None = None


class MemberDutiesIn(Schema):
    """A member's role (`head`, `deputy`, `member`…), duties (one a line), areas and the
    agencies they follow."""

    role: str
    duties: str | None = None
    areas: list[str] | None = None
    supervised_agencies: list[int] | None = None


class MembershipIn(MemberDutiesIn):
    person: int


@listed(router, "/{congress_id}/people/", PersonOut, "Cán bộ", page_size=100)
def person_list(request: HttpRequest, congress_id: int):
    return Person.objects.filter(congress=access(request, congress_id).congress)


@router.get("/{congress_id}/people/{person_id}/", response=answers(PersonOut), summary="Một cán bộ")
def person_detail(request: HttpRequest, congress_id: int, person_id: int) -> Person:
    return access_person(access(request, congress_id), person_id)


@listed(
    router, "/{congress_id}/committees/", CommitteeOut, "Tiểu ban, tổ giúp việc, với thành viên"
)
def committee_list(request: HttpRequest, congress_id: int):
    return Committee.objects.filter(
        congress=access(request, congress_id).congress
    ).prefetch_related(committee_members())


@router.get(
    "/{congress_id}/committees/{committee_id}/",
    response=answers(CommitteeOut),
    summary="Một tiểu ban, với thành viên",
)
def committee_detail(request: HttpRequest, congress_id: int, committee_id: int) -> Committee:
    return access_committee(access(request, congress_id), committee_id)


# Writes: the secretariat -------------------------------------------------------------------


@router.post("/{congress_id}/people/", response=answers(PersonOut, 201), summary="Thêm cán bộ")
def person_create(request: HttpRequest, congress_id: int, payload: PersonIn) -> Status:
    acting = access(request, congress_id)
    gate(can_manage_people(acting), ONLY_MANAGERS_PEOPLE)
    form = valid(PersonForm(form_data(payload), congress=acting.congress))
    person = write(request, lambda: people_services.person_create(access=acting, **form.edited()))
    return Status(201, access_person(acting, person.pk))


@versioned_put(router, "/{congress_id}/people/{person_id}/", PersonOut, "Sửa cán bộ")
def person_update(
    request: HttpRequest, congress_id: int, person_id: int, payload: PersonUpdateIn
) -> Person:
    acting = access(request, congress_id)
    person = access_person(acting, person_id)
    gate(can_manage_people(acting), ONLY_MANAGERS_PEOPLE)
    form = valid(PersonForm(form_data(payload), congress=acting.congress))
    write_versioned(
        request,
        people_services.person_update,
        payload.version,
        access=acting,
        person=person,
        **form.edited(),
    )
    return access_person(acting, person_id)


@router.post(
    "/{congress_id}/committees/",
    response=answers(CommitteeOut, 201),
    summary="Thành lập tiểu ban, tổ giúp việc",
)
def committee_create(request: HttpRequest, congress_id: int, payload: CommitteeIn) -> Status:
    acting = access(request, congress_id)
    gate(can_manage_committees(acting), ONLY_MANAGERS_COMMITTEES)
    form = valid(CommitteeForm(form_data(payload), congress=acting.congress))
    committee = write(
        request,
        lambda: committee_services.committee_create(access=acting, fields=form.committee_fields()),
    )
    return Status(201, access_committee(acting, committee.pk))


@versioned_put(router, "/{congress_id}/committees/{committee_id}/", CommitteeOut, "Sửa tiểu ban")
def committee_update(
    request: HttpRequest, congress_id: int, committee_id: int, payload: CommitteeUpdateIn
) -> Committee:
    acting = access(request, congress_id)
    committee = access_committee(acting, committee_id)
    gate(can_manage_committees(acting), ONLY_MANAGERS_COMMITTEES)
    form = valid(CommitteeForm(form_data(payload), congress=acting.congress, committee=committee))
    write_versioned(
        request,
        committee_services.committee_update,
        payload.version,
        access=acting,
        committee=committee,
        fields=form.committee_fields(),
    )
    return access_committee(acting, committee_id)


def _membership(acting, committee: Committee, membership_id: int) -> Membership:
    found = access_membership(acting, committee, membership_id)
    return (
        Membership.objects.select_related("person")
        .prefetch_related("supervised_agencies")
        .get(pk=found.pk)
    )


@router.post(
    "/{congress_id}/committees/{committee_id}/members/",
    response=answers(MembershipOut, 201),
    summary="Thêm thành viên tiểu ban",
)
def membership_add(
    request: HttpRequest, congress_id: int, committee_id: int, payload: MembershipIn
) -> Status:
    acting = access(request, congress_id)
    committee = access_committee(acting, committee_id)
    gate(can_manage_committees(acting), ONLY_MANAGERS_COMMITTEES)
    form = valid(MembershipForm(form_data(payload), congress=acting.congress))
    membership = write(
        request,
        lambda: committee_services.membership_add(
            access=acting,
            committee=committee,
            person=form.cleaned_data["person"],
            duties=form.member_duties(),
        ),
    )
    return Status(201, _membership(acting, committee, membership.pk))


@router.get(
    "/{congress_id}/committees/{committee_id}/members/{membership_id}/",
    response=answers(MembershipOut),
    summary="Một thành viên tiểu ban",
)
def membership_detail(
    request: HttpRequest, congress_id: int, committee_id: int, membership_id: int
) -> Membership:
    acting = access(request, congress_id)
    return _membership(acting, access_committee(acting, committee_id), membership_id)


@router.put(
    "/{congress_id}/committees/{committee_id}/members/{membership_id}/",
    response=answers(MembershipOut),
    summary="Sửa vai trò và phân công của thành viên",
)
def membership_update(
    request: HttpRequest,
    congress_id: int,
    committee_id: int,
    membership_id: int,
    payload: MemberDutiesIn,
) -> Membership:
    acting = access(request, congress_id)
    committee = access_committee(acting, committee_id)
    membership = access_membership(acting, committee, membership_id)
    gate(can_manage_committees(acting), ONLY_MANAGERS_COMMITTEES)
    form = valid(MemberDutiesForm(form_data(payload), congress=acting.congress))
    write(
        request,
        lambda: committee_services.membership_update(
            access=acting, membership=membership, duties=form.member_duties()
        ),
    )
    return _membership(acting, committee, membership_id)


@removal(
    router,
    "/{congress_id}/committees/{committee_id}/members/{membership_id}/",
    "Rút thành viên khỏi tiểu ban",
)
def membership_remove(
    request: HttpRequest, congress_id: int, committee_id: int, membership_id: int
) -> Status:
    acting = access(request, congress_id)
    committee = access_committee(acting, committee_id)
    membership = access_membership(acting, committee, membership_id)
    gate(can_manage_committees(acting), ONLY_MANAGERS_COMMITTEES)
    return removed(
        request,
        lambda: committee_services.membership_remove(access=acting, membership=membership),
    )


# An agency's leader in charge and focal officers -------------------------------------------

ONLY_MANAGERS_LEADERS = "Chỉ Thường trực / Văn phòng mới xem được danh sách này."


class LeadershipOut(Schema):
    """An agency with the leader who directly supervises its congress work and its focal
    officers (people of the agency)."""

    agency_id: int
    agency_name: str
    leader: PersonOut | None
    focal_people: list[PersonOut]

    @staticmethod
    def resolve_agency_id(agency: Agency) -> int:
        return agency.pk

    @staticmethod
    def resolve_agency_name(agency: Agency) -> str:
        return agency.name

    @staticmethod
    def resolve_leader(agency: Agency) -> Person | None:
        return agency.leader_in_charge


class LeadershipIn(Schema):
    """`leader`: one of the agency's people; or a leader not yet listed, added to the agency
    (`new_leader_name`, `new_leader_titles`) — not both. `focal_people`: the agency's people."""

    leader: int | None = None
    new_leader_name: str | None = None
    new_leader_titles: str | None = None
    focal_people: list[int] | None = None


def _with_leadership(agencies):
    return agencies.select_related("leader_in_charge").prefetch_related(
        Prefetch("focal_people", queryset=Person.objects.order_by("full_name"))
    )


@listed(
    router,
    "/{congress_id}/leaders/",
    LeadershipOut,
    "Lãnh đạo phụ trách và cán bộ đầu mối của các cơ quan",
    description='Như trang "Lãnh đạo phụ trách"; `missing=true` chỉ liệt kê các cơ quan chưa '
    "có lãnh đạo phụ trách.",
    page_size=100,
)
def leadership_list(request: HttpRequest, congress_id: int, missing: bool = False):
    acting = access(request, congress_id)
    gate(acting.can_manage, ONLY_MANAGERS_LEADERS)
    agencies = _with_leadership(Agency.objects.filter(congress=acting.congress))
    return agencies.filter(leader_in_charge__isnull=True) if missing else agencies


def _leadership(acting, agency_id: int) -> Agency:
    found = access_agency_leadership(acting, agency_id)
    return _with_leadership(Agency.objects.all()).get(pk=found.pk)


@router.get(
    "/{congress_id}/leaders/{agency_id}/",
    response=answers(LeadershipOut),
    summary="Lãnh đạo phụ trách và cán bộ đầu mối của một cơ quan",
)
def leadership_detail(request: HttpRequest, congress_id: int, agency_id: int) -> Agency:
    return _leadership(access(request, congress_id), agency_id)


@router.put(
    "/{congress_id}/leaders/{agency_id}/",
    response=answers(LeadershipOut),
    summary="Phân công lãnh đạo phụ trách và cán bộ đầu mối",
    description="Thường trực / Văn phòng, hoặc chính cơ quan đó cho cơ quan mình.",
)
def leadership_update(
    request: HttpRequest, congress_id: int, agency_id: int, payload: LeadershipIn
) -> Agency:
    acting = access(request, congress_id)
    agency = access_agency_leadership(acting, agency_id)
    form = valid(LeaderForm(form_data(payload), congress=acting.congress, agency=agency))
    data = form.cleaned_data
    write(
        request,
        lambda: leader_services.agency_name_leader(
            access=acting,
            agency=agency,
            leader=data["leader"],
            focal_people=data["focal_people"],
            new_leader=leader_services.NewLeader(
                data["new_leader_name"], data["new_leader_titles"]
            ),
        ),
    )
    return _leadership(acting, agency_id)
