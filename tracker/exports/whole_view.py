"""The reader's whole view as one file: a PDF story, or a self-contained offline HTML page.

Both hold the headline, the active filters in words, the data version, the four charts for the view with
their descriptions, the quotes in the view, the articles and how to cite. The charts are the on-screen
specs drawn as SVG by vl-convert. Text from the data is escaped wherever it goes, so it is only ever text.
"""

import re
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from tracker.charts.chart_registry import ViewChart, map_date, view_charts
from tracker.checks.accuracy import row_when
from tracker.data import copy_files
from tracker.data.counts import Counts, of_dataset
from tracker.data.formatting import article_names, day_text, who
from tracker.data.race_config import Identity
from tracker.exports import cite, export, fonts, templating
from tracker.model import views
from tracker.model.load import Dataset, member_names
from tracker.prose import describe
from tracker.reader.filters import bounds_of, describe_filters, quotes_in_view
from tracker.reader.view_state import Bounds, ViewState

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters an SVG may not hold, even escaped


def intro(counts: Counts) -> str:
    return (
        "The lead and its figures are for the whole race, whatever the filters. The charts and the quotes are for "
        "the view set out under the headline, each chart with what it shows; last come the "
        f"{counts.news_articles} every claim comes from, and how to cite this."
    )


def sources_intro(counts: Counts) -> str:
    return (
        f"Every claim in this story comes from these {counts.news_articles}; facts from outside them only date or "
        "correct a claim, and are labelled where they appear in the app."
    )


@dataclass(frozen=True)
class Quote:
    speaker: str  # with the role, when known
    when: str
    quote: str
    source: str  # the article, and when it was published
    note: str = ""  # its caveat or correction (the quotation marks may be the article's), as the Quotes page gives it


@dataclass(frozen=True)
class Story:
    """Everything either file shows, computed once from the data and the view."""

    filters: list[str]  # one line each, in words
    summary: str  # the filters in one short line, as under every chart's title
    version: str
    charts: list[ViewChart]
    svgs: list[str | None]  # each chart drawn, or None when nothing matches the view
    phone_svgs: list[str | None]  # each chart drawn for a phone's screen, for the HTML page
    quotes: list[Quote]
    sources: list[tuple[str, str]]  # (title, "outlet, published ...")
    citation: str
    address: str  # the app's public address (cite.public_address), '' when not configured
    counts: Counts  # of the whole dataset, for the source lines
    race: Identity  # the race's title and headline (race.toml)
    standfirst: str  # the story in a sentence, under the headline
    lead: str  # the story in one paragraph, plain text
    figures: list[tuple[str, str, str]]  # the story's figures: (label, value, what it means)


def filters_in_words(
    view: ViewState, bounds: Bounds, names: dict[str, str], map_day: date, members: str = "members"
) -> list[str]:
    """The active filters, one plain line each; `members`: the body's noun for many."""
    dates = f"{day_text(view.start)} to {day_text(view.end)}"
    if (view.start, view.end) == (bounds.first, bounds.last):
        dates = f"all ({dates})"
    countries = ", ".join(names.get(c, c) for c in view.countries) if view.countries else f"all {members}"
    speakers = ", ".join(view.speakers) if view.speakers else "every speaker"
    return [
        f"Dates: {dates}",
        f"Countries: {countries}",
        f"Backer map as of: {day_text(map_day)}",
        f"Quotes by: {speakers}",
    ]


def quote_count(quotes: list[Quote]) -> str:
    if not quotes:
        return "No quote matches this view."
    return (
        f"{len(quotes)} {'quote matches' if len(quotes) == 1 else 'quotes match'} this view, word for word as the "
        "articles print them."
    )


def build(ds: Dataset, view: ViewState, retrieved: date | None = None, address: str = "") -> Story:
    """The story of `view`; `retrieved` (default today) and the app's `address` go into the citation."""
    bounds, names = bounds_of(ds), member_names(ds)
    figures = views.story_figures(ds)
    charts = view_charts(ds, view)
    quotes = quotes_in_view(views.quotes(ds), ds.events, view)
    return Story(
        filters=filters_in_words(view, bounds, names, map_date(view, views.map_day(ds)), ds.race.body.members),
        summary=describe_filters(view, bounds, names, ds.race.body.members),
        version=cite.published_version(ds.version),
        charts=charts,
        svgs=[chart_svg(item) for item in charts],
        phone_svgs=[chart_svg(item, phone=True) for item in charts],
        quotes=[
            Quote(
                who(q["actor"], q["actor_role"]),
                row_when(q),
                q["quote"],
                article_names(ds.articles)[q["article_id"]],
                q["note"],
            )
            for _, q in quotes.iterrows()
        ],
        sources=[
            (a["title"], name) for (_, a), name in zip(ds.articles.iterrows(), article_names(ds.articles).values())
        ],
        citation=cite.citation(
            ds.version, retrieved or date.today(), address, race=ds.race.race.title, articles=len(ds.articles)
        ),
        race=ds.race.race,
        address=address,
        counts=of_dataset(ds),
        standfirst=copy_files.fill_text(ds.copy, "story-standfirst", news_articles=of_dataset(ds).news_articles),
        lead=describe.story_lead(figures, of_dataset(ds), ds.copy, markdown=False),
        figures=describe.story_figures_shown(figures, ds.copy),
    )


def source_line(item: ViewChart, story: Story) -> str:
    """The lines every chart export carries under its description (corrections, source, version, the app's
    address), as one line."""
    footer = export.footer(
        "", story.version, item.corrections_notice, articles=[n for _, n in story.sources], listed_in="see Sources"
    )
    return " · ".join(line for line in [*footer.split("\n"), cite.address_line(story.address)] if line)


