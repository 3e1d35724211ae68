"""`python -m bench.elements [reps]`: what each element on a page adds to a browser redraw.

The floor app of `python -m bench.redraw`, served several times at once with more and more paragraphs or buttons
under its chart (`RUTTE_BENCH_PARAGRAPHS`, `RUTTE_BENCH_BUTTONS`), each timed as the benchmark times a To date
change, the servers' tabs taking turns block by block. Prints each one's p50 and what one paragraph and one button
add (the least-squares slope of the p50s, the plain floor app included). Streamlit draws every element again on
every rerun, so this is what a page's length costs each filter change. Not part of `./bench.sh`; writes nothing.
"""

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench import redraw
from bench.browser import launch
from bench.stats import Row, p50_p95, percentile, table
from deploy.local_server import start_app, stop_app

Extra = tuple[str, int]  # (kind, how many): what the floor app draws under its chart
FLOOR: Extra = ("paragraphs", 0)
EXTRAS: list[Extra] = [
    FLOOR,
    ("paragraphs", 10),
    ("paragraphs", 20),
    ("paragraphs", 40),
    ("buttons", 10),
    ("buttons", 20),
]
ROUNDS = 4
FLOOR_DAYS = 30  # the floor app's date range: each press moves its end a day earlier


def redraw_times(urls: dict[Extra, str], reps: int) -> dict[Extra, list[float]]:
    """{extra: [s]}: one tab per server, each warmed by one press, then measured in turns."""
    with sync_playwright() as p:
        browser = launch(p)
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        context.add_init_script(script=f"({redraw.MESSAGES})()")
        try:
            tabs = {}
            for extra, url in urls.items():
                tab = redraw.open_tab(context, url)
                tabs[extra] = (tab, redraw.new_to(redraw.earlier_days(redraw.shown_to(tab))))
            for tab, act in tabs.values():  # warm
                tab.bring_to_front()
                act(tab)
                redraw.redrawn(tab)
            times = {extra: [] for extra in tabs}
            for _ in range(ROUNDS):
                for extra, (tab, act) in tabs.items():
                    tab.bring_to_front()  # a background tab may get no animation frames
                    for _ in range(reps // ROUNDS):
                        act(tab)
                        times[extra].append(redraw.redrawn(tab))
        finally:
            context.close()
            browser.close()
    return times


def slope(points: dict[int, float]) -> float:
    """Least-squares slope of y over x."""
    mean_x, mean_y = sum(points) / len(points), sum(points.values()) / len(points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points.items()) / sum((x - mean_x) ** 2 for x in points)


def main() -> None:
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 16
    if reps + 1 >= FLOOR_DAYS:
        raise SystemExit(f"at most {FLOOR_DAYS - 2} presses: the floor app's dates run out")
    with tempfile.TemporaryDirectory() as logs:
        servers = {}
        try:
            for kind, n in EXTRAS:
                env = {f"RUTTE_BENCH_{kind.upper()}": str(n)}
                servers[kind, n] = start_app(redraw.FLOOR_APP, Path(logs) / f"{kind}-{n}.log", env=env)
            times = redraw_times({extra: url for extra, (_, url) in servers.items()}, reps)
        finally:
            for process, _ in servers.values():
                stop_app(process)
    p50 = {extra: percentile(t, 50) for extra, t in times.items()}
    rows = [
        Row("Redraw", f"floor app + {n} {kind}", p50_p95(times[kind, n]), p50[kind, n] / p50[FLOOR])
        for kind, n in EXTRAS
    ]
    print(table(rows))
    for kind in ("paragraphs", "buttons"):
        points = {0: p50[FLOOR]} | {n: p50[k, n] for k, n in EXTRAS if k == kind}
        print(f"One of the {kind}: {slope(points) * 1000:.2f} ms a redraw")


if __name__ == "__main__":
    main()
