"""Journey: the whole view, as the reader filtered it, downloaded from the sidebar as a PDF story and as an HTML
page that opens offline with its charts drawn."""

import io
from datetime import date

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader
from reader import INK, axe_violations, open_page, save_download

from tracker.model.load import load
from tracker.reader.view_state import ViewState

QUERY = "from=2024-01-01&to=2024-06-30&countries=HUN,ROU,TUR&as_of=2024-04-30"
VIEW = ViewState(date(2024, 1, 1), date(2024, 6, 30), ("HUN", "ROU", "TUR"), date(2024, 4, 30))
FILTERS = (
    "Dates: 1 January 2024 to 30 June 2024",
    "Countries: Hungary, Romania, Türkiye",
    "Backer map as of: 30 April 2024",
)
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def version() -> str:
    return load().version


@pytest.fixture
def download(app, app_url, tmp_path):
    """The story page opened from a filtered link, and a function that clicks a sidebar button and returns the file."""
    open_page(app, app_url, "", QUERY)

    def click(label: str):
        return save_download(
            app.locator('[data-testid="stSidebar"]').get_by_role("button", name=label, exact=True),
            tmp_path,
            timeout=60_000,
        )

    return click


def test_the_pdf_story_holds_the_filters_and_the_version(download, version):
    name, path = download("Download the whole story as a PDF")
    # The race's prefix (race.toml), the view's dates and countries, and the version readers see.
    assert name == "rutte-story-2024-01-01-to-2024-06-30-hun-rou-tur-data-1-3-0.pdf"
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)
    shown = version.split("+")[0]  # readers see the package's version; the fingerprint stays in the data files
    assert f"Data version: {shown}" in text and version not in text
    assert "Mark Rutte's race to lead NATO: who backed him, and who held out" in text
    for line in FILTERS:
        assert line in text


def test_the_html_page_opens_offline_with_its_charts_drawn(app, download, version):
    name, path = download("Download the whole story as an HTML page")
    assert name == "rutte-story-2024-01-01-to-2024-06-30-hun-rou-tur-data-1-3-0.html"

    app.set_viewport_size(PHONE)
    app.goto(path.as_uri())  # the network guard aborts, and fails the test on, any request off this machine
    expect(app.locator("h1")).to_have_text("Mark Rutte's race to lead NATO: who backed him, and who held out")
    for line in (*FILTERS, f"Data version: {version.split('+')[0]}"):
        expect(app.locator("p.view")).to_contain_text(line)
    figures = app.locator("figure")
    expect(figures).to_have_count(4)
    for i in range(4):
        figure = figures.nth(i)
        figure.scroll_into_view_if_needed()
        svg = figure.locator("svg:visible")  # on a phone, the chart laid out for a phone
        box = svg.bounding_box()
        width, height = (float(v) for v in svg.get_attribute("viewBox").split()[2:])
        # Shrinks to its figure on a phone: no sideways scrolling.
        assert box and box["width"] <= min(width, figure.bounding_box()["width"]) + 0.5, box
        assert abs(box["height"] - box["width"] * height / width) < 2, box  # scaled as a whole, never cropped
        assert figure.evaluate(INK) > 0, f"chart {i} drew nothing"
    assert app.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), (
        "the page scrolls sideways on a phone"
    )
    assert not axe_violations(app)

    app.set_viewport_size({"width": 1000, "height": 800})  # on a wider screen each chart fits its column
    for i in range(4):
        box = figures.nth(i).locator("svg:visible").bounding_box()
        assert box and box["width"] == figures.nth(i).bounding_box()["width"], box
