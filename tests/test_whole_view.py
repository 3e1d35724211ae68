"""The whole view as one file: a PDF story and an offline HTML page of what the reader is looking at."""

import html
import io
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import altair as alt
import pandas as pd
import pytest
from markupsafe import escape
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from tests.hostile import HOSTILE, SPEAKER, hostile_copy
from tracker.charts.chart_registry import ChartDef, draw, map_date, scope
from tracker.data.formatting import day_text
from tracker.exports import cite, whole_view
from tracker.model import views
from tracker.model.load import load
from tracker.reader.filters import bounds_of, quotes_in_view
from tracker.reader.view_state import ViewState

ROOT = Path(__file__).resolve().parent.parent
RETRIEVED = date(2025, 3, 4)
HEADLINE = "Mark Rutte's race to lead NATO: who backed him, and who held out"
TURKIYE_2024 = ViewState(date(2024, 1, 1), date(2024, 6, 30), ("TUR",), as_of=date(2024, 4, 30))
HUNGARY_SPRING = ViewState(date(2024, 3, 1), date(2024, 5, 31), ("HUN",))


def flat(text: str) -> str:
    """Text with every run of whitespace as one space: the PDF wraps lines where the data has spaces."""
    return " ".join(text.split())


def pdf_pages(data: bytes) -> list[str]:
    assert data.startswith(b"%PDF")
    return [flat(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def default_story(ds):
    return whole_view.build(ds, bounds_of(ds).default(), RETRIEVED)


@pytest.fixture(scope="module")
def default_pdf(default_story) -> list[str]:
    return pdf_pages(whole_view.pdf(default_story))


@pytest.fixture(scope="module")
def default_html(default_story) -> str:
    return whole_view.html_page(default_story)


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text between tags."""

    def __init__(self, page: str):
        super().__init__()
        self.tags, self.text = [], []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize(
    "view,expected",
    [
        (ViewState(date(2024, 1, 1), date(2024, 10, 1)), date(2024, 6, 26)),  # the last stance change: the appointment
        (ViewState(date(2024, 1, 1), date(2024, 5, 31), as_of=date(2024, 4, 30)), date(2024, 4, 30)),
        (
            ViewState(date(2024, 1, 1), date(2024, 5, 31), as_of=date(2023, 1, 1)),
            date(2024, 5, 31),
        ),  # outside: the last change, kept inside
        (ViewState(date(2024, 7, 1), date(2024, 10, 1)), date(2024, 7, 1)),
    ],
)
def test_map_date_is_the_readers_inside_the_dates_else_the_last_change(view, expected):
    assert map_date(view, date(2024, 6, 26)) == expected


def test_file_name_holds_the_filters_and_the_version():
    # The version readers see, without the fingerprint of the data's content that the CSVs carry.
    assert (
        whole_view.file_name(HUNGARY_SPRING, "1.2.0+abcd1234", "pdf", prefix="rutte")
        == "rutte-story-2024-03-01-to-2024-05-31-hun-data-1-2-0.pdf"
    )
    assert (  # US Letter is named, so it never overwrites the A4 copy
        whole_view.file_name(HUNGARY_SPRING, "1.2.0+abcd1234", "pdf", "letter", prefix="rutte")
        == "rutte-story-2024-03-01-to-2024-05-31-hun-data-1-2-0-letter.pdf"
    )


def test_pdf_opens_with_the_view_and_quotes_then_each_chart_with_its_description_then_sources_and_citation(
    ds, default_story, default_pdf
):
    bounds = bounds_of(ds)
    cover, text = default_pdf[0], " ".join(default_pdf)
    assert HEADLINE in cover and "Data version: 1.3.0 " in cover and ds.version not in cover
    assert f"Dates: {day_text(bounds.default_start)} to {day_text(bounds.default_end)}" in cover
    assert (
        "Countries: all allies" in cover
        and "Backer map as of: 25 June 2024" in cover
        and "Quotes by: every speaker" in cover
    )
    # The cover: the headline, its standfirst, the view and the story's chart, under the headline as a news page
    # sets it (editor round 33: behind the quotes it started on page 2); then the lead and what they said, before the
    # other charts; every article and how to cite close the file, after the charts they source.
    assert flat(default_story.charts[0].title) in flat(cover) and "What they said" not in cover
    middle = flat(text)[
        flat(text).index(flat(default_story.charts[0].description)) : flat(text).index(
            flat(default_story.charts[1].title)
        )
    ]
    assert "By January 2024 the outgoing Dutch prime minister" in middle and "7 quotes match this view" in middle
    assert "I know I am leaving NATO in good hands" in middle and "Jens Stoltenberg, NATO Secretary General" in middle
    assert "You should check whether you are brain dead first" not in text  # 2019: before the default dates
    assert "How to cite" not in middle
    back = flat(text)[flat(text).index(flat(default_story.charts[-1].description)) :]
    assert back.index("Sources") < back.index("How to cite")
    for title in ds.articles["title"]:
        assert flat(title) in back
    assert flat(cite.citation(ds.version, RETRIEVED, race=ds.race.race.title, articles=5)) in back
    assert "Dataset version 1.3.0." in back
    story_page = next(page for page in default_pdf if flat(default_story.charts[0].title) in flat(page))
    assert "How to cite" not in story_page and "What they said" not in story_page
    places = []
    for item in default_story.charts:
        assert item.chart is not None and flat(item.title) in text and flat(item.description) in text, item.slug
        places.append(text.index(flat(item.description)))
    assert places == sorted(places), "the charts follow the page's order"
    assert "Krišjānis Kariņš" in text and "Türkiye" in text  # names the charts draw, accents and all


A4, LETTER = (595, 842), (612, 792)  # points: 210 × 297 mm and 8.5 × 11 in


@pytest.mark.parametrize("paper,size", [("a4", A4), ("letter", LETTER)])
def test_every_page_is_a4_by_default_or_us_letter(default_story, paper, size):
    pages = PdfReader(io.BytesIO(whole_view.pdf(default_story, paper))).pages
    assert {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pages} == {size}


def test_a_filtered_view_changes_the_filters_charts_and_quotes(ds):
    pages = pdf_pages(whole_view.story_pdf(ds, TURKIYE_2024, RETRIEVED))
    text = " ".join(pages)  # the charts flow: which page each falls on depends on the others
    assert "Dates: 1 January 2024 to 30 June 2024" in pages[0] and "Countries: Türkiye" in pages[0]
    assert "Backer map as of: 30 April 2024" in pages[0] and "Allies' stance on Rutte, 30 April 2024" in text
    assert "1 January 2024 to 30 June 2024; Türkiye" in text  # the charts' subtitles
    quotes = views.quotes(ds)
    inside = quotes_in_view(quotes, ds.events, TURKIYE_2024)
    assert set(inside["actor"]) == {"Recep Tayyip Erdoğan", "Senior Turkish official (unnamed)"}
    assert f"{len(inside)} quotes match this view" in text
    for quote in inside["quote"]:
        assert flat(quote) in text
    for quote in quotes.loc[~quotes["event_id"].isin(inside["event_id"]), "quote"]:  # Erdoğan's of 2019 too
        assert flat(quote) not in text


def test_a_view_without_quotes_or_candidates_says_so(ds):
    text = " ".join(pdf_pages(whole_view.story_pdf(ds, HUNGARY_SPRING, RETRIEVED)))
    assert "No quote matches this view." in text and "No candidate matches these filters." in text
    assert "Countries: Hungary" in text


def test_html_needs_no_network_and_holds_the_four_charts(ds, default_story, default_html):
    remote = re.findall(
        r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import""",
        default_html,
        flags=re.I,
    )
    assert not remote, remote[:3]
    tags = Tags(default_html).tags
    # Each chart twice: as wide as the page, and laid out for a phone (the screen shows the one that fits).
    assert [tag for tag, _ in tags].count("svg") == 8 and not [
        tag for tag, _ in tags if tag in ("script", "link", "img", "iframe")
    ]
    ids = [attrs["id"] for _, attrs in tags if "id" in attrs]
    assert len(ids) == len(set(ids)), "eight inline SVGs must not share an id (their clip paths would mix)"
    for item in default_story.charts:
        assert escape(item.description) in default_html
    assert (
        "Data version: 1.3.0</p>" in default_html
        and ds.version not in default_html
        and escape(HEADLINE) in default_html
    )
    assert escape(cite.citation(ds.version, RETRIEVED, race=ds.race.race.title, articles=5)) in default_html
    assert "Kariņš" in default_html and "I know I am leaving NATO in good hands" in default_html


def test_chart_svg_renames_ids_and_drops_inner_aria_but_never_touches_drawn_text(ds):
    words = 'a role="b" id="x" url(#y) href="#z"'
    frame = pd.DataFrame({"t": [words]})
    demo = ChartDef(
        slug="demo",
        page="story",
        title=lambda sc: "Demo",
        rows=lambda sc: frame,
        build=lambda sc, rows, title, subtitle: alt.Chart(rows).mark_text(clip=True).encode(text="t:N"),
        describe=lambda sc, rows: "",
        table=lambda sc, rows: rows,
        drawn_events=lambda sc, rows: pd.Series([], dtype=str),
        file_name=lambda sc: ("demo",),
        what="Demo",
    )
    svg = whole_view.chart_svg(draw(demo, scope(ds, bounds_of(ds).default())))
    assert f">{html.escape(words, quote=False)}</text>" in svg
    tags = Tags(svg).tags
    assert not [name for _, attrs in tags for name in attrs if name == "role" or name.startswith("aria-")]
    ids = [attrs["id"] for _, attrs in tags if "id" in attrs]
    assert ids and all(i.startswith("demo-") for i in ids)
    assert re.findall(r"url\(#([^)]+)\)", svg) and all(
        ref.startswith("demo-") for ref in re.findall(r'clip-path="url\(#([^)]+)\)"', svg)
    )


@pytest.fixture(scope="module")
def hostile_story(tmp_path_factory):
    """The whole race in data whose names, titles and quotes carry markup and script; the hostile speaker chosen."""
    copy = hostile_copy(tmp_path_factory.mktemp("hostile"))
    ds = load(copy.data, copy.seeds)
    return whole_view.build(ds, ViewState(bounds_of(ds).first, bounds_of(ds).last, speakers=(SPEAKER,)), RETRIEVED)


def test_hostile_text_is_only_text_in_the_html(hostile_story):
    page = whole_view.html_page(hostile_story)
    parsed = Tags(page)
    assert not [tag for tag, _ in parsed.tags if tag in ("script", "img", "b", "a")]
    assert not [(tag, name) for tag, attrs in parsed.tags for name in attrs if name.startswith("on")]
    text = "".join(parsed.text)
    assert f"“{HOSTILE}”" in text and f"Quotes by: {SPEAKER}" in text  # shown, as the words they are
    assert "Ben &lt;b&gt;bold&lt;/b&gt;" in page  # a candidate's name, drawn by the chart's SVG


def test_hostile_text_is_printed_literally_in_the_pdf(hostile_story):
    pages = pdf_pages(whole_view.pdf(hostile_story))
    text = " ".join(pages)
    assert f"Quotes by: {flat(SPEAKER)}" in pages[0]
    # A candidate's name, drawn by the chart: WeasyPrint places an SVG label's words by position, so pypdf reads
    # them without the space between; the markup is there, character for character.
    assert "Ben<b>bold</b>" in text.replace(" ", "")
    # The quote card, character for character: in a half-page column its long tokens (an <img> tag) wrap mid-token.
    assert f"“{HOSTILE}”".replace(" ", "") in text.replace(" ", "")


def test_sidebar_offers_both_files_on_click_only():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update({"countries": "HUN", "from": "2024-01-01"})
    at.run()
    assert not at.exception
    buttons = at.sidebar.get("download_button")
    assert [b.proto.label for b in buttons] == [
        "Download the whole story as a PDF",
        "Download the whole story as an HTML page",
    ]
    assert all(b.proto.deferred_file_id and b.proto.ignore_rerun for b in buttons)  # built when clicked, no rerun


def test_each_quote_keeps_its_note_in_the_files(ds, default_story):
    """A quote whose quotation marks may be the article's says so in print too, as on the Quotes page."""
    noted = [quote for quote in default_story.quotes if quote.note]
    assert noted, "the fixture has a quote with a note"
    page = whole_view.html_page(default_story)
    for quote in noted:
        assert f"Note: {escape(quote.note)}" in page  # as Jinja escapes it


def test_the_files_metadata_give_the_headline_once_and_the_lead(default_story):
    pdf = PdfReader(io.BytesIO(whole_view.pdf(default_story))).metadata
    assert pdf.title == HEADLINE  # not the race's name and then the headline that names it again
    assert pdf.subject == default_story.lead
