"""Every chart, rendered as it is exported, for the default view and filtered ones (one country, one month, a
single day): no axis label repeats, no text overlaps text, nothing falls outside the chart, every legend swatch
can be seen, and the axes follow the chosen dates and allies. Broken charts prove the lint can fail."""

import re
from datetime import date, datetime

import altair as alt
import pandas as pd
import pytest
import vl_convert

import chart_lint
from data_copies import DATA, SEEDS
from tracker.charts import chart_registry
from tracker.exports import export, whole_view
from tracker.model.load import load
from tracker.reader.filters import bounds_of
from tracker.reader.url_state import ViewState

VIEWS = {
    "default": None,
    "one country": ("HUN",),
    "one month": (date(2024, 2, 1), date(2024, 2, 29)),
    "single day": (date(2024, 10, 1), date(2024, 10, 1)),
}


def view_of(name: str, bounds) -> ViewState:
    value = VIEWS[name]
    if value is None:
        return bounds.default()
    if isinstance(value[0], str):
        return ViewState(bounds.default_start, bounds.default_end, value)
    return ViewState(*value)


@pytest.fixture(scope="module")
def rendered():
    """{view name: (view, {chart slug: scene})}, each chart rendered once for the whole module."""
    ds = load(DATA, SEEDS)  # the frozen fixture the tests pin their figures to
    bounds = bounds_of(ds)
    out = {}
    for name in VIEWS:
        view = view_of(name, bounds)
        scenes = {
            item.slug: chart_lint.scene(export.export_spec(item.chart.to_dict(), item.description))
            for item in chart_registry.view_charts(ds, view)
            if item.chart is not None
        }
        out[name] = (view, scenes)
    return out


DATE_LABEL = re.compile(r"(\d{1,2} )?[A-Z][a-z]{2}( \d{4})?")  # 'Aug 2023', '15 Feb', '1 Oct 2024'; not names or counts


def label_date(label: str, view: ViewState) -> date:
    """A tick label as a date: 'Aug 2023' (its first day), '15 Feb' (in the view's year), '1 Oct 2024'."""
    for pattern in ("%b %Y", "%d %b %Y"):
        try:
            return datetime.strptime(label, pattern).date()
        except ValueError:
            pass
    day = datetime.strptime(label, "%d %b").date()
    return day.replace(year=view.start.year if day >= view.start.replace(year=day.year) else view.end.year)


@pytest.mark.parametrize("name", VIEWS)
def test_every_chart_passes_the_lint(rendered, name):
    _, scenes = rendered[name]
    assert scenes, "no chart drawn"
    faults = {slug: chart_lint.faults(scene) for slug, scene in scenes.items()}
    assert faults == {slug: [] for slug in scenes}


@pytest.mark.parametrize("name", VIEWS)
def test_every_chart_passes_the_lint_as_the_whole_view_draws_it(name):
    """The PDF story and the HTML page draw each chart without the export's footer and padding, in their font."""
    ds = load(DATA, SEEDS)
    charts = [item.chart for item in chart_registry.view_charts(ds, view_of(name, bounds_of(ds))) if item.chart]
    assert charts, "no chart drawn"
    assert [chart_lint.faults(chart_lint.scene(whole_view.page_spec(chart))) for chart in charts] == [[]] * len(charts)


@pytest.mark.parametrize("name", VIEWS)
def test_every_chart_laid_out_for_a_phone_in_the_whole_view_passes_the_lint_and_dates_its_axis(name):
    """The HTML page's phone layout (export.fixed_narrow): vl-convert measures the house face wide, and its label
    thinning once left a single date under the candidates chart."""
    ds = load(DATA, SEEDS)
    charts = {
        item.slug: item.chart for item in chart_registry.view_charts(ds, view_of(name, bounds_of(ds))) if item.chart
    }
    scenes = {
        slug: chart_lint.scene(whole_view.page_spec(chart, phone=True, slug=slug)) for slug, chart in charts.items()
    }
    assert {slug: chart_lint.faults(scene) for slug, scene in scenes.items()} == {slug: [] for slug in scenes}
    for slug in ("stances-by-ally", "candidates"):
        if slug in scenes and name != "single day":  # one day has one date
            dates = [label for label in chart_lint.axis_labels(scenes[slug]) if DATE_LABEL.fullmatch(label)]
            assert len(set(dates)) >= 2, f"{slug}: {dates}"


@pytest.mark.parametrize("name", VIEWS)
def test_time_axes_show_only_the_chosen_dates(rendered, name):
    view, scenes = rendered[name]
    for slug in ("stances-by-ally", "timeline", "candidates"):
        if slug not in scenes:
            continue
        labels = [label for label in chart_lint.axis_labels(scenes[slug]) if DATE_LABEL.fullmatch(label)]
        assert labels, f"{slug}: its time axis shows no date"
        outside = [label for label in labels if not view.start <= label_date(label, view) <= view.end]
        assert not outside, f"{slug}: {outside} fall outside {view.start} to {view.end}"


