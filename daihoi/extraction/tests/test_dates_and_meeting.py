"""Deadlines, years and the meeting fields."""

from __future__ import annotations

from datetime import date

from daihoi.extraction import Draft
from daihoi.extraction.dates import ordinal_to_roman, to_roman

from .helpers import run


def deadlines(d: Draft) -> list[str | None]:
    return [a.deadline for a in d.assignments]


def test_deadline_with_explicit_year() -> None:
    d = run("Đề nghị Sở Nội vụ gửi báo cáo về Văn phòng UBND tỉnh trước ngày 05/12/2024.")
    assert deadlines(d) == ["2024-12-05"]


def test_deadline_without_year_takes_the_year_of_the_dateline() -> None:
    d = run(
        "Cập nhật: 14/03/2025 08:10\n"
        "Chậm nhất ngày 20/3, các phòng, ban phải nộp dự thảo báo cáo. Văn phòng Huyện ủy tổng "
        "hợp, hoàn thành trước 28-3."
    )
    assert deadlines(d) == ["2025-03-20", "2025-03-28"]


def test_deadline_in_january_after_a_december_dateline_is_next_year() -> None:
    d = run("Ngày đăng 20/12/2024\nYêu cầu các xã hoàn thành việc rà soát trước ngày 10/1.")
    assert deadlines(d) == ["2025-01-10"]


def test_deadline_year_from_the_term_when_no_dateline() -> None:
    d = run(
        "Đại hội đại biểu Đảng bộ huyện lần thứ XXII, nhiệm kỳ 2025-2030. Tổ biên tập hoàn chỉnh "
        "dự thảo, chậm nhất ngày 15.6."
    )
    assert deadlines(d) == ["2025-06-15"]


def test_deadline_without_any_year_uses_today_or_stays_null() -> None:
    text = "Đề nghị Phòng Văn hóa - Thông tin treo băng rôn từ nay đến 30/9."
    assert deadlines(run(text)) == [None]
    assert deadlines(run(text, today=date(2027, 9, 2))) == ["2027-09-30"]


def test_time_windows_and_relative_limits_give_no_deadline() -> None:
    d = run(
        "Các xã tổ chức lấy ý kiến từ ngày 10.5 đến ngày 25.5.2025. Ban Tuyên giáo Huyện ủy "
        "hoàn thiện đề cương trước khi Ban Thường vụ cho ý kiến. Các đơn vị chuẩn bị chu đáo "
        "từ nay đến ngày khai mạc đại hội. Huyện đoàn tuyên truyền trong tháng 8 và 9-2025."
    )
    assert len(d.assignments) == 4
    assert deadlines(d) == [None, None, None, None]


def test_a_date_that_is_not_a_deadline_is_ignored() -> None:
    d = run("Sở Y tế thực hiện Kế hoạch số 12/KH-UBND ngày 3/4/2025 của UBND tỉnh.")
    assert deadlines(d) == [None]


def test_roman_numerals_and_lan_thu_in_digits() -> None:
    assert to_roman(14) == "XIV"
    assert to_roman(22) == "XXII"
    assert ordinal_to_roman("14") == "XIV"
    assert ordinal_to_roman("xix") == "XIX"
    assert ordinal_to_roman("IIII") is None
    d = run("Hội nghị tổng kết Đại hội Đoàn TNCS Hồ Chí Minh tỉnh lần thứ 14 diễn ra trang trọng.")
    assert d.meeting.congress_ordinal == "XIV"


def test_congress_ordinal_is_the_one_most_mentioned_not_a_plenum() -> None:
    d = run(
        "Chuẩn bị Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI. Đại hội đại biểu Đảng bộ tỉnh lần "
        "thứ XVI sẽ bầu đoàn đại biểu dự Đại hội XIV của Đảng. Hội nghị Ban Chấp hành Trung ương "
        "lần thứ 12 đã cho ý kiến."
    )
    assert d.meeting.congress_ordinal == "XVI"


