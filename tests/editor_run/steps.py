"""The edits an editor makes by hand after `add_article`, following docs/DATA.md, for the invented article beside
this file (romania-backs-rutte.txt: not a real article; it exists only to test the editor's workflow).

Each step edits the CSVs as a spreadsheet would: whole rows, in the file's own column order.
"""

import csv
from pathlib import Path

ARTICLE = Path(__file__).with_name("romania-backs-rutte.txt")
ARTICLE_ID = "romania-backs-rutte"
PUBLISHED = "2024-06-20"  # a Thursday
STATED = "Stated: 'on Thursday' in an article the publisher dates Thursday 20 June 2024."
ROMANIA_QUOTE = "Romania will support Mark Rutte as the next NATO Secretary General"
HUNGARY_EVIDENCE = (
    "Earlier this week, Hungarian Prime Minister Viktor Orbán dropped his objections to Rutte after receiving "
    "written assurances that Hungary would not have to take part in NATO's support for Ukraine."
)
NEW_ROWS = 4  # two finished quote drafts, Hungary's backing, Iohannis's withdrawal


def _rewrite(path: Path, change, extra: list[dict] = ()) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header, rows = reader.fieldnames, list(reader)
    rows = [change(dict(row)) for row in rows] + list(extra)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: row.get(k, "") for k in header} for row in rows)


def finish_the_article_row(data: Path) -> None:
    def change(row):
        if row["article_id"] == ARTICLE_ID:
            row["published_basis"] = (
                "Given by the publisher: the page is dated 20 June 2024; the text's 'on Thursday' agrees."
            )
            row["summary"] = (
                "Romania backs Rutte once Iohannis withdraws; earlier in the week "
                "Hungary's Orbán dropped his objections."
            )
        return row

    _rewrite(data / "articles.csv", change)


def finish_the_drafts_and_add_claims(data: Path) -> None:
    """The two quote drafts dated and classified (one is Romania's backing), Hungary's backing known to the week,
    and Iohannis's withdrawal linked by fact_id to the row that already reports it."""

    def change(row):
        if row["event_id"] == f"{ARTICLE_ID}-quote-1":
            row.update(
                event_id="romania-backs-rutte",
                date=PUBLISHED,
                date_precision="day",
                date_basis=STATED,
                kind="endorsement",
                actor="Supreme Council of National Defence (Romania)",
                actor_role="Supreme Council of National Defence",
                country_iso3="ROU",
                candidate="rutte",
                stance="backs",
                stance_report="stated",
                summary="Romania's defence council says Romania will support Rutte.",
            )
        elif row["event_id"] == f"{ARTICLE_ID}-quote-2":
            row.update(
                event_id="analyst-race-over",
                date=PUBLISHED,
                date_precision="approx",
                kind="statement",
                date_basis="No later than 20 June 2024: reported as said when the article was published.",
                actor_role="Defence analyst",
                summary="An analyst in Bucharest says the race is over.",
            )
        elif row["event_id"] == "iohannis-withdraws":
            row["fact_id"] = "iohannis-withdrawal"
        return row

    hungary = {
        "event_id": "hungary-backs-june",
        "date": "2024-06-17",
        "date_precision": "week",
        "date_basis": "'Earlier this week' in an article dated Thursday 20 June 2024: the week of 17 June 2024.",
        "kind": "endorsement",
        "actor": "Viktor Orbán",
        "actor_role": "Prime Minister of Hungary",
        "country_iso3": "HUN",
        "candidate": "rutte",
        "stance": "backs",
        "stance_report": "stated",
        "article_id": ARTICLE_ID,
        "evidence": HUNGARY_EVIDENCE,
        "summary": "Hungary's Orbán drops his objections to Rutte after written assurances on Ukraine.",
    }
    iohannis = {
        "event_id": "iohannis-withdraws-romania",
        "date": PUBLISHED,
        "date_precision": "day",
        "date_basis": STATED,
        "kind": "withdrawal",
        "actor": "Klaus Iohannis",
        "actor_role": "President of Romania",
        "country_iso3": "ROU",
        "candidate": "iohannis",
        "summary": "Iohannis withdraws his candidacy.",
        "article_id": ARTICLE_ID,
        "evidence": "Romania will support outgoing Dutch Prime Minister Mark Rutte to become NATO's next "
        "Secretary General, "
        "the country's Supreme Council of National Defence said on Thursday, after President Klaus Iohannis "
        "withdrew his own candidacy.",
        "fact_id": "iohannis-withdrawal",
    }
    _rewrite(data / "events.csv", change, [hungary, iohannis])


def log_the_addition(data: Path, version: str) -> None:
    added = {
        "correction_id": "romania-backs-added",
        "date": "2026-12-01",
        "data_version": version,
        "kind": "data_change",
        "event_id": "romania-backs-rutte",
        "field": "event_id",
        "before": "",
        "after": "romania-backs-rutte",
        "reason": "Added: a new article (Romania backs Rutte, 20 June 2024) and its four rows.",
    }
    linked = {
        "correction_id": "iohannis-withdrawal-linked",
        "date": "2026-12-01",
        "data_version": version,
        "kind": "data_change",
        "event_id": "iohannis-withdraws",
        "field": "fact_id",
        "before": "",
        "after": "iohannis-withdrawal",
        "reason": "A new article reports the same withdrawal; linking the rows counts both reports.",
    }
    _rewrite(data / "corrections.csv", lambda row: row, [added, linked])
