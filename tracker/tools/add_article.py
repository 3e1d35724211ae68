"""The editor's command for a new source article: saves its text in seeds/, adds its articles.csv row, and drafts one
events.csv row per quotation in it, with the quote and its sentence copied verbatim.

    python -m tracker.tools.add_article ARTICLE.txt --outlet "Reuters" --published 2024-06-20 [--precision day]
        [--title ...] [--author ...] [--id slug]

It never decides what only the editor can: the drafts have no date, kind, stance or summary, and the article row
no summary or date basis, so `python -m tracker.checks.check` lists each as missing until the editor fills it in. The
seed's name is the next free three-digit number and the first 16 hex digits of the SHA-256 of the text's bytes.
It raises the data package's minor version (1.1.0 -> 1.2.0). Every file is written atomically; nothing is written
when the text or a value is refused.
"""

import argparse
import csv
import hashlib
import io
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tracker.checks.rule_checks import parse_date
from tracker.data import package_text
from tracker.data.files import write_atomic
from tracker.data.paths import DATA_DIR, SEEDS_DIR, seeds_for
from tracker.data.quotations import Quotation, quotations

PRECISIONS = ("day", "week", "month", "year", "approx", "by_month")
SEED_NAME = re.compile(r"^(\d{3})_[0-9a-f]{16}\.txt$")


class Refused(Exception):
    """The article cannot be added as given; the message says why and what to do."""


@dataclass(frozen=True)
class Added:
    seed: Path
    article_id: str
    drafts: list[tuple[str, Quotation]]  # (event_id, the quotation it drafts)
    version: str  # the data package's new version


def next_minor(version: str) -> str:
    """'1.1.0' -> '1.2.0': a new article adds data without changing what is there."""
    major, minor, _ = (int(part) for part in version.split("."))
    return f"{major}.{minor + 1}.0"


def seed_name(text: bytes, seeds_dir: Path) -> str:
    """'005_1f3a…(16 hex).txt': the next number after the highest in seeds/, then the start of the text's SHA-256."""
    numbers = [int(m.group(1)) for p in seeds_dir.glob("*.txt") if (m := SEED_NAME.match(p.name))]
    return f"{max(numbers, default=-1) + 1:03d}_{hashlib.sha256(text).hexdigest()[:16]}.txt"


def slug(text: str, words: int = 5) -> str:
    """'Hungary, Slovakia back Rutte' -> 'hungary-slovakia-back-rutte'."""
    ascii_words = re.sub(r"[^a-z0-9]+", " ", text.lower().encode("ascii", "ignore").decode()).split()
    return "-".join(ascii_words[:words])


