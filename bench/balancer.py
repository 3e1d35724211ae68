"""`python -m bench.balancer [--quick] [--overload]`: the app behind HAProxy (deploy/replicas.py) with 1 and 2 replicas.

A crowd of readers reruns the heaviest page through the balancer: throughput with K=2 against K=1 on this
machine, errors, and a replica killed mid-run (readers on the other one must not notice; readers on the killed
one reconnect, with their stickiness cookie, and land on a live replica). Then a crowd at ten times the sessions
two replicas admit (deploy.replicas.Limits): admitted readers must see no error, the others the balancer's busy
page. The tables go into docs/DEPLOY.md.
"""

import argparse
import asyncio
import ipaddress
import os
import re
import signal
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from websockets.exceptions import InvalidStatus

from bench.reruns import crowd, rss_bytes
from bench.session import Session
from bench.stats import Row, p50_p95, table
from deploy.local_server import ROOT
from deploy.replicas import COOKIE, HERE, LIMITS, Limits, start_cluster
from tracker.data.files import write_atomic

PAGE = "backer_map"
REPORT = ROOT / "docs" / "DEPLOY.md"


@dataclass
class Failover:
    on_killed: int = 0  # readers whose session lived on the killed replica
    on_other: int = 0
    other_errors: list[str] = field(default_factory=list)
    reconnected_to: list[str | None] = field(default_factory=list)
    reconnect_errors: list[str] = field(default_factory=list)
    reconnect_seconds: list[float] = field(default_factory=list)


async def failover(url: str, sessions: int, reruns: int, kill, victim: str = "r1") -> Failover:
    """Every reader reruns `reruns` times; `kill()` takes replica `victim` down after the first round."""
    result = Failover()
    readers = [Session(url, PAGE) for _ in range(sessions)]
    await asyncio.gather(*(r.open() for r in readers))
    result.on_killed = sum(r.replica == victim for r in readers)
    result.on_other = sessions - result.on_killed
    killed = asyncio.Event()

    async def read(reader: Session) -> None:
        for i in range(reruns):
            if i == 1:
                await killed.wait()
            try:
                await reader.rerun()
            except Exception as err:
                if reader.replica != victim:
                    result.other_errors.append(f"{type(err).__name__}: {err}")
                    return
                started = time.perf_counter()
                try:  # as the browser does: a new websocket, with the cookie that names the dead replica
                    await reader.close()
                    reader = Session(url, PAGE, cookie=f"{COOKIE}={victim}")
                    await reader.open()
                    result.reconnected_to.append(reader.replica)
                    result.reconnect_seconds.append(time.perf_counter() - started)
                except Exception as again:
                    result.reconnect_errors.append(f"{type(again).__name__}: {again}")
                    return
        await reader.close()

    async def take_down() -> None:
        await asyncio.sleep(0.5)
        kill()
        killed.set()

    await asyncio.gather(take_down(), *(read(r) for r in readers))
    return result


def throughput_rows(replicas: int, sessions: int, reruns: int, work: Path) -> tuple[list[Row], float]:
    work.mkdir()
    cluster = start_cluster(replicas, work)
    try:
        pid = next(iter(cluster.replicas.values())).pid
        asyncio.run(crowd(cluster.url, PAGE, sessions, 2, pid))  # warm every replica's caches
        client_cpu = time.process_time()
        result = asyncio.run(crowd(cluster.url, PAGE, sessions, reruns, pid))
        client_cpu = time.process_time() - client_cpu
    finally:
        cluster.stop()
    logged = sum(len(re.findall(r"Traceback|Exception", p.read_text())) for p in work.glob("r*.log"))
    row = Row(
        "Balancer",
        f"K={replicas}: {sessions} readers × {reruns} reruns; errors {len(result.errors)}; exceptions in logs {logged}",
        f"{result.throughput:.1f} reruns/s; latency {p50_p95(result.latencies)}; the client itself used "
        f"{client_cpu / result.wall:.2f} of a core",
    )
    return [row], result.throughput


def failover_row(sessions: int, reruns: int, work: Path) -> Row:
    work.mkdir()
    cluster = start_cluster(2, work)
    try:
        victim = cluster.replicas["r1"]
        result = asyncio.run(failover(cluster.url, sessions, reruns, lambda: victim.send_signal(signal.SIGKILL)))
    finally:
        cluster.stop()
    landed = sorted(set(map(str, result.reconnected_to)))
    slowest = max(result.reconnect_seconds, default=0)
    return Row(
        "Failover",
        f"r1 killed mid-run: {result.on_other} readers on r2, {len(result.other_errors)} errors; "
        f"{result.on_killed} on r1, {len(result.reconnected_to)} reconnected (to {', '.join(landed) or 'none'}), "
        f"{len(result.reconnect_errors)} failed",
        f"slowest reconnect {slowest * 1000:.0f} ms",
    )


@dataclass
class Overload:
    admitted: int = 0
    busy: int = 0  # answered with the balancer's busy page
    other_refusals: list[str] = field(default_factory=list)  # any other answer, a timeout included
    admitted_errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    busy_seconds: list[float] = field(default_factory=list)  # from asking to the busy page
    peak_rss: dict[str, int] = field(default_factory=dict)
    peak_connections: dict[str, int] = field(default_factory=dict)  # established at each replica's port


def established(port: int) -> int:
    """TCP connections established to local `port` (what an app process is holding)."""
    count = 0
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        count += state == "01" and int(local.rsplit(":", 1)[1], 16) == port
    return count


