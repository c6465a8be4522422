"""Percentiles the way the report states them: nearest rank on the sorted sample."""

import math


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100.0 * len(ordered)))
    return ordered[rank - 1]


def summary_ms(values_ns):
    """p50/p95/p99/max/mean in milliseconds (3 decimals) of durations given in ns."""
    if not values_ns:
        return {"n": 0, "p50": None, "p95": None, "p99": None, "max": None, "mean": None}
    ms = [v / 1e6 for v in values_ns]
    return {
        "n": len(ms),
        "p50": round(percentile(ms, 50), 3),
        "p95": round(percentile(ms, 95), 3),
        "p99": round(percentile(ms, 99), 3),
        "max": round(max(ms), 3),
        "mean": round(sum(ms) / len(ms), 3),
    }


def shift_ms(values_ns, reference_ns):
    """How much later `values_ns` are than `reference_ns`, in ms: the median of all pairwise
    differences (Hodges-Lehmann). Two samples of 50 noisy start-ups differ in their medians by a
    few ms by chance alone; this estimate of the shift between them wanders far less."""
    if not values_ns or not reference_ns:
        return None
    differences = [v - r for v in values_ns for r in reference_ns]
    return round(percentile(differences, 50) / 1e6, 1)


def summary_plain(values):
    if not values:
        return {"n": 0, "p50": None, "p95": None, "p99": None, "max": None}
    return {
        "n": len(values),
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "p99": percentile(values, 99),
        "max": max(values),
    }


def fmt(value, digits=2, unit=""):
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.{digits}f}{unit}"
    return f"{value}{unit}"
