"""The error-injection generator (benchmarks/crosscheck/inject.py) produces exactly the error it reports."""

from __future__ import annotations

import sys
from datetime import date

import pytest

from claimcheck.crosscheck import slip_kind
from claimcheck.normalize import normalize_count, normalize_money, normalize_percent
from claimcheck.resolve.typos import damerau, edit_kind, is_word
from claimcheck.schema import Claim, Document, Evidence, Finding, Report

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks" / "crosscheck"))
import inject  # noqa: E402

TEXTS = {
    "a": "SenseTime was valued at $7.5 billion on Monday. Megvii posted revenue of $1.25 billion. The department "
         "added 28 entities. Shares of Megvii began trading on November 26. Hikvision said 24% of sales came from "
         "Xinjiang. Hikvision and SenseTime and Megvii.",
    "b": "Investors valued SenseTime at $7.5bn. Revenue at Megvii was $1.25bn. It added 28 entities to the list. "
         "Megvii began trading on November 26. Hikvision said 24% of sales came from Xinjiang. Hikvision, "
         "SenseTime, Megvii.",
    "c": "SenseTime, valued at $7.5 billion, and Megvii, with revenue of $1.25 billion. Officials added 28 entities. "
         "Trading in Megvii began on November 26. Hikvision and SenseTime and Megvii were named.",
}
FIGURES = [  # (text, subject, attribute, value, unit, low, high)
    ("$7.5 billion", "SenseTime", "valuation", 7.5e9, "USD", 7.45e9, 7.55e9),
    ("$7.5bn", "SenseTime", "valuation", 7.5e9, "USD", 7.45e9, 7.55e9),
    ("$1.25 billion", "Megvii", "revenue", 1.25e9, "USD", 1.245e9, 1.255e9),
    ("$1.25bn", "Megvii", "revenue", 1.25e9, "USD", 1.245e9, 1.255e9),
    ("28 entities", "US Commerce Department", "count", 28, "count", 27.5, 28.5),
    ("November 26", "Megvii", "listing_date", "2019-11-26", "date", "2019-11-26", "2019-11-26"),
    ("24%", "Hikvision", "revenue_share", 24, "percent", 23.5, 24.5),
]


def story():
    docs = [Document(id=d, text=t, published=date(2019, 11, 27)) for d, t in TEXTS.items()]
    claims = []
    for d, t in TEXTS.items():
        for text, subject, attribute, value, unit, low, high in FIGURES:
            at = t.find(text)
            if at < 0:
                continue
            claims.append(Claim(id=f"{d}:c{len(claims)}", doc=d, subject=subject, attribute=attribute, value=value,
                                unit=unit, low=low, high=high, text=text, start=at, end=at + len(text),
                                scope="entity (add)" if attribute == "count" else None, confidence=0.9))
    return Report(documents=docs, claims=claims), docs


@pytest.fixture(scope="module")
def injections():
    report, docs = story()
    return inject.generate(report, docs, seed=1, per_kind=5), report, docs


def test_every_kind_is_generated(injections):
    found, _, _ = injections
    assert {i.kind for i in found} == set(inject.KINDS)


def test_each_injection_changes_exactly_its_span(injections):
    found, _, docs = injections
    texts = {d.id: d.text for d in docs}
    for inj in found:
        old = texts[inj.doc]
        assert old[inj.start:inj.end] == inj.old and inj.old != inj.new
        new = inj.apply(old)
        assert new[:inj.start] == old[:inj.start] and new[inj.start + len(inj.new):] == old[inj.end:]
        changed = inject.apply(docs, inj)
        assert [d.text for d in changed if d.id != inj.doc] == [d.text for d in docs if d.id != inj.doc]


def _claim_text(report, inj):
    c = next(c for c in report.claims if c.doc == inj.doc and c.start <= inj.start and inj.end <= c.end)
    return c, c.text[:inj.start - c.start] + inj.new + c.text[inj.end - c.start:]


def _value(c, text):
    if c.unit == "percent":
        return normalize_percent(text).value
    if c.unit == "count":
        return normalize_count(text).value
    return normalize_money(text, default_currency=c.unit).value


