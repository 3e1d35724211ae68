"""A race's copy (copy/*.md in its data folder): the prose readers see, edited as text, filled with the data's
figures, and checked like the data, by file, line and field."""

import pytest
from streamlit.testing.v1 import AppTest

from data_copies import DATA, ROOT, DataCopy
from tracker.charts import chart_registry
from tracker.data import copy_files, paths
from tracker.data.counts import of_dataset
from tracker.exports import whole_view
from tracker.model import load, views
from tracker.prose import describe
from tracker.reader.filters import bounds_of


def test_every_piece_the_app_shows_is_in_the_fixture_and_sound():
    assert copy_files.problems(DATA) == []
    assert set(copy_files.read(DATA)) == set(copy_files.PIECES)


def test_an_editor_s_change_to_a_piece_is_what_readers_see(tmp_path, monkeypatch):
    copy = DataCopy(tmp_path)
    (copy.data / "copy" / "timeline-title.md").write_text("Every step of the race\n", encoding="utf-8")
    (copy.data / "copy" / "timeline-intro.md").write_text("All {{ articles }}, event by event.\n", encoding="utf-8")
    monkeypatch.setattr(paths, "DATA_DIR", copy.data)
    monkeypatch.setattr(paths, "SEEDS_DIR", copy.seeds)
    at = AppTest.from_file(str(ROOT / "pages" / "timeline.py"), default_timeout=60).run()
    assert at.title[0].value == "Every step of the race"
    assert at.markdown[0].value == "All five articles, event by event."


@pytest.mark.parametrize(
    ("piece", "text", "expected"),
    [
        (
            "timeline-intro",
            "Every claim in the {{ articles }}.\nFrom {{ first_day }} on.\n",
            "copy/timeline-intro.md, line 2, first_day: is not a figure this piece is given (it has: articles, claims, "
            "events)",
        ),
        ("backer-map-title", "Who backed him {% if %}\n", "copy/backer-map-title.md, line 1: is not a template"),
        (
            "rules",
            "## Verbatim sources (checked)\nEvery sentence is the article's.\n\n## Nothing added (judgement)\nNone.\n",
            "copy/rules.md, line 4: a rule's heading reads '## Name (checked)' or '## Name (by judgement)'",
        ),
    ],
)
def test_a_broken_piece_is_named_by_file_line_and_field(tmp_path, piece, text, expected):
    copy = DataCopy(tmp_path)
    (copy.data / "copy" / f"{piece}.md").write_text(text, encoding="utf-8")
    [problem] = copy.problems()
    assert problem.startswith(expected)


def test_a_missing_piece_is_named(tmp_path):
    copy = DataCopy(tmp_path)
    (copy.data / "copy" / "story-standfirst.md").unlink()
    assert copy.problems() == ["copy/story-standfirst.md: file is missing: the app shows this piece"]


def test_a_figure_is_shown_as_text_and_only_the_figures_a_piece_is_given_may_fill_it():
    copy = {"timeline-intro": "In the {{ articles }}."}
    assert copy_files.fill(copy, "timeline-intro", articles="*five* [articles](x)") == (
        r"In the \*five\* \[articles\]\(x\)."
    )
    with pytest.raises(ValueError, match="no figure"):
        copy_files.fill(copy, "timeline-intro", articles="five", secret="x")


def test_a_chart_title_is_copy_filled_as_plain_text_and_drawn_as_the_editor_wrote_it(tmp_path):
    # A chart draws its title as text: its figures are not escaped for Markdown ('25 June 2024', '1.', '*').
    copy = {"backer-map-chart-title": "Allies' stance on Rutte, {{ day }}"}
    assert copy_files.fill_plain(copy, "backer-map-chart-title", day="1. *25* June") == (
        "Allies' stance on Rutte, 1. *25* June"
    )
    with pytest.raises(ValueError, match="no figure"):
        copy_files.fill_plain(copy, "backer-map-chart-title", day="x", ally="y")
    edited = DataCopy(tmp_path)
    (edited.data / "copy" / "backer-map-chart-title.md").write_text("Who backed Rutte on {{ day }}\n", "utf-8")
    ds = load.load(edited.data, edited.seeds)
    view = bounds_of(ds).default()
    titles = {item.slug: item.title for item in chart_registry.view_charts(ds, view)}
    assert titles["backer-map"] == "Who backed Rutte on 25 June 2024"


def test_the_story_lead_is_copy_bold_on_the_page_and_plain_in_the_files(tmp_path):
    copy = DataCopy(tmp_path)
    (copy.data / "copy" / "story-lead.md").write_text(
        "The {{ news_articles }} name **{{ backers }} allies**; first {{ first_backers }}.\n", encoding="utf-8"
    )
    ds = load.load(copy.data, copy.seeds)
    figures = views.story_figures(ds)
    counts = of_dataset(ds)
    assert describe.story_lead(figures, counts, ds.copy) == (
        "The five news articles name **seven allies**; first France, Germany and the United States."
    )
    assert describe.story_lead(figures, counts, ds.copy, markdown=False) == (
        "The five news articles name seven allies; first France, Germany and the United States."
    )
    story = whole_view.build(ds, bounds_of(ds).default())
    assert story.lead == "The five news articles name seven allies; first France, Germany and the United States."


def test_the_story_figures_words_are_copy_on_the_page_and_in_the_files(tmp_path, monkeypatch):
    copy = DataCopy(tmp_path)
    (copy.data / "copy" / "figure-rivals.md").write_text(
        "Rivals in the open\n{{ ran_openly }} ran; {{ others }} did not.\n", encoding="utf-8"
    )
    ds = load.load(copy.data, copy.seeds)
    story = whole_view.build(ds, bounds_of(ds).default())
    # Four rivals of Rutte were named; Iohannis ran openly, the other three did not.
    assert story.figures[3] == ("Rivals in the open", "1", "Klaus Iohannis ran; three did not.")
    monkeypatch.setattr(paths, "DATA_DIR", copy.data)
    monkeypatch.setattr(paths, "SEEDS_DIR", copy.seeds)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    [rivals] = [m for m in at.metric if m.label == "Rivals in the open"]
    assert rivals.value == "1" and rivals.help == "Klaus Iohannis ran; three did not."


def test_the_rules_are_the_copy_s_each_with_its_kind_in_its_order():
    rules = copy_files.fill_rules(
        {"rules": "{# a note #}\n## One (checked)\nFirst line,\nsecond line.\n\n## Two (by judgement)\nB.\n"}
    )
    assert rules == [
        copy_files.Rule("One", "First line, second line.", checked=True),
        copy_files.Rule("Two", "B.", checked=False),
    ]
