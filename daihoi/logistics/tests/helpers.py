"""Shared pieces of the logistics tests: accesses, a whole PNG, a readiness item."""

import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.accounts.models import Role
from daihoi.organizations.permissions import Access

from .. import services
from ..models import ReadinessArea


def png_bytes(width: int = 2, height: int = 2) -> bytes:
    """A whole, valid PNG (grey pixels), as a camera's photo would be in kind."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def png_upload(name: str = "anh.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), "image/png")


def accesses(world) -> dict[str, Access]:
    users = world.users
    return {
        "secretariat": Access(users["secretariat"], world.congress, Role.SECRETARIAT),
        # The leader is the chair of the service subcommittee in the test world.
        "leader": Access(
            users["leader"], world.congress, Role.COMMITTEE_LEADER, person_id=world.chair.pk
        ),
        "member": Access(users["member"], world.congress, Role.MEMBER),
        "svh": Access(
            users["officer"], world.congress, Role.AGENCY_OFFICER, world.agencies["svh"].pk
        ),
        "btg": Access(
            users["officer"], world.congress, Role.AGENCY_OFFICER, world.agencies["btg"].pk
        ),
    }


def readiness_item(world, *, title: str = "Trang trí hội trường, treo cờ Đảng, cờ Tổ quốc"):
    return services.readiness_item_create(
        access=accesses(world)["secretariat"],
        fields=services.ItemFields(
            area=ReadinessArea.HALL, title=title, agency=world.agencies["btg"]
        ),
    )


def roster(world, *people: tuple[str, str, str]):
    """Delegates (name, gender, delegation name) on the world's congress, through the roster's
    services; the congress runs from 14/10/2020 to 16/10/2020 (nights 13, 14 and 15/10)."""
    import datetime as dt

    from daihoi.delegates.tests.helpers import make_delegate, make_delegation
    from daihoi.organizations.models import Congress

    Congress.objects.filter(pk=world.congress.pk).update(closing_date=dt.date(2020, 10, 16))
    world.congress.refresh_from_db()
    staff = accesses(world)["secretariat"]
    made = []
    for n, (name, gender, delegation) in enumerate(people):
        made.append(
            make_delegate(
                staff,
                make_delegation(staff, delegation),
                full_name=name,
                gender=gender,
                birth_year=1960 + n,
            )
        )
    return made


def hotel_with_rooms(world, rooms: str = "101-102", capacity: int = 2, gender_rule: str = "any"):
    staff = accesses(world)["secretariat"]
    hotel = services.hotel_save(access=staff, name="Khách sạn Đăk Bla", address="Kon Tum")
    services.rooms_create(
        access=staff, hotel=hotel, numbers=rooms, capacity=capacity, gender_rule=gender_rule
    )
    return hotel


def hall_with_blocks(world, *blocks: tuple[str, int, int]):
    """A hall with blocks (name, rows, seats per row), in order from the left."""
    staff = accesses(world)["secretariat"]
    hall = services.hall_save(access=staff, name="Hội trường Trung tâm Hội nghị tỉnh")
    for order, (name, rows, seats) in enumerate(blocks, start=1):
        services.block_save(
            access=staff, hall=hall, name=name, order=order, rows=rows, seats_per_row=seats
        )
    return hall
