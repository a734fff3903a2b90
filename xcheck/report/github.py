"""GitHub Actions: workflow-command annotations within GitHub's limits, and the job summary.

GitHub shows at most 10 annotations of each type (error, warning, notice) per step and 50 in
all; the rest are dropped without a word. So the most important findings come first, the
output stops at the limits, and one plain line (not an annotation) says how many are left
out and where they are: the job summary, which lists every finding.
"""

from __future__ import annotations

from xcheck.model import Finding, Report
from xcheck.report import RenderOptions, register
from xcheck.report.ci import github_line
from xcheck.report.common import Locator, at_or_above, one_line
from xcheck.report.inert import inert, inert_line, no_mentions

PER_TYPE = 10  # annotations GitHub shows per type and step
PER_STEP = 50  # annotations GitHub shows per step
_KIND = {"error": "error", "warning": "warning", "info": "notice"}


def annotated(report: Report) -> tuple[list[Finding], list[Finding]]:
    """(the findings to annotate, most important first; the findings left out)."""
    ordered = sorted(report.findings, key=lambda f: -f.severity.rank)
    shown: list[Finding] = []
    left: list[Finding] = []
    per_kind: dict[str, int] = {}
    for f in ordered:
        kind = _KIND[f.severity.value]
        if per_kind.get(kind, 0) < PER_TYPE and len(shown) < PER_STEP:
            per_kind[kind] = per_kind.get(kind, 0) + 1
            shown.append(f)
        else:
            left.append(f)
    return shown, left


@register("github")
def render_github(report: Report, options: RenderOptions = RenderOptions()) -> str:
    locator = Locator(report)
    shown, left = annotated(report)
    # Escaped last: workflow-command escaping leaves ESC and BEL, which would let an article
    # print a fake "All checks passed" in the Actions log.
    out = "".join(inert(github_line(report, f, locator)) for f in shown)
    if left:
        counts = {k: sum(1 for f in left if _KIND[f.severity.value] == k) for k in _KIND.values()}
        what = ", ".join(f"{n} {k}{'s' if n != 1 else ''}" for k, n in counts.items() if n)
        out += (f"xcheck: {len(left)} more finding(s) not annotated ({what}; GitHub shows "
                f"{PER_TYPE} annotations per type and {PER_STEP} per step): the job summary "
                "lists every finding, as do the SARIF and text reports\n")
    return out


def _cell(text: str) -> str:
    cell = inert_line(one_line(text)).replace("\\", "\\\\").replace("|", "\\|")
    return no_mentions(cell.replace("<", "&lt;"))


def job_summary(report: Report, threshold: str = "error") -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: counts, pass/fail, and every finding."""
    al = report.alignment
    s = report.summary()
    failing = at_or_above(report, threshold)
    name = al.zh.path if al.zh.path == al.en.path else \
        f"{al.zh.path or '<text>'} ↔ {al.en.path or '<text>'}"
    verdict = (f"**failed**: {len(failing)} finding(s) at or above `{threshold}`" if failing
               else f"**passed** (no finding at or above `{threshold}`)")
    lines = [f"### xcheck: {_cell(name or '<text>')}", "", verdict, "",
             "| errors | warnings | info | suppressed | stale baseline entries |",
             "| ---: | ---: | ---: | ---: | ---: |",
             f"| {s['error']} | {s['warning']} | {s['info']} | {report.suppressed} | "
             f"{len(report.stale)} |", ""]
    if report.findings:
        locator = Locator(report)
        lines += ["| severity | rule | where | message |", "| --- | --- | --- | --- |"]
        for f in sorted(report.findings, key=lambda f: -f.severity.rank):
            locs = locator.locations(f)
            where = f"{locs[0].path}:{locs[0].start_line}" if locs else ""
            lines.append(f"| {f.severity.value} | `{f.rule}` | {_cell(where)} | "
                         f"{_cell(f.message)} |")
        lines.append("")
    return "\n".join(lines) + "\n"
