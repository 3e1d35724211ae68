"""Chart builders, tested through their Vega-Lite specs without a server."""

import json
import re
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest
import vl_convert

from data_copies import RACE, ROOT
from tracker.charts import chart_registry, charts, map_shapes
from tracker.charts.chart_registry import view_charts
from tracker.data import paths
from tracker.exports import export
from tracker.model import views
from tracker.model.load import load
from tracker.reader.filters import bounds_of, filter_events


def backer_map(ds, day, countries: tuple[str, ...] = ()):
    """The backer map of `day`, keyed in the race's nouns for its members ('7 allies')."""
    members = (ds.race.body.member, ds.race.body.members)
    return charts.backer_map(views.map_frame(ds, day), ds.shapes, countries, "T", "S", ds.race.stances, members=members)


def spec_text(chart) -> str:
    """The spec as the browser gets it: strict JSON (a NaN in the data would stop the chart drawing)."""
    return json.dumps(chart.to_dict(), allow_nan=False)


def test_timeline_draws_inexact_dates_as_spans_not_days(ds):
    frame = charts.timeline_frame(ds.events, ds.articles)
    month = frame[frame["precision"] == "to the month (the date is its first day)"].iloc[0]
    assert (month["end"] - month["start"]).days >= 28 and not month["exact"]
    chart = charts.timeline(
        frame, charts.milestone_frame(frame, views.milestone_labels(ds)), "2010-10-01", "2024-10-01", "T", "S"
    )
    spec = spec_text(chart)
    assert '"filter": "!datum.exact"' in spec and '"x2"' in spec


def test_timeline_tooltip_names_summary_actor_precision_and_source(ds):
    frame = charts.timeline_frame(ds.events, ds.articles)
    chart = charts.timeline(frame, frame.head(0).assign(label=[], row=[]), "2023-01-01", "2024-10-01", "T", "S")
    spec = chart.to_dict()
    # Each event's tooltip: the titles of the fields it has, in order; a field it lacks is left out, not shown as a
    # title with nothing after it (editor round 32).
    tips = {
        row["event_id"]: [item["title"] for item in layer["encoding"]["tooltip"]]
        for lane in spec["vconcat"]
        for layer in lane.get("layer", [])
        if "tooltip" in layer.get("encoding", {}) and "name" in layer.get("data", {})
        for row in spec["datasets"][layer["data"]["name"]]
        if "event_id" in row
    }
    assert tips["rutte-takes-office"] == [
        "What",
        "Who",
        "When",
        "Kind",
        "How exact",
        "Source",
        "Article says",
        "How sure",
        "From outside the articles",
    ]
    assert "From outside the articles" not in tips["kallas-interest-2023"] and "What" in tips["kallas-interest-2023"]
    # In readers' words: the kind's label, how exactly the date is known, the article by outlet and date and title.
    took_office = frame[frame["event_id"] == "rutte-takes-office"].iloc[0]
    assert took_office["kind"] == "Taking office"
    kallas = frame[frame["event_id"] == "kallas-interest-2023"].iloc[0]
    assert kallas["precision"] == "to the year (the date is 1 January)"
    assert kallas["source"] == (
        "Bloomberg via a Ukrainian news site, c. 19 January 2024: “Rutte gains strong support from backers for next "
        "NATO Secretary-General, Bloomberg”"
    )


def test_map_greys_out_countries_before_they_joined(ds):
    as_of = views.map_frame(ds, "2024-02-01")
    sweden = as_of.set_index("iso3").loc["SWE"]
    assert sweden["status"] == views.NOT_YET_MEMBER
    features = charts.map_features(
        as_of,
        ({"type": "Feature", "id": "752", "properties": {"name": "Sweden"}, "geometry": None},),
        (),
        ds.race.stances,
    )
    assert features[0]["properties"]["status"] == views.NOT_YET_MEMBER
    # white inside a dashed dark edge, on the map and in its key (editors 33 and 35: beside the non-members' palest
    # grey, its white could not be told apart)
    assert features[0]["properties"]["edge"] == "#333333"
    legend = backer_map(ds, "2024-02-01", ()).to_dict()["vconcat"][0]["layer"][1]["encoding"]["color"]["legend"]
    assert '"Not yet an ally: 1 country": "#333333"' in legend["symbolDash"]["expr"]


