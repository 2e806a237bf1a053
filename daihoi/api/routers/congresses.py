"""Congresses the token's owner works in, and their agencies; the secretariat's set-up
("Thiết lập") of them: the congress's details, its agencies (add, edit, merge a duplicate) and
its named groups of agencies, with the pages' forms, services and messages. Other roles are
refused as on the pages (403); another congress's objects are 404."""

import datetime as dt

from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status

from daihoi.organizations.forms import (
    AgencyForm,
    AgencyGroupForm,
    AgencyMergeForm,
    CongressCreateForm,
    CongressForm,
    IssuerForm,
)
from daihoi.organizations.models import Agency, AgencyGroup, Congress
from daihoi.organizations.permissions import (
    Access,
    access_agency,
    access_agency_group,
    congresses_for,
)
from daihoi.organizations.permissions import can_create_congress as may_create_congress
from daihoi.organizations.services import agencies as agency_services
from daihoi.organizations.services import congresses, groups, merging

from ..auth import user_of
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
)

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


@listed(router, "/", CongressOut, "Các Đại hội của tôi")
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


@listed(router, "/{congress_id}/agencies/", AgencyOut, "Cơ quan, đơn vị", page_size=100)
def agency_list(request: HttpRequest, congress_id: int):
    acting = access(request, congress_id)
    return Agency.objects.filter(congress=acting.congress)


@router.get(
    "/{congress_id}/agencies/{agency_id}/", response=answers(AgencyOut), summary="Một cơ quan"
)
def agency_detail(request: HttpRequest, congress_id: int, agency_id: int) -> Agency:
    return access_agency(access(request, congress_id), agency_id)


# Set-up: the secretariat's -----------------------------------------------------------------

# The pages' refusal (organizations.views.setup).
MANAGERS_ONLY = "Chỉ Thường trực / Văn phòng mới được thiết lập Đại hội."


def manager(request: HttpRequest, congress_id: int) -> Access:
    """The caller's access when they run the congress's set-up; 404 outside it, else 403."""
    acting = access(request, congress_id)
    gate(acting.can_manage, MANAGERS_ONLY)
    return acting


class CongressIn(Schema):
    """The page's "Sửa thông tin Đại hội": `level` (`national`, `province`, `district`,
    `grassroots`) and `document_rules` (`party`, `state`) as its choices."""

    name: str
    organization: str
    level: str
    ordinal: int
    term_start: int
    term_end: int
    document_rules: str
    venue: str | None = None
    place_name: str | None = None
    version: int | None = None


class AgencyIn(Schema):
    name: str
    short_name: str | None = None
    code: str | None = None
    parent: int | None = None
    is_finance: bool | None = None


class AgencyUpdateIn(AgencyIn):
    version: int | None = None


class AgencyMergeIn(Schema):
    """The agency that stays: everything of the duplicate moves to it, the duplicate goes."""

    target: int


class AgencyGroupOut(Schema):
    id: int
    name: str
    agency_ids: list[int]
    version: int

    @staticmethod
    def resolve_agency_ids(group: AgencyGroup) -> list[int]:
        return [a.pk for a in group.agencies.all()]


class AgencyGroupIn(Schema):
    name: str
    agencies: list[int]


class AgencyGroupUpdateIn(AgencyGroupIn):
    version: int | None = None


# The congress ------------------------------------------------------------------------------


class CongressCreateIn(CongressIn):
    """A new congress; the caller becomes its secretariat (Thường trực / Văn phòng)."""

    opening_date: dt.date | None = None
    closing_date: dt.date | None = None


@router.post("/", response=answers(CongressDetail, 201), summary="Tạo Đại hội mới")
def congress_create(request: HttpRequest, payload: CongressCreateIn) -> Status:
    user = user_of(request)
    gate(may_create_congress(user), "Chỉ Thường trực / Văn phòng mới được tạo Đại hội mới.")
    form = valid(CongressCreateForm(form_data(payload)))
    data = form.cleaned_data
    details = congresses.CongressDetails(**{k: data[k] for k in congresses.DETAIL_FIELDS})
    congress = write(
        request,
        lambda: congresses.congress_create(
            user=user,
            details=details,
            opening_date=data["opening_date"],
            closing_date=data["closing_date"],
        ),
    )
    return Status(201, congress_detail(request, congress.pk))


