"""A lint for rendered charts: it reads the scene graph vl-convert renders an exported chart from (the same layout
as its SVG, PNG and PDF) and finds what a reader would see as a fault: an axis label that repeats, text over
text, text or marks outside the chart, a legend swatch that cannot be seen.

Text boxes are measured with the house typeface vl-convert draws every chart in (Source Sans 3,
tracker/exports/fonts.py).
"""

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import vl_convert as vlc
from PIL import ImageFont

from tracker.exports import export, fonts

FONTS = {False: (fonts.FONT_DIR / fonts.FACES[400, "normal"],), True: (fonts.FONT_DIR / fonts.FACES[700, "normal"],)}
INVISIBLE = {None, "", "none", "transparent", "white", "#fff", "#ffffff"}
TOLERANCE = 1.0  # px: boxes that only touch do not overlap


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: "Box") -> bool:
        return (
            min(self.right, other.right) - max(self.left, other.left) > TOLERANCE
            and min(self.bottom, other.bottom) - max(self.top, other.top) > TOLERANCE
        )

    def inside(self, width: float, height: float) -> bool:
        return (
            self.left >= -TOLERANCE
            and self.top >= -TOLERANCE
            and self.right <= width + TOLERANCE
            and self.bottom <= height + TOLERANCE
        )


@dataclass(frozen=True)
class Text:
    role: str
    text: str
    box: Box
    group: int  # the id of the group holding it: the labels of one axis share one
    fill: str = "#000000"


@dataclass(frozen=True)
class Mark:
    role: str
    kind: str
    x: float
    y: float
    area: Box  # the plot area of the view drawing it


@dataclass
class Scene:
    width: float
    height: float
    texts: list[Text]
    marks: list[Mark]
    swatches: list[dict]  # legend symbol items


@lru_cache(maxsize=4)
def _font(bold: bool, size: float):
    for path in FONTS[bold]:
        if Path(path).is_file():
            return ImageFont.truetype(path, size=round(size))
    raise FileNotFoundError(f"no {fonts.FAMILY} to measure chart text with")


def _text_box(item: dict, x: float, y: float) -> Box:
    size = float(item.get("fontSize", 11))
    lines = item["text"] if isinstance(item["text"], list) else str(item["text"]).split(item.get("lineBreak") or "\0")
    bold = str(item.get("fontWeight", "")) in ("bold", "700", "600")
    font = _font(bold, size)
    width = max(font.getlength(str(line)) for line in lines)
    if item.get("limit"):
        width = min(width, float(item["limit"]))
    line_height = float(item.get("lineHeight") or size)
    height = size + line_height * (len(lines) - 1)
    x, y = (
        x + float(item.get("x", 0)) + float(item.get("dx", 0)),
        y + float(item.get("y", 0)) + float(item.get("dy", 0)),
    )
    left = {"left": x, "center": x - width / 2, "right": x - width}[item.get("align", "left")]
    baseline = item.get("baseline", "alphabetic")
    # Vega sets the first line on the baseline and each further line below it, whatever the baseline (its SVG: a
    # tspan per line, each dy one line height further down), so the box hangs from the first line.
    top = {
        "top": y,
        "middle": y - size / 2,
        "bottom": y - size,
        "line-top": y,
        "line-bottom": y - line_height,
    }.get(baseline, y - 0.8 * size)
    if item.get("angle") in (90, 270, -90):  # a rotated axis title: the box turns about its anchor
        return (
            Box(x - height / 2 if baseline == "middle" else x - height, y - width / 2, x, y + width / 2)
            if item.get("angle") != 90
            else Box(x, y - width / 2, x + height, y + width / 2)
        )
    return Box(left, top, left + width, top + height)


def scene(spec: dict) -> Scene:
    """The scene graph of an export spec, flattened to absolute text boxes, mark positions and legend swatches."""
    graph = vlc.vegalite_to_scenegraph(spec, vl_version=export.VL_VERSION)
    out = Scene(float(graph["width"]), float(graph["height"]), [], [], [])
    origin = graph.get("origin", [0, 0])

    def walk(node: dict, x: float, y: float, area: Box) -> None:
        role, marktype = node.get("role", ""), node.get("marktype")
        for item in node.get("items") or []:
            if float(item.get("opacity", 1)) == 0:
                continue  # hidden, e.g. a label dropped by labelOverlap
            if marktype == "group":
                gx, gy = x + float(item.get("x", 0)), y + float(item.get("y", 0))
                inner = (
                    Box(gx, gy, gx + float(item.get("width", 0)), gy + float(item.get("height", 0)))
                    if role == "scope"
                    else area
                )
                for child in item.get("items") or []:
                    walk(child, gx, gy, inner)
            elif marktype == "text" and str(item.get("stroke", "")).lower() in ("white", "#ffffff"):
                continue  # a label's white halo: its twin, drawn under it, is the text
            elif marktype == "text" and item.get("text") not in (None, "", []):
                out.texts.append(
                    Text(role, str(item["text"]), _text_box(item, x, y), id(node), str(item.get("fill", "#000000")))
                )
            elif role == "legend-symbol":
                out.swatches.append(item)
            elif role == "mark" and marktype in ("symbol", "rect", "line"):
                out.marks.append(Mark(role, marktype, x + float(item.get("x", 0)), y + float(item.get("y", 0)), area))

    walk(graph["scenegraph"], float(origin[0]), float(origin[1]), Box(0, 0, out.width, out.height))
    return out


