"""Prepare pasted text: NFC, odd characters and page boilerplate blanked out.

The working text keeps the length of the NFC text character for character (odd characters
and boilerplate lines become spaces), so an offset found while analysing is also an offset
into the NFC text, and evidence can be quoted exactly as the user pasted it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that are replaced one for one by a space: no-break and odd spaces, the
# replacement character of broken encodings, zero-width marks, controls.
_ODD_CHARS = re.compile(
    "[\u00a0\u1680\u2000-\u200f\u2028\u2029\u202a-\u202f\u205f\u2060\u3000\ufeff\ufffd"
    "\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)

# A line that is page furniture, not article text (comment forms, counters, share buttons);
# matched on the lower-cased line.
_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:ý kiến bạn đọc|gửi bình luận|viết bình luận|bình luận|bình luận \(\d+\)|"
    r"reset captcha|captcha|mã xác nhận|mã bảo mật|nhập lại|lấy lại mã|họ (?:và )?tên\s*:?|"
    r"số điện thoại|điện thoại\s*:|e-?mail\s*:?|tiêu đề\s*:|nội dung\s*:|địa chỉ\s*:|"
    r"trả lời|thích|chia sẻ|share|tweet|like|facebook|twitter|zalo|in bài|bản in|lưu bài|"
    r"gửi email|gửi bài|quay lại|về đầu trang|đầu trang|trang chủ|xem thêm|đọc thêm|"
    r"tin liên quan|bài viết liên quan|tin cùng chuyên mục|các tin khác|tin khác|"
    r"các bài mới đăng|các bài đã đăng|bài viết xem|xem nhiều|đọc nhiều|tin mới|tin mới nhất|"
    r"từ khóa|từ khoá|tags?|\{keywords\}|copyright|bản quyền|©|lượt xem|view count|"
    r"chuyên mục|tin tức sự kiện|ảnh minh họa|video|gửi|hủy|đăng nhập|đăng ký|top)"
    r"(?:\s*[:.!…]?\s*)$",
)
# Lines that contain these phrases anywhere are comment-form or page text.
_BOILERPLATE_ANYWHERE = re.compile(
    r"email của bạn sẽ không được|các trường bắt buộc|ý kiến bạn đọc|gửi bình luận|"
    r"bình luận của bạn|bạn còn \d+ ký tự|vui lòng nhập|reset captcha|mã xác nhận|"
    r"bài viết xem|cookie|javascript|đăng nhập để|theo dõi chúng tôi|tải ứng dụng",
    re.IGNORECASE,
)
# Once one of these opens a line, the article is over.
_END_OF_ARTICLE = re.compile(
    r"^\s*(?:ý kiến bạn đọc|tin liên quan|bài viết liên quan|tin cùng chuyên mục|"
    r"các tin khác|các bài mới đăng|các bài đã đăng|viết bình luận|gửi bình luận|"
    r"bình luận|tin khác|xem thêm|đọc thêm|trả lời)\b",
    re.IGNORECASE,
)
# Counters and share bars inside a line ("| View count: 1031", "1.234 lượt xem").
_INLINE_JUNK = re.compile(
    r"(?:view count|lượt xem|lượt đọc|số lượt xem)\s*:?\s*[\d.,]+|[\d.,]+\s*lượt (?:xem|đọc)|"
    r"\{keywords\}",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]")
# Letters that only Vietnamese writes (with its tone and vowel marks) plus đ.
_VIETNAMESE = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]",
    re.IGNORECASE,
)


_NON_LETTERS = re.compile(r"[\W\d_]+")
# Cheap substring checks before the regular expressions above are run on a line.
_ANYWHERE_HINTS = (
    "email",
    "trường bắt",
    "ý kiến bạn",
    "bình luận",
    "ký tự",
    "vui lòng",
    "captcha",
    "mã xác",
    "bài viết",
    "cookie",
    "javascript",
    "đăng nhập",
    "theo dõi chúng",
    "tải ứng",
)
_INLINE_HINTS = ("xem", "view", "đọc", "{")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean(text: str) -> str:
    """Return the working text: same length as ``text`` (already NFC), junk blanked out."""
    text = _ODD_CHARS.sub(" ", text.replace("\r", "\n"))
    text = text.replace("\t", " ")
    lines = text.split("\n")
    out: list[str] = []
    seen: set[str] = set()
    ended = False
    position = 0
    for line in lines:
        stripped = line.strip()
        blank = ended or not stripped
        short = len(stripped) < 300  # page furniture is short; articles' paragraphs are not
        stripped_low = stripped.lower() if short else ""
        if not blank and (
            (short and _BOILERPLATE_LINE.match(stripped_low))
            or (
                short
                and any(h in stripped_low for h in _ANYWHERE_HINTS)
                and _BOILERPLATE_ANYWHERE.search(stripped)
            )
            or not _LETTERS.search(stripped)
        ):
            # Only a short line can open the comment section or a list of other articles;
            # one early in the text is a menu, not the end of the article.
            if position > 200 and len(stripped) < 60 and _END_OF_ARTICLE.match(stripped):
                ended = True
            blank = True
        if not blank:
            key = " ".join(stripped.split())
            # A repeated paragraph (headline copied into the lead, doubled captions) is read once.
            if len(key) > 40 and key in seen:
                blank = True
            seen.add(key)
        if blank:
            out.append(" " * len(line))
        else:
            low = line.lower()
            if any(h in low for h in _INLINE_HINTS):
                line = _INLINE_JUNK.sub(_blank, line)
            out.append(line)
        position += len(line) + 1
    return "\n".join(out)


def looks_vietnamese(text: str) -> bool:
    """True when the text is written in Vietnamese (enough letters with Vietnamese marks)."""
    head = text[:400]
    letters = len(_NON_LETTERS.sub("", head))
    if letters >= 150 and len(_VIETNAMESE.findall(head)) / letters > 0.15:
        return True  # plainly Vietnamese from its first lines: no need to read on
    sample = text[:1500]
    letters = len(_NON_LETTERS.sub("", sample))
    if letters < 10:
        return False
    return len(_VIETNAMESE.findall(sample)) / letters > 0.08


@lru_cache(maxsize=4)  # the meeting fields read the same text's lower case several times
def lowered(text: str) -> str:
    """The text in lower case with the same length (a letter whose lower case is longer, as
    "İ", is kept as it is)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
