"""`python -m bench [--quick]`: serve the app on a local port, measure, print one table, write docs/PERFORMANCE.md.

Every figure is a ratio measured side by side in this run (see docs/PERFORMANCE.md for what each means).
"""

import argparse
import asyncio
import os
import platform
import re
import tempfile
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from bench import browser, exports, redraw, reruns
from bench.stats import Row, ms, p50_p95, percentile, table
from deploy.local_server import ROOT, start_app, stop_app
from tracker.data.files import write_atomic

PAGES = ["story", "timeline", "backer_map", "candidates", "quotes", "sources"]
HEAVIEST = "backer_map"
REPORT = ROOT / "docs" / "PERFORMANCE.md"
MB = 1024 * 1024


def rerun_rows(url: str, reps: int) -> list[Row]:
    times = asyncio.run(reruns.page_costs(url, PAGES, reps))
    floor = percentile(times[reruns.FLOOR]["unchanged"], 50)
    rows = [Row("Rerun", "floor page (navigation only)", p50_p95(times[reruns.FLOOR]["unchanged"]), 1.0)]
    for page in PAGES:
        for kind, target in (("changed", "≤ 3"), ("unchanged", "≤ 1.5")):
            values = times[page][kind]
            rows.append(
                Row("Rerun", f"{page}, filters {kind}", p50_p95(values), percentile(values, 50) / floor, target)
            )
    return rows


def setting_rows(log_dir: Path, reps: int) -> list[Row]:
    """The two suspects, each served both ways in this run: Nagle's algorithm, and a full GC after every rerun."""

    def floor_and_heaviest(env=(), **server) -> tuple[float, float]:
        env = {"TRACKER_BENCH_FLOOR": "1", **dict(env)}
        process, url = start_app("app.py", log_dir / "setting.log", env=env, **server)
        try:
            times = asyncio.run(reruns.page_costs(url, [HEAVIEST], reps))
        finally:
            stop_app(process)
        return percentile(times[reruns.FLOOR]["unchanged"], 50), percentile(times[HEAVIEST]["unchanged"], 50)

    ours = floor_and_heaviest()
    nagle = floor_and_heaviest(env={"TRACKER_BENCH_KEEP_NAGLE": "1"})
    gc = floor_and_heaviest(options=("--runner.postScriptGC", "true"))
    return [
        Row(
            "Settings",
            "floor rerun, Nagle's algorithm on / off (ui/nagle.py)",
            f"{ms(nagle[0])} / {ms(ours[0])}",
            nagle[0] / ours[0],
        ),
        Row("Settings", f"{HEAVIEST} rerun, postScriptGC on / off", f"{ms(gc[1])} / {ms(ours[1])}", gc[1] / ours[1]),
    ]


