"""Writes every part of the docs and the data package that is generated from the data, so none can fall behind it.

`python -m tracker.tools.data_docs` rewrites, from data/: the texts of `datapackage.json` that speak of counts
(package_text), and the generated blocks of docs/DATA.md and README.md, which cogapp runs (each block is the
Python in a `cog` comment, its output up to the `end` comment). `--check` changes nothing and exits 1 when any
of them is stale, naming it. A test runs the check on the real data.
"""

import argparse
import csv
import sys
from pathlib import Path

import pandas as pd
from cogapp import Cog

from tracker.data import copy_files, package_text
from tracker.data.counts import counted, number_word, of_files
from tracker.data.files import write_atomic
from tracker.data.formatting import date_label
from tracker.data.paths import project_race_dir

DEFAULT_DATA = project_race_dir()  # the project's own race, not TRACKER_DATA_DIR: the docs describe what ships


def docs_of(data_dir: Path) -> tuple[Path, ...]:
    """The generated docs of the project that holds `data_dir` (its data/<race>/): its docs/DATA.md and README.md."""
    root = Path(data_dir).resolve().parent.parent
    return root / "docs" / "DATA.md", root / "README.md"


def _rows(data_dir: Path, file: str) -> list[dict]:
    with (Path(data_dir) / file).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


# ---- What the cog blocks print -----------------------------------------------------------------


def sources_sentence(data_dir: Path) -> str:
    """The README's one sentence about the sources."""
    return (
        f"Its only sources are {of_files(data_dir).news_articles} in `seeds/{Path(data_dir).name}/`; every mark, row "
        "and card leads back to the sentence of the article it comes from."
    )


def file_table(data_dir: Path) -> str:
    """What each file holds, with its row count."""
    events = _rows(data_dir, "events.csv")
    quotes = sum(1 for e in events if e["quote"])
    race = f"data/{Path(data_dir).name}"
    rows = [
        (f"{race}/articles.csv", f"seed article ({len(_rows(data_dir, 'articles.csv'))})"),
        (
            f"{race}/events.csv",
            "sourced claim or event: stances, milestones, candidates, quotes, context "
            f"({len(events)}, of which {quotes} quotes)",
        ),
        (
            f"{race}/candidates.csv",
            f"person named as a possible or actual candidate ({len(_rows(data_dir, 'candidates.csv'))})",
        ),
        (
            f"{race}/corrections.csv",
            "an error of an article, or a change to the data with its version and reason "
            f"({len(_rows(data_dir, 'corrections.csv'))})",
        ),
        (f"{race}/members.csv", f"member ({len(_rows(data_dir, 'members.csv'))}), with its accession date"),
        (
            f"{race}/countries.csv",
            f"ISO 3166 country ({len(_rows(data_dir, 'countries.csv'))}), generated from `pycountry` by "
            "`python -m tracker.tools.build_countries`",
        ),
        (
            f"{race}/countries-110m.json",
            "map shapes: `world-atlas` 2.0.2 (npm, Natural Earth, public domain; ISC licence in "
            f"`{race}/licences/`), unchanged",
        ),
    ]
    return "| File | One row per |\n|---|---|\n" + "\n".join(f"| `{path}` | {what} |" for path, what in rows)


def article_dates(data_dir: Path) -> str:
    """Each article's date at its precision and how it is known, in publication order."""
    articles = sorted(_rows(data_dir, "articles.csv"), key=lambda a: a["published"])
    undated = sum(1 for a in articles if a["published_basis"].startswith("Not stated"))
    one = undated == 1
    lines = [
        f"Of the {counted(len(articles), 'article')}, {number_word(undated)} {'gives' if one else 'give'} "
        "no publication "
        f'date in {"its" if one else "their"} text (the basis starts "Not stated") and {"was" if one else "were"} '
        "dated from the clues named:",
        "",
        "| Article | Date | How |",
        "|---|---|---|",
    ]
    for a in articles:
        when = date_label(pd.Timestamp(a["published"]), a["published_precision"])
        lines.append(f"| `{a['article_id']}` | {when} | {_cell(a['published_basis'])} |")
    return "\n".join(lines)


