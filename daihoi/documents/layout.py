"""Every size, margin, font and wording of the official layout, in one place.

State bodies follow Decree 30/2020/NĐ-CP, Appendix I; Party bodies follow
Hướng dẫn 36-HD/VPTW. Values marked (check) come from secondary sources for the
Party rules: a clerk may correct them here without touching the rendering code.
"""

from dataclasses import dataclass

FONT = "Times New Roman"
PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297

BODY_FIRST_LINE_INDENT_CM = 1.27
BODY_SPACE_AFTER_PT = 6
BODY_LINE_SPACING = 1.0  # single; the rules allow 1 to 1.5
PAGE_NUMBER_PT = 14

# A rule drawn under a line of text is a bottom border on an empty paragraph, narrowed by
# indents; its width is estimated from the text: average glyph width as a share of the size.
GLYPH_WIDTH_EM = {"caps_bold": 0.68, "caps": 0.64, "bold": 0.52, "regular": 0.48}
RULE_LINE_WIDTH_EIGHTHS = 6  # 0.75 pt


@dataclass(frozen=True)
class Layout:
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float
    header_left_mm: float  # width of the issuer column; the motto column takes the rest
    header_overhang_mm: float  # the header table reaches this far into the left margin
    superior_pt: int
    issuer_pt: int
    number_pt: int
    number_separator: str  # "Số: " or "Số "
    motto_lines: tuple[tuple[str, int], ...]  # text, size (all bold)
    motto_rule: bool
    issuer_rule_star: bool  # Party: a "*" under the issuing body instead of a rule
    issuer_rule_share: float  # width of the rule under the issuing body, share of the text
    date_pt: int
    type_name_pt: int
    subject_pt: int
    subject_dashes: bool  # Party: "-----" under the subject instead of a rule
    body_pt: int
    vv_pt: int
    greeting_pt: int
    signature_pt: int
    recipients_heading_pt: int
    recipients_heading_bold: bool
    recipients_heading_italic: bool
    recipients_heading_underline: bool
    recipients_pt: int
    signature_left_mm: float  # width of the recipients column
    signature_gap_lines: int  # empty lines left for the handwritten signature and seal


STATE = Layout(
    margin_top_mm=20,
    margin_bottom_mm=20,
    margin_left_mm=30,
    margin_right_mm=15,
    header_left_mm=70,
    header_overhang_mm=10,
    superior_pt=13,
    issuer_pt=13,
    number_pt=13,
    number_separator="Số: ",
    motto_lines=(("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13), ("Độc lập - Tự do - Hạnh phúc", 14)),
    motto_rule=True,
    issuer_rule_star=False,
    issuer_rule_share=0.4,
    date_pt=14,
    type_name_pt=14,
    subject_pt=14,
    subject_dashes=False,
    body_pt=14,
    vv_pt=12,
    greeting_pt=14,
    signature_pt=14,
    recipients_heading_pt=12,
    recipients_heading_bold=True,
    recipients_heading_italic=True,
    recipients_heading_underline=False,
    recipients_pt=11,
    signature_left_mm=80,
    signature_gap_lines=4,
)

PARTY = Layout(
    margin_top_mm=20,  # (check)
    margin_bottom_mm=20,  # (check)
    margin_left_mm=30,  # (check)
    margin_right_mm=15,  # (check)
    header_left_mm=82,
    header_overhang_mm=10,
    superior_pt=14,
    issuer_pt=14,
    number_pt=14,
    number_separator="Số ",
    motto_lines=(("ĐẢNG CỘNG SẢN VIỆT NAM", 15),),
    motto_rule=True,
    issuer_rule_star=True,
    issuer_rule_share=0.0,
    date_pt=14,
    type_name_pt=16,
    subject_pt=14,
    subject_dashes=True,
    body_pt=14,
    vv_pt=12,  # (check)
    greeting_pt=14,
    signature_pt=14,
    recipients_heading_pt=14,  # (check)
    recipients_heading_bold=False,  # (check)
    recipients_heading_italic=False,  # (check)
    recipients_heading_underline=True,  # (check)
    recipients_pt=12,  # (check)
    signature_left_mm=80,
    signature_gap_lines=4,
)

# Party type codes that differ from the state ones (check).
PARTY_CODES = {"QyĐ": "QĐi"}
# Kinds whose state symbol carries no type code and which open with "Kính gửi:".
LETTER_KINDS = {"CV"}
STATE_LETTER_HAS_CODE = False
SUBJECT_RULE_SHARE = 0.35  # the short rule under the state subject, share of the text width
RECORD_KEEPING_LINE = "Lưu: VT"


def for_rules(rules: str) -> Layout:
    return STATE if rules == "state" else PARTY
