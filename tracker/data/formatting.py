"""Words for dates, sources and countries, shared by charts, tables and cards."""

import re

import pandas as pd


def first_upper(text: str) -> str:
    """`text` with its first letter a capital and the rest as written ('appointed' → 'Appointed', 'NATO ally' stays
    'NATO ally'), where str.capitalize would lower the rest."""
    return text[:1].upper() + text[1:]


PRECISION_WORDS = {
    "day": "",
    "week": "week only",
    "month": "month only",
    "year": "year only",
    "approx": "approximate",
    "by_month": "latest month only",
}


def date_label(day: pd.Timestamp, precision: str, year: bool = True) -> str:
    """A date written no more precisely than it is known, in the house style: '22 February 2024', 'week of
    17 June 2024', 'October 2023', '2023', 'c. 19 January 2024', 'by July 2023' (no later than that month). Without
    `year` (a chart's label, under an axis that gives it): 'c. 19 January'."""
    if pd.isna(day):
        return ""
    suffix = f" {day:%Y}" if year else ""
    if precision == "week":
        return f"week of {day.day} {day:%B}{suffix}"
    if precision == "month":
        return f"{day:%B}{suffix}"
    if precision == "by_month":
        return f"by {day:%B}{suffix}"
    if precision == "year":
        return f"{day:%Y}"
    prefix = "c. " if precision == "approx" else ""
    return f"{prefix}{day.day} {day:%B}{suffix}"


def by_date(day: pd.Timestamp, precision: str) -> str:
    """A date something was reported by, hedged once: 'by 5 March 2024', 'by July 2023', 'around 4 April 2024' (not
    'by c. 4 April 2024')."""
    label = date_label(day, precision)
    if precision == "approx":
        return f"around {label.removeprefix('c. ')}"
    return label if precision == "by_month" else f"by {label}"


def date_labels(frame: pd.DataFrame, date_column: str = "date", precision_column: str = "date_precision") -> pd.Series:
    return pd.Series(
        [date_label(d, str(p)) for d, p in zip(frame[date_column], frame[precision_column])],
        index=frame.index,
        dtype=object,
    )


def article_name(cited_as: str, published: pd.Timestamp, precision: str) -> str:
    """An article as readers see it named: by outlet and date, 'EUROPolitika, c. 4 April 2024'."""
    return f"{cited_as}, {date_label(published, precision)}"


def article_names(articles: pd.DataFrame) -> dict[str, str]:
    """Each article's name for readers (article_name), by its id."""
    return {
        a: article_name(c, p, str(q))
        for a, c, p, q in zip(
            articles["article_id"], articles["cited_as"], articles["published"], articles["published_precision"]
        )
    }


def day_text(day) -> str:
    """A plain day for prose and file names' companions: '26 June 2024'."""
    day = pd.Timestamp(day)
    return f"{day.day} {day:%B %Y}"


def in_prose(country: str) -> str:
    """A country's name as a sentence uses it: 'the United States', 'the Netherlands', 'Türkiye'."""
    return (
        f"the {country}" if country.startswith("United ") or country in ("Netherlands", "Czech Republic") else country
    )


def who(actor: str, role: str) -> str:
    """'Kaja Kallas, Prime Minister of Estonia'; the actor alone when the role only repeats it ('France
    (government)', not 'France (government), Government')."""
    words = lambda text: set(re.findall(r"[a-z]{4,}", text.lower()))  # noqa: E731
    return actor if not role or words(role) & words(actor) else f"{actor}, {role}"
