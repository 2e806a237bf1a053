"""Recognise agencies in a token list.

Two kinds of addressee are read:

* named agencies, from a head ("Sở", "Ban", "Văn phòng", "UBND", "Công an", "Tiểu ban", …)
  followed by their name: capitalised syllables, the second syllable of a capitalised word
  ("Tuyên giáo", "Tài chính"), place words ("tỉnh", "thành phố"), and joining words inside
  official names ("Nông nghiệp và Phát triển Nông thôn", "Văn hóa, Thể thao và Du lịch");
* generic addressees, from "các/những/từng/mỗi" and a noun of agencies ("các sở, ban, ngành",
  "các cơ quan, đơn vị có liên quan", "các thành viên Tiểu ban …").

A list of them ("Báo X, Đài Y", "A và các cơ quan, đơn vị liên quan", "X, nhất là Y") is
split into one agency each; a composite generic phrase stays whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import lexicon as lx
from .tokens import PhraseIndex, Tok

FREE = PhraseIndex(lx.FREE_HEADS)
NAMED = PhraseIndex(lx.NAMED_HEADS)
LOWER = PhraseIndex(lx.LOWER_HEADS)
STARTERS = PhraseIndex(lx.STARTERS)
GENERIC = PhraseIndex(lx.GENERIC_NOUNS)
QUALIFIERS = PhraseIndex(lx.GENERIC_QUALIFIERS)
LOC = PhraseIndex(lx.LOC_WORDS)
DOMAIN = PhraseIndex(lx.DOMAIN_WORDS)
LOC_NOUNS = PhraseIndex(lx.LOC_NOUNS)
TASK_START = PhraseIndex(lx.TASK_VERBS | lx.MODALS | lx.NON_TASK_PREDICATES | lx.DIRECTIVES)

MAX_NAME = 24  # tokens; official names are long, but never this long
# Heads that need a capitalised name after them, and words after which they are not agencies.
_NOT_AGENCY_NEXT = frozenset({"cáo", "nghị", "chức", "hành", "trưởng", "quốc", "trường", "kết"})
# Single syllables that cannot be the second half of a word in a name: function words and
# one-syllable verbs.
_FUNCTION = frozenset(
    [
        "đã",
        "sẽ",
        "được",
        "là",
        "có",
        "cần",
        "phải",
        "cũng",
        "vừa",
        "đang",
        "và",
        "với",
        "cho",
        "của",
        "để",
        "thì",
        "mà",
        "nên",
        "do",
        "bị",
        "tại",
        "từ",
        "đến",
        "trong",
        "ngoài",
        "về",
        "theo",
        "như",
        "khi",
        "sau",
        "trước",
        "nhằm",
        "cùng",
        "rất",
        "đều",
        "còn",
        "vẫn",
        "chưa",
        "không",
        "giao",
        "cử",
        "gửi",
        "sớm",
        "treo",
        "lập",
        "trình",
        "chọn",
        "ngay",
        "tiếp",
    ]
)
# Generic nouns that may be an addressee without "các" ("phối hợp với thành viên khác").
_BARE_NOUNS = frozenset({"thành", "cơ", "đơn", "địa", "sở", "ngành", "bộ"})
# Second syllables of document names ("Kế hoạch", "Quyết định", "Thông báo").
_DOC_SECOND = frozenset({"hoạch", "định", "báo", "văn", "thị", "quyết", "luận", "dẫn", "số"})


@dataclass(slots=True)
class Span:
    start: int  # token index
    end: int  # token index, exclusive
    generic: bool = False


def _head(toks: list[Tok], i: int) -> tuple[int, bool]:
    """(length of the agency head at i, whether it needs a capitalised name after it)."""
    t = toks[i]
    if not t.word:
        return 0, False
    if t.cap:
        k = FREE.match(toks, i)
        if k:
            return k, False
        k = NAMED.match(toks, i)
        if k:
            return k, True
    k = LOWER.match(toks, i)
    if k:
        return k, False
    return 0, False


def is_agency_start(toks: list[Tok], i: int) -> bool:
    if i >= len(toks):
        return False
    return bool(STARTERS.match(toks, i) or _head(toks, i)[0])


def _starts_predicate(toks: list[Tok], j: int) -> bool:
    if toks[j].low in _FUNCTION:
        return True
    return TASK_START.match(toks, j) >= 2


def parse_named(toks: list[Tok], i: int) -> Span | None:
    n = len(toks)
    h, need_name = _head(toks, i)
    if not h:
        return None
    j = i + h
    if need_name:
        if j >= n or not toks[j].word or not toks[j].ecap or toks[j].low in _NOT_AGENCY_NEXT:
            return None
        if toks[i].low in ("hội", "tổ", "đoàn", "báo") and toks[j].low in ("nghị", "chức"):
            return None
    head_end = j
    end = j
    while j < n and j - i < MAX_NAME:
        t = toks[j]
        p = toks[j - 1]
        if t.word and t.ecap and not (t.cap and LOWER.match(toks, j)):
            j += 1
            end = j
            continue
        if t.word:
            k = LOC.match(toks, j)
            if k:
                j += k
                end = j
                continue
            k = DOMAIN.match(toks, j)
            if k and j > head_end and not TASK_START.match(toks, j):
                j += k
                end = j
                continue
            if t.low in ("các", "cấp") and LOC_NOUNS.match(toks, j + 1):
                # "UBND các huyện, thành phố"
                j += 1 + LOC_NOUNS.match(toks, j + 1)
                while j + 1 < n and toks[j].text == "," and LOC_NOUNS.match(toks, j + 1):
                    j += 1 + LOC_NOUNS.match(toks, j + 1)
                end = j
                continue
            # A head inside the name, written in lower case ("Ban chỉ đạo", "Ban tổ chức").
            k = FREE.match(toks, j - 1)
            if p.cap and k >= 2:
                j += k - 1
                end = j
                continue
            # Second syllable of a capitalised word: "Tuyên giáo", "Tài chính", "Tỉnh ủy".
            # (a head word inside the name, "Ban Bí thư", is a boundary too)
            first_of_run = (
                j - 1 == head_end
                or not p.cap
                or not (toks[j - 2].word and toks[j - 2].ecap and j - 2 >= head_end)
                or bool(_head(toks, j - 2)[0])
            )
            if (
                p.word
                and p.ecap
                and j - 1 >= head_end
                and first_of_run
                and not _starts_predicate(toks, j)
            ):
                j += 1
                end = j
                continue
            # Joining words of official names, followed by a capitalised word.
            if t.low in ("và", "-", "–") or (
                t.low == "phục" and j + 1 < n and toks[j + 1].low == "vụ"
            ):
                k = 2 if t.low == "phục" else 1
                if (
                    j + k < n
                    and toks[j + k].word
                    and toks[j + k].ecap
                    and not is_agency_start(toks, j + k)
                ):
                    j += k
                    continue
                break
            if t.low == "lần" or t.low == "khóa" or t.low == "khoá":
                k = 2 if j + 1 < n and toks[j + 1].low == "thứ" else 1
                if j + k < n and (toks[j + k].text.isdigit() or toks[j + k].text.isupper()):
                    j += k + 1
                    end = j
                    continue
                break
            if t.low == "của" and j + 1 < n and toks[j + 1].low in ("đảng",):
                j += 2
                end = j
                continue
            # "Đại hội đại biểu …", "Đại hội toàn quốc …"
            if (
                t.low in ("đại", "toàn")
                and p.low == "hội"
                and j + 1 < n
                and toks[j + 1].low in ("biểu", "quốc")
            ):
                j += 2
                end = j
                continue
            break
        if t.text in ("-", "–"):
            if j + 1 < n and toks[j + 1].ecap and not is_agency_start(toks, j + 1):
                j += 1
                continue
            break
        if t.text == "," and j + 1 < n:
            nxt = toks[j + 1]
            # ", lần thứ XVIII" and ", huyện Gia Lộc" belong to the name.
            if nxt.low == "lần":
                j += 1
                continue
            k = LOC_NOUNS.match(toks, j + 1)
            if k and j + 1 + k < n and toks[j + 1 + k].ecap:
                j += 1
                continue
            # "Văn hóa, Thể thao và Du lịch": a comma series closed by "và" + capital.
            if nxt.ecap and not is_agency_start(toks, j + 1):
                for q in range(j + 2, min(n - 1, j + 6)):
                    if toks[q].low == "và" and toks[q + 1].ecap:
                        j += 1
                        break
                    if not toks[q].word:
                        break
                else:
                    break
                if toks[j].text != ",":
                    continue
            break
        break
    if end <= i:
        return None
    return Span(i, end)


def _generic_noun(toks: list[Tok], j: int) -> int:
    return GENERIC.match(toks, j)


def parse_generic(toks: list[Tok], i: int, need_starter: bool = True) -> Span | None:
    n = len(toks)
    j = i
    k = STARTERS.match(toks, j)
    if k:
        j += k
    elif need_starter:
        return None
    g = _generic_noun(toks, j)
    if not g:
        return None
    j += g
    end = j
    while j < n:
        t = toks[j]
        if t.text == "," and j + 1 < n:
            g = _generic_noun(toks, j + 1)
            if g and not STARTERS.match(toks, j + 1):
                # "các cơ quan, đơn vị": a comma between bare nouns keeps one addressee,
                # unless the noun starts a predicate of its own ("…, tổ chức tuyên truyền").
                after = j + 1 + g
                if not (toks[j + 1].low == "tổ" and after < n and toks[after].low == "chức"):
                    j = after
                    end = j
                    continue
            break
        if t.low == "và" and j + 1 < n:
            g = _generic_noun(toks, j + 1)
            if g and not STARTERS.match(toks, j + 1):
                j += 1 + g
                end = j
                continue
            break
        if t.low == "của" and j + 1 < n:
            if toks[j + 1].low in ("mình",):
                j += 2
                end = j
                continue
            sub = parse_named(toks, j + 1)
            if sub:
                j = sub.end
                end = j
                continue
            k = LOC.match(toks, j + 1)
            if k:
                j += 1 + k
                end = j
                continue
            break
        if t.low in ("thuộc", "trong") and j + 1 < n:
            sub = parse_named(toks, j + 1)
            if sub:
                j = sub.end
                end = j
                continue
            if toks[j + 1].low == "tiểu" and j + 2 < n and toks[j + 2].low == "ban":
                j += 3
                end = j
                continue
            k = LOC.match(toks, j + 1)
            if k:
                j += 1 + k
                end = j
                continue
            break
        if t.low == "được" and j + 2 < n and toks[j + 1].low in ("giao", "phân"):
            k = QUALIFIERS.match(toks, j)
            if k:
                q = j + k
                # "… được giao nhiệm vụ tại Kế hoạch số 268/KH-UBND"
                if q + 1 < n and toks[q].low in ("tại", "theo") and toks[q + 1].cap:
                    q += 2
                    stop = min(n, q + 6)
                    while (
                        q < stop
                        and toks[q].word
                        and (toks[q].cap or toks[q].low in _DOC_SECOND or toks[q].text[0].isdigit())
                    ):
                        q += 1
                j = q
                end = j
                continue
            break
        if t.word and t.cap:
            sub = parse_named(toks, j)
            if sub:
                j = sub.end
                end = j
                continue
        k = QUALIFIERS.match(toks, j)
        if k:
            j += k
            end = j
            continue
        if t.word and t.cap and t.low in ("trung", "t.ư", "tw"):
            # "các cơ quan Trung ương", "các ban đảng T.Ư"
            j += 2 if t.low == "trung" else 1
            end = j
            continue
        break
    return Span(i, end, generic=True)


def parse_agency(toks: list[Tok], i: int, bare_ok: bool = False) -> Span | None:
    if i >= len(toks):
        return None
    span = parse_generic(toks, i)
    if span:
        return span
    span = parse_named(toks, i)
    if span:
        return span
    if bare_ok and toks[i].low in _BARE_NOUNS:
        return parse_generic(toks, i, need_starter=False)
    return None


def parse_agency_list(toks: list[Tok], i: int, bare_ok: bool = False) -> list[Span]:
    """One or more agencies joined by commas, "và", or "nhất là"."""
    n = len(toks)
    first = parse_agency(toks, i, bare_ok)
    if not first:
        return []
    items = [first]
    j = first.end
    while j < n:
        k = j
        if toks[k].text == ",":
            k += 1
        if k < n and toks[k].low in ("và", "cùng"):
            k += 1
        # "X, nhất là Y", "X, đặc biệt là Y"
        if (
            k + 1 < n
            and toks[k].low in ("nhất", "đặc", "trong", "kể")
            and toks[k + 1].low in ("là", "biệt", "đó", "cả")
        ):
            k += 2
            if k < n and toks[k].low in ("là", "có"):
                k += 1
        if k == j or k >= n:
            break
        nxt = parse_agency(toks, k, bare_ok=False)
        if not nxt:
            break
        items.append(nxt)
        j = nxt.end
    return items
