"""``corpus --resume``: what identifies a finished pair, and the journal that records them.

A pair's digest is a content hash of its input bytes (and the paths its reports name) and
of every setting that changes its reports. Each finished pair is appended to the journal
(``journal.jsonl`` in the output folder) as it arrives, so a run ended any way (Ctrl-C,
SIGTERM, kill -9, a power cut) leaves a record: a later ``--resume`` reuses the pairs whose
digest is unchanged and whose reports exist, and checks the rest. The summary records the
digests too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from xcheck._version import __version__
from xcheck.corpus_worker import Job, PairResult
from xcheck.io import FileBytes

JOURNAL = "journal.jsonl"


def settings_digest(job: Job) -> str:
    """A hash of everything in the job that changes a pair's outputs."""
    data = asdict(job)
    data["suppress"] = sorted(job.suppress)
    data.pop("pair_timeout", None)  # changes whether a pair finishes, not what it reports
    text = json.dumps([__version__, data], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pair_digest(settings: str, pair_id: str, stem: str,
                files: tuple[FileBytes | None, ...]) -> str:
    h = hashlib.sha256()
    for part in (settings, pair_id, stem):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for f in files:
        if f is None:
            h.update(b"-\0")
        else:
            h.update(f.path.encode("utf-8", "surrogatepass") + b"\0")
            h.update(len(f.data).to_bytes(8, "big") + f.data)
    return h.hexdigest()[:32]


def journal_line(result: PairResult) -> str:
    record = {f.name: getattr(result, f.name) for f in fields(result) if f.name != "reports"}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def read_journal(path: Path) -> dict[str, PairResult]:
    """The finished, successful pairs a journal records, by id (the last record of an id
    wins; a line cut short by a crash is skipped)."""
    found: dict[str, PairResult] = {}
    try:
        fh = open(path, encoding="utf-8", errors="replace")  # noqa: SIM115
    except OSError:
        return found
    with fh:
        for line in fh:
            try:
                record: dict[str, Any] = json.loads(line)
                result = PairResult(**{**record, "findings": tuple(
                    tuple(x) for x in record.get("findings", ())),
                    "warnings": tuple(record.get("warnings", ()))})
            except (ValueError, TypeError):
                continue
            if result.ok and result.digest:
                found[result.id] = result
            else:
                found.pop(result.id, None)
    return found


def reusable(previous: PairResult | None, digest: str, output: Path) -> bool:
    """A journal record stands for this pair: same digest, its reports still there."""
    return previous is not None and previous.digest == digest and \
        all((output / name).is_file() for name in previous.files.values())
