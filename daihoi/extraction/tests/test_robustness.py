"""Odd input never crashes the extractor and never turns page furniture into tasks."""

from __future__ import annotations

import time
import unicodedata

from daihoi.extraction import Draft

from .helpers import pairs, run

SAMPLE = (
    "Ngày 6/5/2025, đồng chí Lý Thị Hằng, Phó Bí thư Huyện ủy chủ trì cuộc họp Tiểu ban Tổ chức "
    "phục vụ Đại hội Đảng bộ huyện lần thứ XX. Đồng chí yêu cầu Văn phòng Huyện ủy chủ trì, phối "
    "hợp với Phòng Văn hóa - Thông tin trang trí hội trường, hoàn thành trước ngày 25/5."
)


def test_nfd_input_gives_the_same_draft_as_nfc() -> None:
    nfd = unicodedata.normalize("NFD", SAMPLE)
    assert nfd != SAMPLE
    assert run(nfd).to_dict() == run(SAMPLE).to_dict()


def test_non_breaking_spaces_are_spaces_and_evidence_keeps_the_pasted_text() -> None:
    text = SAMPLE.replace("yêu cầu Văn phòng", "yêu cầu\u00a0Văn\u00a0phòng")
    d = run(text)
    assert pairs(d) == pairs(run(SAMPLE))
    assert d.assignments[0].agency == "Văn phòng Huyện ủy"
    assert d.assignments[0].evidence in text


def test_page_boilerplate_gives_no_assignments() -> None:
    text = (
        SAMPLE + "\n\nPV\n\nTin liên quan\nSở Y tế yêu cầu các bệnh viện bảo đảm trực cấp cứu\n"
        "Lượt xem: 1.204 | Chia sẻ\nÝ kiến bạn đọc\nGửi bình luận\nHọ tên:(*)\n"
        "Email của bạn sẽ không được hiển thị công khai.\nCác trường bắt buộc được đánh dấu *\n"
        "Mã xác nhận: Nhập lại\n"
    )
    assert pairs(run(text)) == pairs(run(SAMPLE))
    junk = "Ý kiến bạn đọc\nGửi bình luận\nView count: 99\nTrả lời\nChia sẻ Facebook Zalo\n"
    assert run(junk).assignments == []


def test_broken_characters_do_not_crash() -> None:
    text = SAMPLE.replace("Huyện", "Huy\ufffdn", 1) + "\x00\x07 \ufeff\u200b"
    d = run(text)
    assert isinstance(d, Draft)
    assert d.assignments


def test_empty_and_blank_input_give_an_empty_draft() -> None:
    for text in ("", "   \n\t  ", "\ufffd\ufffd", "12/10 ;;; ..."):
        d = run(text)
        assert d.assignments == []
        assert d.meeting.chair is None


def test_text_in_another_language_gives_an_empty_draft() -> None:
    english = (
        "The Department of Finance shall chair and coordinate with the city office to prepare "
        "the budget before 20/11/2025. All agencies must report by 1 December."
    )
    assert run(english).to_dict() == Draft().to_dict()
    assert run("Комитет провёл заседание 5/10 и поручил подготовить отчёт.").assignments == []
    assert run("委员会开会讨论准备工作").assignments == []


def test_huge_text_finishes_quickly() -> None:
    paragraph = SAMPLE + "\n"
    text = "".join(paragraph.replace("XX", f"XX ({i})") for i in range(6000))  # ~2 MB
    started = time.perf_counter()
    d = run(text)
    assert time.perf_counter() - started < 30
    assert d.assignments


def test_pathological_text_without_punctuation_finishes() -> None:
    text = "các sở, ban, ngành " * 60000 + "Đại hội " + "a" * 200000
    started = time.perf_counter()
    run(text)
    assert time.perf_counter() - started < 30


def test_to_dict_has_exactly_the_documented_shape() -> None:
    d = run(SAMPLE).to_dict()
    assert set(d) == {"meeting", "assignments"}
    assert set(d["meeting"]) == {
        "date",
        "chair",
        "chair_titles",
        "congress_ordinal",
        "term",
        "body",
    }
    assert d["assignments"]
    for a in d["assignments"]:
        assert set(a) == {"agency", "role", "task", "deadline", "evidence"}
        assert a["role"] in ("lead", "coordinate")
    assert d["assignments"][0]["deadline"] == "2025-05-25"