@versioned_put(router, "/{congress_id}/", CongressDetail, "Sửa thông tin Đại hội")
def congress_update(request: HttpRequest, congress_id: int, payload: CongressIn) -> dict:
    acting = manager(request, congress_id)
    # As the page: the form validates its own copy, never the access's congress.
    form = valid(
        CongressForm(form_data(payload), instance=Congress.objects.get(pk=acting.congress.pk))
    )
    data = form.cleaned_data
    details = congresses.CongressDetails(**{k: data[k] for k in congresses.DETAIL_FIELDS})
    write(
        request,
        lambda: congresses.congress_update(
            access=acting, details=details, expected_version=payload.version
        ),
    )
    return congress_detail(request, congress_id)


# Agencies ----------------------------------------------------------------------------------


def _agency_form(acting: Access, payload: AgencyIn, agency: Agency | None) -> AgencyForm:
    form = AgencyForm(form_data(payload), congress=acting.congress)
    parents = form.choice_field("parent")
    if agency is not None and parents.queryset is not None:
        parents.queryset = parents.queryset.exclude(pk=agency.pk)
    return valid(form)


def _agency_fields(form: AgencyForm) -> agency_services.AgencyFields:
    data = form.cleaned_data
    return agency_services.AgencyFields(**{k: data[k] for k in agency_services.AGENCY_FIELDS})


@router.post(
    "/{congress_id}/agencies/", response=answers(AgencyOut, 201), summary="Thêm cơ quan, đơn vị"
)
def agency_create(request: HttpRequest, congress_id: int, payload: AgencyIn) -> Status:
    acting = manager(request, congress_id)
    fields = _agency_fields(_agency_form(acting, payload, None))
    agency = write(request, lambda: agency_services.agency_create(access=acting, fields=fields))
    return Status(201, access_agency(acting, agency.pk))


@versioned_put(router, "/{congress_id}/agencies/{agency_id}/", AgencyOut, "Sửa cơ quan, đơn vị")
def agency_update(
    request: HttpRequest, congress_id: int, agency_id: int, payload: AgencyUpdateIn
) -> Agency:
    acting = manager(request, congress_id)
    agency = access_agency(acting, agency_id)
    fields = _agency_fields(_agency_form(acting, payload, agency))
    write(
        request,
        lambda: agency_services.agency_update(
            access=acting, agency=agency, fields=fields, expected_version=payload.version
        ),
    )
    return access_agency(acting, agency_id)


@router.post(
    "/{congress_id}/agencies/{agency_id}/merge/",
    response=answers(AgencyOut),
    summary="Gộp cơ quan trùng vào một cơ quan khác",
    description="Mọi nhiệm vụ, báo cáo, giấy mời, văn bản… của cơ quan trùng chuyển sang "
    "cơ quan `target`; cơ quan trùng bị xóa. Trả về cơ quan được giữ lại.",
)
def agency_merge(
    request: HttpRequest, congress_id: int, agency_id: int, payload: AgencyMergeIn
) -> Agency:
    acting = manager(request, congress_id)
    source = access_agency(acting, agency_id)
    form = valid(AgencyMergeForm(form_data(payload), congress=acting.congress))
    target = form.cleaned_data["target"]
    write(request, lambda: merging.agency_merge(access=acting, source=source, target=target))
    return access_agency(acting, target.pk)


# Agency groups -----------------------------------------------------------------------------


def _group(acting: Access, group_id: int) -> AgencyGroup:
    found = access_agency_group(acting, group_id)
    return AgencyGroup.objects.prefetch_related("agencies").get(pk=found.pk)


@listed(
    router, "/{congress_id}/agency-groups/", AgencyGroupOut, "Nhóm cơ quan, đơn vị", page_size=100
)
def agency_group_list(request: HttpRequest, congress_id: int):
    acting = manager(request, congress_id)
    return AgencyGroup.objects.filter(congress=acting.congress).prefetch_related("agencies")


@router.get(
    "/{congress_id}/agency-groups/{group_id}/",
    response=answers(AgencyGroupOut),
    summary="Một nhóm cơ quan, đơn vị",
)
def agency_group_detail(request: HttpRequest, congress_id: int, group_id: int) -> AgencyGroup:
    return _group(manager(request, congress_id), group_id)


def _group_form(acting: Access, payload: AgencyGroupIn) -> AgencyGroupForm:
    return valid(AgencyGroupForm(form_data(payload), congress=acting.congress))


