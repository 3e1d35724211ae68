"""The sidebar's date control: the race by default, presets from the data, exact days, and old links."""

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from tracker.data.text import escape_markdown

ROOT = Path(__file__).resolve().parent.parent
RACE = (date(2023, 7, 7), date(2024, 10, 1))


def app(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def control(at: AppTest) -> tuple:
    """(preset chosen, from, to, earliest day offered, latest day offered)."""
    first, last = at.sidebar.date_input
    return at.sidebar.button_group[0].value, first.value, last.value, first.min, first.max


def test_the_default_is_the_race_and_the_control_offers_only_the_race():
    at = app()
    assert not at.exception
    assert control(at) == ("race", *RACE, *RACE)
    assert at.sidebar.caption[0].value == "7 July 2023 to 1 October 2024: 453 days."
    assert dict(at.query_params) == {}


def test_a_preset_sets_the_dates_and_the_link():
    at = app()
    at.sidebar.button_group[0].set_value("holdout").run()
    assert not at.exception
    assert control(at) == ("holdout", date(2024, 4, 29), date(2024, 10, 1), *RACE)
    assert dict(at.query_params) == {"from": "2024-04-29"}


def test_exact_days_set_the_link_and_match_a_preset_when_they_are_one():
    at = app()
    at.sidebar.date_input[1].set_value(date(2024, 6, 30)).run()
    assert control(at) == (None, date(2023, 7, 7), date(2024, 6, 30), *RACE)
    assert "(your own dates)" in at.sidebar.caption[0].value
    at.sidebar.date_input[0].set_value(date(2024, 1, 1)).run()
    assert control(at)[:3] == ("run-up", date(2024, 1, 1), date(2024, 6, 30))
    assert dict(at.query_params) == {"from": "2024-01-01", "to": "2024-06-30"}


def test_days_typed_in_reverse_order_are_swapped_with_a_notice_said_once():
    at = app()
    at.sidebar.date_input[0].set_value(date(2024, 6, 30)).run()
    at.sidebar.date_input[1].set_value(date(2024, 1, 1)).run()
    assert control(at)[1:3] == (date(2024, 1, 1), date(2024, 6, 30))
    assert at.sidebar.caption[0].value == (
        "1 January 2024 to 30 June 2024: 182 days. The “From” day was after the “To” day, so the two were swapped."
    )
    at.run()
    assert at.sidebar.caption[0].value == "1 January 2024 to 30 June 2024: 182 days."


def test_the_background_is_one_explicit_choice_away_and_reset_returns_to_the_race():
    at = app()
    at.sidebar.button_group[0].set_value("background").run()
    assert control(at) == ("background", date(2010, 10, 14), date(2024, 10, 1), date(2010, 10, 14), date(2024, 10, 1))
    next(b for b in at.sidebar.button if b.label == "Reset filters").click().run()
    assert control(at) == ("race", *RACE, *RACE) and dict(at.query_params) == {}


def test_old_links_still_open_and_a_moved_value_gets_a_notice():
    at = app(**{"from": "2012-01-01", "to": "2012-12-31"})  # a link made with the old slider, before the race
    assert not at.exception
    assert control(at) == (None, date(2012, 1, 1), date(2012, 12, 31), date(2010, 10, 14), date(2024, 10, 1))
    assert dict(at.query_params) == {"from": "2012-01-01", "to": "2012-12-31"}
    at = app(**{"from": "1999-01-01"})
    assert control(at)[:2] == ("background", date(2010, 10, 14))
    assert (
        escape_markdown(
            "The link's “from” date, 1 January 1999, is outside the data's range (14 October 2010 to 1 October "
            "2024); showing 14 October 2010."
        )
        in at.info[0].value
    )


def test_a_single_day_is_counted_as_one_day():
    at = app(**{"from": "2024-06-26", "to": "2024-06-26"})
    assert at.sidebar.caption[0].value.startswith("26 June 2024 to 26 June 2024: one day")
