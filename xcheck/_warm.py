"""Imported by ``xcheck corpus``'s forkserver before it forks the workers.

Loading jieba, CC-CEDICT (with its pinyin readings) and nltk once there means every
worker starts with them already in memory (copy-on-write) instead of each spending a
second or more on its own.
"""

from __future__ import annotations

try:
    from xcheck.corpus_worker import warm_up

    warm_up()
except Exception:  # a worker that finds nothing loaded loads it itself
    pass
