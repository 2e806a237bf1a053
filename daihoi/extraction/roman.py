"""Roman numerals (congress terms, plan sections): writing and strict reading, 1 to 3999."""

_NUMERALS = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(number: int) -> str:
    if not 0 < number < 4000:
        raise ValueError("Số La Mã chỉ biểu diễn từ 1 đến 3999")
    out = []
    for value, symbol in _NUMERALS:
        count, number = divmod(number, value)
        out.append(symbol * count)
    return "".join(out)


def from_roman(text: str) -> int:
    text = text.strip().upper()
    if not text or any(c not in _VALUES for c in text):
        raise ValueError(f"Không phải số La Mã: {text!r}")
    total = 0
    for current, following in zip(text, text[1:] + " ", strict=True):
        value = _VALUES[current]
        total += -value if following != " " and _VALUES[following] > value else value
    if to_roman(total) != text:
        raise ValueError(f"Không phải số La Mã hợp lệ: {text!r}")
    return total
