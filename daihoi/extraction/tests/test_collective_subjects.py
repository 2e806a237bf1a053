"""Collective and office-holder addressees without "các", party committees of every level,
units named by the event they serve or by their place, directing as a subject's own task,
and the day of an event named before the task."""

from __future__ import annotations

from .helpers import agencies, run


def test_party_committees_of_every_level_in_one_generic_subject() -> None:
    d = run("Các huyện ủy, thị ủy, quận ủy trực thuộc khẩn trương kết thúc đại hội chi bộ.")
    assert agencies(d) == ["Các huyện ủy, thị ủy, quận ủy trực thuộc"]


def test_directing_with_no_addressee_is_the_subjects_own_task() -> None:
    d = run("Các tỉnh ủy, thành ủy chỉ đạo tổ chức đại hội điểm ở cấp cơ sở.")
    assert [(a.agency, a.task) for a in d.assignments] == [
        ("Các tỉnh ủy, thành ủy", "chỉ đạo tổ chức đại hội điểm ở cấp cơ sở")
    ]


def test_directing_a_named_unit_still_hands_it_the_task() -> None:
    d = run("UBND tỉnh chỉ đạo các sở, ngành rà soát lại phương án phục vụ.")
    assert agencies(d) == ["các sở, ngành"]


def test_directing_reported_as_done_is_no_task() -> None:
    d = run("Các tỉnh ủy, thành ủy đã chỉ đạo tổ chức đại hội điểm ở cấp cơ sở.")
    assert d.assignments == []


def test_a_collective_noun_opens_the_sentence_without_cac() -> None:
    d = run("Chi ủy, chi bộ thực hiện nghiêm quy trình giới thiệu nhân sự tái cử.")
    assert agencies(d) == ["Chi ủy, chi bộ"]


def test_a_helping_unit_keeps_its_owner() -> None:
    d = run("Bộ phận giúp việc của Tiểu ban cần tổng hợp ý kiến góp ý và trình Trưởng Tiểu ban.")
    assert agencies(d) == ["Bộ phận giúp việc của Tiểu ban"]


def test_a_sentence_opening_with_the_verb_to_organise_has_no_subject() -> None:
    d = run("Tổ chức tuyên truyền rộng rãi trên các phương tiện thông tin đại chúng.")
    assert d.assignments == []


def test_the_head_of_bare_collectives_gives_them() -> None:
    d = run("Người đứng đầu cấp ủy, chính quyền các cấp chịu trách nhiệm về an toàn đại hội.")
    assert agencies(d) == ["cấp ủy, chính quyền các cấp"]


def test_units_named_by_the_event_they_serve() -> None:
    d = run("Trưởng các Tiểu ban phục vụ Đại hội cần rà soát lại phần việc của tiểu ban mình.")
    assert agencies(d) == ["các Tiểu ban phục vụ Đại hội"]


def test_election_committees_by_their_place_without_cac() -> None:
    d = run("Yêu cầu các Ủy ban bầu cử ở xã kiểm tra việc niêm yết danh sách cử tri.")
    assert [(a.agency, a.task) for a in d.assignments] == [
        ("các Ủy ban bầu cử ở xã", "kiểm tra việc niêm yết danh sách cử tri")
    ]


def test_news_agencies_and_the_press_stay_one_generic_addressee() -> None:
    d = run("Các cơ quan thông tấn, báo chí mở chuyên mục về ngày bầu cử.")
    assert agencies(d) == ["Các cơ quan thông tấn, báo chí"]


def test_the_day_of_an_event_named_before_the_task_is_no_deadline() -> None:
    d = run(
        "Ban Chỉ đạo thống nhất tổ chức lễ kỷ niệm vào ngày 3/2/2026 và giao Văn phòng chuẩn "
        "bị hội trường."
    )
    assert [(a.agency, a.deadline) for a in d.assignments] == [("Văn phòng", None)]


def test_a_task_fixed_to_a_day_keeps_it() -> None:
    d = run("Đề nghị các cơ quan, đơn vị treo cờ Tổ quốc vào ngày 2/9/2025.")
    assert [(a.agency, a.deadline) for a in d.assignments] == [
        ("các cơ quan, đơn vị", "2025-09-02")
    ]


def test_the_ministry_of_defence_is_a_named_agency() -> None:
    d = run("Bộ Công an, Bộ Quốc phòng bảo đảm tuyệt đối an toàn các điểm bầu cử.")
    assert agencies(d) == ["Bộ Công an", "Bộ Quốc phòng"]


def test_the_standing_board_of_the_district_committees() -> None:
    d = run("Đề nghị Ban Thường vụ các huyện ủy, thị ủy lãnh đạo tổ chức tốt đại hội chi bộ.")
    assert agencies(d) == ["Ban Thường vụ các huyện ủy, thị ủy"]


def test_ve_phia_names_the_agency_of_the_task() -> None:
    d = run("Về phía Sở Giao thông vận tải, cần bố trí phương tiện đưa đón đại biểu.")
    assert [(a.agency, a.task) for a in d.assignments] == [
        ("Sở Giao thông vận tải", "bố trí phương tiện đưa đón đại biểu")
    ]


def test_a_topic_followed_by_a_report_is_no_task() -> None:
    d = run("Về phía Sở Giao thông vận tải, ngành đã bố trí phương tiện đưa đón đại biểu.")
    assert d.assignments == []
    d = run("Đối với Công an tỉnh, đồng chí Giám đốc cho biết lực lượng sẵn sàng làm nhiệm vụ.")
    assert d.assignments == []


def test_the_chief_of_an_office_gives_the_office() -> None:
    d = run("Chánh Văn phòng Huyện ủy theo dõi, đôn đốc các chi bộ thực hiện.")
    assert agencies(d) == ["Văn phòng Huyện ủy"]


def test_units_qualified_by_their_kind_of_work() -> None:
    d = run("Công an huyện chỉ đạo các đội nghiệp vụ, các đơn vị chuyên trách rà soát địa bàn.")
    assert agencies(d) == ["các đội nghiệp vụ", "các đơn vị chuyên trách"]
    d = run("Yêu cầu các đoàn kiểm tra của Ban Chỉ đạo báo cáo kết quả vào cuối tuần.")
    assert agencies(d) == ["các đoàn kiểm tra của Ban Chỉ đạo"]
