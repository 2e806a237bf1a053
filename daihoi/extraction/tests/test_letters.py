"""A letter's addressees after "Kính gửi" stand for "Quý Sở", "Quý cơ quan" in its body."""

from __future__ import annotations

from .helpers import agencies, run


def test_quy_so_is_the_department_the_letter_is_addressed_to() -> None:
    d = run(
        "Kính gửi: Sở Nội vụ tỉnh Lạng Sơn.\n\n"
        "Để kịp tổng hợp, Bộ đề nghị Quý Sở rà soát hồ sơ khen thưởng và gửi về Bộ "
        "trước ngày 12 tháng 3 năm 2024."
    )
    assert [(a.agency, a.deadline) for a in d.assignments] == [
        ("Sở Nội vụ tỉnh Lạng Sơn", "2024-03-12")
    ]


def test_quy_co_quan_stands_for_every_bulleted_addressee() -> None:
    d = run(
        "Kính gửi:\n- Ủy ban nhân dân các huyện, thị xã;\n- Ban Tuyên giáo các huyện ủy.\n\n"
        "Ban Chỉ đạo đề nghị Quý cơ quan chỉ đạo treo khẩu hiệu dọc các trục đường chính."
    )
    assert agencies(d) == ["Ủy ban nhân dân các huyện, thị xã", "Ban Tuyên giáo các huyện ủy"]


def test_quy_without_a_greeting_is_kept_as_written() -> None:
    d = run("Bộ đề nghị Quý Ủy ban chỉ đạo treo khẩu hiệu dọc các trục đường chính.")
    assert agencies(d) == ["Quý Ủy ban"]
