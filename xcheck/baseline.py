"""Suppressions: a baseline file of finding fingerprints, each with a reason.

Format (JSON)::

    {"version": 1, "suppressions": [
        {"fingerprint": "9f1c2ab0", "rule": "name-added", "reason": "baseline",
         "message": "\\"Western\\" has no counterpart in the Chinese"}]}

A fingerprint hashes the rule and the texts the finding points at (spans and sentences), so
a suppressed finding comes back as soon as that text changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from xcheck.errors import ConfigError
from xcheck.io import DEFAULT_MAX_BYTES
from xcheck.limits import read_side_text, shown
from xcheck.model import Report, Suppression
from xcheck.outputs import write_text_atomic

__all__ = ["Baseline", "Suppression", "apply_baseline", "baseline_from_data",
           "baseline_from_reports", "baseline_json", "read_baseline", "write_baseline"]

VERSION = 1


@dataclass(frozen=True)
class Baseline:
    suppressions: tuple[Suppression, ...] = ()

    @property
    def fingerprints(self) -> frozenset[str]:
        return frozenset(s.fingerprint for s in self.suppressions)


def read_baseline(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Baseline:
    text = read_side_text(path, max_bytes, what="baseline file", error=ConfigError)
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as e:
        raise ConfigError(f"{shown(path)}: invalid baseline file ({e})") from None
    return baseline_from_data(data, shown(path))


def baseline_from_data(data: Any, source: str = "baseline") -> Baseline:
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise ConfigError(f"{source}: not a version-{VERSION} xcheck baseline")
    items = data.get("suppressions")
    if not isinstance(items, list):
        raise ConfigError(f"{source}: \"suppressions\" must be a list")
    out = []
    for k, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("fingerprint"), str):
            raise ConfigError(f"{source}: suppression {k} has no \"fingerprint\"")
        out.append(Suppression(item["fingerprint"], str(item.get("rule", "")),
                               str(item.get("reason", "")), str(item.get("message", ""))))
    return Baseline(tuple(out))


def baseline_from_reports(*reports: Report, reason: str = "baseline",
                          keep: Baseline | None = None) -> Baseline:
    """A baseline suppressing every finding of ``reports`` (suppressed ones included). The
    entries of ``keep`` keep their reason, and a finding of ``keep`` no report has any more is
    dropped: a reason written by hand survives ``--update-baseline``."""
    reasons = {s.fingerprint: s.reason for s in keep.suppressions} if keep else {}
    seen: dict[str, Suppression] = {}
    for report in reports:
        for f in (*report.findings, *(f for f, _ in report.suppressions)):
            seen.setdefault(f.fingerprint, Suppression(
                f.fingerprint, f.rule, reasons.get(f.fingerprint, reason), f.message))
    return Baseline(tuple(seen.values()))


def baseline_json(baseline: Baseline) -> str:
    data = {"version": VERSION, "suppressions": [
        {"fingerprint": s.fingerprint, "rule": s.rule, "reason": s.reason, "message": s.message}
        for s in baseline.suppressions]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_baseline(path: str | Path, baseline: Baseline) -> None:
    try:
        write_text_atomic(path, baseline_json(baseline))
    except OSError as e:
        raise ConfigError(f"{shown(path)}: cannot write baseline ({e.strerror})") from None


def apply_baseline(report: Report, baseline: Baseline) -> Report:
    """The report without the suppressed findings: ``Report.suppressed`` counts them,
    ``Report.suppressions`` keeps each with its baseline entry, ``Report.stale`` lists the
    entries that matched no finding."""
    entries = {s.fingerprint: s for s in baseline.suppressions}
    kept = tuple(f for f in report.findings if f.fingerprint not in entries)
    hit = tuple((f, entries[f.fingerprint]) for f in report.findings
                if f.fingerprint in entries)
    matched = {f.fingerprint for f, _ in hit}
    stale = tuple(s for s in baseline.suppressions if s.fingerprint not in matched)
    return replace(report, findings=kept, suppressed=report.suppressed + len(hit),
                   suppressions=report.suppressions + hit, stale=stale)
