"""English word normalisation shared by the dictionary, the aligner and the checks."""

from __future__ import annotations

import re
from functools import lru_cache

from xcheck.resources import porter_stemmer

_STOPWORDS_TEXT = """
a an the of to in on at by for with from and or but nor so yet as is are was were be been being
am do does did done have has had having it its it's this that these those there here he she
they we you i me him her them us my your his our their mine yours theirs ours who whom whose
which what when where why how than then also too very not no yes can could will would shall
should may might must into onto upon about over under up down out off again further once
all any both each few more most other some such only own same just s t don now if while
because until against between through during before after above below one's sb sth someone
something etc oneself itself himself herself themselves ourselves yourself kind sort
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())

_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]")


_IRREGULAR_TEXT = """
arose arise awoke awake was be were be been be bore bear born bear beat beat became become
began begin begun begin bent bend bet bet bit bite bitten bite bled bleed blew blow blown blow
broke break broken break bred breed brought bring built build burnt burn bought buy caught
catch chose choose chosen choose came come cost cost crept creep cut cut dealt deal dug dig
did do done do drew draw drawn draw dreamt dream drank drink drunk drink drove drive driven
drive ate eat eaten eat fell fall fallen fall fed feed felt feel fought fight found find fled
flee flew fly flown fly forbade forbid forgot forget forgotten forget forgave forgive froze
freeze frozen freeze got get gotten get gave give given give went go gone go grew grow grown
grow hung hang had have heard hear hid hide hidden hide hit hit held hold hurt hurt kept keep
knelt kneel knew know known know laid lay led lead left leave lent lend let let lay lie lain
lie lit light lost lose made make meant mean met meet paid pay put put quit quit read read
rode ride ridden ride rang ring rung ring rose rise risen rise ran run said say saw see seen
see sought seek sold sell sent send set set shook shake shaken shake shone shine shot shoot
showed show shown show shut shut sang sing sung sing sank sink sunk sink sat sit slept sleep
slid slide spoke speak spoken speak spent spend spun spin spat spit split split spread spread
sprang spring stood stand stole steal stolen steal stuck stick stung sting struck strike swore
swear sworn swear swept sweep swam swim swum swim swung swing took take taken take taught
teach tore tear torn tear told tell thought think threw throw thrown throw understood
understand woke wake worn wear wore wear wept weep won win wound wind wrote write written
write men man women woman children child feet foot teeth tooth mice mouse people person
"""
_WORDS = _IRREGULAR_TEXT.split()
IRREGULAR = dict(zip(_WORDS[0::2], _WORDS[1::2], strict=True))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("n't"):
        w = w[:-3]
    w = IRREGULAR.get(w, w)
    if "." in w:  # U.S., a.m.: abbreviations are their own stem
        return w.strip(".")
    stemmed: str = porter_stemmer().stem(w)
    return stemmed


def content_stems(text: str) -> list[str]:
    """Stems of the content words of an English phrase (stopwords removed)."""
    out: list[str] = []
    for m in _WORD.finditer(text.lower()):
        for part in m.group().split("-"):
            if part and part not in STOPWORDS and len(part) > 1:
                out.append(stem(part))
    return out


def stems_alike(a: str, b: str) -> bool:
    """Two stems of one word: equal, or one (4+ letters) begins the other, at most 4 letters
    longer (a loose match of stems the stemmer left apart)."""
    if a == b:
        return True
    n = min(len(a), len(b))
    return n >= 4 and a[:n] == b[:n] and abs(len(a) - len(b)) <= 4
