"""Rules of what is an assignment, who gets it, and in which role."""

from __future__ import annotations

from .helpers import agencies, pairs, run


def test_chu_tri_phoi_hop_gives_lead_and_coordinate() -> None:
    d = run(
        "Kết luận cuộc họp, đồng chí Chủ tịch UBND tỉnh giao Sở Nội vụ chủ trì, phối hợp với "
        "Sở Tài chính rà soát định mức chi phục vụ Đại hội."
    )
    assert pairs(d) == [("Sở Nội vụ", "lead"), ("Sở Tài chính", "coordinate")]
    assert d.assignments[0].task.startswith("chủ trì, phối hợp với Sở Tài chính rà soát")


def test_phoi_hop_voi_partner_is_coordinate_and_subject_leads() -> None:
    d = run("Văn phòng Huyện ủy phối hợp với Ban Tuyên giáo Huyện ủy in ấn tài liệu Đại hội.")
    assert pairs(d) == [("Văn phòng Huyện ủy", "lead"), ("Ban Tuyên giáo Huyện ủy", "coordinate")]


def test_partner_clause_phoi_hop_thuc_hien_coordinates_the_previous_task() -> None:
    d = run(
        "Công an huyện chủ trì xây dựng phương án bảo vệ Đại hội; Ban Chỉ huy Quân sự huyện "
        "phối hợp thực hiện."
    )
    assert pairs(d) == [("Công an huyện", "lead"), ("Ban Chỉ huy Quân sự huyện", "coordinate")]
    assert d.assignments[1].task == d.assignments[0].task


def test_generic_addressees_are_agencies_as_written() -> None:
    d = run(
        "Đồng chí Bí thư yêu cầu các sở, ban, ngành và các cơ quan, đơn vị có liên quan "
        "khẩn trương hoàn thành nhiệm vụ được giao."
    )
    assert agencies(d) == ["các sở, ban, ngành", "các cơ quan, đơn vị có liên quan"]


def test_members_of_a_subcommittee_are_one_addressee() -> None:
    d = run(
        "Đồng chí Trưởng Tiểu ban đề nghị các thành viên Tiểu ban Văn kiện nghiên cứu kỹ dự thảo."
    )
    assert agencies(d) == ["các thành viên Tiểu ban Văn kiện"]


def test_co_subjects_joined_by_comma_or_va_are_each_lead() -> None:
    d = run(
        "Báo Lào Cai, Đài Phát thanh - Truyền hình tỉnh và Cổng thông tin điện tử tỉnh mở "
        "chuyên mục chào mừng Đại hội."
    )
    assert agencies(d)[:2] == ["Báo Lào Cai", "Đài Phát thanh - Truyền hình tỉnh"]
    d = run("Yêu cầu các bộ phận và từng thành viên phải bám sát kế hoạch của Tiểu ban.")
    assert agencies(d) == ["các bộ phận", "từng thành viên"]


def test_official_name_with_commas_and_va_stays_one_agency() -> None:
    d = run("Sở Lao động, Thương binh và Xã hội chuẩn bị quà tặng đại biểu là gia đình chính sách.")
    assert agencies(d) == ["Sở Lao động, Thương binh và Xã hội"]


def test_nhat_la_gives_both_agencies() -> None:
    d = run("Đề nghị các cơ quan báo chí, nhất là Báo Sơn La, tăng thời lượng tin, bài về Đại hội.")
    assert agencies(d) == ["các cơ quan báo chí", "Báo Sơn La"]


def test_semicolon_clauses_are_tasks_of_the_same_addressee() -> None:
    d = run(
        "Ban Tổ chức Huyện ủy hoàn thiện đề án nhân sự; chuẩn bị hồ sơ đại biểu; những nội "
        "dung còn lại của đề án."
    )
    # The third clause is a noun phrase, not a new task.
    assert pairs(d) == [("Ban Tổ chức Huyện ủy", "lead")] * 2


def test_next_sentence_without_subject_continues_the_directive() -> None:
    d = run(
        "Đồng chí Phó Bí thư yêu cầu Văn phòng Thị ủy bố trí hội trường chu đáo. Kiểm tra kỹ hệ "
        "thống âm thanh, ánh sáng trước ngày khai mạc."
    )
    assert pairs(d) == [("Văn phòng Thị ủy", "lead")] * 2


def test_a_caption_in_a_new_paragraph_does_not_continue_the_directive() -> None:
    d = run(
        "Sở Công thương phối hợp với Sở Y tế kiểm tra an toàn thực phẩm.\n\n"
        "Chuẩn bị khu vực hội trường phục vụ Đại hội đại biểu Đảng bộ huyện."
    )
    assert pairs(d) == [("Sở Công thương", "lead"), ("Sở Y tế", "coordinate")]


def test_umbrella_list_gives_its_items_to_the_addressee() -> None:
    d = run(
        "UBND huyện yêu cầu các xã, thị trấn thực hiện tốt công tác chuẩn bị.\n"
        "Đồng thời, thực hiện một số nhiệm vụ sau: Rà soát danh sách cử tri. Bố trí lực lượng "
        "bảo vệ tại hội trường."
    )
    assert pairs(d) == [("các xã, thị trấn", "lead")] * 3


