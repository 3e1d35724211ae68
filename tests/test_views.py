"""Derived views on the real data, checked against what data/events.csv says row by row.

Facts used below, read off events.csv (named allies' stances toward Rutte, candidate rutte):
  FRA, DEU, USA back from c. 19 Jan 2024 (bloomberg-backers); GBR from 22 Feb (the day of the Reuters report named
  as the outside fact; first reported by leading-contender); ESP from c. 23 Feb; HUN opposes 5 Mar, and the later
  reports of c. 4 Apr ('still no sign of supporting') and 29 Apr ('had earlier expressed reservations') say the
  position continued or was held earlier, so they change nothing; TUR is first reported as not yet backing c. 4 Apr
  ('still no sign'), its reservations are reported as held 'earlier' (no change), and it backs 29 Apr; EST backs
  2 Apr. The North Atlantic Council appoints Rutte on 26 Jun 2024, so every ally backs from then. Sweden joined
  7 Mar 2024.
"""

import csv
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from data_copies import DATA, SEEDS
from tracker.data.text import normalise
from tracker.model import views
from tracker.reader.filters import bounds_of

ALLIES = 32
NONE = {
    "backs": 0,
    "counted": 0,
    "reservations": 0,
    "opposes": 0,
    "undeclared": 0,
    "unreported": 0,
    "not_yet_member": 0,
}


