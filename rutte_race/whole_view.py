"""The reader's whole view as one file: a PDF story, or a self-contained offline HTML page.

Both hold the headline, the active filters in words, the data version, the four charts for the view with
their descriptions, the quotes in the view, the articles and how to cite. The charts are the on-screen
specs drawn as SVG by vl-convert. Text from the data is escaped wherever it goes, so it is only ever text.
"""
import html
import re
from dataclasses import dataclass
from datetime import date

from rutte_race import cite, export, views
from rutte_race.counts import Counts, of_dataset
from rutte_race import pdf_layout as layout
from rutte_race.chart_registry import ViewChart, map_date, view_charts
from rutte_race.filters import bounds_of, describe_filters, quotes_in_view
from rutte_race.formatting import date_label, day_text, source_label
from rutte_race.load import Dataset
from rutte_race.view_state import Bounds, ViewState

TITLE = "Rutte's race to lead NATO"


def intro(counts: Counts) -> str:
    return ("The view you were looking at, as a story: the four charts for your filters, each with what it shows, "
            f"the quotes that match, and the {counts.news_articles} everything comes from.")


def sources_intro(counts: Counts) -> str:
    return f"Everything in this story comes from these {counts.news_articles}."


@dataclass(frozen=True)
class Quote:
    speaker: str  # with the role, when known
    when: str
    quote: str
    source: str  # the article, and when it was published


@dataclass(frozen=True)
class Story:
    """Everything either file shows, computed once from the data and the view."""
    filters: list[str]  # one line each, in words
    summary: str  # the filters in one short line, as under every chart's title
    version: str
    charts: list[ViewChart]
    svgs: list[str | None]  # each chart drawn, or None when nothing matches the view
    quotes: list[Quote]
    sources: list[tuple[str, str]]  # (title, "outlet, published ...")
    citation: str
    counts: Counts  # of the whole dataset, for the headline and the source lines


def filters_in_words(view: ViewState, bounds: Bounds, names: dict[str, str], map_day: date) -> list[str]:
    """The active filters, one plain line each."""
    dates = f"{day_text(view.start)} to {day_text(view.end)}"
    if (view.start, view.end) == (bounds.first, bounds.last):
        dates = f"all ({dates})"
    countries = ", ".join(names.get(c, c) for c in view.countries) if view.countries else "all allies"
    speakers = ", ".join(view.speakers) if view.speakers else "everyone"
    return [f"Dates: {dates}", f"Countries: {countries}", f"Backer map as of: {day_text(map_day)}", f"Quotes by: {speakers}"]


def quote_count(quotes: list[Quote]) -> str:
    if not quotes:
        return "No quote matches this view."
    return f"{len(quotes)} {'quote matches' if len(quotes) == 1 else 'quotes match'} this view, word for word as the articles print them."


def build(ds: Dataset, view: ViewState, retrieved: date | None = None, address: str = "") -> Story:
    """The story of `view`; `retrieved` (default today) and the app's `address` go into the citation."""
    bounds, names = bounds_of(ds), dict(zip(ds.members["iso3"], ds.members["name"]))
    last_change = views.stance_changes(ds)["date"].max()
    charts = view_charts(ds, view)
    quotes = quotes_in_view(views.quotes(ds), ds.events, view)
    return Story(
        filters=filters_in_words(view, bounds, names, map_date(view, last_change.date())),
        summary=describe_filters(view, bounds, names),
        version=ds.version,
        charts=charts,
        svgs=[chart_svg(item) for item in charts],
        quotes=[Quote(q["actor"] + (f", {q['actor_role']}" if q["actor_role"] else ""), date_label(q["date"], str(q["date_precision"])), q["quote"],
                      f"{source_label(q['title'], q['outlet'])}, published {date_label(q['article_published'], q['article_published_precision'])}")
                for _, q in quotes.iterrows()],
        sources=[(a["title"], f"{a['outlet']}, published {date_label(a['published'], str(a['published_precision']))}")
                 for _, a in ds.articles.iterrows()],
        citation=cite.citation(ds.version, retrieved or date.today(), address, articles=len(ds.articles)),
        counts=of_dataset(ds),
    )


def source_line(item: ViewChart, story: Story) -> str:
    """The lines every chart export carries under its description (corrections, source and version), as one line."""
    return " ".join(export.footer("", story.version, item.corrections_notice, articles=story.counts.articles).split("\n"))


def chart_svg(item: ViewChart) -> str | None:
    """The chart as SVG (vl-convert, from its on-screen spec), or None when nothing matches the view. Its ids
    get the chart's name, since the HTML page holds all four SVGs in one document."""
    if item.chart is None:
        return None
    spec = export.fixed_width(item.chart.to_dict(validate=False))
    spec["config"] = {**spec.get("config", {}), "background": "white"}
    svg = layout.NOT_XML.sub("", export.render(spec, "svg").decode("utf-8"))

    def tidied(tag: re.Match) -> str:
        # No ARIA inside: the page names the whole SVG and describes it in words beside it.
        tag = re.sub(r'\s(?:role|aria-[a-z]+)="[^"]*"', "", tag.group(0))
        return re.sub(r'(\bid="|url\(#|href="#)', rf"\g<1>{item.slug}-", tag)
    return re.sub(r"<[^>]+>", tidied, svg)  # tags only: text drawn from the data may hold the same words


# ---- PDF: a cover, a page per chart, then the quotes and sources, laid out by pdf_layout --------------------

