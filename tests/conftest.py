"""Fixtures the test modules share.

The code tests run on the frozen copy of the data in tests/fixture/ (see tests/refresh_fixture.py), so their exact
expectations hold whatever an editor adds to data/. The environment is set before anything imports tracker.data.paths,
so the app, AppTest and every server a test starts read the fixture too. Tests of the real data
(tests/test_real_data.py) name data/ explicitly and assert only what must hold for any data.
"""

import os
from pathlib import Path

FIXTURE = Path(__file__).resolve().parent / "fixture"
os.environ["TRACKER_DATA_DIR"] = str(FIXTURE / "data" / "nato-secretary-general-2024")
os.environ["TRACKER_SEEDS_DIR"] = str(FIXTURE / "seeds" / "nato-secretary-general-2024")

import pytest  # noqa: E402

from tracker.model import views  # noqa: E402
from tracker.model.load import load  # noqa: E402


@pytest.fixture(scope="session")
def ds():
    return load()


@pytest.fixture(scope="session")
def changes(ds):
    return views.stance_changes(ds)
