"""Word-level support inside a bead: derived adjectives and suffix morphemes."""

from __future__ import annotations

from xcheck.api import check_documents
from xcheck.checks.context import Context
from xcheck.load import document_from_text
from xcheck.model import Lang

ZH = "中国疾控中心病毒病所研究员王大燕介绍，目前流行的毒株以甲型H3N2亚型为主。"
EN = ("Wang Dayan, a researcher at the National Institute for Viral Disease Control and "
      "Prevention of the Chinese Center for Disease Control and Prevention, said the "
      "circulating strains were mainly of the influenza A H3N2 subtype.")


def supported() -> dict[str, bool]:
    report = check_documents(document_from_text(ZH, Lang.ZH), document_from_text(EN, Lang.EN))
    ctx = Context(report.alignment)
    bead = report.alignment.beads[0]
    return {t.text: ctx.en_supported(t, bead) for t in ctx.en_tokens(0) if t.content}


def test_an_adjective_in_al_matches_its_noun() -> None:
    assert supported()["Viral"]  # 病毒 virus


def test_a_function_character_ending_an_unknown_word_is_a_suffix() -> None:
    assert supported()["Institute"]  # 病毒病所: 所 institute, not the particle 所
