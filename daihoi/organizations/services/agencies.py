"""The congress's registry of agencies (cơ quan, đơn vị) and its issuing offices (cơ quan ban
hành): each change locks nothing but the rows it writes and records one audit entry."""

from dataclasses import asdict, dataclass

from django.db import transaction

from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress
from daihoi.core.text import fold
from daihoi.core.versioning import check_version

from ..models import Agency, AgencyAction, Committee, Congress
from ..permissions import Access

MANAGERS_ONLY = "Chỉ Thường trực / Văn phòng mới được quản lý danh mục cơ quan, đơn vị."


@dataclass(frozen=True)
class AgencyFields:
    name: str
    short_name: str = ""
    code: str = ""
    parent: Agency | None = None
    is_finance: bool = False


@dataclass(frozen=True)
class IssuerFields:
    """An issuing office: its header (name under its parent's), its code and its layout; a
    Tiểu ban issuing its own papers names the committee."""

    name: str
    code: str
    layout: str
    short_name: str = ""
    parent: Agency | None = None
    committee: Committee | None = None


AGENCY_FIELDS = list(AgencyFields.__dataclass_fields__)
ISSUER_FIELDS = list(IssuerFields.__dataclass_fields__)


def others_than(agency: Agency | None, queryset):
    """The queryset without `agency` (when it is saved)."""
    return queryset.exclude(pk=agency.pk) if agency is not None and agency.pk else queryset


def check_parent(agency: Agency | None, parent: Agency | None) -> None:
    """Refuses a parent that is the agency itself or one of its descendants (a cycle)."""
    if agency is None or agency.pk is None or parent is None:
        return
    parent_of = dict(
        Agency.objects.filter(congress_id=agency.congress_id).values_list("pk", "parent_id")
    )
    seen = set()
    current: int | None = parent.pk
    while current is not None and current not in seen:
        if current == agency.pk:
            raise BusinessError(
                f"Không thể đặt “{parent.name}” làm cơ quan cấp trên của “{agency.name}”: "
                "như vậy hai cơ quan là cấp trên của nhau.",
                field="parent",
            )
        seen.add(current)
        current = parent_of.get(current)


def check_name_free(congress: Congress, name: str, agency: Agency | None = None) -> None:
    """Two agencies of one congress never share a name (folded: diacritics and case ignored)."""
    others = others_than(agency, Agency.objects.filter(congress=congress))
    wanted = fold(name)
    for other in others.only("name"):
        if fold(other.name) == wanted:
            raise BusinessError(
                f"Đã có cơ quan, đơn vị “{other.name}” trong Đại hội này; hãy dùng tên khác "
                "hoặc gộp hai cơ quan.",
                field="name",
            )


def _check_issuer(congress: Congress, fields: IssuerFields, agency: Agency | None) -> None:
    if not fields.code.strip():
        raise BusinessError("Cơ quan ban hành phải có ký hiệu trên văn bản.", field="code")
    if fields.layout not in Congress.Rules.values:
        raise BusinessError("Hãy chọn thể thức văn bản Đảng hoặc hành chính.", field="layout")
    clash = others_than(
        agency,
        Agency.objects.filter(congress=congress, is_issuer=True, code__iexact=fields.code.strip()),
    ).first()
    if clash is not None:
        raise BusinessError(
            f"Ký hiệu {fields.code.strip().upper()} đã là của {clash.name}.", field="code"
        )
    if fields.committee is not None:
        bound = others_than(agency, Agency.objects.filter(committee=fields.committee)).first()
        if bound is not None:
            raise BusinessError(
                f"{fields.committee.name} đã ban hành văn bản với tư cách “{bound.name}”.",
                field="committee",
            )


def _apply(agency: Agency, values: dict) -> None:
    for name, value in values.items():
        setattr(agency, name, value.strip() if isinstance(value, str) else value)
    agency.code = agency.code.upper()


@transaction.atomic
def agency_create(*, access: Access, fields: AgencyFields) -> Agency:
    require(access.can_manage, MANAGERS_ONLY)
    require_same_congress(access.congress, fields.parent)
    check_name_free(access.congress, fields.name)
    agency = Agency(congress=access.congress, layout=access.congress.document_rules)
    _apply(agency, asdict(fields))
    agency.save()
    record(access, AgencyAction.CREATED, agency)
    return agency


@transaction.atomic
def agency_update(
    *, access: Access, agency: Agency, fields: AgencyFields, expected_version: int | None = None
) -> Agency:
    require(access.can_manage, MANAGERS_ONLY)
    require_same_congress(access.congress, agency, fields.parent)
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    check_version(agency, expected_version, "Cơ quan, đơn vị")
    check_parent(agency, fields.parent)
    check_name_free(access.congress, fields.name, agency)
    before = snapshot(agency, AGENCY_FIELDS)
    _apply(agency, asdict(fields))
    agency.save()
    record(access, AgencyAction.UPDATED, agency, changes=changes_since(agency, before))
    return agency


@transaction.atomic
def issuer_save(
    *,
    access: Access,
    fields: IssuerFields,
    agency: Agency | None = None,
    expected_version: int | None = None,
) -> Agency:
    """Creates an issuing office, or makes an agency one (its code, layout and header)."""
    require(access.can_manage, MANAGERS_ONLY)
    require_same_congress(access.congress, agency, fields.parent, fields.committee)
    if agency is not None:
        agency = Agency.objects.select_for_update().get(pk=agency.pk)
        check_version(agency, expected_version, "Cơ quan ban hành")
    check_parent(agency, fields.parent)
    check_name_free(access.congress, fields.name, agency)
    _check_issuer(access.congress, fields, agency)
    target = agency or Agency(congress=access.congress, layout=fields.layout)
    before = snapshot(target, [*ISSUER_FIELDS, "is_issuer"]) if agency else {}
    _apply(target, asdict(fields))
    target.is_issuer = True
    target.save()
    record(access, AgencyAction.ISSUER_SAVED, target, changes=changes_since(target, before))
    return target
