"""What an editor does to add an article, done in a temporary copy of the project, following docs/DATA.md:
add_article, finish the drafts and add the claims, log the addition, data_docs, check; then the app, the exports
and the generated files show the new article, and nothing still speaks of the old number of articles.

The copy starts from the frozen fixture (five articles), so the expected numbers here are fixed: six articles
afterwards, and Hungary and Romania backing Rutte on 20 June 2024 where they did not before.
"""

import io
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from data_copies import FIXTURE, RACE, ROOT, DataCopy
from editor_run import steps
from tracker.charts import charts
from tracker.checks.check import check
from tracker.data import paths
from tracker.data.formatting import article_names
from tracker.data.text import escape_markdown
from tracker.exports import cite, embeds, export, whole_view
from tracker.model.load import load
from tracker.reader.filters import bounds_of

TIMEOUT = 60
OLD_COUNT = re.compile(r"\b(?:five|5)\s+(?:news\s+|source\s+)?(?:articles|sources)\b", re.I)
DOCS = ("docs/DATA.md", "README.md")


def run(*command: str) -> subprocess.CompletedProcess:
    """A command as an editor runs it: from the project, reading the folders it is given, not the tests' settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=120, env=env
    )


class Project(DataCopy):
    """The fixture's data and seeds plus the docs generated from them, in a temporary folder."""

    def __init__(self, root: Path):
        super().__init__(root, source=FIXTURE)
        for doc in DOCS:
            (root / doc).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / doc, root / doc)


