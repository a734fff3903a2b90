"""`xcheck serve`'s JSON API through FastAPI's test client: every endpoint and error, and
reports identical to `xcheck check -f json` for every pair of corpora/."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tests.conftest import CORPORA
from xcheck.cli import app as cli
from xcheck.serve.app import create_app
from xcheck.serve.options import Defaults, ServeOptions
from xcheck.settings import Settings

PAIRS = sorted(p.name.removesuffix(".zh.txt") for p in (CORPORA / "pairs").glob("*.zh.txt"))
FAITHFUL = sorted(p.name.removesuffix(".zh.txt")
                  for p in (CORPORA / "faithful").glob("*.zh.txt"))
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(ServeOptions(workers=1))) as c:
        yield c


@pytest.fixture(scope="module")
def guarded() -> Iterator[TestClient]:
    """A token and a small size limit."""
    options = ServeOptions(token=TOKEN, workers=1, defaults=Defaults(Settings(max_bytes=2000)))
    with TestClient(create_app(options)) as c:
        yield c


@pytest.fixture()
def hurried() -> Iterator[TestClient]:
    """A time limit shorter than any check."""
    with TestClient(create_app(ServeOptions(workers=1, timeout=0.05))) as c:
        yield c


def cli_output(monkeypatch: pytest.MonkeyPatch, folder: Path, *args: str) -> tuple[int, str]:
    """What `xcheck ARGS` prints, run in ``folder`` (so paths in reports are the names)."""
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout if result.exit_code != 2 else result.stderr


def untimed(report: str) -> str:
    """A report without the times of its run (SARIF invocations, JUnit timestamps)."""
    import re

    return re.sub(r'("(?:start|end)TimeUtc": |timestamp=|time=)"[^"]*"', r"\1T", report)


def texts(slug: str) -> tuple[str, str]:
    return ((CORPORA / "pairs" / f"{slug}.zh.txt").read_text("utf-8"),
            (CORPORA / "pairs" / f"{slug}.en.txt").read_text("utf-8"))


@pytest.mark.parametrize("slug", PAIRS)
def test_reports_identical_to_the_cli(client: TestClient, monkeypatch: pytest.MonkeyPatch,
                                      slug: str) -> None:
    zh_name, en_name = f"{slug}.zh.txt", f"{slug}.en.txt"
    code, expected = cli_output(monkeypatch, CORPORA / "pairs", "check", zh_name, en_name,
                                "-f", "json")
    assert code in (0, 1) and expected.startswith("{")
    folder = CORPORA / "pairs"
    upload = client.post("/v1/check", files={
        "zh": (zh_name, (folder / zh_name).read_bytes()),
        "en": (en_name, (folder / en_name).read_bytes())})
    assert upload.status_code == 200, upload.text
    assert upload.headers["content-type"] == "application/json"
    assert upload.text == expected
    zh, en = texts(slug)
    body = client.post("/v1/check", json={"zh": zh, "en": en,
                                          "names": {"zh": zh_name, "en": en_name}})
    assert body.text == expected


@pytest.mark.parametrize("slug", FAITHFUL)
def test_faithful_reports_identical_to_the_cli(client: TestClient,
                                               monkeypatch: pytest.MonkeyPatch,
                                               slug: str) -> None:
    folder = CORPORA / "faithful"
    names = (f"{slug}.zh.txt", f"{slug}.en.txt")
    _, expected = cli_output(monkeypatch, folder, "check", *names, "-f", "json")
    upload = client.post("/v1/check", files={
        side: (name, (folder / name).read_bytes()) for side, name in zip(("zh", "en"), names,
                                                                          strict=True)})
    assert upload.status_code == 200 and upload.text == expected


def test_one_file_and_mt_identical_to_the_cli(client: TestClient,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _, expected = cli_output(monkeypatch, CORPORA, "check", "seed.txt", "--mt",
                             "mt/seed.mt.txt", "-f", "json")
    got = client.post("/v1/check", json={
        "zh": (CORPORA / "seed.txt").read_text("utf-8"),
        "mt": (CORPORA / "mt" / "seed.mt.txt").read_text("utf-8"),
        "names": {"zh": "seed.txt", "mt": "mt/seed.mt.txt"}})
    assert got.status_code == 200 and got.text == expected
    assert json.loads(got.text)["mt"]["used"] is True


def test_other_formats_and_settings_as_the_cli(client: TestClient,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    zh, en = texts("seed")
    names = {"zh": "seed.zh.txt", "en": "seed.en.txt"}
    folder = CORPORA / "pairs"
    for fmt, media in (("markdown", "text/markdown"), ("html", "text/html"),
                       ("sarif", "application/sarif+json"), ("junit", "application/xml")):
        _, expected = cli_output(monkeypatch, folder, "check", "seed.zh.txt", "seed.en.txt",
                                 "-f", fmt, "--source", "zh")
        got = client.post(f"/v1/check?format={fmt}",
                          json={"zh": zh, "en": en, "names": names, "source": "zh"})
        assert got.status_code == 200 and untimed(got.text) == untimed(expected)
        assert got.headers["content-type"].startswith(media)
    _, expected = cli_output(monkeypatch, folder, "check", "seed.zh.txt", "seed.en.txt",
                             "-f", "json", "--max-bead", "3")
    got = client.post("/v1/check", json={"zh": zh, "en": en, "names": names,
                                          "settings": {"max_bead": 3}})
    assert got.text == expected


def test_other_input_formats_as_the_cli(client: TestClient, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """An upload goes through the CLI's loader: its name picks the format (here HTML and
    Markdown), and pasted markup is recognised by its content."""
    from html import escape

    zh, en = texts("seed")
    page = "<!DOCTYPE html><html><body><article>" + "".join(
        f"<p>{escape(p)}</p>" for p in zh.split("\n") if p.strip()) + "</article></body></html>"
    (tmp_path / "seed.zh.html").write_text(page, "utf-8")
    (tmp_path / "seed.en.md").write_text("# " + en, "utf-8")
    code, expected = cli_output(monkeypatch, tmp_path, "check", "seed.zh.html", "seed.en.md",
                                "-f", "json")
    assert code in (0, 1)
    got = client.post("/v1/check", files={
        "zh": ("seed.zh.html", (tmp_path / "seed.zh.html").read_bytes()),
        "en": ("seed.en.md", (tmp_path / "seed.en.md").read_bytes())})
    assert got.status_code == 200 and got.text == expected
    (tmp_path / "seed.en.txt").write_text(en, "utf-8")
    _, expected = cli_output(monkeypatch, tmp_path, "check", "seed.zh.html", "seed.en.txt",
                             "-f", "json")
    pasted = client.post("/v1/check", json={"zh": page, "en": en, "names": {
        "zh": "seed.zh.html", "en": "seed.en.txt"}})
    assert pasted.text == expected
    unnamed = client.post("/v1/check", json={"zh": page, "en": en}).json()
    assert [f["fingerprint"] for f in unnamed["findings"]] == \
        [f["fingerprint"] for f in json.loads(expected)["findings"]]


def test_glossary_as_the_cli(client: TestClient, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    glossary = tmp_path / "desk.tsv"
    glossary.write_text("# the desk's terms\n北約\tNorth Atlantic Treaty Organization\n", "utf-8")
    _, expected = cli_output(monkeypatch, CORPORA / "pairs", "check", "seed.zh.txt",
                             "seed.en.txt", "-f", "json", "--glossary", str(glossary))
    assert '"glossary-term"' in expected
    folder = CORPORA / "pairs"
    got = client.post("/v1/check", files={
        "zh": ("seed.zh.txt", (folder / "seed.zh.txt").read_bytes()),
        "en": ("seed.en.txt", (folder / "seed.en.txt").read_bytes()),
        "glossary": ("desk.tsv", glossary.read_bytes())})
    assert got.status_code == 200 and got.text == expected
    bad = client.post("/v1/check", json={"zh": "x", "en": "y", "glossary": "北約\n",
                                         "names": {"glossary": "desk.tsv"}})
    assert error_of(bad) == (400, "ConfigError", "desk.tsv:1: expected 'chinese,english'")


def test_rules_switched_off_by_the_request(client: TestClient) -> None:
    zh, en = texts("seed")
    report = client.post("/v1/check", json={"zh": zh, "en": en, "settings": {
        "rules": {"name-part-added": "off"}}}).json()
    assert report["findings"] and all(f["rule"] != "name-part-added"
                                      for f in report["findings"])
    assert report["settings"]["rules"] == {"name-part-added": "off"}


def test_align_as_the_cli(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    _, expected = cli_output(monkeypatch, CORPORA / "pairs", "align", "seed.zh.txt",
                             "seed.en.txt", "-f", "beads")
    zh, en = texts("seed")
    got = client.post("/v1/align?format=beads", json={"zh": zh, "en": en})
    assert got.status_code == 200 and got.text == expected
    assert error_of(client.post("/v1/align", json={"zh": zh, "en": en, "glossary": "a,b"})) \
        == (400, "BadRequest", 'align takes no "glossary" (only checks use one)')
    as_json = client.post("/v1/align", json={"zh": zh, "en": en}).json()
    assert len(as_json["alignment"]) == expected.count("\n")


def test_review_bundle_for_the_page(client: TestClient) -> None:
    zh, en = texts("seed")
    got = client.post("/v1/review", data={"zh": zh, "en": en})
    assert got.status_code == 200
    bundle = got.json()
    assert set(bundle) == {"report", "json", "body", "html", "markdown"}
    assert json.loads(bundle["json"]) == bundle["report"]
    assert bundle["report"]["zh"]["path"] == "zh"
    for k, f in enumerate(bundle["report"]["findings"]):
        assert f'id="f-{k}"' in bundle["body"] and f["fingerprint"] in bundle["body"]
    assert bundle["html"].startswith("<!DOCTYPE html>") and "<html" not in bundle["body"]


def test_rules_lists_the_rule_table(client: TestClient) -> None:
    from xcheck.checks.rules import RULES

    rules = client.get("/v1/rules").json()["rules"]
    assert [r["name"] for r in rules] == list(RULES)
    first = RULES[rules[0]["name"]]
    assert rules[0] == {"name": first.name, "category": first.category.value,
                        "type": first.type.value, "severity": first.default_severity.value,
                        "description": first.description}


def test_healthz_and_openapi(client: TestClient) -> None:
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["workers"] == 1
    assert health["token_required"] is False
    schema = client.get("/openapi.json").json()
    assert {"/v1/check", "/v1/align", "/v1/rules", "/healthz"} <= set(schema["paths"])
    body = schema["paths"]["/v1/check"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(body)
    assert client.get("/docs").status_code == 404  # (Swagger UI would load a CDN's script)


def test_the_server_answers_while_a_check_runs(client: TestClient) -> None:
    """The check runs in a worker process: the event loop goes on serving."""
    zh, en = texts("seed")
    answers: list[int] = []
    check = threading.Thread(target=lambda: answers.append(client.post(
        "/v1/check", json={"zh": zh * 3, "en": en * 3}).status_code))
    check.start()
    try:
        deadline = time.monotonic() + 60
        while client.get("/healthz").json()["busy"] != 1:
            assert check.is_alive() and time.monotonic() < deadline
            time.sleep(0.01)
        assert answers == []  # healthz answered while the check was still running
        assert client.get("/v1/rules").status_code == 200
    finally:
        check.join(120)
    assert answers == [200] and client.get("/healthz").json()["busy"] == 0


def test_page_and_its_assets_under_a_strict_policy(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "<script>" not in page.text and "style=" not in page.text
    assert "http://" not in page.text and "https://" not in page.text
    for asset in ("page.js", "page.css", "report.js", "report.css"):
        got = client.get(f"/static/{asset}")
        assert got.status_code == 200 and got.content, asset
        assert f'static/{asset}' in page.text or asset == "report.js"
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/static/nothing.js").status_code == 404


def error_of(response: object) -> tuple[int, str, str]:
    data = response.json()  # type: ignore[attr-defined]
    return response.status_code, data["type"], data["error"]  # type: ignore[attr-defined]


def test_bad_json(client: TestClient) -> None:
    got = client.post("/v1/check", content=b'{"zh": ', headers={
        "content-type": "application/json"})
    code, kind, message = error_of(got)
    assert (code, kind) == (400, "BadRequest") and message.startswith(
        "request body: invalid JSON")
    assert error_of(client.post("/v1/check", json=["zh", "en"]))[0] == 400
    assert error_of(client.post("/v1/check", json={"zh": 3}))[2] == \
        'field "zh" must be a string (the text)'


def test_missing_and_unknown_fields(client: TestClient) -> None:
    assert error_of(client.post("/v1/check", json={"en": "Hello there."})) == (
        400, "BadRequest",
        'missing field "zh" (the Chinese article, or one file with both languages)')
    code, _, message = error_of(client.post("/v1/check", json={"zh": "a", "eng": "b"}))
    assert code == 400 and message.startswith("unknown field(s) eng")
    code, _, message = error_of(client.post("/v1/check", data={"en": "Hello there."}))
    assert code == 400 and message.startswith('missing field "zh"')


def test_unknown_rule_same_message_as_the_cli(client: TestClient, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    zh, en = texts("seed")
    (tmp_path / "xcheck.toml").write_text('[rules]\n"no-such-rule" = "off"\n', "utf-8")
    code, cli_message = cli_output(monkeypatch, tmp_path, "check", str(CORPORA / "seed.txt"))
    assert code == 2
    got = client.post("/v1/check", json={"zh": zh, "en": en,
                                         "settings": {"rules": {"no-such-rule": "off"}}})
    status, kind, message = error_of(got)
    assert (status, kind) == (400, "ConfigError")
    assert message == "settings: unknown rule 'no-such-rule'" + message.split("'no-such-rule'")[1]
    assert cli_message.strip().endswith(message.removeprefix("settings:"))


def test_input_errors_same_message_as_the_cli(client: TestClient, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    zh, en = texts("seed")
    (tmp_path / "a.zh.txt").write_text(en, "utf-8")  # swapped
    (tmp_path / "a.en.txt").write_text(zh, "utf-8")
    (tmp_path / "empty.txt").write_text("  \n", "utf-8")
    for args in (("a.zh.txt", "a.en.txt"), ("empty.txt", "a.en.txt")):
        code, expected = cli_output(monkeypatch, tmp_path, "check", *args)
        assert code == 2 and expected.startswith("xcheck: ")
        got = client.post("/v1/check", files={
            "zh": (args[0], (tmp_path / args[0]).read_bytes()),
            "en": (args[1], (tmp_path / args[1]).read_bytes())})
        assert got.status_code == 400
        assert "xcheck: " + got.json()["error"] == expected.strip()


def test_unknown_format_and_content_type(client: TestClient) -> None:
    code, _, message = error_of(client.post("/v1/check?format=pdf", json={"zh": "x"}))
    assert code == 400 and message.startswith("unknown format 'pdf'")
    code, _, message = error_of(client.post("/v1/check", content=b"zh=1",
                                            headers={"content-type": "text/plain"}))
    assert code == 400 and message.startswith("unsupported content type 'text/plain'")
    assert error_of(client.get("/v1/nothing"))[0] == 404


def test_cross_site_post_refused(client: TestClient) -> None:
    got = client.post("/v1/check", json={"zh": "x"}, headers={"origin": "https://evil.example"})
    assert error_of(got)[:2] == (403, "AuthError")


def test_wrong_or_missing_token(guarded: TestClient) -> None:
    assert error_of(guarded.get("/v1/rules"))[:2] == (401, "AuthError")
    got = guarded.get("/v1/rules", headers={"authorization": "Bearer wrong"})
    assert got.status_code == 401 and got.headers["www-authenticate"] == "Bearer"
    assert guarded.get("/v1/rules", headers={"authorization": f"Bearer {TOKEN}"}
                       ).status_code == 200
    health = guarded.get("/healthz")  # (no data: a load balancer may ask without a token)
    assert health.status_code == 200 and health.json()["token_required"] is True


def test_oversized_body(guarded: TestClient) -> None:
    auth = {"authorization": f"Bearer {TOKEN}"}
    limit = 4 * 2000 + 65536
    big = json.dumps({"zh": "中" * (limit // 3 + 10)}).encode()
    code, kind, message = error_of(guarded.post(
        "/v1/check", content=big, headers={**auth, "content-type": "application/json"}))
    assert (code, kind) == (413, "LimitError")
    assert message == (f"request body: {len(big):,} bytes is over the limit of {limit:,} "
                       "bytes; raise it with xcheck serve --max-bytes")

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for k in range(0, len(big), 4096):
            yield big[k:k + 4096]

    got = guarded.post("/v1/check", content=chunks(),
                       headers={**auth, "content-type": "application/json"})
    assert error_of(got)[:2] == (413, "LimitError")


def test_input_over_the_cli_limit(guarded: TestClient, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    auth = {"authorization": f"Bearer {TOKEN}"}
    zh = "美國總統川普週一在白宮表示,關稅將提高百分之十。\n" * 40  # 2,000+ bytes
    (tmp_path / "zh").write_text(zh, "utf-8")
    (tmp_path / "en").write_text("The president said tariffs would rise.\n", "utf-8")
    _, expected = cli_output(monkeypatch, tmp_path, "check", "zh", "en", "--max-bytes", "2000")
    got = guarded.post("/v1/check", json={"zh": zh, "en": "The president said tariffs would "
                                                      "rise.\n"}, headers=auth)
    assert error_of(got)[:2] == (413, "LimitError")
    assert "xcheck: " + got.json()["error"] == expected.strip()


def test_time_limit_stops_the_request_and_the_pool_recovers(hurried: TestClient) -> None:
    zh, en = texts("seed")
    code, kind, message = error_of(hurried.post("/v1/check", json={"zh": zh, "en": en}))
    assert (code, kind) == (503, "Overloaded")
    assert message == ("the request took longer than the limit of 0.05 s (raise it with "
                       "--timeout)")
    pool = hurried.app.state.pools["pool"]  # type: ignore[attr-defined]
    for _ in range(300):  # the stuck worker is killed and a fresh one takes its place
        if pool.replaced >= 1 and hurried.get("/healthz").json()["workers"] == 1:
            break
        time.sleep(0.1)
    assert pool.replaced >= 1 and hurried.get("/healthz").json()["workers"] == 1
