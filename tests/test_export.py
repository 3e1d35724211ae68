"""Exports: valid PNG/SVG/PDF/HTML bytes from the on-screen spec, with title, filters and source baked in; cached."""

import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from pypdf import PdfReader

from tracker.charts import charts
from tracker.data.paths import DATA_DIR
from tracker.exports import export
from tracker.model import views
from tracker.model.load import load

TITLE, SUBTITLE, SOURCE = (
    "Allies' stance on Rutte, 30 April 2024",
    "All dates; Türkiye",
    "Source: five news articles; data test",
)


@pytest.fixture(scope="module")
def chart_spec():
    ds = load()
    return charts.backer_map(
        views.map_frame(ds, "2024-04-30"), ds.shapes, ("TUR",), TITLE, SUBTITLE, ds.race.stances
    ).to_dict()


@pytest.fixture(scope="module")
def spec(chart_spec):
    return export.export_spec(chart_spec, SOURCE)


def svg_text(data: bytes) -> str:
    return " ".join(t for t in ET.fromstring(data).itertext())


def test_png_is_a_2x_image(spec):
    data = export.render(spec, "png")
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    assert width >= 2 * export.EXPORT_WIDTH
    # Tagged as drawn: 144 pixels per inch (5669 per metre), so it prints at the size it was laid out at.
    at = data.index(b"pHYs") + 4
    assert (int.from_bytes(data[at : at + 4], "big"), int.from_bytes(data[at + 4 : at + 8], "big")) == (5669, 5669)


def test_svg_carries_title_filters_and_source(spec):
    text = svg_text(export.render(spec, "svg"))
    for line in (TITLE, SUBTITLE, SOURCE):
        assert line in text


def test_svg_names_the_font_its_text_was_measured_in(spec):
    """The app's own typeface, not the generic sans-serif a Linux browser or WeasyPrint draws in another width."""
    fonts = set(re.findall(r'font-family="([^"]*)"', export.render(spec, "svg").decode("utf-8")))
    assert fonts == {"'Source Sans 3', 'Liberation Sans', Arial, sans-serif"}


def test_a_downloaded_svg_carries_its_typeface(spec):
    svg = export.Exportable(spec, "Source: test").render("svg").decode("utf-8")
    faces = re.findall(r"@font-face\{font-family:'Source Sans 3';font-weight:(\d+)", svg)
    assert faces == ["400", "700"] and "data:font/ttf;base64," in svg
    ET.fromstring(svg)  # still an SVG a desk's tools can open


def test_pdf_is_a_pdf_with_the_title(spec):
    data = export.render(spec, "pdf")
    assert data.startswith(b"%PDF")
    assert "30 April 2024" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_a_downloaded_pdf_is_titled_with_the_chart_and_its_description(chart_spec):
    """A PDF reader's window shows the chart's title, not the file's name; its Subject is the description."""
    pdf = export.Exportable(chart_spec, "Türkiye backed him.\nSource: test").render("pdf")
    metadata = PdfReader(io.BytesIO(pdf)).metadata
    assert (metadata.title, metadata.subject) == (TITLE, "Türkiye backed him.")


def test_html_is_self_contained(spec):
    """The libraries are inlined: no script or stylesheet is loaded from anywhere (the browser test draws it
    offline)."""
    html = export.render(spec, "html").decode()
    assert "<script" in html and "vegaEmbed" in html
    assert not re.search(r"<script[^>]+src=", html) and not re.search(r"<link[^>]+href=", html)
    assert "30 April 2024" in html


def test_a_chart_renders_each_format_once(chart_spec, monkeypatch):
    exportable = export.Exportable(chart_spec, SOURCE)
    first = exportable.render("svg")
    monkeypatch.setattr(export, "render", lambda *args: pytest.fail("rendered twice"))
    assert exportable.render("svg") is first


def test_export_leaves_the_on_screen_spec_as_it_was(chart_spec):
    """Export specs share the chart's data, and the chart is shared by every reader: nothing may change it."""
    before = json.dumps(chart_spec, sort_keys=True)
    export.render(export.export_spec(chart_spec, SOURCE), "svg")
    assert json.dumps(chart_spec, sort_keys=True) == before


@pytest.mark.parametrize(
    "parts,ext,expected",
    [
        (("rutte", "backers", "as-of", "2024-04-30"), "png", "rutte-backers-as-of-2024-04-30.png"),
        (
            ("rutte", "timeline", "2023-07-07", "to", "2024-10-01", "HUN", "TUR"),
            "csv",
            "rutte-timeline-2023-07-07-to-2024-10-01-hun-tur.csv",
        ),
        (("election", "Candidates / <b>"), "svg", "election-candidates-b.svg"),  # the race's prefix, race.toml's
    ],
)
def test_file_names_say_what_they_hold(parts, ext, expected):
    assert export.file_name(*parts, ext=ext) == expected


def test_data_package_zip_holds_descriptor_tables_and_shapes():
    names = zipfile.ZipFile(io.BytesIO(export.data_package_zip(str(DATA_DIR), "v-test", "race"))).namelist()
    for name in (
        "datapackage.json",
        "events.csv",
        "articles.csv",
        "candidates.csv",
        "members.csv",
        "countries.csv",
        "countries-110m.json",
    ):
        assert f"race-data-v-test/{name}" in names  # the folder named by the race's file prefix
