"""Files ready to publish: the public address in every file, the PDF story on paper, HTML a CMS and a phone take."""

import io
import os
import re
import shutil
import subprocess
import zlib
from datetime import date

import pytest
from pypdf import PdfReader

from tracker.data.formatting import article_names
from tracker.exports import cite, embeds, export, whole_view
from tracker.reader.filters import bounds_of
from tracker.reader.url_state import ViewState

RETRIEVED = date(2025, 3, 4)
PUBLIC = "https://news.example.org/rutte/"
LOOPBACK = re.compile(rb"localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0", re.IGNORECASE)
MM = 72 / 25.4  # points per millimetre
TOP_MARGIN, BOTTOM_MARGIN = 18 * MM, 20 * MM  # the story's @page margins


@pytest.mark.parametrize(
    "setting,expected",
    [
        ("https://news.example.org/rutte", PUBLIC),
        ("  https://news.example.org/rutte/  ", PUBLIC),
        ("http://rutte.example.com", "http://rutte.example.com/"),
        (None, ""),
        ("", ""),
        ("http://localhost:8501/", ""),
        ("http://127.0.0.1:8731/", ""),
        ("http://[::1]/", ""),
        ("http://10.0.0.7/", ""),
        ("http://192.168.1.20:8501/", ""),
        ("http://app/", ""),  # a single-label (internal) name
        ("http://app.internal/", ""),
        ("ftp://news.example.org/", ""),
        ("javascript:alert(1)", ""),
        ("https://news.example.org/rutte/?x=1", ""),
    ],
)
def test_the_public_address_setting_takes_only_a_public_web_address(setting, expected):
    assert cite.public_address(setting) == expected


def test_an_unset_address_is_left_out_of_the_citation_rather_than_guessed(ds):
    assert cite.citation(ds.version, RETRIEVED, "", race=ds.race.race.title, articles=len(ds.articles)).endswith(
        "Retrieved 4 March 2025."
    )
    assert cite.citation(ds.version, RETRIEVED, PUBLIC, race=ds.race.race.title, articles=len(ds.articles)).endswith(
        f"Retrieved 4 March 2025. {PUBLIC}"
    )


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


def pdf_links(data: bytes) -> list[str]:
    return [
        str(a.get_object()["/A"]["/URI"])
        for page in PdfReader(io.BytesIO(data)).pages
        for a in page.get("/Annots") or []
        if "/URI" in a.get_object().get("/A", {})
    ]


def pdf_streams(data: bytes) -> bytes:
    """Every stream of the file, inflated: what a loopback address would hide in."""
    out = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, flags=re.DOTALL):
        try:
            out.append(zlib.decompress(match.group(1)))
        except zlib.error:
            pass
    return b"\n".join(out)


@pytest.fixture(scope="module")
def public_story(ds):
    return whole_view.build(ds, bounds_of(ds).default(), RETRIEVED, PUBLIC)


@pytest.fixture(scope="module")
def public_pdf(public_story) -> bytes:
    return whole_view.pdf(public_story)


def test_the_pdf_links_and_cites_the_public_address(ds, public_pdf):
    text = pdf_text(public_pdf)
    citation = cite.citation(ds.version, RETRIEVED, PUBLIC, race=ds.race.race.title, articles=len(ds.articles))
    assert "".join(citation.split()) in "".join(text.split())  # a long address may break across lines
    assert f"Online, with every correction: {PUBLIC}" in text  # under every chart
    assert text.count(f"Online: {PUBLIC}") >= len(PdfReader(io.BytesIO(public_pdf)).pages)  # every page's footer
    assert PUBLIC in pdf_links(public_pdf)


def test_a_pdf_made_behind_a_proxy_or_locally_never_carries_a_loopback_address(ds):
    address = cite.public_address("http://localhost:8731/")  # what the server saw, had it been used
    data = whole_view.pdf(whole_view.build(ds, bounds_of(ds).default(), RETRIEVED, address))
    assert not LOOPBACK.search(pdf_streams(data))
    assert "Online" not in pdf_text(data) and not pdf_links(data)  # no placeholder: the line is left out


def test_the_pdf_text_extracts_cleanly(ds, public_pdf, public_story):
    text = pdf_text(public_pdf)
    assert "\ufffd" not in text and "(cid:" not in text
    assert (
        " ".join(whole_view.intro(public_story.counts).split()) in text
    )  # a whole paragraph, its words whole and in order
    assert "Recep Tayyip Erdoğan" in text and "Krišjānis Kariņš" in text and "Türkiye" in text
    joined = text.replace(
        "- ", "-"
    )  # a line that breaks at a word's own hyphen ("horse-/trading") reads "horse- trading"
    for quote in public_story.quotes:
        assert " ".join(quote.quote.split()) in joined