def test_map_legend_counts_follow_the_date(ds):
    early = backer_map(ds, "2024-03-31", ())
    late = backer_map(ds, "2024-06-26", ())
    assert "Named as backing Rutte: 5 allies" in spec_text(early) and "Opposes: 1 ally" in spec_text(early)
    assert "Named as backing Rutte: 7 allies" in spec_text(late)
    assert "Counted as backing at the appointment: 25 allies" in spec_text(late)
    assert "Opposes" not in spec_text(late)  # the legend lists only the statuses on the map


def test_map_marks_allies_outside_the_country_filter(ds):
    spec = spec_text(backer_map(ds, "2024-04-30", ("TUR",)))
    assert "Not among the chosen allies: 31 allies" in spec and "Named as backing Rutte: 1 ally" in spec


def test_map_tooltip_names_the_stance_without_a_count(ds):
    hungary = ({"type": "Feature", "id": "348", "properties": {"name": "Hungary"}, "geometry": None},)
    early = charts.map_features(views.map_frame(ds, "2024-03-20"), hungary, (), ds.race.stances)[0]["properties"]
    assert (early["label"], early["status"]) == ("Opposes", "opposes")  # not 'Opposes (1)', which reads as a count
    # After its last report holding out (c. 4 April), drawn faded and saying so, as on the story chart.
    late = charts.map_features(views.map_frame(ds, "2024-04-30"), hungary, (), ds.race.stances)[0]["properties"]
    assert (late["label"], late["status"]) == ("Opposes; last reported holding out c. 4 April 2024", "opposes_faded")


def test_a_holdout_no_longer_reported_is_pale_on_the_map_inside_a_dashed_edge_of_its_colour(ds):
    """Editor round 28: on 25 June Hungary's opposition was eleven weeks old, yet the map drew it in full colour."""
    hungary = ({"type": "Feature", "id": "348", "properties": {"name": "Hungary"}, "geometry": None},)
    late = charts.map_features(views.map_frame(ds, "2024-06-25"), hungary, (), ds.race.stances)[0]["properties"]
    assert (late["status"], late["edge"]) == ("opposes_faded", "#D55E00")  # its edge in the opposition's orange
    spec = backer_map(ds, "2024-06-25").to_dict()
    colour = spec["vconcat"][0]["layer"][1]["encoding"]["color"]
    legend = dict(zip(colour["scale"]["domain"], colour["scale"]["range"]))
    assert legend["Opposes, last reported holding out c. 4 April 2024: 1 ally"] == "#EAAE80"  # paler than #D55E00
    edge = spec["vconcat"][0]["layer"][1]["encoding"]["strokeDash"]
    assert edge["condition"]["value"] == [3, 2] and edge["value"] == [1, 0]


@pytest.mark.parametrize("narrow", [False, True], ids=["file", "phone"])
def test_the_map_is_the_same_height_on_every_date_so_a_replay_never_moves_it(ds, narrow):
    """Editor round 28: on a phone the replay's map grew and shrank by 18 px (a title of one or two lines, a key of
    four to six), moving Pause under the reader's finger. Drawn as a file and at a phone's width."""
    heights = set()
    for day in ("2024-01-20", "2024-02-23", "2024-04-04", "2024-06-25", "2024-06-26"):
        view = replace(bounds_of(ds).default(), as_of=date.fromisoformat(day))
        [item] = [c for c in view_charts(ds, view) if c.slug == "backer-map"]
        laid_out = (export.fixed_narrow if narrow else export.fixed_width)(item.chart.to_dict())
        png = export.render(export.export_spec(laid_out, "Source line"), "png")
        heights.add(int.from_bytes(png[20:24], "big"))
    assert len(heights) == 1, heights