def read_rows(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def with_rows(path: Path, header: list[str], rows: list[dict]) -> bytes:
    """The file's bytes with `rows` appended, every existing byte kept (a missing final newline is added)."""
    text = path.read_text(encoding="utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    out = io.StringIO()
    csv.DictWriter(out, header, lineterminator="\n").writerows([{k: row.get(k, "") for k in header} for row in rows])
    return (text + out.getvalue()).encode("utf-8")


def add_article(
    source: Path,
    outlet: str,
    published: str,
    precision: str = "day",
    title: str = "",
    author: str = "",
    article_id: str = "",
    data_dir: Path = DATA_DIR,
    seeds_dir: Path = SEEDS_DIR,
) -> Added:
    """Copies `source` into seeds/, adds its article row and one draft row per quotation; see the module's doc."""
    raw = source.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise Refused(
            f"{source} is not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start}); save it as UTF-8"
        ) from None
    if parse_date(published) is None:
        raise Refused(f"--published {published!r} is not a date in the form YYYY-MM-DD")
    if parse_date(published) > date.today():
        raise Refused(f"--published {published} is in the future")
    if precision not in PRECISIONS:
        raise Refused(f"--precision {precision!r} is not one of: {', '.join(PRECISIONS)}")
    for existing in seeds_dir.glob("*.txt"):
        if existing.read_bytes() == raw:
            raise Refused(f"this text is already in seeds/ as {existing.name}")

    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    title = title or first_line
    article_id = article_id or slug(title)
    articles_header, articles = read_rows(data_dir / "articles.csv")
    events_header, events = read_rows(data_dir / "events.csv")
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", article_id):
        raise Refused(f"article id {article_id!r} must be lower-case words joined by hyphens; give one with --id")
    if article_id in {a["article_id"] for a in articles}:
        raise Refused(f"articles.csv already has an article {article_id!r}; give another with --id")

    seed = seed_name(raw, seeds_dir)
    article = {
        "article_id": article_id,
        "seed_file": seed,
        "title": title,
        "outlet": outlet,
        "cited_as": outlet,  # how readers see it named, with its date; the editor may shorten it
        "author": author or "Not named",
        "published": published,
        "published_precision": precision,
    }  # published_basis and summary: the editor's
    taken = {e["event_id"] for e in events}
    drafts, rows = [], []
    for number, found in enumerate(quotations(text), 1):
        event_id = f"{article_id}-quote-{number}"
        while event_id in taken:
            event_id += "-new"
        taken.add(event_id)
        drafts.append((event_id, found))
        rows.append(
            {
                "event_id": event_id,
                "actor": found.speaker,
                "quote": found.quote,
                "article_id": article_id,
                "evidence": found.sentence,
            }
        )  # date, precision, basis, kind, stance, summary: the editor's

    package = package_text.read_package(data_dir)
    package["version"] = next_minor(package["version"])
    write_atomic(seeds_dir / seed, raw)
    write_atomic(data_dir / "articles.csv", with_rows(data_dir / "articles.csv", articles_header, [article]))
    write_atomic(data_dir / "events.csv", with_rows(data_dir / "events.csv", events_header, rows))
    write_atomic(data_dir / "datapackage.json", package_text.descriptor_text(package).encode("utf-8"))
    return Added(seeds_dir / seed, article_id, drafts, package["version"])


def report(added: Added) -> str:
    lines = [
        f"saved the text as {added.seed}",
        f"added article {added.article_id!r} to articles.csv "
        "(still to fill in: published_basis, summary; check title and author)",
        f"raised the data package's version to {added.version}",
    ]
    if added.drafts:
        lines.append(f"drafted {len(added.drafts)} quote row(s) at the end of events.csv, quote and evidence verbatim:")
    for event_id, q in added.drafts:
        who = q.speaker or (
            f"unnamed ({q.attribution!r}): name the speaker"
            if q.attribution
            else "no attribution found: name the speaker"
        )
        quote = q.quote if len(q.quote) <= 70 else q.quote[:70] + "…"
        lines.append(f"  {event_id} (text line {q.line}): “{quote}” — {who}")
    lines += [
        "Each draft still needs date, date_precision, date_basis, kind (and stance for a stance kind) and summary;",
        "delete a draft that is not a quotation worth a row. Add the article's other claims (stances, events),",
        f"its 'added' line in corrections.csv (data version {added.version}), then run: python -m tracker.checks.check",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description="Add a source article: its text to seeds/, its row to articles.csv, "
        "a draft row per quotation to events.csv."
    )
    parser.add_argument("file", type=Path, help="the article's text, UTF-8, exactly as published")
    parser.add_argument("--outlet", required=True, help="the publisher, as far as the text tells")
    parser.add_argument("--published", required=True, help="publication date, YYYY-MM-DD (best estimate)")
    parser.add_argument(
        "--precision", default="day", choices=PRECISIONS, help="how precise --published is (default: day)"
    )
    parser.add_argument("--title", default="", help="the headline (default: the text's first line)")
    parser.add_argument("--author", default="", help="the byline (default: 'Not named')")
    parser.add_argument(
        "--id", default="", dest="article_id", help="article_id, lower-case-with-hyphens (default: from the title)"
    )
    parser.add_argument(
        "--data", type=Path, default=DATA_DIR, help="the race's data folder (default: the race in data/)"
    )
    parser.add_argument(
        "--seeds", type=Path, default=None, help="the race's seeds folder (default: seeds/<race>/ beside data/<race>/)"
    )
    args = parser.parse_args(argv)
    try:
        added = add_article(
            args.file,
            args.outlet,
            args.published,
            args.precision,
            args.title,
            args.author,
            args.article_id,
            args.data,
            args.seeds or seeds_for(args.data),
        )
    except (Refused, OSError) as err:
        print(f"not added: {err}", file=sys.stderr)
        return 1
    print(report(added))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
