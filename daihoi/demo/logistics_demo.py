"""Logistics of the demo congresses, built through the logistics services: the service
checklist (decoration, flags, security, epidemic prevention, sanitation, the culture programme)
as the articles of Kon Tum, Hải Dương and Bắc Ninh describe it, written in our own words.

Deadlines count days from the opening day. Idempotent: an item is looked up by its title.
"""

import datetime as dt
import struct
import zlib
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.core.exceptions import BusinessError
from daihoi.delegates.models import Delegation
from daihoi.logistics import services
from daihoi.logistics.models import (
    Audience,
    Hall,
    Hotel,
    Meal,
    MealKind,
    ReadinessItem,
    Vehicle,
)
from daihoi.logistics.models import ReadinessArea as A
from daihoi.logistics.models import ReadinessState as S

if TYPE_CHECKING:
    from .loader import _CongressLoader

# (area, title, agency key, days before opening, state, note)
READINESS: dict[str, list[tuple[str, str, str, int, str, str]]] = {
    "kontum": [
        (
            A.HALL,
            "Phông, khẩu hiệu và hoa trang trí hội trường Đại hội",
            "Sở VHTTDL",
            5,
            S.DOING,
            "",
        ),
        (
            A.FLAGS,
            "Cờ Tổ quốc, cờ Đảng, pano trên các tuyến phố chính của thành phố Kon Tum",
            "UBND TP Kon Tum",
            15,
            S.READY,
            "Đã treo xong trên các trục đường trung tâm, vị trí trang nghiêm.",
        ),
        (
            A.FLAGS,
            "Pano, băng rôn tuyên truyền tại trung tâm các huyện",
            "Sở VHTTDL",
            10,
            S.PROBLEM,
            "Hai huyện xa chưa nhận đủ pano; đề nghị Tiểu ban điều chỉnh kinh phí vận chuyển.",
        ),
        (
            A.SECURITY,
            "Phương án bảo vệ an ninh, trật tự khu vực Đại hội",
            "CA tỉnh",
            20,
            S.READY,
            "",
        ),
        (
            A.HEALTH,
            "Tổ y tế trực và phương án phòng, chống dịch tại hội trường",
            "Sở YT",
            7,
            S.DOING,
            "",
        ),
        (
            A.SANITATION,
            "Tổng vệ sinh đường phố, khuôn viên quanh hội trường (xanh, sạch, đẹp)",
            "UBND TP Kon Tum",
            3,
            S.TODO,
            "",
        ),
        (A.CULTURE, "Chương trình văn nghệ chào mừng Đại hội", "Sở VHTTDL", 4, S.DOING, ""),
        (
            A.FACILITIES,
            "Bảo đảm điện liên tục cho hội trường và nơi nghỉ",
            "Điện lực Kon Tum",
            3,
            S.TODO,
            "",
        ),
        (A.BOARD, "Bố trí nơi ăn, nghỉ, xe đưa đón đại biểu", "VPTU", 5, S.DOING, ""),
    ],
    "haiduong": [
        (A.HALL, "Trang trí khánh tiết hội trường và khu triển lãm", "Sở VHTTDL", 5, S.DOING, ""),
        (
            A.SECURITY,
            "Bảo đảm an ninh, trật tự trong những ngày Đại hội",
            "CA tỉnh",
            15,
            S.READY,
            "",
        ),
        (
            A.HEALTH,
            "Phòng, chống dịch Covid-19: khai báo y tế, đo thân nhiệt, khẩu trang tại cửa vào",
            "Sở YT",
            5,
            S.DOING,
            "",
        ),
        (A.FACILITIES, "Hoàn thiện cơ sở vật chất phục vụ Đại hội", "VPTU", 7, S.DOING, ""),
    ],
    "bacninh": [
        (
            A.SECURITY,
            "Phương án bảo đảm an ninh chính trị, trật tự an toàn xã hội",
            "CA tỉnh",
            20,
            S.DOING,
            "",
        ),
        (
            A.FACILITIES,
            "Phương tiện làm việc cho các hoạt động trước, trong và sau Đại hội",
            "VPTU",
            10,
            S.TODO,
            "",
        ),
    ],
}


