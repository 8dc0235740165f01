"""Count scopes matched by meaning (``claimcheck.resolve.scopes``): paraphrased counts meet, different counts
stay apart, and a story with one scope per subject never loads the encoder. Sentences written for these tests."""

from __future__ import annotations

from collections import Counter

import pytest

from claimcheck.crosscheck import count_scope_words, group_key
from claimcheck.resolve import scopes
from claimcheck.schema import Claim, Document


def _count(i: int, doc: str, scope: str | None, value: int = 28, subject: str = "Commerce Department") -> Claim:
    return Claim(id=f"c{i}", doc=doc, subject=subject, attribute="count", value=value, unit="count",
                 scope=scope, text=str(value), start=0, end=2, confidence=0.9)


@pytest.fixture(autouse=True)
def enabled(monkeypatch):
    """The matcher is off by default (benchmarks/README.md); these tests switch it on."""
    monkeypatch.setattr(scopes, "ENABLED", True)


@pytest.fixture
def no_encoder(monkeypatch):
    """Any attempt to encode fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("the encoder was used")

    monkeypatch.setattr(scopes, "embed", refuse)
    monkeypatch.setattr(scopes, "_encoder", refuse)


# --- guards: no model ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("a,b", [("people (kill)", "people (injure)"), ("dead", "wounded"),
                                 ("people (die)", "people (hurt)"), ("body (find)", "people (miss)"),
                                 ("people (kill)", "suspect (arrest)"), ("casualty", "fatality")])
def test_casualty_kinds_never_merge(a, b, no_encoder):
    assert scopes.guard(a, b) is False
    assert scopes.same_scope(a, b) is False


@pytest.mark.parametrize("a,b", [("entity (add)", "entity (remove)"), ("share (buy)", "share (sell)"),
                                 ("game (win)", "game (lose)"), ("worker (hire)", "worker (cut)")])
def test_opposite_verbs_never_merge(a, b, no_encoder):
    assert scopes.same_scope(a, b) is False


def test_equal_scopes_are_the_same_without_the_encoder(no_encoder):
    assert scopes.same_scope("Entity (add)", "entity (add)") is True


def test_undecided_pairs_go_to_the_meaning():
    assert scopes.guard("entity (add)", "organization (place)") is None
    assert scopes.guard("people (kill)", "dead") is None  # same kind of casualty: the meaning decides


def test_parts_and_words():
    assert scopes.parts("entity (add)") == ("entity", "add")
    assert scopes.parts("people") == ("people", None)
    assert scopes.words("entity (add)") == count_scope_words("entity (add)") == "entities added"


def test_one_scope_per_subject_does_not_load_the_encoder(no_encoder):
    claims = [_count(1, "a", "entity (add)"), _count(2, "b", "entity (add)", 38),
              _count(3, "a", "people (injure)", 5, subject="Police"), _count(4, "b", None, 7)]
    assert scopes.canonical_scopes(claims) == claims


def test_pairs_the_guards_settle_do_not_load_the_encoder(no_encoder):
    claims = [_count(1, "a", "people (kill)", 30), _count(2, "b", "people (injure)", 12)]
    assert scopes.canonical_scopes(claims) == claims


def test_complete_link_keeps_guarded_scopes_apart(monkeypatch):
    """A third scope like both cannot join "killed" and "injured" into one group."""
    monkeypatch.setattr(scopes, "embed", lambda texts: __import__("numpy").ones((len(texts), 2)) / 2 ** 0.5)
    mapping = scopes.merge_scopes(["people (kill)", "people (injure)", "victim"],
                                  Counter({"people (kill)": 3, "people (injure)": 2, "victim": 1}))
    assert mapping["people (kill)"] != mapping["people (injure)"]
    assert mapping["victim"] == "people (kill)"  # joins the most frequent group it fully agrees with


def test_canonical_form_is_the_most_frequent(monkeypatch):
    monkeypatch.setattr(scopes, "embed", lambda texts: __import__("numpy").ones((len(texts), 2)) / 2 ** 0.5)
    claims = [_count(1, "a", "entity (add)"), _count(2, "b", "organization (place)"),
              _count(3, "c", "organization (place)", 38)]
    out = scopes.canonical_scopes(claims)
    assert [c.scope for c in out] == ["organization (place)"] * 3
    assert len({group_key(c) for c in out}) == 1
    assert out[1] is claims[1]  # unchanged claims are not copied


# --- with the encoder (slow: loads all-MiniLM-L6-v2) --------------------------------------------------------

@pytest.mark.slow
def test_paraphrased_counts_merge_and_different_ones_do_not():
    pytest.importorskip("torch")
    assert scopes.same_scope("people (kill)", "people (die)")
    assert scopes.same_scope("fatality", "death")
    assert not scopes.same_scope("rebound (grab)", "point (score)")
    assert not scopes.same_scope("touchdown (score)", "return (punt)")
    mapping = scopes.merge_scopes(["people (kill)", "people (die)", "people (injure)"],
                                  Counter({"people (die)": 2, "people (kill)": 1, "people (injure)": 1}))
    assert mapping["people (kill)"] == mapping["people (die)"] == "people (die)" != mapping["people (injure)"]


@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason="all-MiniLM-L6-v2 puts 'entities added' and 'organizations placed' at cosine "
                   "0.36, below the threshold chosen on the dev pairs (0.76); see benchmarks/README.md")
def test_entities_added_and_organizations_placed_merge():
    pytest.importorskip("torch")
    assert scopes.same_scope("entity (add)", "organization (place)")


def _docs(texts: list[tuple[str, str]]) -> list[Document]:
    return [Document(id=i, title=i, text=t) for i, t in texts]


_TOLL_DOCS = [
    ("wire", "Boeing said on Monday that 30 workers were killed in the fire at its Everett plant."),
    ("blog", "Boeing said on Monday that 30 workers died in the fire at its Everett plant."),
    ("site", "Boeing said on Monday that 38 workers died in the fire at its Everett plant."),
]


@pytest.mark.slow
def test_injected_count_in_a_paraphrase_is_a_conflict_end_to_end():
    pytest.importorskip("torch")
    from claimcheck.api import check

    report = check(_docs(_TOLL_DOCS), model="rules", stories="one")
    counts = [c for c in report.claims if c.attribute == "count"]
    assert len(counts) == 3 and len({c.scope for c in counts}) == 1
    conflicts = [f for f in report.findings if f.kind == "conflict" and f.attribute == "count"]
    assert len(conflicts) == 1 and set(conflicts[0].docs) == {"wire", "blog", "site"}
    assert conflicts[0].message.startswith("site says 38")  # the odd one out, against the wire and the blog
    assert f"number of {count_scope_words(counts[0].scope)}" in conflicts[0].message  # the scope in words


@pytest.mark.slow
def test_a_changed_count_in_other_words_goes_unnoticed_without_the_matcher(monkeypatch):
    pytest.importorskip("torch")
    from claimcheck.api import check

    docs = _docs([_TOLL_DOCS[0], _TOLL_DOCS[2]])  # "30 workers were killed" / "38 workers died"

    def count_conflicts():
        return [f for f in check(docs, model="rules", stories="one").findings
                if f.kind == "conflict" and f.attribute == "count"]

    assert len(count_conflicts()) == 1
    monkeypatch.setattr(scopes, "canonical_scopes", lambda claims: claims)  # today's literal key
    assert count_conflicts() == []


@pytest.mark.slow
def test_killed_and_injured_stay_apart_end_to_end():
    pytest.importorskip("torch")
    from claimcheck.api import check

    docs = _docs([("a", "Boeing said on Monday that 30 workers were killed in the fire at its Everett plant."),
                  ("b", "Boeing said on Monday that 12 workers were injured in the fire at its Everett plant."),
                  ("c", "Boeing said on Monday that 30 workers died in the fire at its Everett plant.")])
    report = check(docs, model="rules", stories="one")
    scopes_by_doc = {c.doc: c.scope for c in report.claims if c.attribute == "count"}
    assert len(scopes_by_doc) == 3 and scopes_by_doc["a"] == scopes_by_doc["c"] != scopes_by_doc["b"]
    assert not [f for f in report.findings if f.kind == "conflict"]


def test_without_the_encoder_scopes_match_literally(monkeypatch):
    from claimcheck.errors import ModelError

    def missing(texts):
        raise ModelError("the transformer pipeline needs torch, which is not installed")

    monkeypatch.setattr(scopes, "embed", missing)
    claims = [_count(1, "a", "entity (add)"), _count(2, "b", "organization (place)", 38)]
    assert scopes.canonical_scopes(claims) == claims


def test_off_by_default_scopes_stay_as_written(monkeypatch, no_encoder):
    monkeypatch.undo()  # the module's own setting
    assert scopes.ENABLED is False
    claims = [_count(1, "a", "worker (kill)", 30), _count(2, "b", "worker (die)", 38)]
    assert scopes.canonical_scopes(claims) == claims
