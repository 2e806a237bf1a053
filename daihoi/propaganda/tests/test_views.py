import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from daihoi.core.models import AuditEntry
from daihoi.testing.files import pdf_upload
from daihoi.testing.photos import jpeg_upload

from .. import services
from ..models import ItemPhoto, ItemState, MediaPiece, VisualItem
from .helpers import (
    in_days,
    make_item,
    make_route,
    make_slogan,
    propaganda_committee,
    propaganda_objects,
    secretariat,
)

pytestmark = pytest.mark.django_db


def url(world, name: str, *args) -> str:
    return reverse(f"propaganda:{name}", args=[world.congress.pk, *args])


def item_post(world, route, chosen, **changes) -> dict:
    data = {
        "kind": "panel",
        "route": route.pk,
        "location": "Trước Quảng trường 16/3",
        "latitude": "14.3540",
        "longitude": "108.0010",
        "quantity": "3",
        "slogan": chosen.pk,
        "agency": world.agencies["btg"].pk,
        "install_on": "01/10/2020",
        "remove_on": "20/10/2020",
        "note": "",
    }
    return data | changes


def test_secretariat_registers_an_item_through_the_form(world, client):
    route, slogan = make_route(world), make_slogan(world)
    client.force_login(world.users["secretariat"])
    response = client.post(url(world, "item-create"), item_post(world, route, slogan))
    item = VisualItem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(world, "item-detail", item.pk)
    assert (item.quantity, item.install_on) == (3, dt.date(2020, 10, 1))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"latitude": "95", "longitude": "108"}, "Vĩ độ phải nằm trong khoảng từ -90 đến 90."),
        ({"longitude": "200"}, "Kinh độ phải nằm trong khoảng từ -180 đến 180."),
        ({"latitude": "bắc"}, "Vĩ độ phải là số thập phân"),
        ({"remove_on": "20/09/2020"}, "Ngày tháo dỡ không được trước ngày lắp đặt."),
        ({"quantity": "0"}, "Số lượng phải lớn hơn 0."),
        ({"slogan": ""}, "phải chọn khẩu hiệu"),
    ],
)
def test_bad_item_input_is_shown_in_vietnamese_and_nothing_is_saved(
    world, client, changes, message
):
    route, slogan = make_route(world), make_slogan(world)
    client.force_login(world.users["secretariat"])
    response = client.post(url(world, "item-create"), item_post(world, route, slogan, **changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not VisualItem.objects.exists()


def test_a_route_point_out_of_range_is_refused(world, client):
    client.force_login(world.users["secretariat"])
    response = client.post(
        url(world, "route-create"), {"name": "Đường Bà Triệu", "path": "14.35, 108.0\n14.35, 190"}
    )
    assert "Dòng 2: vĩ độ từ -90 đến 90, kinh độ từ -180 đến 180." in response.content.decode()


def test_a_document_sent_as_photo_proof_is_refused_on_the_page(world, client):
    item = make_item(world)
    client.force_login(world.users["officer"])
    response = client.post(url(world, "photo-add", item.pk), {"photo": pdf_upload("anh.pdf")})
    assert response.status_code == 200
    assert "không phải ảnh chụp" in response.content.decode()
    assert not ItemPhoto.objects.exists()


def test_agency_officer_sends_a_photo_and_the_page_shows_when_and_where(world, client):
    item = make_item(world)
    client.force_login(world.users["officer"])
    upload = jpeg_upload(
        taken_at=dt.datetime(2020, 9, 30, 6, 15), latitude=14.3531, longitude=108.0051
    )
    response = client.post(url(world, "photo-add", item.pk), {"photo": upload}, follow=True)
    page = response.content.decode()
    assert "Chụp lúc 06:15 30/09/2020" in page
    assert "Nơi chụp: 14.353100, 108.005100" in page
    # 0.0001° north and east of the registered point: about 15 metres.
    assert re.search(r"cách vị trí đăng ký khoảng 1[56] m", page)
    photo = ItemPhoto.objects.get()
    image = client.get(url(world, "photo-file", photo.pk))
    assert image["Content-Type"] == "image/jpeg" and image["Content-Disposition"] == "inline"


def test_state_button_marks_installed_and_the_history_shows_it(world, client):
    item = make_item(world)
    client.force_login(world.users["officer"])
    client.post(url(world, "item-state", item.pk), {"state": ItemState.INSTALLED})
    item.refresh_from_db()
    assert item.state == ItemState.INSTALLED and item.installed_on == timezone.localdate()
    page = client.get(url(world, "item-detail", item.pk)).content.decode()
    assert "Đổi trạng thái hạng mục" in page and "Đã lắp đặt" in page


def test_reader_sees_no_write_buttons_and_is_refused_the_forms(world, client):
    item = make_item(world)
    client.force_login(world.users["member"])
    page = client.get(url(world, "item-detail", item.pk)).content.decode()
    assert url(world, "item-edit", item.pk) not in page
    assert url(world, "photo-add", item.pk) not in page
    assert client.get(url(world, "item-edit", item.pk)).status_code == 403
    response = client.post(url(world, "item-state", item.pk), {"state": "installed"})
    assert response.status_code == 403
    assert VisualItem.objects.get(pk=item.pk).state == ItemState.PLANNED


def test_another_congress_gets_404_for_every_object(world, client):
    ids = propaganda_objects(world)
    client.force_login(world.users["outsider"])
    other = world.other.pk
    for name, key in [
        ("item-detail", "visual_id"),
        ("photo-file", "proof_id"),
        ("route-print", "route_id"),
        ("slogan-edit", "slogan_id"),
        ("outlet-edit", "outlet_id"),
        ("column-edit", "column_id"),
        ("piece-edit", "piece_id"),
        ("event-edit", "event_id"),
    ]:
        path = reverse(f"propaganda:{name}", args=[other, ids[key]])
        assert client.get(path).status_code == 404, name


def test_secretariat_of_another_congress_cannot_reach_this_ones_items(world, client):
    from daihoi.organizations.models import Participation

    ids = propaganda_objects(world)
    Participation.objects.filter(user=world.users["outsider"]).update(role="secretariat")
    client.force_login(world.users["outsider"])
    path = reverse("propaganda:item-edit", args=[world.other.pk, ids["visual_id"]])
    assert client.get(path).status_code == 404


def _many_items(world, n: int = 12) -> None:
    route, slogan = make_route(world), make_slogan(world)
    second = make_route(world, name="Đường Phan Đình Phùng", path=[])
    for i in range(n):
        make_item(world, route if i % 2 else second, slogan, location=f"Cột điện số {i}")
    item = VisualItem.objects.first()
    assert item is not None
    services.item_add_photo(access=secretariat(world), item=item, upload=jpeg_upload())


@pytest.mark.parametrize(
    ("name", "queries"),
    [
        ("item-list", 12),
        ("item-map", 11),
        ("route-list", 10),
        ("slogan-list", 10),
        ("dashboard-block", 10),
    ],
)
def test_lists_read_a_fixed_number_of_queries(
    world, client, django_assert_max_num_queries, name, queries
):
    _many_items(world)
    client.force_login(world.users["leader"])
    with django_assert_max_num_queries(queries):
        response = client.get(url(world, name))
    assert response.status_code == 200


def test_route_print_and_spreadsheet_read_a_fixed_number_of_queries(
    world, client, django_assert_max_num_queries
):
    _many_items(world)
    route = VisualItem.objects.first().route  # type: ignore[union-attr]
    client.force_login(world.users["member"])
    with django_assert_max_num_queries(10):
        page = client.get(url(world, "route-print", route.pk)).content.decode()
    assert "Cột điện số 1" in page and "Kiểm tra" in page
    with django_assert_max_num_queries(10):
        response = client.get(url(world, "route-xlsx", route.pk))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert f"Tuyến: {route.name}" in values and "Tổng số lượng" in values


def test_media_and_events_read_a_fixed_number_of_queries(
    world, client, django_assert_max_num_queries
):
    propaganda_objects(world)
    access = secretariat(world)
    outlet = services.outlet_create(access=access, name="Đài PT-TH tỉnh", kind="broadcast")
    for i in range(10):
        services.piece_create(
            access=access,
            fields=services.PieceFields(
                outlet=outlet,
                kind=MediaPiece.Kind.REPORTAGE,
                title=f"Phóng sự số {i}",
                planned_on=in_days(-i * 3),
                published_on=in_days(-i * 3) if i % 2 else None,
            ),
        )
    client.force_login(world.users["officer2"])
    with django_assert_max_num_queries(14):
        page = client.get(url(world, "media")).content.decode()
    assert "Phóng sự số 9" in page and "Hướng tới Đại hội Đảng" in page
    with django_assert_max_num_queries(10):
        assert client.get(url(world, "event-list")).status_code == 200


def test_map_is_our_own_svg_with_route_lines_and_no_outside_address(world, client):
    item = make_item(world)
    client.force_login(world.users["member"])
    page = client.get(url(world, "item-map")).content.decode()
    assert '<svg class="pp-map"' in page
    assert page.count("<polyline") == 1 and page.count("<circle") == 1
    assert url(world, "item-detail", item.pk) in page
    assert "tile" not in page and "openstreetmap" not in page.lower()


def test_dashboard_loads_the_overdue_block_which_lists_late_items(world, client):
    late = make_item(world, install_on=timezone.localdate() - dt.timedelta(2), remove_on=None)
    client.force_login(world.users["secretariat"])
    dashboard = client.get(reverse("planning:dashboard", args=[world.congress.pk]))
    assert url(world, "dashboard-block") in dashboard.content.decode()
    block = client.get(url(world, "dashboard-block")).content.decode()
    assert "1</strong> hạng mục quá ngày lắp đặt" in block and late.location in block


def test_committee_member_edits_a_slogan_and_its_history_shows_the_change(world, client):
    propaganda_committee(world)
    slogan = make_slogan(world)
    client.force_login(world.users["leader"])
    response = client.post(
        url(world, "slogan-edit", slogan.pk),
        {"text": "Đảng Cộng sản Việt Nam quang vinh muôn năm!", "position": "2", "approved": "on"},
    )
    assert response.status_code == 302
    assert AuditEntry.objects.latest("id").actor == world.users["leader"]
    page = client.get(url(world, "slogan-edit", slogan.pk)).content.decode()
    assert "Sửa khẩu hiệu" in page and "quang vinh muôn năm" in page
