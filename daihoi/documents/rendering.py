"""The DOCX of an official document in the layout of its congress's rules (see layout.py)."""

import io
from collections.abc import Callable, Collection, Sequence

from docx import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from daihoi.core.dates import place_date_line
from daihoi.core.text import clean_text, fold

from . import layout
from .layout import Layout
from .models import Document
from .symbols import compose_symbol, number_line, rules_of

FONT_ATTRIBUTES = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")


# What the document says -------------------------------------------------------------------------


def is_letter(document: Document) -> bool:
    return document.kind in layout.LETTER_KINDS


def symbol_of(document: Document) -> str:
    if document.symbol:
        return document.symbol
    superior = document.issuer.parent
    return compose_symbol(
        rules=rules_of(document),
        kind=document.kind,
        number=None,
        issuer_code=document.issuer_code or document.issuer.code,
        superior_code=superior.code if superior is not None else "",
    )


def title_lines(document: Document) -> list[str]:
    """ "THÔNG BÁO" and the subject under it; a công văn has no title (its V/v line instead)."""
    if is_letter(document):
        return []
    return [document.get_kind_display().upper(), _sentence_case(document.subject)]


def date_line(document: Document) -> str:
    place = document.congress.place_name or "……"
    if document.issued_on is None:
        return f"{place}, ngày      tháng      năm"
    return place_date_line(place, document.issued_on)


def recipient_lines(document: Document) -> list[str]:
    """One line per recipient: "- …;" and the last, the record copy, "- Lưu: VT…."."""
    items = [line.lstrip("-–•+ ").rstrip(";.,").strip() for line in document.recipient_lines]
    items = [item for item in items if item]
    keep = [item for item in items if fold(item).startswith("luu")]
    items = [item for item in items if item not in keep] + (keep or [layout.RECORD_KEEPING_LINE])
    return [f"- {item};" for item in items[:-1]] + [f"- {items[-1]}."]


def greeting_lines(document: Document) -> list[str]:
    names = [a.name for a in document.recipient_agencies.all()]
    if not names:
        names = [
            line.lstrip("-–•+ ").rstrip(";.,").strip()
            for line in document.recipient_lines
            if not fold(line).lstrip("-–•+ ").startswith(("luu", "nhu tren"))
        ]
    return names


def docx_filename(document: Document) -> str:
    stem = fold(symbol_of(document)).replace("/", "-").replace(" ", "").strip("-") or "du-thao"
    return f"{stem}.docx"


def _sentence_case(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:]


# Low-level helpers --------------------------------------------------------------------------------


def _set_fonts(rpr) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme"):
            del fonts.attrib[attribute]
    for attribute in FONT_ATTRIBUTES:
        fonts.set(qn(attribute), layout.FONT)


def _run(paragraph, text: str, size: float, *, bold=False, italic=False, underline=False):
    run = paragraph.add_run(clean_text(text))
    run.font.name = layout.FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    run.underline = underline
    _set_fonts(run._element.get_or_add_rPr())
    return run


def _paragraph(container, *, align=WD_ALIGN_PARAGRAPH.CENTER, before=0, after=0):
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0
    return paragraph


def _line(container, text, size, *, bold=False, italic=False, underline=False, **spacing):
    paragraph = _paragraph(container, **spacing)
    _run(paragraph, text, size, bold=bold, italic=italic, underline=underline)
    return paragraph


def _text_width_mm(text: str, size: float, *, bold: bool) -> float:
    caps = text.upper() == text
    key = ("caps_bold" if bold else "caps") if caps else ("bold" if bold else "regular")
    return len(text) * size * layout.GLYPH_WIDTH_EM[key] * 25.4 / 72


def _rule(container, width_mm: float, box_mm: float) -> None:
    """A horizontal rule `width_mm` long centred in a box `box_mm` wide."""
    paragraph = _paragraph(container)
    side = max((box_mm - width_mm) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    paragraph.paragraph_format.line_spacing = Pt(5)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(layout.RULE_LINE_WIDTH_EIGHTHS))
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    border.append(bottom)
    paragraph._p.get_or_add_pPr().append(border)
    _run(paragraph, "", 2)


