"""A race's configuration (race.toml): read from its data folder, checked against its schema, and reported as the
data is, by file, line and field; the words it holds are the ones readers see."""

import pytest
from streamlit.testing.v1 import AppTest

from data_copies import DATA, ROOT, DataCopy
from tracker.charts import chart_registry
from tracker.data import paths, race_config
from tracker.data.problems import DataError
from tracker.model import load, views
from tracker.reader.filters import bounds_of

TITLE_LINE, BODY_LINE = 5, 8  # in tests/fixture's race.toml


def test_the_fixture_race_reads_as_its_file_says():
    config = race_config.read(DATA)
    assert config.race.title == "Rutte's race to lead NATO"
    assert config.race.headline == "Mark Rutte's race to lead NATO: who backed him, and who held out"
    assert (config.body.name, config.body.member, config.body.members) == ("NATO", "ally", "allies")
    assert (config.protagonist.candidate, config.protagonist.name) == ("rutte", "Rutte")


def test_the_protagonist_must_be_a_candidate_of_the_data(tmp_path):
    copy = DataCopy(tmp_path)
    copy.replace("race.toml", 'candidate = "rutte"', 'candidate = "rute"')
    assert copy.problems() == [
        "race.toml, line 15, protagonist.candidate: 'rute' is not a candidate_id of candidates.csv"
    ]


def test_the_stances_and_the_words_follow_the_protagonist_the_file_names(tmp_path, monkeypatch):
    # Kallas as the story's candidate: no ally's stance is towards her, and the chart's finding names her.
    copy = DataCopy(tmp_path)
    copy.replace("race.toml", 'candidate = "rutte"\nname = "Rutte"', 'candidate = "kallas"\nname = "Kallas"')
    assert copy.problems() == []
    ds = load.load(copy.data, copy.seeds)
    assert views.stance_changes(ds)["derived"].all()  # only the appointment's consensus, no named stance
    title = chart_registry.stance_title(chart_registry.scope(ds, bounds_of(ds).default()))
    assert "named as backing Kallas" in title and "Rutte" not in title
    whats = {item.slug: item.what for item in chart_registry.view_charts(ds, bounds_of(ds).default())}
    assert whats["stances-by-ally"].startswith("Chart of each ally's stance toward Kallas over time, ")
    assert whats["backer-map"] == "Map of NATO allies' stance toward Kallas; the table below lists every ally."


def test_the_stances_read_in_the_words_the_file_gives_them(tmp_path):
    # An editor renames two stances: the map's key, its tooltips, the story chart's key and the stance history
    # all say the new words, and none the old.
    copy = DataCopy(tmp_path)
    copy.replace("race.toml", 'opposes = "Opposes"', 'opposes = "Against him"')
    copy.replace("race.toml", 'named_backing = "Named as backing Rutte"', 'named_backing = "Backers named"')
    ds = load.load(copy.data, copy.seeds)
    view = bounds_of(ds).default()
    specs = {item.slug: str(item.chart.to_dict()) for item in chart_registry.view_charts(ds, view) if item.chart}
    assert "Backers named: 7 allies" in specs["backer-map"] and "Named as backing" not in specs["backer-map"]
    assert "Against him, last reported holding out c. 4 April 2024: 1 ally" in specs["backer-map"]
    assert "Against him, as last reported" in specs["stances-by-ally"]
    assert "'Opposes'" not in specs["stances-by-ally"] and "Against him" in specs["stances-by-ally"]
    history = views.stance_history(ds, view)
    counted = "Counted as backing at the appointment"
    assert set(history.loc[history["Ally"] == "Hungary", "Stance"]) == {"Against him", counted}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'title = "Rutte',
            'titel = "Rutte',
            [  # the missing key at its section's header, the unknown one at its own line
                "race.toml, line 4, race.title: is missing",
                f"race.toml, line {TITLE_LINE}, race.titel: is not a setting a race has",
            ],
        ),
        ('members = "allies"', 'members = ""', ["race.toml, line 11, body.members: is empty"]),
        ('opposes = "Opposes"\n', "", ["race.toml, line 21, stances.opposes: is missing"]),  # at its header
        ('name = "NATO"', "name = 7", ["race.toml, line 9, body.name: must be text in quotes"]),
        (
            "[body]\n",
            "[bodies]\n",
            ["race.toml, body: is missing", f"race.toml, line {BODY_LINE}, bodies: is not a setting a race has"],
        ),
    ],
)
def test_a_bad_setting_is_named_by_file_line_and_field(tmp_path, old, new, expected):
    copy = DataCopy(tmp_path)
    copy.replace("race.toml", old, new)
    assert copy.problems() == expected
    with pytest.raises(DataError):
        race_config.read(copy.data)


