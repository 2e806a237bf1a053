"""The propaganda register and press output built through the services, for the tests of this
app and the permission matrix."""

import datetime as dt
from decimal import Decimal

from daihoi.accounts.models import Role
from daihoi.core.dates import today as local_today
from daihoi.organizations.models import Committee, Membership
from daihoi.organizations.permissions import Access
from daihoi.testing.photos import jpeg_upload

from .. import services
from ..models import ArtEvent, ItemKind, MediaPiece, Outlet, Route, Slogan, VisualItem

# Quang Trung street in Kon Tum, roughly, from west to east.
ROUTE_PATH = [[14.3545, 107.9990], [14.3530, 108.0050], [14.3512, 108.0120]]


def secretariat(world) -> Access:
    return Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)


def leader(world) -> Access:
    """The leader's person (the chair) sits on the propaganda subcommittee once
    `propaganda_committee` ran."""
    return Access(
        world.users["leader"], world.congress, Role.COMMITTEE_LEADER, None, world.chair.pk
    )


def member(world) -> Access:
    return Access(world.users["member"], world.congress, Role.MEMBER)


def officer(world, key: str = "btg") -> Access:
    users = {"btg": "officer", "stc": "officer2"}
    return Access(
        world.users[users[key]], world.congress, Role.AGENCY_OFFICER, world.agencies[key].pk
    )


def in_days(days: int) -> dt.date:
    return local_today() + dt.timedelta(days=days)


def propaganda_committee(world) -> Committee:
    """Tiểu ban Tuyên truyền with the chair (the leader's person) as a member."""
    committee, _ = Committee.objects.get_or_create(
        congress=world.congress,
        kind=Committee.Kind.PROPAGANDA,
        defaults={"name": "Tiểu ban Tuyên truyền Đại hội"},
    )
    Membership.objects.get_or_create(
        committee=committee, person=world.chair, defaults={"role": Membership.Role.MEMBER}
    )
    return committee


def make_slogan(world, text: str = "Nhiệt liệt chào mừng Đại hội Đảng bộ tỉnh") -> Slogan:
    return services.slogan_create(access=secretariat(world), text=text, source="Hướng dẫn")


def make_route(world, name: str = "Đường Trần Phú", path=None) -> Route:
    return services.route_create(
        access=secretariat(world),
        name=name,
        locality="Phường Quyết Thắng",
        path=ROUTE_PATH if path is None else path,
    )


def item_fields(world, route: Route, slogan: Slogan | None, **changes) -> services.ItemFields:
    values = {
        "kind": ItemKind.PANEL,
        "route": route,
        "location": "Ngã tư Trần Phú – Lê Hồng Phong",
        "agency": world.agencies["btg"],
        "install_on": in_days(5),
        "remove_on": in_days(40),
        "quantity": 2,
        "slogan": slogan,
        "latitude": Decimal("14.353000"),
        "longitude": Decimal("108.005000"),
    }
    return services.ItemFields(**(values | changes))


def make_item(world, route=None, slogan=None, **changes) -> VisualItem:
    route = route or make_route(world)
    slogan = slogan or make_slogan(world)
    return services.item_create(
        access=secretariat(world), fields=item_fields(world, route, slogan, **changes)
    )


def propaganda_objects(world) -> dict:
    """One of everything, for the permission matrix: Ban Tuyên giáo (officer) carries out the
    item; the leader sits on the propaganda subcommittee; member and officer2 only read."""
    propaganda_committee(world)
    access = secretariat(world)
    item = make_item(world)
    photo = services.item_add_photo(
        access=access,
        item=item,
        upload=jpeg_upload(
            taken_at=dt.datetime(2020, 9, 20, 8, 0), latitude=14.353, longitude=108.005
        ),
    )
    outlet = services.outlet_create(access=access, name="Báo Kon Tum", kind=Outlet.Kind.NEWSPAPER)
    column = services.column_create(
        access=access, outlet=outlet, kind="column", name="Hướng tới Đại hội Đảng"
    )
    piece = services.piece_create(
        access=access,
        fields=services.PieceFields(
            outlet=outlet,
            column=column,
            kind=MediaPiece.Kind.ARTICLE,
            title="Kon Tum sẵn sàng cho ngày hội lớn",
            planned_on=in_days(-3),
            published_on=in_days(-2),
        ),
    )
    event = services.event_create(
        access=access,
        fields=services.EventFields(
            kind=ArtEvent.Kind.EXHIBITION,
            title="Triển lãm ảnh thành tựu nhiệm kỳ",
            venue="Nhà văn hóa tỉnh",
            starts_on=in_days(10),
            ends_on=in_days(14),
        ),
    )
    return {
        "slogan_id": item.slogan_id,
        "route_id": item.route_id,
        "visual_id": item.pk,
        "proof_id": photo.pk,
        "outlet_id": outlet.pk,
        "column_id": column.pk,
        "piece_id": piece.pk,
        "event_id": event.pk,
    }
