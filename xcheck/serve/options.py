"""How ``xcheck serve`` runs: plain values, importable without the web framework."""

from __future__ import annotations

from dataclasses import dataclass, field

from xcheck.settings import Settings


@dataclass(frozen=True)
class Defaults:
    """What ``xcheck serve`` was started with: base settings and a default glossary."""

    settings: Settings = field(default_factory=Settings)
    glossary: tuple[tuple[str, str], ...] = ()
    fail_on: str = "error"


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    workers: int = 2
    timeout: float = 30.0  # seconds per request, waiting for a worker included
    defaults: Defaults = field(default_factory=Defaults)

    @property
    def max_body(self) -> int:
        """The largest request: four inputs at the CLI's per-file limit, plus form overhead."""
        return 4 * self.defaults.settings.max_bytes + 65536
