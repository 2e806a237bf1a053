"""Which area and phase a task's wording points to, read from folded keywords.

Used wherever a task is proposed from a sentence (text import, a meeting's conclusion)."""

from daihoi.core.text import fold

from .models import Area, Phase

# Words of a task and the area they point to (folded), in the order text import tries them.
AREA_WORDS: list[tuple[tuple[str, ...], Area]] = [
    (("kinh phi", "du toan", "du tru", "tai chinh"), Area.FINANCE),
    (("an ninh", "trat tu", "bao ve", "phong chay"), Area.SECURITY),
    (("y te", "dich", "covid", "suc khoe"), Area.HEALTH),
    (("trang tri", "khanh tiet", "pano", "co to quoc", "co dang", "ap phich"), Area.CEREMONY),
    (("van nghe", "van hoa", "trien lam", "trung bay"), Area.CULTURE),
    (("chuyen trang", "chuyen muc", "bao chi", "phong su", "tin, bai"), Area.PRESS),
    (("tuyen truyen",), Area.PROPAGANDA),
    (("van kien", "bao cao chinh tri", "du thao"), Area.DOCUMENTS),
    (("nhan su", "dai bieu chinh thuc"), Area.PERSONNEL),
    (
        (
            "co so vat chat",
            "hau can",
            "an, nghi",
            "an nghi",
            "dua don",
            "phuong tien",
            "hoi truong",
        ),
        Area.LOGISTICS,
    ),
]


def areas_named(text: str) -> list[Area]:
    """Every area whose keywords occur in the text, without repeats, in the order above."""
    folded = fold(text)
    found: list[Area] = []
    for words, area in AREA_WORDS:
        if area not in found and any(w in folded for w in words):
            found.append(area)
    return found


def guess_area(text: str) -> str:
    """The first area named, or Chỉ đạo chung: for rows a person reviews one by one."""
    named = areas_named(text)
    return named[0] if named else Area.GENERAL


def confident_area(text: str) -> Area | None:
    """The area whose keywords occur most often, when no other area's occur as often; None
    when no area is named or two are named alike (the person must choose)."""
    folded = fold(text)
    hits: dict[Area, int] = {}
    for words, area in AREA_WORDS:
        hits[area] = hits.get(area, 0) + sum(folded.count(w) for w in words)
    ranked = sorted(hits.values(), reverse=True)
    if not ranked or ranked[0] == 0 or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return None
    return max(hits, key=lambda area: hits[area])


def guess_phase(text: str) -> str:
    folded = fold(text)
    if "truoc, trong va sau" in folded or "truoc, trong, sau" in folded:
        return Phase.THROUGHOUT
    if "trong thoi gian dien ra" in folded or "trong dai hoi" in folded:
        return Phase.DURING
    if "sau dai hoi" in folded:
        return Phase.AFTER
    return Phase.BEFORE
