"""Lists under an umbrella that names a lead and partners, co-doers joined by "cùng (với)",
several partners after "phối hợp", the press named by its place, and units "thuộc Bộ"."""

from __future__ import annotations

from .helpers import agencies, pairs, run


def test_umbrella_partners_are_carried_to_every_item_of_its_list() -> None:
    d = run(
        "Sở Nội vụ phối hợp với các sở, ban, ngành triển khai các nhiệm vụ sau:\n"
        "- Rà soát tiêu chuẩn thi đua của các tập thể;\n"
        "- Tổng hợp hồ sơ khen thưởng, trình UBND tỉnh trước ngày 15/12/2025."
    )
    assert pairs(d) == [
        ("Sở Nội vụ", "lead"),
        ("các sở, ban, ngành", "coordinate"),
        ("Sở Nội vụ", "lead"),
        ("các sở, ban, ngành", "coordinate"),
    ]
    assert [a.deadline for a in d.assignments] == [None, None, "2025-12-15", "2025-12-15"]


def test_the_umbrella_sentence_itself_is_not_a_task() -> None:
    d = run(
        "Đồng chí Chủ tịch giao Văn phòng UBND tỉnh chủ trì, phối hợp với Sở Tài chính, "
        "Sở Xây dựng thực hiện các việc sau:\n- Bố trí kinh phí sửa chữa hội trường;\n"
        "- Kiểm tra tiến độ thi công."
    )
    assert [a.task for a in d.assignments if a.role == "lead"] == [
        "Bố trí kinh phí sửa chữa hội trường",
        "Kiểm tra tiến độ thi công",
    ]
    assert agencies(d, "coordinate") == ["Sở Tài chính", "Sở Xây dựng"] * 2


def test_a_list_item_may_open_with_a_verb_of_reporting() -> None:
    d = run(
        "Đề nghị các huyện ủy, thành ủy:\na) Chỉ đạo hoàn thành đại hội chi bộ trước ngày "
        "30/6/2025.\nb) Báo cáo kết quả về Ban Tổ chức Tỉnh ủy."
    )
    assert [(a.agency, a.task) for a in d.assignments] == [
        ("các huyện ủy, thành ủy", "Chỉ đạo hoàn thành đại hội chi bộ trước ngày 30/6/2025"),
        ("các huyện ủy, thành ủy", "Báo cáo kết quả về Ban Tổ chức Tỉnh ủy"),
    ]


def test_a_report_outside_a_list_stays_no_task() -> None:
    d = run(
        "Đề nghị các huyện ủy chỉ đạo hoàn thành đại hội chi bộ.\n"
        "Báo cáo tại hội nghị, Sở Nội vụ cho biết công tác chuẩn bị cơ bản hoàn thành."
    )
    assert pairs(d) == [("các huyện ủy", "lead")]


def test_a_co_doer_after_cung_voi_is_a_lead_too() -> None:
    d = run("Công an tỉnh cùng với Bộ Chỉ huy Quân sự tỉnh xây dựng phương án bảo vệ Đại hội.")
    assert pairs(d) == [("Công an tỉnh", "lead"), ("Bộ Chỉ huy Quân sự tỉnh", "lead")]


def test_every_partner_of_a_list_after_phoi_hop_coordinates() -> None:
    d = run(
        "Đề nghị Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp Sở Thông tin và Truyền thông, "
        "Báo tỉnh, Đài Phát thanh và Truyền hình tỉnh đẩy mạnh tuyên truyền về Đại hội."
    )
    assert agencies(d) == ["Ban Tuyên giáo Tỉnh ủy"]
    assert agencies(d, "coordinate") == [
        "Sở Thông tin và Truyền thông",
        "Báo tỉnh",
        "Đài Phát thanh và Truyền hình tỉnh",
    ]