@router.post(
    "/{congress_id}/agency-groups/",
    response=answers(AgencyGroupOut, 201),
    summary="Thêm nhóm cơ quan, đơn vị",
)
def agency_group_create(request: HttpRequest, congress_id: int, payload: AgencyGroupIn) -> Status:
    acting = manager(request, congress_id)
    data = _group_form(acting, payload).cleaned_data
    group = write(
        request,
        lambda: groups.group_create(
            access=acting, name=data["name"], agencies=list(data["agencies"])
        ),
    )
    return Status(201, _group(acting, group.pk))


@versioned_put(
    router, "/{congress_id}/agency-groups/{group_id}/", AgencyGroupOut, "Sửa nhóm cơ quan, đơn vị"
)
def agency_group_update(
    request: HttpRequest, congress_id: int, group_id: int, payload: AgencyGroupUpdateIn
) -> AgencyGroup:
    acting = manager(request, congress_id)
    group = access_agency_group(acting, group_id)
    data = _group_form(acting, payload).cleaned_data
    write(
        request,
        lambda: groups.group_update(
            access=acting,
            group=group,
            name=data["name"],
            agencies=list(data["agencies"]),
            expected_version=payload.version,
        ),
    )
    return _group(acting, group_id)


@removal(
    router,
    "/{congress_id}/agency-groups/{group_id}/",
    "Xóa nhóm cơ quan, đơn vị",
    description="Chỉ xóa nhóm: nhiệm vụ, giấy mời đã giao theo nhóm vẫn giữ cho từng cơ quan.",
)
def agency_group_delete(request: HttpRequest, congress_id: int, group_id: int) -> Status:
    acting = manager(request, congress_id)
    group = access_agency_group(acting, group_id)
    return removed(request, lambda: groups.group_delete(access=acting, group=group))


# Issuing offices ---------------------------------------------------------------------------


class IssuerOut(Schema):
    id: int
    name: str
    short_name: str
    code: str
    layout: str
    parent_id: int | None
    committee_id: int | None
    version: int


class IssuerIn(Schema):
    """`layout`: `party` or `state`; `committee` when a Tiểu ban issues under its own name."""

    name: str
    code: str
    layout: str
    short_name: str | None = None
    parent: int | None = None
    committee: int | None = None


class IssuerUpdateIn(IssuerIn):
    version: int | None = None


def _issuer_fields(acting: Access, payload: IssuerIn, agency: Agency | None):
    form = IssuerForm(form_data(payload), congress=acting.congress)
    parents = form.choice_field("parent")
    if agency is not None and parents.queryset is not None:
        parents.queryset = parents.queryset.exclude(pk=agency.pk)
    data = valid(form).cleaned_data
    return agency_services.IssuerFields(**{k: data[k] for k in agency_services.ISSUER_FIELDS})


@listed(router, "/{congress_id}/issuers/", IssuerOut, "Cơ quan ban hành", page_size=100)
def issuer_list(request: HttpRequest, congress_id: int):
    return Agency.objects.filter(congress=manager(request, congress_id).congress, is_issuer=True)


@router.post(
    "/{congress_id}/issuers/", response=answers(IssuerOut, 201), summary="Thêm cơ quan ban hành"
)
def issuer_create(request: HttpRequest, congress_id: int, payload: IssuerIn) -> Status:
    acting = manager(request, congress_id)
    fields = _issuer_fields(acting, payload, None)
    issuer = write(request, lambda: agency_services.issuer_save(access=acting, fields=fields))
    return Status(201, access_agency(acting, issuer.pk))


@router.get(
    "/{congress_id}/issuers/{agency_id}/",
    response=answers(IssuerOut),
    summary="Một cơ quan ban hành",
)
def issuer_detail(request: HttpRequest, congress_id: int, agency_id: int) -> Agency:
    agency = access_agency(manager(request, congress_id), agency_id)
    if not agency.is_issuer:
        raise Http404
    return agency


@versioned_put(
    router,
    "/{congress_id}/issuers/{agency_id}/",
    IssuerOut,
    "Sửa cơ quan ban hành (hoặc cho một cơ quan ban hành văn bản)",
)
def issuer_update(
    request: HttpRequest, congress_id: int, agency_id: int, payload: IssuerUpdateIn
) -> Agency:
    acting = manager(request, congress_id)
    agency = access_agency(acting, agency_id)
    fields = _issuer_fields(acting, payload, agency)
    write(
        request,
        lambda: agency_services.issuer_save(
            access=acting, fields=fields, agency=agency, expected_version=payload.version
        ),
    )
    return access_agency(acting, agency_id)
