"""The public corrections log: where an article was wrong, and every change to a row after publication."""
import pandas as pd

from rutte_race.formatting import date_labels, day_text

KIND_LABELS = {"article_error": "The article is wrong", "data_change": "We changed the data"}
WITHDRAWN = "Withdrawn: not an error of the article"  # an article_error a later data_change found was no error


def log(corrections: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per correction, newest first, in readers' words: when, in which data version, what, and why."""
    shown = events[["event_id", "date", "date_precision", "summary", "evidence", "article_id", "note", "note_type"]]
    rows = corrections.rename(columns={"date": "corrected", "article_id": "changed_article"}).merge(shown, on="event_id", how="left")
    # A change to an article's own row (articles.csv) names the article, not an event.
    on_article = rows["changed_article"].fillna("") != ""
    rows["article_id"] = rows["article_id"].where(~on_article, rows["changed_article"])
    rows["summary"] = rows["summary"].where(~on_article, "The article's description in articles.csv")
    rows[["evidence", "note"]] = rows[["evidence", "note"]].fillna("")
    titles = articles.set_index("article_id")["title"]
    error = rows["kind"] == "article_error"
    changed = rows["field"] + ": " + rows["before"].where(rows["before"] != "", "(empty)") + " → " + rows["after"].where(rows["after"] != "", "(empty)")
    return pd.DataFrame({
        "Corrected on": [day_text(d) for d in rows["corrected"]],
        "Data version": rows["data_version"],
        "Kind": rows["kind"].astype(str).map(KIND_LABELS).where(~error | (rows["note_type"] == "correction"), WITHDRAWN),
        "Event": rows["summary"],
        "Event date": date_labels(rows),
        "Article": rows["article_id"].map(titles),
        "Article says": rows["evidence"],
        "Correction": rows["note"].where(error, changed),
        "Why": rows["reason"].where(~error, "The article is contradicted by a fact from outside the articles, with its source named, or by another article."),
        "event_id": rows["event_id"],
        "_date": rows["corrected"],
    }).sort_values("_date", ascending=False, kind="stable").drop(columns="_date").reset_index(drop=True)


def chart_notice(corrections: pd.DataFrame, event_ids) -> str:
    """The line a chart (and its exports) carries when it draws corrected rows; '' when it draws none."""
    count = corrections.loc[corrections["event_id"].isin(set(event_ids)), "event_id"].nunique()
    if not count:
        return ""
    rows = "1 row" if count == 1 else f"{count} rows"
    return f"Corrections: {rows} drawn here {'was' if count == 1 else 'were'} corrected; the app's Corrections page says what and when."
