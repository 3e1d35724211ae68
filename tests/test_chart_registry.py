"""The chart registry: every registered chart is on its page with its downloads, in the embeds and in the whole-view
export; a chart added to the registry alone shows up in all four; the map's CSV is the same on every path."""

import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import altair as alt
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from html_tables import page_tables
from tracker.charts import chart_registry
from tracker.charts.chart_registry import CHARTS, ChartDef
from tracker.exports import embeds, export, whole_view
from tracker.model.load import load
from tracker.reader.filters import bounds_of, filter_events
from tracker.reader.view_state import ViewState

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("png", "svg", "pdf", "html", "csv")
EXTRA_TITLE = "Events reported each month"


@pytest.fixture(scope="module")
def ds():
    return load()


def events_per_month(sc, rows, title, subtitle):
    return alt.Chart(rows, title=alt.Title(title, subtitle=subtitle)).mark_bar().encode(x="month:O", y="events:Q")


def monthly_counts(sc) -> pd.DataFrame:
    rows = filter_events(sc.ds.events, sc.view)
    counts = rows.groupby(rows["date"].dt.strftime("%Y-%m")).size()
    return pd.DataFrame({"month": counts.index, "events": counts.to_numpy()})


# A chart the product does not have: one entry, its builder above, and nothing else.
EXTRA = ChartDef(
    slug="events-per-month",
    page="timeline",
    title=lambda sc: EXTRA_TITLE,
    rows=monthly_counts,
    build=events_per_month,
    describe=lambda sc, rows: f"{int(rows['events'].sum())} events over {len(rows)} months.",
    table=lambda sc, rows: rows,
    drawn_events=lambda sc, rows: filter_events(sc.ds.events, sc.view)["event_id"],
    file_name=lambda sc: ("events-per-month",),
    what="Bar chart of events per month, {subtitle}.",
)


def page_run(name: str) -> AppTest:
    # The story is the default page: its links to other pages need the navigation that app.py sets up.
    script = ROOT / "app.py" if name == "story" else ROOT / "pages" / f"{name}.py"
    return AppTest.from_file(str(script), default_timeout=60).run()


def chart_titles(at: AppTest) -> list[str]:
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    # charts.titled keeps the plain title in usermeta: the drawn one may wrap on a phone
    return [spec.get("usermeta", {}).get("title") or spec["title"].get("text", spec["title"]) for spec in specs]


def on_page_with_downloads(at: AppTest, slug: str, title: str) -> bool:
    keys = {b.proto.id for b in at.get("download_button")}
    return title in chart_titles(at) and all(any(k.endswith(f"{slug}-{fmt}") for k in keys) for fmt in FORMATS)


def test_every_registered_chart_is_on_its_page_with_downloads_in_the_embeds_and_the_whole_view(ds, tmp_path):
    drawn = {item.slug: item for item in chart_registry.view_charts(ds, bounds_of(ds).default())}
    assert list(drawn) == [d.slug for d in CHARTS] == ["stances-by-ally", "timeline", "backer-map", "candidates"]
    for page in {d.page for d in CHARTS}:
        at = page_run(page)
        assert not at.exception
        for definition in chart_registry.on_page(page):
            assert on_page_with_downloads(at, definition.slug, drawn[definition.slug].title), definition.slug
    written = {p.name for p in embeds.write_embeds(ds, tmp_path)}
    assert {f"{slug}.{fmt}" for slug in drawn for fmt in embeds.FORMATS} <= written
    story = whole_view.build(ds, bounds_of(ds).default())
    assert [item.slug for item in story.charts] == list(drawn) and all(story.svgs)