def test_meeting_fields_from_the_chair_sentence() -> None:
    d = run(
        "Họp Tiểu ban Văn kiện Đại hội đại biểu Đảng bộ huyện lần thứ XXIII\n"
        "Sáng 12/4, đồng chí Hoàng Thị Mai, Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Huyện ủy, "
        "Trưởng Tiểu ban chủ trì cuộc họp Tiểu ban Văn kiện Đại hội đại biểu Đảng bộ huyện lần "
        "thứ XXIII, nhiệm kỳ 2025-2030."
    )
    m = d.meeting
    assert m.date is None  # the year is only implied by the term
    assert m.chair == "Hoàng Thị Mai"
    assert m.chair_titles == ["Ủy viên Ban Thường vụ Tỉnh ủy", "Bí thư Huyện ủy", "Trưởng Tiểu ban"]
    assert m.congress_ordinal == "XXIII"
    assert m.term == "2025-2030"
    assert m.body == "Tiểu ban Văn kiện Đại hội đại biểu Đảng bộ huyện lần thứ XXIII"


def test_titles_before_the_name_and_body_that_met() -> None:
    d = run(
        "Ngày 9/10/2025, Tiểu ban Tổ chức phục vụ Đại hội Đảng bộ thành phố lần thứ XVII tổ "
        "chức phiên họp thứ năm. Phó Bí thư Thường trực Thành ủy, Chủ tịch HĐND thành phố Đặng "
        "Văn Khánh chủ trì phiên họp."
    )
    m = d.meeting
    assert m.date == "2025-10-09"
    assert m.chair == "Đặng Văn Khánh"
    assert m.chair_titles == ["Phó Bí thư Thường trực Thành ủy", "Chủ tịch HĐND thành phố"]
    assert m.body == "Tiểu ban Tổ chức phục vụ Đại hội Đảng bộ thành phố lần thứ XVII"


def test_chair_of_a_notice_is_who_gave_the_conclusions() -> None:
    d = run(
        "Văn phòng UBND tỉnh vừa có Thông báo truyền đạt kết luận của Phó Chủ tịch UBND tỉnh "
        "Vũ Minh Tuấn về công tác phục vụ Đại hội. Theo đó, yêu cầu Sở Xây dựng hoàn thành "
        "sửa chữa hội trường."
    )
    assert d.meeting.chair == "Vũ Minh Tuấn"
    assert d.meeting.chair_titles == ["Phó Chủ tịch UBND tỉnh"]
    assert d.meeting.body is None


def test_titles_are_kept_when_the_name_is_absent() -> None:
    d = run("Kết luận hội nghị, đồng chí Phó Bí thư Thường trực Huyện ủy yêu cầu các xã chủ động.")
    assert d.meeting.chair is None
    assert d.meeting.chair_titles == ["Phó Bí thư Thường trực Huyện ủy"]


def test_place_name_after_a_title_is_not_a_person() -> None:
    d = run("Đồng chí Bí thư Thành ủy Hà Nội chủ trì hội nghị.")
    assert d.meeting.chair is None


def test_national_congress_rule_gives_the_year() -> None:
    d = run(
        "Chiều 14/11, Tiểu ban Tổ chức phục vụ Đại hội XIV của Đảng họp phiên thứ ba. "
        "Đề nghị các cơ quan, đơn vị hoàn thành việc chuẩn bị trước ngày 20/12."
    )
    assert d.meeting.date == "2025-11-14"
    assert d.assignments[0].deadline == "2025-12-20"
    d = run("Sáng 8/1, Tiểu ban Lễ tân phục vụ Đại hội XIII của Đảng họp phiên cuối.")
    assert d.meeting.date == "2021-01-08"


def test_year_in_the_text_gives_the_meeting_year_and_unknown_year_gives_null() -> None:
    d = run("Ngày 3-9, Ban Chỉ đạo Đại hội Thể dục thể thao huyện lần thứ IX, năm 2022 họp.")
    assert d.meeting.date == "2022-09-03"
    d = run("Chiều 18/5, Tiểu ban Nhân sự Đại hội Đảng bộ xã lần thứ XV tổ chức cuộc họp.")
    assert d.meeting.date is None
    assert run("Chiều 18/5, Tiểu ban Nhân sự họp.", today=date(2025, 6, 1)).meeting.date == (
        "2025-05-18"
    )


def test_deadline_chậm_nhất_takes_the_year_of_the_election_term() -> None:
    d = run(
        "Bầu cử đại biểu HĐND nhiệm kỳ 2026-2031. Ủy ban bầu cử tỉnh yêu cầu các Tổ bầu cử "
        "niêm yết danh sách cử tri chậm nhất ngày 12/4."
    )
    assert [(a.agency, a.deadline) for a in d.assignments] == [("các Tổ bầu cử", "2026-04-12")]