def _borderless_table(doc, widths_mm: tuple[float, float], indent_mm: float = 0):
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)
    fixed = OxmlElement("w:tblLayout")
    fixed.set(qn("w:type"), "fixed")
    tbl_pr.append(fixed)
    if indent_mm:
        indent = OxmlElement("w:tblInd")
        indent.set(qn("w:w"), str(int(indent_mm * 56.7)))
        indent.set(qn("w:type"), "dxa")
        tbl_pr.append(indent)
    # LibreOffice splits columns 50/50 unless the grid, the columns and every cell agree.
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for cell, width in zip(table.rows[0].cells, widths_mm, strict=True):
        cell.width = Mm(width)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        # A new cell holds one empty paragraph; the content is appended after it.
        cell._tc.remove(cell.paragraphs[0]._p)
    return table


def _page_number_field(paragraph, size: float) -> None:
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        run = _run(paragraph, "", size)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)


# The parts of the page ---------------------------------------------------------------------------


def _setup(doc, rules: Layout) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = layout.FONT
    normal.font.size = Pt(rules.body_pt)
    _set_fonts(normal.element.get_or_add_rPr())
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            _set_fonts(rpr)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(layout.PAGE_WIDTH_MM)
    section.page_height = Mm(layout.PAGE_HEIGHT_MM)
    section.top_margin = Mm(rules.margin_top_mm)
    section.bottom_margin = Mm(rules.margin_bottom_mm)
    section.left_margin = Mm(rules.margin_left_mm)
    section.right_margin = Mm(rules.margin_right_mm)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    # Page numbers centred at the top from page 2 on; page 1 has an empty header.
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number_field(header, layout.PAGE_NUMBER_PT)


def _text_width(rules: Layout) -> float:
    return layout.PAGE_WIDTH_MM - rules.margin_left_mm - rules.margin_right_mm


def _header(doc, document: Document, rules: Layout) -> None:
    total = _text_width(rules) + rules.header_overhang_mm
    left_w = rules.header_left_mm
    right_w = total - left_w
    table = _borderless_table(doc, (left_w, right_w), indent_mm=-rules.header_overhang_mm)
    left, right = table.rows[0].cells
    issuer = document.issuer
    if issuer.parent is not None:
        _line(left, issuer.parent.name.upper(), rules.superior_pt)
    issuer_name = issuer.name.upper()
    _line(left, issuer_name, rules.issuer_pt, bold=True)
    if rules.issuer_rule_star:
        _line(left, "*", rules.issuer_pt)
    else:
        width = _text_width_mm(issuer_name, rules.issuer_pt, bold=True)
        _rule(left, min(width, left_w) * rules.issuer_rule_share, left_w)
    rules_name = rules_of(document)
    _line(
        left, number_line(rules=rules_name, symbol=symbol_of(document)), rules.number_pt, before=6
    )
    if is_letter(document):
        _line(left, f"V/v {document.subject.strip()}", rules.vv_pt, before=3)

    for text, size in rules.motto_lines:
        _line(right, text, size, bold=True)
    if rules.motto_rule:
        motto, size = rules.motto_lines[-1]
        _rule(right, _text_width_mm(motto, size, bold=True), right_w)
    _line(right, date_line(document), rules.date_pt, italic=True, before=10)


def _title(doc, document: Document, rules: Layout) -> None:
    if is_letter(document):
        names = greeting_lines(document)
        if len(names) <= 1:
            _line(
                doc,
                f"Kính gửi: {names[0] if names else '…'}.",
                rules.greeting_pt,
                before=18,
                after=6,
            )
            return
        greeting = _line(
            doc, "Kính gửi:", rules.greeting_pt, before=18, align=WD_ALIGN_PARAGRAPH.LEFT
        )
        greeting.paragraph_format.left_indent = Mm(30)
        for i, name in enumerate(names):
            end = "." if i == len(names) - 1 else ";"
            p = _line(doc, f"- {name}{end}", rules.greeting_pt, align=WD_ALIGN_PARAGRAPH.LEFT)
            p.paragraph_format.left_indent = Mm(55)
        doc.paragraphs[-1].paragraph_format.space_after = Pt(6)
        return
    kind_name, subject = title_lines(document)
    _line(doc, kind_name, rules.type_name_pt, bold=True, before=18)
    _line(doc, subject, rules.subject_pt, bold=True)
    if rules.subject_dashes:
        _line(doc, "-----", rules.subject_pt, after=6)
    else:
        width = _text_width_mm(subject, rules.subject_pt, bold=True)
        text_width = _text_width(rules)
        _rule(doc, min(width, text_width) * layout.SUBJECT_RULE_SHARE + 10, text_width)
        doc.add_paragraph().paragraph_format.space_after = Pt(0)


