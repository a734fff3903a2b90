"""Settings that change results. Every field appears in JSON output and the signature line."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from xcheck.errors import ConfigError


@dataclass(frozen=True)
class AlignSettings:
    max_bead: int = 5
    null_penalty: float = 1.2
    merge_penalty: float = 0.6
    length_weight: float = 0.2
    paragraph_penalty: float = 1.0
    punct_weight: float = 0.2
    band_half_width: int = 12
    names: bool = True


@dataclass(frozen=True)
class Settings:
    align: AlignSettings = field(default_factory=AlignSettings)
    presegmented: bool = False
    encoding: str | None = None
    max_bytes: int = 20_000_000
    # A jieba user dictionary (one word per line: word [frequency] [tag]) for names.
    user_dict: str | None = None
    # Per-rule overrides: (rule or check name, "off" | "error" | "warning" | "info").
    rules: tuple[tuple[str, str], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def align_from_mapping(data: dict[str, Any],
                       base: AlignSettings = AlignSettings()) -> AlignSettings:
    known = {f.name: f.type for f in fields(AlignSettings)}
    unknown = set(data) - set(known)
    if unknown:
        raise ConfigError(f"unknown align setting(s): {', '.join(sorted(unknown))}")
    return replace(base, **data)