def test_a_title_holds_its_lines_on_a_phone_when_asked_to_whatever_its_date():
    short = dict(
        (p["name"], p["value"]) for p in charts.title_lines("Allies' stance on Rutte, 4 April 2024", narrow_lines=2)
    )
    long = dict(
        (p["name"], p["value"]) for p in charts.title_lines("Allies' stance on Rutte, 23 February 2024", narrow_lines=2)
    )
    assert short["title_narrow"] == ["Allies' stance on Rutte, 4 April 2024", " "]
    assert long["title_narrow"] == ["Allies' stance on Rutte,", "23 February 2024"]  # a date never breaks
    assert long["title_wide"] == ["Allies' stance on Rutte, 23 February 2024"]


def test_greenland_is_drawn_as_denmark_s_and_counted_once(ds):
    shapes = (
        {"type": "Feature", "id": "304", "properties": {"name": "Greenland"}, "geometry": None},
        {"type": "Feature", "id": "208", "properties": {"name": "Denmark"}, "geometry": None},
    )
    greenland, denmark = (
        f["properties"] for f in charts.map_features(views.map_frame(ds, "2024-06-25"), shapes, (), ds.race.stances)
    )
    assert greenland["name"] == "Greenland (Denmark)" and greenland["status"] == denmark["status"] != "non_member"
    spec = spec_text(backer_map(ds, "2024-06-25", ()))
    assert "No stance reported: 24 allies" in spec  # Denmark once, not again for Greenland


def test_filtered_timeline_only_holds_the_chosen_countries(ds):
    state = bounds_of(ds).default()
    rows = filter_events(ds.events, state.__class__(state.start, state.end, ("HUN",)))
    assert set(rows["country_iso3"]) == {"HUN"}


def test_story_chart_has_a_row_for_each_chosen_ally_and_none_for_the_others(ds):
    view = replace(bounds_of(ds).default(), countries=("TUR", "HUN"))
    item = chart_registry.draw(chart_registry.STANCES, chart_registry.scope(ds, view))
    rows = {row["member"] for data in item.chart.to_dict()["datasets"].values() for row in data if "label_at" in row}
    assert rows == {"Türkiye", "Hungary"}  # no 'other allies' row, no count of unnamed backers


def test_candidates_chart_has_a_lane_per_candidate(ds):
    spec = charts.candidates_chart(ds.events, ds.candidates, "T", "S").to_dict()
    names = {row["name"] for rows in spec["datasets"].values() for row in rows if "name" in row}
    assert names == set(ds.candidates["name"])


EVERY_CHART = {"stances-by-ally", "timeline", "backer-map", "candidates"}


@pytest.mark.parametrize(
    "countries, chosen, allies",
    [((), "all allies", "all allies"), (("HUN", "NLD"), "Hungary, Netherlands", "Hungary and Netherlands")],
)
def test_every_chart_is_a_valid_spec_with_its_title_and_the_filters_as_subtitle(ds, countries, chosen, allies):
    charts_of_view = {c.slug: c for c in view_charts(ds, replace(bounds_of(ds).default(), countries=countries))}
    assert charts_of_view.keys() == EVERY_CHART
    for slug, drawn in charts_of_view.items():
        spec = drawn.chart.to_dict(validate=True)  # the whole spec, against the Vega-Lite JSON schema
        assert vl_convert.vegalite_to_vega(spec)["marks"], slug  # and it compiles to Vega, as every export does
        assert spec["usermeta"]["title"] == drawn.title, slug  # the drawn title may wrap on a phone
        # The map is of one date, so its subtitle gives that date, not the range; the story chart gives the dates it
        # draws: from the month of the first stance of the allies shown (France's etc., c. 19 January; Hungary's,
        # 5 March), as nothing is drawn before it.
        expected = {
            # two countries make a line too long for a phone: its parts on two lines
            "backer-map": "As last reported by 25 June 2024"
            if countries
            else f"As last reported by 25 June 2024; {allies}",
            "stances-by-ally": f"1 {'March' if countries else 'January'} 2024 to 1 October 2024; {chosen}",
            # from the dates chosen: the articles report a step of Rutte's run (his interest, in 2023) before them
            "candidates": f"7 July 2023 to 1 October 2024; candidates from {allies}"
            if countries
            else "7 July 2023 to 1 October 2024; every candidate",
        }.get(slug, f"7 July 2023 to 1 October 2024; {chosen}")
        assert spec["title"]["subtitle"][0] == expected, slug
        if slug == "stances-by-ally":  # and the dates chosen, as the file's name gives them
            first_month = "March" if countries else "January"
            dates_line = f"The articles report no stance before {first_month} 2024"
            assert spec["title"]["subtitle"][1] == dates_line
            # Politico's count of unnamed backers is about every ally: said when all are shown (as on the map)
            tally = ["Politico, c. 23 February 2024: two-thirds of the 31", "allies back him"]
            assert spec["title"]["subtitle"][2:4] == ([] if countries else tally)
        if slug == "backer-map" and countries:
            assert spec["title"]["subtitle"][1] == allies
        if slug == "candidates":
            assert not any("report no candidate" in line for line in spec["title"]["subtitle"])
        spec_text(drawn.chart)  # strict JSON: no NaN


