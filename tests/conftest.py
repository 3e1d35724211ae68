"""Fixtures the test modules share: the real dataset, loaded and checked once per run (tests only read it)."""
import pytest

from rutte_race import views
from rutte_race.load import load


@pytest.fixture(scope="session")
def ds():
    return load()


@pytest.fixture(scope="session")
def changes(ds):
    return views.stance_changes(ds)
