"""Settings files: ``--config FILE``, else ``[tool.xcheck]`` in pyproject.toml or xcheck.toml,
searched upward from the current folder."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from xcheck.errors import ConfigError, XcheckError
from xcheck.limits import CONFIG_MAX_BYTES, read_side_text, shown
from xcheck.settings import Settings, align_from_mapping, checks_from_mapping
from xcheck.validation import validate

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
                    text = _read(p)
                except XcheckError:
                    continue  # unreadable, too big, not UTF-8: another project's file
                try:
                    tool = tomllib.loads(text).get("tool", {})
                    if isinstance(tool, dict) and "xcheck" in tool:
                        return p
                except (tomllib.TOMLDecodeError, RecursionError):
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
        data = tomllib.loads(_read(p))
    except (tomllib.TOMLDecodeError, RecursionError) as e:
        raise ConfigError(f"{shown(p)}: invalid TOML ({e})") from None
    if p.name == "pyproject.toml" or "tool" in data:
        tool = data.get("tool", {})
        data = tool.get("xcheck", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError(f"{shown(p)}: [tool.xcheck] must be a table of settings")
    return _from_mapping(data, shown(p))


def _read(path: Path) -> str:
    return read_side_text(path, CONFIG_MAX_BYTES, what="config file", error=ConfigError,
                          option="a smaller settings file (the limit is fixed)",
                          limit="settings-file")


SOURCES = ("zh", "en")  # the side that is the original


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data[key]
    if not isinstance(value, dict):
        raise ConfigError(f"[{key}] must be a table of settings, not {value!r:.40}")
    return dict(value)


def _from_mapping(data: dict[str, Any], source: str) -> Config:
    known = {"align", "checks", "presegmented", "encoding", "max_bytes", "max_sentences",
             "glossary", "fail_on", "rules", "user_dict", "source", "input_format"}
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
        for key in ("presegmented", "encoding", "max_bytes", "max_sentences"):
            if key in data:
                settings = replace(settings, **{key: data[key]})
        if "rules" in data:
            settings = replace(settings, rules=rules_from_mapping(data["rules"], source))
        for key in ("user_dict", "glossary"):
            if key in data and not (isinstance(data[key], str) and data[key]):
                raise ConfigError(f"{source}: {key}: expected a file name (a string), not "
                                  f"{data[key]!r}")
        if "user_dict" in data:
            # Relative to the settings file, so a project's names list travels with it.
            path = Path(str(data["user_dict"]))
            if not path.is_absolute() and source != "<mapping>":
                path = Path(source).parent / path
            settings = replace(settings, user_dict=str(path))
    except (TypeError, ValueError) as e:
        raise ConfigError(f"{source}: {e}") from None
    validate(settings, source)
    if "source" in data:
        if data["source"] not in SOURCES:
            raise ConfigError(f"{source}: source must be one of {', '.join(SOURCES)}, "
                              f"not {data['source']!r}")
        settings = replace(settings, source=data["source"])
    if "input_format" in data:
        from xcheck.formats import FORMATS

        if not isinstance(data["input_format"], str) or data["input_format"] not in FORMATS:
            raise ConfigError(f"{source}: input_format must be one of {', '.join(FORMATS)}, "
                              f"not {data['input_format']!r}")
        settings = replace(settings, input_format=data["input_format"])
    fail_on = data.get("fail_on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise ConfigError(f"{source}: fail_on must be one of {', '.join(FAIL_ON)}, "
                          f"not {fail_on!r}")
    return Config(settings, data.get("glossary"), data.get("fail_on"), source)
