"""Races are folders: data/<race>/ with its articles in seeds/<race>/; the app serves the one there is, or the one
RACE names, and says clearly when it cannot tell which."""

from pathlib import Path

import pytest

from tracker.data import paths


def test_the_project_has_its_races_as_folders_with_a_data_package():
    assert paths.races() == ["nato-secretary-general-2024"]


def test_a_races_articles_are_beside_its_data():
    assert paths.seeds_for(Path("/x/data/some-race")) == Path("/x/seeds/some-race")


@pytest.mark.parametrize(
    "setting, known, chosen",
    [(None, ["a-race"], "a-race"), ("", ["a-race"], "a-race"), ("b-race", ["a-race", "b-race"], "b-race")],
)
def test_the_race_served_is_the_only_one_or_the_one_race_names(setting, known, chosen):
    assert paths.chosen_race(setting, known) == chosen


@pytest.mark.parametrize(
    "setting, known, message",
    [
        ("c-race", ["a-race", "b-race"], "RACE='c-race' is not a race of data/: it has a-race, b-race"),
        (None, ["a-race", "b-race"], "data/ holds 2 races (a-race, b-race): set RACE to one of them"),
        (None, [], "data/ holds 0 races (none): set RACE to one of them"),
    ],
)
def test_an_unknown_or_missing_race_setting_says_which_races_there_are(setting, known, message):
    with pytest.raises(SystemExit, match=message.replace("(", r"\(").replace(")", r"\)")):
        paths.chosen_race(setting, known)


def test_a_folder_without_a_data_package_is_not_a_race(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "datapackage.json").write_text("{}")
    assert paths.races(tmp_path) == ["real"]
    assert paths.races(tmp_path / "missing") == []
