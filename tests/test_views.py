"""Derived views on the real data, checked against what data/events.csv says row by row.

Facts used below, read off events.csv (named allies' stances toward Rutte, candidate rutte):
  FRA, DEU, USA back from c. 19 Jan 2024 (bloomberg-backers); GBR from c. 22 Feb (first reported by
  leading-contender, published before rutte-chosen); ESP from c. 23 Feb; HUN opposes 5 Mar, undeclared
  from c. 4 Apr (no sign yet of support), reservations from c. 29 Apr; TUR reservations 31 Mar, backs
  29 Apr; EST backs 2 Apr. The North Atlantic Council appoints Rutte on 26 Jun 2024, so every ally backs
  from then. Sweden joined 7 Mar 2024.
"""

import csv
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from data_copies import DATA, SEEDS
from rutte_race import views
from rutte_race.filters import bounds_of
from rutte_race.text import normalise

ALLIES = 32


def csv_rows(file: str) -> list[dict]:
    with open(DATA / file, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def status_on(ds, changes, day: str, iso3: str) -> str:
    as_of = views.stances_as_of(ds, pd.Timestamp(day), changes)
    return str(as_of.set_index("iso3").at[iso3, "status"])


@pytest.mark.parametrize(
    "day, iso3, status",
    [
        ("2024-01-18", "FRA", "undeclared"),
        ("2024-01-19", "FRA", "backs"),
        ("2024-01-19", "USA", "backs"),
        ("2024-02-21", "GBR", "undeclared"),
        ("2024-02-22", "GBR", "backs"),
        ("2024-02-23", "ESP", "backs"),
        ("2024-03-04", "HUN", "undeclared"),
        ("2024-03-05", "HUN", "opposes"),
        ("2024-04-03", "HUN", "opposes"),
        ("2024-04-04", "HUN", "undeclared"),  # europolitika-kallas: 'still no sign of supporting Rutte'
        ("2024-04-28", "HUN", "undeclared"),
        ("2024-04-29", "HUN", "reservations"),  # turkey-backs: 'had earlier expressed reservations'
        ("2024-06-25", "HUN", "reservations"),
        ("2024-06-26", "HUN", "backs"),
        ("2024-03-30", "TUR", "undeclared"),
        ("2024-03-31", "TUR", "undeclared"),  # Erdoğan's expectations in the call are not a stance
        ("2024-04-04", "TUR", "undeclared"),
        ("2024-04-26", "TUR", "reservations"),
        ("2024-04-28", "TUR", "reservations"),
        ("2024-04-29", "TUR", "backs"),
        ("2024-04-01", "EST", "undeclared"),
        ("2024-04-02", "EST", "backs"),
        ("2024-01-19", "SWE", "not_yet_member"),
        ("2024-03-06", "SWE", "not_yet_member"),
        ("2024-03-07", "SWE", "undeclared"),
        ("2024-06-26", "SWE", "backs"),
        ("2024-06-25", "NLD", "undeclared"),  # no row gives the Netherlands' own stance before the appointment
        ("2024-06-26", "NLD", "backs"),
        ("2024-12-31", "ALB", "backs"),
    ],
)
def test_an_allys_status_on_a_date(ds, changes, day, iso3, status):
    assert status_on(ds, changes, day, iso3) == status


@pytest.mark.parametrize(
    "day, counts",
    [
        ("2024-01-18", {"backs": 0, "reservations": 0, "opposes": 0, "undeclared": 31, "not_yet_member": 1}),
        ("2024-03-06", {"backs": 5, "reservations": 0, "opposes": 1, "undeclared": 25, "not_yet_member": 1}),
        ("2024-03-07", {"backs": 5, "reservations": 0, "opposes": 1, "undeclared": 26, "not_yet_member": 0}),
        ("2024-04-04", {"backs": 6, "reservations": 0, "opposes": 0, "undeclared": 26, "not_yet_member": 0}),
        ("2024-06-25", {"backs": 7, "reservations": 1, "opposes": 0, "undeclared": 24, "not_yet_member": 0}),
        ("2024-06-26", {"backs": 32, "reservations": 0, "opposes": 0, "undeclared": 0, "not_yet_member": 0}),
    ],
)
def test_status_counts_on_a_date(ds, changes, day, counts):
    assert views.status_counts(views.stances_as_of(ds, pd.Timestamp(day), changes)) == counts


def test_stances_as_of_has_one_row_per_ally_with_its_source(ds, changes):
    as_of = views.stances_as_of(ds, pd.Timestamp("2024-04-30"), changes)
    assert sorted(as_of["iso3"]) == sorted(row["iso3"] for row in csv_rows("nato_members.csv"))
    assert len(as_of) == ALLIES
    sources = as_of.set_index("iso3")["source_event_id"]
    assert sources["TUR"] == "turkey-backs-rutte"
    assert sources["HUN"] == "hungary-reservations-april"  # the first report of the stance it still holds
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
        ("2024-04-04", "HUN", "undeclared", "hungary-no-sign-april"),
        ("2024-04-04", "TUR", "undeclared", "turkiye-no-sign-april"),
        ("2024-04-26", "TUR", "reservations", "turkey-reservations-until-visit"),
        ("2024-04-29", "HUN", "reservations", "hungary-reservations-april"),
        ("2024-04-29", "TUR", "backs", "turkey-backs-rutte"),
    ]


