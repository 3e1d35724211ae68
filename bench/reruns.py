"""Reruns over the websocket: cost per page against the floor page, a crowd on the heaviest page, memory."""

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.session import RerunFailed, Session

FLOOR = "bench-floor"
ROUNDS = 3


async def open_warm(url: str, page: str) -> Session:
    session = Session(url, page)
    await session.open()
    for _ in range(3):  # warm: first runs build and cache the page's charts
        await session.rerun()
    return session


async def rerun_both_ways(session: Session, days_back: int, times: dict[str, list[float]]) -> None:
    """One unchanged rerun, then (but on the floor page) one with the dates ending `days_back` days earlier, a view
    no reader of the server asked for yet if `days_back` is new; `times` by "unchanged" and "changed"."""
    times["unchanged"].append(await session.rerun())
    if session.page != FLOOR:
        session.move_dates_end(days_back)
        times["changed"].append(await session.rerun())
        session.move_dates_end(0)
        await session.rerun()  # back to the full range, so the next unchanged rerun is unchanged


async def page_costs(url: str, pages: list[str], reps: int) -> dict[str, dict[str, list[float]]]:
    """{page: {"unchanged": [s...], "changed": [s...]}}.

    Each page reruns back to back, as a reader's clicks do, in blocks of `reps // ROUNDS`; the blocks go round
    the pages ROUNDS times, so drift on a noisy machine hits every page alike.
    """
    sessions = {page: await open_warm(url, page) for page in [FLOOR, *pages]}
    times = {page: {"unchanged": [], "changed": []} for page in sessions}
    block = max(1, reps // ROUNDS)
    try:
        for round_ in range(ROUNDS):
            for page, session in sessions.items():
                for i in range(block):
                    await rerun_both_ways(session, round_ * block + i + 1, times[page])
    finally:
        for session in sessions.values():
            await session.close()
    problems = [f"{page}: {e}" for page, s in sessions.items() for e in s.exceptions]
    if problems:
        raise RerunFailed("pages showed exceptions: " + "; ".join(problems[:5]))
    return times


@dataclass
class CrowdResult:
    sessions: int
    latencies: list[float] = field(default_factory=list)
    wall: float = 0.0
    errors: list[str] = field(default_factory=list)
    rss_idle: int = 0  # server RSS with every session open and idle

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.wall if self.wall else 0.0


def rss_bytes(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


async def crowd(url: str, page: str, sessions: int, reruns: int, server_pid: int) -> CrowdResult:
    """`sessions` readers open the page, then each reruns it `reruns` times, all at once."""
    result = CrowdResult(sessions)
    readers = [Session(url, page) for _ in range(sessions)]

    async def run(reader: Session, action) -> None:
        try:
            await action(reader)
        except Exception as err:  # a failed reader is counted, the crowd goes on
            result.errors.append(f"{type(err).__name__}: {err}")

    async def rerun_all(reader: Session) -> None:
        for _ in range(reruns):
            result.latencies.append(await reader.rerun())

    try:
        await asyncio.gather(*(run(r, lambda s: s.open()) for r in readers))
        await asyncio.sleep(1)
        result.rss_idle = rss_bytes(server_pid)
        started = time.perf_counter()
        await asyncio.gather(*(run(r, rerun_all) for r in readers))
        result.wall = time.perf_counter() - started
    finally:
        await asyncio.gather(*(r.close() for r in readers), return_exceptions=True)
    result.errors += [f"exception element: {e}" for r in readers for e in r.exceptions]
    return result
