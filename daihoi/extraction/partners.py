"""Partners of a task: "A chủ trì, phối hợp (với) B", "A phối hợp B làm X", and an agency
whose only predicate is "phối hợp (thực hiện)"."""

from __future__ import annotations

from .agencies import is_agency_start, parse_agency_list
from .tokens import Span, Tok

_PARTNER_ONLY = frozenset({"thực", "hiện", "triển", "khai", "tổ", "chức", "thực hiện", "cùng"})


def partner_only(toks: list[Tok], p: int) -> bool:
    """True for a predicate that is only "phối hợp (thực hiện)": the agency coordinates."""
    n = len(toks)
    if p + 1 >= n or toks[p].low != "phối" or toks[p + 1].low != "hợp":
        return False
    rest = [t.low for t in toks[p + 2 :] if t.word]
    return len(rest) <= 3 and all(w in _PARTNER_ONLY for w in rest)


def coordinates(toks: list[Tok], p: int, leads: list[Span]) -> list[Span]:
    """Partners in "phối hợp (với) B" and "A chủ trì, B phối hợp" inside a predicate."""
    n = len(toks)
    coords: list[Span] = []
    k = p
    while k < n - 1:
        if toks[k].low == "giao" and is_agency_start(toks, k + 1):
            break  # "đề nghị A giao B (phối hợp với C) …": C is B's partner, and B is not asked
        if toks[k].low == "phối" and toks[k + 1].low == "hợp":
            j = k + 2
            while j < n and toks[j].low in ("chặt", "chẽ", "tốt", "thường", "xuyên"):
                j += 1
            bare = False
            if j < n and toks[j].low in ("với", "cùng"):
                j += 1
                bare = True
            if j < n and toks[j].low != "giữa":
                spans = parse_agency_list(toks, j, bare_ok=bare)
                if spans:
                    coords.extend(spans)
                    k = spans[-1].end
                    continue
        elif toks[k].low == "chủ" and toks[k + 1].low == "trì" and k + 2 < n:
            j = k + 2
            if toks[j].text == ",":
                j += 1
            spans = parse_agency_list(toks, j)
            if spans:
                e = spans[-1].end
                if e + 1 < n and toks[e].low == "phối" and toks[e + 1].low == "hợp":
                    coords.extend(spans)
                    k = e + 2
                    continue
        k += 1
    lead_keys = {(s.start, s.end) for s in leads}
    return [s for s in coords if (s.start, s.end) not in lead_keys]
