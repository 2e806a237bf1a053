"""The chair and titles in the forms office-holders are written in, the body that met, and
dates that are not the meeting's (a cited document's, a letter's own, a table cell's)."""

from __future__ import annotations

from .helpers import run


def test_chaired_under_the_chairmanship_of_gives_name_and_titles() -> None:
    m = run(
        "Ngày 12/12/2024, Hội đồng Thi đua - Khen thưởng tỉnh họp dưới sự chủ trì của đồng "
        "chí Lê Thị Mai, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, Chủ tịch Hội đồng."
    ).meeting
    assert m.chair == "Lê Thị Mai"
    assert m.chair_titles == ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh", "Chủ tịch Hội đồng"]
    assert m.body == "Hội đồng Thi đua - Khen thưởng tỉnh"


def test_titles_before_a_dash_and_the_name() -> None:
    m = run(
        "Chiều ngày 21/11/2024, đồng chí Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện, "
        "Tổ trưởng Tổ biên tập - Trần Văn Nam đã chủ trì buổi họp Tổ biên tập văn kiện."
    ).meeting
    assert m.chair == "Trần Văn Nam"
    assert m.chair_titles == [
        "Phó Bí thư Thường trực Huyện ủy",
        "Chủ tịch HĐND huyện",
        "Tổ trưởng Tổ biên tập",
    ]
    assert m.body == "Tổ biên tập văn kiện"


def test_a_name_joined_to_its_first_title_by_a_dash() -> None:
    m = run(
        "Sáng 5/9/2024, đồng chí Hoàng Văn Sơn-Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư "
        "Tỉnh ủy chủ trì phiên họp thứ nhất của Tiểu ban văn kiện."
    ).meeting
    assert m.chair == "Hoàng Văn Sơn"
    assert m.chair_titles == ["Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy"]


def test_the_body_stops_before_who_chaired_it() -> None:
    m = run(
        "Vừa qua, Tiểu ban An ninh trật tự do Đại tá Phạm Văn Hòa, Giám đốc Công an tỉnh - "
        "Trưởng Tiểu ban, đã chủ trì cuộc họp triển khai kế hoạch."
    ).meeting
    assert m.body == "Tiểu ban An ninh trật tự"
    assert m.chair_titles == ["Đại tá", "Giám đốc Công an tỉnh", "Trưởng Tiểu ban"]


def test_a_letter_signed_on_the_ministers_behalf_has_no_chair_and_no_meeting_date() -> None:
    m = run(
        "BỘ NỘI VỤ\nSố: 45/BNV-VP\nHà Nội, ngày 5 tháng 3 năm 2024\nKính gửi: Sở Nội vụ các "
        "tỉnh, thành phố.\nBộ Nội vụ đề nghị Sở Nội vụ các tỉnh, thành phố gửi báo cáo về Bộ "
        "trước ngày 20/3/2024.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nPhan Văn Hải"
    ).meeting
    assert (m.chair, m.chair_titles, m.date) == (None, [], None)


def test_the_date_of_a_cited_document_is_not_the_meetings() -> None:
    m = run(
        "Thực hiện Kế hoạch 45-KH/TU ngày 20 tháng 01 năm 2025 của Tỉnh ủy, đề nghị các huyện "
        "ủy tổ chức tuyên truyền."
    ).meeting
    assert m.date is None


def test_a_date_in_the_next_table_cell_is_not_the_meetings() -> None:
    m = run(
        "Kế hoạch bầu cử của tỉnh gồm các bước sau.\nNiêm yết danh sách cử tri\n"
        "Số ngày trước ngày bầu cử: 40 ngày\n\n07/02/2025 (chủ nhật)\n"
    ).meeting
    assert m.date is None


def test_a_council_chair_title_keeps_hoi_dong_before_chu_tri() -> None:
    m = run(
        "Hội đồng Thi đua - Khen thưởng tỉnh họp xét khen thưởng. Sáng 8/1/2025, đồng chí "
        "Nguyễn Văn Bình, Chủ tịch UBND tỉnh, Chủ tịch Hội đồng chủ trì."
    ).meeting
    assert m.chair == "Nguyễn Văn Bình"
    assert m.chair_titles == ["Chủ tịch UBND tỉnh", "Chủ tịch Hội đồng"]


def test_a_decision_number_with_spaces_dates_no_meeting() -> None:
    m = run(
        "Căn cứ Quyết định số 103/QĐ /UBND ngày 12 tháng 01 năm 2025 của UBND tỉnh, đề nghị "
        "các sở xây dựng kế hoạch tổ chức ngày hội."
    ).meeting
    assert m.date is None


def test_the_congress_toward_which_all_levels_go_is_not_the_ordinal() -> None:
    m = run(
        "Huyện ủy triển khai kế hoạch đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn "
        "quốc lần thứ XIV của Đảng. Đề nghị các chi bộ tổ chức đại hội đúng tiến độ."
    ).meeting
    assert m.congress_ordinal is None
    m = run(
        "Tiểu ban văn kiện Đại hội Đảng bộ tỉnh lần thứ XVIII họp, tiến tới Đại hội đại biểu "
        "toàn quốc lần thứ XIV của Đảng."
    ).meeting
    assert m.congress_ordinal == "XVIII"


def test_chair_named_after_chu_tri_cuoc_hop_co() -> None:
    d = run(
        "Họp Tiểu ban Hậu cần. Chủ trì cuộc họp có đồng chí Đinh Văn Quang, Phó Chủ tịch UBND "
        "huyện, Trưởng Tiểu ban Hậu cần."
    )
    assert d.meeting.chair == "Đinh Văn Quang"
    assert d.meeting.chair_titles == ["Phó Chủ tịch UBND huyện", "Trưởng Tiểu ban Hậu cần"]