def test_with_a_country_filter_the_story_chart_has_a_row_for_each_chosen_ally(rendered):
    _, scenes = rendered["one country"]
    rows = chart_lint.axis_labels(scenes["stances-by-ally"])
    assert [label for label in rows if label.strip() and not DATE_LABEL.fullmatch(label)] == ["Hungary"]


def test_the_story_chart_labels_each_ally_and_marks_the_appointment(rendered):
    _, scenes = rendered["default"]
    texts = [str(t.text).replace("\n", " ") for t in scenes["stances-by-ally"].texts]
    assert "Appointed 26 June: all had to agree" in texts
    # The allies the articles leave unnamed have no row of their own (editor round 28: its square and diamond had
    # colours the key lacked); the eastern allies' reservations are in the chart's description, and Politico's count
    # of backers, the articles' sign of wider support, is in the subtitle, as on the map (editor round 37).
    drawn = [str(t.text) for t in scenes["stances-by-ally"].texts if t.role != "title-text"]  # not its description
    assert not any("Unnamed" in text for text in drawn)
    assert "None named with a stance; counted as backing from 26 June" in texts
    # Hungary: solid to its last report holding out (EUROPolitika, c. 4 April), then faded to the appointment.
    # 'By' 5 March: the day Politico reported it, a bound (it may have held earlier), said in a note.
    assert "Opposes by 5 March*; still holding out c. 4 April; counted as backing from 26 June" in texts
    assert "backs from 29 April" in " ".join(texts)  # Türkiye's backing, announced that day: 'from'
    subtitle = next(t.text for t in scenes["stances-by-ally"].texts if t.role == "title-subtitle")
    # The dates it draws, then why it starts later than the dates chosen.
    assert subtitle == str(
        [
            "1 January 2024 to 1 October 2024; all allies",
            "The articles report no stance before January 2024",
            "Politico, c. 23 February 2024: two-thirds of the 31",
            "allies back him",
        ]
    )
    # The notes the key cannot give stand under the chart, as footnotes.
    notes = next(t.text for t in scenes["stances-by-ally"].texts if "Squares:" in str(t.text))
    # The shades have a key of swatches, in words, row by row: each stance beside its pale form, as drawn (editor
    # round 31: one grey swatch for every pale period matched none of them).
    legend = [t.text for t in scenes["stances-by-ally"].texts if t.role == "legend-label"]
    assert legend == [
        "Backs Rutte",
        "Counted at the appointment",
        "Not yet backing",
        "Not yet backing, as last reported",
        "Opposes",
        "Opposes, as last reported",
    ]
    assert "Squares: days an article reports a holdout" in notes
    # In the file as on screen, the key sits under the title and its notes, not above the title.
    title_foot = max(t.box.bottom for t in scenes["stances-by-ally"].texts if t.role == "title-subtitle")
    key_top = min(t.box.top for t in scenes["stances-by-ally"].texts if t.role == "legend-label")
    assert key_top > title_foot
    # The key starts at the chart's left edge, with the title, not right of the allies' names: on a phone it ran
    # off the screen from there.
    title_left = min(t.box.left for t in scenes["stances-by-ally"].texts if t.role == "title-text")
    key_left = min(t.box.left for t in scenes["stances-by-ally"].texts if t.role == "legend-label")
    names_right = max(t.box.right for t in scenes["stances-by-ally"].texts if t.text == "Hungary")
    assert key_left < title_left + 30 < names_right
    assert "‘By’ a date: it may have begun earlier" in notes
    assert "Appointment's date: from outside the articles" in notes  # a NATO press release gives the day
    # Its opposition rests on a cited report's title: starred, and the caution in the key, in the note's words.
    assert "* Hungary: known only from the title of a source" in notes
    assert "  in the article's reference list" in notes
    notes_top = min(t.box.top for t in scenes["stances-by-ally"].texts if "Squares:" in str(t.text))
    bars_foot = max(t.box.bottom for t in scenes["stances-by-ally"].texts if t.role == "axis-label")
    assert notes_top > bars_foot
    # France, Germany and the United States: reported as backing when the article of c. 19 January appeared.
    assert texts.count("Backs by c. 19 January") == 3


def test_the_map_legend_lists_only_statuses_on_the_map(rendered):
    _, scenes = rendered["one month"]  # 29 Feb 2024: Sweden not yet an ally, no one opposed
    legend = [t.text for t in scenes["backer-map"].texts if t.role == "legend-label"]
    assert "Not yet an ally: 1 country" in legend and not any(label.startswith("Opposes") for label in legend)
    counted = [label for label in legend if label != "Not a NATO ally"]
    assert all(re.search(r": \d+ (ally|allies|country|countries)$", label) for label in counted)


# ---- the lint can fail --------------------------------------------------------------------------


def lint(chart) -> list[str]:
    return chart_lint.faults(chart_lint.scene(export.export_spec(chart.to_dict(), "")))


