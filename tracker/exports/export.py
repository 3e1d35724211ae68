"""Downloads: PNG, SVG, PDF and offline HTML from a chart's Vega-Lite spec (via vl-convert), CSV, and the data package
zip.

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
import pypdf
import vl_convert as vlc
from markupsafe import Markup

from tracker.charts.charts import NARROW_EXPR
from tracker.data import copy_files, counts
from tracker.exports import cite, fonts, templating

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


# Every exported chart is set in the app's own typeface (fonts.py): vl-convert measures and draws it, and an SVG or
# HTML file carries it inside itself. A reader without it falls back to metric-compatible fonts.
CHART_FONT = fonts.STACK
DATA_KEYS = ("datasets", "data", "values")  # rows and shapes: no view width inside, and the bulk of a spec
VERSION_COLUMN = "Data version"  # the last column of every chart's CSV


def fixed_width(node, width: int = EXPORT_WIDTH):
    """vl-convert has no container to measure, so 'container' widths become a fixed width."""
    if isinstance(node, dict):
        return {
            k: (width if k == "width" and v == "container" else v if k in DATA_KEYS else fixed_width(v, width))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [fixed_width(v, width) for v in node]
    return node


PHONE_WIDTH = 340  # px: a chart drawn for a phone's screen, in a file that has no container to measure


PHONE_DATE_LABELS = 3  # month labels a phone's date axis holds, as vl-convert measures the house face


def fixed_narrow(spec: dict) -> dict:
    """`spec` laid out as on a phone: a phone's fixed width, and every choice the charts make for a narrow container
    (charts.NARROW_EXPR: fewer legend columns, a wrapped title) made. vl-convert has no container to measure.

    vl-convert also measures the house face wider than it draws it: on a phone's narrow axis the even thinning of
    date labels ('parity') then found every pair crowded and hid them all, and the greedy one kept a single label.
    So a month axis keeps its ticks and labels only evenly spaced months (`phone_month_labels`)."""
    text = json.dumps(fixed_width(spec, PHONE_WIDTH)).replace(json.dumps(NARROW_EXPR)[1:-1], "true")
    return phone_month_labels(json.loads(text))


def phone_month_labels(node):
    """Each axis whose ticks are month starts labels only every k-th one, at most PHONE_DATE_LABELS, from its
    first; any other axis thins crowded labels greedily, with room between them."""
    if isinstance(node, list):
        return [phone_month_labels(v) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: v if k in DATA_KEYS else phone_month_labels(v) for k, v in node.items()}
    if node.get("labelOverlap") != "parity":
        return node
    months = [v for v in node.get("values", []) if isinstance(v, dict) and v.get("date") == 1]
    if node.get("format") != "%b %Y" or len(months) <= PHONE_DATE_LABELS:
        return {**node, "labelOverlap": "greedy", "labelSeparation": 10}
    step = -(-len(months) // PHONE_DATE_LABELS)
    # Vega counts months from 0.
    shown = [f"{m['year']}-{m['month'] - 1}" for m in months[::step]]
    keep = f"indexof({json.dumps(shown)}, year(datum.value) + '-' + month(datum.value)) >= 0"
    return {**node, "labelOverlap": False, "labelExpr": f"{keep} ? datum.label : ''"}


def export_spec(spec: dict, source_line: str) -> dict:
    """The on-screen spec (`chart.to_dict()`) with a fixed width and the source line under it (shares its data).
    `source_line` may hold several lines (the chart's description, then its source); long ones are wrapped."""
    spec = fixed_width(spec)
    lines = [line for part in source_line.split("\n") for line in textwrap.wrap(part, FOOTER_WRAP)]
    footer = {
        "text": lines,
        "anchor": "start",
        "orient": "bottom",
        "fontSize": 10,
        "fontWeight": "normal",
        "color": "#555",
        "offset": 14,
    }
    top = (
        "$schema",
        "config",
        "datasets",
        "params",
    )  # params stay top-level: Vega-Lite allows variable params only there
    spec = {
        "vconcat": [{k: v for k, v in spec.items() if k not in top}],
        # A chart's keys stay in the chart, where the screen draws them (below its title), not above the whole file.
        "resolve": {"legend": {"color": "independent", "shape": "independent"}},
        "title": footer,
        **{k: spec[k] for k in top if k in spec},
    }
    spec.setdefault("config", {}).update(background="white", font=CHART_FONT)
    spec["padding"] = 16
    return spec


def render(spec: dict, fmt: str) -> bytes:
    """An export spec rendered to one format."""
    fonts.register()
    if fmt == "png":
        # Twice the pixels, tagged 144 ppi: a print desk gets its size in inches without rescaling (72 ppi doubled it).
        return vlc.vegalite_to_png(spec, scale=1, ppi=144, vl_version=VL_VERSION)
    if fmt == "svg":
        return vlc.vegalite_to_svg(spec, vl_version=VL_VERSION).encode("utf-8")
    if fmt == "pdf":
        return vlc.vegalite_to_pdf(spec, vl_version=VL_VERSION)
    if fmt == "html":
        return html_page(spec).encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r}")


