"""A crowd of 100 readers on the heaviest page gets no errors, and the server logs no exception.

Too slow for the unit suite (about 25 s): `./bench.sh` runs it before measuring, or
`.venv/bin/python -m pytest bench/test_crowd.py`.
"""

import asyncio
import re

import pytest

from bench.reruns import crowd
from deploy.local_server import start_app, stop_app

CROWD = 100  # readers at once, as in the benchmark's largest crowd
PAGE = "backer_map"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    log = tmp_path_factory.mktemp("bench") / "app.log"
    process, url = start_app("app.py", log)
    try:
        yield url, log, process.pid
    finally:
        stop_app(process)


@pytest.mark.slow
def test_a_crowd_of_readers_gets_no_errors_and_the_server_logs_no_exception(served):
    url, log, pid = served
    result = asyncio.run(crowd(url, PAGE, CROWD, 2, pid))
    assert result.errors == []
    assert len(result.latencies) == CROWD * 2
    assert not re.search(r"Traceback|Exception|Error", log.read_text()), log.read_text()[-2000:]
