"""The rows of `table.py` for the parent's side of the levels: the schedule of the congresses
below and its deadlines, the roll-up, a congress read from above, guidance down and reports
asked of the congresses below (same shape: (method, path as in the schema): (path to call,
body, expected status per role)). The objects are `daihoi/levels/tests/matrix.py`'s: the
district under the world's congress, the national congress above it."""

from typing import Any

from daihoi.testing.matrix import MANAGERS_ONLY, expect

C = "/congresses/{congress_id}"


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


SUBORDINATE_BODY = {
    "name": "Đại hội đại biểu Đảng bộ huyện Sa Thầy",
    "organization": "Đảng bộ huyện Sa Thầy",
    "level": "district",
    "ordinal": 17,
    "term_start": 2020,
    "term_end": 2025,
}
# The congresses below are followed by the secretariat and the subcommittee leaders.
OVERSEERS_ONLY = dict(officer=403, officer2=403, member=403)
# A guidance of the congress is no object at all for those who do not follow the levels.
NOT_OVERSEEING = dict(member=404, officer=404, officer2=404)

ROWS: dict[tuple[str, str], tuple[str, Any, dict[str, int]]] = {
    # The parent's side: the schedule of the congresses below (the district under the world's
    # congress) read by the secretariat and leaders, kept by the secretariat.
    ("get", C + "/schedule-below/"): (
        C + "/schedule-below/",
        None,
        api_expect(200, **OVERSEERS_ONLY),
    ),
    ("put", C + "/schedule-below/{child_id}/"): (
        C + "/schedule-below/{child_id}/",
        {"state": "preparing", "planned_date": "20/07/2020", "is_pilot": True},
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("post", C + "/subordinates/"): (
        C + "/subordinates/",
        SUBORDINATE_BODY,
        api_expect(201, **MANAGERS_ONLY),
    ),
    ("get", C + "/level-deadlines/"): (
        C + "/level-deadlines/",
        None,
        api_expect(200, **OVERSEERS_ONLY),
    ),
    ("post", C + "/level-deadlines/"): (
        C + "/level-deadlines/",
        {"level": "district", "deadline": "15/08/2020", "text": "Hoàn thành đại hội cấp huyện"},
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("delete", C + "/level-deadlines/{deadline_id}/"): (
        C + "/level-deadlines/{deadline_id}/",
        None,
        api_expect(204, **MANAGERS_ONLY),
    ),
    ("get", C + "/rollup/"): (C + "/rollup/", None, api_expect(200, **OVERSEERS_ONLY)),
    ("get", C + "/rollup/xlsx/"): (C + "/rollup/xlsx/", None, api_expect(200, **OVERSEERS_ONLY)),
    # The congress read from above: its own people, and the national secretariat (read only).
    ("get", C + "/from-above/"): (C + "/from-above/", None, api_expect(200, parent=200)),
    # Guidance down: written and sent by the secretariat, followed by the leaders (the others:
    # 404, as the pages); the world's congress reads what the national one sent it.
    ("get", C + "/guidances/"): (C + "/guidances/", None, api_expect(200, **OVERSEERS_ONLY)),
    ("post", C + "/guidances/"): (
        C + "/guidances/",
        {"kind": "guidance", "title": "Hướng dẫn công tác bảo đảm an ninh Đại hội"},
        api_expect(201, **MANAGERS_ONLY),
    ),
    ("get", C + "/guidances/{guidance_id}/"): (
        C + "/guidances/{guidance_id}/",
        None,
        api_expect(200, **NOT_OVERSEEING),
    ),
    ("get", C + "/guidances/{guidance_id}/recipients/"): (
        C + "/guidances/{guidance_id}/recipients/",
        None,
        api_expect(200, **NOT_OVERSEEING),
    ),
    ("post", C + "/guidances/{guidance_id}/items/"): (
        C + "/guidances/{guidance_id}/items/",
        {"title": "Rà soát phương án bảo vệ", "area": "propaganda", "deadline": "D-30"},
        api_expect(201, leader=403, **NOT_OVERSEEING),
    ),
    ("put", C + "/guidances/{guidance_id}/items/{guidance_item_id}/"): (
        C + "/guidances/{guidance_id}/items/{guidance_item_id}/",
        {"title": "Treo băng rôn, khẩu hiệu chào mừng", "area": "propaganda"},
        api_expect(200, leader=403, **NOT_OVERSEEING),
    ),
    # Already sent to the only congress below: the managers are told so (sending is in
    # test_levels_guidance.py); the gates before it are the matrix's.
    ("post", C + "/guidances/{guidance_id}/send/"): (
        C + "/guidances/{guidance_id}/send/",
        {"level": "district"},
        api_expect(400, leader=403, **NOT_OVERSEEING),
    ),
    ("get", C + "/guidances/{guidance_id}/sends/{send_id}/"): (
        C + "/guidances/{guidance_id}/sends/{send_id}/",
        None,
        api_expect(200, **NOT_OVERSEEING),
    ),
    ("get", C + "/guidances-received/"): (
        C + "/guidances-received/",
        None,
        api_expect(200, officer=403, officer2=403),
    ),
    ("get", C + "/guidances-received/{recipient_id}/"): (
        C + "/guidances-received/{recipient_id}/",
        None,
        api_expect(200),
    ),
    ("post", C + "/report-requests-below/"): (
        C + "/report-requests-below/",
        {
            "title": "Báo cáo tiến độ đại hội cấp huyện",
            "deadline": "31/12/2099",
            "level": "district",
        },
        api_expect(201, **MANAGERS_ONLY),
    ),
    # The link to the congress above: the system administrator's (null: a root).
    ("put", C + "/parent/"): (C + "/parent/", {"parent": None}, api_expect(403, admin=200)),
}
