"""The public corrections log: where an article was wrong, and every change to a row after publication."""

import pandas as pd

from tracker.checks.accuracy import outside_text
from tracker.data.formatting import article_names, date_labels, day_text
from tracker.data.schema import ARTICLE_ERROR, DATA_CHANGE, WITHDRAWAL
from tracker.data.text import quoted

WITHDRAWN = "Withdrawn: not an error of the article"  # an article_error a later line withdrew (schema.WITHDRAWAL)
KIND_LABELS = {
    ARTICLE_ERROR: "The article is wrong",
    DATA_CHANGE: "We changed the data",
    WITHDRAWAL: "We withdrew an article error",  # the line that withdraws one, with its reason
}
# Each field of an event as a reader would name it; a change to a field missing here names the field plainly.
FIELD_WORDS = {
    "date": "the date",
    "date_precision": "how exactly the date is known",
    "date_basis": "how the date was worked out",
    "kind": "the kind of event",
    "actor": "who acted",
    "actor_role": "their role",
    "country_iso3": "the country",
    "candidate": "the candidate",
    "stance": "the stance",
    "summary": "the summary",
    "quote": "the quotation",
    "evidence": "the article's sentence",
    "note": "our note",
    "note_type": "the kind of note",
    "article_id": "the article",
    "outside_fact": "the fact from outside the articles",
    "outside_source": "the source of that outside fact",
    "stance_basis": "why the stance is read as it is",
    "published": "the publication date",
    "title": "the title",
}


def _facts(events: pd.DataFrame, fact: str, event_id: str) -> str:
    """The other rows reporting `fact`, by their summaries: '“A”' or '“A” and “B”'."""
    others = [
        quoted(summary.rstrip("."))
        for summary in events.loc[(events["fact_id"] == fact) & (events["event_id"] != event_id), "summary"]
    ]
    if not others:
        return "no other row"
    return others[0] if len(others) == 1 else f"{', '.join(others[:-1])} and {others[-1]}"


def described(change: pd.Series, events: pd.DataFrame) -> str:
    """A change to one field of a row, in a reader's words rather than the field's name."""
    field, before, after = change["field"], change["before"], change["after"]
    if field == "fact_id":
        if not after:
            return (
                f"No longer counted as another report of the same fact as {_facts(events, before, change['event_id'])}."
            )
        if not before:
            return f"Now counted as a report of the same fact as {_facts(events, after, change['event_id'])}."
        return (
            f"Now counted with {_facts(events, after, change['event_id'])}, "
            f"no longer with {_facts(events, before, change['event_id'])}."
        )
    what = FIELD_WORDS.get(field, field.replace("_", " "))
    was = f"“{before}”" if before else "nothing"
    now = f"“{after}”" if after else "nothing"
    full_stop = "" if now.endswith((".”", "?”", "!”")) else "."  # a quoted sentence already ends this one
    return f"{what[0].upper()}{what[1:]} changed from {was} to {now}{full_stop}"


