"""The event kinds are declared once (tracker/data/kinds.py): the check, the timeline and the prose all read that
table, its lanes' colours stay apart under the common colour-vision deficiencies, and adding a kind is one entry."""

import itertools

import numpy as np
import pytest
from colorspacious import cspace_convert

from data_copies import RACE, ROOT, DataCopy
from tracker.charts import charts
from tracker.data import kinds
from tracker.data.schema import tables
from tracker.model import views
from tracker.model.load import load
from tracker.prose import describe

DEFICIENCIES = ("deuteranomaly", "protanomaly", "tritanomaly")  # at severity 100: deuteranopia, protanopia, tritanopia
MIN_DISTANCE = 10  # CAM02-UCS ΔE′: colours this far apart read as different categories, not shades of one
MIN_MARK_CONTRAST = 2.8  # against white: a coloured mark (not text) stands out from the page


def srgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255


def seen_as(rgb: np.ndarray, deficiency: str | None) -> np.ndarray:
    if deficiency is None:
        return rgb
    return np.clip(cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}, "sRGB1"), 0, 1)


def distance(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(cspace_convert(a, "sRGB1", "CAM02-UCS") - cspace_convert(b, "sRGB1", "CAM02-UCS")))


def luminance(rgb: np.ndarray) -> float:
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return float(linear @ [0.2126, 0.7152, 0.0722])


def test_the_timeline_has_at_most_six_lanes_each_with_its_own_colour():
    assert len(kinds.LANES) <= 6
    assert len({lane.colour for lane in kinds.LANES}) == len(kinds.LANES)
    assert {kind.lane for kind in kinds.KINDS} == {lane.name for lane in kinds.LANES}


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_lane_colours_stay_apart_under_colour_vision_deficiencies(deficiency):
    colours = {lane.name: seen_as(srgb(lane.colour), deficiency) for lane in kinds.LANES}
    closest = min((distance(a, b), x, y) for (x, a), (y, b) in itertools.combinations(colours.items(), 2))
    assert closest[0] >= MIN_DISTANCE, (
        f"{closest[1]} and {closest[2]} are {closest[0]:.1f} apart as seen with {deficiency}"
    )


def test_the_distance_check_catches_a_pair_that_merges_for_a_colour_blind_reader():
    # Okabe–Ito's green and a mid grey differ plainly to most readers, but nearly merge with deuteranopia.
    green, grey = srgb("#009E73"), srgb("#8C8C8C")
    assert (
        distance(green, grey) > MIN_DISTANCE > distance(seen_as(green, "deuteranomaly"), seen_as(grey, "deuteranomaly"))
    )


@pytest.mark.parametrize("lane", kinds.LANES, ids=lambda lane: lane.name)
def test_every_lane_colour_is_visible_on_white(lane):
    assert 1.05 / (luminance(srgb(lane.colour)) + 0.05) >= MIN_MARK_CONTRAST


def test_the_data_packages_kinds_are_the_tables_kinds():
    enum = tables(ROOT / "data" / RACE / "datapackage.json")["events"].field("kind").enum
    assert sorted(enum) == sorted(kinds.names())


def test_a_kind_added_to_the_table_passes_the_check_and_is_drawn_in_its_lane(tmp_path, monkeypatch):
    copy = DataCopy(tmp_path)
    copy.replace("datapackage.json", '"took_office",', '"took_office",\n                "nomination",')
    copy.edit("events.csv", "iohannis-running", kind="nomination")
    assert copy.problems() == [
        "datapackage.json, events.kind: kind 'nomination' has no lane, colour or words in "
        "tracker/data/kinds.py, so the app cannot draw it; add it there"
    ]
    monkeypatch.setattr(kinds, "KINDS", (*kinds.KINDS, kinds.Kind("nomination", "Candidates", "nominations")))
    assert copy.problems() == []
    ds = load(copy.data, copy.seeds)
    frame = charts.timeline_frame(ds.events, ds.articles)
    assert frame.set_index("event_id").at["iohannis-running", "lane"] == "Candidates"
    nominations = ds.events[ds.events["kind"] == "nomination"]
    assert "nominations (1)" in describe.timeline(nominations)
    spec = charts.timeline(
        frame, charts.milestone_frame(frame, views.milestone_labels(ds)), "2023-07-07", "2024-10-01", "T", "S"
    ).to_dict()
    drawn = [
        row["event_id"]
        for data in spec["datasets"].values()
        for row in data
        if "lane" in row and row["lane"] == "Candidates"
    ]
    assert "iohannis-running" in drawn


def test_each_kind_owns_its_roles_and_its_mark():
    """What a kind means to the app is declared with the kind, and read from there by every module."""
    assert kinds.the_kind(kinds.DECISION) == "appointment"
    assert kinds.the_kind(kinds.START_OF_OFFICE) == "took_office"
    assert (kinds.the_kind(kinds.DECLARING), kinds.the_kind(kinds.LEAVING)) == ("candidacy", "withdrawal")
    assert kinds.with_role(kinds.TALLY) == ["tally"]
    assert kinds.with_role(kinds.QUIET) == ["context", "background"]
    assert set(kinds.with_role(kinds.ANNOUNCED)) == {"took_office", "context"}
    assert kinds.stance_kinds() == {"endorsement", "reservation", "opposition"}
    assert kinds.step_shapes() == {
        "candidacy": "triangle-up",
        "interest": "triangle-right",
        "mention": "circle",
        "withdrawal": "cross",
        "appointment": "square",
        "took_office": "diamond",
    }


def test_a_role_one_kind_must_play_says_so_when_none_or_two_do(monkeypatch):
    monkeypatch.setattr(kinds, "KINDS", tuple(k for k in kinds.KINDS if k.name != "appointment"))
    with pytest.raises(ValueError, match="exactly one kind must have the role 'decision'"):
        kinds.the_kind(kinds.DECISION)
