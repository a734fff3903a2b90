"""Renderers: plain functions from a Report (or Alignment, Document) to text, by format name."""

from __future__ import annotations

from collections.abc import Callable

from xcheck.model import Report

Renderer = Callable[[Report], str]
REGISTRY: dict[str, Renderer] = {}


def register(name: str) -> Callable[[Renderer], Renderer]:
    def deco(fn: Renderer) -> Renderer:
        REGISTRY[name] = fn
        return fn

    return deco


def render(report: Report, fmt: str) -> str:
    from xcheck.report import json_report, text  # noqa: F401  (registers the renderers)

    return REGISTRY[fmt](report)