@pytest.mark.parametrize("day", ["2023-01-01", "2024-02-01", "2024-04-28", "2024-06-26"])
def test_map_spec_is_strict_json_whatever_the_date(ds, day):
    chart = backer_map(ds, day, ())
    spec = spec_text(chart)
    assert '"Not a NATO ally"' in spec


def test_the_map_on_screen_reads_its_shapes_from_static_and_joins_the_same_features(ds):
    """Joined by key, the served shapes and the on-screen spec's properties give back exactly the exported features."""
    spec = charts.backer_map(
        views.map_frame(ds, "2024-04-30"), ds.shapes, ("TUR",), "T", "S", ds.race.stances
    ).to_dict()
    screen = map_shapes.shapes_by_url(spec)
    assert "Polygon" not in json.dumps(screen["vconcat"])  # no country's shape inline
    assert len(json.dumps(screen)) < len(json.dumps(spec)) / 3
    for exported, shown in zip(spec["vconcat"], screen["vconcat"], strict=True):
        served_file = paths.STATIC_DIR / shown["data"]["url"].removeprefix(paths.STATIC_URL)
        served = json.loads(served_file.read_text(encoding="utf-8"))
        lookup = shown["transform"][0]
        assert (lookup["lookup"], lookup["from"]["key"], lookup["as"]) == ("key", "key", "properties")
        rows = lookup["from"]["data"]["values"]
        properties = {row["key"]: {k: v for k, v in row.items() if k != "key"} for row in rows}
        assert len(properties) == len(rows) == len(served["features"])  # one row per shape: the keys are unique
        joined = [(properties[f["key"]], f["geometry"]) for f in served["features"]]
        assert joined == [(f["properties"], f["geometry"]) for f in exported["data"]["values"]]
        assert shown["transform"][1:] == exported.get("transform", [])


def test_a_country_filter_keeps_the_timelines_ending_and_its_axis(ds):
    """Hungary alone: the appointment and taking office stay labelled, and the axis is the one for all allies."""
    everyone = replace(bounds_of(ds).default(), start=date(2023, 7, 1), end=date(2024, 10, 1))
    hungary = replace(everyone, countries=("HUN",))
    specs = {}
    for name, view in (("all", everyone), ("HUN", hungary)):
        [timeline] = [chart for chart in view_charts(ds, view) if chart.slug == "timeline"]
        specs[name] = timeline.chart.to_dict()
    labels = json.dumps(specs["HUN"])
    assert "Rutte appointed" in labels and "Takes office" in labels
    assert "France, Germany" not in labels  # other allies' days stay out
    axis_values = [
        json.dumps(spec["vconcat"][-1]["layer"][0]["encoding"]["x"]["axis"]["values"]) for spec in specs.values()
    ]
    assert axis_values[0] == axis_values[1]


