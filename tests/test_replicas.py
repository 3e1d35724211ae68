"""Replicas behind HAProxy (deploy/replicas.py): new readers spread over the replicas, a cookie keeps each
reader on one, the app runs through the balancer, and a killed replica's readers reconnect to a live one
while the other replica's readers notice nothing."""
import asyncio
import os
import shutil
import signal
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench.balancer import failover
from bench.session import Session
from deploy.replicas import COOKIE, start_cluster

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def haproxy():
    if not (shutil.which("haproxy") or Path("/usr/sbin/haproxy").is_file()):
        reason = "haproxy is not installed (apt-get install haproxy); the replica tests need it"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true: {reason}", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    running = start_cluster(2, tmp_path_factory.mktemp("replicas"))
    try:
        yield running
    finally:
        running.stop()


def in_own_thread(coroutine):
    with ThreadPoolExecutor(1) as worker:  # Playwright may keep an event loop running in this thread
        return worker.submit(asyncio.run, coroutine).result()


def fetch(url: str, cookie: str | None = None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        ours = [c for c in response.headers.get_all("Set-Cookie") or [] if c.startswith(f"{COOKIE}=")]
        return response.headers.get("X-Replica"), (ours or [None])[0]


def test_new_readers_spread_over_the_replicas_and_a_cookie_keeps_each_on_one(cluster):
    first_visits = [fetch(f"{cluster.url}/") for _ in range(4)]
    assert {replica for replica, _ in first_visits} == {"r1", "r2"}
    assert all(cookie.startswith(f"{COOKIE}={replica};") for replica, cookie in first_visits)
    for replica in ("r1", "r2"):
        again = [fetch(f"{cluster.url}{path}", f"{COOKIE}={replica}") for path in ("/", "/_stcore/health", "/timeline")]
        assert again == [(replica, None)] * 3  # the cookie is kept, not set again


def test_the_app_runs_through_the_balancer_on_the_replica_its_cookie_names(cluster):
    async def open_story(cookie):
        reader = Session(cluster.url, "", cookie=cookie)
        try:
            await reader.open()
            await reader.rerun()
            return reader.replica, reader.exceptions, {wid.rsplit("-", 1)[-1] for wid in reader.widgets}
        finally:
            await reader.close()
    for replica in ("r1", "r2"):
        served_by, exceptions, widgets = in_own_thread(open_story(f"{COOKIE}={replica}"))
        assert served_by == replica and exceptions == [] and {"filter_from", "filter_to", "filter_countries"} <= widgets


def test_a_killed_replica_moves_its_readers_and_leaves_the_others_alone(tmp_path):
    running = start_cluster(2, tmp_path)
    try:
        victim = running.replicas["r1"]
        result = in_own_thread(failover(running.url, 8, 4, lambda: victim.send_signal(signal.SIGKILL)))
    finally:
        running.stop()
    assert result.on_killed >= 2 and result.on_other >= 2  # leastconn spreads eight readers over both
    assert result.other_errors == []
    assert result.reconnect_errors == [] and result.reconnected_to == ["r2"] * result.on_killed
