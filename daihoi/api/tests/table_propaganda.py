"""The rows of `table.py` for Tuyên truyền (same shape: (method, path as in the schema): (path
to call, body, expected status per role)). The objects are `daihoi/propaganda/tests/matrix.py`'s:
an item carried out by Ban Tuyên giáo (officer) with its photo, its route and slogan, an outlet
with a column and a piece, an exhibition. Everyone of the congress reads; the secretariat, the
administrator and the propaganda subcommittee (the leader sits on it) write; the officer of the
carrying-out agency adds photos and installs or removes."""

from typing import Any

from daihoi.testing.matrix import ROLES, expect

C = "/congresses/{congress_id}"
P = C + "/propaganda"


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


READ = api_expect(200)
# Refused to those who only read (403), as the pages.
READERS = dict(officer=403, officer2=403, member=403)
PROOF_READERS = dict(officer2=403, member=403)

ITEM_BODY = {
    "kind": "panel",
    "route": "{route_id}",
    "location": "Trước Quảng trường 16 tháng 3",
    "latitude": 14.3535,
    "longitude": 108.0041,
    "quantity": 3,
    "slogan": "{slogan_id}",
    "agency": "{btg}",
    "install_on": "05/10/2020",
    "remove_on": "30/10/2020",
}
SLOGAN_BODY = {"text": "Đảng Cộng sản Việt Nam quang vinh muôn năm!", "position": 2}
ROUTE_BODY = {
    "name": "Đường Phan Đình Phùng",
    "locality": "Phường Thắng Lợi",
    "path": [[14.3560, 108.0001], [14.3502, 108.0015]],
}
OUTLET_BODY = {"name": "Đài Phát thanh và Truyền hình tỉnh", "kind": "broadcast"}
COLUMN_BODY = {"outlet": "{outlet_id}", "kind": "page", "name": "Chuyên trang Đại hội Đảng"}
PIECE_BODY = {
    "outlet": "{outlet_id}",
    "column": "{column_id}",
    "kind": "reportage",
    "title": "Phóng sự: Kon Tum trước ngày hội lớn",
    "planned_on": "01/10/2020",
}
EVENT_BODY = {
    "kind": "performance",
    "title": "Chương trình nghệ thuật chào mừng Đại hội",
    "venue": "Quảng trường 16 tháng 3",
    "starts_on": "12/10/2020",
    "readiness": "preparing",
}


def _record(name: str, key: str, body: dict) -> dict:
    """A record's list or read, its creation and its edit."""
    one = f"{P}/{name}/{{{key}}}/"
    return {
        ("get", one): (one, None, READ),
        ("post", f"{P}/{name}/"): (f"{P}/{name}/", body, api_expect(201, **READERS)),
        ("put", one): (one, body, api_expect(200, **READERS)),
    }


ROWS: dict[tuple[str, str], tuple[str, Any, dict[str, int]]] = {
    ("get", P + "/items/"): (P + "/items/", None, READ),
    ("get", P + "/map/"): (P + "/map/", None, READ),
    ("get", P + "/overdue/"): (P + "/overdue/", None, READ),
    ("get", P + "/photos/{proof_id}/"): (P + "/photos/{proof_id}/", None, READ),
    **_record("items", "visual_id", ITEM_BODY),
    # Posted without a photo: the page's message (400) to those who may send one.
    ("post", P + "/items/{visual_id}/photos/"): (
        P + "/items/{visual_id}/photos/",
        {"note": "Ảnh chụp sau khi lắp"},
        api_expect(400, **PROOF_READERS),
    ),
    # The item is planned: the writers and the carrying-out agency mark it installed.
    ("post", P + "/items/{visual_id}/state/"): (
        P + "/items/{visual_id}/state/",
        {"state": "installed", "on": "06/10/2020"},
        api_expect(200, **PROOF_READERS),
    ),
    ("get", P + "/slogans/"): (P + "/slogans/", None, READ),
    **_record("slogans", "slogan_id", SLOGAN_BODY),
    ("get", P + "/routes/"): (P + "/routes/", None, READ),
    **_record("routes", "route_id", ROUTE_BODY),
    ("get", P + "/routes/{route_id}/items/"): (P + "/routes/{route_id}/items/", None, READ),
    ("get", P + "/routes/{route_id}/xlsx/"): (P + "/routes/{route_id}/xlsx/", None, READ),
    ("get", P + "/media/"): (P + "/media/", None, READ),
    ("get", P + "/pieces/"): (P + "/pieces/", None, READ),
    **_record("outlets", "outlet_id", OUTLET_BODY),
    **_record("columns", "column_id", COLUMN_BODY),
    **_record("pieces", "piece_id", PIECE_BODY),
    ("get", P + "/events/"): (P + "/events/", None, READ),
    **_record("events", "event_id", EVENT_BODY),
}

MULTIPART = ("/photos/",)

SESSION_POSTS = {
    # A form without the photo: the page's message to those who may send one.
    "item_photo_add": ROWS[("post", P + "/items/{visual_id}/photos/")][2],
    # These read a JSON body: a form is refused before anything else.
    **dict.fromkeys(
        ("item_state", "outlet_create", "column_create"),
        {r: 400 for r in ROLES} | {"anonymous": 401},
    ),
}