def test_a_file_that_is_not_toml_or_is_missing_says_so(tmp_path):
    copy = DataCopy(tmp_path)
    copy.replace("race.toml", 'title = "Rutte', "title = Rutte")
    [problem] = copy.problems()
    assert problem.startswith(f"race.toml, line {TITLE_LINE}: is not valid TOML")
    (copy.data / "race.toml").unlink()
    assert copy.problems() == ["race.toml: file is missing: every race's data folder has one"]


def test_the_story_s_headline_and_the_citation_read_the_race_s_words(tmp_path, monkeypatch):
    copy = DataCopy(tmp_path)
    copy.replace("race.toml", 'title = "Rutte\'s race to lead NATO"', 'title = "The race for the alliance"')
    copy.replace("race.toml", 'headline = "Mark Rutte', 'headline = "Who backed Mark Rutte? Mark Rutte')
    monkeypatch.setattr(paths, "DATA_DIR", copy.data)
    monkeypatch.setattr(paths, "SEEDS_DIR", copy.seeds)
    story = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert story.title[0].value.startswith("Who backed Mark Rutte? Mark Rutte's race")
    sources = AppTest.from_file(str(ROOT / "pages" / "sources.py"), default_timeout=60).run()
    cited = "The race for the alliance: every claim of five news articles, sourced."
    assert any(code.value.startswith(cited) for code in sources.code)


def test_only_a_consensus_makes_every_member_a_backer_at_the_decision(tmp_path):
    # The same race decided by a majority: the appointment names no one's stance, so no ally is counted as backing
    # from it, and nothing the reader sees says every ally had to agree.
    copy = DataCopy(tmp_path)
    copy.replace("race.toml", 'rule = "consensus"', 'rule = "majority"')
    assert copy.problems() == []
    ds = load.load(copy.data, copy.seeds)
    assert not views.stance_changes(ds)["derived"].any()
    charts = {item.slug: item for item in chart_registry.view_charts(ds, bounds_of(ds).default())}
    story, backer_map = (str(charts[slug].chart.to_dict()) for slug in ("stances-by-ally", "backer-map"))
    assert (
        "Appointed 26 June" in story and "all had to agree" not in story and "Counted at the appointment" not in story
    )
    assert "counted as backing" not in story.lower() and "had to agree" not in charts["stances-by-ally"].description
    assert "Counted as backing" not in backer_map and "had to agree" not in backer_map
    consensus = load.load(DATA, ROOT / "tests" / "fixture" / "seeds" / "nato-secretary-general-2024")
    # By consensus, the 32 allies of 26 June 2024 back him from then: a change for the 25 not already named backing.
    assert views.stance_changes(consensus)["derived"].sum() == 25


def test_a_decision_rule_the_engine_does_not_know_is_named(tmp_path):
    copy = DataCopy(tmp_path)
    copy.replace("race.toml", 'rule = "consensus"', 'rule = "unanimity"')
    [problem] = copy.problems()
    assert problem.startswith("race.toml, line ") and "decision.rule: must be one of 'consensus', 'majority'" in problem


def test_the_sentences_and_notes_read_the_race_s_nouns_pronouns_and_decision(tmp_path):
    """An editor names the members, the candidate's pronouns and the decision otherwise: the story chart's title,
    its description and decision note, and the map's notes say the new words, and none of the old."""
    copy = DataCopy(tmp_path)
    copy.replace("race.toml", 'member = "ally"\nmembers = "allies"', 'member = "member"\nmembers = "members"')
    copy.replace("race.toml", 'him = "him"\nhis = "his"', 'him = "her"\nhis = "her"')
    copy.replace("race.toml", 'noun = "appointment"\ndone = "appointed"', 'noun = "election"\ndone = "elected"')
    ds = load.load(copy.data, copy.seeds)
    charts = {item.slug: item for item in chart_registry.view_charts(ds, bounds_of(ds).default())}
    story = charts["stances-by-ally"]
    assert story.title.startswith("Seven members were named as backing Rutte before her election; the articles last")
    assert "Elected 26 June: all had to agree" in str(story.chart.to_dict())
    assert "from the election every member counts as backing, since all had to agree." in story.description
    assert "opposing her by 5 March 2024" in story.description
    # The map's key counts in the race's nouns, and its note after the decision says them.
    legend = str(charts["backer-map"].chart.to_dict())
    assert "Named as backing Rutte: 7 members" in legend and "7 allies" not in legend
    assert "all members" in charts["backer-map"].subtitle and "all members" in story.subtitle
