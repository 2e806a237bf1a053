"""Named groups of agencies ("các sở, ban, ngành", "các huyện ủy, thành ủy") that forms offer
beside the agencies themselves (`organizations.forms.AgenciesOrGroupsField`)."""

from collections.abc import Sequence

from django.db import transaction

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress
from daihoi.core.text import fold
from daihoi.core.versioning import check_version

from ..models import Agency, AgencyGroup, AgencyGroupAction
from ..permissions import Access
from .agencies import MANAGERS_ONLY


def _check(access: Access, name: str, agencies: Sequence[Agency], group: AgencyGroup | None):
    if not name.strip():
        raise BusinessError("Nhóm phải có tên.", field="name")
    if not agencies:
        raise BusinessError("Hãy chọn ít nhất một cơ quan, đơn vị cho nhóm.", field="agencies")
    require_same_congress(access.congress, *agencies)
    others = AgencyGroup.objects.filter(congress=access.congress)
    if group is not None:
        others = others.exclude(pk=group.pk)
    if any(fold(g.name) == fold(name) for g in others.only("name")):
        raise BusinessError(f"Đã có nhóm “{name.strip()}” trong Đại hội này.", field="name")


def _names(agencies) -> list[str]:
    return sorted(a.name for a in agencies)


@transaction.atomic
def group_create(*, access: Access, name: str, agencies: Sequence[Agency]) -> AgencyGroup:
    require(access.can_manage, MANAGERS_ONLY)
    _check(access, name, agencies, None)
    group = AgencyGroup.objects.create(congress=access.congress, name=name.strip())
    group.agencies.set(agencies)
    record(access, AgencyGroupAction.CREATED, group, data={"agencies": _names(agencies)})
    return group


@transaction.atomic
def group_update(
    *,
    access: Access,
    group: AgencyGroup,
    name: str,
    agencies: Sequence[Agency],
    expected_version: int | None = None,
) -> AgencyGroup:
    require(access.can_manage, MANAGERS_ONLY)
    require_same_congress(access.congress, group)
    group = AgencyGroup.objects.select_for_update().get(pk=group.pk)
    check_version(group, expected_version, "Nhóm cơ quan, đơn vị")
    _check(access, name, agencies, group)
    before = _names(group.agencies.all())
    old_name = group.name
    group.name = name.strip()
    group.save(update_fields=["name", "version"])
    group.agencies.set(agencies)
    after = _names(agencies)
    changes = [["Tên nhóm", old_name, group.name]] if old_name != group.name else []
    if before != after:
        changes.append(["Cơ quan, đơn vị", ", ".join(before), ", ".join(after)])
    record(access, AgencyGroupAction.UPDATED, group, changes=changes)
    return group


@transaction.atomic
def group_delete(*, access: Access, group: AgencyGroup) -> None:
    """Deletes the group only: the tasks, invitations and requests made through it were written
    per agency and stay."""
    require(access.can_manage, MANAGERS_ONLY)
    require_same_congress(access.congress, group)
    record(
        access, AgencyGroupAction.DELETED, group, data={"agencies": _names(group.agencies.all())}
    )
    group.delete()
