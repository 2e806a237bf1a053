"""The learned candidate filter: features, labels against gold pairs, and training."""

from __future__ import annotations

from daihoi.extraction.extract import extract_with, read_text
from daihoi.extraction.model import LEAD, Assignment
from daihoi.extraction.scorer import Candidate, Filter, features, label, train

from .helpers import run

TEXT = (
    "Ngày 4/5/2026, Ban Thường vụ Huyện ủy yêu cầu Văn phòng Huyện ủy chuẩn bị hội trường; "
    "các xã đã hoàn thành việc rà soát danh sách đảng viên. Đề nghị các chi bộ tổ chức học "
    "tập nghị quyết trước ngày 20/5."
)


def candidate(agency: str, how: str, evidence: str = "chuẩn bị hội trường") -> Candidate:
    return Candidate(Assignment(agency, LEAD, evidence, None, evidence), how, 1)


def test_candidates_say_how_they_were_found() -> None:
    read = read_text(TEXT, None)
    assert read is not None
    hows = {c.assignment.agency: c.how for c in read[1]}
    assert hows == {"Văn phòng Huyện ủy": "directive", "các chi bộ": "directive"}


def test_extract_keeps_every_candidate_of_the_rules() -> None:
    assert run(TEXT).to_dict() == extract_with(TEXT, None, None).to_dict()


def test_features_describe_the_agency_and_the_construction() -> None:
    f = features(candidate("các chi bộ", "next-sentence", "đã tổ chức học tập"))
    assert "how=next-sentence" in f
    assert "generic=True" in f
    assert "has:đã" in f


def test_label_uses_each_gold_pair_once() -> None:
    cands = [candidate("Sở Nội vụ", "subject"), candidate("Sở  Nội vụ", "directive")]
    assert label(cands, [("sở nội vụ", LEAD)]) == [True, False]


def test_training_learns_to_drop_a_construction_that_is_always_wrong() -> None:
    good = [(candidate(f"Sở {k}", "directive"), True) for k in range(30)]
    bad = [(candidate(f"Ban {k}", "purpose"), False) for k in range(30)]
    model = train(good + bad, threshold=0.5)
    assert isinstance(model, Filter)
    assert model.keep(candidate("Sở Y tế", "directive"))
    assert not model.keep(candidate("Ban Y tế", "purpose"))