def crowd_rows(url: str, pid: int, sizes: list[int], budget: int) -> list[Row]:
    rows, service = [], None
    baseline_rss = reruns.rss_bytes(pid)
    for n in sizes:
        result = asyncio.run(reruns.crowd(url, HEAVIEST, n, max(3, budget // n), pid))
        if service is None:
            service = sum(result.latencies) / len(result.latencies)
        efficiency = result.throughput * service
        rows.append(
            Row(
                "Crowd",
                f"N={n}: latency; {result.throughput:.1f} reruns/s; errors {len(result.errors)}",
                p50_p95(result.latencies),
                efficiency,
                "≥ 0.8" if n == max(sizes) else "",
            )
        )
        if result.errors:
            print(f"  N={n}: {len(result.errors)} error(s), first: {result.errors[0]}")
        if n == max(sizes):
            per_session = (result.rss_idle - baseline_rss) / n
            rows.append(
                Row(
                    "Memory",
                    f"server RSS {baseline_rss / MB:.0f} MB, with {n} idle sessions {result.rss_idle / MB:.0f} MB",
                    f"{per_session / MB:.2f} MB per session",
                    per_session / MB,
                    "≤ 1",
                )
            )
    return rows


def export_rows(reps: int) -> list[Row]:
    rows = []
    for (chart, fmt), t in exports.export_costs(reps).items():
        app, raw, cached = (percentile(t[k], 50) for k in ("app", "raw", "cached"))
        rows.append(
            Row("Export", f"{chart} {fmt.upper()}: app / raw vl-convert", f"{ms(app)} / {ms(raw)}", app / raw, "≤ 1.2")
        )
        rows.append(Row("Export", f"{chart} {fmt.upper()}: second click", ms(cached), cached / app, "≤ 0.05"))
    return rows


def browser_rows(url: str, log_dir: Path, reps: int) -> list[Row]:
    process, hello = start_app("bench/hello.py", log_dir / "hello.log")
    try:
        t = browser.first_paint_costs(url, HEAVIEST, hello, reps)
    finally:
        stop_app(process)
    ratio = percentile(t["chart"], 50) / percentile(t["hello"], 50)
    return [
        Row(
            "Browser",
            f"first chart on {HEAVIEST} / hello-world text",
            f"{p50_p95(t['chart'])} / {p50_p95(t['hello'])}",
            ratio,
            "≤ 1.5",
        )
    ]


def redraw_rows(log_dir: Path, reps: int) -> list[Row]:
    """The floor app and a fresh app (no views cached yet), both served with plain `streamlit run`."""
    floor_process, floor_url = start_app(redraw.FLOOR_APP, log_dir / "floor.log")
    try:
        app_process, app_url = start_app("app.py", log_dir / "redraw.log")
        try:
            times = redraw.redraw_costs(floor_url, app_url, reps)
        finally:
            stop_app(app_process)
    finally:
        stop_app(floor_process)
    floor = percentile(times[redraw.FLOOR], 50)
    rows = [Row("Redraw", "floor app: one date control, one small line chart", p50_p95(times[redraw.FLOOR]), 1.0)]
    for (page, control), values in times.items():
        if (page, control) != redraw.FLOOR:
            rows.append(Row("Redraw", f"{page}, {control}", p50_p95(values), percentile(values, 50) / floor, "≤ 2"))
    return rows


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    return (
        f"{os.cpu_count()} cores ({cpu}), {int(memory) / MB:.0f} GiB, {platform.platform()}; "
        f"Python {platform.python_version()}, Streamlit {version('streamlit')}, uvicorn {version('uvicorn')}, "
        f"Altair {version('altair')}, vl-convert {version('vl-convert-python')}"
    )


def write_report(text: str) -> None:
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    current = REPORT.read_text(encoding="utf-8")
    updated = re.sub(f"{start}.*{end}", lambda _: f"{start}\n{text}\n{end}", current, flags=re.S)
    write_atomic(REPORT, updated.encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer repetitions and a smaller crowd (a smoke run; not written to the docs)",
    )
    args = parser.parse_args()
    reps, sizes, budget = (5, [1, 10], 40) if args.quick else (30, [1, 10, 50, 100], 600)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as logs:
        log_dir = Path(logs)
        process, url = start_app("app.py", log_dir / "app.log", env={"TRACKER_BENCH_FLOOR": "1"})
        try:
            print("reruns per page...", flush=True)
            rows += rerun_rows(url, reps)
            print("crowd and memory...", flush=True)
            rows += crowd_rows(url, process.pid, sizes, budget)
            print("browser...", flush=True)
            rows += browser_rows(url, log_dir, max(3, reps // 3))
        finally:
            stop_app(process)
        server_errors = len(re.findall(r"Traceback|Exception", (log_dir / "app.log").read_text()))
        rows.append(Row("Crowd", "exceptions in the server log", str(server_errors)))
        print("settings...", flush=True)
        rows += setting_rows(log_dir, reps)
        print("browser redraws...", flush=True)
        rows += redraw_rows(log_dir, max(3, reps // 2))
    print("exports...", flush=True)
    rows += export_rows(max(3, reps // 5))
    text = table(rows)
    print(text)
    if not args.quick:
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        write_report(f"Run {stamp} on {machine()}.\n\n{text}")
        print(f"wrote {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