async def overload(url: str, readers: int, reruns: int, replicas: dict, ports: dict[str, int]) -> Overload:
    """`readers` arrive at once, each from its own loopback address; the admitted ones rerun the map `reruns` times."""
    result = Overload()
    busy_page = (HERE / "busy.http").read_bytes().split(b"\r\n\r\n", 1)[1]
    addresses = ipaddress.ip_network("127.1.0.0/16").hosts()

    async def reader(source: str) -> None:
        session = Session(url, PAGE, source=source)
        asked = time.perf_counter()
        try:
            await session.open()
        except InvalidStatus as refused:
            if refused.response.status_code == 503 and refused.response.body == busy_page:
                result.busy += 1
                result.busy_seconds.append(time.perf_counter() - asked)
            else:
                result.other_refusals.append(f"HTTP {refused.response.status_code}")
            return
        except Exception as err:
            result.other_refusals.append(f"{type(err).__name__}: {err}")
            return
        result.admitted += 1
        try:
            for _ in range(reruns):
                result.latencies.append(await session.rerun())
        except Exception as err:
            result.admitted_errors.append(f"{type(err).__name__}: {err}")
        finally:
            result.admitted_errors += [f"exception element: {e}" for e in session.exceptions]
            await session.close()

    async def watch() -> None:
        while True:
            for name, process in replicas.items():
                result.peak_rss[name] = max(result.peak_rss.get(name, 0), rss_bytes(process.pid))
                result.peak_connections[name] = max(result.peak_connections.get(name, 0), established(ports[name]))
            await asyncio.sleep(0.5)

    watcher = asyncio.create_task(watch())
    await asyncio.gather(*(reader(str(next(addresses))) for _ in range(readers)))
    watcher.cancel()
    return result


MEMORY_CEILING_MB = 500  # per app process, with every session it may hold open (docs/DEPLOY.md)


def overload_rows(work: Path, crowd_factor: int, reruns: int, limits: Limits = LIMITS) -> list[Row]:
    work.mkdir()
    cluster = start_cluster(2, work, limits=limits)
    try:
        capacity = limits.sessions_per_replica * len(cluster.replicas)
        result = asyncio.run(overload(cluster.url, crowd_factor * capacity, reruns, cluster.replicas, cluster.ports))
    finally:
        cluster.stop()
    logged = sum(len(re.findall(r"Traceback", p.read_text(errors="replace"))) for p in work.glob("r*.log"))
    peak = max(result.peak_rss.values()) / 1024 / 1024
    slowest_busy = max(result.busy_seconds, default=0)
    return [
        Row(
            "Overload",
            f"{crowd_factor * capacity} readers at once from as many addresses = {crowd_factor}x the {capacity} "
            "sessions "
            f"2 replicas admit ({limits.sessions_per_replica} each, queue {limits.queue_seconds} s)",
            f"{result.admitted} admitted, {result.busy} busy page, {len(result.other_refusals)} other answers or "
            "timeouts" + (f" (first: {result.other_refusals[0]})" if result.other_refusals else ""),
        ),
        Row(
            "Overload",
            f"admitted readers: {reruns} backer-map reruns each; errors {len(result.admitted_errors)}; "
            f"tracebacks in the replicas' logs {logged}",
            p50_p95(result.latencies) if result.latencies else "none",
        ),
        Row(
            "Overload",
            "busy page: time from asking to the answer (the queue, then the page)",
            p50_p95(result.busy_seconds) + f"; slowest {slowest_busy:.1f} s" if result.busy_seconds else "none",
        ),
        Row(
            "Overload",
            f"peak RSS per replica; ceiling {MEMORY_CEILING_MB} MB",
            ", ".join(f"{n} {v / 1024 / 1024:.0f} MB" for n, v in sorted(result.peak_rss.items())),
            peak / MEMORY_CEILING_MB,
            "≤ 1",
        ),
        Row(
            "Overload",
            "peak connections an app process held (websockets, page requests, health checks)",
            ", ".join(f"{n} {v}" for n, v in sorted(result.peak_connections.items())),
        ),
    ]


def write_report(text: str, block: str = "balancer") -> None:
    start, end = f"<!-- {block}:start -->", f"<!-- {block}:end -->"
    current = REPORT.read_text(encoding="utf-8")
    write_atomic(
        REPORT, re.sub(f"{start}.*{end}", lambda _: f"{start}\n{text}\n{end}", current, flags=re.S).encode("utf-8")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller crowd (a smoke run; not written to the docs)")
    parser.add_argument("--overload", action="store_true", help="only the crowd at 10x what the replicas admit")
    args = parser.parse_args()
    sessions, reruns = (10, 5) if args.quick else (40, 25)
    with tempfile.TemporaryDirectory() as work:
        if not args.overload:
            rows: list[Row] = []
            one, k1 = throughput_rows(1, sessions, reruns, Path(work) / "k1")
            two, k2 = throughput_rows(2, sessions, reruns, Path(work) / "k2")
            rows += one + two
            rows.append(Row("Balancer", "throughput K=2 / K=1", f"{k2:.1f} / {k1:.1f} reruns/s", k2 / k1, "≥ 1.7"))
            rows.append(failover_row(sessions, 6, Path(work) / "failover"))
            report(table(rows), "balancer", args.quick)
        limits = Limits(sessions_per_replica=10, queue_seconds=5) if args.quick else LIMITS
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        overloaded = table(overload_rows(Path(work) / "overload", 10, 2 if args.quick else 3, limits))
        report(f"Run {stamp} on {os.cpu_count()} cores shared with other work.\n\n{overloaded}", "overload", args.quick)


def report(text: str, block: str, quick: bool) -> None:
    print(text)
    if not quick:
        write_report(text, block)
        print(f"wrote {REPORT.relative_to(ROOT)} ({block})")


if __name__ == "__main__":
    main()
