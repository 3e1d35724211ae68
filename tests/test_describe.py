"""Chart descriptions generated from the data and the filters: right on known dates, shown under each chart,
given as its accessible text, and written into its exports."""

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tracker.charts.chart_registry import view_charts
from tracker.data import kinds
from tracker.data.text import escape_markdown
from tracker.exports import export
from tracker.model import views
from tracker.prose import describe
from tracker.reader.filters import bounds_of, facts_in_view

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "names, expected",
    [
        ([], ""),  # none: a copy template leaves its clause out
        (["Hungary"], "Hungary"),
        (["Hungary", "Türkiye"], "Hungary and Türkiye"),
        (["A", "B", "C"], "A, B and C"),
        (["A", "B", "C", "D"], "A, B, C and 1 other"),
        (list("ABCDEF"), "A, B, C and 3 others"),
    ],
)
def test_names_list(names, expected):
    assert describe.names_list(names) == expected


@pytest.mark.parametrize(
    "day, countries, expected",
    [
        # Türkiye had given no sign yet: Erdoğan's expectations in the call of 31 March are not a stance.
        ("2024-03-31", (), "On 31 March 2024, five of 32 allies were named as backing Rutte. Hungary opposed him."),
        # EUROPolitika, c. 4 April: 'still no sign of supporting Rutte ... from Türkiye and Hungary'. Hungary's
        # opposition continues; Türkiye is named as not yet backing.
        (
            "2024-04-10",
            (),
            "On 10 April 2024, six of 32 allies were named as backing Rutte. Hungary was reported opposing him "
            "by 5 March 2024 and last reported still holding out around 4 April 2024, "
            "with no later report that it still did; "
            "Türkiye was not yet backing him.",
        ),
        (
            "2024-04-30",
            (),
            "On 30 April 2024, seven of 32 allies were named as backing Rutte. Hungary was reported opposing him "
            "by 5 March 2024 and last reported still holding out around 4 April 2024, "
            "with no later report that it still did.",
        ),
        (
            "2024-04-30",
            ("HUN", "TUR"),
            "On 30 April 2024, one of the two chosen allies was named as backing Rutte. Hungary was reported "
            "opposing him by 5 March 2024 and last reported still holding out around 4 April 2024, with no later "
            "report that it still did.",
        ),
        (
            "2024-04-30",
            ("HUN",),
            "On 30 April 2024, Hungary was not named as backing Rutte. Hungary was reported "
            "opposing him by 5 March 2024 and last reported still holding out around 4 April 2024, with no later "
            "report that it still did.",
        ),
        (
            "2024-06-26",
            (),
            "On 26 June 2024, 32 of 32 allies backed Rutte: seven named by the articles, 25 counted from the "
            "appointment, which needed every ally.",
        ),
        (
            "2024-02-01",
            (),
            "On 1 February 2024, three of 31 allies were named as backing Rutte.",
        ),  # before Sweden joined
    ],
)
def test_map_description_on_known_dates(ds, changes, day, countries, expected):
    assert describe.stances_on(views.map_frame(ds, day, changes), day, countries, race=ds.race) == expected


def test_story_chart_title_states_the_finding_for_the_dates(ds):
    holdouts = views.holdouts(views.stance_periods(ds))
    appointed = pd.Timestamp("2024-06-26")
    # Hungary's last report holding out is EUROPolitika's 'still no sign of supporting' (c. 4 April); the news
    # aggregator's 'had earlier expressed reservations' (29 April) reports an earlier position, not one of its date.
    assert describe.stances_title(holdouts, 7, appointed, "2024-10-01", race=ds.race) == (
        "Seven allies were named as backing Rutte before his appointment; the articles last report Hungary holding "
        "out around 4 April 2024"
    )
    by_april = views.holdouts(views.stance_periods(ds), "2024-04-30")
    assert describe.stances_title(by_april, 7, appointed, "2024-04-30", race=ds.race) == (
        "By 30 April 2024, seven allies were named as backing Rutte; the articles last report Hungary holding out "
        "around 4 April 2024"
    )
    # Before 4 April, Hungary's only report is Politico's of 5 March.
    by_march = views.holdouts(views.stance_periods(ds), "2024-03-30")
    assert describe.stances_title(by_march, 5, appointed, "2024-03-30", race=ds.race) == (
        "By 30 March 2024, five allies were named as backing Rutte; the articles report Hungary holding out by 5 "
        "March 2024"
    )
    assert describe.stances_title([], 0, appointed, "2024-01-01", race=ds.race) == (
        "By 1 January 2024, no ally was named as backing Rutte"
    )


def test_timeline_description_counts_each_fact_once_and_says_which_dates_are_bounds(ds):
    rows = facts_in_view(ds, bounds_of(ds).default())
    counts = rows["kind"].astype(str).value_counts()
    bounded = rows["date_basis"].str.startswith("No later than").sum()
    text = describe.timeline(rows)
    assert text.startswith(f"{len(rows)} sourced events from 2023 to 1 October 2024.")
    assert f"({counts.iloc[0]})" in text and f"{kinds.words()[counts.index[0]]} ({counts.iloc[0]})" in text
    assert (
        f" {bounded} are known only to have happened by a date (most often the day the article reporting them was "
        "published), so they may have happened earlier." in text
    )
    # The backing of France, Germany and the US, reported by four articles each, is three backings, not twelve.
    assert "backings (8)" in text
    assert describe.timeline(rows.head(0)) == "No events match these filters."