def test_the_story_chart_gives_its_dates_at_the_top_and_the_foot(ds):
    [story] = [chart for chart in view_charts(ds, bounds_of(ds).default()) if chart.slug == "stances-by-ally"]
    [key, drawn] = story.chart.to_dict()["vconcat"]  # its key, then the chart with its notes under it
    assert key["encoding"]["color"]["legend"]["labelExpr"]  # the key's swatches, in words
    axes = [
        layer["encoding"]["x"]["axis"]
        for layer in drawn["layer"]
        if (layer["encoding"]["x"].get("axis") or None) is not None
    ]
    assert sorted(axis.get("orient", "bottom") for axis in axes) == ["bottom", "top"]
    svg = vl_convert.vegalite_to_svg(story.chart.to_dict())
    assert svg.count(">Jan 2024<") == 2  # the same first month, once on each axis


def test_the_timeline_gives_its_dates_at_the_top_and_the_foot(ds):
    [timeline] = [chart for chart in view_charts(ds, bounds_of(ds).default()) if chart.slug == "timeline"]
    svg = vl_convert.vegalite_to_svg(json.loads(spec_text(timeline.chart)))
    assert svg.count(">Apr 2024<") == 2  # a month in the middle of the race, once on each axis


def test_after_the_appointment_the_story_s_description_accounts_for_every_ally(ds):
    view = replace(bounds_of(ds).default(), start=date(2024, 6, 26))
    [story] = [chart for chart in view_charts(ds, view) if chart.slug == "stances-by-ally"]
    # 7 named backers, Hungary (drawn only as counted from the appointment) and 24 never named: all 32.
    assert "The articles name seven of 32 allies as backing Rutte before his appointment" in story.description
    assert "Hungary, named as holding out before these dates, counts as backing from the appointment." in (
        story.description
    )
    assert "The other 24 allies are not named with a stance" in story.description


@pytest.mark.parametrize(
    ("mark", "label", "expected"),
    [
        ("2024-01-11", "Backs from c. 19 January", "left"),  # a tenth across: 24 characters fit rightwards of it
        ("2024-03-31", "Backs from c. 19 January", "right"),  # nine tenths across: reads leftwards to its mark
        ("2024-02-20", "Backs from c. 19 January", "centre"),  # half way: too long for either side, fits centred
        ("2024-02-05", "Opposes from 5 March*;\ncounted as backing from 26 June", "start"),  # fits neither way
    ],
)
def test_a_story_label_reads_from_its_mark_only_where_it_fits_on_a_phone(mark, label, expected):
    mark, start, end = pd.Timestamp(mark), pd.Timestamp("2024-01-01"), pd.Timestamp("2024-04-10")  # 100 days
    place = chart_registry.label_place(label, mark, start, end)
    assert (
        place
        == {
            "left": {"label_at": mark.isoformat(), "align": "left"},
            "right": {"label_at": mark.isoformat(), "align": "right"},
            "centre": {"label_at": mark.isoformat(), "align": "center"},
            "start": {"label_at": start.isoformat(), "align": "left"},
        }[expected]
    )


def test_the_candidates_keep_one_order_in_every_view(ds):
    def order(start: date, end: date) -> list[str]:
        view = replace(bounds_of(ds).default(), start=start, end=end)
        [item] = [chart for chart in view_charts(ds, view) if chart.slug == "candidates"]
        return item.chart.to_dict()["layer"][0]["encoding"]["y"]["sort"]

    whole = order(date(2023, 7, 7), date(2024, 10, 1))
    # By outcome, the cards' order too: the one chosen, the one who ran openly, then the three who never declared
    # (in the file's order), whatever their first step (Kallas and Kariņš in 2023, Rutte in October 2023).
    assert whole == ["Mark Rutte", "Klaus Iohannis", "Kaja Kallas", "Krišjānis Kariņš", "Ben Wallace"]
    assert order(date(2024, 1, 1), date(2024, 6, 30)) == whole


