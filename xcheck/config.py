"""Settings files: ``--config FILE``, else ``[tool.xcheck]`` in pyproject.toml or xcheck.toml,
searched upward from the current folder."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from xcheck.errors import ConfigError
from xcheck.settings import Settings, align_from_mapping, checks_from_mapping

RULE_VALUES = ("off", "error", "warning", "info")
_XCHECK_TABLE = re.compile(r"^\s*\[\[?\s*tool\s*\.\s*xcheck\b", re.MULTILINE)
FAIL_ON = ("error", "warning", "info", "never")


def rules_from_mapping(data: Any, source: str = "rules") -> tuple[tuple[str, str], ...]:
    """``{"content-added": "off", "name-added": "info"}`` -> sorted (rule, value) pairs."""
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: [rules] must be a table of rule = \"off\"|severity")
    from xcheck.checks import RULE_NAMES, available

    known = RULE_NAMES | set(available())
    out = []
    for rule, value in data.items():
        if rule not in known:
            raise ConfigError(f"{source}: unknown rule {rule!r} (see 'xcheck rules'; rules: "
                              f"{', '.join(sorted(RULE_NAMES))}; checks: {', '.join(available())})")
        if not isinstance(value, str) or value.lower() not in RULE_VALUES:
            raise ConfigError(f"{source}: rule {rule!r}: expected one of "
                              f"{', '.join(RULE_VALUES)}, not {value!r}")
        out.append((str(rule), value.lower()))
    return tuple(sorted(out))


@dataclass(frozen=True)
class Config:
    settings: Settings = field(default_factory=Settings)
    glossary: str | None = None
    fail_on: str | None = None
    source: str | None = None


def find_config(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in ("xcheck.toml", "pyproject.toml"):
            p = folder / name
            if p.is_file():
                if name == "xcheck.toml":
                    return p
                try:
                    text = p.read_text("utf-8")
                except (OSError, UnicodeDecodeError):
                    continue
                try:
                    if "xcheck" in tomllib.loads(text).get("tool", {}):
                        return p
                except tomllib.TOMLDecodeError:
                    # A broken file with an xcheck table is ours to report (load_config
                    # does), as a broken xcheck.toml is; another tool's broken file is not.
                    if _XCHECK_TABLE.search(text):
                        return p
    return None


def load_config(path: str | Path | None = None) -> Config:
    p = Path(path) if path else find_config()
    if p is None:
        return Config()
    try:
        data = tomllib.loads(p.read_text("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{p}: no such config file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"{p}: invalid TOML ({e})") from None
    if p.name == "pyproject.toml" or "tool" in data:
        data = data.get("tool", {}).get("xcheck", {})
    return _from_mapping(data, str(p))


SOURCES = ("zh", "en")  # the side that is the original


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data[key]
    if not isinstance(value, dict):
        raise ConfigError(f"[{key}] must be a table of settings, not {value!r}")
    return dict(value)


def _from_mapping(data: dict[str, Any], source: str) -> Config:
    known = {"align", "checks", "presegmented", "encoding", "max_bytes", "glossary", "fail_on",
             "rules", "user_dict", "source", "input_format"}
    unknown = set(data) - known
    if unknown:
        raise ConfigError(f"{source}: unknown setting(s) {', '.join(sorted(unknown))}")
    settings = Settings()
    try:
        try:
            if "align" in data:
                settings = replace(settings, align=align_from_mapping(_table(data, "align")))
            if "checks" in data:
                settings = replace(settings, checks=checks_from_mapping(_table(data, "checks")))
        except ConfigError as e:
            raise ConfigError(f"{source}: {e}") from None
        for key in ("presegmented", "encoding", "max_bytes"):
            if key in data:
                settings = replace(settings, **{key: data[key]})
        if "rules" in data:
            settings = replace(settings, rules=rules_from_mapping(data["rules"], source))
        if "user_dict" in data:
            # Relative to the settings file, so a project's names list travels with it.
            path = Path(str(data["user_dict"]))
            if not path.is_absolute() and source != "<mapping>":
                path = Path(source).parent / path
            settings = replace(settings, user_dict=str(path))
    except (TypeError, ValueError) as e:
        raise ConfigError(f"{source}: {e}") from None
    if "source" in data:
        if data["source"] not in SOURCES:
            raise ConfigError(f"{source}: source must be one of {', '.join(SOURCES)}, "
                              f"not {data['source']!r}")
        settings = replace(settings, source=data["source"])
    if "input_format" in data:
        from xcheck.formats import FORMATS

        if data["input_format"] not in FORMATS:
            raise ConfigError(f"{source}: input_format must be one of {', '.join(FORMATS)}, "
                              f"not {data['input_format']!r}")
        settings = replace(settings, input_format=data["input_format"])
    fail_on = data.get("fail_on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise ConfigError(f"{source}: fail_on must be one of {', '.join(FAIL_ON)}, "
                          f"not {fail_on!r}")
    return Config(settings, data.get("glossary"), data.get("fail_on"), source)
