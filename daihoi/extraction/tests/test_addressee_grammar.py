"""The grammar of addressee phrases: committees, election boards, members, office holders,
units of an agency, coordination and generic quantifiers; lists under an umbrella request."""

from __future__ import annotations

from .helpers import agencies, pairs, run


def test_committee_with_lower_case_function_is_one_agency() -> None:
    d = run("Đồng chí Trưởng ban yêu cầu các thành viên Tiểu ban văn kiện hoàn chỉnh đề cương.")
    assert agencies(d) == ["các thành viên Tiểu ban văn kiện"]


def test_committees_coordinated_by_their_functions_stay_one_agency() -> None:
    d = run("Đề nghị các Tiểu ban lễ tân, hậu cần khẩn trương chuẩn bị nơi ở cho đại biểu.")
    assert agencies(d) == ["các Tiểu ban lễ tân, hậu cần"]


def test_named_agency_after_a_comma_ends_a_generic_phrase() -> None:
    d = run("Chủ tịch huyện đề nghị các chi bộ, Ban Bầu cử các xã niêm yết danh sách cử tri.")
    assert agencies(d) == ["các chi bộ", "Ban Bầu cử các xã"]


def test_party_organisations_and_youth_union_levels() -> None:
    d = run(
        "Huyện ủy đề nghị các cấp bộ Đoàn, các cấp ủy, tổ chức đảng quan tâm giới thiệu "
        "đoàn viên ưu tú."
    )
    assert agencies(d) == ["các cấp bộ Đoàn", "các cấp ủy, tổ chức đảng"]


def test_election_boards_with_qualifiers_and_term() -> None:
    d = run(
        "Các Tổ bầu cử đại biểu Quốc hội khóa XVI, các cơ quan thông tin đại chúng của "
        "huyện niêm yết đúng thời hạn danh sách người ứng cử."
    )
    assert agencies(d) == [
        "Các Tổ bầu cử đại biểu Quốc hội khóa XVI",
        "các cơ quan thông tin đại chúng của huyện",
    ]


def test_members_and_leaders_of_an_agency() -> None:
    d = run("Lãnh đạo các phòng chuyên môn phải bám sát tiến độ từng việc.")
    assert agencies(d) == ["Lãnh đạo các phòng chuyên môn"]
    d = run("Thành viên UBBC huyện có trách nhiệm kiểm tra các khu vực bỏ phiếu.")
    assert agencies(d) == ["Thành viên UBBC huyện"]


def test_units_of_an_agency_after_its_head() -> None:
    d = run("Công an các huyện, thị xã xây dựng phương án bảo vệ khu vực bỏ phiếu.")
    assert agencies(d) == ["Công an các huyện, thị xã"]
    d = run("Công an các đơn vị, bộ phận tăng cường tuần tra quanh hội trường.")
    assert agencies(d) == ["Công an các đơn vị, bộ phận"]


def test_provinces_directly_under_the_centre() -> None:
    d = run("Đề nghị UBND các tỉnh, thành phố trực thuộc Trung ương chỉ đạo trang trí đường phố.")
    assert agencies(d) == ["UBND các tỉnh, thành phố trực thuộc Trung ương"]


def test_district_as_addressee() -> None:
    d = run("Huyện Tân Phước chuẩn bị địa điểm tổ chức lễ mít tinh.")
    assert agencies(d) == ["Huyện Tân Phước"]


def test_committee_of_an_anniversary_keeps_the_event_in_its_name() -> None:
    d = run("Ban Tổ chức kỷ niệm 80 năm Cách mạng Tháng Tám tổng hợp đề xuất của các sở.")
    assert agencies(d) == ["Ban Tổ chức kỷ niệm 80 năm Cách mạng Tháng Tám"]


def test_same_level_and_upper_level_bodies() -> None:
    d = run("Đề nghị Ban Thường vụ cấp ủy cùng cấp chủ trì, cùng Đoàn cấp trên rà soát quy hoạch.")
    assert agencies(d) == ["Ban Thường vụ cấp ủy cùng cấp"]
    d = run("Huyện đoàn phối hợp với Đoàn cấp trên tổ chức lễ kết nạp đoàn viên.")
    assert pairs(d) == [("Huyện đoàn", "lead"), ("Đoàn cấp trên", "coordinate")]


def test_generic_nouns_written_without_commas() -> None:
    d = run("Tổ giúp việc phối hợp với các sở ban ngành và đoàn thể rà soát danh sách khách mời.")
    assert pairs(d) == [
        ("Tổ giúp việc", "lead"),
        ("các sở ban ngành và đoàn thể", "coordinate"),
    ]


def test_quantifiers_tung_and_moi() -> None:
    d = run("Từng bộ phận giúp việc trong tiểu ban có kế hoạch trực trong những ngày đại hội.")
    assert agencies(d) == ["Từng bộ phận giúp việc trong tiểu ban"]
    d = run("Mỗi đơn vị phải cử một cán bộ đầu mối theo dõi công việc.")
    assert agencies(d) == ["Mỗi đơn vị"]