DAYS = pd.DataFrame({"date": pd.date_range("2024-01-01", "2024-03-31", freq="W"), "n": range(13)})


def test_the_lint_finds_repeated_month_labels():
    weekly_months = (
        alt.Chart(DAYS).mark_line().encode(x=alt.X("date:T", axis=alt.Axis(format="%b", tickCount=12)), y="n:Q")
    )
    assert any("repeats on one axis" in fault for fault in lint(weekly_months.properties(width=600)))


def test_the_lint_finds_month_labels_thinned_unevenly():
    def labels(*texts: str) -> chart_lint.Scene:
        box = chart_lint.Box(0, 0, 10, 10)
        return chart_lint.Scene(100, 100, [chart_lint.Text("axis-label", t, box, group=1) for t in texts], [], [])

    assert chart_lint.unevenly_thinned_month_labels(labels("Jan 2024", "Feb 2024", "Apr 2024", "May 2024"))
    assert not chart_lint.unevenly_thinned_month_labels(labels("Aug 2023", "Jan 2024", "Mar 2024", "May 2024"))


def test_the_lint_finds_text_over_text():
    crowded = (
        alt.Chart(pd.DataFrame({"x": [1, 1.02], "label": ["Hungary opposes", "Türkiye backs"]}))
        .mark_text(fontSize=12)
        .encode(x=alt.X("x:Q", scale=alt.Scale(domain=[0, 2])), text="label:N")
    )
    assert any("overlaps" in fault for fault in lint(crowded.properties(width=400, height=50)))


@pytest.mark.parametrize("baseline", ["bottom", "middle", "top", "alphabetic"])
def test_the_lint_boxes_a_label_of_several_lines_where_vega_draws_it(baseline):
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": 200,
        "height": 200,
        "data": {"values": [{"label": "one\ntwo\nthree"}]},
        "mark": {"type": "text", "baseline": baseline, "lineBreak": "\n", "lineHeight": 14, "fontSize": 12},
        "encoding": {"text": {"field": "label"}, "x": {"value": 100}, "y": {"value": 100}},
    }
    svg = vl_convert.vegalite_to_svg(spec)
    # Vega's SVG: the first line on the anchor's baseline, each further line 14 px (its dy) below it
    first = float(re.search(r'translate\(100,([\d.]+)\)"[^>]*><tspan>one<', svg).group(1))
    assert re.findall(r'<tspan x="0" dy="([\d.]+)">', svg) == ["14", "14"]
    [box] = [t.box for t in chart_lint.scene(spec).texts if t.text == "one\ntwo\nthree"]
    # the box reaches from above the first line (no more than a line's height) to below the third, two lines down
    assert first - 14 <= box.top <= first and first + 28 <= box.bottom <= first + 28 + 14


def test_the_lint_finds_a_mark_outside_the_plot():
    clipped_off = (
        alt.Chart(DAYS)
        .mark_point()
        .encode(x=alt.X("date:T", scale=alt.Scale(domain=["2024-02-01", "2024-02-28"])), y="n:Q")
    )
    assert any("outside its plot area" in fault for fault in lint(clipped_off.properties(width=300)))


def test_the_lint_finds_an_invisible_legend_swatch():
    frame = pd.DataFrame({"x": [1, 2], "kind": ["context", "background"]})
    pale = (
        alt.Chart(frame)
        .mark_point(filled=True)
        .encode(
            x="x:Q",
            color=alt.Color("kind:N", scale=alt.Scale(domain=["context", "background"], range=["#555555", "#FFFFFF"])),
        )
    )
    assert any("legend swatch" in fault for fault in lint(pale))


def test_the_lint_finds_pale_text():
    pale = alt.Chart(DAYS).mark_line().encode(x="date:T", y="n:Q").configure_axis(labelColor="#999999")
    assert any("contrast" in fault for fault in lint(pale))


def test_the_timeline_marks_its_squeezed_stretch_as_a_break_on_the_axis(rendered):
    _, scenes = rendered["default"]  # from 7 July 2023: the quiet months before January 2024 are squeezed
    texts = [t for t in scenes["timeline"].texts]
    [mark] = [t for t in texts if t.text == "//"]
    # the band by its year; the first month after it labelled (editor round 32: dropped to make room on a phone)
    axis_labels = [t for t in texts if t.role == "axis-label" and t.text in ("2023", "Jan 2024")]
    assert {t.text for t in axis_labels} == {"2023", "Jan 2024"}
    # On the bottom axis line, between the band's first month and the first month after it.
    bottom = [t for t in axis_labels if t.box.top > mark.box.top]
    assert len(bottom) == 2 and min(t.box.left for t in bottom) < mark.box.left < max(t.box.left for t in bottom)
    subtitle = next(t.text for t in texts if t.role == "title-subtitle")
    assert "// Axis break: Jul–Dec 2023 squeezed into the grey band" in subtitle