def test_on_a_phone_no_step_of_a_candidate_covers_another():
    # The published data: Iohannis is named c. 23 February and declares on 12 March 2024, 18 days, a few px on a
    # phone's axis; the two reports of Rutte taking office on 1 October 2024 are one fact, drawn once.
    ds = load(ROOT / "data" / RACE, ROOT / "seeds" / RACE)
    view = bounds_of(ds).default()
    [item] = [chart for chart in view_charts(ds, view) if chart.slug == "candidates"]
    spec = export.fixed_narrow(item.chart.to_dict())
    graph = vl_convert.vegalite_to_scenegraph(spec, vl_version=export.VL_VERSION)
    steps = []

    def walk(node, x, y):
        for item in node.get("items") or []:
            if node.get("marktype") == "group":
                for child in item.get("items") or []:
                    walk(child, x + item.get("x", 0), y + item.get("y", 0))
            elif node.get("marktype") == "symbol" and node.get("role") == "mark":
                steps.append((round(y + item["y"]), x + item["x"], item["size"] ** 0.5))

    walk(graph["scenegraph"], 0, 0)
    assert len(steps) >= 10
    covered = [
        (a, b)
        for i, a in enumerate(steps)
        for b in steps[i + 1 :]
        if a[0] == b[0] and abs(a[1] - b[1]) < (a[2] + b[2]) / 2 * 0.8  # more than a fifth of a mark hidden
    ]
    assert covered == []


@pytest.mark.parametrize(
    "start, names, subtitle",
    [
        # After the appointment only Rutte's last steps fall in the dates: he declared all the same.
        (date(2024, 6, 26), ["Mark Rutte"], ["26 June 2024 to 1 October 2024; every candidate"]),
        # From Türkiye's backing the first step drawn is in June, but the articles report candidates long before: the
        # axis starts on the day chosen, and no line says otherwise.
        (date(2024, 4, 29), ["Mark Rutte", "Klaus Iohannis"], ["29 April 2024 to 1 October 2024; every candidate"]),
    ],
)
def test_a_view_s_dates_change_neither_who_declared_nor_where_the_race_starts(ds, start, names, subtitle):
    view = replace(bounds_of(ds).default(), start=start, end=date(2024, 10, 1))
    [item] = [chart for chart in view_charts(ds, view) if chart.slug == "candidates"]
    spec = item.chart.to_dict()
    assert spec["layer"][0]["encoding"]["y"]["sort"] == names
    assert "never declared" not in json.dumps(vl_convert.vegalite_to_svg(spec))
    assert spec["title"]["subtitle"][: len(subtitle)] == subtitle
    assert not any("report no candidate" in line for line in spec["title"]["subtitle"])
    # and the key of marks names only the marks drawn: every step here is dated to the day
    assert "Filled: dated to the day, by the article or a source outside it." in spec["title"]["subtitle"]
    assert not any(line.startswith("Open, with a bar") for line in spec["title"]["subtitle"])


def test_the_candidates_who_never_declared_say_so_under_their_names(ds):
    svg = vl_convert.vegalite_to_svg(charts.candidates_chart(ds.events, ds.candidates, "T", "S").to_dict())
    labels = {
        names[0]: names[1:]
        for text in re.findall(r"<text[^>]*>((?:<tspan[^>]*>[^<]*</tspan>)+|[^<]+)</text>", svg)
        if (names := re.findall(r"<tspan[^>]*>([^<]*)</tspan>", text) or [text])[0] in set(ds.candidates["name"])
    }
    # Rutte and Iohannis declared (kind 'candidacy'); Kallas, Kariņš and Wallace were named, or said to be interested:
    # said in words, not by a pale grey alone, which read as disabled.
    assert labels == {
        "Mark Rutte": [],
        "Klaus Iohannis": [],
        "Kaja Kallas": ["never declared"],
        "Krišjānis Kariņš": ["never declared"],
        "Ben Wallace": ["never declared"],
    }


