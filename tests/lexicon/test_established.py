"""Established zh<->en names and terms (curated table, CLDR, pycountry) and acronyms."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest

from xcheck.lexicon.established import (
    acronym_of,
    chinese_forms,
    english_forms,
    is_acronym_of,
    matches,
)


@pytest.mark.parametrize(("zh", "en"), [
    ("赵小兰", "elaine chao"), ("北溪", "nord stream"), ("南伊利诺伊", "southern illinois"),
    ("新冠", "covid"), ("新冠", "covid-19"), ("美国环保局", "epa"), ("证监会", "sec"),
    ("证监会", "csrc"), ("中新社", "cns"), ("解放军", "pla"), ("物联网", "iot"),
    ("联合国", "un"), ("世卫组织", "who"), ("北约", "nato"), ("美联储", "fed"),
    ("国内生产总值", "gdp"), ("特区政府", "hksar government"), ("泽连斯基", "zelensky"),
])
def test_curated_forms(zh: str, en: str) -> None:
    assert en in english_forms(zh)


def test_cldr_territories_languages_currencies() -> None:
    assert "germany" in english_forms("德国")
    assert "french" in english_forms("法语")
    assert "yen" in english_forms("日元") or "japanese yen" in english_forms("日元")
    assert "ivory coast" in english_forms("科特迪瓦")


def test_traditional_input_and_cldr_zh_hant_are_converted() -> None:
    assert "united kingdom" in english_forms("英國")
    assert "north korea" in english_forms("北韩")  # zh_Hant CLDR name, in Simplified


def test_pycountry_subdivisions_with_and_without_suffix() -> None:
    assert "alaska" in english_forms("阿拉斯加州")
    assert "alaska" in english_forms("阿拉斯加")
    assert "new south wales" in english_forms("新南威尔士")
    assert "chongqing" in english_forms("重庆")  # "Chongqing Shi" without its suffix


def test_generic_subdivision_names_are_left_out() -> None:
    assert "western" not in english_forms("西部区")


def test_unknown_is_empty() -> None:
    assert english_forms("一个不存在的名字") == frozenset()
    assert chinese_forms("Xyzzy Plugh") == frozenset()


def test_chinese_forms_case_the_and_possessive() -> None:
    assert "美国环保局" in chinese_forms("the EPA")
    assert "美国环保局" in chinese_forms("EPA's")
    assert "美国环保局" in chinese_forms("epa’s")
    assert chinese_forms("The United States") >= {"美国"}
    assert "海牙" in chinese_forms("The Hague")
    assert "海牙" in chinese_forms("Hague")
    assert "赵小兰" in chinese_forms("ELAINE CHAO")


def test_matches_spans_word_boundaries_longest() -> None:
    text = "The COVID-19 pandemic; covid cases; not Covidiots."
    assert [text[s:e] for s, e in matches("新冠", text)] == ["COVID-19", "covid"]


def test_matches_dotted_acronym_and_apostrophe() -> None:
    text = "U.S. officials and the US; People’s Liberation Army (PLA)"
    assert [text[s:e] for s, e in matches("美国", text)] == ["U.S.", "US"]
    assert [text[s:e] for s, e in matches("解放军", text)] == ["People’s Liberation Army",
                                                             "PLA"]


def test_matches_nothing_inside_words() -> None:
    assert matches("联合国", "UNESCO and a FUN day") == []


def test_acronym_from_glosses() -> None:
    # Not in the curated table in this form: from CC-CEDICT glosses, 美国 left out.
    assert "EPA" in acronym_of("美国环境保护局")
    assert "FBI" in acronym_of("联邦调查局")
    assert "WHO" in acronym_of("世界卫生组织")
    assert "PLA" in acronym_of("中国人民解放军")
    assert "IMF" in acronym_of("国际货币基金组织")
    assert all(len(a) >= 2 and a.isupper() for a in acronym_of("美国环境保护局"))


def test_acronym_of_includes_curated() -> None:
    assert {"SEC", "CSRC"} <= acronym_of("证监会")
    assert "CNS" in acronym_of("中新社")


def test_is_acronym_of() -> None:
    assert is_acronym_of("EPA", "美国环境保护局")
    assert is_acronym_of("EPA", "美国环保局")  # curated
    assert is_acronym_of("U.S.", "美国")
    assert is_acronym_of("IoT", "物联网")
    assert is_acronym_of("CSRC", "中国证券监督管理委员会")
    assert is_acronym_of("FBI", "联邦调查局")


def test_is_acronym_of_rejects() -> None:
    assert not is_acronym_of("E", "美国环境保护局")  # too short
    assert not is_acronym_of("XYZ", "美国环境保护局")
    assert not is_acronym_of("EP", "美国环境保护局")  # every part must give a letter
    assert not is_acronym_of("EPAX", "美国环境保护局")
    assert not is_acronym_of("NATO", "联邦调查局")
    assert not is_acronym_of("FBI", "世界卫生组织")


def test_data_file_has_licence_header_and_two_columns() -> None:
    text = (resources.files("xcheck") / "data" / "established.tsv").read_text("utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("#") and "MIT" in lines[0]
    body = [line for line in lines if line and not line.startswith("#")]
    assert len(body) >= 300
    assert all(len(line.split("\t")) == 2 for line in body)


def test_import_does_not_load_babel_or_pycountry() -> None:
    code = ("import sys, xcheck, xcheck.lexicon.established; "
            "print(sorted(m for m in ('babel', 'pycountry', 'opencc') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_matches_short_acronyms_only_in_capitals() -> None:
    assert matches("美国", "he told us") == []
    assert matches("世卫组织", "who said it") == []
    assert matches("伊斯兰国", "it is over") == []
    assert matches("美联储", "they fed the birds") == []
    text = "The Fed and the WHO; Covid"
    assert [text[s:e] for s, e in matches("美联储", text)] == ["Fed"]
    assert [text[s:e] for s, e in matches("世卫组织", text)] == ["WHO"]
    assert [text[s:e] for s, e in matches("新冠", text)] == ["Covid"]
    assert matches("新冠", "covid cases") == [(0, 5)]
