"""Fuzz the command line: random settings, config files, file names, side files, formats and
outputs, as a hostile or careless user would give them; print what was tried and found.

Every case must end in exit code 0, 1 or 2 (2 with one ``xcheck: ...`` line on stderr): an
exit code 3 (internal error), a traceback on any stream, a case over its time budget (a hang)
or a process over its memory budget is a failure, printed with its arguments. Cases run in
this process through ``xcheck.cli.main`` (the console script's entry) for speed; every
``--subprocess-every``-th case is also run as a real process with a timeout (hangs that only
a real process shows: FIFOs, closed pipes).

Usage: python benchmarks/fuzz_cli.py [--cases 20000] [--seed 0] [--case-seconds 20]
       [--budget-mb 2000] [--subprocess-every 1000]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from xcheck.cli import main  # noqa: E402

ZH = ["台北市政府今天宣布新的交通政策。", "市長表示，新政策將在下個月開始實施。",
      "新华社北京3月15日电，国务院召开常务会议。", "據統計，去年共有1,234人受傷。",
      "烏克蘭總統澤連斯基表示願意談判。", "（完）"]
EN = ["The Taipei city government announced a new transport policy today.",
      "The mayor said the new policy will take effect next month.",
      "The State Council held an executive meeting in Beijing on March 15, Xinhua reported.",
      "Last year 1,234 people were injured, according to statistics.",
      "Ukrainian President Volodymyr Zelensky said he was willing to negotiate.", "(End)"]
ODD = ["\x1b[2J", "\x1b]0;owned\x07", "\x07", "\x7f", "\x9b", "\x00", "@octocat", "#12",
       "::error::x", "%0A", "\u202e", "\ud800", "\r", "\t", "<script>", "é", "\U0001f600"]
FORMATS = ["text", "json", "jsonl", "markdown", "html", "sarif", "junit", "github"]
ENCODINGS = ["utf-8", "gb18030", "big5", "utf-16", "rot13", "base64", "klingon", "",
             "latin-1", "utf-8-sig", "ascii", "zlib"]
NAME_PARTS = [b"a", b"caf\xe9", b"\xff\xfe", b"x\x1b[2Jy", b"sp ace", b"new\nline", b"-dash",
              b"\xe4\xb8\xad\xe6\x96\x87", b"tab\t", b"%s%n", b"..", b"q'\"", b"a" * 200]
# Settings-file keys with values of every type (and a few of the right one).
VALUES: list[Any] = [True, False, 0, 1, -5, 7, 16, 17, 1000, 10**30, 0.5, -1.0, 1e308,
                     float("inf"), float("nan"), "no", "5", "abc", "", "utf-8", "rot13",
                     [], [1, 2], {}, {"a": 1}, "error", "zh"]
TOP_KEYS = ["presegmented", "encoding", "max_bytes", "max_sentences", "glossary", "fail_on",
            "user_dict", "source", "rules", "align", "checks", "bogus"]
ALIGN_KEYS = ["max_bead", "null_penalty", "merge_penalty", "length_weight", "band_half_width",
              "names", "embeddings", "unrelated_threshold", "embed_span", "band_fine_above",
              "mt_weight", "shape_1_2", "nonsense"]
CHECK_KEYS = ["headline_max_chars", "min_content_words", "name_window", "mt_missing",
              "strong_number", "quote_min_words", "name_sound", "unknown_threshold"]


def toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return "inf" if v == float("inf") else "nan" if v != v else repr(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    return "{" + ", ".join(f"{k} = {toml_value(x)}" for k, x in v.items()) + "}"


@dataclass
class Case:
    args: list[str]
    folder: Path


@dataclass
class Tally:
    cases: int = 0
    exits: Counter[int] = field(default_factory=Counter)
    tracebacks: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    bad_errors: list[str] = field(default_factory=list)  # exit 2 without one clean line
    over_memory: list[str] = field(default_factory=list)
    slowest: float = 0.0
    peak_rss_mb: float = 0.0
    max_growth_mb: float = 0.0
    subprocess_runs: int = 0


class Hung(BaseException):  # not an Exception: nothing in xcheck may catch it
    pass


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


class Builder:
    """Random files and arguments for one case, in a fresh folder."""

    def __init__(self, rng: random.Random, folder: Path) -> None:
        self.rng = rng
        self.folder = folder
        self.inputs: list[str] = []

    def name(self, suffix: str) -> str:
        r = self.rng
        stem = b"".join(r.sample(NAME_PARTS, r.randint(1, 2))).replace(b"/", b"_")
        stem = stem.replace(b"\x00", b"") or b"n"
        raw = bytes(self.folder) + b"/" + stem[:120] + f"{r.randint(0, 999)}{suffix}".encode()
        return os.fsdecode(raw)

    def article(self, lines: list[str]) -> str:
        r = self.rng
        k = r.randint(1, 4)
        picked = [r.choice(lines) for _ in range(k)]
        if r.random() < 0.3:
            picked.insert(r.randint(0, len(picked)), r.choice(ODD) + r.choice(lines))
        if r.random() < 0.1:
            picked = picked * r.randint(2, 30)  # runs of identical sentences
        return "\n".join(picked) + "\n"

    def write(self, path: str, text: str | bytes) -> str:
        if isinstance(text, str):
            encoding = self.rng.choice(["utf-8", "utf-8", "gb18030", "utf-16"])
            # (a lone surrogate is written as UTF-8 would carry it: invalid bytes)
            text = text.encode(encoding, "surrogatepass" if encoding == "utf-8" else "ignore")
        data = text
        Path(path).write_bytes(data)
        return path

    def special(self) -> str | None:
        """Sometimes a path that is not a regular file with text in it."""
        r = self.rng
        roll = r.random()
        if roll < 0.03:
            p = self.name(".fifo")
            os.mkfifo(p)
            return p
        if roll < 0.05:
            return r.choice(["/dev/zero", "/dev/null", "/dev/full", "/dev/urandom"])
        if roll < 0.07:
            return str(self.folder)
        if roll < 0.09:
            return self.name(".missing")
        if roll < 0.11:
            return self.write(self.name(".bin"), bytes(r.randrange(256) for _ in range(300)))
        if roll < 0.12:
            return self.write(self.name(".empty"), b"")
        return None

    def input(self, lines: list[str]) -> str:
        p = self.special() or self.write(self.name(".txt"), self.article(lines))
        self.inputs.append(p)
        return p

    def config(self) -> str:
        r = self.rng
        roll = r.random()
        if roll < 0.1:
            return self.special() or self.write(self.name(".toml"), "this = is = not toml")
        body: list[str] = []
        for key in r.sample(TOP_KEYS, r.randint(0, 3)):
            if key in ("align", "checks"):
                keys = ALIGN_KEYS if key == "align" else CHECK_KEYS
                body.append(f"[{key}]" if r.random() < 0.9 else f"{key} = 5")
                body += [f"{k} = {toml_value(r.choice(VALUES))}"
                         for k in r.sample(keys, r.randint(1, 3))]
            elif key == "rules":
                body.append(f"rules = {toml_value(r.choice(VALUES))}")
            else:
                body.insert(0, f"{key} = {toml_value(r.choice(VALUES))}")
        text = "\n".join(body) + "\n"
        if r.random() < 0.3:  # a pyproject.toml
            text = "[tool.xcheck]\n" + text.replace("[align]", "[tool.xcheck.align]").replace(
                "[checks]", "[tool.xcheck.checks]")
            return self.write(str(self.folder / "pyproject.toml"), text)
        return self.write(self.name(".toml"), text)

    def glossary(self) -> str:
        r = self.rng
        rows = [f"{r.choice(['台北', '市長', '新政策', '#c', ''])}{r.choice([chr(9), ','])}"
                f"{r.choice(['Taipei', 'mayor', '', 'policy'])}" for _ in range(r.randint(0, 5))]
        if r.random() < 0.05:
            rows.append("台" * r.choice([300, 200_000]) + "\tX")
        return self.special() or self.write(self.name(".tsv"), "\n".join(rows) + "\n")

    def baseline(self) -> str:
        r = self.rng
        roll = r.random()
        if roll < 0.4:
            return self.name(".json")  # missing: written with every finding
        text = r.choice(['{"version": 1, "suppressions": []}', "[]", "{", '{"version": 2}',
                         '{"version": 1, "suppressions": [{"fingerprint": 5}]}',
                         "[" * 100_000])
        return self.special() or self.write(self.name(".json"), text)

    def output(self) -> str:
        r = self.rng
        roll = r.random()
        if roll < 0.1 and self.inputs:
            return r.choice(self.inputs)  # an input: must be refused
        if roll < 0.15:
            return r.choice(["/dev/full", str(self.folder), str(self.folder / "no" / "x")])
        return self.name(".out")


def make_case(rng: random.Random, folder: Path) -> Case:
    b = Builder(rng, folder)
    command = rng.choices(["check", "align", "segment", "corpus"], [60, 20, 12, 8])[0]
    args: list[str] = [command]
    if command == "segment":
        args.append(b.input(rng.choice([ZH, EN])))
    elif command == "corpus":
        sub = folder / "pairs"
        sub.mkdir()
        bb = Builder(rng, sub)
        for _ in range(rng.randint(1, 3)):
            stem = bb.name("")
            bb.write(stem + ".zh.txt", bb.article(ZH))
            if rng.random() < 0.9:
                bb.write(stem + ".en.txt", bb.article(EN))
            if rng.random() < 0.1:
                bb.write(stem + ".txt", bb.article(ZH) + bb.article(EN))
        if rng.random() < 0.1:
            os.symlink("/etc/hostname", sub / "link.en.txt")
            bb.write(str(sub / "link.zh.txt"), bb.article(ZH))
        args += [str(sub), "-j", "1"]
    elif rng.random() < 0.15:
        args.append(b.write(b.name(".txt"), b.article(ZH) + b.article(EN)))  # one file
    else:
        args += [b.input(ZH), b.input(EN)]
    opts: list[list[str]] = []
    formats = FORMATS if command == "check" else ["beads", "json", "text", "lines"]
    if command != "corpus":
        opts.append(["-f", rng.choice(formats)])
    else:
        opts.append(["-f", "jsonl"] if rng.random() < 0.5 else
                    ["-f", ",".join(rng.sample(FORMATS, 2)), "-o", str(folder / "out")])
    if rng.random() < 0.3:
        opts.append(["--max-bead", str(rng.choice([-5, 0, 1, 2, 7, 16, 17, 1000]))])
    if rng.random() < 0.2:
        opts.append(["--max-bytes", str(rng.choice([1, 50, 10**6, 10**30]))])
    if rng.random() < 0.2:
        opts.append(["--max-sentences", str(rng.choice([0, 1, 2, 10_000]))])
    if rng.random() < 0.2:
        opts.append(["--encoding", rng.choice(ENCODINGS)])
    if rng.random() < 0.2:
        opts.append(["--presegmented"])
    if rng.random() < 0.3:
        opts.append(["--config", b.config()])
    if command in ("check", "corpus"):
        if rng.random() < 0.25:
            opts.append(["--glossary", b.glossary()])
        if rng.random() < 0.2:
            opts.append(["--baseline", b.baseline()])
            if rng.random() < 0.3:
                opts.append(["--update-baseline"])
        if rng.random() < 0.3:
            opts.append(["--fail-on", rng.choice(["error", "warning", "info", "never"])])
    if command in ("check", "align") and rng.random() < 0.1:
        opts.append(["--mt", b.input(EN)])
    if command != "corpus" and rng.random() < 0.4:
        opts.append(["-o", b.output()])
    if rng.random() < 0.03:
        opts.append([rng.choice(["--bogus", "--max-bead", "-f"])])  # a usage error
    rng.shuffle(opts)
    for o in opts:
        args += o
    return Case(args, folder)


def run_in_process(case: Case, seconds: int) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()

    def alarm(signum: int, frame: object) -> None:
        raise Hung()

    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main(case.args)
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    return code, out.getvalue(), err.getvalue()


def run_subprocess(case: Case, seconds: int) -> tuple[int | None, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        r = subprocess.run([sys.executable, "-m", "xcheck", *case.args], env=env,
                           capture_output=True, timeout=seconds, cwd=case.folder,
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None, ""
    return r.returncode, r.stderr.decode("utf-8", "replace")


def shown_args(args: list[str]) -> str:
    return " ".join(repr(a) if not a.isprintable() or " " in a else a for a in args)[:400]


def judge(t: Tally, case: Case, code: int | None, err: str, out: str, how: str) -> None:
    t.exits[code if code is not None else -1] += 1
    label = f"[{how}] {shown_args(case.args)}"
    found: list[str] | None = None
    if code is None:
        found, label = t.hangs, label
    elif code == 3 or "Traceback (most recent call last)" in err + out:
        found, label = t.tracebacks, f"{label}\n    {err.strip()[:300]}"
    elif code not in (0, 1, 2):
        found, label = t.tracebacks, f"{label}\n    exit {code}: {err.strip()[:300]}"
    elif code == 2:
        lines = err.strip().splitlines()
        if not lines or not all(line.startswith("xcheck: ") for line in lines[-1:]):
            found, label = t.bad_errors, f"{label}\n    {err.strip()[:300]}"
    if found is not None:
        found.append(label)
        print(f"FOUND: {label}", flush=True)  # at once: a long run is watched as it goes


def main_fuzz() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cases", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--case-seconds", type=int, default=20)
    ap.add_argument("--budget-mb", type=float, default=2000.0)
    ap.add_argument("--subprocess-every", type=int, default=1000)
    ap.add_argument("--skip", type=int, default=0,
                    help="generate but do not run the first N cases (to replay a late one)")
    opts = ap.parse_args()
    rng = random.Random(opts.seed)
    t = Tally()
    base = Path(tempfile.mkdtemp(prefix="xcheck-fuzz-cli-"))
    home = os.getcwd()
    # Warm up (models and dictionaries loaded once, as any long-lived process would): the
    # per-case time budget is for the case, not for the first load.
    warm = base / "warm"
    warm.mkdir()
    (warm / "w.zh.txt").write_text("\n".join(ZH) + "\n", "utf-8")
    (warm / "w.en.txt").write_text("\n".join(EN) + "\n", "utf-8")
    with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):
        main(["check", str(warm / "w.zh.txt"), str(warm / "w.en.txt"), "-f", "json"])
    t0 = time.perf_counter()
    try:
        for k in range(opts.cases):
            folder = base / f"c{k}"
            folder.mkdir()
            os.chdir(folder)  # a pyproject.toml written there is found without --config
            case = make_case(rng, folder)
            if k < opts.skip:
                os.chdir(home)
                shutil.rmtree(folder, ignore_errors=True)
                continue
            before = rss_mb()
            start = time.perf_counter()
            try:
                code: int | None
                code, out, err = run_in_process(case, opts.case_seconds)
            except Hung:
                code, out, err = None, "", ""
            t.slowest = max(t.slowest, time.perf_counter() - start)
            judge(t, case, code, err, out, "in-process")
            after = rss_mb()
            t.peak_rss_mb = max(t.peak_rss_mb, after)
            t.max_growth_mb = max(t.max_growth_mb, after - before)
            if after > opts.budget_mb:
                t.over_memory.append(f"{shown_args(case.args)}: {after:.0f} MB")
            if opts.subprocess_every and k % opts.subprocess_every == opts.subprocess_every // 2:
                code, err = run_subprocess(case, opts.case_seconds * 3)
                t.subprocess_runs += 1
                judge(t, case, code, err, "", "subprocess")
            t.cases += 1
            os.chdir(home)
            shutil.rmtree(folder, ignore_errors=True)
            if (k + 1) % 500 == 0:
                print(f"{k + 1} cases, {time.perf_counter() - t0:.0f} s, exits "
                      f"{dict(sorted(t.exits.items()))}, tracebacks {len(t.tracebacks)}, "
                      f"hangs {len(t.hangs)}, rss {after:.0f} MB", flush=True)
    finally:
        os.chdir(home)
        shutil.rmtree(base, ignore_errors=True)
    seconds = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"\n{t.cases} cases in {seconds:.0f} s ({seconds / max(t.cases, 1) * 1000:.0f} ms "
          f"each; slowest {t.slowest:.1f} s, budget {opts.case_seconds} s), "
          f"{t.subprocess_runs} also as a subprocess")
    print(f"exit codes: {dict(sorted(t.exits.items()))}")
    print(f"tracebacks / internal errors: {len(t.tracebacks)}")
    print(f"hangs (over the time budget): {len(t.hangs)}")
    print(f"exit 2 without a clean 'xcheck: ' line: {len(t.bad_errors)}")
    print(f"memory: peak RSS {peak_kb / 1000:.0f} MB, largest growth in one case "
          f"{t.max_growth_mb:.0f} MB, budget {opts.budget_mb:.0f} MB, over budget "
          f"{len(t.over_memory)}")
    for title, items in (("TRACEBACKS", t.tracebacks), ("HANGS", t.hangs),
                         ("UNCLEAN ERRORS", t.bad_errors), ("OVER MEMORY", t.over_memory)):
        for item in items[:20]:
            print(f"{title}: {item}")
    return 1 if t.tracebacks or t.hangs or t.bad_errors or t.over_memory else 0


if __name__ == "__main__":
    sys.exit(main_fuzz())