def test_deadline_trước_ngày_takes_the_year_of_the_congress_term() -> None:
    d = run(
        "Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2025-2030. Đề nghị Sở Tài chính hoàn thành "
        "dự toán kinh phí trước ngày 15/8."
    )
    assert [a.deadline for a in d.assignments] == ["2025-08-15"]


def test_deadline_trong_ngày_for_a_national_congress() -> None:
    d = run(
        "Chuẩn bị Đại hội XIV của Đảng. Tiểu ban yêu cầu các tỉnh ủy, thành ủy gửi báo cáo "
        "về Văn phòng Trung ương trong ngày 20/11."
    )
    assert [(a.agency, a.deadline) for a in d.assignments] == [
        ("các tỉnh ủy, thành ủy", "2025-11-20")
    ]


def test_deadline_hạn_chót_and_a_department_with_its_domain() -> None:
    d = run("Ngày 2/3/2021, Sở Nội vụ yêu cầu các phòng nội vụ gửi báo cáo, hạn chót là ngày 10/3.")
    assert [(a.agency, a.deadline) for a in d.assignments] == [("các phòng nội vụ", "2021-03-10")]


def test_military_rank_after_do_and_dashed_titles() -> None:
    d = run(
        "Phiên họp sáng nay của Ban An ninh do Thượng tá Lê Quang Vinh, Phó Giám đốc Công an "
        "huyện - Phó Trưởng ban chủ trì."
    )
    assert d.meeting.chair == "Lê Quang Vinh"
    assert d.meeting.chair_titles == ["Thượng tá", "Phó Giám đốc Công an huyện", "Phó Trưởng ban"]


def test_name_and_title_separated_by_a_dash() -> None:
    d = run("Đồng chí Lê Thị Hoa – Phó Bí thư Huyện ủy, Trưởng Tiểu ban chủ trì cuộc họp.")
    assert d.meeting.chair == "Lê Thị Hoa"
    assert d.meeting.chair_titles == ["Phó Bí thư Huyện ủy", "Trưởng Tiểu ban"]


def test_deadline_from_the_cell_of_a_plan_table() -> None:
    d = run(
        "Kế hoạch bầu cử năm 2026\n\nTT\n\nNội dung công việc\n\nNgày chậm nhất phải hoàn thành"
        "\n\n1\n\nSở Nội vụ tổng hợp danh sách người ứng cử của các địa phương.\n\n30 ngày\n\n"
        "15/03/2026 (thứ Hai)\n\n2\n\nUBND các huyện niêm yết danh sách cử tri.\n\n3\n\n"
        "Sở Tư pháp hướng dẫn nghiệp vụ.\n\n20/03/2026\n"
    )
    assert [(a.agency, a.deadline) for a in d.assignments] == [
        ("Sở Nội vụ", "2026-03-15"),
        ("UBND các huyện", None),
        ("Sở Tư pháp", "2026-03-20"),
    ]


def test_a_fixed_day_of_a_task_is_not_the_meeting_date() -> None:
    d = run(
        "Bộ trưởng yêu cầu Cục Văn hóa cơ sở hướng dẫn các địa phương treo cờ trong ngày 19/5/2025."
    )
    assert [(a.agency, a.deadline) for a in d.assignments] == [("Cục Văn hóa cơ sở", "2025-05-19")]
    assert d.meeting.date is None


def test_a_deadline_with_the_hour_before_the_day() -> None:
    for text in (
        "Các chi bộ nộp biên bản về Đảng ủy trước 16 giờ ngày 8/10/2025.",
        "Các chi bộ nộp biên bản về Đảng ủy chậm nhất 16h30, ngày 8/10/2025.",
    ):
        assert [a.deadline for a in run(text).assignments] == ["2025-10-08"], text


def test_a_sentence_that_only_gives_the_completion_date_dates_the_directive() -> None:
    d = run(
        "Đồng chí Trưởng ban yêu cầu Phòng Văn hóa - Thông tin treo băng rôn trên các trục "
        "đường. Hoàn thành trước ngày 12/10/2025."
    )
    assert [(a.agency, a.deadline) for a in d.assignments] == [
        ("Phòng Văn hóa - Thông tin", "2025-10-12")
    ]
