"""`python -m bench.side_by_side OTHER [ROUNDS]`: reruns of this checkout against another one, served side by side.

For a change's before and after: `git worktree add /tmp/before <commit>`, then
`python -m bench.side_by_side /tmp/before`. Both checkouts are served at once (plain `streamlit run`, the floor page
on), and their reruns alternate block by block, so drift on a noisy machine hits both alike. Each page reruns
unchanged, then with a date range that ends one day earlier than ever before on that server (a view no reader has
asked for), as in `python -m bench`. Prints the p50 of each, in ms. Not part of `./bench.sh`.
"""

import asyncio
import sys
import tempfile
from pathlib import Path

from bench.__main__ import PAGES
from bench.reruns import FLOOR, open_warm, rerun_both_ways
from bench.stats import percentile
from deploy.local_server import ROOT, start_app, stop_app

BLOCK = 2  # reruns of each kind in a row, as a reader's clicks come


async def rerun_times(urls: list[str], rounds: int) -> dict[tuple[int, str], dict[str, list[float]]]:
    """{(server, page): {"unchanged": [s], "changed": [s]}}; the order of the servers swaps every round."""
    pages = [FLOOR, *PAGES]
    sessions = {(side, page): await open_warm(url, page) for side, url in enumerate(urls) for page in pages}
    times = {(side, page): {"unchanged": [], "changed": []} for side, page in sessions}
    try:
        for round_ in range(rounds):
            for page in pages:
                for side in range(len(urls)) if round_ % 2 == 0 else reversed(range(len(urls))):
                    for i in range(BLOCK):
                        await rerun_both_ways(sessions[side, page], round_ * BLOCK + i + 1, times[side, page])
    finally:
        for session in sessions.values():
            await session.close()
    return times


def main() -> None:
    other, rounds = Path(sys.argv[1]).resolve(), int(sys.argv[2]) if len(sys.argv) > 2 else 16
    checkouts = [other, ROOT]
    with tempfile.TemporaryDirectory() as logs:
        servers = [
            start_app("app.py", Path(logs) / f"{i}.log", cwd=root, env={"TRACKER_BENCH_FLOOR": "1"})
            for i, root in enumerate(checkouts)
        ]
        try:
            times = asyncio.run(rerun_times([url for _, url in servers], rounds))
        finally:
            for process, _ in servers:
                stop_app(process)
    print(f"| p50 rerun, ms | {other} | {ROOT} |\n|---|---|---|")
    for page in [FLOOR, *PAGES]:
        for kind in ("changed", "unchanged") if page != FLOOR else ("unchanged",):
            before, after = (percentile(times[side, page][kind], 50) * 1000 for side in (0, 1))
            print(f"| {page}, {kind} | {before:.1f} | {after:.1f} |")


if __name__ == "__main__":
    main()
