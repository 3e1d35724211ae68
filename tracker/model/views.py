"""Derived views of the dataset that the pages need: stances as of a date, backers over time, quotes, candidates."""

import bisect
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tracker.checks.accuracy import row_when, rows_when
from tracker.data import kinds
from tracker.data.formatting import article_names, by_date, date_labels, first_upper, in_prose
from tracker.data.quotations import QUOTATION
from tracker.model.load import Dataset, member_names, per_version

NOT_YET_MEMBER = "not_yet_member"
UNREPORTED = "unreported"  # an ally no article gives a stance for (yet)
COUNTED = "counted"  # backing counted at the decision, which needed every ally, rather than named by an article
CONTINUING = "continuing"  # a stance_report: the article reports a position that continues
EARLIER = "earlier"  # a stance_report: the article reports a position held before its date
# Reports that never change a stance held: they count only as an ally's first report.
CONFIRMING = (CONTINUING, EARLIER)
# The data's stance vocabulary; then every status a map can give an ally, in legend order.
STANCES = ["backs", "reservations", "opposes", "undeclared"]
STATUS_ORDER = [STANCES[0], COUNTED, *STANCES[1:], UNREPORTED, NOT_YET_MEMBER]
SOURCE_COLUMNS = [
    "event_id",
    "date",
    "date_precision",
    "date_basis",
    "summary",
    "evidence",
    "article_id",
    "how_sure",
    "note",
    "note_type",
    "outside_fact",
    "outside_source",
]


@per_version  # shared by every view: nothing may edit it in place
def stance_changes(ds: Dataset) -> pd.DataFrame:
    """Each change in a named ally's stance toward Rutte, oldest first, sourced to the row that first reports it.

    The appointment needed all allies' consent, so from its date every ally of that day is recorded
    as backing, sourced to the appointment row (`derived` is True for those).
    """
    rows = ds.events[
        (ds.events["stance"].notna())
        & (ds.events["country_iso3"] != "")
        & (ds.events["candidate"] == ds.race.protagonist.candidate)
    ]
    stated = (
        rows[["country_iso3", "stance", "stance_report", *SOURCE_COLUMNS]]
        .rename(columns={"country_iso3": "iso3"})
        .assign(derived=False)
    )
    consensus = []
    decisions = ds.events[ds.events["kind"] == kinds.the_kind(kinds.DECISION)]
    if not ds.race.decision.consensus:  # only a consensus makes every member of the day a backer
        decisions = decisions.iloc[:0]
    for _, appointment in decisions.iterrows():
        allies = ds.members[ds.members["accession_date"] <= appointment["date"]]["iso3"]
        source = {c: appointment[c] for c in SOURCE_COLUMNS}
        consensus += [
            {"iso3": iso3, "stance": "backs", "stance_report": "stated", **source, "derived": True} for iso3 in allies
        ]
    # With no consensus rows, no empty frame joins the stated ones: its object columns would turn dates into objects.
    counted = [pd.DataFrame(consensus, columns=stated.columns)] if consensus else []
    changes = pd.concat([stated, *counted], ignore_index=True)
    changes["stance"] = pd.Categorical(changes["stance"].astype(str), categories=STANCES)
    # On the same date, the report closest to the event (earliest article) comes first.
    published = changes["article_id"].map(ds.articles.set_index("article_id")["published"])
    changes = (
        changes.assign(_published=published)
        .sort_values(["date", "derived", "_published"], kind="stable")
        .drop(columns="_published")
    )
    # A report that a position continues ("still no sign of") or was held earlier ("had earlier expressed")
    # confirms the stance held and never changes it: it counts only as an ally's first report.
    changes = changes[~changes["stance_report"].isin(CONFIRMING) | ~changes.duplicated("iso3")]
    # Keep the row that starts each stance: a later report of the same stance is corroboration, not a change.
    previous = changes.groupby("iso3")["stance"].shift().astype(object)
    return changes[changes["stance"].astype(object) != previous].drop(columns="stance_report").reset_index(drop=True)


@per_version  # read on every rerun of the map page
def map_day(ds: Dataset):
    """The backer map's date unless the reader picks one: the eve of the decision, when the stances the articles
    name stand at their last before every ally counts as backing; with no decision, the last change of any stance."""
    decisions = ds.events.loc[ds.events["kind"] == kinds.the_kind(kinds.DECISION), "date"]
    if not decisions.empty:
        return (decisions.min() - pd.Timedelta(days=1)).date()
    return stance_changes(ds)["date"].max().date()