def test_the_appointment_makes_every_other_ally_a_backer(changes):
    derived = changes[changes["derived"]]
    backers_before = {"FRA", "DEU", "USA", "GBR", "ESP", "EST", "TUR"}
    members = {row["iso3"] for row in csv_rows("nato_members.csv")}
    assert set(derived["iso3"]) == members - backers_before
    assert set(derived["event_id"]) == {"rutte-appointed"}
    assert (derived["date"] == pd.Timestamp("2024-06-26")).all()


def test_backers_by_date_follows_every_change(ds, changes):
    by_date = views.backers_by_date(ds, changes)
    assert by_date["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-01-19",
        "2024-02-22",
        "2024-02-23",
        "2024-03-05",
        "2024-04-02",
        "2024-04-04",
        "2024-04-26",
        "2024-04-29",
        "2024-06-26",
    ]
    assert by_date["backs"].tolist() == [3, 4, 5, 5, 6, 6, 6, 7, 32]
    assert by_date["backs"].is_monotonic_increasing  # nobody withdrew their backing
    assert (by_date[views.STATUS_ORDER].sum(axis=1) == ALLIES).all()
    assert by_date["allies"].tolist() == [31, 31, 31, 31, 32, 32, 32, 32, 32]  # Sweden from 7 Mar (no change that day)


def test_backers_by_date_for_chosen_countries(ds, changes):
    by_date = views.backers_by_date(ds, changes, countries=("HUN", "TUR")).set_index("date")
    by_date = by_date[["backs", "reservations", "opposes", "undeclared"]]
    assert by_date.loc["2024-03-05"].tolist() == [0, 0, 1, 1]
    assert by_date.loc["2024-04-04"].tolist() == [0, 0, 0, 2]
    assert by_date.loc["2024-04-26"].tolist() == [0, 1, 0, 1]
    assert by_date.loc["2024-04-29"].tolist() == [1, 1, 0, 0]
    assert by_date.loc["2024-06-26"].tolist() == [2, 0, 0, 0]


def test_backers_by_date_counts_a_chosen_ally_only_once_it_has_joined(ds, changes):
    by_date = views.backers_by_date(ds, changes, countries=("SWE",))
    assert by_date["allies"].tolist() == [0, 0, 0, 0, 1, 1, 1, 1, 1]  # Sweden joined on 7 March 2024
    assert by_date[views.NOT_YET_MEMBER].tolist() == [1, 1, 1, 1, 0, 0, 0, 0, 0]


def test_backers_by_month(ds, changes):
    by_month = views.backers_by_month(ds, changes)
    assert dict(zip(by_month["month"], by_month["backs"])) == {
        "2024-01": 3,
        "2024-02": 5,
        "2024-03": 5,
        "2024-04": 7,
        "2024-05": 7,
        "2024-06": 32,
    }