def proof_png() -> bytes:
    """A small whole PNG standing for a photo taken on site."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\xb0\x30\x30" * 4 for _ in range(3))
    header = struct.pack(">IIBBBBB", 4, 3, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _opening(loader: "_CongressLoader") -> dt.date:
    return loader.congress.opening_date or loader.today + dt.timedelta(days=30)


def load_readiness(loader: "_CongressLoader") -> int:
    """Returns how many checklist items it created."""
    have = set(
        ReadinessItem.objects.filter(congress=loader.congress).values_list("title", flat=True)
    )
    created = 0
    for area, title, agency_key, before, state, note in READINESS.get(loader.spec["key"], []):
        if title in have:
            continue
        item = services.readiness_item_create(
            access=loader.secretariat,
            fields=services.ItemFields(
                area=area,
                title=title,
                agency=loader.agencies[agency_key],
                deadline=_opening(loader) - dt.timedelta(days=before),
            ),
        )
        if state != S.TODO:
            photos = (
                [SimpleUploadedFile("anh-hien-truong.png", proof_png(), "image/png")]
                if state == S.READY
                else []
            )
            services.readiness_item_report(
                access=loader.secretariat, item=item, state=state, note=note, photos=photos
            )
        created += 1
    return created


# (name, address, reception phone, [(rooms, capacity, gender rule)])
HOTELS: dict[str, list[tuple[str, str, str, list[tuple[str, int, str]]]]] = {
    "kontum": [
        (
            "Nhà khách Tỉnh ủy Kon Tum",
            "Trung tâm thành phố Kon Tum",
            "0260 3862 000",
            [("101-112", 2, "male"), ("201-208", 2, "female"), ("301-304", 1, "any")],
        ),
        (
            "Khách sạn ven sông Đăk Bla",
            "Bờ sông Đăk Bla, thành phố Kon Tum",
            "0260 3863 000",
            [("1-20", 2, "any")],
        ),
    ],
    "haiduong": [
        (
            "Nhà khách Tỉnh ủy Hải Dương",
            "Thành phố Hải Dương",
            "0220 3852 000",
            [("101-115", 2, "male"), ("201-210", 2, "female")],
        ),
    ],
}


def load_lodging(loader: "_CongressLoader") -> int:
    """Hotels and rooms; the roster's delegates lodged automatically when the hotels are new."""
    created = 0
    for name, address, phone, blocks in HOTELS.get(loader.spec["key"], []):
        if Hotel.objects.filter(congress=loader.congress, name=name).exists():
            continue
        hotel = services.hotel_save(
            access=loader.secretariat, name=name, address=address, phone=phone
        )
        for numbers, capacity, rule in blocks:
            services.rooms_create(
                access=loader.secretariat,
                hotel=hotel,
                numbers=numbers,
                capacity=capacity,
                gender_rule=rule,
            )
        created += 1
    if created and loader.congress.opening_date:
        created += services.stays_auto_assign(access=loader.secretariat).assigned
    return created


# (plate, kind, seats, driver, phone, agency key, route of the morning trip)
VEHICLES: dict[str, list[tuple[str, str, int, str, str, str, str]]] = {
    "kontum": [
        (
            "82B-005.16",
            "Xe 45 chỗ",
            45,
            "Trần Văn Bình",
            "0914 201 301",
            "Sở GTVT",
            "Nhà khách Tỉnh ủy → Hội trường Đại hội",
        ),
        (
            "82B-007.29",
            "Xe 29 chỗ",
            29,
            "Lê Minh Tuấn",
            "0914 201 302",
            "Sở GTVT",
            "Khách sạn ven sông Đăk Bla → Hội trường Đại hội",
        ),
        (
            "82A-012.45",
            "Xe 16 chỗ",
            15,
            "Phạm Quốc Việt",
            "0914 201 303",
            "VPTU",
            "Nhà khách Tỉnh ủy → Hội trường Đại hội",
        ),
    ],
    "haiduong": [
        (
            "34B-010.11",
            "Xe 45 chỗ",
            45,
            "Vũ Văn Hậu",
            "0904 331 221",
            "VPTU",
            "Nhà khách Tỉnh ủy → Trung tâm Hội nghị tỉnh",
        ),
    ],
}
MEAL_VENUES = {"kontum": "Nhà ăn Tỉnh ủy Kon Tum", "haiduong": "Nhà ăn Tỉnh ủy Hải Dương"}