@per_version
def stance_reports(ds: Dataset) -> pd.DataFrame:
    """Every named report of an ally's stance as standing on its date (stated, or continuing: not a report of an
    earlier position), oldest first: iso3, date, date_precision, holds_out. What 'last reported' reads."""
    rows = ds.events[
        ds.events["stance"].notna()
        & (ds.events["country_iso3"] != "")
        & (ds.events["candidate"] == ds.race.protagonist.candidate)
        & (ds.events["stance_report"] != EARLIER)
    ]
    return pd.DataFrame(
        {
            "iso3": rows["country_iso3"],
            "date": rows["date"],
            "date_precision": rows["date_precision"].astype(str),
            "holds_out": rows["stance"].astype(str).isin(list(kinds.HOLDING_BACK)),
        }
    ).sort_values("date", kind="stable")


def last_reported(reports: pd.DataFrame, iso3: str, status: str, day, since) -> tuple[pd.Timestamp, str] | None:
    """The latest report (stance_reports) of `iso3` from `since` to `day` on the same side as `status` (holding out,
    or backing): the date and precision to which the articles vouch for the stance shown; None when none."""
    holds_out = status in kinds.HOLDING_BACK
    rows = reports[
        (reports["iso3"] == iso3)
        & (reports["holds_out"] == holds_out)
        & (reports["date"] <= pd.Timestamp(day))
        & (reports["date"] >= pd.Timestamp(since))
    ]
    return None if rows.empty else (rows["date"].iloc[-1], rows["date_precision"].iloc[-1])