def test_candidates_description_says_how_each_run_ended(ds):
    table = views.candidate_table(ds)
    assert describe.candidates(table, ds.events, 5, ds.race) == (
        "Five people were named for the job. Mark Rutte was appointed on 26 June 2024; Kaja Kallas stood aside on "
        "2 April 2024; Klaus Iohannis withdrew on 20 June 2024. The other two expressed interest or were named in the "
        "press, and never declared."
    )  # Kallas never declared (no candidacy row): she stood aside; Iohannis declared, then withdrew
    only_wallace = table[table["candidate_id"] == "wallace"]
    assert describe.candidates(only_wallace, ds.events, 5, ds.race) == (
        "One of the five people named for the job has a step of their run in these dates."
    )


def test_a_candidate_with_no_step_in_the_dates_is_left_out_of_chart_cards_and_words(ds):
    """From the appointment on, only Rutte's run has a step (appointed, took office): the others' runs had ended."""
    view = replace(bounds_of(ds).default(), start=date(2024, 6, 26))
    [chart] = [chart for chart in view_charts(ds, view) if chart.slug == "candidates"]
    assert chart.rows["candidate_id"].tolist() == ["rutte"]
    assert chart.description == (
        "One of the five people named for the job has a step of their run in these dates. Mark Rutte was appointed "
        "on 26 June 2024."
    )


@pytest.mark.parametrize(
    "entry, starts",
    [
        ("app.py", "The articles name seven of 32 allies as backing Rutte before his appointment on 26 June 2024"),
        ("pages/timeline.py", "71 sourced events from 2023 to 1 October 2024."),  # a fact several report: once
        (
            "pages/backer_map.py",
            "On 25 June 2024, seven of 32 allies were named as backing Rutte. Hungary was reported opposing him "
            "by 5 March 2024 and last reported still holding out around 4 April 2024, "
            "with no later report that it still did.",
        ),
        ("pages/candidates.py", "Five people were named for the job."),
    ],
)
def test_each_chart_shows_its_description_and_gives_it_as_alt_text(entry, starts):
    at = AppTest.from_file(str(ROOT / entry), default_timeout=60).run()
    chart = at.get("vega_lite_chart")[0]
    assert starts in chart.proto.alt
    assert any(c.value.startswith(escape_markdown(starts)) for c in at.caption)


def test_an_export_carries_the_description_above_the_source(ds, changes):
    from tracker.charts import charts

    frame = views.map_frame(ds, "2024-04-30", changes)
    description = describe.stances_on(frame, "2024-04-30", race=ds.race)
    spec = export.export_spec(
        charts.backer_map(frame, ds.shapes, (), "T", "S", ds.race.stances).to_dict(), f"{description}\nSource: test"
    )
    assert spec["title"]["text"][0].startswith("On 30 April 2024, seven of 32 allies were named as backing Rutte.")
    assert spec["title"]["text"][-1] == "Source: test"
    svg = export.render(spec, "svg").decode("utf-8")
    drawn = " ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg))  # the footer, wrapped onto lines as drawn
    assert (
        "On 30 April 2024, seven of 32 allies were named as backing Rutte. Hungary was reported opposing him "
        "by 5 March 2024 and last reported still holding out around 4 April 2024, with no later report that it still "
        "did." in drawn
    )


def test_long_footer_lines_wrap_inside_the_export_width():
    spec = export.export_spec({"mark": "point"}, "word " * 60 + "\nSource")
    lines = spec["title"]["text"]
    assert len(lines) > 2 and lines[-1] == "Source" and all(len(line) <= export.FOOTER_WRAP for line in lines)
    assert " ".join(lines[:-1]).split() == ["word"] * 60


@pytest.mark.parametrize(
    "name, expected",
    [("United States", "the United States"), ("Netherlands", "the Netherlands"), ("Türkiye", "Türkiye")],
)
def test_country_names_read_as_prose(name, expected):
    assert describe.in_prose(name) == expected


def test_a_sentence_starting_with_the_united_kingdom_is_capitalised(ds):
    stances = pd.DataFrame({"iso3": ["GBR"], "name": ["United Kingdom"], "status": ["reservations"]})
    assert describe.stances_on(stances, pd.Timestamp("2024-03-01"), (), race=ds.race).endswith(
        " The United Kingdom held reservations."
    )


def test_with_one_chosen_ally_the_story_names_it_rather_than_counting(ds):
    view = replace(bounds_of(ds).default(), countries=("TUR",))
    [story] = [chart for chart in view_charts(ds, view) if chart.slug == "stances-by-ally"]
    assert story.description.startswith(
        "The articles name Türkiye as backing Rutte before his appointment on 26 June 2024, from 29 April 2024."
    )
    view = replace(view, countries=("HUN",))
    [story] = [chart for chart in view_charts(ds, view) if chart.slug == "stances-by-ally"]
    assert story.description.startswith(
        "The articles do not name Hungary as backing Rutte before his appointment on 26 June 2024."
    )


def test_the_map_says_none_of_the_chosen_allies_was_named_not_0_of(ds):
    """Editor round 32: 'On 4 April 2024, zero of the two chosen allies were named as backing Rutte.'"""
    said = describe.stances_on(views.map_frame(ds, "2024-04-04"), "2024-04-04", ("HUN", "TUR"), race=ds.race)
    assert said.startswith("On 4 April 2024, none of the two chosen allies was named as backing Rutte. ")
