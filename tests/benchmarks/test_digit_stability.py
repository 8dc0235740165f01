"""benchmarks/digit_stability.py: how a figure's digits are rewritten, and how a changed article's claim is judged."""

from __future__ import annotations

import random
import sys
from types import SimpleNamespace

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import digit_stability as ds  # noqa: E402


def test_a_transposition_swaps_two_digits_of_one_number_and_keeps_the_length():
    for text, label in [("$4.36bn", "MONEY"), ("2,500", "CARDINAL"), ("8.1%", "PERCENT"), ("over 1,685", "CARDINAL")]:
        for seed in range(20):
            out = ds.transpose_digits(text, label, random.Random(seed))
            assert out is not None and out != text and len(out) == len(text)
            assert sorted(out) == sorted(text)  # the same characters, two of them swapped
            assert [c for c in out if not c.isdigit()] == [c for c in text if not c.isdigit()]
            assert out.lstrip("$over ")[0] != "0"


def test_no_transposition_without_two_different_digits_and_the_fallback_replaces():
    assert ds.transpose_digits("5", "CARDINAL", random.Random(0)) is None
    assert ds.transpose_digits("11", "CARDINAL", random.Random(0)) is None
    assert ds.transpose_digits("30", "CARDINAL", random.Random(0)) is None  # "03" would gain a leading 0
    out = ds.rewrite("11", "CARDINAL", "transpose", random.Random(0))
    assert out is not None and out != "11" and len(out) == 2 and out[0] != "0"


def test_a_replacement_changes_every_digit_and_a_date_only_its_year():
    out = ds.replace_digits("2,500", "CARDINAL", random.Random(3))
    assert out is not None and len(out) == 5 and out[1] == "," and out[0] != "0"
    assert all(a != b for a, b in zip(out, "2,500") if b.isdigit())
    date = ds.replace_digits("March 3, 1987", "DATE", random.Random(3))
    assert date is not None and date.startswith("March 3, ") and date[-4:] != "1987"
    assert ds.replace_digits("March 3", "DATE", random.Random(3)) is None


def _processed(drafts, mentions=()):
    return SimpleNamespace(
        drafts=[SimpleNamespace(span=SimpleNamespace(start_char=a, end_char=b), subject_text=s, attribute=t,
                                attribute_score=0.9) for a, b, s, t in drafts],
        mentions=[SimpleNamespace(start=a, end=b, label="MONEY") for a, b in mentions])


def test_outcomes_name_the_first_loss():
    unit = {"span": (10, 16), "subject": "kestrelbank", "attribute": "deal_value"}
    assert ds.outcome(unit, _processed([(10, 16, "Kestrel Bank", "deal_value")])) == "stable"
    assert ds.outcome(unit, _processed([(10, 16, "Dunmore", "deal_value")])) == "subject"
    assert ds.outcome(unit, _processed([(10, 16, "Kestrel Bank", "valuation")])) == "attribute"
    assert ds.outcome(unit, _processed([], [(10, 16)])) == "no claim"
    assert ds.outcome(unit, _processed([])) == "no mention"
