"""Words for dates and sources, shared by charts, tables and cards."""

import pandas as pd

PRECISION_WORDS = {"day": "", "week": "week only", "month": "month only", "year": "year only", "approx": "approximate"}


def date_label(day: pd.Timestamp, precision: str) -> str:
    """A date written no more precisely than it is known: '22 Feb 2024', 'week of 17 Jun 2024', 'Oct 2023', '2023',
    'c. 19 Jan 2024'."""
    if pd.isna(day):
        return ""
    if precision == "week":
        return f"week of {day.day} {day:%b %Y}"
    if precision == "month":
        return f"{day:%b %Y}"
    if precision == "year":
        return f"{day:%Y}"
    prefix = "c. " if precision == "approx" else ""
    return f"{prefix}{day.day} {day:%b %Y}"


def date_labels(frame: pd.DataFrame, date_column: str = "date", precision_column: str = "date_precision") -> pd.Series:
    return pd.Series(
        [date_label(d, str(p)) for d, p in zip(frame[date_column], frame[precision_column])],
        index=frame.index,
        dtype=object,
    )


def source_label(title: str, outlet: str) -> str:
    return f"{title} ({outlet})"


def day_text(day) -> str:
    """A plain day for prose and file names' companions: '26 June 2024'."""
    day = pd.Timestamp(day)
    return f"{day.day} {day:%B %Y}"
