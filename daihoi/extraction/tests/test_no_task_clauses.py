"""Clauses with an agency that still hand it no task: naming a person to a post, assent to a
paper, a proposing paper named by its verb, a paper described as the basis of others' work, a
directive whose text stops inside its first words."""

from __future__ import annotations

from .helpers import agencies, pairs, run


def test_naming_members_to_posts_is_no_task() -> None:
    d = run(
        "Đoàn công tác thống nhất phân công thành viên làm trưởng nhóm, thư ký nhóm và phân "
        "công thành viên tiếp xúc cử tri."
    )
    assert pairs(d) == []
    d = run("Ban Chỉ đạo phân công đồng chí Lê Văn Hùng làm thư ký tổ giúp việc.")
    assert pairs(d) == []


def test_acting_as_a_focal_point_is_still_a_task() -> None:
    d = run("Giao Văn phòng Huyện ủy làm đầu mối tổng hợp ý kiến của các chi bộ.")
    assert agencies(d) == ["Văn phòng Huyện ủy"]


def test_assent_to_a_paper_is_a_decision_not_a_task() -> None:
    d = run("UBND huyện đồng thuận với nội dung Tờ trình số 12 của Phòng Nội vụ.")
    assert pairs(d) == []
    d = run("Sở Tài chính đồng ý với đề xuất của Sở Y tế về kinh phí diễn tập.")
    assert pairs(d) == []


def test_agreeing_to_do_something_is_an_agreed_task() -> None:
    d = run("Các phòng chuyên môn nhất trí triển khai ngay kế hoạch tuyên truyền.")
    assert agencies(d) == ["Các phòng chuyên môn"]


def test_a_paper_that_proposes_is_a_noun_not_a_directive() -> None:
    d = run(
        "Chủ tịch đề nghị Phòng Nội vụ hoàn thiện thủ tục đề nghị các cấp khen thưởng các "
        "tập thể có thành tích."
    )
    assert agencies(d) == ["Phòng Nội vụ"]
    d = run("Đề nghị các xã lập hồ sơ đề nghị công nhận danh hiệu văn hóa.")
    assert agencies(d) == ["các xã"]


def test_a_paper_described_as_the_basis_of_others_work_hands_them_no_task() -> None:
    d = run(
        "Dự thảo báo cáo chính trị là căn cứ, cơ sở quan trọng để Tiểu ban Văn kiện và Ban "
        "Thường vụ Huyện ủy thảo luận, cho ý kiến."
    )
    assert pairs(d) == []


def test_a_purpose_clause_after_a_task_still_hands_the_job_on() -> None:
    d = run("Các xã gửi danh sách về trước ngày 9/4/2025 để Phòng Nội vụ tổng hợp, trình huyện.")
    assert agencies(d) == ["Các xã", "Phòng Nội vụ"]


def test_a_directive_cut_inside_its_first_words_is_no_task() -> None:
    d = run("Giám đốc yêu cầu lãnh đạo Phòng Tổ chức tập trung x")
    assert pairs(d) == []
    d = run("Giám đốc yêu cầu lãnh đạo Phòng Tổ chức khẩn trương rà soát h")
    assert agencies(d) == ["lãnh đạo Phòng Tổ chức"]


def test_after_naming_to_a_post_the_next_subjectless_clause_has_no_addressee() -> None:
    d = run(
        "Đoàn thống nhất phân công thành viên làm thư ký đoàn. Trưởng đoàn lưu ý các vị khách "
        "mời đến đúng giờ; tuân thủ nghiêm nội quy."
    )
    assert pairs(d) == []
