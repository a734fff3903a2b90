"""Settings that change results. Every field appears in the JSON output's settings and in
the signature line (the thresholds there as a digest plus those changed from the defaults)."""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, TypeVar

from xcheck.errors import ConfigError


@dataclass(frozen=True)
class AlignSettings:
    # Largest bead (zh + en sentences). 7 lets 2-3, 3-2, 3-3, 2-4 ... beads in: with meaning
    # evidence they pay on align-dev (strict .890 at 5, .898 at 6, .900 at 7; corpora equal).
    max_bead: int = 7
    null_penalty: float = 1.2
    # Per sentence beyond a 1-1 bead (0.6 before embeddings; with them 0.7 is best on
    # align-dev, 0.6 and 0.8 tie on corpora).
    merge_penalty: float = 0.7
    length_weight: float = 0.2
    paragraph_penalty: float = 1.0
    punct_weight: float = 0.2
    band_half_width: int = 12
    names: bool = True
    # Alignment.score below this: the two texts are probably not translations of each other.
    # On align-dev, real chapter pairs score 0.54-0.92 (0.39-0.82 on 12-sentence excerpts) and
    # unrelated pairings 0.03-0.08 (0.00-0.04 on excerpts); see benchmarks/align_dev.py. The
    # news pairs of corpora/ score 0.58-1.00 (benchmarks/align_corpora.py).
    unrelated_threshold: float = 0.2
    # Bead-shape multipliers of the similarity (Champollion's): 1-2 and 2-1 beads ...
    shape_1_2: float = 0.95
    # ... 1-3 and 3-1 beads ...
    shape_1_3: float = 0.94
    # ... and 2-2 beads (other shapes keep their similarity).
    shape_2_2: float = 0.85
    # How much of the machine translation's evidence above chance is added to the dictionary's.
    mt_weight: float = 0.1
    # Gain in the DP's lexical bead values (similarity x sentences, less the merge penalty and
    # punctuation and paragraph terms) that re-pairing a null bead must bring. A sentence
    # genuinely on one side only gains at most 1.4 by taking a neighbour's (benchmarks/inject.py).
    repair_gain: float = 2.0
    # Confident 1-1 beads of the first pass needed to estimate the length ratio and spread ...
    length_min_pairs: int = 5
    # ... else the spread is this multiple of the whole-text ratio (wide: length says little).
    length_var_factor: float = 4.0
    # Cap on a bead's squared length deviation: one odd bead must not outweigh its words.
    length_delta_cap: float = 25.0
    # Texts longer than this (zh + en sentences) get a second, finer anchor pass.
    band_fine_above: int = 4000
    # The fine pass searches anchors within max(this, ...) sentences of the coarse centre ...
    band_radius_min: float = 100.0
    # ... or this many band half-widths, whichever is more.
    band_radius_factor: float = 8.0
    # The band widens by this share of the distance to the nearest anchor ...
    band_gap_widening: float = 0.5
    # ... up to this many half-widths more.
    band_max_widening: int = 3
    # Meaning evidence: multilingual sentence embeddings (USE multilingual v3, xcheck/lexicon/
    # meaning.py) beside the dictionary; off gives the dictionary-only aligner of before.
    embeddings: bool = True
    # Share of a bead's similarity taken from the embeddings (normalised against random pairs);
    # the rest is the dictionary's. align-dev strict at max_bead 7: 0 (dictionary only) .862,
    # .45 .897, .5 .900, .6 .892; corpora .985 for all of them, inject.py's sentence kinds and
    # false alarms no worse at .5.
    embed_weight: float = 0.5
    # Puts the embeddings' normalised cosine on the dictionary similarity's scale (a grid on
    # align-dev and corpora: 1 gives .881, 2 .887, 3 .876 strict on align-dev).
    embed_scale: float = 2.0
    # Spans of up to this many sentences are encoded as one text; longer spans are the
    # normalised sum of their sentences' vectors. 1 (sums only) is both best on align-dev
    # (.887 vs .881 encoding pairs, .881 triples) and cheapest: one encode per sentence.
    embed_span: int = 1


