"""Machine formats for CI: SARIF 2.1.0, JUnit XML, GitHub workflow annotations.

Locations are file/line/column regions in the input files (1-based lines, columns in code
points, end column exclusive), so code hosts annotate the right lines.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from xcheck.model import Finding, Report
from xcheck.report import RenderOptions, register
from xcheck.report.common import Location, Locator, at_or_above, one_line
from xcheck.report.text import finding_text, signature

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def artifact_uri(path: str) -> str:
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix(), safe="/")


def _region(loc: Location) -> dict[str, Any]:
    return {"startLine": loc.start_line, "startColumn": loc.start_col,
            "endLine": loc.end_line, "endColumn": loc.end_col,
            "snippet": {"text": loc.text}}


def _physical(loc: Location) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(loc.path)},
                                 "region": _region(loc)},
            "message": {"text": f"{loc.side} text"}}


def _utc(t: datetime) -> str:
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def sarif_rules() -> list[dict[str, Any]]:
    """Every rule of the table, as SARIF reportingDescriptors (with help text)."""
    from xcheck.checks.rules import RULES

    out = []
    for r in RULES.values():
        example = f"Chinese: {r.example.zh}\nEnglish: {r.example.en}"
        out.append({
            "id": r.name, "name": r.name,
            "shortDescription": {"text": r.description},
            "fullDescription": {"text": r.full},
            "help": {"text": f"{r.full}\n\nExample:\n{example}\n\nxcheck rules {r.name}",
                     "markdown": f"{r.full}\n\n**Example**\n\n```text\n{example}\n```\n\n"
                                 f"Settings: `[tool.xcheck.rules] {r.name} = \"off\"` or a "
                                 "severity; `--select` / `--ignore` on the command line."},
            "defaultConfiguration": {"level": _LEVEL[r.default_severity.value]},
            "properties": {"category": r.category.value, "type": r.type.value,
                           "tags": [r.category.value, r.type.value]},
        })
    return out


def _result(f: Finding, locator: Locator, index: dict[str, int]) -> dict[str, Any]:
    locs = locator.locations(f)
    result: dict[str, Any] = {
        "ruleId": f.rule, "ruleIndex": index[f.rule], "level": _LEVEL[f.severity.value],
        "message": {"text": f.message + (f" ({f.evidence})" if f.evidence else "")},
        "locations": [_physical(loc) for loc in locs[:1]],
        "partialFingerprints": {"xcheckFingerprint/v1": f.fingerprint},
        "properties": {"category": f.category.value, "type": f.type.value,
                       "severity": f.severity.value,
                       "zhSentences": list(f.zh.sentences),
                       "enSentences": list(f.en.sentences)},
    }
    if len(locs) > 1:
        result["relatedLocations"] = [{"id": k, **_physical(loc)}
                                      for k, loc in enumerate(locs[1:], 1)]
    return result


def sarif_log(report: Report, options: RenderOptions = RenderOptions()) -> dict[str, Any]:
    """The SARIF log: every rule of the table; the findings, then the findings a baseline
    suppressed (marked, with the baseline's reason); the invocation when the CLI ran it."""
    locator = Locator(report)
    rule_objs = sarif_rules()
    index = {r["id"]: k for k, r in enumerate(rule_objs)}
    for f in (*report.findings, *(f for f, _ in report.suppressions)):
        if f.rule not in index:  # a finding built outside the table (a test's, a plugin's)
            index[f.rule] = len(rule_objs)
            rule_objs.append({"id": f.rule, "name": f.rule, "shortDescription": {
                "text": f"{f.category.value}/{f.type.value}"}})
    results = [_result(f, locator, index) for f in report.findings]
    for f, entry in report.suppressions:
        result = _result(f, locator, index)
        result["suppressions"] = [{"kind": "external", "status": "accepted",
                                   "justification": entry.reason}]
        results.append(result)
    al = report.alignment
    artifacts = [{"location": {"uri": artifact_uri(p)}}
                 for p in dict.fromkeys([al.zh.path or "<text>", al.en.path or "<text>"])]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "xcheck", "version": str(report.settings.get("xcheck", "")),
                            "rules": rule_objs}},
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
        "properties": {"settings": report.settings, "suppressed": report.suppressed,
                       "summary": report.summary(), "signature": signature(report),
                       "staleSuppressions": [s.fingerprint for s in report.stale]},
    }
    if options.exit_code is not None:
        invocation: dict[str, Any] = {"executionSuccessful": True,
                                      "exitCode": options.exit_code}
        if options.started is not None:
            invocation["startTimeUtc"] = _utc(options.started)
        if options.ended is not None:
            invocation["endTimeUtc"] = _utc(options.ended)
        run["invocations"] = [invocation]
    if options.id is not None:
        run["automationDetails"] = {"id": f"xcheck/{options.id}"}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