def pdf_pages(story: Story) -> list[list[layout.Block]]:
    """The cover with the first chart, a page for each other chart, then the quotes, the sources and how to cite."""
    header = layout.text_block([("meta", f"{TITLE} · {story.summary} · data {story.version}")])
    cover = layout.text_block([
        ("kicker", TITLE.upper()), ("headline", story.counts.headline), ("body", intro(story.counts)),
        ("heading", "Your view"), *[("body", line) for line in story.filters], ("body", f"Data version: {story.version}"),
    ])
    pages = []
    for number, (item, svg) in enumerate(zip(story.charts, story.svgs)):
        top = cover if number == 0 else header
        if svg is None:
            pages.append([top, layout.text_block([("heading", item.title), ("body", item.description)])])
        else:
            pages.append([top, layout.chart_block(svg), layout.text_block([("body", item.description), ("meta", source_line(item, story))])])

    quotes = [("heading", "What they said"), ("body", quote_count(story.quotes))]
    cards = [[("rule", ""), ("speaker", q.speaker), ("quote", f"“{q.quote}”"), ("meta", f"{q.when} · {q.source}")] for q in story.quotes]
    sources = [[("heading", "Sources"), ("body", sources_intro(story.counts))],
               *[[("speaker", title), ("meta", where)] for title, where in story.sources],
               [("heading", "How to cite"), ("body", story.citation)]]
    room = layout.PAGE_HEIGHT - 2 * layout.MARGIN - header[1] - layout.GAP
    pages += [[header, layout.text_block(page)] for page in layout.paginate([quotes, *cards, *sources], room)]
    return pages


def pdf(story: Story) -> bytes:
    """The story as one PDF, a page per page of pdf_pages."""
    return layout.document([layout.page(blocks) for blocks in pdf_pages(story)],
                           title=f"{TITLE}: {story.counts.headline}", subject=f"{story.summary}; data {story.version}")


# ---- HTML: one page, charts as inline SVG, every text from the data escaped ------------------------------

STYLESHEET = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 860px; margin: 2rem auto; padding: 0 1rem;
       color: #111; line-height: 1.5; }
.kicker { color: #0072B2; font-weight: bold; text-transform: uppercase; letter-spacing: .04em; margin: 0; }
h1 { font-size: 2rem; line-height: 1.2; margin: .25rem 0 1rem; }
figure { margin: 0 0 1rem; overflow-x: auto; }
svg { display: block; width: 100%; min-width: 36rem; height: auto; }  /* on a phone a chart scrolls inside its figure, still legible */
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
figcaption, .meta { color: #555; }
blockquote { margin: 0 0 1rem; padding: .75rem 1rem; border-left: 4px solid #0072B2; background: #f3f5f8; }
blockquote p { margin: .25rem 0; }
section { margin-bottom: 2.5rem; }
"""


def figure(item: ViewChart, svg: str | None, story: Story) -> str:
    """A chart's section: its SVG inline (named for screen readers by its title) and its description under it."""
    e = html.escape
    if svg is None:
        return f"<section><h2>{e(item.title)}</h2><p>{e(item.description)}</p></section>"
    labelled = svg.replace("<svg ", f'<svg role="img" aria-label="{e(item.title)}" ', 1)
    # The chart draws its own title; the heading is there for screen readers to move between charts.
    return (f'<section><h2 class="visually-hidden">{e(item.title)}</h2><figure tabindex="0">{labelled}<figcaption>{e(item.description)}<br>'
            f'<span class="meta">{e(source_line(item, story))}</span></figcaption></figure></section>')


def html_page(story: Story) -> str:
    """The story as one offline HTML page: no script, no request, readable on a phone."""
    e = html.escape
    filters = "".join(f"<li>{e(line)}</li>" for line in story.filters)
    charts = "\n".join(figure(item, svg, story) for item, svg in zip(story.charts, story.svgs))
    quotes = "\n".join(f"<blockquote><p><strong>{e(q.speaker)}</strong></p><p>“{e(q.quote)}”</p>"
                       f'<p class="meta">{e(q.when)} · {e(q.source)}</p></blockquote>' for q in story.quotes)
    sources = "".join(f"<li><cite>{e(title)}</cite>, {e(where)}</li>" for title, where in story.sources)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(TITLE)}: {e(story.counts.headline)}</title>
<style>{STYLESHEET}</style>
</head>
<body>
<main>
<p class="kicker">{e(TITLE)}</p>
<h1>{e(story.counts.headline)}</h1>
<p>{e(intro(story.counts))}</p>
<section><h2>Your view</h2><ul>{filters}</ul><p>Data version: {e(story.version)}</p></section>
{charts}
<section><h2>What they said</h2><p>{e(quote_count(story.quotes))}</p>
{quotes}</section>
<section><h2>Sources</h2><p>{e(sources_intro(story.counts))}</p><ol>{sources}</ol></section>
<section><h2>How to cite</h2><p>{e(story.citation)}</p></section>
</main>
</body>
</html>
"""


def story_pdf(ds: Dataset, view: ViewState, retrieved: date | None = None) -> bytes:
    """The view as a PDF story."""
    return pdf(build(ds, view, retrieved))


def story_html(ds: Dataset, view: ViewState, retrieved: date | None = None) -> bytes:
    """The view as one offline HTML page."""
    return html_page(build(ds, view, retrieved)).encode("utf-8")


def file_name(view: ViewState, version: str, ext: str) -> str:
    """'rutte-story-2024-01-01-to-2024-06-30-hun-data-1-1-0-7414629b.pdf'."""
    return export.file_name("story", view.start.isoformat(), "to", view.end.isoformat(), *view.countries, "data", version, ext=ext)