def _body(doc, document: Document, rules: Layout) -> None:
    for text in document.body_paragraphs:
        paragraph = _paragraph(
            doc, align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=0, after=layout.BODY_SPACE_AFTER_PT
        )
        paragraph.paragraph_format.first_line_indent = Cm(layout.BODY_FIRST_LINE_INDENT_CM)
        paragraph.paragraph_format.line_spacing = layout.BODY_LINE_SPACING
        _run(paragraph, text, rules.body_pt)


def _signature(doc, document: Document, rules: Layout) -> None:
    spacer = _paragraph(doc)
    _run(spacer, "", 6)
    total = _text_width(rules)
    table = _borderless_table(doc, (rules.signature_left_mm, total - rules.signature_left_mm))
    left, right = table.rows[0].cells
    heading = _line(
        left,
        "Nơi nhận:",
        rules.recipients_heading_pt,
        bold=rules.recipients_heading_bold,
        italic=rules.recipients_heading_italic,
        underline=rules.recipients_heading_underline,
        align=WD_ALIGN_PARAGRAPH.LEFT,
    )
    del heading
    for text in recipient_lines(document):
        _line(left, text, rules.recipients_pt, align=WD_ALIGN_PARAGRAPH.LEFT)

    lines = [line.strip() for line in document.authority.splitlines() if line.strip()]
    if document.signer_title.strip():
        lines.append(document.signer_title.strip())
    for text in lines:
        _line(right, text.upper(), rules.signature_pt, bold=True)
    for _ in range(rules.signature_gap_lines):
        _line(right, "", rules.signature_pt)
    if document.signer is not None:
        _line(right, document.signer.full_name, rules.signature_pt, bold=True)


def add_body_text(doc, rules: Layout, text: str, *, bold=False, italic=False) -> None:
    """One more body paragraph (justified, first-line indent) after the document's own body."""
    paragraph = _paragraph(
        doc, align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=0, after=layout.BODY_SPACE_AFTER_PT
    )
    paragraph.paragraph_format.first_line_indent = Cm(layout.BODY_FIRST_LINE_INDENT_CM)
    paragraph.paragraph_format.line_spacing = layout.BODY_LINE_SPACING
    # A bold line heads what follows (I., II.): it is never left alone at the foot of a page.
    paragraph.paragraph_format.keep_with_next = bool(bold)
    _run(paragraph, text, rules.body_pt, bold=bold, italic=italic)


def add_table(
    doc,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    widths_mm: Sequence[float],
    right_aligned: Collection[int] = (),
    bold_rows: Collection[int] = (),
    size: float = 12,
) -> None:
    """A bordered data table inside the body (a budget summary, a list): a bold centred header,
    then the rows; columns listed in `right_aligned` hold numbers. Widths are set on the grid
    and on every cell, as LibreOffice needs."""
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    fixed = OxmlElement("w:tblLayout")
    fixed.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(fixed)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for r, values in enumerate([header, *rows]):
        for c, (cell, width) in enumerate(zip(table.rows[r].cells, widths_mm, strict=True)):
            cell.width = Mm(width)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            if r == 0:
                align = WD_ALIGN_PARAGRAPH.CENTER
            elif c in right_aligned:
                align = WD_ALIGN_PARAGRAPH.RIGHT
            else:
                align = WD_ALIGN_PARAGRAPH.LEFT
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.alignment = align
            paragraph.paragraph_format.space_before = Pt(2)
            paragraph.paragraph_format.space_after = Pt(2)
            _run(paragraph, str(values[c]), size, bold=r == 0 or (r - 1) in bold_rows)
    spacer = _paragraph(doc, after=layout.BODY_SPACE_AFTER_PT)
    _run(spacer, "", 6)


def render_docx(
    document: Document, *, after_body: Callable[[object, Layout], None] | None = None
) -> bytes:
    """`after_body(doc, rules)` may add tables and paragraphs between the body and signature."""
    rules = layout.for_rules(rules_of(document))
    doc = DocxDocument()
    _setup(doc, rules)
    _header(doc, document, rules)
    _title(doc, document, rules)
    _body(doc, document, rules)
    if after_body is not None:
        after_body(doc, rules)
    _signature(doc, document, rules)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