def repeated_tick_labels(s: Scene) -> list[str]:
    by_axis: dict[int, list[str]] = {}
    for t in s.texts:
        if t.role == "axis-label":
            by_axis.setdefault(t.group, []).append(t.text)
    return [
        f"{label!r} repeats on one axis"
        for labels in by_axis.values()
        for label in set(labels)
        if labels.count(label) > 1
    ]


def _month(label: str) -> int | None:
    """'Aug 2023' as a count of months; None for any other label."""
    try:
        day = datetime.strptime(label, "%b %Y")
    except ValueError:
        return None
    return day.year * 12 + day.month


def unevenly_thinned_month_labels(s: Scene) -> list[str]:
    """Month labels thinned out unevenly (Feb, Apr, May: a label dropped here and there to make room), which reads
    as a gap in time. The first step is left out: the timeline draws its quiet start narrower on purpose."""
    by_axis: dict[int, list[int]] = {}
    for t in s.texts:
        if t.role == "axis-label" and (month := _month(t.text)) is not None:
            by_axis.setdefault(t.group, []).append(month)
    faults = []
    for months in by_axis.values():
        steps = [b - a for a, b in zip(sorted(months), sorted(months)[1:])][1:]
        if len(set(steps)) > 1:
            faults.append(f"month labels are thinned unevenly: steps of {sorted(set(steps))} months")
    return faults


def overlapping_texts(s: Scene) -> list[str]:
    texts = [t for t in s.texts if t.role != "title-text" or t.text.strip()]
    return [
        f"{a.text!r} ({a.role}) overlaps {b.text!r} ({b.role})"
        for i, a in enumerate(texts)
        for b in texts[i + 1 :]
        if a.box.overlaps(b.box)
    ]


def outside(s: Scene) -> list[str]:
    faults = [
        f"{t.text!r} ({t.role}) runs outside the chart ({t.box} in {s.width}×{s.height})"
        for t in s.texts
        if not t.box.inside(s.width, s.height)
    ]
    for m in s.marks:
        a = m.area
        if m.kind != "rect" and not (
            a.left - TOLERANCE <= m.x <= a.right + TOLERANCE and a.top - TOLERANCE <= m.y <= a.bottom + TOLERANCE
        ):
            faults.append(f"a {m.kind} mark at ({m.x:.0f}, {m.y:.0f}) lies outside its plot area {a}")
    return faults


def invisible_swatches(s: Scene) -> list[str]:
    faults = []
    for item in s.swatches:
        fill, stroke = str(item.get("fill", "")).lower() or None, str(item.get("stroke", "")).lower() or None
        stroked = stroke not in INVISIBLE and float(item.get("strokeWidth", 1)) > 0
        if (fill in INVISIBLE or float(item.get("fillOpacity", 1)) == 0) and not stroked:
            faults.append(f"a legend swatch has no visible fill or outline ({item})")
    return faults


def _luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def low_contrast(s: Scene, minimum: float = 4.5) -> list[str]:
    """Text whose colour has less than `minimum`:1 contrast with the white page (WCAG's bar for body text)."""
    faults = []
    for t in s.texts:
        if t.fill.startswith("#"):
            ratio = 1.05 / (_luminance(t.fill) + 0.05)
            if ratio < minimum:
                faults.append(f"{t.text!r} ({t.role}) in {t.fill} has contrast {ratio:.1f}:1 on white")
        else:
            faults.append(f"{t.text!r} ({t.role}) has a colour the lint cannot judge: {t.fill}")
    return faults


def axis_labels(s: Scene) -> list[str]:
    return [t.text for t in s.texts if t.role == "axis-label"]


def faults(s: Scene) -> list[str]:
    return (
        repeated_tick_labels(s)
        + unevenly_thinned_month_labels(s)
        + overlapping_texts(s)
        + outside(s)
        + invisible_swatches(s)
        + low_contrast(s)
    )