@dataclass(frozen=True)
class CheckSettings:
    """Every threshold of the checks (xcheck/checks/*), one place, each with its reason."""

    # -- sentences (checks/sentences.py)
    # A first sentence this long or shorter, without a full stop, can be a headline.
    headline_max_chars: int = 120
    # A sentence a bead absorbed needs this many content words to be judged at all.
    absorbed_min_words: int = 3
    # A sentence a bead absorbed is unsupported when at most this share of its words has a
    # counterpart that the bead's other sentences do not already account for ...
    absorbed_unique_support: float = 0.2
    # ... and (an English one) at most this share of its words has any counterpart ...
    absorbed_en_supported: float = 0.5
    # ... (a Chinese one) at most this share, when the English is not short by it ...
    absorbed_zh_supported: float = 0.15
    # ... or, in a sentence of at least absorbed_many_words content words, at most this share
    # has a counterpart of its own (the other matches are names its neighbours repeat).
    absorbed_barely: float = 0.1
    absorbed_many_words: int = 6
    # A 1-1 bead whose sentences share at most this share of their content words (on the side
    # that shares more) pairs two sentences that do not translate each other: the aligner had
    # to put an inserted or orphaned sentence somewhere. Faithful pairs share .38 and more.
    unrelated_support: float = 0.25
    # ... judged only when both sentences have this many content words.
    unrelated_min_words: int = 4
    # ... and at most this share of the document's median 1-1 support (a lone pair, or a free
    # translation where every pair shares little, is no evidence).
    unrelated_relative: float = 0.5

    # -- clauses and words (checks/content.py)
    # Unmatched content words a clause needs to be reported (2 when a number is lost or a
    # linked clause is wholly unmatched).
    min_content_words: int = 3
    # A clause counts as added or dropped when at least this share of its content is unmatched.
    clause_unsupported: float = 0.75
    # ... or this share, when a number of the clause is missing from the other side too.
    number_clause_unsupported: float = 0.5
    # A clause split off at "and" (no punctuation) needs a larger unmatched share.
    split_clause_unsupported: float = 0.8
    # Unmatched words an appositive or relative clause needs: structure is evidence enough.
    appositive_words: int = 2
    # Share of a clause's unmatched words a neighbouring bead must have (moved, not dropped).
    moved_share: float = 0.5
    # A clause of this many unmatched words counts as moved to a neighbouring bead only when
    # that bead's English is long by it; a few common words found next door prove little.
    moved_length_words: int = 4
    # ... or when the clause accounts for this share of that bead's English content words (the
    # aligner paired the English that translates it with another sentence).
    moved_explains: float = 0.4
    # A Chinese clause of this many unmatched words needs no length evidence when the English
    # has at most half as many unmatched words (nothing there could paraphrase it).
    lexical_clause_words: int = 4
    # How much of a clause's (or sentence's) share of the text must show in the bead's length.
    length_evidence: float = 0.5
    # ... when none of the clause's (3+, or 2 linked) content words has a counterpart, in a
    # 1-1 bead.
    all_missing_length_evidence: float = 0.3
    # An unsupported run is "long" when the rest of the English exceeds the usual length by
    # this multiple of the run's share ...
    run_excess: float = 1.5
    # ... and the Chinese has at most this share of unmatched words (nothing to paraphrase).
    run_zh_unmatched: float = 0.35
    # A run with an unmatched name is worth a warning when it has this many words ...
    run_rewritten_words: int = 5
    # ... and is at least this share of the sentence (a rewritten clause).
    run_rewritten_share: float = 0.2
    # Unmatched words an unsupported run needs for a warning (else info).
    run_warning_words: int = 3
    # English/Chinese length ratio assumed when the document has no 1-1 bead.
    default_length_ratio: float = 3.0

    # -- numbers (checks/numbers.py, checks/content.py)
    # Numbers at least this big (or percentages, or fractions) are worth a word; a one or a
    # two an ordinary word can carry.
    strong_number: int = 3
    # Two unmatched numbers within this factor of each other may state the same quantity.
    number_scale: float = 10.0
    # Relative difference within which two stated quantities are the same (a float's
    # rounding); the approximations (近半, "about 500", 4-5cm) are values of their own, so 412
    # against 421 stays a mismatch.
    quantity_tolerance: float = 1e-6

    # -- quotes (checks/quotes.py)
    # An English quotation of fewer words is a scare-quoted term, not speech.
    quote_min_words: int = 4

    # -- names (checks/names.py, checks/context.py)
    # Phonetic similarity at which a transliteration and an English name sound alike.
    name_sound: float = 0.75
    # The looser similarity for a name's surname part and for names the article gives
    # elsewhere (checks/names.py).
    name_sound_loose: float = 0.6
    # Longest stretch of Chinese characters tried as the transliteration of an unmatched
    # English name (Kronshtadt 喀琅施塔得 is 5).
    name_window: int = 6
    # Sound classes a name needs before sounding alike counts (two, 巴西 P-S, match BYD).
    name_min_skeleton: int = 3

    # -- machine translation (checks/mt.py)
    # An MT clause counts as dropped when the English lacks this share of its content words.
    mt_missing: float = 0.6
    # ... and an English clause as added when the MT lacks this share of its content words.
    mt_added: float = 0.75
    # Content words an MT or English clause needs to be judged.
    mt_min_words: int = 3
    # An MT clause needs this many words the English lacks to be called dropped (three words
    # of a short clause, "a relatively stable performance", are too often reworded).
    mt_min_omitted: int = 4
    # Share of a reported span's words the MT must have to say the Chinese has them.
    mt_corroborated: float = 0.6
    # Share of an MT clause the English must carry to say a reported omission is rendered.
    mt_carried: float = 0.9
    # Share of a clause's Chinese words the dictionary must also find no counterpart for.
    mt_dictionary_agrees: float = 0.5
    # "Nearly all" of a clause's words missing, by the MT and by the dictionary: then the
    # English length need not agree.
    mt_nearly_all: float = 0.8
    # How much of a dropped clause's share of the Chinese must show as a short English.
    mt_shorter: float = 0.1
    # How far above the article's usual MT-English disagreement a clause must be: a loose
    # translation (the seed: half of an MT clause's words are not in the English, against a
    # quarter in the faithful pairs of corpora/) needs stronger evidence than a close one.
    mt_margin: float = 0.4
    # A sentence a bead absorbed is unmatched when at least this share of its MT words is
    # missing ...
    mt_sentence_missing: float = 0.8
    # ... and it has this many words.
    mt_min_sentence_words: int = 4
    # Cost per extra clause when pairing Chinese clauses with MT clauses (prefers 1-1 pairs).
    mt_clause_merge_cost: float = 0.15


