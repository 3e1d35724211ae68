"""AppTest of the navigation app's first run and of every page module run directly.

From its second run, AppTest of an st.navigation app runs the page file itself, so each page is
tested as its own script; the shared state the sidebar would set is given through session state.
"""

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs

import pyarrow
import pytest
from streamlit.testing.v1 import AppTest

from entry_points import HEADLINES
from rutte_race import corrections
from rutte_race.rules import RULES
from rutte_race.text import escape_markdown

ROOT = Path(__file__).resolve().parent.parent
PAGES = {path: headline for path, headline in HEADLINES.items() if path}  # the story is app.py's default page
TIMEOUT = 60


def page(name: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{name}.py"), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    return at


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def shown_count(at: AppTest, noun: str) -> str:
    return next(c for c in captions(at) if noun in c and ("shown" in c or "match" in c))


def test_every_page_registered_in_app_has_a_test():
    registered = set(re.findall(r'st\.Page\("pages/(\w+)\.py"', (ROOT / "app.py").read_text()))
    on_disk = {p.stem for p in (ROOT / "pages").glob("*.py")}
    assert registered == on_disk == set(PAGES) | {"story"}


def test_navigation_app_first_run_shows_the_story_with_filters():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.title[0].value == "How Mark Rutte won over all 32 NATO allies"
    assert [w.label for w in at.sidebar.multiselect] == ["Countries"]
    assert at.sidebar.button_group[0].label == "Dates" and [d.label for d in at.sidebar.date_input] == ["From", "To"]
    assert {m.label for m in at.metric} >= {
        "Days, first backing to appointment",
        "Allies that held out",
        "Rivals who ran openly",
    }


def test_story_figures_come_from_the_data():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    narrative = at.markdown[0].value
    # The first reported backing: France, Germany and the US, c. 19 Jan 2024; the appointment 26 Jun 2024: about 159
    # days.
    assert "**about 159 days**" in narrative and "France, Germany and the United States, c. 19 Jan 2024" in narrative
    assert "26 June 2024" in narrative and "Klaus Iohannis ran openly" in narrative
    # The same first backing, by the same definition, in the chart's description.
    captions = " ".join(c.value.replace("\\", "") for c in at.caption)  # captions are markdown-escaped
    assert "The first reported, c. 19 Jan 2024: France, Germany and the United States." in captions
    assert {m.label: m.value for m in at.metric}["Rivals who ran openly"] == "1"
    assert "Hungary and Türkiye" in narrative


@pytest.mark.parametrize("name,title", PAGES.items())
def test_page_renders_without_exception(name, title):
    at = page(name).run()
    assert not at.exception
    assert at.title[0].value == title


def test_country_filter_narrows_the_timeline_and_goes_into_the_url():
    at = page("timeline").run()
    everything = shown_count(at, "events")
    at = page("timeline", countries="TUR,HUN").run()
    narrowed = shown_count(at, "events")
    assert narrowed != everything and re.match(r"\d+ of 102 events shown", narrowed)
    assert at.query_params["countries"] == "HUN,TUR"


def test_query_params_round_trip_through_a_page():
    at = page(
        "backer_map", **{"from": "2024-01-01", "to": "2024-06-30", "as_of": "2024-04-30", "countries": "EST"}
    ).run()
    assert not at.exception
    assert dict(at.query_params) == {
        "from": "2024-01-01",
        "to": "2024-06-30",
        "as_of": "2024-04-30",
        "countries": "EST",
    }
    assert at.slider[0].value.isoformat() == "2024-04-30"


def test_empty_result_says_so_plainly():
    at = page("timeline", **{"from": "2012-01-01", "to": "2012-12-31"}).run()
    assert not at.exception
    assert shown_count(at, "events").startswith("No events match these filters (0 of 102)")
    assert not at.get("vega_lite_chart")


def test_bad_parameters_give_a_notice_and_are_dropped_from_the_url():
    at = page("timeline", **{"from": "yesterday", "countries": "XXX,TUR", "bogus": "<script>"}).run()
    assert not at.exception
    notice = at.info[0].value
    assert notice.startswith("Some settings in this link could not be used")
    assert "bogus" in notice and "XXX" in notice
    assert dict(at.query_params) == {"countries": "TUR"}


def test_backer_map_summary_follows_the_as_of_date():
    early = page("backer_map", as_of="2024-03-31").run()
    late = page("backer_map", as_of="2024-06-26").run()
    summary = lambda at: next(m.value for m in at.markdown if m.value.startswith("**On"))  # noqa: E731
    assert "5 allies back Rutte" in summary(early) and "1 opposes him" in summary(early)
    assert "32 allies back Rutte" in summary(late)


def test_every_chart_page_offers_every_download_format():
    for name in ("timeline", "backer_map", "candidates"):
        at = page(name).run()
        labels = [b.proto.label for b in at.get("download_button")]
        assert labels[:5] == ["PNG image", "SVG vector", "PDF", "Interactive HTML", "Data (CSV)"], name


def test_quotes_filter_by_speaker():
    at = page("quotes", speakers="Jens Stoltenberg").run()
    assert shown_count(at, "quotes") == "1 of 12 quotes shown."
    assert at.multiselect[0].value == ["Jens Stoltenberg"]


def test_quote_cards_show_markdown_in_quotes_as_literal_text():
    at = page("quotes", **{"from": "2010-10-14"}).run()
    # Every card's quote line is escaped Markdown: no unescaped '*', '_' or '[' from the data can style it.
    quote_lines = [line for m in at.markdown for line in m.value.split("\n\n") if line.startswith("> ")]
    assert len(quote_lines) == 12
    assert all(not re.search(r"(?<!\\)[*_\[\]<>]", line[2:]) for line in quote_lines)


def focus_card(at: AppTest) -> str:
    return next(c for c in captions(at) if c.startswith("Event "))


def buttons(at: AppTest, name: str) -> dict[str, bool]:
    """The jump buttons of `name` by direction: whether each is enabled."""
    return {b.key.removeprefix(f"{name}_"): not b.disabled for b in at.button if b.key and b.key.startswith(f"{name}_")}


# The default view, 7 Jul 2023 to 1 Oct 2024, overlaps 96 of the 102 events (the rest ended before it; the 4 rows the
# fact-check added are all in 2024): the earliest are the ones dated only to 2023, in file order, and the latest is
# Rutte taking office on 1 October 2024.
EVENTS_IN_DEFAULT_VIEW = 96


def test_timeline_next_moves_the_focused_event_and_the_url():
    at = page("timeline").run()
    assert focus_card(at).startswith(f"Event 1 of {EVENTS_IN_DEFAULT_VIEW}")
    assert buttons(at, "timeline") == {"first": False, "previous": False, "next": True, "latest": True}
    assert "event" not in at.query_params  # the first event is the default: the link stays short

    at.button(key="timeline_next").click().run()
    assert not at.exception
    assert focus_card(at).startswith(f"Event 2 of {EVENTS_IN_DEFAULT_VIEW}")
    assert at.query_params["event"] == "rinkevics-interest-2023"
    assert buttons(at, "timeline") == {"first": True, "previous": True, "next": True, "latest": True}

    at.button(key="timeline_latest").click().run()
    assert at.query_params["event"] == "succeeds-stoltenberg-october" and buttons(at, "timeline")["next"] is False


def test_timeline_link_focuses_its_event_and_rings_it_on_the_chart():
    at = page("timeline", event="turkey-backs-rutte").run()
    assert not at.exception
    assert any(m.value == "**Türkiye tells its allies it will back Rutte\\.**" for m in at.markdown)
    assert at.query_params["event"] == "turkey-backs-rutte"
    chart = at.get("vega_lite_chart")[0].proto
    focus = next(dataset.data.data for dataset in chart.datasets if dataset.name == "focus")
    assert pyarrow.ipc.open_stream(focus).read_all().to_pylist() == [{"event_id": "turkey-backs-rutte"}]


@pytest.mark.parametrize(
    "params,notice",
    [
        ({"event": "no-such-event"}, "unknown event"),
        ({"event": "turkey-backs-rutte", "countries": "HUN"}, "outside the chosen dates and countries"),
    ],
)
def test_bad_event_in_a_link_gives_a_notice_and_leaves_the_url(params, notice):
    at = page("timeline", **params).run()
    assert not at.exception
    assert notice in at.info[0].value
    assert "event" not in at.query_params and focus_card(at).startswith("Event 1 of")


def test_latest_developments_link_to_the_timeline_on_their_event_keeping_the_filters():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.query_params["from"] = "2024-01-01"
    at.query_params["to"] = "2024-06-30"
    at.run()
    links = [link.proto for link in at.get("page_link") if "event=" in link.proto.query_string]
    assert len(links) == 5
    assert all(link.page == "timeline" for link in links)  # the url path: the link reads /timeline?...&event=...
    first = parse_qs(links[0].query_string)
    assert first == {"from": ["2024-01-01"], "to": ["2024-06-30"], "event": ["rutte-appointed"]}
    assert links[0].label == "On the timeline: 26 Jun 2024"
    assert "**26 Jun 2024** · The ambassadors of all 32 allies appoint" in " ".join(m.value for m in at.markdown)


def test_backer_map_next_change_moves_the_as_of_date():
    after = date(2024, 4, 2)  # the first stance change after 31 March: Estonia backs Rutte
    at = page("backer_map", as_of="2024-03-31").run()
    at.button(key="as_of_next").click().run()
    assert not at.exception
    assert at.slider[0].value == after and at.query_params["as_of"] == after.isoformat()
    at = page("backer_map").run()  # the default date is the latest change
    assert buttons(at, "as_of") == {"first": True, "previous": True, "next": False, "latest": False}


def test_backer_map_draws_the_replay_only_once_the_reader_asks():
    at = page("backer_map").run()
    assert not at.get("plotly_chart") and at.toggle(key="replay_open").value is False
    at.toggle(key="replay_open").set_value(True).run()
    assert not at.exception
    [replay] = at.get("plotly_chart")
    assert len(json.loads(replay.proto.spec)["frames"]) > 10  # one frame per date a stance changed


def markdown_texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def test_charts_that_draw_corrected_rows_link_to_the_corrections_and_others_do_not():
    timeline = page("timeline").run()
    links = [m for m in markdown_texts(timeline) if "](corrections)" in m]
    assert len(links) == 1 and "rows drawn here were corrected" in links[0]
    # Data 1.2.0 corrected stance rows (Hungary's April stance among them): the map and Hungary's timeline link too.
    assert [m for m in markdown_texts(page("backer_map").run()) if "](corrections)" in m]
    assert [m for m in markdown_texts(page("timeline", countries="HUN").run()) if "](corrections)" in m]
    # Early June holds one row, the EU elections, which no correction touched.
    june = page("timeline", **{"from": "2024-06-01", "to": "2024-06-10"}).run()
    assert not [m for m in markdown_texts(june) if "](corrections)" in m]


def test_corrections_page_lists_the_article_errors_then_the_changes_by_reason(ds):
    at = page("corrections").run()
    # 7 article errors logged in 1.0.0, one (the Wilders forecast) withdrawn in 1.2.0; 2 changes in 1.1.0, 209 in 1.2.0.
    assert not at.exception and captions(at)[0].startswith(
        "6 errors in the articles; 211 changes to the data after publication."
    )
    assert [h.value for h in at.header] == ["Errors in the articles", "Changes to the data after publication"]
    dated = [c for c in captions(at) if c.startswith("Corrected on")]
    # The errors first, then the 1.2.0 changes under their 41 reasons (26 rows had their date basis say first that
    # the date is a bound, the most rows for one reason, so it comes first), then the 2 of 1.1.0.
    assert len(dated) == 6 + 41 + 2 and all("23 November 2026" in c for c in dated[:6])
    assert dated[6] == "Corrected on 1 December 2026, data version 1\\.2\\.0: 26 rows."  # the version escaped
    assert all("1 December 2026" in c for c in dated[6:47]) and all("25 November 2026" in c for c in dated[47:])
    text = " ".join(markdown_texts(at))
    assert text.count("**What is right:**") == 6 and text.count("**Why:**") == 43
    # 96 (reason, row) pairs in data/corrections.csv: each row once under each reason, with every change it had.
    changed_rows = [line for m in markdown_texts(at) for line in m.splitlines() if line.startswith("- **")]
    assert len(changed_rows) == 96 and "; nan)" not in text  # every row names its article
    every_change = corrections.log(ds.corrections, ds.events, ds.articles).query("Kind == 'We changed the data'")
    assert all(escape_markdown(change) in text for change in every_change["Correction"])
    # Changes in readers' words: what the row is now counted with, never 'field: before → after'.
    assert (
        escape_markdown("No longer counted as another report of the same fact as “Some Eastern European allies") in text
    )
    assert escape_markdown("fact_id: eastern-reservations") not in text


def test_tables_say_how_sure_we_are():
    at = page("timeline", countries="USA").run()
    table = at.dataframe[0].value
    assert "How sure are we" in table.columns
    assert "Reported by 4 of the 5 articles" in set(table["How sure are we"])


def test_sources_page_states_the_rules_and_how_to_cite_the_version(ds):
    at = page("sources").run()
    version = ds.version
    rules = next(m for m in markdown_texts(at) if "(checked)" in m)
    assert all(f"**{rule.name}**" in rules for rule in RULES) and "(checked)" in rules and "(by judgement)" in rules
    codes = [c.value for c in at.code]
    assert any(c.startswith("The project's data desk.") and f"Dataset version {version}." in c for c in codes)
    assert any("pd.read_csv" in c for c in codes) and any("read.csv(unz(" in c for c in codes)
    disagreements = [m for m in markdown_texts(at) if "How they disagree:" in m]
    assert len(disagreements) == 4 and any("Reported in: " in m and "September" in m for m in disagreements)


def test_every_short_name_a_note_cites_an_article_by_is_decoded_on_the_sources_page(ds):
    articles = page("sources").run().dataframe[0].value
    short_names = dict(zip(articles["Named in notes as"], articles["Title"]))
    notes = (
        " ".join(ds.events["note"]) + " " + " ".join(ds.events["date_basis"]) + " " + " ".join(ds.candidates["note"])
    )
    cited = {word for word in re.findall(r"[a-z]+(?:-[a-z]+)+", notes) if word in set(ds.articles["article_id"])}
    assert cited and cited <= short_names.keys()
    assert short_names["bloomberg-backers"].startswith("Rutte gains strong support from backers")


def test_the_focused_event_card_says_how_many_articles_report_it():
    at = page("timeline", event="us-backs-kirby").run()
    assert any(c.startswith("Source: ") and c.endswith("Reported by 4 of the 5 articles.") for c in captions(at))


def test_the_map_s_tables_say_how_sure_we_are():
    at = page("backer_map", as_of="2024-04-30", countries="USA,HUN").run()
    on_the_day, history = (frame.value for frame in at.dataframe)
    assert "Reported by 4 of the 5 articles" in set(history["How sure are we"])
    # Hungary's reservations on 30 April are reported by turkey-backs alone (europolitika-kallas saw no sign of
    # support).
    assert set(on_the_day["How sure are we"]) == {"Reported by 4 of the 5 articles", "Reported by 1 article only"}


@pytest.mark.parametrize(
    "name, params, expected",
    [
        # Hungary: opposed on 5 Mar 2024, reservations c. 4 Apr and c. 29 Apr 2024.
        (
            "timeline",
            {"countries": "HUN"},
            "3 sourced events from 5 Mar 2024 to c. 29 Apr 2024. "
            "The commonest are reservations (2) and oppositions (1). "
            "The busiest month was April 2024, with 2.",
        ),
        # By 30 April: the United States, France, Germany, the UK, Spain, Estonia and Türkiye back him.
        (
            "backer_map",
            {"as_of": "2024-04-30"},
            "On 30 April 2024, 7 of 32 allies backed Rutte. Hungary held reservations.",
        ),
        (
            "candidates",
            {},
            "6 people were named for the job. Mark Rutte was appointed on 26 Jun 2024; Klaus Iohannis withdrew on "
            "20 Jun 2024. The other 4 were named or declared, with no outcome reported.",
        ),
    ],
)
def test_each_chart_shows_its_generated_description_under_it(name, params, expected):
    at = page(name, **params).run()
    assert escape_markdown(expected) in captions(at)


def test_a_candidate_card_is_one_block_of_text_and_one_of_sourced_lines():
    at = page("candidates").run()
    card = next(m for m in markdown_texts(at) if m.startswith("### Klaus Iohannis"))
    assert card.split("\n\n")[1:] == [
        "**Romania** · President of Romania",
        "**Withdrew.** First named in *Mark Rutte Positioned as Leading NATO Secretary General Contender* "
        "(23 February 2024).",
        "How it ended: Iohannis, Rutte's only competitor, withdraws for lack of support\\.",
    ]
    sourced = next(m for m in markdown_texts(at) if "Romania's President Iohannis is running against Rutte" in m)
    entries = sourced.split("\n\n")
    assert len(entries) == 3 and entries[2].startswith("**20 Jun 2024**: Iohannis, Rutte's only competitor")
    assert "  \n:small[“Rutte’s appointment was confirmed after his only competitor" in entries[2]


def test_the_tables_hold_the_rows_of_the_view_taken_from_the_whole_data():
    timeline = page("timeline", countries="HUN").run()
    events = timeline.dataframe[0].value
    assert list(events["When"]) == ["5 Mar 2024", "c. 4 Apr 2024", "c. 29 Apr 2024"]
    assert list(events["Kind"]) == ["opposition", "reservation", "reservation"]
    history = page("backer_map", countries="HUN,TUR", **{"from": "2024-04-01", "to": "2024-06-26"}).run()
    changes = history.dataframe[1].value
    assert list(zip(changes["Ally"], changes["From"])) == [
        ("Hungary", "c. 4 Apr 2024"),
        ("Türkiye", "c. 4 Apr 2024"),
        ("Türkiye", "c. 26 Apr 2024"),
        ("Hungary", "c. 29 Apr 2024"),
        ("Türkiye", "29 Apr 2024"),
        ("Hungary", "26 Jun 2024"),
    ]
