"""A client that speaks Streamlit's websocket the way no browser does: it sends whatever BackMsgs it is given
(junk widget states, unknown pages, stop and clear-cache requests) and keeps reading what the server answers.

Used by the websocket fuzzer (tests/test_hostile_clients.py) and by `python -m bench.hostile [--quick]`
(`./bench.sh --hostile`), which measures a reader's rerun right after a cache wipe, 1,000 idle sessions on
one process and 10,000 generated links, and writes its table into docs/RELIABILITY.md.
"""

import argparse
import asyncio
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.exceptions import ConnectionClosed

from bench.reruns import rss_bytes
from bench.session import RerunFailed, Session, connect_stream
from bench.stats import Row, p50_p95, percentile, table
from deploy.local_server import ROOT, start_app, stop_app
from tracker.data.files import write_atomic


class RawClient:
    def __init__(self, base_url: str):
        self.url = "ws" + base_url.removeprefix("http") + "/_stcore/stream"
        self.origin = base_url
        self.exceptions: list[str] = []  # exception elements the server sent this client
        self.frames = 0
        self.closed_by_server: int | None = None  # the close code, when the server hung up
        self._last_frame = time.monotonic()
        self._ws = None
        self._reading: asyncio.Task | None = None

    async def open(self) -> "RawClient":
        self._ws = await connect_stream(self.url, self.origin)
        self._reading = asyncio.create_task(self._read())
        return self

    async def _read(self) -> None:
        try:
            async for frame in self._ws:
                self.frames += 1
                self._last_frame = time.monotonic()
                forward = ForwardMsg()
                forward.ParseFromString(frame)
                if forward.WhichOneof("type") == "delta" and forward.delta.WhichOneof("type") == "new_element":
                    element = forward.delta.new_element
                    if element.WhichOneof("type") == "exception":
                        self.exceptions.append(element.exception.message)
        except ConnectionClosed as closed:
            self.closed_by_server = closed.rcvd.code if closed.rcvd else 1006

    async def send(self, message: BackMsg) -> None:
        if self.closed_by_server is None:
            try:
                await self._ws.send(message.SerializeToString())
            except ConnectionClosed as closed:
                self.closed_by_server = closed.rcvd.code if closed.rcvd else 1006

    async def settle(self, quiet: float = 0.4, limit: float = 15.0) -> None:
        """Wait until the server has sent nothing for `quiet` seconds (its reruns are done), at most `limit`."""
        deadline = time.monotonic() + limit
        while (
            time.monotonic() < deadline
            and time.monotonic() - self._last_frame < quiet
            and self.closed_by_server is None
        ):
            await asyncio.sleep(0.05)

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._reading is not None:
            await asyncio.gather(self._reading, return_exceptions=True)


def clear_cache_message() -> BackMsg:
    message = BackMsg()
    message.clear_cache = True
    return message


async def wipe_caches(base_url: str) -> None:
    """What anyone can send: Streamlit's "Clear cache" for the whole process."""
    client = await RawClient(base_url).open()
    try:
        await client.send(clear_cache_message())
        await client.settle(quiet=0.2, limit=2)
    finally:
        await client.close()


# --- python -m bench.hostile: the figures behind docs/RELIABILITY.md's hostile-client rows ---------------------

MB = 1024 * 1024
REPORT = ROOT / "docs" / "RELIABILITY.md"


async def wipe_costs(url: str, pairs: int) -> dict[str, list[float]]:
    """A warm reader's backer-map rerun right after another client sent `clear_cache`, against right after one
    sent a heartbeat (the same connection, a harmless message), alternately."""
    reader = Session(url, "backer_map")
    await reader.open()
    for _ in range(3):
        await reader.rerun()
    times: dict[str, list[float]] = {"heartbeat": [], "clear_cache": []}
    heartbeat = BackMsg()
    heartbeat.app_heartbeat = True
    try:
        for _ in range(pairs):
            for kind, message in (("heartbeat", heartbeat), ("clear_cache", clear_cache_message())):
                other = await RawClient(url).open()
                await other.send(message)
                await other.settle(quiet=0.2, limit=2)
                await other.close()
                times[kind].append(await reader.rerun())
    finally:
        await reader.close()
    if reader.exceptions:
        raise RerunFailed(f"the reader saw exceptions: {reader.exceptions[:3]}")
    return times


@dataclass
class IdleResult:
    rss: dict[int, int] = field(default_factory=dict)  # sessions open -> server RSS
    held: list[int] = field(default_factory=list)  # RSS sampled while every session stays idle
    probe_before: list[float] = field(default_factory=list)
    probe_during: list[float] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    rss_after_close: int = 0
    open_seconds: float = 0.0  # to open them all