def stances_as_of(ds: Dataset, day: pd.Timestamp, changes: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per ally (members of any date): its status on `day` (backing counted at the decision is COUNTED, not
    'backs'), the row that sources it, and when the articles last report that stance as standing (source_last,
    source_last_precision)."""
    day = pd.Timestamp(day)
    changes = stance_changes(ds) if changes is None else changes
    latest = changes[changes["date"] <= day].drop_duplicates("iso3", keep="last")
    latest = latest[["iso3", "stance", "derived", *SOURCE_COLUMNS]].rename(
        columns={c: f"source_{c}" for c in SOURCE_COLUMNS}
    )
    reports = stance_reports(ds)
    last = [
        last_reported(reports, iso3, str(stance), day, since) if pd.notna(since) else None
        for iso3, stance, since in zip(latest["iso3"], latest["stance"], latest["source_date"])
    ]
    latest["source_last"] = [pd.NaT if found is None else found[0] for found in last]
    latest["source_last_precision"] = ["" if found is None else found[1] for found in last]
    out = ds.members[["iso3", "iso_numeric", "name", "accession_date", "region"]].merge(latest, on="iso3", how="left")
    status = out["stance"].astype(str).where(out["stance"].notna(), UNREPORTED)
    status[out["derived"].fillna(False).astype(bool)] = COUNTED
    status[out["accession_date"] > day] = NOT_YET_MEMBER
    out = out.drop(columns=["stance", "derived"])
    out["status"] = pd.Categorical(status, categories=STATUS_ORDER)
    out["status_label"] = out["status"].map(ds.race.stances.labels()).astype(str)
    out.loc[out["status"] == NOT_YET_MEMBER, [f"source_{c}" for c in SOURCE_COLUMNS]] = None
    out[["unreported_since", "unreported_since_precision"]] = unreported_since(ds, out, day)
    return out.sort_values(["status", "name"]).reset_index(drop=True)


def unreported_since(ds: Dataset, allies: pd.DataFrame, day: pd.Timestamp) -> pd.DataFrame:
    """For each ally of `allies` (map_frame) holding out on `day`, the last report of that stance and its precision
    when `day` is after it (the stance is drawn faded from then, as on the story chart); NaT and '' otherwise."""
    periods = stance_periods(ds)
    current = periods[(periods["start"] <= day) & (periods["end"].isna() | (periods["end"] > day))]
    current = current.drop_duplicates("iso3", keep="last").set_index("iso3")
    holding = allies["status"].astype(str).isin(list(kinds.HOLDING_BACK))
    since = pd.to_datetime(allies["iso3"].map(dict(zip(current.index, current["last"]))))
    stale = holding & since.notna() & (since < day)
    return pd.DataFrame(
        {
            "since": since.where(stale),
            "precision": allies["iso3"].map(current["last_precision"]).where(stale, ""),
        },
        index=allies.index,
    )


def member_choices(ds: Dataset) -> dict[str, str]:
    """Each ally's label in the country filter, by ISO code, in alphabetical order of name: its name as a sentence
    uses it, with the other names readers and the articles use, so typing any of them finds it ('Türkiye (Turkey,
    Turkiye)', 'The Netherlands (Holland)')."""
    members = ds.members.sort_values("name")
    labels = (
        (iso3, in_prose(name), also)
        for iso3, name, also in zip(members["iso3"], members["name"], members["also_called"])
    )
    return {
        iso3: first_upper(name) + (f" ({', '.join(also.split('; '))})" if also else "") for iso3, name, also in labels
    }


def turning_days(ds: Dataset, changes: pd.DataFrame) -> list[pd.Timestamp]:
    """Every day a stance changed, an ally joined or a holdout went unreported (the day after its last report, when
    the map starts to draw it faded), in order: between two of them every ally's status stays."""
    periods = stance_periods(ds)
    holding = periods[periods["status"].isin(list(kinds.HOLDING_BACK)) & periods["last"].notna()]
    unreported = holding["last"] + pd.Timedelta(days=1)
    unreported = unreported[holding["end"].isna() | (unreported < holding["end"])]
    return sorted({*changes["date"], *ds.members["accession_date"].dropna(), *unreported})


def same_stances_day(day, turns: list[pd.Timestamp]) -> pd.Timestamp:
    """The last of `turns` (turning_days) on or before `day`: stances_as_of gives the same rows for both days."""
    day = pd.Timestamp(day)
    before = bisect.bisect_right(turns, day)
    return turns[before - 1] if before else day


def quotes(ds: Dataset) -> pd.DataFrame:
    """Every direct quote with its speaker, date, context sentence and article."""
    rows = ds.events[ds.events["quote"] != ""]
    articles = ds.articles[["article_id", "title", "outlet", "published", "published_precision"]].rename(
        columns={"published": "article_published", "published_precision": "article_published_precision"}
    )
    articles["article_published_precision"] = articles["article_published_precision"].astype(str)
    return rows.merge(articles, on="article_id", how="left").sort_values(["date", "event_id"]).reset_index(drop=True)


@per_version
def withheld_quotes(ds: Dataset) -> pd.DataFrame:
    """The rows whose sentence sets words in quotation marks that are not shown as a quote: an article error says
    other reports give them as reported speech (their quote is left empty)."""
    errors = ds.corrections.loc[ds.corrections["kind"] == "article_error", "event_id"]
    quoting = ds.events["evidence"].apply(lambda text: bool(QUOTATION.search(text)))
    return ds.events[ds.events["event_id"].isin(errors) & (ds.events["quote"] == "") & quoting]


def candidate_table(ds: Dataset) -> pd.DataFrame:
    """Each candidate with the date of the first article naming them, how their run ended, whether an article reports
    them declaring, and how many rows source them."""
    events = ds.events[ds.events["candidate"] != ""]
    last = events.sort_values("date", kind="stable").groupby("candidate").last()
    out = ds.candidates.copy()
    published = ds.articles.set_index("article_id")["published"]
    out["first_named"] = out["first_article_id"].map(published)
    # The earliest article reporting them at all: earlier than the first naming them when it gets the name wrong.
    reporting = events.assign(_published=events["article_id"].map(published)).sort_values("_published", kind="stable")
    out["first_reported_article_id"] = out["candidate_id"].map(reporting.groupby("candidate")["article_id"].first())
    out["last_event_date"] = out["candidate_id"].map(last["date"])
    out["last_event"] = out["candidate_id"].map(last["summary"])
    out["sourced_rows"] = out["candidate_id"].map(events.groupby("candidate").size()).fillna(0).astype(int)
    out["declared"] = out["candidate_id"].isin(declared_candidates(ds))
    return by_outcome(out)


CHOSEN_STATUS = "appointed"  # candidates.csv's status of the candidate the decision chose (readers see the race's word)


def by_outcome(table: pd.DataFrame) -> pd.DataFrame:
    """The candidates in the one order the chart and the cards share: whoever the race chose, then those who ran
    openly, then those who never declared; in the file's order within each (editor round 36: the chart ran by first
    step and the cards by file, and a reader comparing them had to search)."""
    rank = (table["status"] != CHOSEN_STATUS) * (1 + ~table["declared"])  # 0 chosen, 1 ran openly, 2 never declared
    return table.iloc[rank.to_numpy().argsort(kind="stable")].reset_index(drop=True)


def candidate_events(ds: Dataset, candidate_id: str) -> pd.DataFrame:
    rows = ds.events[ds.events["candidate"] == candidate_id]
    if candidate_id == ds.race.protagonist.candidate:  # their rows are the whole story; the card keeps to their acts
        rows = rows[rows["actor"] == ds.candidates.set_index("candidate_id").at[candidate_id, "name"]]
    return rows.sort_values("date")


def first_backing_to_decision(ds: Dataset, changes: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.Series, int]:
    """The first reported backings by named members (every member first reported backing on the earliest such date,
    at that date's precision), the decision, and the days between: the one definition of "first backing" that the
    story's figures and its chart's description share."""
    changes = stance_changes(ds) if changes is None else changes
    backings = changes[(changes["stance"] == "backs") & ~changes["derived"]]
    first = backings[backings["date"] == backings["date"].min()]
    decision = ds.events[ds.events["kind"] == kinds.the_kind(kinds.DECISION)].iloc[0]
    return first, decision, int((decision["date"] - first["date"].iloc[0]).days)


@per_version
def reported_tallies(ds: Dataset) -> pd.DataFrame:
    """Counts of backers an article reports without naming them (kind 'tally'), with the number its summary gives
    as '(about N)' or the share it reports ('two-thirds'), and the alliance size as 'of the M allies': date, when,
    count (missing where only a share is reported), share, of, who, summary."""
    rows = ds.events[ds.events["kind"].isin(kinds.with_role(kinds.TALLY))]
    count = rows["summary"].str.extract(r"\(about (\d+)\)", expand=False)
    members = re.escape(ds.race.body.members)
    share = rows["summary"].str.extract(rf"(\S+) of the \d+ {members}", expand=False)
    of = rows["summary"].str.extract(rf"of the (\d+) {members}", expand=False)
    out = pd.DataFrame(
        {
            "event_id": rows["event_id"],
            "date": rows["date"],
            "when": date_labels(rows),
            "precision": rows["date_precision"].astype(str),
            "count": pd.to_numeric(count),
            "share": share.fillna(""),
            "of": pd.to_numeric(of),
            "who": rows["actor"],
            "summary": rows["summary"],
        }
    )
    return out[out["count"].notna() | (out["share"] != "")].reset_index(drop=True)


def map_frame(ds: Dataset, day, changes: pd.DataFrame | None = None) -> pd.DataFrame:
    """stances_as_of with the source's date written at its precision, with its bound ('c. 19 January 2024 or
    earlier'), and the article named."""
    out = stances_as_of(ds, day, changes)
    names = article_names(ds.articles)
    out["source_when"] = [
        "" if pd.isna(when) else row_when({"date": when, "date_precision": str(precision), "date_basis": basis or ""})
        for when, precision, basis in zip(out["source_date"], out["source_date_precision"], out["source_date_basis"])
    ]
    out["source_label"] = [names[a] if isinstance(a, str) else "" for a in out["source_article_id"]]
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
            ds.race.member_heading: history["name"],
            "From": rows_when(history),  # 'by' a bound: '5 March 2024 or earlier'
            "Stance": [
                ds.race.stances.label_of(s, d) for s, d in zip(history["stance"].astype(str), history["derived"])
            ],
            "What": history["summary"],
            "Article says": history["evidence"],
            "How we know": [ds.race.stances.counted_how if d else "Named in the article" for d in history["derived"]],
            # a backing counted at the decision has no article to count (fact-check round 24: 'Reported by 1 article')
            "How sure are we": history["how_sure"].where(~history["derived"], "No article names it"),
        }
    )
    return table, history["iso3"].to_numpy(dtype=object), history["date"].to_numpy()


