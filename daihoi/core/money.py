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
