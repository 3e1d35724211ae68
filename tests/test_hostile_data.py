"""Data that is hostile or broken: markup in the text is shown as text everywhere, and broken data gets a
maintenance page instead of a traceback or a half-drawn chart.

The pages read their data folders from tracker.data.paths, which these tests point at a copy.
"""

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from entry_points import ENTRY_POINTS
from tests.data_copies import DataCopy
from tests.hostile import HOSTILE, MARKERS, SPEAKER, hostile_copy
from tracker.charts import charts
from tracker.data import paths
from tracker.exports import export
from tracker.model.load import load

ROOT = Path(__file__).resolve().parent.parent
MARKDOWN_ELEMENTS = ("markdown", "caption", "title", "header", "subheader", "info", "warning", "error", "success")
EXPRESSION_KEYS = {"expr", "labelExpr", "filter", "calculate", "signal", "test"}  # strings Vega evaluates as code
TIMEOUT = 60
DATA_AS_MARKDOWN = {"pages/candidates.py", "pages/quotes.py"}  # the rest show the data in charts and tables
CHARTS = {"app.py", "pages/timeline.py", "pages/backer_map.py", "pages/candidates.py"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> DataCopy:
    return hostile_copy(tmp_path_factory.mktemp("hostile"))


def served_from(monkeypatch, copy: DataCopy) -> None:
    monkeypatch.setattr(paths, "DATA_DIR", copy.data)
    monkeypatch.setattr(paths, "SEEDS_DIR", copy.seeds)


def run(entry: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / entry), default_timeout=TIMEOUT)
    at.query_params.update({"from": "2010-10-14", **params})  # the whole race, so every hostile row is in view
    return at.run()


def without_escapes(markdown: str) -> str:
    """What Markdown can still interpret: the text with every backslash-escaped character removed."""
    return re.sub(r"\\.", "", markdown, flags=re.S)


def expression_strings(node) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k in EXPRESSION_KEYS and isinstance(v, str)] + [
            s for v in node.values() for s in expression_strings(v)
        ]
    if isinstance(node, list):
        return [s for v in node for s in expression_strings(v)]
    return []


@pytest.mark.slow
@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_markup_in_the_data_is_never_interpreted_by_markdown(monkeypatch, hostile, entry):
    served_from(monkeypatch, hostile)
    at = run(entry)
    assert not at.exception
    bodies = [
        el.value for kind in MARKDOWN_ELEMENTS for el in at.get(kind) if isinstance(getattr(el, "value", None), str)
    ]
    carrying = [b for b in bodies if "rutteInjected" in b]
    assert carrying or entry not in DATA_AS_MARKDOWN, "the hostile rows should be on this page"
    for body in carrying:
        live = [m for m in MARKERS if m in without_escapes(body)]
        assert not live, f"{entry}: {live} would be interpreted in {body[:120]!r}"


@pytest.mark.slow
@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_no_chart_evaluates_text_from_the_data(monkeypatch, hostile, entry):
    served_from(monkeypatch, hostile)
    at = run(entry, countries="HUN,GBR")  # names from the data go into the subtitles
    specs = [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]
    assert bool(specs) == (entry in CHARTS)
    for spec in specs:
        assert "rutteInjected" in json.dumps(spec["title"]) or entry != "pages/backer_map.py"
        assert not [s for s in expression_strings(spec) if "rutteInjected" in s or "datum.name}" in s]


def test_quotes_page_filters_to_a_speaker_whose_name_is_markup(monkeypatch, hostile):
    served_from(monkeypatch, hostile)
    at = run("pages/quotes.py", speakers=SPEAKER)
    assert not at.exception and not at.info, [i.value for i in at.info]
    assert at.multiselect[0].value == [SPEAKER]
    assert at.query_params["speakers"] == SPEAKER


@pytest.fixture(scope="module")
def hostile_exports(hostile) -> dict[str, bytes]:
    ds = load(hostile.data, hostile.seeds)
    chart = charts.candidates_chart(ds.events, ds.candidates, f"Title {HOSTILE}", f"Subtitle {HOSTILE}")
    spec = export.export_spec(chart.to_dict(), f"Source: {HOSTILE}")
    return {fmt: export.render(spec, fmt) for fmt in ("svg", "html")}


def test_exported_svg_shows_the_markup_as_text(hostile_exports):
    root = ET.fromstring(hostile_exports["svg"])
    tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    attributes = [(name, value) for el in root.iter() for name, value in el.attrib.items()]
    assert "script" not in tags and "img" not in tags
    handlers = [name for name, _ in attributes if name.lower().startswith("on")]
    links = [value for name, value in attributes if name.rsplit("}", 1)[-1] == "href"]
    assert not handlers and not [link for link in links if "javascript:" in link]
    text = " ".join(root.itertext())
    assert "Title <b>bold</b> <script>window.rutteInjected=1</script>" in text  # the title, character for character
    assert "Ben <b>bold</b>" in text  # a candidate's name on the axis


def test_exported_html_keeps_the_markup_inside_the_spec(hostile_exports):
    html = hostile_exports["html"].decode("utf-8")
    benign = export.html_page({"$schema": "https://vega.github.io/schema/vega-lite/v6.json", "mark": "point"})
    assert html.count("</script>") == benign.count("</script>"), "text from the data closed a <script>"
    assert "<img src=x" not in html and "<b>bold</b>" not in html
    spec = json.loads(re.search(r"const spec = (\{.*?\});\n", html, flags=re.S).group(1))
    assert (
        " ".join(spec["title"]["text"]) == f"Source: {HOSTILE}"
    )  # the text itself is intact once parsed (and wrapped)


# Broken data: the reader gets the maintenance page, whatever broke.
BREAKAGES = {
    "missing file": lambda c: (c.data / "events.csv").unlink(),
    "renamed column": lambda c: c.replace("events.csv", "event_id,date,", "id,date,"),
    "bad date": lambda c: c.edit("events.csv", "turkey-backs-rutte", date="2024-02-30"),
    "unknown stance": lambda c: c.edit("events.csv", "turkey-backs-rutte", stance="maybe"),
    "duplicate id": lambda c: c.edit("events.csv", "stoltenberg-good-hands", event_id="turkey-backs-rutte"),
    "quote not in its article": lambda c: c.edit("events.csv", "stoltenberg-good-hands", quote="Words nobody said"),
    "not UTF-8": lambda c: (c.data / "articles.csv").write_bytes(
        (c.data / "articles.csv").read_bytes().replace(b"Daria", b"D\xe4ria")
    ),
    "shapes not JSON": lambda c: c.write_text("countries-110m.json", "{not json"),
    "no data folder": lambda c: shutil.rmtree(c.data),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
@pytest.mark.parametrize("entry", ["app.py", "pages/backer_map.py"])
def test_broken_data_shows_the_maintenance_page(monkeypatch, tmp_path, capfd, breakage, entry):
    copy = DataCopy(tmp_path)
    BREAKAGES[breakage](copy)
    served_from(monkeypatch, copy)
    at = run(entry)
    assert not at.exception
    assert [e.value for e in at.error] == [
        "This story's data is being updated and cannot be shown right now. Please try again in a few minutes."
    ]
    assert not at.title and not at.get("vega_lite_chart") and not at.sidebar.date_input
    assert "[tracker] data failed its checks" in capfd.readouterr().out  # the server log says why
