"""Demo propaganda: Kon Tum's panels and flags on the city's main streets (its service
subcommittee asked for them hung solemnly and in the right places), Hải Dương's press columns,
reportages and exhibitions. Days count from today; coordinates are approximate points on the
real streets. Idempotent: each record is looked up by its natural key first."""

import datetime as dt
import io
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from daihoi.propaganda import services
from daihoi.propaganda.models import (
    ArtEvent,
    Column,
    ItemState,
    MediaPiece,
    Outlet,
    Route,
    Slogan,
    VisualItem,
)

from .data import Record

if TYPE_CHECKING:
    from .loader import _CongressLoader

SLOGANS = [
    "Nhiệt liệt chào mừng Đại hội đại biểu Đảng bộ tỉnh!",
    "Đảng Cộng sản Việt Nam quang vinh muôn năm!",
    "Đoàn kết, dân chủ, kỷ cương, đổi mới, phát triển",
    "Chủ tịch Hồ Chí Minh vĩ đại sống mãi trong sự nghiệp của chúng ta!",
]

VISUAL: dict[str, Record] = {
    "kontum": {
        "routes": [
            {
                "name": "Đường Trần Hưng Đạo",
                "locality": "Thành phố Kon Tum",
                "path": [[14.3561, 107.9968], [14.3536, 108.0031], [14.3508, 108.0105]],
            },
            {
                "name": "Đường Phan Đình Phùng",
                "locality": "Thành phố Kon Tum",
                "path": [[14.3632, 108.0046], [14.3555, 108.0055], [14.3468, 108.0063]],
            },
            {"name": "Trung tâm huyện Đăk Hà", "locality": "Huyện Đăk Hà", "path": []},
        ],
        # (route, kind, place, lat, lon, quantity, slogan or None, agency, install day,
        #  removal day, state)
        "items": [
            (
                "Đường Trần Hưng Đạo",
                "panel",
                "Quảng trường 16 tháng 3",
                "14.3541",
                "108.0019",
                2,
                0,
                "Sở VHTTDL",
                -6,
                30,
                ItemState.INSTALLED,
            ),
            (
                "Đường Trần Hưng Đạo",
                "national_flag",
                "Dọc tuyến, cột điện chiếu sáng",
                "14.3528",
                "108.0052",
                180,
                None,
                "UBND TP Kon Tum",
                -4,
                30,
                ItemState.INSTALLED,
            ),
            (
                "Đường Trần Hưng Đạo",
                "party_flag",
                "Dọc tuyến, xen kẽ cờ Tổ quốc",
                "14.3519",
                "108.0080",
                180,
                None,
                "UBND TP Kon Tum",
                -2,
                30,
                ItemState.PLANNED,
            ),
            (
                "Đường Phan Đình Phùng",
                "banner",
                "Cổng Hội trường Tỉnh ủy",
                "14.3560",
                "108.0054",
                3,
                2,
                "VPTU",
                -1,
                28,
                ItemState.PLANNED,
            ),
            (
                "Đường Phan Đình Phùng",
                "led",
                "Ngã tư Phan Đình Phùng – Trần Hưng Đạo",
                "14.3538",
                "108.0057",
                1,
                1,
                "Sở TTTT",
                3,
                30,
                ItemState.PLANNED,
            ),
            (
                "Trung tâm huyện Đăk Hà",
                "panel",
                "Trước Trung tâm Văn hóa huyện",
                None,
                None,
                1,
                0,
                "Sở VHTTDL",
                5,
                35,
                ItemState.PLANNED,
            ),
        ],
    },
    "haiduong": {
        "routes": [
            {
                "name": "Đường Trần Hưng Đạo",
                "locality": "Thành phố Hải Dương",
                "path": [[20.9412, 106.3262], [20.9383, 106.3309], [20.9355, 106.3349]],
            },
        ],
        "items": [
            (
                "Đường Trần Hưng Đạo",
                "panel",
                "Quảng trường Thống Nhất",
                "20.9398",
                "106.3285",
                2,
                0,
                "Sở VHTTDL",
                -3,
                25,
                ItemState.INSTALLED,
            ),
            (
                "Đường Trần Hưng Đạo",
                "national_flag",
                "Dọc tuyến quanh hồ Bạch Đằng",
                "20.9370",
                "106.3330",
                150,
                None,
                "Sở VHTTDL",
                2,
                25,
                ItemState.PLANNED,
            ),
        ],
    },
}

