"""Several subjects in one clause, decisions that hand a task, and subjects after "nhấn mạnh"."""

from __future__ import annotations

from .helpers import agencies, pairs, run


def test_a_second_agency_with_its_own_verb_after_a_comma_is_its_own_task() -> None:
    d = run(
        "Theo kế hoạch, Văn phòng Huyện ủy chuẩn bị tài liệu, Phòng Văn hóa phụ trách trang trí."
    )
    assert [(a.agency, a.task) for a in d.assignments] == [
        ("Văn phòng Huyện ủy", "chuẩn bị tài liệu"),
        ("Phòng Văn hóa", "phụ trách trang trí"),
    ]


def test_a_list_of_agencies_after_a_verb_is_not_a_second_subject() -> None:
    d = run(
        "Ban Tuyên giáo hướng dẫn các sở, ngành, các tổng công ty thực hiện nhiệm vụ được giao."
    )
    assert pairs(d) == [("Ban Tuyên giáo", "lead")]


def test_a_decision_that_chooses_a_unit_gives_it_the_task() -> None:
    d = run("Ban Thường vụ thống nhất chọn Đảng bộ xã An Phú tổ chức đại hội điểm.")
    assert agencies(d) == ["Đảng bộ xã An Phú"]


def test_subjects_after_nhan_manh_with_a_modal() -> None:
    d = run(
        "Đồng chí Chủ tịch nhấn mạnh các cấp, các ngành cần quán triệt tinh thần chỉ đạo của "
        "Tỉnh ủy."
    )
    assert agencies(d) == ["các cấp", "các ngành"]


def test_items_of_a_conclusion_notice_headed_ve() -> None:
    d = run(
        "THÔNG BÁO\nKết luận của Phó Chủ tịch UBND tỉnh Nguyễn Văn An tại cuộc họp ngày "
        "5/9/2025\n1. Về công tác an ninh: Công an tỉnh xây dựng phương án bảo vệ.\n"
        "2. Về kinh phí: Sở Tài chính thẩm định dự toán, trình UBND tỉnh."
    )
    assert agencies(d) == ["Công an tỉnh", "Sở Tài chính"]
    assert (d.meeting.chair, d.meeting.chair_titles) == (
        "Nguyễn Văn An",
        ["Phó Chủ tịch UBND tỉnh"],
    )


def test_a_topic_closed_by_a_colon_and_a_report_task_after_a_semicolon() -> None:
    d = run("Đối với Ban Tổ chức Tỉnh ủy: Hoàn thiện hồ sơ nhân sự; báo cáo Ban Thường vụ.")
    assert [a.task for a in d.assignments] == ["Hoàn thiện hồ sơ nhân sự", "báo cáo Ban Thường vụ"]
