"""Subjectless clauses that go on with a directive when they open with a verb of care or
compliance ("quan tâm", "tuân thủ", "chú trọng")."""

from __future__ import annotations

from .helpers import agencies, run


def test_a_clause_opening_with_quan_tam_goes_on_with_the_directive() -> None:
    d = run(
        "Ông Hải yêu cầu các thành viên Ban Chỉ đạo bám sát các mốc thời gian; quan tâm chỉ "
        "đạo các xã, nhất là những xã có tỷ lệ ứng cử viên nữ thấp."
    )
    assert agencies(d) == ["các thành viên Ban Chỉ đạo", "các thành viên Ban Chỉ đạo"]


def test_clauses_of_compliance_and_emphasis_go_on_with_the_directive() -> None:
    d = run(
        "Đề nghị các chi bộ quán triệt kế hoạch đến từng đảng viên; tuân thủ nghiêm quy trình "
        "nhân sự; chú trọng công tác bảo vệ chính trị nội bộ."
    )
    assert agencies(d) == ["các chi bộ"] * 3
