"""Percentiles and the printed table."""

from dataclasses import dataclass


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds >= 0.001 else f"{seconds * 1e6:.0f} µs"


def p50_p95(values: list[float]) -> str:
    return f"{ms(percentile(values, 50))} / {ms(percentile(values, 95))}"


@dataclass
class Row:
    section: str
    what: str
    measured: str
    ratio: float | None = None
    target: str = ""

    def verdict(self) -> str:
        if self.ratio is None or not self.target:
            return ""
        limit = float(self.target.lstrip("≤≥ x"))
        ok = self.ratio <= limit if self.target.startswith("≤") else self.ratio >= limit
        return "meets" if ok else "misses"


def table(rows: list[Row]) -> str:
    lines = ["| Section | What | Measured (p50 / p95) | Ratio | Target | |", "|---|---|---|---|---|---|"]
    for row in rows:
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}"
        lines.append(f"| {row.section} | {row.what} | {row.measured} | {ratio} | {row.target} | {row.verdict()} |")
    return "\n".join(lines)
