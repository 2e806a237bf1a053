import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from daihoi.core.exceptions import BusinessError, ConflictError, PermissionDenied
from daihoi.core.models import AuditEntry
from daihoi.testing.files import pdf_upload
from daihoi.testing.photos import jpeg_bytes, jpeg_upload

from .. import selectors, services
from ..models import ItemKind, ItemPhoto, ItemState, VisualAction, VisualItem
from .helpers import (
    item_fields,
    leader,
    make_item,
    make_route,
    make_slogan,
    member,
    officer,
    propaganda_committee,
    secretariat,
)

pytestmark = pytest.mark.django_db


def codes_since(count: int) -> list[str]:
    return list(AuditEntry.objects.order_by("id").values_list("action", flat=True)[count:])


def test_secretariat_registers_an_item_and_the_trail_records_it(world):
    before = AuditEntry.objects.count()
    item = make_item(world)
    assert item.state == ItemState.PLANNED and item.quantity == 2
    assert codes_since(before) == [
        VisualAction.ROUTE_CREATED,
        VisualAction.SLOGAN_CREATED,
        VisualAction.ITEM_CREATED,
    ]


def test_propaganda_subcommittee_member_writes_but_a_plain_member_does_not(world):
    route, slogan = make_route(world), make_slogan(world)
    with pytest.raises(PermissionDenied):
        services.item_create(access=leader(world), fields=item_fields(world, route, slogan))
    propaganda_committee(world)
    item = services.item_create(access=leader(world), fields=item_fields(world, route, slogan))
    assert item.pk
    with pytest.raises(PermissionDenied):
        services.slogan_create(access=member(world), text="Đảng Cộng sản Việt Nam quang vinh")


def test_removal_before_install_is_refused_and_nothing_is_saved(world):
    route, slogan = make_route(world), make_slogan(world)
    fields = item_fields(world, route, slogan, remove_on=dt.date(2020, 1, 1))
    with pytest.raises(BusinessError) as refused:
        services.item_create(access=secretariat(world), fields=fields)
    assert refused.value.field == "remove_on"
    assert "trước ngày lắp đặt" in refused.value.message
    assert not VisualItem.objects.exists()


@pytest.mark.parametrize(
    ("latitude", "longitude", "word"),
    [
        (Decimal("91"), Decimal("108"), "Vĩ độ"),
        (Decimal("14"), Decimal("-181"), "Kinh độ"),
        (Decimal("14"), None, "cả vĩ độ và kinh độ"),
    ],
)
def test_coordinates_out_of_range_are_refused(world, latitude, longitude, word):
    fields = item_fields(
        world, make_route(world), make_slogan(world), latitude=latitude, longitude=longitude
    )
    with pytest.raises(BusinessError) as refused:
        services.item_create(access=secretariat(world), fields=fields)
    assert word in refused.value.message


