"""Static embeds: every chart of the product as offline files an editor can publish on any static host or CDN.

`python -m rutte_race.embeds [OUT_DIR] [--base-url URL]` writes, for the story's default view, each Altair
chart as self-contained HTML (vega-embed bundled), SVG, PNG and the CSV behind it, and an index.html with a
preview and a copy-paste <iframe> snippet for each. No file needs a server or the network.

The replay map is not among them: Plotly's own bundle (plotly.js 4.1) draws its MapLibre map blank from a
standalone file, while the app's (Streamlit's bundle) draws it; the backer map embed shows the race's end.
"""
import argparse
import html
import sys
from pathlib import Path

from rutte_race import export
from rutte_race.chart_registry import ViewChart, view_charts
from rutte_race.counts import counted
from rutte_race.files import write_atomic
from rutte_race.filters import bounds_of
from rutte_race.load import Dataset, load
from rutte_race.paths import PROJECT_DIR

OUT_DIR = PROJECT_DIR / "embed"
FORMATS = ("html", "svg", "png", "csv")
FRAME_MARGIN = 40  # px around the chart inside its iframe (the page's padding and vega-embed's action menu)


def story_charts(ds: Dataset) -> list[ViewChart]:
    """The charts of the default view, titled and described (from their data) as on their pages."""
    return view_charts(ds, bounds_of(ds).default())


def snippet(src: str, title: str, width: int, height: int) -> str:
    return (f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" width="100%" height="{height}" '
            f'style="border:0;max-width:{width}px" loading="lazy"></iframe>')


def write_embeds(ds: Dataset, out: Path, base_url: str = "") -> list[Path]:
    """Every file of the embed folder; returns what was written."""
    written, cards = [], []

    def put(name: str, data: bytes) -> None:
        write_atomic(out / name, data)
        written.append(out / name)

    for item in story_charts(ds):
        exportable = export.Exportable(item.chart.to_dict(validate=False), export.footer(item.description, ds.version, item.corrections_notice, articles=len(ds.articles)))
        for fmt in ("html", "svg", "png"):
            put(f"{item.slug}.{fmt}", exportable.render(fmt))
        put(f"{item.slug}.csv", export.csv_bytes(item.data, ds.version))
        width, height = (round(size) for size in export.svg_size(exportable.render("svg").decode("utf-8")))
        cards.append((item, snippet(f"{base_url}{item.slug}.html", item.title, width + FRAME_MARGIN, height + FRAME_MARGIN)))

    put("index.html", index_page(cards, ds.version, len(ds.articles)).encode("utf-8"))
    return written


def index_page(cards: list[tuple[ViewChart, str]], version: str, articles: int) -> str:
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
Data version {html.escape(version)}; source: {counted(articles, 'news article')}.</p>
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