def test_completed_work_is_not_an_assignment() -> None:
    d = run(
        "Đến nay, Văn phòng Tỉnh ủy đã chuẩn bị xong cơ sở vật chất. Các cơ quan, đơn vị đã "
        "tích cực triển khai nhiệm vụ. Ban Tổ chức Tỉnh ủy vừa hoàn thành đề án nhân sự."
    )
    assert d.assignments == []


def test_delegates_proposals_are_not_assignments() -> None:
    d = run(
        "Tại hội nghị, các đại biểu đề nghị Sở Tài chính bổ sung kinh phí trang trí. Một số ý "
        "kiến đề xuất các địa phương tăng cường tuyên truyền."
    )
    assert d.assignments == []


def test_meeting_event_reports_and_praise_are_not_assignments() -> None:
    d = run(
        "Chiều 3/8, Tiểu ban Nhân sự tổ chức phiên họp thứ hai. Thường trực Tiểu ban báo cáo "
        "tiến độ chuẩn bị. Đồng chí Chủ tịch đánh giá cao các cơ quan, đơn vị trong thời gian qua."
    )
    assert d.assignments == []


def test_directive_without_a_task_gives_nothing() -> None:
    d = run("Hội nghị đã ban hành các văn bản giao nhiệm vụ cho các cơ quan, đơn vị.")
    assert d.assignments == []


def test_mandate_co_nhiem_vu_counts_and_continues() -> None:
    d = run(
        "Tổ giúp việc có nhiệm vụ tổng hợp ý kiến góp ý. Chuẩn bị tài liệu phục vụ các phiên họp; "
        "theo dõi, đôn đốc tiến độ."
    )
    assert pairs(d) == [("Tổ giúp việc", "lead")] * 3


def test_nhiem_vu_cua_x_la_counts() -> None:
    d = run("Nhiệm vụ của Ban Dân vận Huyện ủy là nắm tình hình tư tưởng nhân dân trước Đại hội.")
    assert agencies(d) == ["Ban Dân vận Huyện ủy"]


def test_topic_doi_voi_gives_the_addressee() -> None:
    d = run(
        "Đối với các phòng, ban chuyên môn, đồng chí Chủ tịch đề nghị: căn cứ nhiệm vụ được giao, "
        "chủ động xây dựng kế hoạch chi tiết."
    )
    assert agencies(d) == ["các phòng, ban chuyên môn"]


def test_purpose_clause_naming_a_unit_counts_but_a_generic_one_does_not() -> None:
    d = run(
        "Các xã gửi dự toán kinh phí để Phòng Tài chính - Kế hoạch tổng hợp, trình UBND huyện. "
        "Phòng Tài chính - Kế hoạch bố trí kinh phí để các cơ quan, đơn vị thực hiện."
    )
    assert agencies(d) == [
        "Các xã",
        "Phòng Tài chính - Kế hoạch",
        "Phòng Tài chính - Kế hoạch",
    ]


def test_do_chu_tri_relative_clause_names_the_ministry_mentioned_before() -> None:
    d = run(
        "Hội nghị cho ý kiến vào Đề án của Bộ Công an về bảo vệ Đại hội do Bộ chủ trì xây dựng."
    )
    assert pairs(d) == [("Bộ Công an", "lead")]


def test_repeated_task_in_lead_and_body_is_recorded_once() -> None:
    d = run(
        "Các thành viên Tiểu ban Tuyên truyền Đại hội Đảng bộ huyện bám sát nhiệm vụ được phân "
        "công, làm tốt công tác tuyên truyền.\n\n"
        "Đồng chí Trưởng Tiểu ban yêu cầu các thành viên Tiểu ban bám sát nhiệm vụ được phân công, "
        "làm tốt công tác tuyên truyền về Đại hội."
    )
    assert agencies(d) == ["các thành viên Tiểu ban"]


def test_chi_dao_inside_a_task_does_not_assign_to_those_guided() -> None:
    d = run(
        "Thường trực Tiểu ban cần bám sát kế hoạch, chỉ đạo các cơ quan, đơn vị rà soát từng "
        "phần việc."
    )
    assert agencies(d) == ["Thường trực Tiểu ban"]


def test_numbered_conclusions_with_colon_after_the_agency() -> None:
    d = run(
        "Đồng chí Chủ tịch kết luận như sau:\n"
        "1. Sở Giao thông vận tải: bảo đảm giao thông khu vực hội trường.\n"
        "2. Giao Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện."
    )
    assert agencies(d) == ["Sở Giao thông vận tải", "Văn phòng UBND tỉnh"]


def test_later_clauses_of_an_elaborating_sentence_continue_the_directive() -> None:
    d = run(
        "Đồng chí Bí thư yêu cầu các chi bộ rà soát danh sách đảng viên. Qua đó đánh giá đúng "
        "chất lượng đội ngũ; làm tốt công tác phát triển đảng viên."
    )
    assert agencies(d) == ["các chi bộ", "các chi bộ"]
    assert d.assignments[1].task == "làm tốt công tác phát triển đảng viên"
