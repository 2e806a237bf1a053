"""More addressee shapes: an apposition in brackets, "Riêng …", a unit's number, a
condition that picks the units ("đơn vị nào chưa … thì"), the press by its place, a bloc's
party committee, and the year an election or an anniversary fixes for a deadline."""

from __future__ import annotations

from .helpers import agencies, run


def test_an_apposition_in_brackets_stands_between_agency_and_task() -> None:
    d = run(
        "Văn phòng Tỉnh ủy (cơ quan thường trực Tiểu ban) chịu trách nhiệm chuẩn bị hội trường."
    )
    assert agencies(d) == ["Văn phòng Tỉnh ủy"]
    assert d.assignments[0].task == "chịu trách nhiệm chuẩn bị hội trường"


def test_rieng_before_the_agency_is_not_part_of_it() -> None:
    d = run("Riêng Sở Tài chính cần sớm bố trí kinh phí cho các tiểu ban.")
    assert agencies(d) == ["Sở Tài chính"]


def test_units_picked_out_by_a_condition() -> None:
    d = run("Đơn vị nào chưa gửi báo cáo thì khẩn trương gửi về Văn phòng trước ngày 10/10/2025.")
    assert [(a.agency, a.task, a.deadline) for a in d.assignments] == [
        (
            "Đơn vị nào chưa gửi báo cáo",
            "khẩn trương gửi về Văn phòng trước ngày 10/10/2025",
            "2025-10-10",
        )
    ]


def test_the_press_named_by_its_place() -> None:
    d = run("Báo tỉnh, Đài huyện mở chuyên mục tuyên truyền về cuộc bầu cử.")
    assert agencies(d) == ["Báo tỉnh", "Đài huyện"]


def test_a_blocs_party_committee_keeps_its_whole_name() -> None:
    d = run("Yêu cầu Đảng ủy Khối các cơ quan tỉnh hoàn thành đại hội các chi bộ trực thuộc.")
    assert agencies(d) == ["Đảng ủy Khối các cơ quan tỉnh"]


def test_a_national_assembly_election_fixes_the_year_of_a_deadline() -> None:
    d = run(
        "Chuẩn bị bầu cử đại biểu Quốc hội khóa XVI. Các tổ bầu cử phải niêm yết danh sách cử "
        "tri chậm nhất ngày 13/2."
    )
    assert [a.deadline for a in d.assignments] == ["2026-02-13"]


def test_an_anniversary_with_its_years_fixes_the_year_of_a_deadline() -> None:
    d = run(
        "Tổ chức kỷ niệm 80 năm Ngày thành lập tỉnh (1945-2025). Đề nghị các sở gửi kế hoạch "
        "về Sở Văn hóa trước ngày 10/8."
    )
    assert [a.deadline for a in d.assignments] == ["2025-08-10"]


def test_no_year_at_all_leaves_the_deadline_unknown() -> None:
    d = run("Đề nghị các sở gửi kế hoạch về Sở Văn hóa trước ngày 10/8.")
    assert [a.deadline for a in d.assignments] == [None]


def test_a_head_written_in_lower_case_before_a_capitalised_name() -> None:
    d = run("Đồng chí Phó Chủ tịch đề nghị ban Dân tộc phối hợp với các huyện chuẩn bị đại hội.")
    assert agencies(d) == ["ban Dân tộc"]
    assert agencies(d, "coordinate") == ["các huyện"]


def test_a_committee_named_by_two_functions_after_a_comma() -> None:
    d = run(
        "Yêu cầu Tiểu ban Tuyên truyền, khánh tiết cùng các cơ quan chức năng rà soát, hoàn "
        "thiện việc trang trí."
    )
    assert agencies(d) == ["Tiểu ban Tuyên truyền, khánh tiết", "các cơ quan chức năng"]


def test_a_function_followed_by_a_list_of_tasks_is_not_absorbed() -> None:
    d = run("Tiểu ban Tuyên truyền xây dựng đề cương, khánh tiết hội trường, in tài liệu.")
    assert agencies(d) == ["Tiểu ban Tuyên truyền"]