def inferred_dates(events: pd.DataFrame) -> pd.DataFrame:
    """The rows whose date was inferred rather than read off the article (the basis does not start 'Stated'), oldest
    first."""
    return events[~events["date_basis"].str.startswith("Stated")].sort_values("date", kind="stable")


def milestone_labels(ds: Dataset) -> dict[str, str]:
    """Short labels for the race's turning points, keyed by the event that starts each: every day an article names
    allies' new stances (one label a day: 'France, Germany, US back'), a declared rival's day-dated candidacy or
    withdrawal, the appointment and taking office."""
    names = {**member_names(ds), "USA": "US", "GBR": "UK"}  # short, for labels
    verbs = {
        "backs": ("backs", "back"),
        "opposes": ("opposes", "oppose"),
        "reservations": ("has doubts", "have doubts"),
    }
    labels: dict[str, str] = {}
    named = stance_changes(ds)
    named = named[~named["derived"] & named["stance"].isin(verbs)]
    for (_, stance), rows in named.groupby(["date", "stance"], sort=True, observed=True):
        who = [names.get(c, c) for c in rows["iso3"]]
        listed = who[0] if len(who) == 1 else f"{', '.join(who[:-1])}, {who[-1]}"
        # starred when known only with a caution (Hungary's opposition, from a cited report's title)
        cautioned = stance != "backs" and (rows["note_type"] == "caution").any()
        labels[rows["event_id"].iloc[0]] = f"{listed} {verbs[stance][len(who) > 1]}{'*' if cautioned else ''}"
    seen = set()
    declared, protagonist = declared_candidates(ds), ds.race.protagonist
    declaring, leaving = kinds.with_role(kinds.DECLARING), kinds.with_role(kinds.LEAVING)
    decision = kinds.the_kind(kinds.DECISION)
    milestones = [*declaring, *leaving, decision, *kinds.with_role(kinds.START_OF_OFFICE)]
    steps = ds.events[ds.events["kind"].isin(milestones)]
    for _, row in steps.sort_values("date", kind="stable").iterrows():
        kind, surname = str(row["kind"]), row["actor"].split()[-1]
        if kind in declaring or kind in leaving:
            rival = row["candidate"] != protagonist.candidate and row["candidate"] in declared
            if not rival or row["date_precision"] != "day":
                continue
            label = f"{surname} {'runs' if kind in declaring else 'withdraws'}"
        else:
            label = f"{protagonist.name} {ds.race.decision.done}" if kind == decision else "Takes office"
        if label not in seen:
            seen.add(label)
            labels[row["event_id"]] = label
    return labels


