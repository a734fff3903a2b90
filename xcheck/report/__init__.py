"""Renderers: plain functions from a Report (or Alignment, Document) to text, by format name.

Every check renderer takes ``(report, options)`` and escapes article text for its format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from xcheck.model import Report

FORMATS = ("text", "json", "jsonl", "markdown", "html", "sarif", "junit", "github")
# File extensions used when a corpus run writes one report per pair.
EXTENSIONS = {"text": "txt", "json": "json", "jsonl": "jsonl", "markdown": "md",
              "html": "html", "sarif": "sarif", "junit": "junit.xml", "github": "github.txt"}


@dataclass(frozen=True)
class RenderOptions:
    fail_on: str = "error"  # junit: findings at or above this are failures
    id: str | None = None  # corpus: the pair's id (added to json/jsonl, names the test case)
    # The run, when the CLI knows it (SARIF invocations, JUnit time and timestamp).
    started: datetime | None = None
    ended: datetime | None = None
    exit_code: int | None = None


Renderer = Callable[[Report, RenderOptions], str]
REGISTRY: dict[str, Renderer] = {}


def register(name: str) -> Callable[[Renderer], Renderer]:
    def deco(fn: Renderer) -> Renderer:
        REGISTRY[name] = fn
        return fn

    return deco


def load_renderers() -> None:
    from xcheck.report import (  # noqa: F401  (importing registers the renderers)
        ci,
        github,
        html,
        json_report,
        markdown,
        text,
    )


def render(report: Report, fmt: str, options: RenderOptions = RenderOptions()) -> str:
    load_renderers()
    return REGISTRY[fmt](report, options)