def test_the_database_refuses_a_removal_before_install_written_around_the_service(world):
    item = make_item(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        VisualItem.objects.filter(pk=item.pk).update(remove_on=item.install_on - dt.timedelta(1))


def test_a_panel_needs_an_approved_slogan_and_a_flag_carries_none(world):
    route, slogan = make_route(world), make_slogan(world)
    with pytest.raises(BusinessError) as refused:
        services.item_create(access=secretariat(world), fields=item_fields(world, route, None))
    assert refused.value.field == "slogan"
    flag = services.item_create(
        access=secretariat(world),
        fields=item_fields(world, route, slogan, kind=ItemKind.PARTY_FLAG, quantity=120),
    )
    assert flag.slogan is None
    services.slogan_update(access=secretariat(world), slogan=slogan, approved=False)
    with pytest.raises(BusinessError, match="không còn trong danh sách"):
        services.item_create(access=secretariat(world), fields=item_fields(world, route, slogan))


def test_an_item_keeps_a_slogan_taken_off_the_list_when_edited(world):
    item = make_item(world)
    assert item.slogan is not None
    services.slogan_update(access=secretariat(world), slogan=item.slogan, approved=False)
    fields = item_fields(world, item.route, item.slogan, location="Trước Nhà văn hóa")
    saved = services.item_update(access=secretariat(world), item=item, fields=fields)
    assert saved.location == "Trước Nhà văn hóa" and saved.slogan_id == item.slogan_id
    entry = AuditEntry.objects.latest("id")
    assert entry.action == VisualAction.ITEM_UPDATED
    assert ["Vị trí", "Ngã tư Trần Phú – Lê Hồng Phong", "Trước Nhà văn hóa"] in entry.changes


def test_a_stale_edit_is_refused_with_the_changes_listed(world):
    item = make_item(world)
    opened = item.version
    services.item_update(
        access=secretariat(world),
        item=item,
        fields=item_fields(world, item.route, item.slogan, quantity=5),
        expected_version=opened,
    )
    with pytest.raises(ConflictError):
        services.item_update(
            access=secretariat(world),
            item=item,
            fields=item_fields(world, item.route, item.slogan, quantity=7),
            expected_version=opened,
        )
    assert VisualItem.objects.get(pk=item.pk).quantity == 5


def test_photo_keeps_the_time_and_place_the_camera_wrote(world):
    item = make_item(world)
    upload = jpeg_upload(
        taken_at=dt.datetime(2020, 9, 28, 7, 45), latitude=14.35305, longitude=108.00512
    )
    photo = services.item_add_photo(access=officer(world), item=item, upload=upload)
    assert photo.taken_from == ItemPhoto.TakenFrom.EXIF
    assert timezone.localtime(photo.taken_at).strftime("%H:%M %d/%m/%Y") == "07:45 28/09/2020"
    # The camera writes seconds to 1/100: within a metre.
    assert photo.latitude is not None and photo.longitude is not None
    assert abs(photo.latitude - Decimal("14.35305")) < Decimal("0.00001")
    assert abs(photo.longitude - Decimal("108.00512")) < Decimal("0.00001")
    entry = AuditEntry.objects.latest("id")
    assert entry.action == VisualAction.PHOTO_ADDED
    assert entry.data["taken_at"] == "07:45 28/09/2020"


def test_photo_without_exif_is_dated_by_its_upload(world):
    item = make_item(world)
    before = timezone.now()
    photo = services.item_add_photo(access=secretariat(world), item=item, upload=jpeg_upload())
    assert photo.taken_from == ItemPhoto.TakenFrom.UPLOAD
    assert photo.taken_at >= before and photo.latitude is None


def test_a_photo_whose_gps_has_no_fix_keeps_its_time_and_no_place(world):
    item = make_item(world)
    upload = jpeg_upload(taken_at=dt.datetime(2020, 9, 28, 7, 45), gps_without_fix=True)
    photo = services.item_add_photo(access=officer(world), item=item, upload=upload)
    assert photo.taken_from == ItemPhoto.TakenFrom.EXIF
    assert timezone.localtime(photo.taken_at).strftime("%H:%M %d/%m/%Y") == "07:45 28/09/2020"
    assert photo.latitude is None and photo.longitude is None


@pytest.mark.parametrize(
    "upload",
    [
        pdf_upload("anh.pdf"),
        SimpleUploadedFile("anh.jpg", b"%PDF-1.4\nkhong phai anh\n%%EOF"),
        SimpleUploadedFile("anh.jpg", b"\xff\xd8\xff\xe0" + b"rac" * 50 + b"\xff\xd9"),
        SimpleUploadedFile("anh.jpg", jpeg_bytes()[:200]),
    ],
    ids=["pdf", "pdf-renamed", "forged-header", "truncated"],
)
def test_an_upload_that_is_not_a_whole_picture_is_refused(world, upload):
    item = make_item(world)
    with pytest.raises(BusinessError) as refused:
        services.item_add_photo(access=secretariat(world), item=item, upload=upload)
    assert refused.value.field == "photo"
    assert not ItemPhoto.objects.exists()


def test_only_the_carrying_out_agency_of_the_others_sends_proof(world):
    item = make_item(world)
    with pytest.raises(PermissionDenied):
        services.item_add_photo(access=officer(world, "stc"), item=item, upload=jpeg_upload())
    with pytest.raises(PermissionDenied):
        services.item_set_state(access=member(world), item=item, state=ItemState.INSTALLED)


def test_agency_installs_and_removes_but_only_writers_cancel(world):
    item = make_item(world)
    today = timezone.localdate()
    with pytest.raises(PermissionDenied):
        services.item_set_state(access=officer(world), item=item, state=ItemState.CANCELLED)
    installed = services.item_set_state(access=officer(world), item=item, state=ItemState.INSTALLED)
    assert installed.installed_on == today
    with pytest.raises(BusinessError, match="Không thể chuyển"):
        services.item_set_state(access=officer(world), item=item, state=ItemState.CANCELLED)
    removed = services.item_set_state(access=officer(world), item=item, state=ItemState.REMOVED)
    assert removed.removed_on == today and removed.state == ItemState.REMOVED
    assert codes_since(0).count(VisualAction.ITEM_STATE_CHANGED) == 2


def test_overdue_board_counts_items_past_their_install_day(world):
    route, slogan = make_route(world), make_slogan(world)
    today = timezone.localdate()
    late = make_item(world, route, slogan, install_on=today - dt.timedelta(3), remove_on=None)
    make_item(world, route, slogan, install_on=today + dt.timedelta(3))
    up = make_item(
        world,
        route,
        slogan,
        install_on=today - dt.timedelta(20),
        remove_on=today - dt.timedelta(1),
    )
    services.item_set_state(access=secretariat(world), item=up, state=ItemState.INSTALLED)
    board = selectors.overdue_board(secretariat(world), today)
    assert (board.overdue_install, board.overdue_removal) == (1, 1)
    assert [i.pk for i in board.first] == [late.pk]


def test_weekly_counts_group_planned_and_published_by_monday(world):
    from ..models import MediaPiece, Outlet

    access = secretariat(world)
    outlet = services.outlet_create(
        access=access, name="Đài PT-TH tỉnh", kind=Outlet.Kind.BROADCAST
    )
    monday = dt.date(2020, 9, 28)
    for planned, published, kind in [
        (monday, monday + dt.timedelta(1), MediaPiece.Kind.REPORTAGE),
        (monday + dt.timedelta(2), None, MediaPiece.Kind.ARTICLE),
        (monday - dt.timedelta(3), monday + dt.timedelta(6), MediaPiece.Kind.ARTICLE),
    ]:
        services.piece_create(
            access=access,
            fields=services.PieceFields(
                outlet=outlet, kind=kind, title="Tin", planned_on=planned, published_on=published
            ),
        )
    weeks = selectors.weekly_counts(access)
    assert [(w.monday, w.planned, w.published) for w in weeks] == [
        (monday, 2, 2),
        (monday - dt.timedelta(7), 1, 0),
    ]
    assert weeks[0].by_kind == {"reportage": 1, "article": 1}


def test_a_column_of_another_outlet_is_refused_on_a_piece(world):
    access = secretariat(world)
    paper = services.outlet_create(access=access, name="Báo Kon Tum", kind="newspaper")
    radio = services.outlet_create(access=access, name="Đài PT-TH Kon Tum", kind="broadcast")
    column = services.column_create(access=access, outlet=radio, kind="programme", name="Thời sự")
    with pytest.raises(BusinessError) as refused:
        services.piece_create(
            access=access,
            fields=services.PieceFields(
                outlet=paper, column=column, kind="article", title="Tin", planned_on=dt.date.today()
            ),
        )
    assert refused.value.field == "column"


def test_an_event_ending_before_it_starts_is_refused(world):
    with pytest.raises(BusinessError) as refused:
        services.event_create(
            access=secretariat(world),
            fields=services.EventFields(
                kind="exhibition",
                title="Triển lãm",
                venue="Bảo tàng tỉnh",
                starts_on=dt.date(2020, 10, 5),
                ends_on=dt.date(2020, 10, 1),
            ),
        )
    assert refused.value.field == "ends_on"
