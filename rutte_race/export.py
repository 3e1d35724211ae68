"""Downloads: PNG, SVG, PDF and offline HTML from a chart's Vega-Lite spec (via vl-convert), CSV, and the data package zip.

An `Exportable` renders each format once, so a second click on the same chart costs nothing.
"""
import io
import json
import re
import textwrap
import zipfile
from functools import cached_property, lru_cache
from pathlib import Path

import altair as alt
import vl_convert as vlc

from rutte_race import cite, counts

EXPORT_WIDTH = 760
FOOTER_WRAP = 125  # characters per footer line at 10 px, inside EXPORT_WIDTH
FORMATS = {
    "png": ("PNG image", "image/png"),
    "svg": ("SVG vector", "image/svg+xml"),
    "pdf": ("PDF", "application/pdf"),
    "html": ("Interactive HTML", "text/html"),
    "csv": ("Data (CSV)", "text/csv"),
}
# The Vega-Lite version Altair writes, so vl-convert renders exactly what Altair specified.
VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


DATA_KEYS = ("datasets", "data", "values")  # rows and shapes: no view width inside, and the bulk of a spec


def fixed_width(node):
    """vl-convert has no container to measure, so 'container' widths become a fixed width."""
    if isinstance(node, dict):
        return {k: (EXPORT_WIDTH if k == "width" and v == "container" else v if k in DATA_KEYS else fixed_width(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [fixed_width(v) for v in node]
    return node


def export_spec(spec: dict, source_line: str) -> dict:
    """The on-screen spec (`chart.to_dict()`) with a fixed width and the source line under it (shares its data).
    `source_line` may hold several lines (the chart's description, then its source); long ones are wrapped."""
    spec = fixed_width(spec)
    lines = [line for part in source_line.split("\n") for line in textwrap.wrap(part, FOOTER_WRAP)]
    footer = {"text": lines, "anchor": "start", "orient": "bottom", "fontSize": 10, "fontWeight": "normal", "color": "#555", "offset": 14}
    top = ("$schema", "config", "datasets", "params")  # params stay top-level: Vega-Lite allows variable params only there
    spec = {"vconcat": [{k: v for k, v in spec.items() if k not in top}], "title": footer, **{k: spec[k] for k in top if k in spec}}
    spec.setdefault("config", {})["background"] = "white"
    spec["padding"] = 16
    return spec


def render(spec: dict, fmt: str) -> bytes:
    """An export spec rendered to one format."""
    if fmt == "png":
        return vlc.vegalite_to_png(spec, scale=2, vl_version=VL_VERSION)
    if fmt == "svg":
        return vlc.vegalite_to_svg(spec, vl_version=VL_VERSION).encode("utf-8")
    if fmt == "pdf":
        return vlc.vegalite_to_pdf(spec, vl_version=VL_VERSION)
    if fmt == "html":
        return html_page(spec).encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r}")


_SPEC_SLOT = {"rutte_spec_slot": 0}


_SHRINK_TO_FIT = (  # a chart wider than a phone or a narrow iframe shrinks to fit instead of scrolling sideways
    "<style>#vega-chart { display: block !important; } #vega-chart .chart-wrapper { width: auto !important; }"
    " #vega-chart svg.marks { max-width: 100%; height: auto; }</style>\n"
)


@lru_cache(maxsize=1)
def _page_around_slot() -> str:
    """vl-convert's offline page, vega-embed bundled in, with a placeholder where the spec goes."""
    page = vlc.vegalite_to_html(_SPEC_SLOT, bundle=True, vl_version=VL_VERSION)
    before, head_end, after = page.rpartition("</head>")  # the last one: the bundled script holds the string too
    return before + _SHRINK_TO_FIT + head_end + after


def script_json(value) -> str:
    """JSON safe inside an HTML <script>: no '<', '>' or '&' from the data can close the script or open a tag."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def html_page(spec: dict) -> str:
    """The chart as one offline HTML page. vl-convert writes the spec into its <script> as raw JSON, where a
    quote containing '</script>' would end the script and run what follows; so the spec goes in escaped."""
    page = _page_around_slot()
    slot = json.dumps(_SPEC_SLOT, separators=(",", ":"))
    if page.count(slot) != 1:
        raise RuntimeError("vl-convert's HTML page no longer holds the spec as compact JSON; update export.html_page")
    return page.replace(slot, script_json(spec))


class Exportable:
    """One chart ready for download: its export spec is made once, and every format is rendered once."""

    def __init__(self, spec: dict, source_line: str):
        self.spec, self.source_line = spec, source_line
        self._files: dict[str, bytes] = {}

    @cached_property
    def export_spec(self) -> dict:
        return export_spec(self.spec, self.source_line)

    def render(self, fmt: str) -> bytes:
        if fmt not in self._files:
            self._files[fmt] = render(self.export_spec, fmt)
        return self._files[fmt]


def footer(description: str, version: str, corrections_notice: str = "", *, articles: int) -> str:
    """What every export carries under the chart: its description, corrections if any, the source (the number of
    `articles`) and data version."""
    source = counts.counted(articles, "news article")
    return "\n".join(line for line in (description, corrections_notice, f"Source: {source}; data version {version}") if line)


def svg_size(svg: str) -> tuple[float, float]:
    """The width and height vl-convert writes on an SVG's root element."""
    match = re.search(r'<svg[^>]*?\bwidth="([\d.]+)"[^>]*?\bheight="([\d.]+)"', svg)
    return float(match.group(1)), float(match.group(2))


def file_name(*parts: str, ext: str) -> str:
    """'rutte-backers-as-of-2024-04-30.png': lower-case words and dates joined by hyphens."""
    words = [re.sub(r"[^a-z0-9]+", "-", p.lower()).strip("-") for p in ("rutte", *parts) if p]
    return "-".join(w for w in words if w) + f".{ext}"


def csv_bytes(frame, version: str) -> bytes:
    """The frame as CSV, each row stamped with the dataset version it comes from (a last column, so it stays plain CSV)."""
    return frame.assign(dataset_version=version).to_csv(index=False).encode("utf-8")


@lru_cache(maxsize=4)
def data_package_zip(data_dir: str, version: str) -> bytes:
    """The whole data package (descriptor, tables, shapes, licences) as one zip, its descriptor stamped with the
    full dataset `version` (package version + content hash), which also keys the cache."""
    root = Path(data_dir)
    folder = cite.package_folder(version)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")):
            if path == root / "datapackage.json":
                descriptor = json.loads(path.read_text(encoding="utf-8"))
                archive.writestr(f"{folder}/datapackage.json", json.dumps({**descriptor, "version": version}, indent=2, ensure_ascii=False) + "\n")
            else:
                archive.write(path, f"{folder}/{path.relative_to(root)}")
    return buffer.getvalue()
