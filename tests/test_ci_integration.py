"""The CI integrations, run for real: the pre-commit hook's definition and entry on corpora/,
the composite Action's run steps as a script (as GitHub would run them, with its files for
outputs and the job summary), and the README's CI examples parsed as YAML."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import CORPORA, ROOT

ACTION = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))


@pytest.fixture()
def shims(tmp_path: Path) -> dict[str, str]:
    """An environment whose ``xcheck`` and ``xcheck-pre-commit`` are this tree's (what
    ``pip install`` of it puts on PATH)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, code in (("xcheck", "from xcheck.cli import main; main()"),
                       ("xcheck-pre-commit", "from xcheck.hook import main; main()")):
        shim = bin_dir / name
        shim.write_text(f"#!/bin/sh\nexec \"{sys.executable}\" -c '{code}' \"$@\"\n", "utf-8")
        shim.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    env["PYTHONPATH"] = str(ROOT)
    return env


# ---------------------------------------------------------------- pre-commit


def test_the_hook_definition() -> None:
    (hook,) = HOOKS
    assert hook["id"] == "xcheck" and hook["language"] == "python"
    project = (ROOT / "pyproject.toml").read_text("utf-8")
    assert f'{hook["entry"]} = "xcheck.hook:main"' in project  # a console script we install
    files = re.compile(hook["files"])
    assert files.search("corpora/pairs/cn-ev-exports.zh.txt")
    assert files.search("corpora/pairs/cn-ev-exports.en.txt")
    assert not files.search("corpora/README.md") and not files.search("corpora/seed.txt")


def _hook(files: list[str], args: list[str],
          env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    (hook,) = HOOKS
    chosen = [f for f in files if re.search(hook["files"], f)]  # what pre-commit passes
    return subprocess.run([hook["entry"], *args, *chosen], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600, check=False)


def test_the_hook_checks_each_changed_pair(shims: dict[str, str]) -> None:
    changed = ["corpora/pairs/cn-flood-meizhou.zh.txt", "corpora/pairs/cn-flood-meizhou.en.txt",
               "corpora/pairs/tw-court-fraud.en.txt", "corpora/README.md"]
    proc = _hook(changed, ["--fail-on", "warning"], shims)
    assert proc.returncode == 1, proc.stderr
    heads = re.findall(r"^zh: (\S+) .* en: (\S+) ", proc.stdout, re.MULTILINE)
    assert heads == [("corpora/pairs/cn-flood-meizhou.zh.txt",
                      "corpora/pairs/cn-flood-meizhou.en.txt"),
                     ("corpora/pairs/tw-court-fraud.zh.txt", "corpora/pairs/tw-court-fraud.en.txt")]
    quiet = _hook(changed, ["--fail-on", "never"], shims)
    assert quiet.returncode == 0


def test_the_hook_reports_bad_options(shims: dict[str, str]) -> None:
    proc = _hook(["corpora/pairs/cn-ev-exports.zh.txt"], ["--fail-on", "sometimes"], shims)
    assert proc.returncode == 2 and proc.stderr.startswith("xcheck: ")


# ---------------------------------------------------------------- the GitHub Action


def _expand(value: str, inputs: dict[str, str], outputs: dict[str, str]) -> str:
    def one(m: re.Match[str]) -> str:
        expr = m.group(1).strip()
        if expr.startswith("inputs."):
            return inputs[expr[len("inputs."):]]
        if expr.startswith("steps.run.outputs."):
            return outputs.get(expr[len("steps.run.outputs."):], "")
        raise AssertionError(f"unexpected expression {expr!r}")

    return re.sub(r"\$\{\{(.*?)\}\}", one, value)


def run_action(tmp: Path, env: dict[str, str], given: dict[str, str]) -> dict[str, Any]:
    """The Action's steps as GitHub runs them: `run` steps through bash with the step's env,
    $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY files; `uses` steps are returned for checks."""
    inputs = {k: str(v.get("default", "")) for k, v in ACTION["inputs"].items()}
    assert set(given) <= set(inputs)
    inputs.update(given)
    summary, output_file = tmp / "summary.md", tmp / "output.txt"
    summary.touch()
    outputs: dict[str, str] = {}
    logs: list[str] = []
    used: list[dict[str, Any]] = []
    code = 0
    for step in ACTION["runs"]["steps"]:
        if "uses" in step:
            used.append({"uses": step["uses"], "if": step.get("if", ""), "with": {
                k: _expand(str(v), inputs, outputs) for k, v in step.get("with", {}).items()}})
            continue
        if step["name"] == "Install xcheck":  # the shims stand for the installed package
            assert '"$GITHUB_ACTION_PATH"' in step["run"]
            continue
        assert "${{" not in step["run"]  # inputs reach scripts through env only
        step_env = {**env, "GITHUB_OUTPUT": str(output_file),
                    "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_ACTION_PATH": str(ROOT),
                    **{k: _expand(str(v), inputs, outputs)
                       for k, v in step.get("env", {}).items()}}
        # As GitHub runs a bash step: bash --noprofile --norc -eo pipefail {0}
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                               step["run"]], cwd=tmp, env=step_env, capture_output=True,
                              text=True, timeout=900, check=False)
        logs.append(proc.stdout)
        code = proc.returncode
        if output_file.exists():
            outputs.update(line.split("=", 1) for line in
                           output_file.read_text("utf-8").splitlines() if "=" in line)
        if code:
            break
    return {"code": code, "outputs": outputs, "summary": summary.read_text("utf-8"),
            "log": "\n".join(logs), "uses": used}