def declared_candidates(ds: Dataset) -> set[str]:
    """The candidates an article reports declaring (a 'candidacy' row): they ran openly. An unofficial candidate who
    only expressed interest, and later stood aside, did not."""
    return set(ds.events.loc[ds.events["kind"].isin(kinds.with_role(kinds.DECLARING)), "candidate"])


@per_version
def stance_periods(ds: Dataset) -> pd.DataFrame:
    """Each named ally's stances as periods, oldest first: iso3, name, status, start, end (the next change's date;
    NaT for the last), derived (counted at the decision rather than named), the start's precision and the row that
    reports it (event_id, summary, evidence, article_id, how_sure, note). Allies no row names are left out."""
    changes = stance_changes(ds)
    named = set(changes.loc[~changes["derived"], "iso3"])
    rows = changes[changes["iso3"].isin(named)].sort_values(["iso3", "date"], kind="stable")
    names = member_names(ds)
    out = pd.DataFrame(
        {
            "iso3": rows["iso3"],
            "name": rows["iso3"].map(names),
            "status": rows["stance"].astype(str),
            "start": rows["date"],
            "end": rows.groupby("iso3")["date"].shift(-1),
            "derived": rows["derived"],
            "precision": rows["date_precision"].astype(str),
            "basis": rows["date_basis"],
            **{
                column: rows[column]
                for column in SOURCE_COLUMNS
                if column not in ("date", "date_precision", "date_basis")
            },
        }
    ).reset_index(drop=True)
    # When the articles last report each named stance as standing, before the next change.
    reports = stance_reports(ds)
    last = [
        None
        if derived
        else last_reported(
            reports, iso3, status, (end - pd.Timedelta(days=1)) if pd.notna(end) else pd.Timestamp.max, start
        )
        for iso3, status, start, end, derived in zip(
            out["iso3"], out["status"], out["start"], out["end"], out["derived"]
        )
    ]
    # Dates even when no period is drawn (a race no member held out in): a list left empty would be objects.
    out["last"] = pd.to_datetime([pd.NaT if found is None else found[0] for found in last])
    out["last_precision"] = ["" if found is None else found[1] for found in last]
    return out