def test_first_backing_is_the_first_reported_one_at_its_precision(ds, changes):
    first, appointment, days = views.first_backing_to_appointment(ds, changes)
    # Bloomberg, c. 19 Jan 2024: France, Germany and the United States back him (dated roughly, not to the day).
    assert sorted(first["iso3"]) == ["DEU", "FRA", "USA"] and set(first["date_precision"].astype(str)) == {"approx"}
    assert appointment["event_id"] == "rutte-appointed"
    assert days == 159  # 19 Jan to 26 Jun 2024


def test_story_figures(ds, changes):
    figures = views.story_figures(ds, changes)
    assert figures["days_to_appointment"] == 159
    assert (
        figures["first_backers"] == ["France", "Germany", "United States"]
        and figures["first_backing_when"] == "c. 19 Jan 2024"
    )
    assert figures["rivals_who_ran"] == ["Klaus Iohannis"]  # the others were only named in the press
    assert figures["named_backers_before_appointment"] == 7  # FRA DEU USA GBR ESP EST TUR
    assert figures["held_out"] == ["Hungary", "Türkiye"]
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


def test_candidate_table(ds):
    table = views.candidate_table(ds).set_index("candidate_id")
    assert len(table) == 6
    assert table["status"].astype(str).to_dict() == {
        "rutte": "appointed",
        "kallas": "mentioned",
        "rinkevics": "mentioned",
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
        "rinkevics": "2024-01-19",
        "karins": "2024-02-23",
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
    assert frame.at["ESP", "source_when"] == "c. 23 Feb 2024"
    assert frame.at["ESP", "source_label"] == (
        "Mark Rutte Positioned as Leading NATO Secretary General Contender (Not named in the text)"
    )


def test_milestone_labels_mark_the_first_day_dated_turns(ds):
    labels = views.milestone_labels(ds)
    assert labels["us-backs-kirby"] == "US backs"
    assert labels["hungary-opposes-politico"] == "Hungary opposes"
    assert labels["iohannis-withdraws"] == "Iohannis withdraws"
    assert labels["rutte-appointed"] == "Rutte appointed"
    assert list(labels.values()).count("Takes office") == 1  # two rows report it; one label


@pytest.mark.parametrize(
    "counts, sentence",
    [
        (
            {"backs": 7, "reservations": 1, "opposes": 0, "undeclared": 24, "not_yet_member": 0},
            "7 allies back Rutte, 1 holds reservations, 24 have no public stance reported",
        ),
        (
            {"backs": 1, "reservations": 0, "opposes": 2, "undeclared": 0, "not_yet_member": 0},
            "1 ally backs Rutte, 2 oppose him",
        ),
        (
            {"backs": 0, "reservations": 0, "opposes": 0, "undeclared": 1, "not_yet_member": 1},
            "1 ally has no public stance reported, 1 is not yet an ally",
        ),
        ({"backs": 0, "reservations": 0, "opposes": 0, "undeclared": 0, "not_yet_member": 0}, "no allies shown"),
    ],
)
def test_stance_summary(counts, sentence):
    assert views.stance_summary(counts) == sentence


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
    view = replace(bounds_of(ds).default(), countries=("HUN", "TUR"), start=date(2024, 4, 1), end=date(2024, 6, 26))
    history = views.stance_history(ds, view)
    assert list(zip(history["Ally"], history["From"], history["Stance"])) == [
        ("Hungary", "c. 4 Apr 2024", "undeclared"),
        ("Türkiye", "c. 4 Apr 2024", "undeclared"),
        ("Türkiye", "c. 26 Apr 2024", "reservations"),
        ("Hungary", "c. 29 Apr 2024", "reservations"),
        ("Türkiye", "29 Apr 2024", "backs"),
        ("Hungary", "26 Jun 2024", "backs"),
    ]
    assert history["How we know"].iloc[-1] == "Derived: the appointment needed every ally's consent"
    one_day = replace(view, countries=(), start=date(2024, 6, 26), end=date(2024, 6, 26))
    assert views.stance_history(ds, one_day)["From"].eq("26 Jun 2024").all()
