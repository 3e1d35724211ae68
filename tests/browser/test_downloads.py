"""Journey 4: every download of one chart, as a reader gets it: the file name, and bytes that open."""

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader
from reader import INK, assert_charts_drawn, open_page, save_download

from tracker.model.load import load

AS_OF = "2024-04-30"
BUTTONS = {"png": "PNG image", "svg": "SVG vector", "pdf": "PDF", "html": "Interactive HTML", "csv": "Data (CSV)"}


@pytest.fixture
def downloads(app, app_url, tmp_path):
    """The backer map as of AS_OF, and a function that picks a file from its download menu and returns it."""
    open_page(app, app_url, "backer_map", f"as_of={AS_OF}")
    assert_charts_drawn(app)  # the map grows the page as it draws; a menu opened before that is pushed off screen
    menu = app.locator('[data-testid="stPopoverBody"]')

    def download(label: str):
        if not menu.is_visible():
            app.locator('[data-testid="stMain"] [data-testid="stPopover"] button', has_text="Download").first.click()
        return save_download(menu.get_by_role("button", name=label, exact=True), tmp_path)

    return download


def test_each_download_has_its_designed_name_and_valid_bytes(app, downloads):
    files = {fmt: downloads(label) for fmt, label in BUTTONS.items()}
    assert {fmt: name for fmt, (name, _) in files.items()} == {
        fmt: f"rutte-backers-as-of-{AS_OF}.{fmt}" for fmt in BUTTONS
    }

    with Image.open(files["png"][1]) as png:
        assert png.format == "PNG" and png.width >= 1400 and png.height > 600, png.size  # 2x of a 760 px wide chart
    svg = ET.parse(files["svg"][1]).getroot()
    assert svg.tag.endswith("svg") and "30 April 2024" in ET.tostring(svg, encoding="unicode")
    pdf = files["pdf"][1].read_bytes()
    assert pdf.startswith(b"%PDF") and len(PdfReader(io.BytesIO(pdf)).pages) == 1
    rows = list(csv.DictReader(io.StringIO(files["csv"][1].read_text(encoding="utf-8-sig"))))
    assert len(rows) == 32 and "Türkiye" in {row["Ally"] for row in rows}

    app.goto(files["html"][1].as_uri())  # offline: the network guard blocks anything but local files
    chart = app.locator(".vega-embed").first
    expect(chart.locator("svg, canvas").first).to_be_visible()
    assert chart.evaluate(INK) > 0
    assert "30 April 2024" in app.content() or chart.locator("text", has_text="30 April 2024").count() > 0


def test_the_quotes_csv_carries_the_data_version_on_every_row(app, app_url, tmp_path):
    open_page(app, app_url, "quotes")
    name, path = save_download(app.get_by_role("button", name="Download these quotes (CSV)"), tmp_path)
    assert name == "rutte-quotes-2023-07-07-to-2024-10-01.csv"  # named for its dates, as every other download
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    # the version every file and page gives ('1.3.0'), not the content's fingerprint the data package adds
    assert rows and {row["Data version"] for row in rows} == {load().version.split("+")[0]} != {load().version}