def test_numbers_carry_the_error_they_report(injections):
    found, report, _ = injections
    for inj in (i for i in found if i.kind in inject.NUMBER_KINDS):
        c, text = _claim_text(report, inj)
        assert _value(c, text) == pytest.approx(inj.new_value), (inj, text)
        assert inj.old_value == c.value
        if inj.kind == "digits_transposed":
            diff = [k for k in range(len(inj.old)) if inj.old[k] != inj.new[k]]
            assert len(inj.old) == len(inj.new) and len(diff) == 2 and diff[1] == diff[0] + 1
            assert inj.old[diff[0]] == inj.new[diff[1]] and inj.old[diff[1]] == inj.new[diff[0]]
        elif inj.kind == "scale_swapped":
            assert inject.SCALES[inj.old.lower()] == inj.new.lower()
            assert inj.new_value / inj.old_value in (pytest.approx(1e3), pytest.approx(1e-3))
        elif inj.kind == "figure_changed":
            assert slip_kind(inj.new_value, inj.old_value) is None
            assert 0.5 <= inj.new_value / inj.old_value <= 0.8 or 1.25 <= inj.new_value / inj.old_value <= 1.85
        elif inj.kind == "count_changed":
            assert abs(inj.new_value - inj.old_value) >= 2 and c.attribute == "count"


def test_dates_shift_by_two_days(injections):
    found, _, _ = injections
    for inj in (i for i in found if i.kind == "date_shifted"):
        assert abs((date.fromisoformat(inj.new_value) - date.fromisoformat(inj.old_value)).days) == 2
        assert abs(int(inj.new) - int(inj.old)) == 2


def test_names_are_misspelt_by_the_edit_they_report(injections):
    found, _, _ = injections
    expected = {"name_deletion": "deletion", "name_insertion": "insertion", "name_substitution": "substitution",
                "name_transposition": "transposition"}
    for inj in (i for i in found if i.kind in inject.NAME_KINDS):
        assert damerau(inj.new, inj.old) == 1 and edit_kind(inj.new, inj.old)[0] == expected[inj.kind]
        assert inj.new[0] == inj.old[0] and inj.new[-1] == inj.old[-1]  # interior edits only
        assert not is_word(inj.new) and inj.found == inj.new and inj.subject == inj.old
        if inj.kind == "name_substitution":
            _, pos, _ = edit_kind(inj.new, inj.old)
            assert not (inj.old[pos] in "aeiouy" and inj.new[pos] in "aeiouy")  # not a transliteration


def test_generation_is_seeded(injections):
    report, docs = story()
    assert inject.generate(report, docs, seed=1, per_kind=5) == injections[0]


def test_detection_rule():
    inj = inject.Injection("digits_transposed", "a", 24, 27, "7.5", "5.7", "SenseTime", "valuation", 7.5e9, 5.7e9)
    f = Finding(id="f1", kind="conflict", verdict="Refuted", subject="SenseTime", attribute="valuation",
                docs=["a", "b"], message="m", confidence=0.9)
    assert inject.detects(f, inj) and inject.blames(f, inj)
    assert inject.detects(f.model_copy(update={"docs": ["b", "a"]}), inj)
    assert not inject.blames(f.model_copy(update={"docs": ["b", "a"]}), inj)
    assert not inject.detects(f.model_copy(update={"kind": "typo"}), inj)
    assert not inject.detects(f.model_copy(update={"subject": "Megvii"}), inj)
    pointed = f.model_copy(update={"subject": None, "evidence": [Evidence(doc="a", text="$5.7 billion", start=23, end=35)]})
    assert inject.detects(pointed, inj)


def test_targets_follow_the_checkers_grouping_of_bare_stakes():
    # "Brandt holds 9.9 pct of Pelham" (a) and a bare "Brandt holds 9.9 pct" (a and b) are one group for the checker
    # (crosscheck.joined_keys): page a states it twice, so only page b's figure is a target
    def stake(doc, text, scope):
        return Claim(id=f"{doc}:{text}:{scope}", doc=doc, subject="Brandt", attribute="stake", value=9.9,
                     unit="percent", low=9.85, high=9.95, scope=scope, text=text, start=0, end=len(text),
                     confidence=0.9)

    claims = [stake("a", "9.9 pct", "Pelham"), stake("a", "9.9 pct", None), stake("b", "9.9 pct", None)]
    report = Report(documents=[], claims=claims, findings=[])
    [group] = inject._checkable(report).values()
    assert len(group) == 3
    docs = [Document(id=i, text="Brandt holds 9.9 pct.") for i in ("a", "b")]
    made = inject.generate(report, docs, per_kind=5, kinds=("figure_changed",))
    assert {i.doc for i in made} <= {"b"}


def test_a_kinds_draw_does_not_depend_on_the_other_kinds(injections):
    """Each error kind has its own seeded draw: the name errors of a story are the same whatever figures
    (claims) the pipeline gave it, so two pipelines' name recall compares on the same injections."""
    report, docs = story()
    names_only = inject.generate(report, docs, seed=1, per_kind=5, kinds=inject.NAME_KINDS)
    assert names_only == [i for i in injections[0] if i.kind in inject.NAME_KINDS]
    assert names_only
