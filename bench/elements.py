"""`python -m bench.elements [reps]`: what each element on a page adds to a browser redraw.

The floor app of `python -m bench.redraw`, served several times at once with more and more elements under its
chart (bench/floor_app.py): paragraphs whose text changes with the date, paragraphs that never change, buttons.
Each is timed as the benchmark times a To date change, the servers' tabs taking turns block by block. Prints each
one's p50 and what one element of each kind adds (the least-squares slope of the p50s, the plain floor app
included): what a page's length costs each filter change. Not part of `./bench.sh`; writes nothing.
"""

import sys
import tempfile
from pathlib import Path

from bench import redraw
from bench.stats import Row, p50_p95, percentile, table
from deploy.local_server import start_app, stop_app

Extra = tuple[str, int]  # (kind, how many): what the floor app draws under its chart
FLOOR: Extra = ("paragraphs", 0)
KINDS = {  # each read from TRACKER_BENCH_<KIND> by the floor app
    "paragraphs": "paragraphs naming the date",
    "fixed": "paragraphs that never change",
    "buttons": "buttons",
}
EXTRAS: list[Extra] = [FLOOR, *((kind, n) for kind in ("paragraphs", "fixed") for n in (10, 20, 40)), ("buttons", 20)]
ROUNDS = 4
FLOOR_DAYS = 30  # the floor app's date range: each press moves its end a day earlier


def slope(points: dict[int, float]) -> float:
    """Least-squares slope of y over x."""
    mean_x, mean_y = sum(points) / len(points), sum(points.values()) / len(points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points.items()) / sum((x - mean_x) ** 2 for x in points)


def _label(kind: str, n: int) -> str:
    return f"floor app + {n} {KINDS[kind]}" if n else "floor app"


def main() -> None:
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 16
    if reps + 1 >= FLOOR_DAYS:
        raise SystemExit(f"at most {FLOOR_DAYS - 2} presses: the floor app's dates run out")
    with tempfile.TemporaryDirectory() as logs:
        servers = {}
        try:
            for kind, n in EXTRAS:
                env = {f"TRACKER_BENCH_{kind.upper()}": str(n)}
                servers[kind, n] = start_app(redraw.FLOOR_APP, Path(logs) / f"{kind}-{n}.log", env=env)
            with redraw.tabs_context() as context:
                targets = {extra: redraw.to_date_target(context, url) for extra, (_, url) in servers.items()}
                times = redraw.in_turns(targets, reps, ROUNDS)
        finally:
            for process, _ in servers.values():
                stop_app(process)
    p50 = {extra: percentile(t, 50) for extra, t in times.items()}
    rows = [Row("Redraw", _label(kind, n), p50_p95(times[kind, n]), p50[kind, n] / p50[FLOOR]) for kind, n in EXTRAS]
    print(table(rows))
    for kind in KINDS:
        points = {0: p50[FLOOR]} | {n: p50[k, n] for k, n in EXTRAS if k == kind}
        print(f"One more of the {KINDS[kind]}: {slope(points) * 1000:.2f} ms a redraw")


if __name__ == "__main__":
    main()
