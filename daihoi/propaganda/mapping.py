"""The register's map, drawn as SVG from the coordinates alone: no tile server, no script.

Points are projected equirectangularly around the middle latitude (longitude scaled by its
cosine), which is true enough over a city or a province, and fitted into a fixed view box.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import format_html_join
from django.utils.safestring import SafeString

WIDTH = 800
HEIGHT = 560
MARGIN = 30
# Below this span (degrees) a single street would be blown up to fill the map.
MIN_SPAN = 0.004


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    label: str
    state: str
    kind: str
    url: str


@dataclass(frozen=True)
class Line:
    points: str
    label: str


@dataclass
class Drawing:
    width: int = WIDTH
    height: int = HEIGHT
    dots: list[Dot] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.dots and not self.lines

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    def shapes(self) -> SafeString:
        """The route lines, then the points (each a link with its label as a tooltip), built
        here rather than in a template loop: a map of two thousand points stays fast. Every
        text is escaped by `format_html`."""
        lines = format_html_join(
            "",
            '<polyline class="pp-route" points="{}"><title>{}</title></polyline>',
            ((line.points, line.label) for line in self.lines),
        )
        dots = format_html_join(
            "\n",
            '<a href="{}"><circle class="pp-dot pp-{} pp-kind-{}" cx="{}" cy="{}" r="11">'
            "<title>{}</title></circle></a>",
            ((d.url, d.state, d.kind, f"{d.x:.1f}", f"{d.y:.1f}", d.label) for d in self.dots),
        )
        return lines + dots


@dataclass(frozen=True)
class Place:
    latitude: float
    longitude: float
    label: str
    state: str = ""
    kind: str = ""
    url: str = ""


def draw(
    places: Sequence[Place], routes: Iterable[tuple[str, Sequence[Sequence[float]]]]
) -> Drawing:
    """`places` as dots, each route (name, [[lat, lon], …]) as a line."""
    paths = [(name, [(float(p[0]), float(p[1])) for p in path]) for name, path in routes if path]
    coordinates = [(p.latitude, p.longitude) for p in places]
    coordinates += [point for _, path in paths for point in path]
    drawing = Drawing()
    if not coordinates:
        return drawing
    project = _projection(coordinates)
    for name, path in paths:
        drawing.lines.append(
            Line(" ".join("{:.1f},{:.1f}".format(*project(lat, lon)) for lat, lon in path), name)
        )
    for p in places:
        x, y = project(p.latitude, p.longitude)
        drawing.dots.append(Dot(round(x, 1), round(y, 1), p.label, p.state, p.kind, p.url))
    return drawing


def _projection(coordinates: list[tuple[float, float]]):
    lats = [c[0] for c in coordinates]
    lons = [c[1] for c in coordinates]
    middle = (min(lats) + max(lats)) / 2
    squeeze = math.cos(math.radians(middle)) or 1.0
    lat_span = max(max(lats) - min(lats), MIN_SPAN)
    lon_span = max((max(lons) - min(lons)) * squeeze, MIN_SPAN)
    scale = min((WIDTH - 2 * MARGIN) / lon_span, (HEIGHT - 2 * MARGIN) / lat_span)
    centre_lat = middle
    centre_lon = (min(lons) + max(lons)) / 2

    def project(lat: float, lon: float) -> tuple[float, float]:
        x = WIDTH / 2 + (lon - centre_lon) * squeeze * scale
        y = HEIGHT / 2 - (lat - centre_lat) * scale
        return x, y

    return project


def as_float(value: Decimal | float | None) -> float:
    return float(value or 0)


def distance_m(
    a: tuple[Decimal | None, Decimal | None], b: tuple[Decimal | None, Decimal | None]
) -> int:
    """Great-circle distance in metres (haversine), rounded."""
    lat1, lon1, lat2, lon2 = (math.radians(float(v or 0)) for v in (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return round(2 * 6_371_000 * math.asin(math.sqrt(min(1.0, h))))