def test_a_chart_added_to_the_registry_alone_is_on_its_page_in_the_embeds_and_the_whole_view(ds, tmp_path, monkeypatch):
    monkeypatch.setattr(chart_registry, "CHARTS", [*CHARTS, EXTRA])

    at = page_run("timeline")
    assert not at.exception
    assert on_page_with_downloads(at, "events-per-month", EXTRA_TITLE)
    assert any("events over" in c.value and "months" in c.value for c in at.caption)  # its description

    embeds.write_embeds(ds, tmp_path)
    assert (tmp_path / "events-per-month.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "events" in (tmp_path / "events-per-month.csv").read_text().splitlines()[0]
    assert EXTRA_TITLE in (tmp_path / "index.html").read_text()

    story = whole_view.build(ds, bounds_of(ds).default())
    assert story.charts[-1].slug == "events-per-month" and EXTRA_TITLE in story.svgs[-1]
    assert EXTRA_TITLE in whole_view.html_page(story)


def test_the_map_csv_has_the_same_columns_on_the_page_and_in_the_exports(ds):
    at = AppTest.from_file(str(ROOT / "pages" / "backer_map.py"), default_timeout=60)
    at.query_params["as_of"] = "2024-04-30"
    at.run()
    shown = page_tables(at)[0]  # "Stances on 30 April 2024", under the map: the CSV's rows, in readers' words
    view = ViewState(bounds_of(ds).default_start, bounds_of(ds).default_end, as_of=date(2024, 4, 30))
    item = next(i for i in chart_registry.view_charts(ds, view) if i.slug == "backer-map")
    written = export.csv_bytes(item.data, ds.version)
    assert written.startswith(b"\xef\xbb\xbf")  # a byte-order mark: spreadsheets then read 'Türkiye' as written
    csv = written.decode("utf-8-sig").splitlines()
    columns = ["Ally", "Stance", "Since", "Since (date)", "Since: how exact", "What", "Article says", "Source"]
    assert csv[0].split(",")[:8] == columns and csv[0].endswith(",How sure are we,Data version")
    # The page leaves the machine-readable date and its precision to the CSV: the readable date says the same.
    assert list(shown.columns) == [c for c in columns if c not in ("Since (date)", "Since: how exact")] + [
        "How sure are we"
    ]
    assert len(shown) == len(csv) - 1 == 32
    assert shown.set_index("Ally").at["Türkiye", "Since"] == "29 April 2024"
    written_rows = pd.read_csv(io.StringIO("\n".join(csv))).set_index("Ally")
    assert (written_rows.at["Türkiye", "Since (date)"], written_rows.at["Türkiye", "Since: how exact"]) == (
        "2024-04-29",
        "to the day",
    )
    # France was reported backing when the article of c. 19 January appeared: the date bounds it, and says so.
    assert (written_rows.at["France", "Since (date)"], written_rows.at["France", "Since: how exact"]) == (
        "2024-01-19",
        "no later than this date, itself known approximately (within three days)",
    )


def test_views_whose_map_date_and_countries_agree_share_one_drawing_of_the_map(ds):
    from dataclasses import replace

    base = replace(bounds_of(ds).default(), countries=("HUN", "TUR"))
    # The map opens on the eve of the appointment, 25 June 2024: any end after it shows the map of that day.
    wide, narrower = base, replace(base, start=date(2024, 3, 1), end=date(2024, 8, 31))
    other_day = replace(base, as_of=date(2024, 4, 30))
    key = chart_registry.BACKER_MAP.drawing_key
    scopes = {name: chart_registry.scope(ds, v) for name, v in (("wide", wide), ("narrower", narrower))}
    assert key(scopes["wide"]) == key(scopes["narrower"]) != key(chart_registry.scope(ds, other_day))
    drawn = [chart_registry.draw(chart_registry.BACKER_MAP, sc) for sc in scopes.values()]
    assert drawn[0].title == drawn[1].title == "Allies' stance on Rutte, 25 June 2024"
    assert drawn[0].subtitle == drawn[1].subtitle and drawn[0].description == drawn[1].description
    assert drawn[0].data.equals(drawn[1].data) and drawn[0].file_parts == drawn[1].file_parts
    # Every other chart draws from the whole view.
    timeline = chart_registry.TIMELINE.drawing_key
    assert timeline(scopes["wide"]) != timeline(scopes["narrower"])


def test_the_story_csv_holds_every_ally_the_chart_draws_in_its_order(ds):
    item = next(i for i in chart_registry.view_charts(ds, bounds_of(ds).default()) if i.slug == "stances-by-ally")
    table = item.data
    # The eight allies the articles name, in the chart's order: the holdouts first (Hungary opposed by 5 March,
    # Türkiye not yet backing c. 4 April), then the backers by first backing; then the other 24 allies, counted as
    # backing from the appointment.
    named = table[table["How we know"] == "Named in the article"]
    assert list(dict.fromkeys(named["Ally"])) == [
        "Hungary", "Türkiye", "France", "Germany", "United States", "United Kingdom", "Spain", "Estonia",
    ]  # fmt: skip
    counted = table[table["Ally"].isin(set(table["Ally"]) - set(named["Ally"]))]
    assert len(counted) == 24 and set(counted["From"]) == {"2024-06-26"}
    hungary = table[(table["Ally"] == "Hungary") & (table["Stance"] == "Opposes")].iloc[0]
    # Opposed by 5 March (Politico, cited by EUROPolitika); last reported holding out c. 4 April ('still no sign').
    assert (hungary["From"], hungary["Last reported"], hungary["Until"]) == ("2024-03-05", "2024-04-04", "2024-06-26")


def test_the_story_chart_s_description_says_what_the_articles_report_of_unnamed_allies(ds):
    default = chart_registry.draw(chart_registry.STANCES, chart_registry.scope(ds, bounds_of(ds).default()))
    assert default.description.endswith(
        " Some Eastern European allies, unnamed, were reported holding reservations around 19 January 2024."
        " Politico reported around 23 February 2024 that two-thirds of the 31 allies backed him; the chart draws only"
        " the allies an article names."  # fact-check round 22: it names Spain, whose bar the chart draws
    )
    chosen = replace(bounds_of(ds).default(), countries=("HUN",))  # the row of unnamed allies is not drawn
    one = chart_registry.draw(chart_registry.STANCES, chart_registry.scope(ds, chosen))
    assert "Eastern European" not in one.description


def test_with_one_backer_named_the_story_chart_s_description_names_it_and_its_date_not_the_first(ds):
    """Editor round 28: 'the first, 29 April 2024: Türkiye' of one backer among two chosen allies."""
    chosen = replace(bounds_of(ds).default(), countries=("HUN", "TUR"))
    story = chart_registry.draw(chart_registry.STANCES, chart_registry.scope(ds, chosen))
    assert story.description.startswith(
        "The articles name one of the two chosen allies as backing Rutte before his appointment on 26 June 2024: "
        "Türkiye, first reported 29 April 2024. Hungary"
    )
    assert "the first" not in story.description


@pytest.mark.parametrize(
    "countries, title",
    [
        (
            ("HUN",),
            "Hungary was not named as backing Rutte before his appointment; the articles last report it holding out "
            "around 4 April 2024",
        ),
        (
            ("HUN", "TUR"),
            "Of the two chosen allies, one was named as backing Rutte before his appointment; the articles last "
            "report Hungary holding out around 4 April 2024",
        ),
        (("FRA", "DEU", "USA"), "All three chosen allies were named as backing Rutte before his appointment"),
        (("TUR",), "Türkiye was named as backing Rutte before his appointment"),
    ],
)
def test_with_countries_chosen_the_story_chart_s_title_speaks_of_them_alone(ds, countries, title):
    """Editor round 29: with Hungary chosen the title read 'No ally was named as backing Rutte', false of the race,
    and a title travels without its subtitle."""
    chosen = replace(bounds_of(ds).default(), countries=countries)
    assert chart_registry.draw(chart_registry.STANCES, chart_registry.scope(ds, chosen)).title == title


def test_a_subtitle_line_too_long_for_a_phone_puts_its_parts_on_lines_of_their_own():
    assert chart_registry.phone_lines("As last reported by 4 April 2024; all allies") == (
        "As last reported by 4 April 2024; all allies"
    )
    assert chart_registry.phone_lines("As last reported by 4 April 2024; Hungary, Netherlands and Türkiye") == (
        "As last reported by 4 April 2024\nHungary, Netherlands and Türkiye"
    )


def test_the_story_table_calls_a_backing_counted_at_the_decision_so_not_a_named_one(ds):
    """Editor round 29: 'Hungary, Backs Rutte, 2024-06-26' in the CSV; a desk summing the column counts a backer."""
    story = chart_registry.draw(chart_registry.STANCES, chart_registry.scope(ds, bounds_of(ds).default()))
    table = story.data
    hungary = table[table["Ally"] == "Hungary"]
    assert list(hungary["Stance"]) == ["Opposes", "Counted as backing at the appointment"]
    assert (table["Stance"] == "Backs Rutte").sum() == 7  # the seven named backers, once each


def test_a_story_bar_s_tooltip_leaves_out_empty_fields_and_says_where_an_outside_date_comes_from(ds):
    """Editor round 32: the UK's bar showed 'Until' and 'Note' with nothing after them, and 'from 22 February'
    beside an article of c. 23 February, with nothing saying the day came from outside the articles."""
    story = chart_registry.draw(chart_registry.STANCES, chart_registry.scope(ds, bounds_of(ds).default()))
    spec = story.chart.to_dict()
    tips = [
        {item["title"]: row[item["field"]] for item in layer["encoding"]["tooltip"]}
        for part in spec.get("vconcat", [spec])
        for layer in part.get("layer", [])
        if "tooltip" in layer.get("encoding", {}) and "name" in layer.get("data", {})
        for row in spec["datasets"][layer["data"]["name"]]
        if "stance" in row
    ]
    [uk] = [tip for tip in tips if tip["Ally"] == "United Kingdom"]
    assert "Until" not in uk and "Note" not in uk and all(str(value).strip() for value in uk.values())
    assert uk["From"] == "c. 22 February 2024"  # the frozen data's date (the real data's is to the day)
    assert uk["From outside the articles"].endswith("Source: Reuters, 22 February 2024.")
    hungary = [tip for tip in tips if tip["Ally"] == "Hungary"]
    assert hungary[0]["Until"] == "c. 4 April 2024, its last report" and "Note" in hungary[0]