def csv_rows(file: str) -> list[dict]:
    with open(DATA / file, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def status_on(ds, changes, day: str, iso3: str) -> str:
    as_of = views.stances_as_of(ds, pd.Timestamp(day), changes)
    return str(as_of.set_index("iso3").at[iso3, "status"])


@pytest.mark.parametrize(
    "day, iso3, status",
    [
        ("2024-01-18", "FRA", "unreported"),
        ("2024-01-19", "FRA", "backs"),
        ("2024-01-19", "USA", "backs"),
        ("2024-02-21", "GBR", "unreported"),
        ("2024-02-22", "GBR", "backs"),  # the day of the Reuters report given as the row's outside fact
        ("2024-02-23", "ESP", "backs"),
        ("2024-03-04", "HUN", "unreported"),
        ("2024-03-05", "HUN", "opposes"),
        ("2024-04-03", "HUN", "opposes"),
        ("2024-04-04", "HUN", "opposes"),  # europolitika-kallas: 'still no sign of supporting Rutte' continues it
        ("2024-04-28", "HUN", "opposes"),
        ("2024-04-29", "HUN", "opposes"),  # turkey-backs: 'had earlier expressed reservations' reports no change
        ("2024-06-25", "HUN", "opposes"),
        ("2024-06-26", "HUN", "counted"),  # no article names it backing: counted at the appointment
        ("2024-03-30", "TUR", "unreported"),
        ("2024-03-31", "TUR", "unreported"),  # Erdoğan's expectations in the call are not a stance
        ("2024-04-04", "TUR", "undeclared"),  # 'still no sign of supporting Rutte', its first report
        ("2024-04-26", "TUR", "undeclared"),  # 'had earlier expressed reservations': reported, not a change
        ("2024-04-28", "TUR", "undeclared"),
        ("2024-04-29", "TUR", "backs"),
        ("2024-04-01", "EST", "unreported"),
        ("2024-04-02", "EST", "backs"),
        ("2024-01-19", "SWE", "not_yet_member"),
        ("2024-03-06", "SWE", "not_yet_member"),
        ("2024-03-07", "SWE", "unreported"),
        ("2024-06-26", "SWE", "counted"),
        ("2024-06-25", "NLD", "unreported"),  # no row gives the Netherlands' own stance before the appointment
        ("2024-06-26", "NLD", "counted"),
        ("2024-12-31", "ALB", "counted"),
        ("2024-12-31", "TUR", "backs"),  # named as backing on 29 April: stays named
    ],
)
def test_an_allys_status_on_a_date(ds, changes, day, iso3, status):
    assert status_on(ds, changes, day, iso3) == status


@pytest.mark.parametrize(
    "day, counts",
    [
        ("2024-01-18", {**NONE, "unreported": 31, "not_yet_member": 1}),
        ("2024-03-06", {**NONE, "backs": 5, "opposes": 1, "unreported": 25, "not_yet_member": 1}),
        ("2024-03-07", {**NONE, "backs": 5, "opposes": 1, "unreported": 26}),
        ("2024-04-04", {**NONE, "backs": 6, "opposes": 1, "undeclared": 1, "unreported": 24}),
        ("2024-06-25", {**NONE, "backs": 7, "opposes": 1, "unreported": 24}),
        ("2024-06-26", {**NONE, "backs": 7, "counted": 25}),  # the seven named, the rest counted
    ],
)
def test_status_counts_on_a_date(ds, changes, day, counts):
    statuses = views.stances_as_of(ds, pd.Timestamp(day), changes)["status"].astype(str)
    assert {status: int((statuses == status).sum()) for status in NONE} == counts


def test_stances_as_of_has_one_row_per_ally_with_its_source(ds, changes):
    as_of = views.stances_as_of(ds, pd.Timestamp("2024-04-30"), changes)
    assert sorted(as_of["iso3"]) == sorted(row["iso3"] for row in csv_rows("members.csv"))
    assert len(as_of) == ALLIES
    sources = as_of.set_index("iso3")["source_event_id"]
    assert sources["TUR"] == "turkey-backs-rutte"
    assert sources["HUN"] == "hungary-opposes-politico"  # the first report of the stance it still holds
    assert sources["GBR"] == "uk-backs-sunak-spokesperson"  # leading-contender reported it first
    assert sources[["NLD", "SWE", "POL"]].isna().all()  # nothing said yet


def test_named_stance_changes_are_the_ones_the_rows_report(changes):
    named = changes[~changes["derived"]]
    assert [tuple(r) for r in named[["date", "iso3", "stance", "event_id"]].astype(str).itertuples(index=False)] == [
        ("2024-01-19", "FRA", "backs", "france-support-january"),
        ("2024-01-19", "DEU", "backs", "germany-support-january"),
        ("2024-01-19", "USA", "backs", "us-supports-january"),
        ("2024-02-22", "GBR", "backs", "uk-backs-sunak-spokesperson"),
        ("2024-02-23", "ESP", "backs", "spain-backs-politico"),
        ("2024-03-05", "HUN", "opposes", "hungary-opposes-politico"),
        ("2024-04-02", "EST", "backs", "estonia-backs-kallas"),
        ("2024-04-04", "TUR", "undeclared", "turkiye-no-sign-april"),
        ("2024-04-29", "TUR", "backs", "turkey-backs-rutte"),
    ]


def test_the_appointment_makes_every_other_ally_a_backer(changes):
    derived = changes[changes["derived"]]
    backers_before = {"FRA", "DEU", "USA", "GBR", "ESP", "EST", "TUR"}
    members = {row["iso3"] for row in csv_rows("members.csv")}
    assert set(derived["iso3"]) == members - backers_before
    assert set(derived["event_id"]) == {"rutte-appointed"}
    assert (derived["date"] == pd.Timestamp("2024-06-26")).all()


def test_first_backing_is_the_first_reported_one_at_its_precision(ds, changes):
    first, appointment, days = views.first_backing_to_decision(ds, changes)
    # Bloomberg, c. 19 Jan 2024: France, Germany and the United States back him (dated roughly, not to the day).
    assert sorted(first["iso3"]) == ["DEU", "FRA", "USA"] and set(first["date_precision"].astype(str)) == {"approx"}
    assert appointment["event_id"] == "rutte-appointed"
    assert days == 159  # 19 Jan to 26 Jun 2024


def test_story_figures(ds, changes):
    figures = views.story_figures(ds, changes)
    assert figures["days_to_decision"] == 159  # 19 January to 26 June 2024
    assert (
        figures["first_backers"] == ["France", "Germany", "United States"]
        and figures["first_backing_when"] == "around 19 January 2024"
    )
    # Kallas stood aside on 2 April, but never declared: only Iohannis has a candidacy row.
    assert figures["rivals_who_ran"] == ["Klaus Iohannis"]
    assert figures["named_backers_before_decision"] == 7  # FRA DEU USA GBR ESP EST TUR
    # Hungary opposed from 5 March 2024, counted as backing at the appointment; Türkiye not yet backing c. 4 April
    # until it backed him on 29 April.
    assert [(h.name, h.stance, h.start, h.end, h.end_derived) for h in figures["holdouts"]] == [
        ("Hungary", "opposes", pd.Timestamp("2024-03-05"), pd.Timestamp("2024-06-26"), True),
        ("Türkiye", "undeclared", pd.Timestamp("2024-04-04"), pd.Timestamp("2024-04-29"), False),
    ]
    assert figures["took_office"] == pd.Timestamp("2024-10-01")


def test_every_quote_has_a_speaker_and_is_verbatim_in_its_article(ds):
    quotes = views.quotes(ds)
    rows = [row for row in csv_rows("events.csv") if row["quote"]]
    assert sorted(quotes["event_id"]) == sorted(row["event_id"] for row in rows)
    assert len(quotes) == 12
    seeds = {row["article_id"]: row["seed_file"] for row in csv_rows("articles.csv")}
    for _, quote in quotes.iterrows():
        article = normalise((SEEDS / seeds[quote["article_id"]]).read_text(encoding="utf-8"))
        assert quote["actor"].strip(), quote["event_id"]
        assert normalise(quote["quote"]) in article, quote["event_id"]
        assert quote["title"] and quote["outlet"], quote["event_id"]
    assert quotes["date"].is_monotonic_increasing


def test_candidates_run_by_outcome_then_in_the_files_order():
    table = pd.DataFrame(
        {
            "candidate_id": ["a", "b", "c", "d", "e"],
            "status": ["mentioned", "withdrew", "appointed", "mentioned", "withdrew"],
            "declared": [False, True, True, True, False],
        }
    )
    assert views.by_outcome(table)["candidate_id"].tolist() == ["c", "b", "d", "a", "e"]


def test_candidate_table(ds):
    table = views.candidate_table(ds).set_index("candidate_id")
    assert len(table) == 5  # the article's 'Rinkēvičs' is Kariņš, Latvia's foreign minister: one candidate
    assert table["status"].astype(str).to_dict() == {
        "rutte": "appointed",
        "kallas": "withdrew",  # an unofficial candidate who stood aside (kallas-steps-aside)
        "karins": "mentioned",
        "iohannis": "withdrew",
        "wallace": "mentioned",
    }
    events = csv_rows("events.csv")
    assert table["sourced_rows"].to_dict() == {c: sum(e["candidate"] == c for e in events) for c in table.index}
    withdrawal = next(e for e in events if e["event_id"] == "iohannis-withdraws")
    assert table.at["iohannis", "last_event_date"] == pd.Timestamp("2024-06-20")
    assert table.at["iohannis", "last_event"] == withdrawal["summary"]
    assert table.at["rutte", "last_event_date"] == pd.Timestamp("2024-10-01")  # takes office
    assert table["first_named"].dt.strftime("%Y-%m-%d").to_dict() == {
        "rutte": "2024-01-19",
        "kallas": "2024-01-19",
        "karins": "2024-02-23",  # the article of c. 19 January calls him Rinkēvičs: named first in February
        "iohannis": "2024-02-23",
        "wallace": "2024-02-23",
    }


def test_rutte_card_keeps_to_his_own_acts(ds):
    rows = views.candidate_events(ds, "rutte")
    assert set(rows["actor"]) == {"Mark Rutte"}
    assert rows["date"].is_monotonic_increasing
    assert set(views.candidate_events(ds, "iohannis")["event_id"]) == {
        "iohannis-named-contender",
        "iohannis-running",
        "iohannis-withdraws",
    }


def test_map_frame_names_the_source_and_greys_out_allies_not_yet_joined(ds, changes):
    frame = views.map_frame(ds, pd.Timestamp("2024-03-01"), changes).set_index("iso3")
    assert frame.at["SWE", "status"] == "not_yet_member"
    assert frame.at["SWE", "status_label"] == "Not yet an ally"
    assert frame.at["SWE", "source_label"] == "" and frame.at["SWE", "source_when"] == ""
    assert frame.at["ESP", "source_when"] == "c. 23 February 2024 or earlier"  # reported as standing then
    assert frame.at["ESP", "source_label"] == "Outlet not named, c. 23 February 2024"


def test_milestone_labels_mark_each_day_a_stance_is_named_and_the_race_s_turns(ds):
    assert views.milestone_labels(ds) == {
        "france-support-january": "France, Germany, US back",  # one label a day
        "uk-backs-sunak-spokesperson": "UK backs",
        "spain-backs-politico": "Spain backs",
        "hungary-opposes-politico": "Hungary opposes*",  # known only from a cited report's title: starred
        "estonia-backs-kallas": "Estonia backs",
        "turkey-backs-rutte": "Türkiye backs",
        "iohannis-running": "Iohannis runs",
        "iohannis-withdraws": "Iohannis withdraws",
        "rutte-appointed": "Rutte appointed",
        "rutte-takes-office": "Takes office",  # two rows report it; one label
    }


def test_the_stances_of_a_day_are_those_of_its_last_turning_day(ds, changes):
    turns = views.turning_days(ds, changes)
    assert views.same_stances_day("2024-03-10", turns) == pd.Timestamp("2024-03-07")  # Sweden joined
    assert views.same_stances_day("2024-03-06", turns) == pd.Timestamp("2024-03-05")
    assert views.same_stances_day("2024-06-26", turns) == pd.Timestamp("2024-06-26")  # the appointment
    assert views.same_stances_day("1900-01-01", turns) == pd.Timestamp("1900-01-01")  # before any: itself
    race = [t for t in turns if t >= pd.Timestamp("2023-01-01")]
    for day in {t + pd.Timedelta(days=shift) for t in race for shift in (-1, 0, 1)}:
        pd.testing.assert_frame_equal(
            views.map_frame(ds, day, changes), views.map_frame(ds, views.same_stances_day(day, turns), changes)
        )


def test_stance_history_keeps_the_changes_of_the_chosen_allies_and_dates(ds):
    view = replace(bounds_of(ds).default(), countries=("HUN", "TUR"), start=date(2024, 3, 1), end=date(2024, 6, 26))
    history = views.stance_history(ds, view)
    assert list(zip(history["Ally"], history["From"], history["Stance"])) == [
        ("Hungary", "5 March 2024 or earlier", "Opposes"),  # reported by then: a bound, so said
        ("Türkiye", "c. 4 April 2024 or earlier", "Not yet backing"),
        ("Türkiye", "29 April 2024", "Backs Rutte"),
        ("Hungary", "26 June 2024", "Counted as backing at the appointment"),
    ]
    assert history["How we know"].iloc[-1] == "Counted at the appointment, which needed every ally"
    one_day = replace(view, countries=(), start=date(2024, 6, 26), end=date(2024, 6, 26))
    assert views.stance_history(ds, one_day)["From"].eq("26 June 2024").all()


def test_stance_periods_run_from_each_named_stance_to_the_next(ds):
    periods = views.stance_periods(ds)
    hungary = periods[periods["iso3"] == "HUN"]
    assert list(zip(hungary["status"], hungary["start"], hungary["derived"])) == [
        ("opposes", pd.Timestamp("2024-03-05"), False),
        ("backs", pd.Timestamp("2024-06-26"), True),
    ]
    assert hungary["end"].iloc[0] == pd.Timestamp("2024-06-26") and pd.isna(hungary["end"].iloc[1])
    # Only the allies an article names with a stance: the other 24 have no period.
    assert sorted(periods["iso3"].unique()) == ["DEU", "ESP", "EST", "FRA", "GBR", "HUN", "TUR", "USA"]


def test_holdouts_by_a_date_leave_an_unfinished_holdout_open(ds):
    by_april = views.holdouts(views.stance_periods(ds), "2024-04-30")
    assert [(h.name, h.end) for h in by_april] == [("Hungary", None), ("Türkiye", pd.Timestamp("2024-04-29"))]
    assert views.holdouts(views.stance_periods(ds), "2024-03-01") == []  # nobody is named holding out before 5 March


def test_the_unnamed_groups_holding_out_are_their_reports_of_the_day_not_of_an_earlier_position(ds):
    # Bloomberg's 'some Eastern European countries still do not fully support Rutte' (c. 19 January) and 'a few
    # allies' not yet declared (c. 23 February); the June article's 'initially raised concerns' is of an earlier
    # position and says nothing of its date.
    groups = views.unnamed_holdouts(ds)
    assert [(g["who"], g["stance"], g["when"]) for g in groups] == [
        ("Some Eastern European allies", "reservations", "c. 19 January 2024"),
        ("A few allies", "undeclared", "c. 23 February 2024"),
    ]


def test_the_inferred_dates_are_listed_oldest_first(ds):
    """Editor round 29: the Sources page's table ran 'November 2019, November 2019, c. 19 February 2021, November
    2019, June 2021'."""
    days = list(views.inferred_dates(ds.events)["date"])
    assert days == sorted(days) and len(days) > 10
    assert days[:2] == [pd.Timestamp("2019-11-01"), pd.Timestamp("2019-11-01")]  # Erdoğan's reply, and its reference


def test_a_backing_counted_at_the_decision_is_not_said_to_be_reported(ds):
    """Fact-check round 24: the 24 allies counted at the appointment each read 'Reported by 1 article only'."""
    table = views.stance_history(ds)
    counted = table[table["How we know"] == ds.race.stances.counted_how]
    assert len(counted) == 25 and set(counted["How sure are we"]) == {"No article names it"}  # 24 unnamed, Hungary
    assert set(counted["Stance"]) == {"Counted as backing at the appointment"}
    named = table[table["How we know"] == "Named in the article"]
    assert named["How sure are we"].str.startswith("Reported by").all()
