"""Corroboration: how many articles report each row's fact, and where they disagree, on the real data."""

import pandas as pd
import pytest

from tracker.model.corroboration import corroborate, how_sure


@pytest.fixture(scope="module")
def events(ds):
    return ds.events.set_index("event_id")


@pytest.mark.parametrize(
    "event_id, expected",
    [
        ("us-supports-january", "Reported by 4 of the 5 articles"),  # five rows, two from one article
        ("spain-backs-politico", "Reported by 1 article only"),
        ("macron-brain-death", "Reported by 1 article only"),  # two rows of one article are one report
    ],
)
def test_reported_by_counts_articles_not_rows(events, event_id, expected):
    assert events.at[event_id, "how_sure"] == expected


def test_every_row_of_a_fact_gets_the_same_count_and_articles(events):
    facts = events[events["fact_id"] != ""].groupby("fact_id")
    assert (facts["reported_by"].nunique() == 1).all() and (facts["reported_in"].nunique() == 1).all()
    assert facts.get_group("usa-backs-rutte")["article_id"].nunique() == events.at["us-backs-kirby", "reported_by"] == 4


def test_a_disagreement_shows_on_every_report_of_the_fact(events):
    # The report of c. 23 February says 12 years; the other reports of Rutte's tenure (13 years, since 2010) are right,
    # and all say they disagree.
    for event_id in ("rutte-twelve-year-tenure", "rutte-pm-since-2010", "rutte-thirteen-year-term"):
        assert events.at[event_id, "how_sure"].startswith(
            "Reported by 3 of the 5 articles; they disagree: Rutte had been prime minister since 14 October 2010"
        )


def test_hungary_s_objection_and_its_undated_earlier_reservations_are_two_facts(events):
    # EUROPolitika cites Politico's 'Hungary opposes' of 5 March; the news aggregator says Hungary 'had earlier
    # expressed reservations', with no date, so nothing ties it to that report: each stands on its own article.
    assert events.at["hungary-opposes-politico", "how_sure"] == "Reported by 1 article only"
    assert events.at["hungary-reservations-april", "how_sure"] == "Reported by 1 article only"


def test_an_article_contradicting_itself_says_so(events):
    # The news aggregator's text says a successor is to be named by the end of April; its key takeaways, by June.
    for event_id in ("nominate-by-end-april", "nominate-by-june"):
        assert events.at[event_id, "how_sure"].startswith("Reported by 1 article only, which contradicts itself: ")


def test_expectations_of_different_times_are_different_facts(events):
    # The Bloomberg relay's 'this spring' is its own fact; 'by the Washington summit' is one fact of two articles.
    assert events.at["bloomberg-spring-deadline", "how_sure"] == "Reported by 1 article only"
    for event_id in ("decision-by-washington-summit", "resolution-before-summit"):
        assert events.at[event_id, "how_sure"] == "Reported by 2 of the 5 articles"


def test_the_consensus_rule_is_reported_by_all_five_articles(events):
    for event_id in (
        "unanimous-decision-january",
        "consensus-needed-february",
        "all-allies-must-accept",
        "approval-of-all-32",
        "consensus-of-32",
    ):
        assert events.at[event_id, "how_sure"] == "Reported by all 5 articles"


def test_a_lone_article_error_says_it_is_corrected(events):
    assert (
        events.at["karins-named-contender", "how_sure"]
        == "Reported by 1 article only, with a detail of its wording corrected from outside the articles (see the note)"
    )


def test_reported_in_names_the_articles_by_outlet_and_date_oldest_first(events):
    assert events.at["us-supports-january", "reported_in"].split(" · ") == [
        "Bloomberg via a Ukrainian news site, c. 19 January 2024",
        "Outlet not named, c. 23 February 2024",
        "News aggregator (Nitish Verma), c. 29 April 2024",
        "Outlet not named, c. 26 June 2024",
    ]


@pytest.mark.parametrize(
    "n, disagreement, note_type, expected",
    [
        (5, "", "", "Reported by all 5 articles"),
        (2, "", "caution", "Reported by 2 of the 5 articles"),
        (2, "A says X; B says Y.", "", "Reported by 2 of the 5 articles; they disagree: A says X; B says Y."),
    ],
)
def test_how_sure(n, disagreement, note_type, expected):
    assert how_sure(n, 5, disagreement, note_type) == expected


def test_a_fact_without_an_id_is_its_own(events):
    frame = pd.DataFrame(
        {"event_id": ["a", "b"], "fact_id": ["", ""], "article_id": ["x", "y"], "note_type": ["", ""], "note": ["", ""]}
    )
    articles = pd.DataFrame(
        {
            "article_id": ["x", "y"],
            "cited_as": ["X", "Y"],
            "published": pd.to_datetime(["2024-01-01", "2024-02-01"]),
            "published_precision": ["day", "day"],
        }
    )
    assert corroborate(frame, articles)["reported_by"].tolist() == [1, 1]
