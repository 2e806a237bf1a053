"""Tuyên truyền through the API: the register of visual propaganda (items, their state and photo
proof, the map, the dashboard's card), slogans and routes; the pages' rules and messages."""

import datetime as dt
import io
from decimal import Decimal

from openpyxl import load_workbook

from daihoi.api.models import Scope
from daihoi.core.models import AuditEntry
from daihoi.propaganda.models import ItemPhoto, ItemState, Route, Slogan, VisualItem
from daihoi.propaganda.tests.helpers import (
    in_days,
    make_item,
    make_route,
    make_slogan,
    propaganda_committee,
)
from daihoi.testing.files import pdf_upload
from daihoi.testing.photos import jpeg_upload

from .helpers import ApiClient


def base(world) -> str:
    return f"/congresses/{world.congress.pk}/propaganda"


def item_body(route: Route, slogan: Slogan | None, world, **changes) -> dict:
    return {
        "kind": "panel",
        "route": route.pk,
        "location": "Trước Quảng trường 16 tháng 3",
        "latitude": 14.354,
        "longitude": "108.001",
        "quantity": 3,
        "slogan": slogan.pk if slogan else None,
        "agency": world.agencies["btg"].pk,
        "install_on": "05/10/2020",
        "remove_on": "2020-10-30",
    } | changes


def test_the_subcommittee_registers_and_edits_an_item_with_its_version(world):
    propaganda_committee(world)
    route, slogan = make_route(world), make_slogan(world)
    leader = ApiClient(world.users["leader"])
    created = leader.post(f"{base(world)}/items/", item_body(route, slogan, world))
    assert created.status_code == 201, created.content
    body = created.json()
    item = VisualItem.objects.get(pk=body["id"])
    assert item.quantity == 3 and item.latitude == Decimal("14.354000")
    assert item.install_on == dt.date(2020, 10, 5) and item.slogan == slogan
    assert body["kind_label"] == "Pano" and body["state"] == "planned"
    assert body["route"] == {"id": route.pk, "name": "Đường Trần Phú"}
    assert body["moves"] == [
        {"state": "installed", "label": "Đã lắp đặt"},
        {"state": "cancelled", "label": "Hủy hạng mục"},
    ]
    entry = AuditEntry.objects.filter(object_id=item.pk, action="visual_item.created").get()
    assert entry.data["api_token"] == leader.token.prefix

    path = f"{base(world)}/items/{item.pk}/"
    edit = item_body(route, slogan, world, quantity=5, version=body["version"])
    saved = leader.put(path, edit)
    assert saved.status_code == 200, saved.content
    assert saved.json()["quantity"] == 5 and saved.json()["version"] == body["version"] + 1
    stale = leader.put(path, edit | {"quantity": 7})
    assert stale.status_code == 409
    assert VisualItem.objects.get(pk=item.pk).quantity == 5
    assert leader.get(path).json()["history"][0]["action"] == "visual_item.updated"


def test_an_item_is_refused_with_the_pages_messages(world):
    route, slogan = make_route(world), make_slogan(world)
    secretariat = ApiClient(world.users["secretariat"])
    path = f"{base(world)}/items/"
    zero = secretariat.post(path, item_body(route, slogan, world, quantity=0, latitude=95))
    assert zero.status_code == 400
    assert zero.json()["errors"]["quantity"] == ["Số lượng phải lớn hơn 0."]
    assert zero.json()["errors"]["latitude"] == ["Vĩ độ phải nằm trong khoảng từ -90 đến 90."]
    bare = secretariat.post(path, item_body(route, None, world))
    assert bare.status_code == 400
    assert bare.json()["errors"]["slogan"] == [
        "Pano, băng rôn, màn hình LED phải chọn khẩu hiệu trong danh sách đã duyệt."
    ]
    half = secretariat.post(path, item_body(route, slogan, world, longitude=None))
    assert half.json()["errors"]["latitude"] == [
        "Nhập đủ cả vĩ độ và kinh độ, hoặc bỏ trống cả hai."
    ]
    assert not VisualItem.objects.exists()


def test_readers_read_the_register_but_may_not_write_it(world):
    item = make_item(world)
    path = f"{base(world)}/items/{item.pk}/"
    member = ApiClient(world.users["member"])
    read = member.get(path)
    assert read.status_code == 200 and read.json()["writer"] is False
    assert read.json()["moves"] == []
    refused = member.post(f"{base(world)}/items/", item_body(item.route, item.slogan, world))
    assert refused.status_code == 403
    assert refused.json()["detail"] == (
        "Chỉ Tiểu ban Tuyên truyền và Thường trực, Văn phòng cập nhật nội dung này."
    )
    body = item_body(item.route, item.slogan, world, quantity=9)
    read_only = ApiClient(world.users["secretariat"], scope=Scope.READ)
    assert read_only.get(path).status_code == 200
    assert read_only.put(path, body).status_code == 403
    assert ApiClient(world.users["outsider"]).get(path).status_code == 404
    beside = f"/congresses/{world.other.pk}/propaganda/items/{item.pk}/"
    assert ApiClient(world.users["outsider"]).put(beside, body).status_code == 404
    assert VisualItem.objects.get(pk=item.pk).quantity == 2


