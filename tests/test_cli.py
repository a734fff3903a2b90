"""The CLI through Typer's runner: output, formats and exit codes."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tests.conftest import CORPORA, SEED
from xcheck.cli import app

runner = CliRunner()
PAIR = (str(CORPORA / "pairs" / "seed.zh.txt"), str(CORPORA / "pairs" / "seed.en.txt"))


def test_help_lists_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("check", "align", "segment"):
        assert command in result.output


def test_segment_lines_and_json() -> None:
    result = runner.invoke(app, ["segment", str(SEED), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    headline = "烏克蘭總統澤連斯基公開表態,指出烏克蘭已放棄「加入北約」"
    assert result.output.splitlines()[0] == headline
    result = runner.invoke(app, ["segment", PAIR[1], "--format", "json", "--words"])
    data = json.loads(result.output)
    assert data["lang"] == "en"
    text = (CORPORA / "pairs" / "seed.en.txt").read_text("utf-8")
    first = data["sentences"][0]
    assert text[first["start"] : first["end"]].startswith("A highly significant")
    assert text[slice(*first["words"][0])] == "A"


def test_check_json_contract_and_exit_codes() -> None:
    result = runner.invoke(app, ["check", *PAIR, "--format", "json"])
    assert result.exit_code == 0, result.output  # no error-level finding in the seed
    data = json.loads(result.output)
    assert {"xcheck", "settings", "zh", "en", "alignment", "findings", "summary"} <= set(data)
    assert data["zh"]["script"] == "traditional"
    rules = {f["rule"] for f in data["findings"]}
    assert "time-expression-added" in rules
    for f in data["findings"]:
        assert f["category"] in {"zh_only", "en_only", "omission", "addition", "mismatch"}
        assert f["severity"] in {"error", "warning", "info"}
        assert len(f["fingerprint"]) == 8
    zh_ids = [i for b in data["alignment"] for i in b["zh"]]
    assert zh_ids == list(range(len(data["zh"]["sentences"])))
    warn = runner.invoke(app, ["check", *PAIR, "--format", "json", "--fail-on", "warning"])
    assert warn.exit_code == 1
    never = runner.invoke(app, ["check", *PAIR, "--format", "json", "--fail-on", "never"])
    assert never.exit_code == 0


def test_check_one_file_text_report() -> None:
    result = runner.invoke(app, ["check", str(SEED), "--fail-on", "never"])
    assert result.exit_code == 0
    assert "ignored lines: 18: '- 1'" in result.output
    assert "[[this weekend]]" in result.output
    assert result.output.rstrip().splitlines()[-1].startswith("xcheck 0.1.0|max_bead=7")


def test_align_beads(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "beads.txt"
    result = runner.invoke(app, ["align", *PAIR, "-o", str(out)])
    assert result.exit_code == 0
    lines = out.read_text().splitlines()
    assert lines[0] == "[0]:[]"  # the untranslated headline
    side = runner.invoke(app, ["align", *PAIR, "--format", "text"])
    assert "|" in side.output


def test_bad_input_is_one_line_exit_2(tmp_path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    cases = [
        ["check", str(tmp_path / "missing.zh.txt"), PAIR[1]],
        ["check", str(empty), PAIR[1]],
        ["check", str(binary), PAIR[1]],
        ["check", PAIR[1], PAIR[0]],  # swapped
        ["segment", str(tmp_path)],
        ["check", *PAIR, "--encoding", "nope"],
    ]
    for args in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        err = result.stderr.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("xcheck: "), (args, result.stderr)


def test_align_warns_on_unrelated_texts() -> None:
    zh = str(CORPORA / "pairs" / "cn-flood-meizhou.zh.txt")
    en = str(CORPORA / "pairs" / "tw-baseball-final.en.txt")
    result = runner.invoke(app, ["align", zh, en])
    assert result.exit_code == 0
    assert "xcheck: warning: the two texts look unrelated" in result.stderr
    related = runner.invoke(app, ["align", *PAIR])
    assert "unrelated" not in related.stderr


def test_public_api_names_stay_functions() -> None:
    import xcheck

    report = xcheck.check(*PAIR)
    assert report.findings
    assert len(xcheck.align(*PAIR).beads) == len(report.alignment.beads)
    assert xcheck.segment(PAIR[0]).sentences  # not shadowed by a submodule of that name


def test_usage_errors_are_one_line_exit_2(capsys) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from xcheck.cli import main

    for argv in (["check"], ["check", "a", "b", "c"], ["check", PAIR[0], "--format", "bogus"],
                 ["bogus"], ["check", *PAIR, "--max-bytes", "0"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2, argv
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("xcheck: "), (argv, err)
    with pytest.raises(SystemExit) as exit_info:
        main(["check", *PAIR, "--fail-on", "warning", "--format", "json"])
    assert exit_info.value.code == 1


def test_segment_one_file_article_splits_both_languages() -> None:
    result = runner.invoke(app, ["segment", str(SEED), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert (len(data["zh"]["sentences"]), len(data["en"]["sentences"])) == (25, 26)
    assert [li["text"] for li in data["zh"]["ignored"]] == ["- 1", "- 2", "- 3", "- 4"]
    lines = runner.invoke(app, ["segment", str(SEED)]).output.splitlines()
    assert lines[-1] == "# ignored line 21: - 4"
    assert "A highly significant political turning point" in lines[lines.index("") + 1] or any(
        line.startswith("A highly significant") for line in lines)


def test_align_manifest_one_process(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    for name in ("seed.zh.txt", "seed.en.txt"):
        shutil.copy(CORPORA / "pairs" / name, tmp_path / name)
    shutil.copy(CORPORA / "pairs" / "cn-flood-meizhou.zh.txt", tmp_path / "f.zh.txt")
    shutil.copy(CORPORA / "pairs" / "cn-flood-meizhou.en.txt", tmp_path / "f.en.txt")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text('{"id": "seed", "zh": "seed.zh.txt", "en": "seed.en.txt"}\n'
                        '{"id": "flood", "zh": "f.zh.txt", "en": "f.en.txt"}\n', "utf-8")
    single = runner.invoke(app, ["align", *PAIR]).output.splitlines()
    out = tmp_path / "beads.jsonl"
    result = runner.invoke(app, ["align", "--manifest", str(manifest), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["seed", "flood"]
    assert lines[0]["beads"] == single  # the same beads as `xcheck align ZH EN`
    as_path = runner.invoke(app, ["align", str(manifest), "--format", "json"])
    assert as_path.exit_code == 0
    first = json.loads(as_path.stdout.splitlines()[0])
    assert first["id"] == "seed" and first["alignment"][0] == {
        **first["alignment"][0], "zh": [0], "en": []}
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "zh": "missing.zh.txt", "en": "seed.en.txt"}\n', "utf-8")
    failed = runner.invoke(app, ["align", "--manifest", str(bad)])
    assert failed.exit_code == 2 and "error" in json.loads(failed.stdout)
    assert runner.invoke(app, ["align", "--manifest", str(manifest), *PAIR]).exit_code == 2