async def idle_sessions(url: str, pid: int, sessions: int, hold: float, batch: int = 25) -> IdleResult:
    """Open `sessions` readers on the story (each draws it once, as a browser does), then leave them idle for
    `hold` seconds while a probe reader reruns; RSS on the way up, while idle and after they all close."""
    result = IdleResult()
    probe = Session(url, "")
    await probe.open()
    for _ in range(10):
        result.probe_before.append(await probe.rerun())
    result.rss[0] = rss_bytes(pid)
    readers: list[Session] = []

    async def open_one() -> Session | None:
        reader = Session(url, "")
        try:
            await reader.open()
            return reader
        except Exception as err:
            result.failed.append(f"{type(err).__name__}: {err}")
            return None

    opening = time.monotonic()
    try:
        while len(readers) + len(result.failed) < sessions:
            opened = await asyncio.gather(
                *(open_one() for _ in range(min(batch, sessions - len(readers) - len(result.failed))))
            )
            readers += [r for r in opened if r is not None]
            if len(readers) % (sessions // 4) < batch:
                result.rss[len(readers)] = rss_bytes(pid)
        result.rss[len(readers)] = rss_bytes(pid)
        result.open_seconds = time.monotonic() - opening
        started = time.monotonic()
        while time.monotonic() - started < hold:
            result.probe_during.append(await probe.rerun())
            result.held.append(rss_bytes(pid))
            await asyncio.sleep(hold / 12)
    finally:
        await asyncio.gather(*(r.close() for r in readers), probe.close(), return_exceptions=True)
    await asyncio.sleep(5)
    result.rss_after_close = rss_bytes(pid)
    result.failed += [f"exception element: {e}" for r in readers for e in r.exceptions]
    return result


def link_fuzz(cases: int) -> tuple[int, str]:
    """tests/test_url_fuzz.py's link parser property, `cases` generated links; returns (passing links, pytest's
    tail)."""
    run = subprocess.run(
        check=False,
        args=[
            sys.executable,
            "-m",
            "pytest",
            "tests/test_url_fuzz.py",
            "-q",
            "-p",
            "no:cacheprovider",
            "-k",
            "any_link_parses",
            "--hypothesis-show-statistics",
        ],
        cwd=ROOT,
        env={**os.environ, "TRACKER_LINK_CASES": str(cases)},
        capture_output=True,
        text=True,
    )
    passing = re.search(r"(\d+) passing, (\d+) failing", run.stdout)
    if run.returncode or not passing:
        raise RuntimeError(f"the link fuzzer failed:\n{run.stdout[-3000:]}")
    return int(passing.group(1)), run.stdout.strip().splitlines()[-1]


def write_report(text: str) -> None:
    start, end = "<!-- hostile:start -->", "<!-- hostile:end -->"
    current = REPORT.read_text(encoding="utf-8")
    write_atomic(
        REPORT, re.sub(f"{start}.*{end}", lambda _: f"{start}\n{text}\n{end}", current, flags=re.S).encode("utf-8")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="Hostile clients: cache wipes, 1,000 idle sessions, 10,000 links.")
    parser.add_argument("--quick", action="store_true", help="smaller counts (a smoke run; not written to the docs)")
    args = parser.parse_args()
    pairs, sessions, hold, links = (5, 100, 10, 500) if args.quick else (20, 1000, 60, 10_000)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as logs:
        log = Path(logs) / "app.log"
        process, url = start_app("app.py", log)
        try:
            print("cache wipes...", flush=True)
            t = asyncio.run(wipe_costs(url, pairs))
            ratio = percentile(t["clear_cache"], 50) / percentile(t["heartbeat"], 50)
            rows.append(
                Row(
                    "Cache wipe",
                    f"backer-map rerun right after another client's clear_cache / after its heartbeat ({pairs} each)",
                    f"{p50_p95(t['clear_cache'])} / {p50_p95(t['heartbeat'])}",
                    ratio,
                    "≤ 1.5",
                )
            )
            print(f"{sessions} idle sessions...", flush=True)
            idle = asyncio.run(idle_sessions(url, process.pid, sessions, hold))
        finally:
            stop_app(process)
        logged = len(re.findall(r"Traceback", log.read_text(errors="replace")))
    opened = max(idle.rss)
    per_session = (idle.rss[opened] - idle.rss[0]) / max(opened, 1)
    steps = ", ".join(f"{n}: {rss / MB:.0f} MB" for n, rss in sorted(idle.rss.items()))
    rows += [
        Row(
            "Idle sessions",
            f"{opened} of {sessions} opened on the story in {idle.open_seconds:.0f} s, {len(idle.failed)} failed; "
            "server RSS by sessions open; MB per session",
            steps,
            per_session / MB,
            "≤ 1",
        ),
        Row(
            "Idle sessions",
            f"RSS while all {opened} stay idle for {hold} s (min / max of {len(idle.held)} samples); after all close",
            f"{min(idle.held) / MB:.0f} / {max(idle.held) / MB:.0f} MB; {idle.rss_after_close / MB:.0f} MB",
            (max(idle.held) - min(idle.held)) / MB,
        ),
        Row(
            "Idle sessions",
            f"a reader's story rerun with {opened} idle sessions / with none",
            f"{p50_p95(idle.probe_during)} / {p50_p95(idle.probe_before)}",
            percentile(idle.probe_during, 50) / percentile(idle.probe_before, 50),
            "≤ 1.5",
        ),
        Row("Server log", "tracebacks during the cache wipes and the idle sessions", str(logged)),
    ]
    print(f"link fuzzer, {links} links...", flush=True)
    passing, summary = link_fuzz(links)
    rows.append(
        Row(
            "Links",
            f"generated links through the parser (tests/test_url_fuzz.py, TRACKER_LINK_CASES={links})",
            f"{passing} passing, 0 failing ({summary.strip('= ')})",
        )
    )
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = f"Run {stamp} on {os.cpu_count()} cores shared with other work (figures are noisy).\n\n{table(rows)}"
    print(text)
    if not args.quick:
        write_report(text)
        print(f"wrote {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
