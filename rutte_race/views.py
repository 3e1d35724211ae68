"""Derived views of the dataset that the pages need: stances as of a date, backers over time, quotes, candidates."""

import bisect

import numpy as np
import pandas as pd

from rutte_race.formatting import date_label, date_labels, source_label
from rutte_race.load import Dataset, per_version

NOT_YET_MEMBER = "not_yet_member"
# Every status a map can give an ally, in legend order; the first four are the data's stance vocabulary.
STATUS_ORDER = ["backs", "reservations", "opposes", "undeclared", NOT_YET_MEMBER]
STATUS_LABELS = {
    "backs": "Backs Rutte",
    "reservations": "Reservations",
    "opposes": "Opposes",
    "undeclared": "No public stance reported",
    NOT_YET_MEMBER: "Not yet an ally",
}
SOURCE_COLUMNS = ["event_id", "date", "date_precision", "summary", "evidence", "article_id", "how_sure"]


@per_version  # shared by every view: nothing may edit it in place
def stance_changes(ds: Dataset) -> pd.DataFrame:
    """Each change in a named ally's stance toward Rutte, oldest first, sourced to the row that first reports it.

    The appointment needed all allies' consent, so from its date every ally of that day is recorded
    as backing, sourced to the appointment row (`derived` is True for those).
    """
    rows = ds.events[
        (ds.events["stance"].notna()) & (ds.events["country_iso3"] != "") & (ds.events["candidate"] == "rutte")
    ]
    stated = (
        rows[["country_iso3", "stance", *SOURCE_COLUMNS]].rename(columns={"country_iso3": "iso3"}).assign(derived=False)
    )
    consensus = []
    for _, appointment in ds.events[ds.events["kind"] == "appointment"].iterrows():
        allies = ds.members[ds.members["accession_date"] <= appointment["date"]]["iso3"]
        source = {c: appointment[c] for c in SOURCE_COLUMNS}
        consensus += [{"iso3": iso3, "stance": "backs", **source, "derived": True} for iso3 in allies]
    changes = pd.concat([stated, pd.DataFrame(consensus, columns=stated.columns)], ignore_index=True)
    changes["stance"] = pd.Categorical(changes["stance"].astype(str), categories=STATUS_ORDER[:4])
    # On the same date, the report closest to the event (earliest article) comes first.
    published = changes["article_id"].map(ds.articles.set_index("article_id")["published"])
    changes = (
        changes.assign(_published=published)
        .sort_values(["date", "derived", "_published"], kind="stable")
        .drop(columns="_published")
    )
    # Keep the row that starts each stance: a later report of the same stance is corroboration, not a change.
    previous = changes.groupby("iso3")["stance"].shift().astype(object)
    return changes[changes["stance"].astype(object) != previous].reset_index(drop=True)


@per_version  # read on every rerun of the map page
def last_stance_change(ds: Dataset):
    """The day of the last change of any ally's stance: the backer map's date unless the reader picks one."""
    return stance_changes(ds)["date"].max().date()


