"""A tree around the test world: the national congress above Kon Tum (the world's congress)
and Hải Dương (its sibling), a district below Kon Tum, and a user of the parent and one of
the sibling."""

import datetime as dt
from types import SimpleNamespace
from typing import Any

from daihoi.accounts.models import Role
from daihoi.organizations.models import Agency, Congress, Participation
from daihoi.organizations.permissions import ADMIN, Access
from daihoi.testing.factories import CongressFactory, UserFactory

from .. import services


def build_tree(world: SimpleNamespace) -> dict[str, Any]:
    national = CongressFactory.create(
        name="Đại hội đại biểu toàn quốc",
        organization="Đảng Cộng sản Việt Nam",
        level=Congress.Level.NATIONAL,
        ordinal=13,
        term_start=2021,
        term_end=2026,
        opening_date=dt.date(2021, 1, 25),
        place_name="Hà Nội",
    )
    admin = Access(world.admin, national, ADMIN)
    services.congress_set_parent(access=admin, congress=world.congress, parent=national)
    services.congress_set_parent(access=admin, congress=world.other, parent=national)
    world.congress.refresh_from_db()
    world.other.refresh_from_db()
    for key, congress in [("parent", national), ("sibling", world.other)]:
        user = UserFactory.create(username=f"levels-{key}")
        Participation.objects.create(user=user, congress=congress, role=Role.SECRETARIAT)
        world.users[key] = user
    secretariat = Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)
    district = services.subordinate_create(
        access=secretariat,
        fields=services.SubordinateFields(
            name="Đại hội đại biểu Đảng bộ huyện Đắk Hà",
            organization="Đảng bộ huyện Đắk Hà",
            level=Congress.Level.DISTRICT,
            ordinal=18,
            term_start=2020,
            term_end=2025,
            planned_date=dt.date(2020, 7, 15),
        ),
    )
    Agency.objects.create(congress=district, name="Văn phòng Huyện ủy", is_issuer=True)
    deadline = services.level_deadline_set(
        access=secretariat, level=Congress.Level.DISTRICT, deadline=dt.date(2020, 8, 31)
    )
    world.national, world.district = national, district
    return {"child_id": district.pk, "deadline_id": deadline.pk}


def guidance_objects(world: SimpleNamespace) -> dict[str, Any]:
    """A guidance of the world's congress sent to its district, and one of the national
    congress received by the world's congress (after `build_tree`)."""
    from daihoi.planning.models import Area

    secretariat = Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)
    national = Access(world.users["parent"], world.national, Role.SECRETARIAT)
    Agency.objects.create(congress=world.national, name="Văn phòng Trung ương Đảng", is_issuer=True)
    found: dict[str, Any] = {}
    for access, to, key in [
        (secretariat, world.district, "guidance"),
        (national, world.congress, "received"),
    ]:
        guidance = services.guidance_create(
            access=access, kind="guidance", title="Hướng dẫn tuyên truyền Đại hội"
        )
        item = services.guidance_item_add(
            access=access,
            guidance=guidance,
            fields=services.ItemFields(title="Treo băng rôn chào mừng", area=Area.PROPAGANDA),
        )
        send = services.guidance_send(access=access, guidance=guidance, congress_ids=[to.pk])
        services.deliver(send.pk)
        if key == "guidance":
            found |= {"guidance_id": guidance.pk, "guidance_item_id": item.pk, "send_id": send.pk}
        else:
            found["recipient_id"] = send.recipients.get().pk
    return found


def report_objects(world: SimpleNamespace) -> dict[str, Any]:
    """A report request of the national congress to the world's congress (after
    `guidance_objects`, which gave the national congress its office)."""
    from daihoi.core.dates import today

    national = Access(world.users["parent"], world.national, Role.SECRETARIAT)
    request = services.report_request_send(
        access=national,
        title="Báo cáo số liệu đảng viên",
        deadline=today() + dt.timedelta(days=10),
        congress_ids=[world.congress.pk],
        columns=[{"label": "Số đảng viên", "kind": "number"}],
    )
    return {"report_recipient_id": request.congress_recipients.get().pk}
