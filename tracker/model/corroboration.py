"""How sure are we: which articles report each row's fact, and where they disagree.

Rows that report the same fact share a `fact_id`; a row without one is its own fact. "Reported by" counts
the distinct articles among a fact's rows.
"""

import pandas as pd

from tracker.data.formatting import article_names

COLUMNS = ["reported_by", "reported_in", "disagreement", "how_sure"]


def _articles_phrase(n: int, total: int) -> str:
    if n == 1:
        return "Reported by 1 article only"
    return f"Reported by all {total} articles" if n == total else f"Reported by {n} of the {total} articles"


def corroborate(events: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """`events` with reported_by (how many articles report the row's fact), reported_in (their names, oldest
    first), disagreement (why the articles disagree, '' when they do not) and how_sure (one line for readers)."""
    fact = events["fact_id"].where(events["fact_id"] != "", "row:" + events["event_id"])
    published = articles.set_index("article_id")["published"]
    names = article_names(articles)
    by_fact = {}
    for key, rows in events.groupby(fact, sort=False):
        reporting = sorted(set(rows["article_id"]), key=lambda a: (published.get(a), a))
        conflicts = rows.loc[rows["note_type"] == "conflict", "note"]
        # With two or more reports, an article that gets the fact wrong is a disagreement between them.
        wrong = rows.loc[rows["note_type"] == "correction", "note"] if len(reporting) > 1 else pd.Series(dtype=str)
        by_fact[key] = (
            len(reporting),
            " · ".join(names.get(a, a) for a in reporting),
            " ".join(dict.fromkeys([*conflicts, *wrong])),
        )
    out = events.copy()
    out["reported_by"] = [by_fact[k][0] for k in fact]
    out["reported_in"] = [by_fact[k][1] for k in fact]
    out["disagreement"] = [by_fact[k][2] for k in fact]
    out["how_sure"] = [
        how_sure(n, len(articles), why, own) for (n, _, why), own in zip((by_fact[k] for k in fact), out["note_type"])
    ]
    return out


def how_sure(reported_by: int, total: int, disagreement: str, note_type) -> str:
    """'Reported by 3 of the 5 articles', with why they disagree, or that this article is corrected."""
    text = _articles_phrase(reported_by, total)
    if disagreement:
        return (
            f"{text}, which contradicts itself: {disagreement}"
            if reported_by == 1
            else f"{text}; they disagree: {disagreement}"
        )
    if note_type == "correction":
        return f"{text}, with a detail of its wording corrected from outside the articles (see the note)"
    return text
