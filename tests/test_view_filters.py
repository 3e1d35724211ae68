"""Filters are declared once (view_state.FILTERS): a filter added there alone, in a copy of the package, flows to
the URL (parsed, with notices, and written back), to the rule every chart's rows follow, and to the cache keys."""

import json
import subprocess
import sys
from dataclasses import fields
from datetime import date
from pathlib import Path

from data_copies import RACE
from tracker.reader.filters import facts
from tracker.reader.url_state import PARAMS
from tracker.reader.view_state import FILTERS, ViewState, cache_key, rows_key

ROOT = Path(__file__).resolve().parent.parent

# One new entry for FILTERS: a choice of event kinds, by the URL key "kinds".
KINDS_FILTER = """
    Filter("kinds", (("kinds", tuple[str, ...], ()),), ("kinds",),
           lambda link, before, bounds: {"kinds": link.members("kinds", frozenset({"endorsement", "opposition"}))},
           _write_list("kinds", "kinds"), keeps=_in("kind", "kinds")),
"""

PROBE = """
import json, sys
from pathlib import Path
from tracker.charts.chart_registry import TIMELINE, draw, scope
from tracker.reader.filters import bounds_of, filter_events
from tracker.model.load import load
from tracker.reader.url_state import PARAMS, parse, to_params
from tracker.reader.view_state import cache_key, rows_key

ds = load(Path(sys.argv[1]), Path(sys.argv[2]))
bounds = bounds_of(ds)
view, notices = parse({"kinds": ["endorsement,nonsense"], "countries": ["USA"]}, bounds)
plain = bounds.default()
print(json.dumps({
    "params": list(PARAMS), "kinds": list(view.kinds), "notices": notices, "written": to_params(view, bounds),
    "kinds_shown": sorted(set(filter_events(ds.events, view)["kind"].astype(str))),
    "timeline_rows": len(draw(TIMELINE, scope(ds, view)).data),
    "in_key": [name for name, _ in cache_key(view)],
    "in_rows_key": [name for name, _ in rows_key(view)],
    "chart_keys_differ": draw(TIMELINE, scope(ds, plain)).cache_key != draw(TIMELINE, scope(ds, view)).cache_key,
}))
"""


def test_view_fields_are_the_filters_fields_and_every_field_is_in_the_cache_key():
    assert [f.name for f in fields(ViewState)] == ["start", "end", "countries", "as_of", "speakers", "event"]
    assert PARAMS == ("from", "to", "countries", "as_of", "speakers", "event")
    assert [f.name for f in FILTERS] == ["dates", "countries", "as_of", "speakers", "event"]

    key = cache_key(ViewState(date(2024, 1, 1), date(2024, 6, 30), ("TUR",), event="x"), ignore=("event",))
    assert key == (
        ("start", date(2024, 1, 1)),
        ("end", date(2024, 6, 30)),
        ("countries", ("TUR",)),
        ("as_of", None),
        ("speakers", ()),
    )


def test_the_rows_key_names_what_the_filters_of_each_kind_of_row_read():
    view = ViewState(date(2024, 1, 1), date(2024, 6, 30), ("TUR",), as_of=date(2024, 3, 1), speakers=("Mark Rutte",))
    assert rows_key(view) == (("start", date(2024, 1, 1)), ("end", date(2024, 6, 30)), ("countries", ("TUR",)))
    assert rows_key(view, "quotes") == (("speakers", ("Mark Rutte",)),)
    focused = ViewState(date(2024, 1, 1), date(2024, 6, 30), ("TUR",), event="e-1")
    assert rows_key(focused) == rows_key(view)  # the focus and the map's date keep no rows out


def test_a_filter_added_in_one_entry_flows_to_the_url_the_rule_and_the_cache_key(tmp_path):
    source = (ROOT / "tracker" / "reader" / "view_state.py").read_text()
    anchor = "\n]\n\n\ndef view_state_class"
    assert source.count(anchor) == 1
    package = tmp_path / "tracker"
    subprocess.run(["cp", "-r", str(ROOT / "tracker"), str(package)], check=True)
    (package / "reader" / "view_state.py").write_text(source.replace(anchor, KINDS_FILTER.rstrip("\n") + anchor))

    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(ROOT / "data" / RACE), str(ROOT / "seeds" / RACE)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={
            "PYTHONPATH": str(tmp_path),
            "PATH": "/usr/bin:/bin",
            "TRACKER_DATA_DIR": str(ROOT / "data" / RACE),
            "TRACKER_SEEDS_DIR": str(ROOT / "seeds" / RACE),
        },
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got["params"][-1] == "kinds"
    assert got["kinds"] == ["endorsement"]
    assert got["notices"] == ["Ignored unknown kinds: nonsense."]
    assert got["written"] == {"countries": "USA", "kinds": "endorsement"}
    assert got["kinds_shown"] == ["endorsement"]
    # The United States' endorsements in the race: five rows in four articles, all one fact, drawn once.
    assert got["timeline_rows"] == 1
    assert got["in_key"][-1] == "kinds" and got["chart_keys_differ"]
    assert got["in_rows_key"] == ["start", "end", "countries", "kinds"]  # the events' filters, the new one too


def test_a_fact_is_drawn_from_the_report_that_pins_it_earliest(ds):
    # Rutte's interest: 'last year' (the June article: 2023) and 'In October' (the January article: October 2023).
    # The month stands for the fact, not the year whose first day sorts earlier.
    rows = facts(ds)
    interest = rows[rows["fact_id"] == "rutte-signals-interest"]
    assert interest["event_id"].tolist() == ["rutte-willing-october"]
    assert rows["date"].is_monotonic_increasing