@per_version  # shared by every view: read-only
def unnamed_holdouts(ds: Dataset) -> tuple[dict, ...]:
    """Reports of allies an article leaves unnamed ('some Eastern European allies') holding out against the
    protagonist, oldest first: who (without '(unnamed)'), stance, date, precision, when, summary. Reports of an
    earlier position are left out, as for a named ally: they do not say the group held out on their date."""
    rows = ds.events[
        ds.events["stance"].isin(list(kinds.HOLDING_BACK))
        & (ds.events["country_iso3"] == "")
        & (ds.events["candidate"] == ds.race.protagonist.candidate)
        & (ds.events["stance_report"] != EARLIER)
    ].sort_values("date", kind="stable")
    return tuple(
        {
            "who": row["actor"].removesuffix(" (unnamed)"),
            "stance": str(row["stance"]),
            "date": row["date"],
            "precision": str(row["date_precision"]),
            "when": when,
            "summary": row["summary"],
        }
        for (_, row), when in zip(rows.iterrows(), date_labels(rows))
    )


@dataclass(frozen=True)
class Holdout:
    """An ally named as holding out (opposed, with reservations or not yet backing), from when, and until when."""

    iso3: str
    name: str
    stance: str  # the stance it was first reported holding out with
    start: pd.Timestamp
    start_precision: str
    end: pd.Timestamp | None  # when it was named as backing, or counted at the decision; None: not in the data
    end_derived: bool  # True: counted as backing at the decision, not named as backing
    last: pd.Timestamp  # the last report of it holding out
    last_precision: str


def holdouts(periods: pd.DataFrame, until=None) -> list[Holdout]:
    """The allies of `periods` (stance_periods) named as holding out before `until` (default: ever), oldest first:
    each from its first holdout period to the backing that ended it (None if that came after `until`)."""
    last = pd.Timestamp.max if until is None else pd.Timestamp(until)
    out = []
    for iso3, rows in periods[periods["start"] <= last].groupby("iso3", sort=False):
        held = rows[rows["status"].isin(kinds.HOLDING_BACK)]
        if held.empty:
            continue
        first = held.iloc[0]
        backing = rows[(rows["status"] == "backs") & (rows["start"] > first["start"])]
        end = backing.iloc[0] if not backing.empty else None
        reported = held[held["last"].notna() & (held["last"] <= last)]
        # The last report of it holding out; with none by `until`, its first report.
        if reported.empty:
            last_report, last_precision = first["start"], first["precision"]
        else:
            latest = reported.loc[reported["last"].idxmax()]
            last_report, last_precision = latest["last"], latest["last_precision"]
        out.append(
            Holdout(
                iso3,
                first["name"],
                first["status"],
                first["start"],
                first["precision"],
                None if end is None else end["start"],
                bool(end is not None and end["derived"]),
                last_report,
                last_precision,
            )
        )
    return sorted(out, key=lambda h: (h.start, h.name))


def story_figures(ds: Dataset, changes: pd.DataFrame | None = None) -> dict:
    """The landing page's key figures, all computed from the rows."""
    changes = stance_changes(ds) if changes is None else changes
    first, decision, days = first_backing_to_decision(ds, changes)
    ran = ds.candidates[ds.candidates["candidate_id"].isin(declared_candidates(ds) - {ds.race.protagonist.candidate})]
    eve = stances_as_of(ds, decision["date"] - pd.Timedelta(days=1), changes)
    names = member_names(ds)
    held_out = holdouts(stance_periods(ds), decision["date"])
    return {
        "first_backers": sorted(names[c] for c in first["iso3"]),
        "first_backing_when": by_date(first["date"].iloc[0], str(first["date_precision"].iloc[0])),
        "first_backing_exact": str(first["date_precision"].iloc[0]) == "day",
        "decision": decision,
        "days_to_decision": days,
        "named_backers_before_decision": int((eve["status"] == "backs").sum()),
        "holdouts": held_out,
        "took_office": ds.events.loc[ds.events["kind"] == kinds.the_kind(kinds.START_OF_OFFICE), "date"].min(),
        "rivals": len(ds.candidates) - 1,
        "rivals_who_ran": sorted(ran["name"]),
        "rivals_misnamed": misnamed_rivals(ds),
    }


def misnamed_rivals(ds: Dataset) -> list[str]:
    """The rivals an article reports under another person's name before any names them rightly (the card says so):
    counted as the person the record shows, which the story says where it counts them (fact-check round 26: 'four
    rivals named' where the articles print five names)."""
    table = candidate_table(ds)
    misnamed = table[
        (table["first_reported_article_id"] != table["first_article_id"])
        & (table["candidate_id"] != ds.race.protagonist.candidate)
    ]
    return list(misnamed["name"])
