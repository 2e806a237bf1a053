"""Stamps every page of a PDF with the name of the person it is given to and the time: a light
diagonal line across the page and a plain line at its foot (both real text, so the copy says
whose it is when read back or printed). reportlab draws the overlay, pypdf lays it on each page.
Fonts: DejaVu Sans or Liberation Sans (Vietnamese letters included)."""

import io
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT_NAME = "MaterialStamp"
FONT_CHOICES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
]


class UnreadablePdf(ValueError):
    pass


def stamp_font() -> str:
    if FONT_NAME in pdfmetrics.getRegisteredFontNames():
        return FONT_NAME
    for path in FONT_CHOICES:
        if Path(path).exists():
            pdfmetrics.registerFont(TTFont(FONT_NAME, path))
            return FONT_NAME
    return "Helvetica"  # no Vietnamese letters: only where no TTF font is installed


def page_count(pdf: bytes) -> int:
    """The number of pages, or UnreadablePdf for a damaged or password-protected file."""
    try:
        reader = PdfReader(io.BytesIO(pdf))
        if reader.is_encrypted:
            raise UnreadablePdf("encrypted")
        return len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise UnreadablePdf(str(error)) from None


def _overlay(width: float, height: float, line: str, foot: str) -> PdfReader:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height))
    font = stamp_font()
    canvas.saveState()
    canvas.setFillColorRGB(0.75, 0.1, 0.1, alpha=0.18)
    size = max(10.0, min(width, height) / 22)
    canvas.setFont(font, size)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35)
    canvas.drawCentredString(0, 0, line)
    canvas.restoreState()
    canvas.setFillColorRGB(0.45, 0.1, 0.1, alpha=0.8)
    canvas.setFont(font, 7)
    canvas.drawCentredString(width / 2, 10, foot)
    canvas.save()
    return PdfReader(io.BytesIO(buffer.getvalue()))


def stamp(pdf: bytes, *, line: str, foot: str) -> bytes:
    """`pdf` with `line` across every page and `foot` at the bottom of every page. One overlay
    is drawn per page size (most documents have one)."""
    try:
        writer = PdfWriter(clone_from=io.BytesIO(pdf))
        overlays: dict[tuple[float, float], PdfReader] = {}
        for page in writer.pages:
            box = page.mediabox
            size = (float(box.width), float(box.height))
            if size not in overlays:
                overlays[size] = _overlay(*size, line, foot)
            page.merge_page(overlays[size].pages[0])
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise UnreadablePdf(str(error)) from None