@pytest.mark.parametrize(
    "countries, expected",
    [
        ((), ["Rutte's country:\nno stance reported"]),  # grey, and why, on the map itself: in every file too
        (("NLD",), ["Rutte's country:\nno stance reported"]),  # the fixture's words for it
        (("HUN",), []),  # the filter leaves the Netherlands out: nothing points at it
    ],
)
def test_the_map_names_rutte_s_country_and_why_it_is_grey_while_it_is_shown(ds, countries, expected):
    spec = charts.backer_map(
        views.map_frame(ds, "2024-06-25"),
        ds.shapes,
        countries,
        "T",
        "S",
        ds.race.stances,
        home=("NLD", "Rutte"),
        members=(ds.race.body.member, ds.race.body.members),
    ).to_dict()
    homes = set(re.findall(r'"text": "([^"]*)", "lon"', json.dumps(spec)))  # the label's rows, in each layer
    assert sorted(homes) == [json.dumps(text)[1:-1] for text in expected]


def test_a_country_outside_the_alliance_is_named_in_full_on_the_map(ds):
    # Natural Earth's shapes say 'Bosnia and Herz.'; a reader's tooltip says the country's name.
    features = charts.map_features(
        views.map_frame(ds, "2024-06-25"),
        map_shapes.region_features(json.dumps(ds.shapes), "europe"),
        (),
        ds.race.stances,
    )
    names = {f["properties"]["name"] for f in features}
    assert "Bosnia and Herzegovina" in names and not any(name.endswith(".") or ". " in name for name in names)


def test_the_candidate_s_own_country_says_so_on_the_map(ds):
    # The Netherlands: no article names its stance before the appointment, so it is grey; its tooltip says whose
    # country it is, so the grey does not read as a government against its own prime minister.
    view = bounds_of(ds).default()
    [item] = [chart for chart in view_charts(ds, view) if chart.slug == "backer-map"]
    shapes = {
        f["properties"]["name"]: f["properties"]["label"]
        for panel in item.chart.to_dict()["vconcat"]
        for f in panel["data"]["values"]
    }
    assert shapes["Netherlands"] == "No stance reported; Rutte's own country"
    assert shapes["Belgium"] == "No stance reported"


def test_a_rival_s_own_words_are_on_their_row_and_the_protagonist_s_are_not(ds):
    """Kallas saying Estonia can back Rutte (2 April 2024), a statement in the race's data, is drawn on her row, so
    her run does not end at her last mention; Rutte's own statements are not steps of his run."""
    events = ds.events.copy()
    events.loc[events["event_id"] == "kallas-steps-aside", "kind"] = "statement"  # as the race's data has it
    assert ((events["kind"] == "statement") & (events["actor"] == "Mark Rutte")).sum() >= 5
    steps = charts.candidate_steps(events, ds.candidates, ds.race.protagonist.candidate)
    said = steps[steps["kind"] == "statement"]
    assert list(zip(said["name"], said["date"].dt.strftime("%Y-%m-%d"))) == [("Kaja Kallas", "2024-04-02")]
    spec = charts.candidates_steps_chart(steps, "T", "S").to_dict()
    shapes = next(
        layer["encoding"]["shape"]["scale"] for layer in spec["layer"] if "shape" in layer.get("encoding", {})
    )
    assert shapes["domain"][-1] == "Statement" and shapes["range"][-1] == "triangle-down"


def test_the_story_chart_draws_no_square_after_a_holdout_s_last_report(ds):
    """Hungary: opposing by 5 March, still holding out c. 4 April; on 29 April an article says it 'had earlier
    expressed reservations'. That report moves neither its stance nor its last report, so it draws no square: a
    square on 29 April read as a holdout then, after the last report the title gives (editors 27 and 30)."""
    view = bounds_of(ds).default()
    [story] = [chart for chart in view_charts(ds, view) if chart.slug == "stances-by-ally"]
    reports = [
        row
        for rows in story.chart.to_dict()["datasets"].values()
        for row in rows
        if "report" in row and row.get("member") == "Hungary"
    ]
    assert [(row["at"][:10], row["report"].split(" (")[0]) for row in reports] == [
        ("2024-03-05", "First reported"),
        ("2024-04-04", "Last reported"),
    ]
    assert "the articles last report Hungary holding out around 4 April 2024" in story.title
    key = " ".join(story.chart.to_dict()["vconcat"][1]["title"]["text"])
    assert "Squares: days an article reports a holdout" in key
