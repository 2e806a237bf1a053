"""Addressees that direct their own units: several units, units of a kind or a unit named
for many places are not the issuer, so "X chỉ đạo Y làm Z" is X's task; party committees of
one level listed without "các"; units of a kind restricted by a modifier up to the modal."""

from __future__ import annotations

from .helpers import agencies, run


def test_units_of_a_kind_directing_their_own_units_get_the_task() -> None:
    d = run("Các sở, ban, ngành chỉ đạo các đơn vị trực thuộc treo cờ từ sáng sớm.")
    assert [(a.agency, a.task) for a in d.assignments] == [
        ("Các sở, ban, ngành", "chỉ đạo các đơn vị trực thuộc treo cờ từ sáng sớm")
    ]


def test_a_unit_named_for_many_places_directing_gets_the_task() -> None:
    d = run("UBND các huyện chỉ đạo các xã chuẩn bị hội trường bỏ phiếu.")
    assert agencies(d) == ["UBND các huyện"]
    d = run("Ban Thường vụ các huyện ủy chỉ đạo các chi bộ họp đúng kỳ.")
    assert agencies(d) == ["Ban Thường vụ các huyện ủy"]


def test_office_holders_of_many_places_directing_give_their_offices() -> None:
    d = run("Chủ tịch UBND các huyện, thành phố chỉ đạo các xã, phường rà soát cử tri.")
    assert agencies(d) == ["UBND các huyện, thành phố"]


def test_one_named_issuer_directing_still_hands_the_task_down() -> None:
    d = run("Bộ Công an chỉ đạo Công an các tỉnh bảo đảm an ninh tại các điểm bỏ phiếu.")
    assert agencies(d) == ["Công an các tỉnh"]


def test_party_committees_of_one_level_listed_without_cac() -> None:
    d = run("Tỉnh ủy, thành ủy tập trung lãnh đạo đại hội chi bộ ở cơ sở.")
    assert agencies(d) == ["Tỉnh ủy, thành ủy"]
    d = run("Huyện ủy, thị ủy chỉ đạo hoàn thành đại hội cấp xã trong tháng 6.")
    assert agencies(d) == ["Huyện ủy, thị ủy"]


def test_units_restricted_by_a_modifier_end_at_the_modal() -> None:
    d = run("Các phường ven sông cần chủ động phương án phòng, chống ngập.")
    assert [(a.agency, a.task) for a in d.assignments] == [
        ("Các phường ven sông", "chủ động phương án phòng, chống ngập")
    ]
    d = run("Những chi bộ còn thiếu hồ sơ phải bổ sung trong tuần này.")
    assert agencies(d) == ["Những chi bộ còn thiếu hồ sơ"]


def test_units_with_a_task_verb_after_them_are_not_extended() -> None:
    d = run("Các phường tổ chức dọn vệ sinh, cần hoàn thành sớm.")
    assert agencies(d) == ["Các phường"]