def log(corrections: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per correction, newest first, in readers' words: when, in which data version, what, and why."""
    shown = events[
        [
            "event_id",
            "date",
            "date_precision",
            "summary",
            "evidence",
            "article_id",
            "note",
            "note_type",
            "outside_fact",
            "outside_source",
        ]
    ]
    rows = corrections.rename(columns={"date": "corrected", "article_id": "changed_article"}).merge(
        shown, on="event_id", how="left"
    )
    # A change to an article's own row (articles.csv) names the article, not an event.
    on_article = rows["changed_article"].fillna("") != ""
    rows["article_id"] = rows["article_id"].where(~on_article, rows["changed_article"])
    rows["summary"] = rows["summary"].where(~on_article, "The article's description in articles.csv")
    rows[["evidence", "note", "outside_fact", "outside_source"]] = rows[
        ["evidence", "note", "outside_fact", "outside_source"]
    ].fillna("")
    names = article_names(articles)
    error = rows["kind"] == ARTICLE_ERROR
    changed = pd.Series(
        [described(row, events) if row["kind"] == DATA_CHANGE else "" for _, row in rows.iterrows()],
        index=rows.index,
    )
    return (
        pd.DataFrame(
            {
                "Corrected on": [day_text(d) for d in rows["corrected"]],
                "Data version": rows["data_version"],
                "Kind": rows["kind"]
                .astype(str)
                .map(KIND_LABELS)
                .where(~error | (rows["note_type"] == "correction"), WITHDRAWN),
                "Event": rows["summary"],
                "Event date": date_labels(rows),
                "Article": rows["article_id"].map(names),
                "Article says": rows["evidence"],
                "Correction": rows["note"].where(error, changed),
                "Outside": [outside_text(f, s) for f, s in zip(rows["outside_fact"], rows["outside_source"])],
                "Why": rows["reason"].where(
                    ~error,
                    "The article is contradicted by a fact from outside the articles, with its source named, or by "
                    "another article.",
                ),
                "event_id": rows["event_id"],
                "_date": rows["corrected"],
            }
        )
        .sort_values("_date", ascending=False, kind="stable")
        .drop(columns="_date")
        .reset_index(drop=True)
    )


def article_errors(log_rows: pd.DataFrame) -> pd.DataFrame:
    """The articles' own errors in `log` (withdrawn ones left out), in the order of the events they touch."""
    return log_rows[log_rows["Kind"] == KIND_LABELS[ARTICLE_ERROR]]


def by_reason(changes: pd.DataFrame) -> list[list[pd.DataFrame]]:
    """The data changes of `log` (newest first) for each data version and reason, as a fact-check pass changes many
    rows for one reason; each reason's changes split by the row they changed. Newest version first, then the
    reasons that changed the most rows."""
    newest_first = {version: rank for rank, version in enumerate(dict.fromkeys(changes["Data version"]))}
    reasons = [
        [by_row for _, by_row in rows.groupby(["Event", "Event date", "Article"], sort=False, dropna=False)]
        for _, rows in changes.groupby(["Data version", "Corrected on", "Why"], sort=False)
    ]
    return sorted(reasons, key=lambda rows: (newest_first[rows[0]["Data version"].iloc[0]], -len(rows)))


def after_publication(corrections: pd.DataFrame, published: pd.Timestamp | None) -> pd.DataFrame:
    """The data changes made on or after the day the story was published: the corrections readers are owed. Before
    it (or while it is unpublished), a change is the fact-check's, told on the method page."""
    changes = corrections[corrections["kind"] == DATA_CHANGE]
    return changes.iloc[0:0] if published is None else changes[changes["date"] >= published]


def chart_notice(corrections: pd.DataFrame, published: pd.Timestamp | None, event_ids) -> str:
    """The line a chart (and its exports) carries when it draws a row corrected after publication; '' otherwise."""
    corrected = after_publication(corrections, published)
    count = corrected.loc[corrected["event_id"].isin(set(event_ids)), "event_id"].nunique()
    if not count:
        return ""
    rows = "1 row" if count == 1 else f"{count} rows"
    return f"Corrected since publication: {rows} drawn here; the Corrections page says what and when."


def fact_check(ds) -> str:
    """What the fact-check before publication checked, for the method page (Markdown), from the data. It says what
    was checked and where the record is, not how many changes the checking led to (editor round 32: '556 changes'
    beside 'Corrections since publication: none' read as two answers to one question)."""
    return (
        f"Before publication we checked every row against its article: {len(ds.events)} claims, "
        f"{len(ds.articles)} articles and {len(ds.candidates)} candidates. A check run on every change to the data "
        "enforces the rules below: sentences and quotes word for word, each stance against its wording, dates and "
        "which way their clues bound them, linked reports of one fact, and outside facts with their sources. "
        "Fact-checkers who had not built the data then read every sentence of every article against the rows, and "
        "every row they showed wrong was put right before publication. The data package you can download below "
        "logs each of those changes with its reason."
    )
