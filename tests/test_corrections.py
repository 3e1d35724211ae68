"""The corrections log: the articles' own errors, the changes to the data, newest first; readers see as corrections
only the changes made after publication, and the charts that draw such rows link to them."""

import pandas as pd
import pytest

from tracker.model import corrections


@pytest.fixture(scope="module")
def log(ds):
    return corrections.log(ds.corrections, ds.events, ds.articles)


def test_every_article_error_and_data_change_is_listed_newest_first(ds, log):
    assert len(log) == len(ds.corrections)
    assert set(log.loc[log["Kind"] == "The article is wrong", "event_id"]) == set(
        ds.events.loc[ds.events["note_type"] == "correction", "event_id"]
    )
    # The Wilders forecast was logged as an article error in 1.0.0; 1.2.0 found it a forecast that later failed. The
    # place of Erdoğan's press conference was counted twice in 1.0.0; 1.3.0 keeps it on the southern-flank row alone.
    assert list(log.loc[log["Kind"] == corrections.WITHDRAWN, "event_id"]) == [
        "wilders-to-lead-coalition",
        "erdogan-export-restrictions",
    ]
    # each withdrawn by a line of its own, with its reason (fact-check round 27: the note type's change alone did
    # not say so in the log)
    withdrawals = log[log["Kind"] == "We withdrew an article error"]
    assert list(withdrawals["event_id"]) == ["wilders-to-lead-coalition", "erdogan-export-restrictions"]
    assert "forecast" in withdrawals["Why"].iloc[0] and list(withdrawals["Correction"]) == ["", ""]
    withdrawal = log[
        (log["event_id"] == "wilders-to-lead-coalition")
        & (log["Kind"] == "We changed the data")
        & log["Correction"].str.startswith("The kind of note")
    ]
    assert list(withdrawal["Correction"]) == ["The kind of note changed from “correction” to “caution”."]
    assert "forecast" in withdrawal["Why"].iloc[0]
    assert (
        list(log["Corrected on"][:2]) == ["7 December 2026"] * 2 and log["Corrected on"].iloc[-1] == "23 November 2026"
    )


def test_data_changes_are_grouped_by_reason_then_row_newest_version_first_then_most_rows():
    changes = pd.DataFrame(
        {
            "Data version": ["1.2.0"] * 5 + ["1.1.0"] * 2,
            "Corrected on": ["1 December 2026"] * 5 + ["25 November 2026"] * 2,
            "Why": ["few", "few", "many", "many", "many", "old", "old"],
            "Event": ["a", "a", "b", "c", "d", "e", "f"],  # "few" changed two fields of one row
            "Event date": ["Jan 2024"] * 7,
            "Article": ["Title"] * 7,
        }
    )
    groups = corrections.by_reason(changes)
    assert [[list(row["Event"]) for row in reason] for reason in groups] == [
        [["b"], ["c"], ["d"]],
        [["a", "a"]],
        [["e"], ["f"]],
    ]


def test_a_data_change_says_what_changed_and_why(log):
    row = log[(log["event_id"] == "eastern-allies-come-round") & (log["Data version"] == "1.1.0")].iloc[0]
    # In a reader's words: no field name, no internal id; the other reports are named by their summaries.
    assert row["Correction"] == (
        "No longer counted as another report of the same fact as “Some Eastern European allies do not yet fully "
        "support Rutte”, “Some, mostly Eastern European, allies first argue the post should go to someone from their "
        "region” and “Some Eastern flank allies want their region better represented in NATO’s top posts”."
    )
    assert row["Data version"] == "1.1.0" and "a change of stance" in row["Why"]


def test_an_article_error_shows_what_the_article_says_and_what_is_right(ds, log):
    row = log[(log["event_id"] == "karins-named-contender") & (log["Kind"] == "The article is wrong")].iloc[0]
    event = ds.events.set_index("event_id").loc["karins-named-contender"]
    assert (
        row["Article says"] == event["evidence"]
        and row["Correction"] == event["note"]
        and "Latvian" in row["Correction"]
    )


PUBLISHED = pd.Timestamp("2026-12-10")


def changes_on(day: str, *event_ids: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "correction_id": [f"c-{event_id}" for event_id in event_ids],
            "date": pd.Timestamp(day),
            "kind": "data_change",
            "event_id": list(event_ids),
        }
    )


def test_only_changes_from_publication_on_are_corrections(ds):
    log = pd.concat([changes_on("2026-12-09", "spain-backs-politico"), changes_on("2026-12-10", "turkey-backs-rutte")])
    assert list(corrections.after_publication(log, PUBLISHED)["event_id"]) == ["turkey-backs-rutte"]
    # Unpublished, every change is the fact-check's: none is a correction.
    assert corrections.after_publication(log, None).empty
    # The data as it stands: not yet published, and so no correction yet.
    assert ds.published is None and corrections.after_publication(ds.corrections, ds.published).empty


@pytest.mark.parametrize(
    "event_ids, expected",
    [
        ([], ""),
        (["hungary-opposes-politico"], ""),
        (
            ["turkey-backs-rutte", "hungary-opposes-politico"],
            "Corrected since publication: 1 row drawn here; the Corrections page says what and when.",
        ),
        (
            ["turkey-backs-rutte", "spain-backs-politico", "estonia-backs-kallas", "karins-named-contender"],
            "Corrected since publication: 3 rows drawn here; the Corrections page says what and when.",
        ),
    ],
)
def test_chart_notice_counts_the_rows_drawn_that_were_corrected_after_publication(event_ids, expected):
    log = pd.concat(
        [
            changes_on("2026-12-01", "karins-named-contender"),  # the fact-check's, before publication
            changes_on("2026-12-11", "turkey-backs-rutte", "spain-backs-politico", "estonia-backs-kallas"),
        ]
    )
    assert corrections.chart_notice(log, PUBLISHED, event_ids) == expected


def test_the_event_date_is_the_event_s_not_the_correction_s(log):
    assert log.loc[log["event_id"] == "karins-named-contender", "Event date"].iloc[0] == "c. 23 February 2024"
    assert log.loc[log["event_id"] == "rutte-pm-since-2010", "Event date"].iloc[0] == "14 October 2010"


def test_no_export_carries_a_corrections_line_before_publication(ds):
    from tracker.charts.chart_registry import view_charts
    from tracker.exports import whole_view
    from tracker.reader.filters import bounds_of

    view = bounds_of(ds).default()
    assert {item.slug: item.corrections_notice for item in view_charts(ds, view)} == {
        "stances-by-ally": "",
        "timeline": "",
        "backer-map": "",
        "candidates": "",
    }
    page = whole_view.story_html(ds, view).decode("utf-8")
    assert "orrect" not in page.replace("correct a claim", "")  # the sources' note says outside facts correct claims


@pytest.mark.parametrize(
    "field, before, after, expected",
    [
        ("stance", "reservations", "backs", "The stance changed from “reservations” to “backs”."),
        ("date_precision", "approx", "", "How exactly the date is known changed from “approx” to nothing."),
        (
            "summary",
            "Türkiye backs Rutte.",
            "Türkiye says it backs Rutte.",
            "The summary changed from “Türkiye backs Rutte.” to “Türkiye says it backs Rutte.”",
        ),
    ],
)
def test_a_change_to_any_field_is_named_in_readers_words(ds, field, before, after, expected):
    change = {"field": field, "before": before, "after": after, "event_id": "turkey-backs-rutte"}
    assert corrections.described(change, ds.events) == expected