def test_the_action_on_one_pair(tmp_path: Path, shims: dict[str, str]) -> None:
    pair = CORPORA / "pairs"
    ran = run_action(tmp_path, shims, {"path": str(pair / "cn-flood-meizhou.zh.txt"),
                                       "english": str(pair / "cn-flood-meizhou.en.txt"),
                                       "fail-on": "warning"})
    assert ran["outputs"]["exit-code"] == "1" and ran["code"] == 1  # the last step fails
    assert re.search(r"^::warning file=.*cn-flood-meizhou", ran["log"], re.MULTILINE)
    assert "### xcheck: " in ran["summary"] and "**failed**" in ran["summary"]
    sarif = tmp_path / ran["outputs"]["sarif"]
    log = json.loads(sarif.read_text("utf-8"))
    assert log["version"] == "2.1.0" and log["runs"][0]["invocations"][0]["exitCode"] == 1
    (setup, upload) = ran["uses"]
    assert setup["uses"].startswith("actions/setup-python@")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == ran["outputs"]["sarif"]


def test_the_action_on_a_corpus(tmp_path: Path, shims: dict[str, str]) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("cn-ev-exports", "tw-court-fraud"):
        for lang in ("zh", "en"):
            shutil.copy(CORPORA / "pairs" / f"{name}.{lang}.txt", folder)
    ran = run_action(tmp_path, shims, {"path": "articles", "fail-on": "never"})
    assert ran["code"] == 0 and ran["outputs"]["exit-code"] == "0"
    out = tmp_path / ran["outputs"]["sarif"]
    assert sorted(p.name for p in out.glob("*.sarif")) == ["cn-ev-exports.sarif",
                                                          "tw-court-fraud.sarif"]
    ids = {json.loads(p.read_text("utf-8"))["runs"][0]["automationDetails"]["id"]
           for p in out.glob("*.sarif")}
    assert ids == {"xcheck/cn-ev-exports", "xcheck/tw-court-fraud"}  # one category per run
    assert ran["summary"].count("### xcheck: ") == 2
    assert (out / "junit.xml").exists()


# ---------------------------------------------------------------- the README's examples


def _yaml_after(heading: str) -> Any:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split(heading, 1)[1]
    block = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    return yaml.safe_load(block)


def test_readme_github_workflow() -> None:
    workflow = _yaml_after("### GitHub Actions")
    (job,) = workflow["jobs"].values()
    assert workflow["permissions"]["security-events"] == "write"
    steps = job["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@")
    (xcheck_step,) = [s for s in steps if s.get("uses") == "./"]
    assert set(xcheck_step["with"]) <= set(ACTION["inputs"])
    assert all(k in xcheck_step["with"] for k, v in ACTION["inputs"].items()
               if v.get("required"))
    assert (ROOT / xcheck_step["with"]["path"]).exists()


def test_readme_gitlab_job() -> None:
    config = _yaml_after("### GitLab CI")
    (job,) = [v for k, v in config.items() if isinstance(v, dict) and "script" in v]
    script = " ".join(job["script"])
    m = re.search(r"xcheck corpus (\S+) --output (\S+) --format (\S+)", script)
    assert m and (ROOT / m.group(1)).exists() and "junit" in m.group(3).split(",")
    assert job["artifacts"]["reports"]["junit"] == f"{m.group(2)}/junit.xml"
    assert job["artifacts"]["when"] == "always"


def test_readme_pre_commit_config() -> None:
    config = _yaml_after("### pre-commit")
    (repo,) = config["repos"]
    assert [h["id"] for h in repo["hooks"]] == [h["id"] for h in HOOKS]
