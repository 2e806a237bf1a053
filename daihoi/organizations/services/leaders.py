"""Each agency's leader in charge of its congress work and its focal officers."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress

from ..models import Agency, AgencyLeaderAction, Person
from ..permissions import Access, can_name_leader

LEADERSHIP_FIELDS = ["leader_in_charge", "focal_people"]


@dataclass
class NewLeader:
    full_name: str
    titles: str = ""


@transaction.atomic
def agency_name_leader(
    *,
    access: Access,
    agency: Agency,
    leader: Person | None,
    focal_people: Iterable[Person] = (),
    new_leader: NewLeader | None = None,
) -> Agency:
    """Names the leader who directly supervises the agency's congress work ("Phân công 1 đồng
    chí lãnh đạo trực tiếp phụ trách") and its focal officers. A leader not yet among the
    congress's people is added as a person of the agency (`new_leader`), in the same action."""
    require(
        can_name_leader(access, agency),
        "Chỉ cơ quan, đơn vị đó hoặc Thường trực / Văn phòng mới được phân công "
        "lãnh đạo phụ trách.",
    )
    focal = list(focal_people)
    require_same_congress(access.congress, leader, *focal)
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    if new_leader is not None and " ".join(new_leader.full_name.split()):
        if leader is not None:
            raise BusinessError(
                "Chọn một lãnh đạo trong danh sách hoặc thêm mới, không cả hai.",
                field="new_leader_name",
            )
        leader = Person.objects.create(
            congress=access.congress,
            full_name=" ".join(new_leader.full_name.split()),
            titles=new_leader.titles.strip(),
            agency=agency,
        )
    if leader is None:
        raise BusinessError("Chọn đồng chí lãnh đạo trực tiếp phụ trách.", field="leader")
    before = snapshot(agency, LEADERSHIP_FIELDS)
    agency.leader_in_charge = leader
    agency.save(update_fields=["leader_in_charge"])
    agency.focal_people.set(focal)
    changes = changes_since(agency, before)
    if changes:
        record(access, AgencyLeaderAction.LEADER_NAMED, agency, changes=changes)
    return agency
