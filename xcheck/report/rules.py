"""The rule table as a user reads it: ``xcheck rules`` (a list, or one rule explained), its
JSON, and the Markdown list in the README (tests/test_rules_cli.py keeps the README in step).
"""

from __future__ import annotations

import json

from xcheck.checks.rules import RULES, Rule


def rule_list() -> str:
    """One line per rule: name, default severity, category/type, what it means."""
    width = max(len(name) for name in RULES)
    kinds = {r.name: f"{r.category.value}/{r.type.value}" for r in RULES.values()}
    kind_width = max(map(len, kinds.values()))
    return "".join(f"{r.name:<{width}}  {r.default_severity.value:<7}  "
                   f"{kinds[r.name]:<{kind_width}}  {r.description}\n"
                   for r in RULES.values())


def rule_text(rule: Rule) -> str:
    """One rule explained, with its example."""
    lines = [rule.name, "",
             f"severity:  {rule.default_severity.value} (by default)",
             f"category:  {rule.category.value}"
             + (f" ({rule.aligned_category.value} inside an aligned bead)"
                if rule.aligned_category else ""),
             f"type:      {rule.type.value}", "", rule.description + ".", "", rule.full, "",
             "Example:", f"  zh: {rule.example.zh}".replace("\n", "\n      "),
             f"  en: {rule.example.en}".replace("\n", "\n      ")]
    if rule.example.glossary:
        lines.append("  glossary: " + "; ".join(f"{zh} = {en}"
                                                for zh, en in rule.example.glossary))
    if rule.example.context:
        lines.append(f"  (reported in the context of the whole article {rule.example.context})")
    lines += ["", f"Turn it off: [tool.xcheck.rules] {rule.name} = \"off\", or "
                  f"--ignore {rule.name}; report only it: --select {rule.name}."]
    return "\n".join(lines) + "\n"


def rule_dict(rule: Rule) -> dict[str, object]:
    return {"name": rule.name, "category": rule.category.value, "type": rule.type.value,
            "default_severity": rule.default_severity.value,
            "aligned_category": rule.aligned_category.value if rule.aligned_category else None,
            "description": rule.description, "full_description": rule.full,
            "example": {"zh": rule.example.zh, "en": rule.example.en,
                        "glossary": [list(t) for t in rule.example.glossary],
                        "context": rule.example.context or None}}


def rules_json(name: str | None = None) -> str:
    data = rule_dict(RULES[name]) if name else [rule_dict(r) for r in RULES.values()]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def rules_markdown() -> str:
    """The README's rule table."""
    rows = ["| rule | severity | category/type | what it reports |", "| --- | --- | --- | --- |"]
    rows += [f"| `{r.name}` | {r.default_severity.value} | {r.category.value}/{r.type.value} "
             f"| {r.description} |" for r in RULES.values()]
    return "\n".join(rows) + "\n"