PAGE_WIDTH = 680  # px: narrower than the exports, so a chart set across a column prints its text at about 8 pt; wide
# enough for a title wrapped at charts.title_lines' width


# The map is printed smaller than the page's width (so the candidates share its page): its key, title and subtitle
# are set larger to stay readable at that scale, about 7 pt on paper rather than 5.
PRINTED_KEY_SIZE = {"backer-map": 16}
PRINTED_TITLE_SIZES = {"backer-map": {"fontSize": 22, "subtitleFontSize": 16}}


def page_spec(chart, phone: bool = False, slug: str = "") -> dict:
    """A chart's spec as the whole view draws it: the export's fixed width (or a phone's), on white, in the exports'
    font."""
    spec = chart.to_dict(validate=False)
    spec = export.fixed_narrow(spec) if phone else export.fixed_width(spec, PAGE_WIDTH)
    config = {**spec.get("config", {}), "background": "white", "font": export.CHART_FONT}
    if slug in PRINTED_KEY_SIZE and not phone:
        size = PRINTED_KEY_SIZE[slug]
        config["legend"] = {**config.get("legend", {}), "labelFontSize": size, "symbolSize": size * size}
    if slug in PRINTED_TITLE_SIZES and not phone and isinstance(spec.get("title"), dict):
        spec["title"] = {**spec["title"], **PRINTED_TITLE_SIZES[slug]}
    spec["config"] = config
    return spec


def chart_svg(item: ViewChart, phone: bool = False) -> str | None:
    """The chart as SVG (vl-convert, from its on-screen spec), or None when nothing matches the view. Its ids
    get the chart's name, since the HTML page holds every chart's SVGs in one document."""
    if item.chart is None:
        return None
    svg = NOT_XML.sub("", export.render(page_spec(item.chart, phone, item.slug), "svg").decode("utf-8"))
    prefix = f"{item.slug}-phone-" if phone else f"{item.slug}-"

    def tidied(tag: re.Match) -> str:
        # No ARIA inside: the page names the whole SVG and describes it in words beside it.
        tag = re.sub(r'\s(?:role|aria-[a-z]+)="[^"]*"', "", tag.group(0))
        return re.sub(r'(\bid="|url\(#|href="#)', rf"\g<1>{prefix}", tag)

    return re.sub(r"<[^>]+>", tidied, svg)  # tags only: text drawn from the data may hold the same words


# ---- One template for both files: the HTML page on screen, and the PDF printed from it by WeasyPrint ----------

PAPER = {"a4": "A4", "letter": "letter"}  # the PDF's paper sizes, as CSS @page names them


def html_page(story: Story, paper: str = "a4") -> str:
    """The story as one offline HTML page: no script, no request, readable on a phone, and ready to print."""
    charts = [
        {
            "slug": item.slug,
            "title": item.title,
            "description": item.description,
            "source_line": source_line(item, story),
            "svg": labelled(svg, item.title) if svg else None,
            "phone_svg": labelled(phone_svg, item.title) if phone_svg else None,
        }
        for item, svg, phone_svg in zip(story.charts, story.svgs, story.phone_svgs)
    ]
    return templating.render(
        "whole_view.html.j2",
        title=story.race.headline,  # names the race, as the running head does: no kicker a third time
        description=story.lead,  # the file's summary (a PDF's Subject): the story, not the reading instructions
        headline=story.race.headline,
        intro=intro(story.counts),
        running_head=f"{story.race.title} · {story.summary}",  # the version is in the view line and every chart footer
        filters=story.filters,
        version=story.version,
        address=story.address,
        standfirst=story.standfirst,
        lead=story.lead,
        figures=story.figures,
        font_css=Markup(fonts.font_face_css((400, 600, 700))),
        font_stack=Markup(fonts.STACK),
        charts=charts,
        quote_count=quote_count(story.quotes),
        quotes=story.quotes,
        sources_intro=sources_intro(story.counts),
        sources=story.sources,
        citation=story.citation,
        paper=PAPER[paper],
    )


def labelled(svg: str, title: str) -> Markup:
    """vl-convert's SVG (its text from the data already escaped as XML), named for screen readers by the chart's
    title."""
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1))


def pdf(story: Story, paper: str = "a4") -> bytes:
    """The story as a paged PDF: the HTML page through WeasyPrint's CSS paged media (A4 or US Letter). It fetches
    nothing but what the page carries itself (its typeface, as data: URLs), and a typeface it cannot load stops it
    rather than falling back to another."""
    import weasyprint  # 0.3 s to import: only when a reader asks for a PDF
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"}, fail_on_errors=True)
    document = weasyprint.HTML(string=html_page(story, paper), base_url=None, url_fetcher=fetcher)
    return document.write_pdf()


def story_pdf(ds: Dataset, view: ViewState, retrieved: date | None = None, paper: str = "a4") -> bytes:
    """The view as a PDF story."""
    return pdf(build(ds, view, retrieved), paper)


def story_html(ds: Dataset, view: ViewState, retrieved: date | None = None) -> bytes:
    """The view as one offline HTML page."""
    return html_page(build(ds, view, retrieved)).encode("utf-8")


def file_name(view: ViewState, version: str, ext: str, paper: str = "", prefix: str = "race") -> str:
    """'rutte-story-2024-01-01-to-2024-06-30-hun-data-1-1-0.pdf' (`prefix`: the race's, race.toml's [files]), or
    '…-letter.pdf' for a PDF on another paper than A4, so the two never share a name."""
    size = [paper] if paper and paper != "a4" else []
    return export.file_name(
        prefix,
        "story",
        view.start.isoformat(),
        "to",
        view.end.isoformat(),
        *view.countries,
        "data",
        cite.published_version(version),
        *size,
        ext=ext,
    )