@dataclass(frozen=True)
class Settings:
    align: AlignSettings = field(default_factory=AlignSettings)
    presegmented: bool = False
    encoding: str | None = None
    max_bytes: int = 20_000_000
    # Sentences per side: the aligner's cost grows with them (100,000 short lines took 80 s and
    # 2.8 GB; 10k x 13.6k sentences 78 s and 785 MB, README), so a 2-core CI runner is kept
    # safe by refusing longer inputs at once, naming --max-sentences.
    # A ceiling refuses input, it never changes a report: it is not in the report's settings.
    max_sentences: int = 10_000
    # A jieba user dictionary (one word per line: word [frequency] [tag]) for names.
    user_dict: str | None = None
    # Per-rule overrides: (rule or check name, "off" | "error" | "warning" | "info").
    rules: tuple[tuple[str, str], ...] = ()
    # The checks' thresholds.
    checks: CheckSettings = field(default_factory=CheckSettings)
    # Which side is the original ("zh" or "en"): messages then read as the translation's
    # omission or addition; None keeps them neutral.
    source: str | None = None
    # The input files' format (xcheck.formats.FORMATS); None: by extension, then content.
    input_format: str | None = None


_T = TypeVar("_T", AlignSettings, CheckSettings)


def _from_mapping(data: dict[str, Any], base: _T, section: str) -> _T:
    """``base`` with the values of ``data``, each checked against the field's type."""
    kinds = {"int": int, "float": float, "bool": bool}  # the annotations, as strings
    types = {f.name: kinds[str(f.type)] for f in fields(base)}
    unknown = set(data) - set(types)
    if unknown:
        raise ConfigError(f"unknown {section} setting(s): {', '.join(sorted(unknown))} "
                          f"(known: {', '.join(sorted(types))})")
    values: dict[str, Any] = {}
    for key, value in data.items():
        want = types[key]
        if want is bool:
            ok = isinstance(value, bool)
        elif want is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
        else:  # float: an integer is fine (1 means 1.0), a bool is not a number
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            if ok and not math.isfinite(value):
                raise ConfigError(f"{section}.{key}: expected a finite number, not {value!r}")
            if ok:
                value = float(value)
        if not ok:
            raise ConfigError(f"{section}.{key}: expected {want.__name__}, not "
                              f"{type(value).__name__} {value!r}")
        values[key] = value
    return replace(base, **values)


def align_from_mapping(data: dict[str, Any],
                       base: AlignSettings = AlignSettings()) -> AlignSettings:
    return _from_mapping(data, base, "align")


def checks_from_mapping(data: dict[str, Any],
                        base: CheckSettings = CheckSettings()) -> CheckSettings:
    return _from_mapping(data, base, "checks")


# The align settings the signature line always shows (those it showed before the aligner's
# other constants became settings); the others, like the checks' thresholds, show only when
# they differ from the defaults, with a digest of them all.
SIGNATURE_ALIGN = ("max_bead", "null_penalty", "merge_penalty", "length_weight",
                   "paragraph_penalty", "punct_weight", "band_half_width", "names")


def changed(values: dict[str, Any], defaults: Any) -> dict[str, Any]:
    """The entries of ``values`` (a settings dataclass as a dict) that differ from the
    dataclass ``defaults``."""
    base = asdict(defaults)
    return {k: v for k, v in values.items() if k in base and base[k] != v}


def digest(*parts: dict[str, Any]) -> str:
    """A short hash of settings dicts: equal digests, equal thresholds."""
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
