"""`python -m bench.balancer [--quick]`: the app behind HAProxy (deploy/replicas.py) with 1 and 2 replicas.

A crowd of readers reruns the heaviest page through the balancer: throughput with K=2 against K=1 on this
machine, errors, and a replica killed mid-run (readers on the other one must not notice; readers on the killed
one reconnect, with their stickiness cookie, and land on a live replica). The table goes into docs/DEPLOY.md.
"""
import argparse
import asyncio
import re
import signal
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.reruns import crowd
from bench.session import Session
from bench.stats import Row, p50_p95, table
from deploy.local_server import ROOT
from deploy.replicas import COOKIE, start_cluster
from rutte_race.files import write_atomic

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
    row = Row("Balancer", f"K={replicas}: {sessions} readers × {reruns} reruns; errors {len(result.errors)}; exceptions in logs {logged}",
              f"{result.throughput:.1f} reruns/s; latency {p50_p95(result.latencies)}; the client itself used {client_cpu / result.wall:.2f} of a core")
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
    return Row("Failover", f"r1 killed mid-run: {result.on_other} readers on r2, {len(result.other_errors)} errors; "
               f"{result.on_killed} on r1, {len(result.reconnected_to)} reconnected (to {', '.join(landed) or 'none'}), "
               f"{len(result.reconnect_errors)} failed", f"slowest reconnect {slowest * 1000:.0f} ms")


def write_report(text: str) -> None:
    start, end = "<!-- balancer:start -->", "<!-- balancer:end -->"
    current = REPORT.read_text(encoding="utf-8")
    write_atomic(REPORT, re.sub(f"{start}.*{end}", lambda _: f"{start}\n{text}\n{end}", current, flags=re.S).encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller crowd (a smoke run; not written to the docs)")
    args = parser.parse_args()
    sessions, reruns = (10, 5) if args.quick else (40, 25)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as work:
        one, k1 = throughput_rows(1, sessions, reruns, Path(work) / "k1")
        two, k2 = throughput_rows(2, sessions, reruns, Path(work) / "k2")
        rows += one + two
        rows.append(Row("Balancer", "throughput K=2 / K=1", f"{k2:.1f} / {k1:.1f} reruns/s", k2 / k1, "≥ 1.7"))
        rows.append(failover_row(sessions, 6, Path(work) / "failover"))
    text = table(rows)
    print(text)
    if not args.quick:
        write_report(text)
        print(f"wrote {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