def test_the_carrying_out_agency_installs_its_item_and_the_writers_undo(world):
    item = make_item(world)
    path = f"{base(world)}/items/{item.pk}/state/"
    officer = ApiClient(world.users["officer"])
    assert [m["state"] for m in officer.get(f"{base(world)}/items/{item.pk}/").json()["moves"]] == [
        "installed"
    ]
    installed = officer.post(path, {"state": "installed", "on": "06/10/2020"})
    assert installed.status_code == 200, installed.content
    assert installed.json()["state_label"] == "Đã lắp đặt"
    item.refresh_from_db()
    assert item.state == ItemState.INSTALLED and item.installed_on == dt.date(2020, 10, 6)
    undo = officer.post(path, {"state": "planned"})
    assert undo.status_code == 403
    wrong = officer.post(path, {"state": "cancelled"})
    assert wrong.status_code == 400
    assert wrong.json()["errors"]["__all__"] == ["Không thể chuyển từ “Đã lắp đặt” sang “Hủy”."]
    assert ApiClient(world.users["officer2"]).post(path, {"state": "removed"}).status_code == 403
    assert ApiClient(world.users["secretariat"]).post(path, {"state": "planned"}).status_code == 200
    assert VisualItem.objects.get(pk=item.pk).state == ItemState.PLANNED


def test_photo_proof_keeps_its_exif_time_and_place_and_is_served_back(world):
    item = make_item(world)
    officer = ApiClient(world.users["officer"])
    path = f"{base(world)}/items/{item.pk}/photos/"
    upload = jpeg_upload(
        taken_at=dt.datetime(2020, 10, 6, 7, 30), latitude=14.3531, longitude=108.0051
    )
    sent = officer.post_form(path, {"photo": upload, "note": "Đã treo xong"})
    assert sent.status_code == 201, sent.content
    photo = ItemPhoto.objects.get(pk=sent.json()["id"])
    assert photo.taken_from == ItemPhoto.TakenFrom.EXIF and photo.uploaded_by == officer.token.user
    assert sent.json()["latitude"] == "14.353100" and sent.json()["distance_m"] < 50
    entry = AuditEntry.objects.get(object_id=item.pk, action="visual_item.photo_added")
    assert entry.reason == "Đã treo xong" and entry.data["api_token"] == officer.token.prefix

    shown = officer.get(f"{base(world)}/photos/{photo.pk}/")
    assert shown.status_code == 200 and shown["Content-Type"] == "image/jpeg"
    assert b"".join(shown.streaming_content)[:2] == b"\xff\xd8"

    forged = officer.post_form(path, {"photo": pdf_upload("anh.jpg")})
    assert forged.status_code == 400
    assert forged.json()["errors"]["photo"] == [
        "Nội dung tệp “anh.jpg” không khớp với phần mở rộng .jpg."
    ]
    missing = officer.post_form(path, {"note": "Quên ảnh"})
    assert missing.status_code == 400 and "photo" in missing.json()["errors"]
    member = ApiClient(world.users["member"])
    assert member.post_form(path, {"photo": jpeg_upload()}).status_code == 403
    assert ItemPhoto.objects.filter(item=item).count() == 1


def test_the_map_and_the_dashboard_card_read_the_register(world):
    route = make_route(world)
    slogan = make_slogan(world)
    late = make_item(world, route=route, slogan=slogan)
    VisualItem.objects.filter(pk=late.pk).update(install_on=in_days(-2))
    make_item(world, route=route, slogan=slogan, latitude=None, longitude=None)
    client = ApiClient(world.users["member"])
    drawn = client.get(f"{base(world)}/map/", {"route": route.pk})
    assert drawn.status_code == 200, drawn.content
    assert [p["id"] for p in drawn.json()["points"]] == [late.pk]
    assert drawn.json()["routes"][0]["path"][0] == [14.3545, 107.999]
    assert drawn.json()["capped"] is False
    board = client.get(f"{base(world)}/overdue/").json()
    assert board["overdue_install"] == 1 and board["first"][0]["id"] == late.pk
    overdue = client.all(f"{base(world)}/items/", {"overdue": True})
    assert [i["id"] for i in overdue] == [late.pk] and overdue[0]["overdue"] is True