def note_counts(data_dir: Path) -> str:
    """How many rows carry each kind of fact-check note."""
    events = _rows(data_dir, "events.csv")
    count = {kind: sum(1 for e in events if e["note_type"] == kind) for kind in ("correction", "conflict", "caution")}
    return (
        f"Today {counted(count['correction'], 'row')} {'carries' if count['correction'] == 1 else 'carry'} "
        "a `correction`, "
        f"{counted(count['conflict'], 'row')} a `conflict` and {counted(count['caution'], 'row')} a `caution`."
    )


def column_reference(data_dir: Path) -> str:
    """One table per file: column, type, rule (required, unique, allowed values, pattern), meaning."""
    package = package_text.read_package(data_dir)
    parts = []
    for resource in package["resources"]:
        parts.append(f"### `{resource['path']}`\n")
        if resource.get("description"):
            parts.append(resource["description"] + "\n")
        if "schema" not in resource:
            continue
        keys = resource["schema"].get("primaryKey")
        parts.append("| Column | Type | Rule | Meaning |\n|---|---|---|---|")
        for field in resource["schema"]["fields"]:
            c = field.get("constraints", {})
            rule = [word for word, on in (("required", c.get("required")), ("unique", c.get("unique"))) if on]
            if field["name"] == keys or (isinstance(keys, list) and field["name"] in keys):
                rule.append("primary key")
            if "enum" in c:
                rule.append("one of " + ", ".join(f"`{v}`" for v in c["enum"]))
            if "pattern" in c:
                rule.append(f"matches `{c['pattern']}`")
            parts.append(
                f"| `{field['name']}` | {field['type']} | {_cell('; '.join(rule))} "
                f"| {_cell(field.get('description', ''))} |"
            )
        for fk in resource["schema"].get("foreignKeys", []):
            ref = fk["reference"]
            parts.append(f"\nForeign key: `{fk['fields'][0]}` → `{ref['resource']}.{ref['fields'][0]}`.")
        parts.append("")
    return "\n".join(parts).strip()


# ---- Running cog and the descriptor ------------------------------------------------------------


def generated(doc: Path, data_dir: Path) -> str:
    """The doc with every cog block's output written from `data_dir`."""
    cog = Cog()
    cog.options.defines = {"data_dir": str(data_dir)}
    return cog.process_string(doc.read_text(encoding="utf-8"), fname=str(doc))


def stale(data_dir: Path = DEFAULT_DATA) -> dict[Path, str]:
    """Every generated file of the project holding `data_dir` that is out of step with it, and what it should hold."""
    out = {}
    descriptor = data_dir / "datapackage.json"
    package = package_text.read_package(data_dir)
    counted = package_text.with_counted_texts(package, of_files(data_dir), copy_files.read(data_dir))
    fresh = package_text.descriptor_text(counted)
    if fresh != descriptor.read_text(encoding="utf-8"):
        out[descriptor] = fresh
    for doc in docs_of(data_dir):
        text = generated(doc, data_dir)
        if text != doc.read_text(encoding="utf-8"):
            out[doc] = text
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description="Rewrite the parts of the docs and datapackage.json generated from the data."
    )
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 naming every stale file")
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help="the race's data folder (default: the race in data/); the docs rewritten are the project's",
    )
    args = parser.parse_args(argv)
    outdated = stale(args.data)
    for path, text in outdated.items():
        if args.check:
            print(f"{path} is out of step with {args.data}: run python -m tracker.tools.data_docs")
        else:
            write_atomic(path, text.encode("utf-8"))
            print(f"rewrote {path}")
    if args.check and outdated:
        return 1
    print(f"generated docs and datapackage.json texts are in step with {args.data}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
