"""Names of agencies read to their end: places written with a slash, a department's field in
lower case, a comma series of three fields, a committee's second function in lower case, a
working group of a named owner, committees named by their field of work."""

from __future__ import annotations

from .helpers import agencies, pairs, run


def test_a_department_of_every_province_written_with_a_slash_is_one_addressee() -> None:
    d = run("Đề nghị Sở Tư pháp các tỉnh/thành rà soát các văn bản hướng dẫn bầu cử.")
    assert agencies(d) == ["Sở Tư pháp các tỉnh/thành"]
    d = run("Phòng Nội vụ các quận/huyện gửi danh sách về Sở trước ngày 3/4/2025.")
    assert agencies(d) == ["Phòng Nội vụ các quận/huyện"]


def test_a_departments_field_written_in_lower_case_belongs_to_its_name() -> None:
    d = run("UBND huyện yêu cầu Sở y tế bố trí xe cứu thương tại hội trường.")
    assert agencies(d) == ["Sở y tế"]
    d = run("Giao Sở tài chính, Kế hoạch và Đầu tư cân đối kinh phí cho đại hội.")
    assert agencies(d) == ["Sở tài chính, Kế hoạch và Đầu tư"]
    d = run("Giao Phòng giáo dục và đào tạo huyện chuẩn bị đội văn nghệ chào mừng.")
    assert agencies(d) == ["Phòng giáo dục và đào tạo huyện"]


def test_a_verb_after_a_department_is_not_read_as_its_field() -> None:
    d = run("Sở xây dựng kế hoạch kiểm tra an toàn hội trường.")
    assert agencies(d) == ["Sở"]


def test_a_list_of_departments_whose_names_hold_commas_gives_each_department() -> None:
    d = run(
        "Bộ đề nghị Sở Nội vụ và Lao động, Sở Nội vụ, Lao động và Xã hội, Sở Nội vụ, "
        "Dân tộc, Tôn giáo và Lao động các tỉnh gửi báo cáo tổng kết."
    )
    assert agencies(d) == [
        "Sở Nội vụ và Lao động",
        "Sở Nội vụ, Lao động và Xã hội",
        "Sở Nội vụ, Dân tộc, Tôn giáo và Lao động các tỉnh",
    ]


def test_a_committees_second_function_in_lower_case_runs_to_the_event_it_serves() -> None:
    d = run(
        "Đồng chí Tư lệnh yêu cầu Tiểu ban Nội dung và tổ chức phục vụ Đại hội cùng các phòng "
        "chức năng rà soát lại chương trình."
    )
    assert agencies(d) == ["Tiểu ban Nội dung và tổ chức phục vụ Đại hội", "các phòng chức năng"]


def test_a_working_group_of_a_named_owner_keeps_its_owner() -> None:
    d = run("Đồng chí Bí thư giao tổ thư ký của Tiểu ban Văn kiện tổng hợp các ý kiến góp ý.")
    assert agencies(d) == ["tổ thư ký của Tiểu ban Văn kiện"]


def test_a_council_named_by_its_field_of_work_is_read_whole() -> None:
    d = run("Chủ tịch đề nghị các thành viên Hội đồng thi đua khen thưởng huyện chấm điểm các xã.")
    assert agencies(d) == ["các thành viên Hội đồng thi đua khen thưởng huyện"]
    d = run("Đề nghị Hội đồng nghĩa vụ quân sự xã rà soát danh sách thanh niên.")
    assert agencies(d) == ["Hội đồng nghĩa vụ quân sự xã"]


def test_committees_named_by_their_field_that_report_work_done_give_no_task() -> None:
    d = run(
        "Tại buổi họp, các tiểu ban khánh tiết, cơ sở vật chất đã báo cáo tiến độ chuẩn bị; "
        "đồng thời, tập trung thảo luận, thống nhất kịch bản buổi lễ."
    )
    assert pairs(d) == []


def test_delegates_named_by_the_congress_they_attend_are_one_addressee() -> None:
    d = run("Trưởng đoàn lưu ý các đại biểu tham dự đại hội giữ gìn sức khỏe, tác phong.")
    assert agencies(d) == ["các đại biểu tham dự đại hội"]


def test_delegates_who_propose_give_no_task() -> None:
    d = run("Các đại biểu đề nghị Sở Y tế bố trí thêm xe đưa đón.")
    assert pairs(d) == []
