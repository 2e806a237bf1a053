"""Money is whole đồng, stored as integers and shown as `1.234.567 đ`."""

import re

_GROUPS = re.compile(r"^\d{1,3}([.,]\d{3})*$")


def format_vnd(amount: int | None) -> str:
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    return f"{sign}{abs(int(amount)):,}".replace(",", ".") + " đ"


def parse_vnd(text: str) -> int:
    """Accepts `1.234.567`, `1234567`, `1,234,567` and an optional `đ`; raises ValueError."""
    cleaned = (text or "").strip().lower().removesuffix("đồng").removesuffix("đ").strip()
    cleaned = cleaned.replace(" ", "")
    if cleaned.isdigit():
        return int(cleaned)
    if _GROUPS.match(cleaned) and len({c for c in cleaned if not c.isdigit()}) == 1:
        return int(re.sub(r"[.,]", "", cleaned))
    raise ValueError(
        "Số tiền không hợp lệ: chỉ nhập chữ số, có thể phân cách hàng nghìn bằng dấu chấm."
    )


_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 10**9


def _read_group(n: int, *, full: bool) -> list[str]:
    """Three digits. A group after the first keeps its "không trăm" (2.021: "không trăm hai
    mươi mốt"); a zero tens digit between a hundred and a unit reads "linh" (105)."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append("linh")
            words.append(_DIGITS[units])
        return words
    if tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _DIGITS[units])
        return words
    words += [_DIGITS[tens], "mươi"]
    if units:
        words.append({1: "mốt", 4: "tư", 5: "lăm"}.get(units, _DIGITS[units]))
    return words


def _read(n: int, *, leading: bool) -> list[str]:
    if n >= _BILLION:
        high, rest = divmod(n, _BILLION)
        billions = [*_read(high, leading=leading), "tỷ"]
        return billions + (_read(rest, leading=False) if rest else [])
    words: list[str] = []
    first = leading
    for value, unit in ((n // 10**6, "triệu"), (n // 1000 % 1000, "nghìn"), (n % 1000, "")):
        if value == 0:
            continue  # empty groups are not read: 1.000.005 is "một triệu không trăm linh năm"
        words += _read_group(value, full=not first)
        if unit:
            words.append(unit)
        first = False
    return words


def amount_in_words(amount: int) -> str:
    """The amount as written after "Bằng chữ:", capitalised and ending in "đồng".

    123.000.000 → "Một trăm hai mươi ba triệu đồng".
    """
    amount = int(amount)
    if amount == 0:
        text = "không"
    else:
        text = " ".join(_read(abs(amount), leading=True))
        if amount < 0:
            text = "âm " + text
    return f"{text[:1].upper()}{text[1:]} đồng"
