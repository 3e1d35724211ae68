"""Replicas behind HAProxy (deploy/replicas.py): new readers spread over the replicas, a cookie keeps each
reader on one, the app runs through the balancer, and a killed replica's readers reconnect to a live one
while the other replica's readers notice nothing; readers beyond the sessions a replica may hold, and addresses
opening too many connections, get the balancer's own page."""

import asyncio
import http.client
import os
import shutil
import signal
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from websockets.exceptions import InvalidStatus

from bench.balancer import failover
from bench.session import Session
from deploy.replicas import COOKIE, Limits, start_cluster

ROOT = Path(__file__).resolve().parent.parent

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


SMALL = Limits(sessions_per_replica=2, queue_seconds=2, new_connections=20)


@pytest.fixture(scope="module")
def small_cluster(tmp_path_factory):
    running = start_cluster(1, tmp_path_factory.mktemp("small"), limits=SMALL)
    try:
        yield running
    finally:
        running.stop()


def status_and_page(url: str, source: str = "127.0.0.1") -> tuple[int, str]:
    """GET `url` on a new connection from the local address `source`."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20, source_address=(source, 0))
    try:
        connection.request("GET", parts.path or "/")
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def balancer_page(name: str) -> str:
    """The body of one of the balancer's own answers (an HTTP response file: head, blank line, body)."""
    return (ROOT / "deploy" / name).read_bytes().decode("utf-8").split("\r\n\r\n", 1)[1]


def test_readers_beyond_the_sessions_get_a_short_queue_then_the_balancer_s_busy_page(small_cluster):
    url = small_cluster.url

    async def crowd():
        admitted = [Session(url, "sources"), Session(url, "sources")]
        await asyncio.gather(*(reader.open() for reader in admitted))
        third = asyncio.create_task(Session(url, "sources").open())
        await asyncio.sleep(0.5)  # the third reader is waiting in the queue
        page_load = await asyncio.to_thread(status_and_page, f"{url}/timeline")
        with pytest.raises(InvalidStatus) as refused:
            await third
        await admitted[0].close()
        later = Session(url, "sources")
        await later.open()  # a freed session is given to the next reader
        for reader in (admitted[1], later):
            await reader.rerun()
            await reader.close()
        return page_load, refused.value.response, [r.exceptions for r in (*admitted, later)]

    page_load, websocket, exceptions = in_own_thread(crowd())
    busy = balancer_page("busy.http")
    assert websocket.status_code == 503 and websocket.body.decode() == busy
    assert page_load == (503, busy)
    assert "Too many readers at once" in busy and "try again" in busy
    assert exceptions == [[], [], []]


def test_an_address_opening_too_many_connections_gets_the_slow_down_page_and_others_do_not(small_cluster):
    health = f"{small_cluster.url}/_stcore/health"
    answers = [status_and_page(health, source="127.0.0.3") for _ in range(SMALL.new_connections + 5)]
    slow_down = balancer_page("slow-down.http")
    assert answers[: SMALL.new_connections] == [(200, "ok")] * SMALL.new_connections
    assert answers[SMALL.new_connections] == (429, slow_down)
    assert "Too many requests from your connection" in slow_down
    assert status_and_page(health, source="127.0.0.4") == (200, "ok")  # another address is not held back