@lru_cache(maxsize=1)
def vega_bundle() -> Markup:
    """vega, vega-lite and vega-embed as one inline script, taken from vl-convert's offline page (so the page
    needs no network), trusted as the library's own code."""
    page = vlc.vegalite_to_html({"mark": "point"}, bundle=True, vl_version=VL_VERSION)
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", page, flags=re.DOTALL)
    bundle = max(scripts, key=len)
    if "vegaEmbed" not in bundle:
        raise RuntimeError(
            "vl-convert's HTML page no longer bundles vega-embed in a <script>; update export.vega_bundle"
        )
    return Markup(bundle)


def chart_title(spec: dict) -> str:
    """The chart's own title as plain text, for the page's <title>."""
    plain = (spec.get("usermeta") or {}).get("title")  # charts.titled keeps it: the drawn title may wrap by width
    if plain:
        return str(plain)
    title = spec.get("title")
    text = title.get("text", "") if isinstance(title, dict) else title or ""
    return " ".join(text) if isinstance(text, list) else str(text)


def html_page(spec: dict, source_line: str = "", title: str = "") -> str:
    """The chart as one offline HTML page that fits any width: the on-screen spec (its 'container' widths follow
    the page), its description and source as text under it. The spec goes into the <script> escaped."""
    name = title or chart_title(spec) or "Chart"
    spec = {**spec, "config": {**spec.get("config", {}), "font": CHART_FONT}}
    return templating.render(
        "chart.html.j2",
        title=name,
        description=source_line.split("\n")[0],
        bundle=vega_bundle(),
        spec=spec,
        footer=[line for line in source_line.split("\n") if line],
        font_css=Markup(fonts.font_face_css()),
        font_stack=Markup(fonts.STACK),
    )


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
            # HTML keeps the on-screen spec, which follows the page's width; images need a fixed one.
            made = html_page(self.spec, self.source_line) if fmt == "html" else render(self.export_spec, fmt)
            if fmt == "svg":  # a file on its own carries its typeface
                made = fonts.svg_with_font(made.decode("utf-8"))
            if fmt == "pdf":  # a PDF reader's window and a library's catalogue show its title, not a file name
                made = pdf_titled(made, chart_title(self.spec), self.source_line.split("\n")[0])
            self._files[fmt] = made.encode("utf-8") if isinstance(made, str) else made
        return self._files[fmt]


def pdf_titled(pdf: bytes, title: str, subject: str) -> bytes:
    """`pdf` with its Title and Subject set (vl-convert writes none)."""
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf))
    writer.add_metadata({"/Title": title, "/Subject": subject})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def footer(
    description: str, version: str, corrections_notice: str = "", *, articles: list[str], listed_in: str = ""
) -> str:
    """What every export carries under the chart: its description, corrections if any, the source (the `articles`
    by name, so a reader can find them, or where the file lists them: `listed_in`) and data version."""
    source = f"{counts.counted(len(articles), 'news article')} ({listed_in or '; '.join(articles)})"
    return "\n".join(
        line
        for line in (
            description,
            corrections_notice,
            f"Source: {source}; data version {cite.published_version(version)}",
        )
        if line
    )


def svg_size(svg: str) -> tuple[float, float]:
    """The width and height vl-convert writes on an SVG's root element."""
    match = re.search(r'<svg[^>]*?\bwidth="([\d.]+)"[^>]*?\bheight="([\d.]+)"', svg)
    return float(match.group(1)), float(match.group(2))


def file_name(*parts: str, ext: str) -> str:
    """'rutte-backers-as-of-2024-04-30.png' of ('rutte', 'backers', 'as-of', '2024-04-30'): lower-case words and
    dates joined by hyphens; the first part is the race's prefix (race.toml's [files])."""
    words = [re.sub(r"[^a-z0-9]+", "-", p.lower()).strip("-") for p in parts if p]
    return "-".join(w for w in words if w) + f".{ext}"


def csv_bytes(frame, version: str) -> bytes:
    """The frame as CSV (UTF-8 with a byte-order mark), each row stamped with the data version it comes from (a last
    column, so it stays plain CSV), as the charts and pages give it ('1.3.0'; editor round 37: '1.3.0+65b47ee6' beside
    the files' '1.3.0'). The data package's descriptor keeps the content's fingerprint."""
    # With a byte-order mark, so a spreadsheet opened by double-click reads 'Türkiye' and '“' as written.
    stamped = frame.assign(**{VERSION_COLUMN: cite.published_version(version)})
    return stamped.to_csv(index=False).encode("utf-8-sig")


@lru_cache(maxsize=4)
def data_package_zip(data_dir: str, version: str, prefix: str) -> bytes:
    """The whole data package (descriptor, tables, shapes, licences) as one zip, its descriptor stamped with the
    full dataset `version` (package version + content hash), which also keys the cache."""
    root = Path(data_dir)
    folder = cite.package_folder(version, prefix)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # The race's copy (the page prose, templates with placeholders) is the app's, not data.
        files = (p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))
        for path in sorted(p for p in files if copy_files.COPY_DIR not in p.relative_to(root).parts):
            if path == root / "datapackage.json":
                descriptor = json.loads(path.read_text(encoding="utf-8"))
                archive.writestr(
                    f"{folder}/datapackage.json",
                    json.dumps({**descriptor, "version": version}, indent=2, ensure_ascii=False) + "\n",
                )
            else:
                archive.write(path, f"{folder}/{path.relative_to(root)}")
    return buffer.getvalue()