def untouched() -> dict[str, bytes]:
    """Every file of the project's own data, docs and the code tests' fixture."""
    files = [
        *(ROOT / "data" / RACE).rglob("*"),
        *(ROOT / "seeds" / RACE).rglob("*"),
        *FIXTURE.rglob("*"),
        *(ROOT / d for d in DOCS),
    ]
    return {str(p): p.read_bytes() for p in sorted(files) if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Project:
    project = Project(tmp_path_factory.mktemp("editor"))
    project.untouched_before = untouched()
    assert run("tracker.tools.data_docs", "--data", str(project.data)).returncode == 0  # the docs as of the fixture
    project.added = run(
        "tracker.tools.add_article",
        str(steps.ARTICLE),
        "--outlet",
        "Invented for this test",
        "--published",
        steps.PUBLISHED,
        "--id",
        steps.ARTICLE_ID,
        "--data",
        str(project.data),
    )
    project.drafted = project.problems()
    steps.finish_the_article_row(project.data)
    steps.finish_the_drafts_and_add_claims(project.data)
    project.version = json.loads((project.data / "datapackage.json").read_text(encoding="utf-8"))["version"]
    steps.log_the_addition(project.data, project.version)
    project.docs = run("tracker.tools.data_docs", "--data", str(project.data))
    return project


@pytest.fixture(scope="module")
def ds(project):
    return load(project.data, project.seeds)


@pytest.fixture
def served(monkeypatch, project):
    monkeypatch.setattr(paths, "DATA_DIR", project.data)
    monkeypatch.setattr(paths, "SEEDS_DIR", project.seeds)


def page_text(at: AppTest) -> str:
    kinds = ("title", "header", "subheader", "markdown", "caption", "info")
    return "\n".join(str(el.value) for kind in kinds for el in at.get(kind))


def map_countries(spec) -> list[dict]:
    """The properties of every country on a map spec: an inline feature's, or a row of the lookup that joins them
    to the shapes the screen reads from static/."""
    if isinstance(spec, dict):
        inline = spec.get("properties")
        own = [inline] if isinstance(inline, dict) and "status" in inline else []
        own += [spec] if {"name", "status", "key"} <= spec.keys() else []
        return own + [c for v in spec.values() for c in map_countries(v)]
    if isinstance(spec, list):
        return [c for v in spec for c in map_countries(v)]
    return []


# ---- The command and the check -----------------------------------------------------------------


def test_add_article_saves_the_text_adds_its_row_and_drafts_its_quotes(project):
    assert project.added.returncode == 0, project.added.stderr
    seeds = sorted(p.name for p in project.seeds.glob("*.txt"))
    assert len(seeds) == 6 and seeds[-1].startswith("005_")
    assert (project.seeds / seeds[-1]).read_bytes() == steps.ARTICLE.read_bytes()
    assert "romania-backs-rutte-quote-1" in project.added.stdout and "the council said" in project.added.stdout
    assert "said Kristina Moldovan" not in project.added.stdout and "Kristina Moldovan" in project.added.stdout
    assert project.version == "1.4.0"  # the fixture's 1.3.0, one minor step up


def test_the_check_names_what_the_editor_must_still_fill_in(project):
    missing = {p.split(": ")[0].split(", ", 2)[-1] for p in project.drafted if "is required but empty" in p}
    assert {"published_basis", "summary", "date", "date_precision", "date_basis", "kind"} <= missing
    assert any(
        p.startswith('datapackage.json, description: says "Every claim of five news articles') for p in project.drafted
    )


def test_after_the_documented_steps_the_check_passes(project):
    assert project.docs.returncode == 0, project.docs.stderr
    assert check(project.data, project.seeds) == []


# ---- What the reader sees ----------------------------------------------------------------------


def test_the_new_stances_are_on_the_map_for_their_date(served):
    at = AppTest.from_file(str(ROOT / "pages" / "backer_map.py"), default_timeout=TIMEOUT)
    at.query_params["as_of"] = "2024-06-20"
    at.run()
    assert not at.exception
    status = {
        country["name"]: country["status"]
        for chart in at.get("vega_lite_chart")
        for country in map_countries(json.loads(chart.proto.spec))
    }
    assert status["Romania"] == "backs" and status["Hungary"] == "backs"
    # Seven in the fixture, then Hungary and Romania.
    said = next(line for line in page_text(at).split("\n") if line.startswith("On 20 June 2024"))
    assert said.startswith(escape_markdown("On 20 June 2024, nine of 32 allies were named as backing Rutte."))


def test_the_day_before_hungary_s_week_it_is_still_opposed(served):
    at = AppTest.from_file(str(ROOT / "pages" / "backer_map.py"), default_timeout=TIMEOUT)
    at.query_params["as_of"] = "2024-06-16"
    at.run()
    status = {
        country["name"]: country["status"]
        for chart in at.get("vega_lite_chart")
        for country in map_countries(json.loads(chart.proto.spec))
    }
    # Last reported holding out c. 4 April, so drawn faded, as not reported since.
    assert status["Hungary"] == "opposes_faded" and status["Romania"] != "backs"


def test_the_new_quote_is_on_the_quotes_page(served):
    at = AppTest.from_file(str(ROOT / "pages" / "quotes.py"), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert f"“{steps.ROMANIA_QUOTE}”" in page_text(at)
    assert "Supreme Council of National Defence" in page_text(at)  # the speaker's role on the card


@pytest.mark.parametrize(
    "entry, phrase",
    [
        ("app.py", "Six news articles tell which allies were named"),
        ("pages/timeline.py", "Every claim and event in the six articles"),
        ("pages/quotes.py", "Every direct quote the six articles attribute"),
        ("pages/sources.py", "comes from **six news articles**"),
        ("pages/sources.py", "The six articles"),
    ],
)
def test_every_page_says_the_new_number_of_articles(served, entry, phrase):
    at = AppTest.from_file(str(ROOT / entry), default_timeout=TIMEOUT).run()
    assert not at.exception
    text = page_text(at)
    assert phrase in text
    assert not OLD_COUNT.search(text), OLD_COUNT.search(text)


def test_the_sidebar_help_and_the_citation_say_the_new_number(served):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    helps = [b.proto.help for b in at.get("download_button") if b.proto.label.startswith("Download the whole story")]
    assert len(helps) == 2 and all("the quotes that match, the six sources and how to cite" in h for h in helps)
    at = AppTest.from_file(str(ROOT / "pages" / "sources.py"), default_timeout=TIMEOUT).run()
    assert any("every claim of six news articles, sourced" in c.value for c in at.get("code"))


def test_exports_say_the_new_number(ds, project, tmp_path):
    footer = export.footer("A description.", ds.version, articles=list(article_names(ds.articles).values()))
    assert "Source: six news articles (" in footer and footer.endswith("); data version 1.4.0")
    view = bounds_of(ds).default()
    story = whole_view.build(ds, view, date(2026, 12, 1))
    page = whole_view.html_page(story)
    assert (
        "Every claim in this story comes from these six news articles;" in page
        and "every claim of six news articles" in page
    )
    assert not OLD_COUNT.search(page)
    pages = PdfReader(io.BytesIO(whole_view.pdf(story))).pages
    # Each page's text without its footer, 'Page 1 of 5', which would run into the next page's first word.
    pdf = " ".join(re.sub(r"Page \d+ of \d+", "", p.extract_text()) for p in pages)
    assert "six news articles" in " ".join(pdf.split()) and not OLD_COUNT.search(pdf)
    embeds.write_embeds(ds, tmp_path / "embeds")
    assert "source: six news articles." in (tmp_path / "embeds" / "index.html").read_text(encoding="utf-8")
    assert (
        cite.title(ds.race.race.title, len(ds.articles))
        == "Rutte's race to lead NATO: every claim of six news articles, sourced"
    )
    assert ds.version.startswith("1.4.0+")


def test_the_data_package_and_the_docs_say_the_new_number(project):
    package = json.loads((project.data / "datapackage.json").read_text(encoding="utf-8"))
    assert package["description"].startswith("Every claim of six news articles")
    titles = [r["title"] for r in package["resources"] if r["name"] == "articles"]
    assert titles == ["The six source articles"]
    readme, data_doc = ((project.root / doc).read_text(encoding="utf-8") for doc in ("README.md", "docs/DATA.md"))
    assert "Its only sources are six news articles" in readme and not OLD_COUNT.search(readme)
    assert (
        f"| `data/{RACE}/articles.csv` | seed article (6) |" in data_doc
        and "`romania-backs-rutte` | 20 June 2024 | Given by the publisher" in data_doc
    )
    assert not OLD_COUNT.search(data_doc.split("## Adding an article")[0])
    assert run("tracker.tools.data_docs", "--check", "--data", str(project.data)).returncode == 0


# ---- The rest of the suite ---------------------------------------------------------------------


def test_the_new_data_keeps_every_invariant_the_real_data_tests_assert(project):
    import test_real_data

    for invariant in test_real_data.INVARIANTS:
        invariant(project.data, project.seeds)


def test_the_steps_in_a_copy_change_nothing_of_the_project_nor_the_code_tests_fixture(project):
    """The code tests pin their figures to tests/fixture/; the commands wrote only into the copy they were given."""
    assert project.untouched_before == untouched(), "a command given --data wrote outside the copy"


def test_a_week_is_drawn_as_the_whole_week_on_the_timeline(ds):
    frame = charts.timeline_frame(ds.events[ds.events["event_id"] == "hungary-backs-june"], ds.articles)
    row = frame.iloc[0]
    assert (row["start"], row["end"], bool(row["exact"]), row["when"]) == (
        pd.Timestamp("2024-06-17"),
        pd.Timestamp("2024-06-24"),
        False,
        "week of 17 June 2024",
    )