def test_slogans_are_kept_with_their_version_and_without_duplicates(world):
    secretariat = ApiClient(world.users["secretariat"])
    path = f"{base(world)}/slogans/"
    created = secretariat.post(path, {"text": "Mừng Đảng, mừng Xuân", "source": "Hướng dẫn"})
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["approved"] is True and body["item_count"] == 0
    again = secretariat.post(path, {"text": "mừng đảng, mừng xuân"})
    assert again.status_code == 400
    assert again.json()["errors"]["text"] == ["Khẩu hiệu này đã có trong danh sách."]
    empty = secretariat.post(path, {"text": "", "position": 0})
    assert set(empty.json()["errors"]) == {"text", "position"}

    one = f"{path}{body['id']}/"
    off = secretariat.put(one, {"text": body["text"], "approved": False, "version": 1})
    assert off.status_code == 200, off.content
    assert off.json()["approved"] is False and not Slogan.objects.get(pk=body["id"]).approved
    assert secretariat.put(one, {"text": "Khác", "version": 1}).status_code == 409
    assert ApiClient(world.users["officer"]).put(one, {"text": "Khác"}).status_code == 403
    assert [s["id"] for s in ApiClient(world.users["member"]).all(path)] == [body["id"]]


def test_routes_keep_their_line_and_give_their_printed_list_and_sheet(world):
    secretariat = ApiClient(world.users["secretariat"])
    path = f"{base(world)}/routes/"
    line = [[14.356, 108.0001], [14.3502, 108.0015]]
    created = secretariat.post(path, {"name": "Đường Lê Lợi", "path": line})
    assert created.status_code == 201, created.content
    route = Route.objects.get(pk=created.json()["id"])
    assert route.path == line and created.json()["quantity"] == 0
    wrong = secretariat.post(path, {"name": "Đường Hùng Vương", "path": [[95, 108]]})
    assert wrong.status_code == 400
    assert wrong.json()["errors"]["path"] == [
        "Dòng 1: vĩ độ từ -90 đến 90, kinh độ từ -180 đến 180."
    ]
    same = secretariat.put(f"{path}{route.pk}/", {"name": "đường lê lợi", "version": 1})
    assert same.status_code == 200 and same.json()["path"] == []
    assert secretariat.put(f"{path}{route.pk}/", {"name": "X", "version": 1}).status_code == 409

    slogan = make_slogan(world)
    make_item(world, route=route, slogan=slogan)
    make_item(world, route=route, slogan=slogan, location="Cổng chợ", quantity=4)
    reader = ApiClient(world.users["officer2"])
    total = reader.get(f"{path}{route.pk}/").json()
    assert total["quantity"] == 6 and total["item_count"] == 2 and total["pending"] == 2
    printed = reader.all(f"{path}{route.pk}/items/")
    assert [i["location"] for i in printed] == ["Cổng chợ", "Ngã tư Trần Phú – Lê Hồng Phong"]
    sheet = reader.get(f"{path}{route.pk}/xlsx/")
    assert sheet.status_code == 200 and "tuyen-truyen-duong-le-loi" in sheet["Content-Disposition"]
    rows = list(load_workbook(io.BytesIO(sheet.content)).active.iter_rows(values_only=True))
    assert any(row[0] == "Tuyến: đường lê lợi" for row in rows[:3])
    assert rows[-1][0] == "Tổng số lượng"


def test_the_lists_take_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    route, slogan = make_route(world), make_slogan(world)
    for n in range(6):
        item = make_item(world, route=route, slogan=slogan, location=f"Điểm {n}")
        make_slogan(world, text=f"Khẩu hiệu số {n}")
        make_route(world, name=f"Tuyến số {n}")
        if n % 2:
            from daihoi.propaganda import services
            from daihoi.propaganda.tests.helpers import secretariat

            services.item_add_photo(access=secretariat(world), item=item, upload=jpeg_upload())
    client = ApiClient(world.users["member"])
    for path, rows in (
        ("/items/", 6),
        ("/slogans/", 7),
        ("/routes/", 7),
        (f"/routes/{route.pk}/items/", 6),
    ):
        with django_assert_max_num_queries(8):
            response = client.get(base(world) + path)
        assert response.status_code == 200 and len(response.json()["results"]) == rows, path
    with django_assert_max_num_queries(9):
        drawn = client.get(f"{base(world)}/map/")
    assert drawn.json()["count"] == 6
    photos = [i["has_photo"] for i in client.all(f"{base(world)}/items/")]
    assert photos.count(True) == 3


def test_the_lists_ask_as_many_queries_for_one_row_as_for_many(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from daihoi.propaganda import services
    from daihoi.propaganda.tests.helpers import secretariat

    route, slogan = make_route(world), make_slogan(world)
    client = ApiClient(world.users["member"])
    paths = ("/items/", "/slogans/", "/routes/", f"/routes/{route.pk}/items/", "/map/")

    def counts() -> list[int]:
        client.get(base(world) + "/slogans/")  # the token's first use is noted once
        found = []
        for path in paths:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(base(world) + path).status_code == 200, path
            found.append(len(queries))
        return found

    item = make_item(world, route=route, slogan=slogan)
    services.item_add_photo(access=secretariat(world), item=item, upload=jpeg_upload())
    few = counts()
    for n in range(5):
        make_item(world, route=route, slogan=make_slogan(world, text=f"Khẩu hiệu {n}"))
        make_route(world, name=f"Tuyến {n}")
    assert counts() == few