def filled(pdf: bytes, tmp_path) -> list[float]:
    """How far down each page's body its ink reaches, as a share of the room between the margins (rasterised by
    poppler's pdftoppm, as a reader would see it)."""
    if not shutil.which("pdftoppm"):
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true: pdftoppm is missing (apt-get install poppler-utils)")
        pytest.skip("pdftoppm is missing (apt-get install poppler-utils)")
    (tmp_path / "story.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-gray", "-r", "36", str(tmp_path / "story.pdf"), str(tmp_path / "page")], check=True)
    shares = []
    for path in sorted(tmp_path.glob("page-*.pgm"), key=lambda p: int(p.stem.split("-")[1])):
        width, height, pixels = read_pgm(path.read_bytes())
        scale = height / float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.height)
        top, bottom = round(TOP_MARGIN * scale), height - round(BOTTOM_MARGIN * scale)
        inked = [row for row in range(top, bottom) if min(pixels[row * width : (row + 1) * width]) < 200]
        shares.append(((inked[-1] - top) / (bottom - top)) if inked else 0.0)
    return shares


def read_pgm(data: bytes) -> tuple[int, int, bytes]:
    magic, width, height, depth, pixels = data.split(maxsplit=4)
    assert magic == b"P5" and int(depth) < 256
    return int(width), int(height), pixels


@pytest.mark.parametrize(
    "view",
    [
        None,  # the default view
        ViewState(date(2024, 3, 1), date(2024, 5, 31), ("HUN",)),  # no candidate, no quote: empty sections
        ViewState(date(2024, 1, 1), date(2024, 6, 30), ("TUR",), as_of=date(2024, 4, 30)),
        ViewState(date(2024, 6, 26), date(2024, 6, 26)),  # a single day
    ],
    ids=["default", "hungary-spring", "turkiye-2024", "one-day"],
)
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_no_page_of_the_pdf_is_under_a_fifth_filled(ds, view, paper, tmp_path):
    view = view or bounds_of(ds).default()
    shares = filled(whole_view.story_pdf(ds, view, RETRIEVED, paper), tmp_path)
    assert shares and min(shares) >= 0.2, [round(s, 2) for s in shares]


def test_an_empty_section_is_a_line_not_a_page(ds):
    data = whole_view.story_pdf(ds, ViewState(date(2024, 3, 1), date(2024, 5, 31), ("HUN",)), RETRIEVED)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]
    holding = [page for page in pages if "No candidate matches these filters." in page]
    assert len(holding) == 1 and "Allies' stance on Rutte" in holding[0] or "What they said" in holding[0]
    assert len(pages) <= 3


def test_the_whole_view_html_and_pdf_come_from_one_template(public_story):
    page = whole_view.html_page(public_story)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "@page" in page and "size: A4" in page and "size: letter" in whole_view.html_page(public_story, "letter")
    assert f'<a href="{PUBLIC}">' in page


def test_chart_html_has_a_viewport_a_real_title_and_the_address(ds):
    item = embeds.story_charts(ds)[0]
    exportable = export.Exportable(
        item.chart.to_dict(validate=False),
        export.footer(item.description, ds.version, articles=list(article_names(ds.articles).values()))
        + "\n"
        + cite.address_line(PUBLIC),
    )
    page = exportable.render("html").decode("utf-8")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    title = re.search(r"<title>(.*?)</title>", page).group(1)
    assert title == item.title != "Chart"
    assert f"Online, with every correction: {PUBLIC}" in page and '"width":"container"' in page


def test_the_embed_folder_carries_the_public_address(ds, tmp_path):
    embeds.write_embeds(ds, tmp_path, address=PUBLIC)
    for name in ("index.html", "stances-by-ally.html"):
        assert PUBLIC in (tmp_path / name).read_text(encoding="utf-8"), name
    assert not LOOPBACK.search((tmp_path / "index.html").read_bytes())


def test_the_pdf_is_set_in_the_house_typeface_alone(public_pdf):
    # Every font the PDF embeds is Source Sans 3: the page text, its margins and every chart's symbols (■ ● ◊). A
    # typeface it cannot load, or a character missing from its embedded copy, would bring in another.
    reader = PdfReader(io.BytesIO(public_pdf))
    fonts = {
        str(font["/BaseFont"]).split("+", 1)[-1]
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
        for font in [font.get_object()]
    }
    assert fonts and all(name.startswith("Source-Sans-3") for name in fonts), fonts  # '/ABCDEF+Source-Sans-3-Bold'
