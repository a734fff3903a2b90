"""The pre-commit hook (``xcheck-pre-commit``, see .pre-commit-hooks.yaml): pre-commit passes
the changed files; each ``NAME.zh.txt`` / ``NAME.en.txt`` whose partner is there is checked as
a pair (one side changed is enough), a one-file ``NAME.txt`` by itself. Other arguments are
``xcheck check`` options (``--fail-on warning``). The exit code is the worst pair's."""

from __future__ import annotations

import sys
from pathlib import Path

SIDES = (".zh.txt", ".en.txt")


def pairs(files: list[str]) -> list[list[str]]:
    """The article pairs (or one-file articles) the changed files belong to, each once."""
    out: dict[str, list[str]] = {}
    for name in files:
        side = next((s for s in SIDES if name.endswith(s)), None)
        if side is None:
            out.setdefault(name, [name])
            continue
        stem = name[: -len(side)]
        zh, en = Path(stem + ".zh.txt"), Path(stem + ".en.txt")
        if zh.is_file() and en.is_file():
            out.setdefault(stem, [str(zh), str(en)])
    return list(out.values())


def _split(argv: list[str]) -> tuple[list[str], list[str]]:
    """(check options, article files): a file is an argument ending in .txt that is not the
    value of an option."""
    options: list[str] = []
    files: list[str] = []
    takes_value = False
    for arg in argv:
        if takes_value:
            options.append(arg)
            takes_value = False
        elif arg.startswith("-"):
            options.append(arg)
            takes_value = "=" not in arg and arg not in ("--presegmented", "--update-baseline")
        elif arg.endswith(".txt"):
            files.append(arg)
        else:
            options.append(arg)
    return options, files


def main(argv: list[str] | None = None) -> None:
    from xcheck.cli import main as cli_main

    options, files = _split(sys.argv[1:] if argv is None else argv)
    worst = 0
    for pair in pairs(files):
        try:
            cli_main(["check", *pair, *options])
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else 2
            worst = max(worst, code)
    sys.exit(worst)


if __name__ == "__main__":
    main()