def test_office_holders_give_their_agency() -> None:
    d = run("Văn phòng Chính phủ đề nghị Bộ trưởng Bộ Công an chỉ đạo bảo đảm an ninh hội nghị.")
    assert agencies(d) == ["Bộ Công an"]
    d = run("UBND tỉnh yêu cầu Giám đốc Sở Xây dựng kiểm tra an toàn hội trường.")
    assert agencies(d) == ["Sở Xây dựng"]
    d = run("Thủ tướng yêu cầu Chủ tịch UBND các tỉnh, thành phố chỉ đạo lập danh sách cử tri.")
    assert agencies(d) == ["UBND các tỉnh, thành phố"]
    d = run("UBND huyện yêu cầu Thủ trưởng các cơ quan, đơn vị bố trí cán bộ trực.")
    assert agencies(d) == ["các cơ quan, đơn vị"]


def test_numbered_list_under_a_request_goes_to_its_addressee() -> None:
    d = run(
        "Ngày 3/3/2026, Bộ Tư pháp đề nghị Sở Tư pháp các tỉnh:\n"
        "1. Rà soát các văn bản hướng dẫn bầu cử.\n"
        "2. Tổng hợp vướng mắc gửi về Bộ trước ngày 20/3.\n"
    )
    assert agencies(d) == ["Sở Tư pháp các tỉnh", "Sở Tư pháp các tỉnh"]
    assert [a.deadline for a in d.assignments] == [None, "2026-03-20"]


def test_dashed_list_after_cac_nhiem_vu_sau() -> None:
    d = run(
        "Ban Thường vụ yêu cầu Ủy ban Kiểm tra Huyện ủy thực hiện các nhiệm vụ sau:\n"
        "- Hoàn thành kiểm tra hồ sơ nhân sự.\n"
        "- Tổng hợp ý kiến của các chi bộ.\n"
    )
    assert agencies(d) == ["Ủy ban Kiểm tra Huyện ủy", "Ủy ban Kiểm tra Huyện ủy"]


def test_paragraphs_after_a_letters_request_are_its_items() -> None:
    d = run(
        "Sở Nội vụ đề nghị UBND các huyện, thị xã khẩn trương chuẩn bị công tác bầu cử.\n\n"
        "Rà soát, cập nhật danh sách cử tri tại từng khu vực bỏ phiếu.\n\n"
        "Tổ chức niêm yết danh sách cử tri đúng quy định."
    )
    assert agencies(d) == ["UBND các huyện, thị xã"] * 3


def test_a_list_of_nouns_after_a_colon_stays_in_the_task() -> None:
    d = run(
        "Ông đề nghị các Tiểu ban lễ tân, hậu cần khẩn trương hoàn thành các nội dung: Giấy "
        "mời, thẻ đại biểu, sơ đồ chỗ ngồi."
    )
    assert agencies(d) == ["các Tiểu ban lễ tân, hậu cần"]
    assert d.assignments[0].task.endswith("sơ đồ chỗ ngồi")


def test_co_subjects_split_by_a_semicolon_share_the_task() -> None:
    d = run(
        "Các phòng, ban của huyện; UBND các xã, thị trấn trang trí khẩu hiệu dọc trục đường chính."
    )
    assert agencies(d) == ["Các phòng, ban của huyện", "UBND các xã, thị trấn"]


def test_quan_tam_chi_dao_is_part_of_the_addressees_task() -> None:
    d = run(
        "Đồng chí Chủ tịch yêu cầu các thành viên Ban Chỉ đạo quan tâm chỉ đạo các xã, nhất là "
        "những xã vùng sâu, hoàn thành sớm việc lập danh sách cử tri."
    )
    assert agencies(d) == ["các thành viên Ban Chỉ đạo"]


def test_old_party_committee_with_its_other_name_in_brackets() -> None:
    d = run("Huyện ủy yêu cầu cấp ủy (chi ủy) khóa cũ chuẩn bị báo cáo trình đại hội.")
    assert agencies(d) == ["cấp ủy (chi ủy) khóa cũ"]


def test_comrades_who_are_members_of_a_standing_committee() -> None:
    d = run(
        "Đề nghị các đồng chí Ủy viên Ban Thường vụ Huyện ủy dự đại hội các chi bộ được phân công."
    )
    assert agencies(d) == ["các đồng chí Ủy viên Ban Thường vụ Huyện ủy"]


def test_a_person_after_a_comma_does_not_join_a_generic_addressee() -> None:
    d = run("Đối với các xã, thị trấn, đồng chí Bí thư đề nghị: chủ động chuẩn bị nhân sự.")
    assert agencies(d) == ["các xã, thị trấn"]


def test_election_committee_in_the_districts() -> None:
    d = run("Ủy ban bầu cử ở các huyện phải kiểm tra việc niêm yết danh sách cử tri.")
    assert agencies(d) == ["Ủy ban bầu cử ở các huyện"]


def test_numbered_items_inside_one_paragraph() -> None:
    d = run(
        "Ngày 5/12/2025, Sở Nội vụ đề nghị UBND các huyện: 1. Rà soát danh sách cử tri. "
        "2. Tổng hợp kết quả gửi về Sở trước ngày 10/1."
    )
    assert [(a.agency, a.deadline) for a in d.assignments] == [
        ("UBND các huyện", None),
        ("UBND các huyện", "2026-01-10"),
    ]
