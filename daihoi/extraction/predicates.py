"""Whether the words after an agency are its predicate (a task), and the small tests on a
predicate's opening words: work reported as done, directing as one's own task, agreement."""

from __future__ import annotations

from .indexes import MODALS, NON_TASK, TASKS
from .tokens import Tok

COMPLETED = frozenset({"đã", "vừa", "mới", "chưa", "đang", "từng"})
_MANDATE_NOUNS = frozenset({"nhiệm", "trách", "chức"})
# Prepositions and nouns that go on a noun phrase: what follows an agency with one of these
# is not its predicate.
_NOT_PREDICATE = frozenset({"về", "của", "tại", "với", "ngày", "số", "trong", "thuộc", "ở", "nhằm"})
_STANDING = frozenset({"đầu", "thường", "đơn"})  # "là đầu mối", "là thường trực", "là đơn vị"


def valid_predicate(toks: list[Tok], p: int, need_modal: bool) -> bool:
    n = len(toks)
    if p < n and toks[p].text == ":":
        p += 1
    if p >= n or not toks[p].word or toks[p].cap:
        return False
    words = sum(1 for t in toks[p : p + 4] if t.word)
    if words < 2:
        return False
    head = [t.low for t in toks[p : p + 3]]
    if head[0] in COMPLETED or (
        len(head) > 1
        and head[0] in ("cũng", "đều", "cơ")
        and (head[1] in COMPLETED or (len(head) > 2 and head[2] in COMPLETED))
    ):
        return False
    if head[:2] == ["cơ", "bản"] or (head[0] in ("cũng", "đều") and NON_TASK.match(toks, p + 1)):
        return False  # "cơ bản hoàn thành / thống nhất …", "cũng thông qua …": reported
    low = head[0]
    nxt = head[1] if len(head) > 1 else ""
    if low == "là" and (nxt in _STANDING or (nxt == "cơ" and len(head) > 2 and head[2] == "quan")):
        return True  # "Ban Dân tộc là cơ quan thường trực giúp …": a mandate
    if low in _NOT_PREDICATE or (low in ("cho", "theo") and toks[p + 1].cap):
        # "…, Tiểu ban X về việc …" has no predicate, but "Sở Y tế trong thời gian tới cần
        # …" has one after its adverbial of time.
        return (
            low == "trong" and nxt in _TIME_NOUNS and _modal_ahead(toks, p + 1)
        )  # "…, Tiểu ban X về việc …", "các thành viên tổ giúp việc cho Tiểu ban"
    if names_to_post(toks, p):
        return False
    if low == "có":
        return nxt in ("nhiệm", "trách", "chức", "kế", "phương", "biện", "văn")
    if low == "được":
        if nxt in ("giao", "phân"):
            return True
        # "… được thành lập (và) có chức năng / nhiệm vụ …"
        window = [t.low for t in toks[p : p + 6]]
        return "có" in window and any(w in _MANDATE_NOUNS for w in window)
    if NON_TASK.match(toks, p) or _agreed_on_a_thing(toks, p) or _done(toks, p):
        return False
    if need_modal:
        return bool(MODALS.match(toks, p))
    return True


def _agreed_on_a_thing(toks: list[Tok], p: int) -> bool:
    """ "… thống nhất thời gian tổ chức …", "… thống nhất cao với dự thảo": a decision, while
    "… thống nhất tiếp tục xây dựng kế hoạch" is an agreed task of the subject."""
    if not agreed(toks, p):
        return False
    q = p + 2
    while q < len(toks) and toks[q].low in ("cao", "chung"):
        q += 1
    return q >= len(toks) or not TASKS.match(toks, q)


# Posts a person is named to ("làm phó trưởng đoàn", "làm thư ký").
_POST_WORDS = frozenset({"trưởng", "phó"})
_POST_PAIRS = frozenset(
    {("thư", "ký"), ("thư", "kí"), ("tổ", "trưởng"), ("chủ", "tịch"), ("chủ", "nhiệm")}
    | {("bí", "thư"), ("ủy", "viên"), ("uỷ", "viên"), ("đội", "trưởng")}
)


def names_to_post(toks: list[Tok], p: int) -> bool:
    """ "(phân công đồng chí X) làm trưởng đoàn": naming a person to a post, no task."""
    words = [t.low for t in toks[p : p + 3]]
    if len(words) < 2 or words[0] != "làm":
        return False
    return words[1] in _POST_WORDS or tuple(words[1:3]) in _POST_PAIRS


# After "xong", words that give it a date or a purpose: a task to finish, not one finished.
_DUE = frozenset({"trước", "trong", "chậm", "vào", "ngay", "để", "đúng", "sớm"})


def _done(toks: list[Tok], p: int) -> bool:
    """ "… thẩm định xong hồ sơ …": finished, unless a modal or a date goes with it ("phải
    hoàn thành xong trước ngày …")."""
    lows = [t.low for t in toks[p : p + 5]]
    if "xong" not in lows:
        return False
    k = lows.index("xong")
    if not _NOT_YET.isdisjoint(lows[:k]) or MODALS.match(toks, p):
        return False
    if p + k + 1 < len(toks) and toks[p + k + 1].low in _DUE:
        return False
    return not any(t.low in ("trước", "chậm") for t in toks[p + k + 1 :])  # a date it is due


_NOT_YET = frozenset({"cần", "phải", "sớm", "khẩn", "kịp", "sẽ"})
_TIME_NOUNS = frozenset({"thời", "những", "các", "tháng", "năm", "tuần", "quý", "dịp", "ngày"})


def _modal_ahead(toks: list[Tok], p: int) -> bool:
    for r in range(p, min(len(toks), p + 10)):
        if not toks[r].word:
            return False
        if MODALS.match(toks, r):
            return True
    return False


# Directive verbs that are also a task of their subject when no addressee follows them.
_OWN_DIRECTION = frozenset({("chỉ", "đạo"), ("đôn", "đốc"), ("quán", "triệt")})


def own_direction(toks: list[Tok], p: int) -> bool:
    if p + 1 >= len(toks) or (toks[p].low, toks[p + 1].low) not in _OWN_DIRECTION:
        return False
    return sum(1 for t in toks[p + 2 : p + 6] if t.word) >= 2


def reported(lows: list[str]) -> bool:
    """ "(Về phía Sở Y tế,) ngành đã chuẩn bị …", "… cho biết …": a report, not a task."""
    return not COMPLETED.isdisjoint(lows) or ("biết" in lows and "cho" in lows)


# Verbs of agreeing: on a thing they are a decision, before a task verb an agreed task.
_AGREE = frozenset({("thống", "nhất"), ("nhất", "trí"), ("đồng", "ý"), ("đồng", "thuận")})


def agreed(toks: list[Tok], p: int) -> bool:
    return p + 1 < len(toks) and (toks[p].low, toks[p + 1].low) in _AGREE


# "là căn cứ, cơ sở quan trọng để Tiểu ban thảo luận": a paper described as the basis of
# someone's work hands no task to them.
_BASIS = frozenset({("căn", "cứ"), ("cơ", "sở"), ("tiền", "đề"), ("nền", "tảng")})


def serves_as_basis(lows: list[str], k: int) -> bool:
    """Whether the words before "để" at k describe a basis ("là căn cứ … để")."""
    before = lows[max(0, k - 8) : k]
    if "là" not in before:
        return False
    return not _BASIS.isdisjoint(zip(before, before[1:], strict=False))
