"""Congresses the token's owner works in, and their agencies."""

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import CursorPagination, paginate

from daihoi.organizations.models import Agency, Congress
from daihoi.organizations.permissions import access_agency, congresses_for

from ..auth import user_of
from ..common import access, answers

router = Router(tags=["Đại hội, cơ quan"])


class CongressOut(Schema):
    id: int
    name: str
    organization: str
    level: str
    ordinal: int
    term_start: int
    term_end: int
    opening_date: dt.date | None
    closing_date: dt.date | None
    venue: str
    is_active: bool


class CongressDetail(CongressOut):
    role: str
    agency_id: int | None


class AgencyOut(Schema):
    id: int
    name: str
    short_name: str
    code: str
    parent_id: int | None
    is_finance: bool
    is_issuer: bool


@router.get("/", response=answers(list[CongressOut]), summary="Các Đại hội của tôi")
@paginate(CursorPagination, ordering=("id",), page_size=50)
def congress_list(request: HttpRequest):
    return congresses_for(user_of(request)).distinct()


@router.get("/{congress_id}/", response=answers(CongressDetail), summary="Một Đại hội")
def congress_detail(request: HttpRequest, congress_id: int) -> dict:
    acting = access(request, congress_id)
    congress: Congress = acting.congress
    return {
        **CongressOut.from_orm(congress).model_dump(),
        "role": acting.role,
        "agency_id": acting.agency_id,
    }


@router.get(
    "/{congress_id}/agencies/", response=answers(list[AgencyOut]), summary="Cơ quan, đơn vị"
)
@paginate(CursorPagination, ordering=("id",), page_size=100)
def agency_list(request: HttpRequest, congress_id: int):
    acting = access(request, congress_id)
    return Agency.objects.filter(congress=acting.congress)


@router.get(
    "/{congress_id}/agencies/{agency_id}/", response=answers(AgencyOut), summary="Một cơ quan"
)
def agency_detail(request: HttpRequest, congress_id: int, agency_id: int) -> Agency:
    return access_agency(access(request, congress_id), agency_id)
