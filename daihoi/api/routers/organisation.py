"""People, committees and their memberships: every role of the congress reads them, as the
pages do; the secretariat adds and edits them through the pages' forms and services."""

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import CursorPagination, paginate

from daihoi.organizations.forms import (
    CommitteeForm,
    MemberDutiesForm,
    MembershipForm,
    PersonForm,
)
from daihoi.organizations.models import Committee, Membership, Person
from daihoi.organizations.permissions import (
    access_committee,
    access_membership,
    access_person,
    can_manage_committees,
    can_manage_people,
    committee_members,
)
from daihoi.organizations.services import committees as committee_services
from daihoi.organizations.services import people as people_services

from ..common import (
    ERRORS,
    access,
    answers,
    form_data,
    gate,
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

    @staticmethod
    def resolve_memberships(committee: Committee) -> list:
        return list(committee.memberships.all())


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


@router.get("/{congress_id}/people/", response=answers(list[PersonOut]), summary="Cán bộ")
@paginate(CursorPagination, ordering=("id",), page_size=100)
def person_list(request: HttpRequest, congress_id: int):
    return Person.objects.filter(congress=access(request, congress_id).congress)


@router.get("/{congress_id}/people/{person_id}/", response=answers(PersonOut), summary="Một cán bộ")
def person_detail(request: HttpRequest, congress_id: int, person_id: int) -> Person:
    return access_person(access(request, congress_id), person_id)


@router.get(
    "/{congress_id}/committees/",
    response=answers(list[CommitteeOut]),
    summary="Tiểu ban, tổ giúp việc, với thành viên",
)
@paginate(CursorPagination, ordering=("id",), page_size=50)
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


@router.delete(
    "/{congress_id}/committees/{committee_id}/members/{membership_id}/",
    response={204: None, **ERRORS},
    summary="Rút thành viên khỏi tiểu ban",
)
def membership_remove(
    request: HttpRequest, congress_id: int, committee_id: int, membership_id: int
) -> Status:
    acting = access(request, congress_id)
    committee = access_committee(acting, committee_id)
    membership = access_membership(acting, committee, membership_id)
    gate(can_manage_committees(acting), ONLY_MANAGERS_COMMITTEES)
    write(
        request,
        lambda: committee_services.membership_remove(access=acting, membership=membership),
    )
    return Status(204, None)
