"""Match agency names as written in a text to the congress's agency registry."""

import re
from dataclasses import dataclass, field

from daihoi.core.text import fold

# Abbreviations officials write, folded, and what they stand for (folded).
ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "ub mttq": "uy ban mat tran to quoc",
    "vhttdl": "van hoa the thao va du lich",
    "vh-tt&dl": "van hoa the thao va du lich",
    "vh, tt&dl": "van hoa the thao va du lich",
    "t.u": "trung uong",
    "tw": "trung uong",
    "btv": "ban thuong vu",
    "tu": "tinh uy",
    "pt-th": "phat thanh truyen hinh",
    "pt - th": "phat thanh truyen hinh",
    "chqs": "chi huy quan su",
    "tt&tt": "thong tin va truyen thong",
    "tttt": "thong tin va truyen thong",
    "gd&dt": "giao duc va dao tao",
    "gtvt": "giao thong van tai",
    "tp": "thanh pho",
}
_ABBREV = re.compile(
    r"(?<![\w&.])("
    + "|".join(re.escape(k) for k in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w&])"
)
_PUNCT = re.compile(r"[^\w\s]")
_GENERIC = re.compile(r"^(cac|nhung|moi)\s")


def canonical(name: str) -> str:
    """Folded, abbreviations expanded, punctuation and spaces normalised."""
    text = fold(name)
    text = _ABBREV.sub(lambda m: ABBREVIATIONS[m.group(1)], text)
    text = _PUNCT.sub(" ", text.replace("-", " "))
    return " ".join(text.split())


@dataclass
class Match:
    written: str
    agency: object | None = None
    candidates: list = field(default_factory=list)

    @property
    def is_generic(self) -> bool:
        return bool(_GENERIC.match(fold(self.written)))


class AgencyMatcher:
    def __init__(self, agencies) -> None:
        self.agencies = list(agencies)
        self.keys = []
        for agency in self.agencies:
            names = {canonical(agency.name)}
            if agency.short_name:
                names.add(canonical(agency.short_name))
            self.keys.append((agency, names))

    def match(self, written: str) -> Match:
        key = canonical(written)
        exact = [a for a, names in self.keys if key in names]
        if len(exact) == 1:
            return Match(written, exact[0], exact)
        if not key or _GENERIC.match(key):
            return Match(written, None, [])
        # "Sở Tài chính tỉnh" or "Ban Tuyên giáo" against "Ban Tuyên giáo Tỉnh ủy".
        near = [
            a
            for a, names in self.keys
            if any(n and (n.startswith(key + " ") or key.startswith(n + " ")) for n in names)
        ]
        if len(near) == 1:
            return Match(written, near[0], near)
        return Match(written, None, near or exact)
