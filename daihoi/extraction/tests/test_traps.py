"""What must not become a task: a list announced but absent, prepositional phrases after an
agency, the issuer's courtesies, helped units, and a clause that only dates the task before it
(which dates that task instead)."""

from __future__ import annotations

from .helpers import agencies, pairs, run


def test_an_umbrella_whose_list_is_absent_is_no_task() -> None:
    d = run("Các huyện ủy, thị ủy tập trung lãnh đạo, chỉ đạo 5 nhiệm vụ.")
    assert pairs(d) == []
    d = run("Đề nghị các sở, ngành thực hiện tốt các nhiệm vụ sau.")
    assert pairs(d) == []


def test_an_agency_followed_by_a_preposition_has_no_predicate() -> None:
    d = run(
        "Căn cứ các văn bản của Trung ương, Tiểu ban Lễ tân về việc đón tiếp đại biểu; "
        "Dự họp có lãnh đạo các sở; các thành viên tổ thư ký cho Tiểu ban."
    )
    assert pairs(d) == []


def test_a_verb_that_opens_with_cho_or_theo_still_is_a_predicate() -> None:
    d = run("Yêu cầu Văn phòng Huyện ủy theo dõi, đôn đốc các chi bộ tổ chức đại hội đúng hạn.")
    assert agencies(d) == ["Văn phòng Huyện ủy"]


def test_the_issuers_courtesies_are_no_task() -> None:
    d = run("Sở Nội vụ ủng hộ đề xuất và hoan nghênh sáng kiến của Hội Cựu chiến binh tỉnh.")
    assert pairs(d) == []


def test_a_unit_helped_by_others_is_not_handed_the_task() -> None:
    d = run(
        "Yêu cầu các cấp ủy tạo điều kiện thuận lợi để Hội Liên hiệp Phụ nữ tỉnh tổ chức "
        "đại hội chu đáo."
    )
    assert agencies(d) == ["các cấp ủy"]


def test_a_purpose_clause_that_hands_a_job_to_a_unit_counts() -> None:
    d = run("Các phòng gửi số liệu về trước ngày 5/3/2025 để Phòng Nội vụ tổng hợp, báo cáo.")
    assert agencies(d) == ["Các phòng", "Phòng Nội vụ"]


def test_a_clause_that_only_dates_the_previous_task_gives_it_the_date() -> None:
    d = run(
        "Giao Sở Xây dựng chủ trì, phối hợp với các đơn vị liên quan kiểm tra an toàn hội "
        "trường; hoàn thành trước ngày 10/9/2025."
    )
    assert pairs(d) == [("Sở Xây dựng", "lead"), ("các đơn vị liên quan", "coordinate")]
    assert [a.deadline for a in d.assignments] == ["2025-09-10", "2025-09-10"]


def test_a_standing_body_statement_is_a_mandate() -> None:
    d = run("Ban Dân tộc tỉnh là cơ quan thường trực giúp Ban Chỉ đạo chuẩn bị Đại hội.")
    assert agencies(d) == ["Ban Dân tộc tỉnh"]


def test_nested_giao_keeps_only_the_asked_agency() -> None:
    d = run(
        "Đề nghị UBND huyện giao Phòng Văn hóa - Thông tin phối hợp với các xã tổ chức "
        "triển lãm ảnh."
    )
    assert pairs(d) == [("UBND huyện", "lead")]


def test_past_work_and_what_follows_it_are_no_tasks() -> None:
    d = run(
        "Công an tỉnh đã chỉ đạo các đơn vị triển khai kế hoạch bảo vệ. Tăng cường tuần "
        "tra, kiểm soát trên các tuyến đường dẫn vào trung tâm."
    )
    assert pairs(d) == []


def test_a_deadline_with_no_agency_is_no_task() -> None:
    d = run(
        "Đến ngày 30/9/2025, các công tác chuẩn bị phải hoàn tất. Hội nghị thống nhất tổ "
        "chức Đại hội vào ngày 15/10/2025."
    )
    assert pairs(d) == []