def test_election_boards_of_several_kinds_of_place() -> None:
    d = run("Ủy ban bầu cử ở các xã, thị trấn kiểm tra việc chuẩn bị tại các khu vực bỏ phiếu.")
    assert agencies(d) == ["Ủy ban bầu cử ở các xã, thị trấn"]


def test_units_of_a_ministry_written_thuoc_bo() -> None:
    d = run("Đề nghị Thủ trưởng các cơ quan, đơn vị thuộc Bộ phổ biến Công văn này tới cán bộ.")
    assert agencies(d) == ["các cơ quan, đơn vị thuộc Bộ"]


def test_a_task_fixed_to_a_day_carries_that_day() -> None:
    d = run("Yêu cầu các cơ quan, công sở treo cờ Tổ quốc vào ngày 2/9/2025.")
    assert [a.deadline for a in d.assignments] == ["2025-09-02"]


def test_the_day_of_the_event_is_not_a_deadline() -> None:
    d = run(
        "Yêu cầu các cơ quan treo cờ trước và sau ngày 2/9/2025; Sở Y tế bảo đảm y tế cho "
        "lễ kỷ niệm diễn ra vào ngày 2/9/2025."
    )
    assert [a.deadline for a in d.assignments] == [None, None]


def test_a_sentence_that_only_says_by_when_to_send_dates_the_directive_before_it() -> None:
    d = run(
        "Đề nghị Sở Nội vụ các tỉnh tổ chức sơ kết công tác thi đua.\n"
        "Báo cáo sơ kết gửi về Bộ (qua Vụ Thi đua) trước ngày 15/5/2025."
    )
    assert [(a.agency, a.deadline) for a in d.assignments] == [("Sở Nội vụ các tỉnh", "2025-05-15")]


def test_a_deadline_far_from_any_directive_dates_nothing() -> None:
    d = run(
        "Đề nghị Sở Nội vụ tổ chức sơ kết công tác thi đua. Hội nghị diễn ra trong không khí "
        "dân chủ.\nBáo cáo sơ kết gửi về Bộ trước ngày 15/5/2025."
    )
    assert [(a.agency, a.deadline) for a in d.assignments] == [("Sở Nội vụ", None)]


def test_items_opened_by_ordinal_words_inside_a_paragraph() -> None:
    d = run(
        "Đồng chí Phó Chủ tịch yêu cầu các phòng, ban tập trung một số nội dung sau: Một là, "
        "rà soát lại danh mục công việc. Hai là, chủ động xử lý vướng mắc phát sinh. Ba là, "
        "gửi báo cáo về Văn phòng trước ngày 4/11/2025."
    )
    assert [(a.agency, a.task, a.deadline) for a in d.assignments] == [
        ("các phòng, ban", "rà soát lại danh mục công việc", None),
        ("các phòng, ban", "chủ động xử lý vướng mắc phát sinh", None),
        ("các phòng, ban", "gửi báo cáo về Văn phòng trước ngày 4/11/2025", "2025-11-04"),
    ]


def test_a_mandate_that_only_opens_its_list_is_no_task_of_its_own() -> None:
    d = run(
        "Phòng Nội vụ có trách nhiệm:\na) Hướng dẫn các xã lập danh sách cử tri;\n"
        "b) Tổng hợp kết quả, báo cáo Ban Chỉ đạo."
    )
    assert [a.task for a in d.assignments] == [
        "Hướng dẫn các xã lập danh sách cử tri",
        "Tổng hợp kết quả, báo cáo Ban Chỉ đạo",
    ]


def test_tasks_handed_out_after_nhu_sau_each_with_its_doer() -> None:
    d = run(
        "Ban Tổ chức phân công như sau: Văn phòng Đảng ủy chuẩn bị hội trường; Đoàn Thanh niên "
        "xã lo trang trí; Công an xã bảo đảm trật tự."
    )
    assert agencies(d) == ["Văn phòng Đảng ủy", "Đoàn Thanh niên xã", "Công an xã"]
