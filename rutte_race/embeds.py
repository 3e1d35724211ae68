"""Static embeds: every chart of the product as offline files an editor can publish on any static host or CDN.

`python -m rutte_race.embeds [OUT_DIR] [--base-url URL]` writes, for the story's default view, each Altair
chart as self-contained HTML (vega-embed bundled), SVG, PNG and the CSV behind it, and an index.html with a
preview and a copy-paste <iframe> snippet for each. No file needs a server or the network.

The replay map is not among them: Plotly's own bundle (plotly.js 4.1) draws its MapLibre map blank from a
standalone file, while the app's (Streamlit's bundle) draws it; the backer map embed shows the race's end.
"""
import argparse
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from rutte_race import charts, describe, export, views
from rutte_race.files import write_atomic
from rutte_race.filters import bounds_of, describe_filters, filter_events
from rutte_race.formatting import day_text
from rutte_race.load import Dataset, load
from rutte_race.paths import PROJECT_DIR

OUT_DIR = PROJECT_DIR / "embed"
FORMATS = ("html", "svg", "png", "csv")
FRAME_MARGIN = 40  # px around the chart inside its iframe (the page's padding and vega-embed's action menu)


@dataclass(frozen=True)
class Embed:
    slug: str
    title: str
    description: str
    chart: object  # an Altair chart
    data: pd.DataFrame


def story_charts(ds: Dataset) -> list[Embed]:
    """The charts of the default view, titled and described (from their data) as on their pages."""
    bounds = bounds_of(ds)
    view = bounds.default()
    names = dict(zip(ds.members["iso3"], ds.members["name"]))
    subtitle = describe_filters(view, bounds, names)
    changes = views.stance_changes(ds)
    by_date = views.backers_by_date(ds, changes)
    rows = filter_events(ds.events, view)
    frame = charts.timeline_frame(rows, ds.articles)
    last_change = changes["date"].max()
    as_of = views.map_frame(ds, last_change, changes)
    candidates = views.candidate_table(ds)
    return [
        Embed("backers-over-time", "Allies backing Rutte, of the 32 allies",
              describe.backers_until(views.map_frame(ds, view.end, changes), changes, names, view.end),
              charts.backers_over_time(by_date, view.end, "Allies backing Rutte, of the 32 allies", subtitle), by_date),
        Embed("timeline", "Every sourced event of Rutte's race",
              describe.timeline(rows),
              charts.timeline(frame, charts.milestone_frame(frame, views.milestone_labels(ds)), view.start, view.end,
                              "Every sourced event of Rutte's race", subtitle), rows.drop(columns=["date_start", "date_end"])),
        Embed("backer-map", f"Allies' stance on Rutte, {day_text(last_change)}",
              describe.stances_on(as_of, last_change),
              charts.backer_map(as_of, ds.shapes, (), f"Allies' stance on Rutte, {day_text(last_change)}", subtitle),
              as_of[["name", "status_label", "source_when", "source_summary", "source_evidence", "source_label"]]),
        Embed("candidates", "Each candidate's run, step by step",
              describe.candidates(candidates, ds.events),
              charts.candidates_chart(ds.events, candidates, "Each candidate's run, step by step", "all dates; all countries"),
              candidates.drop(columns=["last_event_date"])),
    ]


def svg_size(svg: bytes) -> tuple[int, int]:
    match = re.search(rb'<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"', svg)
    return (round(float(match.group(1))), round(float(match.group(2)))) if match else (export.EXPORT_WIDTH, 500)


def snippet(src: str, title: str, width: int, height: int) -> str:
    return (f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" width="100%" height="{height}" '
            f'style="border:0;max-width:{width}px" loading="lazy"></iframe>')


def write_embeds(ds: Dataset, out: Path, base_url: str = "") -> list[Path]:
    """Every file of the embed folder; returns what was written."""
    source = f"Source: five news articles; data {ds.version}"
    written, cards = [], []

    def put(name: str, data: bytes) -> None:
        write_atomic(out / name, data)
        written.append(out / name)

    for item in story_charts(ds):
        exportable = export.Exportable(item.chart.to_dict(validate=False), f"{item.description}\n{source}")
        for fmt in ("html", "svg", "png"):
            put(f"{item.slug}.{fmt}", exportable.render(fmt))
        put(f"{item.slug}.csv", export.csv_bytes(item.data))
        width, height = svg_size(exportable.render("svg"))
        cards.append((item, snippet(f"{base_url}{item.slug}.html", item.title, width + FRAME_MARGIN, height + FRAME_MARGIN)))

    put("index.html", index_page(cards, ds.version).encode("utf-8"))
    return written


def index_page(cards: list[tuple[Embed, str]], version: str) -> str:
    sections = []
    for item, code in cards:
        preview = f'<img src="{item.slug}.png" alt="{html.escape(item.description)}">'
        links = " · ".join(f'<a href="{item.slug}.{fmt}" download>{fmt.upper()}</a>' for fmt in FORMATS)
        sections.append(
            f"<section><h2>{html.escape(item.title)}</h2><p>{html.escape(item.description)}</p>{preview}"
            f"<p>Files: {links}</p><p>Embed it (paste into your article's HTML):</p>"
            f"<pre><code>{html.escape(code)}</code></pre></section>"
        )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rutte's race to lead NATO: charts to embed</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 860px; margin: 2rem auto; padding: 0 1rem; color: #111; }}
img {{ max-width: 100%; height: auto; border: 1px solid #ddd; }}
pre {{ background: #f3f5f8; padding: .75rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }}
section {{ margin-bottom: 3rem; }}
</style>
</head>
<body>
<h1>Rutte's race to lead NATO: charts to embed</h1>
<p>Every chart of the story as a self-contained file: no server and no network needed. Publish this folder on any
static host or CDN, then paste a snippet into an article (replace the file name with its full address there).
Data version {html.escape(version)}; source: five news articles.</p>
{"".join(sections)}
</body>
</html>
"""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Export every chart as offline HTML, SVG and PNG, with an index of <iframe> snippets.")
    parser.add_argument("out", nargs="?", type=Path, default=OUT_DIR, help=f"folder to write (default: {OUT_DIR.relative_to(PROJECT_DIR)}/)")
    parser.add_argument("--base-url", default="", help="where the folder will be published, e.g. https://cdn.example.com/rutte/ (for the snippets)")
    args = parser.parse_args(argv)
    written = write_embeds(load(), args.out, args.base_url)
    print(f"wrote {len(written)} files to {args.out}; open {args.out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