MEDIA: dict[str, Record] = {
    "kontum": {
        "outlets": [
            ("Báo Kon Tum", Outlet.Kind.NEWSPAPER, [("column", "Hướng tới Đại hội Đảng bộ tỉnh")]),
            (
                "Đài Phát thanh - Truyền hình tỉnh",
                Outlet.Kind.BROADCAST,
                [("programme", "Chào mừng Đại hội Đảng bộ tỉnh lần thứ XV")],
            ),
        ],
        # (outlet, kind, title, planned day, published day or None)
        "pieces": [
            (
                "Báo Kon Tum",
                "article",
                "Kon Tum chuẩn bị chu đáo cho Đại hội Đảng bộ tỉnh",
                -12,
                -12,
            ),
            (
                "Báo Kon Tum",
                "article",
                "Những công trình chào mừng Đại hội ở thành phố Kon Tum",
                -5,
                -4,
            ),
            (
                "Đài Phát thanh - Truyền hình tỉnh",
                "reportage",
                "Phóng sự: dấu ấn một nhiệm kỳ trên vùng đất Bắc Tây Nguyên",
                -8,
                -7,
            ),
            (
                "Đài Phát thanh - Truyền hình tỉnh",
                "reportage",
                "Phóng sự: phố phường rực rỡ cờ hoa đón Đại hội",
                4,
                None,
            ),
        ],
        "events": [
            (
                "exhibition",
                "Triển lãm ảnh thành tựu kinh tế - xã hội nhiệm kỳ 2015–2020",
                "Bảo tàng tỉnh Kon Tum",
                6,
                12,
                "Sở VHTTDL",
                ArtEvent.Readiness.PREPARING,
            ),
            (
                "performance",
                "Chương trình nghệ thuật chào mừng Đại hội",
                "Quảng trường 16 tháng 3",
                9,
                9,
                "Sở VHTTDL",
                ArtEvent.Readiness.REHEARSED,
            ),
        ],
    },
    "haiduong": {
        "outlets": [
            (
                "Báo Hải Dương",
                Outlet.Kind.NEWSPAPER,
                [
                    ("page", "Chào mừng Đại hội Đảng bộ tỉnh lần thứ XVII"),
                    ("column", "Tiến tới Đại hội Đảng"),
                ],
            ),
            (
                "Đài Phát thanh - Truyền hình Hải Dương",
                Outlet.Kind.BROADCAST,
                [("programme", "Hướng tới Đại hội Đảng bộ tỉnh")],
            ),
        ],
        "pieces": [
            ("Báo Hải Dương", "publication", "Số báo đặc biệt chào mừng Đại hội", 8, None),
            ("Báo Hải Dương", "article", "Hải Dương sẵn sàng cho ngày hội lớn của Đảng bộ", -6, -6),
            (
                "Đài Phát thanh - Truyền hình Hải Dương",
                "reportage",
                "Phóng sự: năm năm đổi thay trên quê hương Xứ Đông",
                -9,
                -8,
            ),
            (
                "Đài Phát thanh - Truyền hình Hải Dương",
                "programme",
                "Chương trình truyền hình trực tiếp phiên khai mạc",
                12,
                None,
            ),
        ],
        "events": [
            (
                "display",
                "Trưng bày tư liệu về lịch sử Đảng bộ tỉnh",
                "Bảo tàng tỉnh Hải Dương",
                5,
                15,
                "Sở VHTTDL",
                ArtEvent.Readiness.PREPARING,
            ),
            (
                "performance",
                "Chương trình nghệ thuật chào mừng Đại hội",
                "Nhà hát Xứ Đông",
                11,
                11,
                "Sở VHTTDL",
                ArtEvent.Readiness.NOT_STARTED,
            ),
        ],
    },
}


def load_propaganda(loader: "_CongressLoader") -> int:
    """The congress's slogans, routes, items, outlets, pieces and events; returns how many
    records were created."""
    key = loader.spec["key"]
    if key not in VISUAL and key not in MEDIA:
        return 0
    made = _visual(loader, VISUAL.get(key)) + _media(loader, MEDIA.get(key))
    if made:
        day = loader.today - dt.timedelta(days=14)
        loader._stamp_audit(timezone.make_aware(dt.datetime.combine(day, dt.time(9))))
    return made


def _day(loader: "_CongressLoader", days: int) -> dt.date:
    return loader.today + dt.timedelta(days=days)