def load_board(loader: "_CongressLoader") -> int:
    """Lunch and dinner for each day of the congress; vehicles with their morning trip on the
    opening day, filled delegation by delegation while seats remain."""
    key = loader.spec["key"]
    if key not in VEHICLES or loader.congress.opening_date is None:
        return 0
    created = 0
    staff = loader.secretariat
    have = set(Meal.objects.filter(congress=loader.congress).values_list("day", "kind"))
    for day in services.congress_days(loader.congress):
        for kind, audience, extra in (
            (MealKind.LUNCH, Audience.EVERYONE, 40),
            (MealKind.DINNER, Audience.DELEGATES, 15),
        ):
            if (day, kind) not in have:
                services.meal_save(
                    access=staff,
                    day=day,
                    kind=kind,
                    venue=MEAL_VENUES[key],
                    audience=audience,
                    extra=extra,
                    note="Suất thêm cho cán bộ phục vụ, phóng viên",
                )
                created += 1
    plates = set(Vehicle.objects.filter(congress=loader.congress).values_list("plate", flat=True))
    for plate, description, seats, driver, phone, agency, route in VEHICLES[key]:
        if plate in plates:
            continue
        vehicle = services.vehicle_save(
            access=staff,
            plate=plate,
            description=description,
            capacity=seats,
            driver=driver,
            driver_phone=phone,
            agency=loader.agencies.get(agency),
        )
        trip = services.trip_create(
            access=staff,
            vehicle=vehicle,
            day=loader.congress.opening_date,
            departs_at=dt.time(6, 45),
            route=route,
        )
        created += 1
        for delegation in Delegation.objects.filter(congress=loader.congress):
            try:
                services.riders_add_delegation(access=staff, trip=trip, delegation=delegation)
            except BusinessError:
                continue  # full, or nobody left: the next delegation may still fit
    return created


HALLS = {
    "kontum": (
        "Hội trường Trung tâm Hội nghị tỉnh Kon Tum",
        [("Khối A (bên trái)", 6, 10), ("Khối B (giữa)", 8, 12), ("Khối C (bên phải)", 6, 10)],
    ),
}


def load_seating(loader: "_CongressLoader") -> int:
    """The hall in three blocks, the delegations shared between them in the roster's order,
    everyone seated automatically. Only when the hall is new."""
    spec = HALLS.get(loader.spec["key"])
    if spec is None or Hall.objects.filter(congress=loader.congress, name=spec[0]).exists():
        return 0
    staff = loader.secretariat
    hall = services.hall_save(access=staff, name=spec[0])
    blocks = [
        services.block_save(
            access=staff, hall=hall, name=name, order=n, rows=rows, seats_per_row=seats
        )
        for n, (name, rows, seats) in enumerate(spec[1], start=1)
    ]
    delegations = list(Delegation.objects.filter(congress=loader.congress))
    share = -(-len(delegations) // len(blocks)) if delegations else 0
    for n, block in enumerate(blocks):
        services.block_delegations_set(
            access=staff, block=block, delegations=delegations[n * share : (n + 1) * share]
        )
    return 1 + services.seats_auto(access=staff, hall=hall).seated


def load_logistics(loader: "_CongressLoader") -> int:
    """Returns how many records it created."""
    return load_readiness(loader) + load_lodging(loader) + load_board(loader) + load_seating(loader)