def test_clauses_after_a_subject_that_is_no_agency_are_not_carried_over() -> None:
    d = run(
        "Đề nghị các phòng hoàn thiện số liệu trước ngày 22/2/2025. Quá trình thực hiện cần "
        "tăng cường phối hợp giữa các đơn vị; chủ động tháo gỡ vướng mắc nếu có."
    )
    assert [(a.agency, a.deadline) for a in d.assignments] == [("các phòng", "2025-02-22")]


def test_an_adverbial_of_time_between_agency_and_modal_keeps_the_task() -> None:
    d = run("Sở Y tế trong thời gian tới cần bố trí đủ nhân lực trực tại hội trường.")
    assert agencies(d) == ["Sở Y tế"]
    d = run("Các đơn vị trong khối cần hoàn thành đại hội trước ngày 30/6/2025.")
    assert agencies(d) == ["Các đơn vị trong khối"]


def test_work_reported_under_a_past_time_opening_is_no_task() -> None:
    for text in (
        "Thời gian qua, Ban Dân vận Huyện ủy tích cực chỉ đạo các xã tuyên truyền về bầu cử.",
        "Vừa qua, các sở, ngành tập trung chuẩn bị hội trường và nơi ăn nghỉ cho đại biểu.",
        "Đến nay, các tiểu ban cơ bản hoàn thành phần việc của mình.",
    ):
        assert run(text).assignments == [], text


def test_a_directive_in_a_letter_sent_before_the_meeting_is_no_task() -> None:
    d = run("UBND huyện đã có công văn chỉ đạo các xã chuẩn bị điểm bỏ phiếu.")
    assert d.assignments == []


def test_agreement_and_adoption_reported_at_the_meeting_are_no_task() -> None:
    assert run("Các thành viên Ban Chỉ đạo cơ bản thống nhất với dự thảo đề án.").assignments == []
    assert run("Tiểu ban Văn kiện cũng thông qua đề cương báo cáo chính trị.").assignments == []


def test_work_since_the_start_of_the_year_is_reported_not_given() -> None:
    d = run("Từ đầu năm đến nay, các cơ quan báo chí đăng tải hàng trăm tin, bài về bầu cử.")
    assert d.assignments == []


def test_work_in_the_time_past_is_reported_not_given() -> None:
    d = run("Trong thời gian qua, Sở Tài chính tham mưu bố trí kinh phí kịp thời.")
    assert d.assignments == []
    d = run("Những tháng qua, các phường triển khai tốt việc rà soát cử tri.")
    assert d.assignments == []


def test_the_time_ahead_still_opens_a_task() -> None:
    d = run("Từ nay đến ngày khai mạc, các tiểu ban cần rà soát kỹ từng phần việc.")
    assert agencies(d) == ["các tiểu ban"]


def test_agreeing_on_a_thing_is_a_decision_not_a_task() -> None:
    d = run("Các thành viên Ban Chỉ đạo thống nhất địa điểm tổ chức lễ mít tinh.")
    assert d.assignments == []


def test_agreeing_to_go_on_with_a_task_is_the_subjects_task() -> None:
    d = run("Các phòng, ban thống nhất tiếp tục cập nhật số liệu vào báo cáo.")
    assert agencies(d) == ["Các phòng, ban"]


def test_work_finished_with_xong_is_reported_not_given() -> None:
    d = run("Phòng Nội vụ huyện rà soát xong hồ sơ của các ứng cử viên.")
    assert d.assignments == []


def test_finishing_by_a_date_is_still_a_task() -> None:
    d = run("Các tổ bầu cử niêm yết xong danh sách cử tri trước ngày 2/5/2021.")
    assert [(a.agency, a.deadline) for a in d.assignments] == [("Các tổ bầu cử", "2021-05-02")]
