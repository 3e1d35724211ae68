"""Static embeds: every chart of the product as offline files an editor can publish on any static host or CDN.

`python -m tracker.exports.embeds [OUT_DIR] [--base-url URL]` writes, for the story's default view, each Altair
chart as self-contained HTML (vega-embed bundled), SVG, PNG and the CSV behind it, and an index.html with a
preview and a copy-paste <iframe> snippet for each. No file needs a server or the network. The files lead back to
the app at its public address, from the TRACKER_PUBLIC_URL environment variable.
"""

import argparse
import os
import sys
from pathlib import Path

from tracker.charts.chart_registry import ViewChart, view_charts
from tracker.data.counts import counted
from tracker.data.files import write_atomic
from tracker.data.formatting import article_names
from tracker.data.paths import PROJECT_DIR
from tracker.exports import cite, export, templating
from tracker.model.load import Dataset, load
from tracker.reader.filters import bounds_of

OUT_DIR = PROJECT_DIR / "embed"
FORMATS = ("html", "svg", "png", "csv")
FRAME_MARGIN = 40  # px around the chart inside its iframe (the page's padding and vega-embed's action menu)


def story_charts(ds: Dataset) -> list[ViewChart]:
    """The charts of the default view, titled and described (from their data) as on their pages."""
    return view_charts(ds, bounds_of(ds).default())


def snippet(src: str, title: str, width: int, height: int) -> str:
    return templating.render("iframe.html.j2", src=src, title=title, width=width, height=height).strip()


def write_embeds(ds: Dataset, out: Path, base_url: str = "", address: str = "") -> list[Path]:
    """Every file of the embed folder; returns what was written. `address`: the app's public address."""
    written, cards = [], []

    def put(name: str, data: bytes) -> None:
        write_atomic(out / name, data)
        written.append(out / name)

    for item in story_charts(ds):
        footer = export.footer(
            item.description, ds.version, item.corrections_notice, articles=list(article_names(ds.articles).values())
        )
        exportable = export.Exportable(item.chart.to_dict(validate=False), f"{footer}\n{cite.address_line(address)}")
        for fmt in ("html", "svg", "png"):
            put(f"{item.slug}.{fmt}", exportable.render(fmt))
        put(f"{item.slug}.csv", export.csv_bytes(item.data, ds.version))
        width, height = (round(size) for size in export.svg_size(exportable.render("svg").decode("utf-8")))
        cards.append(
            (item, snippet(f"{base_url}{item.slug}.html", item.title, width + FRAME_MARGIN, height + FRAME_MARGIN))
        )

    put("index.html", index_page(cards, ds.race.race.title, ds.version, len(ds.articles), address).encode("utf-8"))
    return written


def index_page(cards: list[tuple[ViewChart, str]], race: str, version: str, articles: int, address: str = "") -> str:
    return templating.render(
        "embeds_index.html.j2",
        title=f"{race}: charts to embed",
        version=cite.published_version(version),
        source=counted(articles, "news article"),
        address_line=cite.address_line(address),
        formats=FORMATS,
        cards=[
            {"title": item.title, "description": item.description, "slug": item.slug, "snippet": code}
            for item, code in cards
        ],
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description="Export every chart as offline HTML, SVG and PNG, with an index of <iframe> snippets."
    )
    parser.add_argument(
        "out",
        nargs="?",
        type=Path,
        default=OUT_DIR,
        help=f"folder to write (default: {OUT_DIR.relative_to(PROJECT_DIR)}/)",
    )
    parser.add_argument(
        "--base-url",
        default="",
        help="where the folder will be published, e.g. https://cdn.example.com/race/ (for the snippets)",
    )
    args = parser.parse_args(argv)
    written = write_embeds(load(), args.out, args.base_url, cite.public_address(os.environ.get(cite.ADDRESS_SETTING)))
    print(f"wrote {len(written)} files to {args.out}; open {args.out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
