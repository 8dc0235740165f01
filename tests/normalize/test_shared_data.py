"""The normalisers on the real news in ../shared/data (read from there, never copied).

Skipped when the data is absent, failed when it is absent under CI (the
``shared_data`` fixture in tests/conftest.py).

* NewsQuant: the benchmark harness (benchmarks/normalize_newsquant.py) locates
  each of the 904 gold quantities in its sentence and scores the normaliser on
  it; the scores must not fall below what was measured when this was written.
* BBC business: every "$1.13bn" / "£600m" / "€12.4m" figure, every "76%" and
  every bracketed conversion in the 510 articles is read twice - by a plain
  regex here and by the normalisers - and the two must agree.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from claimcheck.jsonl import read_jsonl
from claimcheck.normalize import normalize_money, normalize_percent, period_of, split_conversion

ROOT = Path(__file__).resolve().parents[2]


def _harness():
    spec = importlib.util.spec_from_file_location("normalize_newsquant", ROOT / "benchmarks" / "normalize_newsquant.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, mod)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def newsquant_report(shared_data):
    path = shared_data / "newsquant" / "NewsQuant.json"
    if not path.is_file():
        pytest.fail(f"{path} missing from the shared data")
    return _harness().run(path, show_errors=0, peer=False)


# floors: measured 89.3 / 96.0 / 94.8 / 93.9 value accuracy (see benchmarks/README.md)
@pytest.mark.parametrize("category, floor", [("money", 87.0), ("percent", 94.0), ("other", 92.0), ("all", 92.0)])
def test_newsquant_value_accuracy(newsquant_report, category, floor):
    row = newsquant_report["claimcheck"][category]
    assert row["value_acc"] >= floor, row


def test_newsquant_spans_found(newsquant_report):
    assert newsquant_report["gold_quantities"] == 904
    assert newsquant_report["located"] >= 820


def test_newsquant_units_and_changes(newsquant_report):
    row = newsquant_report["claimcheck"]["all"]
    assert row["value_unit_acc"] >= 90.0, row
    assert row["change_acc"] >= 90.0, row


# ---------------------------------------------------------------- BBC business


@pytest.fixture(scope="module")
def bbc_texts(shared_data):
    path = shared_data / "bbc_business" / "bbc_business.jsonl"
    if not path.is_file():
        pytest.fail(f"{path} missing from the shared data")
    return [r["text"] for r in read_jsonl(path)]


_SYMBOLS = {"$": "USD", "US$": "USD", "\u00a3": "GBP", "\u00c2\u00a3": "GBP", "\u20ac": "EUR", "HK$": "HKD", "A$": "AUD", "C$": "CAD"}
_SCALES = {"": 1, "k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12, " million": 1e6, " billion": 1e9, " trillion": 1e12}
_MONEY_RE = re.compile(
    r"(?<![A-Za-z$\u00a3\u20ac])(?P<cur>US\$|HK\$|A\$|C\$|\$|\u00c2\u00a3|\u00a3|\u20ac)(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?"
    r"(?P<scale>bn|m|k|tn| million| billion| trillion)?(?![A-Za-z\d])"
)
_PCT_RE = re.compile(r"(?<![\d.,])(?P<num>\d+(?:\.\d+)?)(?P<mark>%| per cent| percent)(?![A-Za-z])")
_CONV_RE = re.compile(
    r"(?P<a>(?:US\$|\$|\u00a3|\u20ac)\d[\d,]*(?:\.\d+)?(?:bn|m|tn)?)\s\((?P<b>(?:\u00c2)?(?:\u00a3|\$|\u20ac)\d[\d,]*(?:\.\d+)?(?:bn|m|tn)?)\)"
)


def test_bbc_money_agrees_with_a_plain_reading(bbc_texts):
    seen, bad = 0, []
    for text in bbc_texts:
        for m in _MONEY_RE.finditer(text):
            expected = float(m["num"].replace(",", "") + (m["frac"] or "")) * _SCALES[m["scale"] or ""]
            got = normalize_money(m.group(), text[max(0, m.start() - 40) : m.start()])
            seen += 1
            if got is None or got.unit != _SYMBOLS[m["cur"]] or got.value != pytest.approx(expected):
                bad.append((m.group(), got))
    assert seen > 1000  # the corpus has some 1,300 such figures
    assert len(bad) <= seen // 200, bad[:20]


def test_bbc_percentages_agree_with_a_plain_reading(bbc_texts):
    seen, bad = 0, []
    for text in bbc_texts:
        for m in _PCT_RE.finditer(text):
            got = normalize_percent(m.group(), text[max(0, m.start() - 40) : m.start()])
            seen += 1
            if got is None or got.unit != "percent" or abs(got.value) != pytest.approx(float(m["num"])):
                bad.append((m.group(), got))
    assert seen > 800
    assert len(bad) <= seen // 200, bad[:20]


def _symbol(s: str) -> str:
    return "GBP" if "\u00a3" in s else "EUR" if "\u20ac" in s else "USD"


def test_bbc_conversions_are_one_figure(bbc_texts):
    seen, bad = 0, []
    for text in bbc_texts:
        for m in _CONV_RE.finditer(text):
            seen += 1
            main = normalize_money(m["a"])
            parts = split_conversion(m.group())
            if _symbol(m["a"]) == _symbol(m["b"]):
                # a slip of the source ("$3bn ($1.6bn)"): the same currency twice is no conversion
                ok = parts == [main]
            else:
                ok = (
                    len(parts) == 2
                    and parts[0] == main
                    and parts[1].kind == "conversion"
                    and parts[1].unit != parts[0].unit
                    and normalize_money(m.group()) == main
                )
            if not ok:
                bad.append((m.group(), parts))
    assert seen > 150
    assert not bad, bad[:10]


_PERIOD_PHRASE_RE = re.compile(
    r"(?:the\s+)?(?:three|six|nine|12|twelve)\s+months\s+to\s+(?:the\s+end\s+of\s+)?[A-Z][a-z]+(?:\s+\d{4})?"
    r"|(?:the\s+)?(?:first|second|third|fourth)[\s-]+(?:quarter|half)(?:\s+of\s+\d{4})?"
    r"|(?:the\s+)?(?:financial|fiscal)\s+year\s+to\s+[A-Z][a-z]+(?:\s+\d{4})?"
    r"|(?:the\s+)?year\s+to\s+[A-Z][a-z]+(?:\s+\d{4})?"
)


def test_bbc_period_phrases_resolve(bbc_texts):
    published = date(2005, 6, 30)
    seen, bad = 0, []
    for text in bbc_texts:
        for m in _PERIOD_PHRASE_RE.finditer(text):
            month = re.search(r"to\s+(?:the\s+end\s+of\s+)?([A-Z][a-z]+)", m.group())
            if month and month.group(1).lower() not in (
                "january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december",
            ):
                continue
            seen += 1
            if period_of(m.group(), published) is None:
                bad.append(m.group())
    assert seen > 100
    assert not bad, bad[:20]