@register("sarif")
def render_sarif(report: Report, options: RenderOptions = RenderOptions()) -> str:
    return json.dumps(sarif_log(report, options), ensure_ascii=False, indent=2) + "\n"


def xml_text(text: str) -> str:
    """Characters XML 1.0 cannot hold become U+FFFD (ElementTree escapes the rest)."""
    return _XML_BAD.sub("\ufffd", text)


def junit_testcase(report: Report, options: RenderOptions = RenderOptions(),
                   seconds: float = 0.0) -> ET.Element:
    al = report.alignment
    name = options.id or (al.zh.path if al.zh.path == al.en.path
                          else f"{al.zh.path or '<text>'} | {al.en.path or '<text>'}")
    case = ET.Element("testcase", {"classname": "xcheck", "name": xml_text(name or "<text>"),
                                   "time": f"{seconds:.3f}"})
    failing = at_or_above(report, options.fail_on)
    if failing:
        s = report.summary()
        fail = ET.SubElement(case, "failure", {
            "type": failing[0].severity.value,
            "message": xml_text(f"{len(failing)} finding(s) at or above {options.fail_on}: "
                                f"{s['error']} errors, {s['warning']} warnings, "
                                f"{s['info']} info")})
        fail.text = xml_text("\n\n".join("\n".join(finding_text(report, f)) for f in failing))
    out = ET.SubElement(case, "system-out")
    body = [f"{len(report.findings)} findings, {report.suppressed} suppressed"]
    for f in report.findings:
        body.append("\n".join(finding_text(report, f)))
    body.append(signature(report))
    out.text = xml_text("\n\n".join(body))
    return case


def junit_document(cases: list[ET.Element], name: str = "xcheck",
                   started: datetime | None = None) -> str:
    failures = sum(1 for c in cases if c.find("failure") is not None)
    errors = sum(1 for c in cases if c.find("error") is not None)
    total = sum(float(c.get("time", "0")) for c in cases)
    suites = ET.Element("testsuites", {"name": name, "tests": str(len(cases)),
                                       "failures": str(failures), "errors": str(errors),
                                       "time": f"{total:.3f}"})
    suite = ET.SubElement(suites, "testsuite", {"name": name, "tests": str(len(cases)),
                                                "failures": str(failures),
                                                "errors": str(errors), "time": f"{total:.3f}"})
    if started is not None:  # JUnit's timestamp: ISO 8601 without a zone, in UTC
        stamp = started.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
        suites.set("timestamp", stamp)
        suite.set("timestamp", stamp)
    suite.extend(cases)
    ET.indent(suites)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(suites, encoding="unicode") + "\n")


def junit_error_case(pair_id: str, message: str) -> ET.Element:
    case = ET.Element("testcase", {"classname": "xcheck", "name": xml_text(pair_id),
                                   "time": "0.000"})
    ET.SubElement(case, "error", {"type": "input", "message": xml_text(message)})
    return case


@register("junit")
def render_junit(report: Report, options: RenderOptions = RenderOptions()) -> str:
    """One test case; with the run's times (the CLI gives them) its real time and the
    suite's timestamp."""
    seconds = (options.ended - options.started).total_seconds() \
        if options.started is not None and options.ended is not None else 0.0
    return junit_document([junit_testcase(report, options, seconds)], started=options.started)


def escape_data(text: str) -> str:
    """GitHub workflow-command data: ``%``, ``\\r``, ``\\n``."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """GitHub workflow-command property values: also ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GH_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def github_line(report: Report, f: Finding, locator: Locator) -> str:
    locs = locator.locations(f)
    props: list[tuple[str, str]] = []
    if locs:
        loc = locs[0]
        props += [("file", loc.path), ("line", str(loc.start_line)),
                  ("col", str(loc.start_col)), ("endLine", str(loc.end_line)),
                  ("endColumn", str(loc.end_col))]
    props.append(("title", f"xcheck {f.rule} ({f.category.value}/{f.type.value})"))
    data = one_line(f.message) + (f" [{f.fingerprint}]" if f.fingerprint else "")
    return (f"::{_GH_LEVEL[f.severity.value]} "
            + ",".join(f"{k}={escape_property(v)}" for k, v in props)
            + "::" + escape_data(data) + "\n")
