"""People, committees and their memberships (every role of the congress reads them, as the
pages do)."""

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import CursorPagination, paginate

from daihoi.organizations.models import Committee, Person
from daihoi.organizations.permissions import access_committee, access_person, committee_members

from ..common import access, answers

router = Router(tags=["Tổ chức: cán bộ, tiểu ban"])


class PersonOut(Schema):
    id: int
    full_name: str
    titles: str
    agency_id: int | None


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
    memberships: list[MembershipOut]

    @staticmethod
    def resolve_memberships(committee: Committee) -> list:
        return list(committee.memberships.all())


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
