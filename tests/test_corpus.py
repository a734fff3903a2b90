"""``xcheck corpus``: layouts, manifests, streaming output, failures, exit codes."""

from __future__ import annotations

import json
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import CORPORA, ROOT, SEED
from xcheck.cli import app
from xcheck.corpus import discover

runner = CliRunner()
PAIRS = CORPORA / "pairs"
NAMES = ["seed", "tw-chip-exports", "cn-ev-exports"]


def _copy(folder: Path, names: list[str] = NAMES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in names:
        for lang in ("zh", "en"):
            shutil.copy(PAIRS / f"{n}.{lang}.txt", folder / f"{n}.{lang}.txt")
    return folder


def test_layouts(tmp_path: Path) -> None:
    a = _copy(tmp_path / "a")
    shutil.copy(SEED, a / "bilingual.txt")
    assert [p.id for p in discover(a)] == ["bilingual", "cn-ev-exports", "seed",
                                           "tw-chip-exports"]
    assert discover(a)[0].en is None
    b = tmp_path / "b"
    (b / "zh").mkdir(parents=True)
    (b / "en").mkdir()
    shutil.copy(PAIRS / "seed.zh.txt", b / "zh" / "one.txt")
    shutil.copy(PAIRS / "seed.en.txt", b / "en" / "one.txt")
    shutil.copy(PAIRS / "seed.zh.txt", b / "zh" / "lonely.txt")
    pairs = {p.id: p for p in discover(b)}
    assert pairs["one"].en == str(b / "en" / "one.txt")
    assert pairs["lonely"].problem


def test_jsonl_to_stdout_with_ids_and_a_bad_pair(tmp_path: Path) -> None:
    folder = _copy(tmp_path / "c")
    (folder / "broken.zh.txt").write_text("  \n", "utf-8")  # empty: unreadable as an article
    (folder / "broken.en.txt").write_text("The English side.\n", "utf-8")
    r = runner.invoke(app, ["corpus", str(folder), "--format", "jsonl", "--jobs", "1",
                            "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert len(lines) == len(NAMES)
    ids = [json.loads(line)["id"] for line in lines]
    assert ids == sorted(NAMES)
    assert all("findings" in json.loads(line) for line in lines)
    assert "xcheck: broken:" in r.stderr
    assert "failures" in r.stderr  # the summary goes to stderr when stdout carries jsonl


def test_output_folder_all_formats_in_parallel(tmp_path: Path) -> None:
    folder = _copy(tmp_path / "in")
    out = tmp_path / "out"
    r = runner.invoke(app, ["corpus", str(folder), "-o", str(out), "-f", "html,junit",
                            "-f", "sarif", "--format", "jsonl", "--format", "markdown",
                            "--jobs", "2", "--fail-on", "warning"])
    assert r.exit_code == 1, r.output  # the pairs have warnings
    for n in NAMES:
        for ext in ("html", "junit.xml", "sarif", "md"):
            assert (out / "reports" / f"{n}.{ext}").is_file(), (n, ext)
    index = (out / "index.html").read_text("utf-8")
    assert all(f'href="reports/{n}.html"' in index for n in NAMES)
    root = ET.parse(out / "junit.xml").getroot()
    assert len(root.findall("./testsuite/testcase")) == len(NAMES)
    assert root.get("tests") == str(len(NAMES))
    assert len((out / "corpus.jsonl").read_text("utf-8").splitlines()) == len(NAMES)
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    assert summary["pairs"] == summary["checked"] == len(NAMES)
    assert summary["findings"]["warning"] > 0
    assert "xcheck corpus" in r.stdout and "slowest pairs" in r.stdout


def test_nothing_checkable_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "x.zh.txt").write_bytes(bytes(range(256)) * 4)  # binary
    (folder / "x.en.txt").write_text("English too\n", "utf-8")
    r = runner.invoke(app, ["corpus", str(folder), "--jobs", "1"])
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1].startswith("xcheck: no pair could be checked")
    r = runner.invoke(app, ["corpus", str(tmp_path / "missing")])
    assert r.exit_code == 2


def test_manifest_and_escapes(tmp_path: Path) -> None:
    folder = _copy(tmp_path / "m" / "data", ["seed"])
    manifest = tmp_path / "m" / "pairs.jsonl"
    manifest.write_text(json.dumps({"id": "s1", "zh": "data/seed.zh.txt",
                                    "en": "data/seed.en.txt"}) + "\n", "utf-8")
    r = runner.invoke(app, ["corpus", str(manifest), "-f", "jsonl", "-j", "1",
                            "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["id"] == "s1"
    assert folder.is_dir()
    for bad in ("../secret.txt", "data/../../secret.txt", "/etc/passwd"):
        manifest.write_text(json.dumps({"id": "x", "zh": bad, "en": "data/seed.en.txt"})
                            + "\n", "utf-8")
        r = runner.invoke(app, ["corpus", str(manifest)])
        assert r.exit_code == 2, bad
        assert r.stderr.startswith("xcheck: ") and len(r.stderr.splitlines()) == 1


def test_unknown_format_and_format_without_output(tmp_path: Path) -> None:
    folder = _copy(tmp_path / "f", ["seed"])
    assert runner.invoke(app, ["corpus", str(folder), "-f", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["corpus", str(folder), "-f", "html"]).exit_code == 2


def test_corpus_baseline(tmp_path: Path) -> None:
    folder = _copy(tmp_path / "b", ["seed", "tw-chip-exports"])
    base = tmp_path / "base.json"
    r = runner.invoke(app, ["corpus", str(folder), "--baseline", str(base), "-j", "1",
                            "--fail-on", "info"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["corpus", str(folder), "--baseline", str(base), "-j", "1",
                            "--fail-on", "info", "-f", "jsonl"])
    assert r.exit_code == 0
    assert all(json.loads(line)["findings"] == [] for line in r.stdout.splitlines())


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_symlinked_repeats(tmp_path: Path, jobs: str) -> None:
    folder = tmp_path / "rep"
    folder.mkdir()
    for k in range(6):
        for lang in ("zh", "en"):
            (folder / f"p{k}.{lang}.txt").symlink_to(PAIRS / f"{NAMES[k % 3]}.{lang}.txt")
    # The links lead outside the folder: read only when asked (tests/test_discovery.py).
    r = runner.invoke(app, ["corpus", str(folder), "-f", "jsonl", "-j", jobs,
                            "--fail-on", "never", "--follow-symlinks"])
    assert r.exit_code == 0, r.output
    assert [json.loads(x)["id"] for x in r.stdout.splitlines()] == [f"p{k}" for k in range(6)]


def test_the_library_runs_a_corpus_without_the_cli(tmp_path: Path) -> None:
    import io

    from xcheck.corpus import format_list, plan, run_corpus
    from xcheck.settings import Settings

    folder = _copy(tmp_path / "in", NAMES[:2])
    out = tmp_path / "out"
    formats = format_list(["jsonl,html", "json"])
    assert formats == ["jsonl", "html", "json"]
    run_plan = plan(Settings(), (), formats, out, "error", tmp_path / "base.json")
    assert run_plan.write_baseline and run_plan.formats == ("json", "jsonl", "html")
    seen: list[str] = []
    stream = io.StringIO()
    outcome = run_corpus(discover(folder), run_plan, 1, jsonl_stream=stream,
                         on_result=lambda r: seen.append(r.id))
    assert seen == sorted(NAMES[:2]) and outcome.totals.checked == 2
    assert stream.getvalue() == ""  # with an output folder, jsonl goes to corpus.jsonl
    assert len((out / "corpus.jsonl").read_text("utf-8").splitlines()) == 2
    assert {"index.html", "summary.json"} <= {p.name for p in out.iterdir()}
    assert outcome.suppressions_written is not None and (tmp_path / "base.json").exists()
    assert "import xcheck.cli" not in (Path(__file__).parents[1] / "xcheck" / "corpus.py") \
        .read_text("utf-8")


def test_corpus_worker_runs_without_the_unix_only_resource_module(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from xcheck.corpus_worker import Job, Task, check_task
    from xcheck.io import FileBytes

    monkeypatch.setitem(sys.modules, "resource", None)  # as on Windows: import fails
    seed = ROOT / "corpora" / "seed.txt"
    result = check_task(Task("seed", "seed", FileBytes(str(seed), seed.read_bytes())), Job())
    assert result.ok and result.rss_kb == 0
