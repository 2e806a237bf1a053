"""Hậu cần through the API: the readiness checklist (its form, the agency's report with photo
proof, the photos) and lodging (hotels, rooms, stays, the automatic lodging, the manifest as
JSON and XLSX); the pages' rules, messages and audit trail."""

import io

import openpyxl
from django.db import connection
from django.test.utils import CaptureQueriesContext

from daihoi.accounts.models import Role
from daihoi.api.models import Scope
from daihoi.core.models import AuditEntry
from daihoi.logistics import services
from daihoi.logistics.models import Hotel, ReadinessItem, Room, Stay
from daihoi.logistics.tests.helpers import (
    accesses,
    hotel_with_rooms,
    png_bytes,
    readiness_item,
    roster,
)
from daihoi.organizations.models import Participation
from daihoi.testing.factories import UserFactory

from .helpers import ApiClient

M, F = "male", "female"
KT = "Đoàn Đảng bộ thành phố Kon Tum"


def _base(world) -> str:
    return f"/congresses/{world.congress.pk}/logistics"


def test_the_staff_keep_the_checklist_with_its_version_and_the_agency_reports_with_photos(world):
    base = _base(world)
    secretariat = ApiClient(world.users["secretariat"])
    body = {"area": "flags", "title": "Treo băng rôn chào mừng", "agency": world.agencies["btg"].pk}

    missing = secretariat.post(base + "/readiness/", {"area": "flags", "agency": body["agency"]})
    assert missing.status_code == 400
    assert missing.json()["errors"]["title"] == ["Trường này là bắt buộc."]

    created = secretariat.post(base + "/readiness/", body | {"deadline": "10/10/2020"})
    assert created.status_code == 201, created.content
    item = created.json()
    assert item["area_label"] == "Cờ, pano, khẩu hiệu tuyên truyền"
    assert item["agency"]["name"] == world.agencies["btg"].name and item["state"] == "todo"
    assert item["deadline"] == "2020-10-10" and item["late"] is True and item["photos"] == []

    path = f"{base}/readiness/{item['id']}/"
    saved = secretariat.put(path, body | {"title": "Treo cờ, băng rôn", "version": item["version"]})
    assert saved.status_code == 200, saved.content
    assert saved.json()["version"] == item["version"] + 1
    stale = secretariat.put(path, body | {"title": "Ghi đè", "version": item["version"]})
    assert stale.status_code == 409
    assert ReadinessItem.objects.get(pk=item["id"]).title == "Treo cờ, băng rôn"

    # The responsible agency's officer reports, with a photo; another agency's may not.
    officer = ApiClient(world.users["officer"])
    bad = officer.post_form(path + "report/", {"state": "paused"})
    assert bad.status_code == 400
    assert "state" in bad.json()["errors"]
    photo = io.BytesIO(png_bytes())
    photo.name = "bang-ron.png"
    reported = officer.post_form(
        path + "report/", {"state": "ready", "note": "Đã treo xong", "photos": [photo]}
    )
    assert reported.status_code == 200, reported.content
    assert reported.json()["state"] == "ready" and reported.json()["photo_count"] == 1
    [stored] = reported.json()["photos"]
    assert stored["name"] == "bang-ron.png"
    assert ReadinessItem.objects.get(pk=item["id"]).state == "ready"
    entry = AuditEntry.objects.filter(object_id=item["id"], action="readiness.reported").get()
    assert entry.data.get("api_token") == officer.token.prefix

    download = officer.get(f"{base}/readiness-photos/{stored['id']}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"\x89PNG")

    refused = ApiClient(world.users["officer2"]).post_form(path + "report/", {"state": "doing"})
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("Chỉ cơ quan chịu trách nhiệm hạng mục")
    assert ApiClient(world.users["member"]).post(base + "/readiness/", body).status_code == 403


def test_the_checklist_is_filtered_as_the_page_and_summed_by_area(world):
    base = _base(world)
    readiness_item(world)
    readiness_item(world, title="Kiểm tra âm thanh")
    member = ApiClient(world.users["member"])
    rows = member.all(base + "/readiness/")
    assert {r["title"] for r in rows} == {
        "Trang trí hội trường, treo cờ Đảng, cờ Tổ quốc",
        "Kiểm tra âm thanh",
    }
    assert member.all(base + "/readiness/", {"state": "ready"}) == []
    assert len(member.all(base + "/readiness/", {"area": "hall"})) == 2
    wrong = member.get(base + "/readiness/", {"area": "khong-co"})
    assert wrong.status_code == 400 and "area" in wrong.json()["errors"]
    # "mine": the items of the caller's agency only (officer2 is Finance's: none).
    assert ApiClient(world.users["officer2"]).all(base + "/readiness/", {"mine": "true"}) == []
    assert len(ApiClient(world.users["officer"]).all(base + "/readiness/", {"mine": "true"})) == 2

    summary = member.get(base + "/readiness/summary/").json()
    assert summary["total"] == 2 and summary["areas"][0]["area"] == "hall"
    home = member.get(base + "/").json()
    assert home["readiness"]["total"] == 2 and home["staff"] is False and home["hotels"] == []


def _queries(client: ApiClient, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200, path
    return len(captured)


def test_the_checklist_takes_a_fixed_number_of_queries_as_items_grow(world):
    member = ApiClient(world.users["member"])
    base = _base(world)
    readiness_item(world, title="Hạng mục đầu")
    member.get(base + "/")  # the token's first use is recorded once
    few = [_queries(member, base + path) for path in ("/readiness/", "/readiness/summary/", "/")]
    for n in range(5):
        readiness_item(world, title=f"Hạng mục {n}")
    many = [_queries(member, base + path) for path in ("/readiness/", "/readiness/summary/", "/")]
    assert many == few and max(many) <= 8
    assert len(member.get(base + "/readiness/").json()["results"]) == 6


def test_the_staff_lodge_delegates_room_by_room_and_release_them(world):
    a, b, c = roster(world, ("A Lâm", M, KT), ("Y Bôn", M, KT), ("Y Ngọc", F, KT))
    base = _base(world)
    leader = ApiClient(world.users["leader"])

    hotel = leader.post(base + "/hotels/", {"name": "Khách sạn Đăk Bla", "address": "Kon Tum"})
    assert hotel.status_code == 201, hotel.content
    hotel_id = hotel.json()["id"]
    assert leader.post(base + "/hotels/", {"address": "Kon Tum"}).json()["errors"]["name"]
    rooms = leader.post(
        f"{base}/hotels/{hotel_id}/rooms/", {"numbers": "101-102", "capacity": 2, "gender_rule": M}
    )
    assert rooms.status_code == 201, rooms.content
    assert [r["number"] for r in rooms.json()] == ["101", "102"]
    assert rooms.json()[0]["gender_rule_label"] == "Nam"
    room_101 = rooms.json()[0]

    edited = leader.put(
        f"{base}/rooms/{room_101['id']}/",
        {"number": "101", "capacity": 3, "gender_rule": M, "version": room_101["version"]},
    )
    assert edited.status_code == 200 and edited.json()["capacity"] == 3
    stale = leader.put(
        f"{base}/rooms/{room_101['id']}/",
        {"number": "101", "capacity": 1, "gender_rule": M, "version": room_101["version"]},
    )
    assert stale.status_code == 409
    renamed = leader.put(
        f"{base}/hotels/{hotel_id}/", {"name": "Khách sạn Đăk Bla 2", "version": 1}
    )
    assert (
        renamed.status_code == 200 and Hotel.objects.get(pk=hotel_id).name == "Khách sạn Đăk Bla 2"
    )

    stay = leader.post(base + "/stays/", {"delegate": a.pk, "room": room_101["id"]})
    assert stay.status_code == 200, stay.content
    assert stay.json()["room"]["number"] == "101" and stay.json()["first_night"] == "2020-10-13"
    # A woman into a room for men: the service's reason.
    refused = leader.post(base + "/stays/", {"delegate": c.pk, "room": room_101["id"]})
    assert refused.status_code == 400
    assert refused.json()["errors"] == {"room": ["Phòng 101 dành cho đại biểu nam."]}
    unknown = leader.post(base + "/stays/", {"delegate": a.pk, "room": 0})
    assert unknown.status_code == 400 and "room" in unknown.json()["errors"]

    detail = leader.get(f"{base}/hotels/{hotel_id}/", {"night": "14/10/2020"}).json()
    assert detail["night"] == "2020-10-14"
    assert detail["rooms"][0]["guests"][0]["delegate"]["full_name"] == "A Lâm"
    assert detail["moves"][0]["to_room"] == "Khách sạn Đăk Bla 2 — Phòng 101"
    manifest = leader.get(f"{base}/hotels/{hotel_id}/manifest/").json()
    assert manifest["night"] == "2020-10-13" and manifest["rooms"][0]["free"] == 2

    sheet = leader.get(f"{base}/hotels/{hotel_id}/manifest/xlsx/", {"night": "13/10/2020"})
    assert sheet.status_code == 200
    assert sheet["Content-Disposition"].endswith(f'danh-sach-nghi-{hotel_id}-2020-10-13.xlsx"')
    cells = [
        [c for c in row if c is not None]
        for row in openpyxl.load_workbook(io.BytesIO(sheet.content)).active.iter_rows(
            values_only=True
        )
    ]
    assert ["101", "Nam", 1, "A Lâm", "Nam", KT] in [row[:6] for row in cells]

    waiting = leader.all(base + "/lodging/waiting/")
    assert {d["full_name"] for d in waiting} == {"Y Bôn", "Y Ngọc"}
    auto = leader.post(base + "/lodging/auto/")
    assert auto.status_code == 200, auto.content
    assert auto.json()["assigned"] == 1 and auto.json()["without_room"] == 1
    assert "Còn 1 đại biểu chưa có phòng phù hợp" in auto.json()["detail"]
    assert Stay.objects.filter(delegate=b).exists()

    released = leader.delete(f"{base}/stays/{stay.json()['id']}/?reason=Về sớm")
    assert released.status_code == 204
    assert not Stay.objects.filter(delegate=a).exists()
    entry = AuditEntry.objects.filter(action="stay.removed").latest("id")
    assert entry.data.get("api_token") == leader.token.prefix
    overview = leader.get(base + "/lodging/").json()
    assert overview["waiting_count"] == 2 and overview["hotels"][0]["lodged"] == 1
    assert overview["nights"] == ["2020-10-13", "2020-10-14", "2020-10-15"]


def test_lodging_is_the_staffs_and_another_congress_finds_nothing(world):
    hotel = hotel_with_rooms(world, "101")
    room = Room.objects.get(hotel=hotel)
    base = _base(world)
    officer = ApiClient(world.users["officer"])
    refused = officer.get(f"{base}/hotels/{hotel.pk}/")
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("Chỉ Văn phòng và Tiểu ban Tổ chức phục vụ")
    assert officer.get(base + "/lodging/").status_code == 403
    assert ApiClient(world.users["outsider"]).get(f"{base}/hotels/{hotel.pk}/").status_code == 404
    # The other congress's secretariat: its own congress has no such hotel or room.
    other_staff = UserFactory.create(username="vanphong-hd")
    Participation.objects.create(user=other_staff, congress=world.other, role=Role.SECRETARIAT)
    other = f"/congresses/{world.other.pk}/logistics"
    sibling = ApiClient(other_staff)
    assert sibling.get(f"{other}/hotels/{hotel.pk}/").status_code == 404
    assert (
        sibling.put(
            f"{other}/rooms/{room.pk}/", {"number": "9", "capacity": 1, "gender_rule": "any"}
        ).status_code
        == 404
    )

    reader = ApiClient(world.users["secretariat"], scope=Scope.READ)
    assert reader.get(f"{base}/hotels/{hotel.pk}/").status_code == 200
    read_only = reader.post(base + "/hotels/", {"name": "Nhà khách"})
    assert read_only.status_code == 403 and "chỉ có quyền đọc" in read_only.json()["detail"]
    assert reader.post(base + "/lodging/auto/").status_code == 403
    assert not Hotel.objects.filter(name="Nhà khách").exists()


def test_the_lodging_lists_take_a_fixed_number_of_queries_as_rows_grow(world):
    people = roster(world, *[(f"Đại biểu {n}", M, KT) for n in range(8)])
    hotel = hotel_with_rooms(world, "101-104")
    rooms = list(Room.objects.filter(hotel=hotel).order_by("number"))
    staff = accesses(world)["secretariat"]
    leader = ApiClient(world.users["leader"])
    base = _base(world)
    paths = (
        "/lodging/",
        "/lodging/waiting/",
        f"/hotels/{hotel.pk}/",
        "/",
        f"/hotels/{hotel.pk}/manifest/",
    )
    services.stay_assign(access=staff, delegate=people[0], room=rooms[0])
    leader.get(base + "/")  # the token's first use is recorded once
    few = [_queries(leader, base + path) for path in paths]
    for n, person in enumerate(people[1:5], start=1):
        services.stay_assign(access=staff, delegate=person, room=rooms[n // 2])
    many = [_queries(leader, base + path) for path in paths]
    assert many == few and max(many) <= 12
    assert len(leader.get(base + "/lodging/waiting/").json()["results"]) == 3