def stances_as_of(ds: Dataset, day: pd.Timestamp, changes: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per ally (members of any date): its status on `day` and the row that sources it."""
    day = pd.Timestamp(day)
    changes = stance_changes(ds) if changes is None else changes
    latest = changes[changes["date"] <= day].drop_duplicates("iso3", keep="last")
    latest = latest[["iso3", "stance", *SOURCE_COLUMNS]].rename(columns={c: f"source_{c}" for c in SOURCE_COLUMNS})
    out = ds.members[["iso3", "iso_numeric", "name", "accession_date", "region"]].merge(latest, on="iso3", how="left")
    status = out["stance"].astype(str).where(out["stance"].notna(), "undeclared")
    status[out["accession_date"] > day] = NOT_YET_MEMBER
    out = out.drop(columns="stance")
    out["status"] = pd.Categorical(status, categories=STATUS_ORDER)
    out["status_label"] = out["status"].map(STATUS_LABELS).astype(str)
    out.loc[out["status"] == NOT_YET_MEMBER, [f"source_{c}" for c in SOURCE_COLUMNS]] = None
    return out.sort_values(["status", "name"]).reset_index(drop=True)


def turning_days(ds: Dataset, changes: pd.DataFrame) -> list[pd.Timestamp]:
    """Every day a stance changed or an ally joined, in order: between two of them every ally's status stays."""
    return sorted({*changes["date"], *ds.members["accession_date"].dropna()})


def same_stances_day(day, turns: list[pd.Timestamp]) -> pd.Timestamp:
    """The last of `turns` (turning_days) on or before `day`: stances_as_of gives the same rows for both days."""
    day = pd.Timestamp(day)
    before = bisect.bisect_right(turns, day)
    return turns[before - 1] if before else day


def status_counts(as_of: pd.DataFrame) -> dict[str, int]:
    return {status: int((as_of["status"] == status).sum()) for status in STATUS_ORDER}


def statuses_by_date(ds: Dataset, changes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every ally's status (date, iso3, status) on each date a named ally's stance changed."""
    changes = stance_changes(ds) if changes is None else changes
    days = sorted(changes["date"].unique())
    return pd.concat(
        [stances_as_of(ds, day, changes)[["iso3", "status"]].assign(date=pd.Timestamp(day)) for day in days],
        ignore_index=True,
    )


def backers_by_date(
    ds: Dataset,
    changes: pd.DataFrame | None = None,
    countries: tuple[str, ...] = (),
    statuses: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """For each date a named ally's stance changed: how many allies (of `countries`, if given) back,
    hold reservations, oppose, or have said nothing. `statuses`: statuses_by_date, when already computed."""
    statuses = statuses_by_date(ds, changes) if statuses is None else statuses
    chosen = statuses[statuses["iso3"].isin(countries)] if countries else statuses
    counts = (
        chosen.groupby(["date", "status"], observed=False)
        .size()
        .unstack("status")
        .reindex(index=statuses["date"].unique(), columns=STATUS_ORDER, fill_value=0)
        .fillna(0)
        .astype(int)
    )
    allies = counts.drop(columns=NOT_YET_MEMBER).sum(axis=1)
    return counts.assign(allies=allies).rename_axis(index="date", columns=None).reset_index()


def backers_by_month(ds: Dataset, changes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Allies reported backing Rutte at the end of each month of the race, from the first stance to the appointment."""
    changes = stance_changes(ds) if changes is None else changes
    months = pd.date_range(changes["date"].min(), changes["date"].max() + pd.offsets.MonthEnd(0), freq="ME")
    rows = []
    for month_end in months:
        counts = status_counts(stances_as_of(ds, month_end, changes))
        rows.append({"month": month_end.strftime("%Y-%m"), "month_end": month_end, **counts})
    return pd.DataFrame(rows)


def quotes(ds: Dataset) -> pd.DataFrame:
    """Every direct quote with its speaker, date, context sentence and article."""
    rows = ds.events[ds.events["quote"] != ""]
    articles = ds.articles[["article_id", "title", "outlet", "published", "published_precision"]].rename(
        columns={"published": "article_published", "published_precision": "article_published_precision"}
    )
    articles["article_published_precision"] = articles["article_published_precision"].astype(str)
    return rows.merge(articles, on="article_id", how="left").sort_values(["date", "event_id"]).reset_index(drop=True)


def candidate_table(ds: Dataset) -> pd.DataFrame:
    """Each candidate with the date of the first article naming them, how their run ended, and how many rows source
    them."""
    events = ds.events[ds.events["candidate"] != ""]
    last = events.sort_values("date", kind="stable").groupby("candidate").last()
    out = ds.candidates.copy()
    out["first_named"] = out["first_article_id"].map(ds.articles.set_index("article_id")["published"])
    out["last_event_date"] = out["candidate_id"].map(last["date"])
    out["last_event"] = out["candidate_id"].map(last["summary"])
    out["sourced_rows"] = out["candidate_id"].map(events.groupby("candidate").size()).fillna(0).astype(int)
    return out


def candidate_events(ds: Dataset, candidate_id: str) -> pd.DataFrame:
    rows = ds.events[ds.events["candidate"] == candidate_id]
    if candidate_id == "rutte":  # Rutte's rows are the whole story; his card keeps to his own acts.
        rows = rows[rows["actor"] == "Mark Rutte"]
    return rows.sort_values("date")


def first_backing_to_appointment(
    ds: Dataset, changes: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.Series, int]:
    """The first reported backings by named allies (every ally first reported backing on the earliest such date,
    at that date's precision), the appointment, and the days between: the one definition of "first backing" that
    the story's figures and its chart's description share."""
    changes = stance_changes(ds) if changes is None else changes
    backings = changes[(changes["stance"] == "backs") & ~changes["derived"]]
    first = backings[backings["date"] == backings["date"].min()]
    appointment = ds.events[ds.events["kind"] == "appointment"].iloc[0]
    return first, appointment, int((appointment["date"] - first["date"].iloc[0]).days)


@per_version
def reported_tallies(ds: Dataset) -> pd.DataFrame:
    """Counts of backers an article reports without naming them (kind 'tally'), with the number its summary gives
    as '(about N)' and the alliance size as 'of the M allies': date, when, count, of, who, summary."""
    rows = ds.events[ds.events["kind"] == "tally"]
    count = rows["summary"].str.extract(r"\(about (\d+)\)", expand=False)
    of = rows["summary"].str.extract(r"of the (\d+) allies", expand=False)
    out = pd.DataFrame(
        {
            "event_id": rows["event_id"],
            "date": rows["date"],
            "when": date_labels(rows),
            "count": pd.to_numeric(count),
            "of": pd.to_numeric(of),
            "who": rows["actor"],
            "summary": rows["summary"],
        }
    )
    return out.dropna(subset=["count"]).reset_index(drop=True)


def map_frame(ds: Dataset, day, changes: pd.DataFrame | None = None) -> pd.DataFrame:
    """stances_as_of with the source's date written at its precision and the article named."""
    out = stances_as_of(ds, day, changes)
    articles = ds.articles.set_index("article_id")
    out["source_when"] = date_labels(out, "source_date", "source_date_precision")
    out["source_label"] = [
        source_label(articles.at[a, "title"], articles.at[a, "outlet"]) if isinstance(a, str) else ""
        for a in out["source_article_id"]
    ]
    return out


def stance_history(ds: Dataset, view=None) -> pd.DataFrame:
    """Every change of an ally's stance within the view's dates and countries (without a view: all), as a
    reader's table; its index is the row's position among all."""
    table, iso3, dates = _every_stance_change(ds)
    if view is None:
        return table
    keep = (dates >= np.datetime64(view.start, "ns")) & (dates <= np.datetime64(view.end, "ns"))
    if view.countries:
        keep &= np.isin(iso3, view.countries)
    return table[keep]


@per_version
def _every_stance_change(ds: Dataset) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """stance_history's table over all dates and allies, and each row's ally and date, to pick a view's rows by."""
    history = stance_changes(ds).merge(ds.members[["iso3", "name"]], on="iso3")
    table = pd.DataFrame(
        {
            "Ally": history["name"],
            "From": date_labels(history),
            "Stance": history["stance"].astype(str),
            "What": history["summary"],
            "Article says": history["evidence"],
            "How we know": [
                "Derived: the appointment needed every ally's consent" if d else "Stated in the article"
                for d in history["derived"]
            ],
            "How sure are we": history["how_sure"],
        }
    )
    return table, history["iso3"].to_numpy(dtype=object), history["date"].to_numpy()


def inferred_dates(events: pd.DataFrame) -> pd.DataFrame:
    """The rows whose date was inferred rather than read off the article (the basis does not start 'Stated')."""
    return events[~events["date_basis"].str.startswith("Stated")]


def milestone_labels(ds: Dataset) -> dict[str, str]:
    """Short labels for the race's turning points, keyed by event_id: the first day-dated row of each
    backing, opposition, candidacy, withdrawal, appointment and taking office."""
    names = {**dict(zip(ds.members["iso3"], ds.members["name"])), "USA": "US", "GBR": "UK"}  # short, for labels
    verbs = {"endorsement": "backs", "opposition": "opposes"}
    labels: dict[str, str] = {}
    seen = set()
    for _, row in ds.events[ds.events["date_precision"] == "day"].sort_values("date").iterrows():
        kind, surname = str(row["kind"]), row["actor"].split()[-1]
        if kind in verbs and row["country_iso3"]:
            label = f"{names.get(row['country_iso3'], row['country_iso3'])} {verbs[kind]}"
        elif kind in ("candidacy", "withdrawal") and row["candidate"] != "rutte":
            label = f"{surname} {'runs' if kind == 'candidacy' else 'withdraws'}"
        elif kind == "appointment":
            label = "Rutte appointed"
        elif kind == "took_office":
            label = "Takes office"
        else:
            continue
        if label not in seen:
            seen.add(label)
            labels[row["event_id"]] = label
    return labels


def story_figures(ds: Dataset, changes: pd.DataFrame | None = None) -> dict:
    """The landing page's key figures, all computed from the rows."""
    changes = stance_changes(ds) if changes is None else changes
    first, appointment, days = first_backing_to_appointment(ds, changes)
    ran = ds.candidates[(ds.candidates["candidate_id"] != "rutte") & (ds.candidates["status"] != "mentioned")]
    eve = stances_as_of(ds, appointment["date"] - pd.Timedelta(days=1), changes)
    named = changes[~changes["derived"]]
    held_out = named[named["stance"].isin(["reservations", "opposes"])]["iso3"].unique()
    names = dict(zip(ds.members["iso3"], ds.members["name"]))
    return {
        "first_backers": sorted(names[c] for c in first["iso3"]),
        "first_backing_when": date_label(first["date"].iloc[0], str(first["date_precision"].iloc[0])),
        "first_backing_exact": str(first["date_precision"].iloc[0]) == "day",
        "appointment": appointment,
        "days_to_appointment": days,
        "named_backers_before_appointment": int((eve["status"] == "backs").sum()),
        "held_out": sorted(names[c] for c in held_out),
        "took_office": ds.events.loc[ds.events["kind"] == "took_office", "date"].min(),
        "rivals": len(ds.candidates) - 1,
        "rivals_who_ran": sorted(ran["name"]),
    }


_PHRASES = {
    "backs": ("backs Rutte", "back Rutte"),
    "reservations": ("holds reservations", "hold reservations"),
    "opposes": ("opposes him", "oppose him"),
    "undeclared": ("has no public stance reported", "have no public stance reported"),
    NOT_YET_MEMBER: ("is not yet an ally", "are not yet allies"),
}


def stance_summary(counts: dict[str, int]) -> str:
    """'7 allies back Rutte, 1 holds reservations, 24 have no public stance reported'."""
    parts = [f"{n} {_PHRASES[s][n != 1]}" for s, n in counts.items() if n]
    if not parts:
        return "no allies shown"
    first = parts[0].split(" ", 1)
    parts[0] = f"{first[0]} {'ally' if first[0] == '1' else 'allies'} {first[1]}"
    return ", ".join(parts)
