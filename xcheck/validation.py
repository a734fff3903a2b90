"""One check of every setting, whatever its source (the command line, ``--config``,
``[tool.xcheck]`` in pyproject.toml, xcheck.toml, or a Settings built in Python): its type and
its range. An error names where the value came from, the key, and what is allowed.
"""

from __future__ import annotations

import codecs
import math
from dataclasses import dataclass, fields
from typing import Any

from xcheck.errors import ConfigError
from xcheck.settings import AlignSettings, CheckSettings, Settings

# The aligner stores a bead's shape index in an int8: max_bead 16 has 122 shapes, 17 has 138
# (over 127). Cost grows with the square of max_bead; 16 is still seconds on a news article.
MAX_BEAD = 16
# 1 GB: more than any article; beyond it a read would exhaust a CI runner's memory anyway.
MAX_BYTES_CEILING = 1_000_000_000
MAX_SENTENCES_CEILING = 10_000_000
BIG_FLOAT = 1e6
BIG_INT = 1_000_000


@dataclass(frozen=True)
class Rule:
    kind: type  # bool, int, float or str
    lo: float | None = None
    hi: float | None = None
    why: str = ""

    def allowed(self) -> str:
        if self.kind is bool:
            return "true or false"
        if self.kind is str:
            return "a string"
        noun = "an integer" if self.kind is int else "a finite number"
        if self.lo is not None and self.hi is not None:
            text = f"{noun} from {_num(self.lo)} to {_num(self.hi)}"
        elif self.lo is not None:
            text = f"{noun} >= {_num(self.lo)}"
        else:
            text = noun
        return f"{text}{f' ({self.why})' if self.why else ''}"


def _num(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


SHARE = Rule(float, 0.0, 1.0, "a share")

# Specific rules; every other numeric field of AlignSettings / CheckSettings gets the
# default rule of its type below (non-negative, finite, bounded).
RULES: dict[str, Rule] = {
    "presegmented": Rule(bool),
    "max_bytes": Rule(int, 1, MAX_BYTES_CEILING),
    "max_sentences": Rule(int, 1, MAX_SENTENCES_CEILING),
    "align.max_bead": Rule(int, 2, MAX_BEAD, "a bead of zh + en sentences; the aligner "
                                             f"supports up to {MAX_BEAD}"),
    "align.band_half_width": Rule(int, 1, 10_000, "sentences either side of the diagonal"),
    "align.band_fine_above": Rule(int, 1, BIG_INT),
    "align.band_max_widening": Rule(int, 0, 100),
    "align.length_min_pairs": Rule(int, 1, BIG_INT),
    "align.embed_span": Rule(int, 1, 8),
    # (above 1, every pair is called unrelated: a way to test that rule)
    "align.unrelated_threshold": Rule(float, 0.0, 2.0),
    "align.embed_weight": SHARE,
    "align.shape_1_2": SHARE,
    "align.shape_1_3": SHARE,
    "align.shape_2_2": SHARE,
    "align.mt_weight": SHARE,
    "checks.name_window": Rule(int, 1, 20, "Chinese characters"),
    "checks.name_min_skeleton": Rule(int, 0, 20),
}
DEFAULT_RULES = {bool: Rule(bool), int: Rule(int, 0, BIG_INT), float: Rule(float, 0.0, BIG_FLOAT)}
# The checks' thresholds may go below 0 (a share of -1 switches a test off: how the tests
# isolate one rule); finite and bounded all the same.
CHECK_FLOAT = Rule(float, -BIG_FLOAT, BIG_FLOAT)


def rule_for(key: str, default: Any) -> Rule:
    if key.startswith("checks.") and type(default) is float and key not in RULES:
        return CHECK_FLOAT
    return RULES.get(key) or DEFAULT_RULES[type(default)]


def problem(rule: Rule, value: Any) -> str | None:
    """What is wrong with ``value`` under ``rule`` (None when it is allowed)."""
    if rule.kind is bool:
        ok = isinstance(value, bool)
    elif rule.kind is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif rule.kind is float:
        ok = (isinstance(value, int | float) and not isinstance(value, bool)
              and math.isfinite(value))
    else:
        ok = isinstance(value, str)
    if ok and rule.kind in (int, float):
        ok = ((rule.lo is None or value >= rule.lo) and (rule.hi is None or value <= rule.hi))
    if ok:
        return None
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
    if isinstance(value, str):  # TOML "5" is a string, not the number 5
        shown = f"the string {shown}"
    return f"expected {rule.allowed()}, not {shown}"


def _check(key: str, value: Any, rule: Rule, where: str, names: dict[str, str]) -> None:
    why = problem(rule, value)
    if why is not None:
        raise ConfigError(f"{where}{names.get(key, key)}: {why}")


def text_encoding_problem(encoding: Any) -> str | None:
    """None if ``encoding`` names a codec that decodes bytes to text ('rot13' does not)."""
    if not isinstance(encoding, str) or not encoding:
        return f"expected the name of a text encoding, not {encoding!r}"
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError):
        return f"unknown text encoding {encoding!r} (e.g. utf-8, gb18030, big5, utf-16)"
    # rot13, base64, zlib... are codecs too, but not bytes -> text (the flag is how
    # bytes.decode itself refuses them).
    if not getattr(info, "_is_text_encoding", True):
        return f"{encoding!r} is not a text encoding (e.g. utf-8, gb18030, big5)"
    return None


def validate(settings: Settings, source: str = "settings",
             names: dict[str, str] | None = None) -> Settings:
    """``settings`` if every value has its type and lies in its range, else ConfigError
    ``SOURCE: KEY: expected ..., not ...``. ``names`` maps keys to what the user typed
    (``{"align.max_bead": "--max-bead"}``) for messages about command-line options."""
    names = names or {}
    where = f"{source}: " if source else ""
    defaults = Settings()
    for key in ("presegmented", "max_bytes", "max_sentences"):
        _check(key, getattr(settings, key), rule_for(key, getattr(defaults, key)), where, names)
    if settings.encoding is not None:
        why = text_encoding_problem(settings.encoding)
        if why:
            raise ConfigError(f"{where}{names.get('encoding', 'encoding')}: {why}")
    for key in ("user_dict", "source"):
        value = getattr(settings, key)
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{where}{names.get(key, key)}: expected a string, not "
                              f"{type(value).__name__} {value!r}")
    for section, part, base in (("align", settings.align, AlignSettings()),
                                ("checks", settings.checks, CheckSettings())):
        if not isinstance(part, type(base)):
            raise ConfigError(f"{where}{section}: expected a table of settings")
        for f in fields(base):
            key = f"{section}.{f.name}"
            _check(key, getattr(part, f.name), rule_for(key, getattr(base, f.name)),
                   where, names)
    return settings