def test_an_agency_on_a_line_of_its_own_heads_the_tasks_below() -> None:
    d = run(
        "UBND tỉnh giao nhiệm vụ cụ thể như sau:\n1. Sở Y tế\nBố trí đội cấp cứu lưu động.\n"
        "2. Công an tỉnh\nXây dựng phương án bảo vệ an ninh."
    )
    assert [(a.agency, a.task) for a in d.assignments] == [
        ("Sở Y tế", "Bố trí đội cấp cứu lưu động"),
        ("Công an tỉnh", "Xây dựng phương án bảo vệ an ninh"),
    ]


def test_a_name_is_not_cut_at_a_quantifier() -> None:
    d = run("Ban Thường vụ Đoàn các trường đại học, cao đẳng phải hoàn thành đại hội trong quý II.")
    assert agencies(d) == ["Ban Thường vụ Đoàn các trường đại học, cao đẳng"]
    d = run("Ban Thường vụ Đoàn các cơ sở trực thuộc phải báo cáo kết quả đại hội.")
    assert agencies(d) == ["Ban Thường vụ Đoàn các cơ sở trực thuộc"]


def test_an_organising_board_named_after_its_event() -> None:
    d = run("Giao Ban Tổ chức Ngày hội Văn hóa chuẩn bị sân khấu và âm thanh.")
    assert agencies(d) == ["Ban Tổ chức Ngày hội Văn hóa"]


def test_units_named_by_their_duty_up_to_the_modal() -> None:
    d = run(
        "Đồng chí Bí thư yêu cầu các nhóm được phân công xây dựng dự thảo báo cáo cần tiếp tục "
        "nghiên cứu, bổ sung số liệu."
    )
    assert [(a.agency, a.task) for a in d.assignments] == [
        ("các nhóm được phân công xây dựng dự thảo báo cáo", "tiếp tục nghiên cứu, bổ sung số liệu")
    ]


def test_an_apposition_after_a_dash_or_without_one_is_skipped() -> None:
    d = run("Sở Nội vụ - cơ quan thường trực của Ủy ban bầu cử tỉnh tham mưu tổ chức tập huấn.")
    assert [(a.agency, a.task) for a in d.assignments] == [
        ("Sở Nội vụ", "tham mưu tổ chức tập huấn")
    ]
    d = run(
        "Sở Nội vụ cơ quan thường trực Hội đồng Thi đua - Khen thưởng tỉnh tổng hợp hồ sơ đề "
        "nghị khen thưởng."
    )
    assert [(a.agency, a.task) for a in d.assignments] == [
        ("Sở Nội vụ", "tổng hợp hồ sơ đề nghị khen thưởng")
    ]


def test_more_kinds_of_generic_addressee() -> None:
    d = run(
        "Đề nghị các cơ quan, công sở, đơn vị lực lượng vũ trang, doanh nghiệp, trường học treo "
        "cờ Tổ quốc."
    )
    assert agencies(d) == [
        "các cơ quan, công sở, đơn vị lực lượng vũ trang, doanh nghiệp, trường học"
    ]
    d = run("Đề nghị các hộ gia đình treo cờ Tổ quốc trong những ngày diễn ra Đại hội.")
    assert agencies(d) == ["các hộ gia đình"]


def test_a_units_number_belongs_to_its_name() -> None:
    d = run("Tổ bầu cử số 7 phải dán danh sách cử tri ở nhà văn hóa thôn.")
    assert agencies(d) == ["Tổ bầu cử số 7"]


def test_rieng_opens_a_topic_whose_agency_takes_the_task() -> None:
    d = run("Riêng Sở Công Thương, bảo đảm nguồn điện cho các điểm bỏ phiếu.")
    assert [(a.agency, a.task) for a in d.assignments] == [
        ("Sở Công Thương", "bảo đảm nguồn điện cho các điểm bỏ phiếu")
    ]
    d = run("Riêng Sở Công Thương, đã bảo đảm nguồn điện cho các điểm bỏ phiếu.")
    assert d.assignments == []