def _visual(loader: "_CongressLoader", spec: Record | None) -> int:
    if spec is None:
        return 0
    access, congress, made = loader.secretariat, loader.congress, 0
    slogans = []
    for n, text in enumerate(SLOGANS, start=1):
        slogan = Slogan.objects.filter(congress=congress, text=text).first()
        if slogan is None:
            slogan = services.slogan_create(
                access=access,
                text=text,
                position=n,
                source="Hướng dẫn tuyên truyền của Ban Tuyên giáo Trung ương",
            )
            made += 1
        slogans.append(slogan)
    routes = {}
    for r in spec["routes"]:
        route = Route.objects.filter(congress=congress, name=r["name"]).first()
        if route is None:
            route = services.route_create(access=access, **r)
            made += 1
        routes[r["name"]] = route
    for route, kind, place, lat, lon, qty, slogan, agency, start, end, state in spec["items"]:
        if VisualItem.objects.filter(congress=congress, route=routes[route], location=place):
            continue
        item = services.item_create(
            access=access,
            fields=services.ItemFields(
                kind=kind,
                route=routes[route],
                location=place,
                latitude=Decimal(lat) if lat else None,
                longitude=Decimal(lon) if lon else None,
                quantity=qty,
                slogan=slogans[slogan] if slogan is not None else None,
                agency=loader.agencies[agency],
                install_on=_day(loader, start),
                remove_on=_day(loader, end),
            ),
        )
        if state == ItemState.INSTALLED:
            services.item_set_state(access=access, item=item, state=state, on=_day(loader, start))
            if lat and lon:
                taken = dt.datetime.combine(_day(loader, start), dt.time(8, 30))
                services.item_add_photo(
                    access=access,
                    item=item,
                    upload=_proof_photo(taken, Decimal(lat), Decimal(lon)),
                    note="Ảnh chụp sau khi lắp đặt xong.",
                )
        made += 1
    return made


def _dms(value: Decimal) -> tuple[Fraction, Fraction, Fraction]:
    seconds = Fraction(abs(value)) * 3600
    return Fraction(int(seconds // 3600)), Fraction(int(seconds % 3600 // 60)), seconds % 60


def _proof_photo(taken: dt.datetime, lat: Decimal, lon: Decimal) -> SimpleUploadedFile:
    """A photo as a phone camera sends it: a red panel with its star on a street, and the EXIF
    time (local, as cameras write it) and GPS position."""
    from PIL import ExifTags, Image, ImageDraw

    picture = Image.new("RGB", (480, 320), (176, 190, 197))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 250, 480, 320), fill=(97, 97, 97))
    draw.rectangle((120, 50, 360, 200), fill=(198, 40, 40))
    draw.rectangle((236, 200, 244, 250), fill=(66, 66, 66))
    draw.regular_polygon((240, 125, 45), 5, fill=(249, 168, 37))
    exif = Image.Exif()
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken.strftime(
        "%Y:%m:%d %H:%M:%S"
    )
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N" if lat >= 0 else "S"
    gps[ExifTags.GPS.GPSLatitude] = _dms(lat)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E" if lon >= 0 else "W"
    gps[ExifTags.GPS.GPSLongitude] = _dms(lon)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif.tobytes())
    return SimpleUploadedFile("IMG_lap_dat.jpg", buffer.getvalue(), "image/jpeg")


def _media(loader: "_CongressLoader", spec: Record | None) -> int:
    if spec is None:
        return 0
    access, congress, made = loader.secretariat, loader.congress, 0
    outlets = {}
    for name, kind, columns in spec["outlets"]:
        outlet = Outlet.objects.filter(congress=congress, name=name).first()
        if outlet is None:
            outlet = services.outlet_create(access=access, name=name, kind=kind)
            made += 1
        outlets[name] = outlet
        for column_kind, title in columns:
            if not Column.objects.filter(outlet=outlet, name=title).exists():
                services.column_create(
                    access=access,
                    outlet=outlet,
                    kind=column_kind,
                    name=title,
                    started_on=_day(loader, -30),
                )
                made += 1
    for outlet, kind, title, planned, published in spec["pieces"]:
        if MediaPiece.objects.filter(congress=congress, title=title).exists():
            continue
        services.piece_create(
            access=access,
            fields=services.PieceFields(
                outlet=outlets[outlet],
                column=outlets[outlet].columns.first(),
                kind=kind,
                title=title,
                planned_on=_day(loader, planned),
                published_on=_day(loader, published) if published is not None else None,
            ),
        )
        made += 1
    for kind, title, venue, start, end, agency, readiness in spec["events"]:
        if ArtEvent.objects.filter(congress=congress, title=title).exists():
            continue
        services.event_create(
            access=access,
            fields=services.EventFields(
                kind=kind,
                title=title,
                venue=venue,
                starts_on=_day(loader, start),
                ends_on=_day(loader, end),
                agency=loader.agencies[agency],
                readiness=readiness,
            ),
        )
        made += 1
    return made
