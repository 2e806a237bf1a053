"""A6 badges (105 × 148 mm) drawn with reportlab: the congress, the delegate's kind on a coloured
band, photo when there is one, name, position, delegation and the QR code (segno) of the badge's
token. Fonts: Liberation Serif (Debian's fonts-liberation2, Vietnamese letters included), else
DejaVu Serif."""

import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import segno
from reportlab.lib.pagesizes import A6
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONT_CHOICES = [
    (
        "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
    ),
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    ),
]
KIND_COLOURS = {
    "official": (0.72, 0.11, 0.11),
    "alternate": (0.15, 0.35, 0.6),
    "guest": (0.2, 0.45, 0.25),
}
KIND_TITLES = {
    "official": "ĐẠI BIỂU CHÍNH THỨC",
    "alternate": "ĐẠI BIỂU DỰ KHUYẾT",
    "guest": "KHÁCH MỜI",
}
# The QR's text: a prefix naming what it is, then the random token.
QR_PREFIX = "DHDB1:"


@dataclass
class BadgeFace:
    token: str
    full_name: str
    kind: str
    position: str
    delegation: str
    photo: bytes | None = None


def _fonts() -> tuple[str, str]:
    if "BadgeSerif" in pdfmetrics.getRegisteredFontNames():
        return "BadgeSerif", "BadgeSerif-Bold"
    for regular, bold in FONT_CHOICES:
        if Path(regular).exists() and Path(bold).exists():
            pdfmetrics.registerFont(TTFont("BadgeSerif", regular))
            pdfmetrics.registerFont(TTFont("BadgeSerif-Bold", bold))
            return "BadgeSerif", "BadgeSerif-Bold"
    raise RuntimeError("Thiếu phông chữ tiếng Việt: hãy cài gói fonts-liberation2.")


def _centred(canvas: Canvas, text: str, font: str, size: float, y: float, width: float) -> float:
    """Draws `text` wrapped to `width`, centred, from `y` down; returns the y below it."""
    for line in simpleSplit(text, font, size, width):
        canvas.setFont(font, size)
        canvas.drawCentredString(A6[0] / 2, y, line)
        y -= size * 1.25
    return y


def _qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    qr = segno.make(text, error="m", micro=False)
    matrix = qr.matrix
    border = 2
    count = len(matrix) + 2 * border
    module = size / count
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            if dark:
                path.rect(
                    x + (c + border) * module, y + size - (r + border + 1) * module, module, module
                )
    canvas.drawPath(path, stroke=0, fill=1)


def _page(canvas: Canvas, face: BadgeFace, congress_title: str, fonts: tuple[str, str]) -> None:
    regular, bold = fonts
    width, height = A6
    inner = width - 16 * mm
    y = _centred(canvas, congress_title.upper(), bold, 9, height - 12 * mm, inner)
    colour = KIND_COLOURS.get(face.kind, (0.3, 0.3, 0.3))
    canvas.setFillColorRGB(*colour)
    band_top = y - 2 * mm
    canvas.rect(0, band_top - 10 * mm, width, 10 * mm, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setFont(bold, 13)
    canvas.drawCentredString(width / 2, band_top - 7 * mm, KIND_TITLES.get(face.kind, ""))
    canvas.setFillColorRGB(0, 0, 0)
    y = band_top - 14 * mm
    if face.photo:
        try:
            image = ImageReader(io.BytesIO(face.photo))
            canvas.drawImage(
                image,
                (width - 28 * mm) / 2,
                y - 37 * mm,
                28 * mm,
                37 * mm,
                preserveAspectRatio=True,
            )
            y -= 41 * mm
        except Exception:  # a photo that does not decode leaves the badge without it
            pass
    y = _centred(canvas, face.full_name.upper(), bold, 15, y - 4 * mm, inner)
    if face.position:
        y = _centred(canvas, face.position, regular, 10, y - 1 * mm, inner)
    _centred(canvas, face.delegation, regular, 10, y - 1 * mm, inner)
    qr_size = 34 * mm
    _qr(canvas, QR_PREFIX + face.token, (width - qr_size) / 2, 8 * mm, qr_size)
    canvas.setFont(regular, 6)
    canvas.drawCentredString(
        width / 2, 5 * mm, "Thẻ chỉ có giá trị khi mã còn hiệu lực; in lại thẻ là thu hồi thẻ cũ."
    )


def render_badges(faces: Iterable[BadgeFace], congress_title: str, progress=None) -> bytes:
    """The PDF of the badges, one A6 page each; `progress(n)` is told every page."""
    fonts = _fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A6, pageCompression=1)
    canvas.setTitle("Thẻ đại biểu")
    for n, face in enumerate(faces, start=1):
        _page(canvas, face, congress_title, fonts)
        canvas.showPage()
        if progress is not None:
            progress(n)
    canvas.save()
    return out.getvalue()
