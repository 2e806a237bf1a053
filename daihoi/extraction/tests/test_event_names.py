"""Names that go on through the event they serve: an anniversary written in lower case, the
congress of the ethnic minorities (its own "các"), an election board's constituency."""

from __future__ import annotations

from .helpers import agencies, run


def test_an_anniversary_in_lower_case_belongs_to_the_board() -> None:
    d = run("Ban Tổ chức lễ kỷ niệm 45 năm thành lập huyện rà soát danh sách khách mời.")
    assert agencies(d) == ["Ban Tổ chức lễ kỷ niệm 45 năm thành lập huyện"]


def test_an_anniversary_day_in_lower_case_belongs_to_the_board() -> None:
    d = run("Ban Tổ chức Lễ kỷ niệm 60 năm Ngày thành lập tỉnh rà soát danh sách khách mời.")
    assert agencies(d) == ["Ban Tổ chức Lễ kỷ niệm 60 năm Ngày thành lập tỉnh"]


def test_the_ethnic_minorities_congress_keeps_its_quantifier() -> None:
    d = run(
        "Ban Chỉ đạo Đại hội đại biểu các dân tộc thiểu số huyện lần thứ V cần sớm chốt "
        "danh sách đại biểu."
    )
    assert agencies(d) == ["Ban Chỉ đạo Đại hội đại biểu các dân tộc thiểu số huyện lần thứ V"]


def test_an_election_board_keeps_its_constituency() -> None:
    d = run("Ban bầu cử đơn vị bầu cử số 4 kiểm tra hồ sơ người ứng cử.")
    assert agencies(d) == ["Ban bầu cử đơn vị bầu cử số 4"]
