"""A holding in one source against the rest of the whole in another (issue 14): the rest stands for its complement."""

import itertools

from claimcheck.crosscheck import compare_group, told_as_rest
from claimcheck.schema import Claim

_numbers = itertools.count(1)

HELD = "Velmont, which has {} pct of Quarrow Tin already, told the exchange on Tuesday."
REST = "Velmont offered 240 mln dlrs for the {} pct of Quarrow Tin that it does not already own, the tin miner said."
PLAIN = "Velmont holds {} pct of Quarrow Tin's shares, a filing showed."


def share(doc, value, sentence, confidence=0.8, qualifier="exact"):
    text = f"{value:.2f} pct"
    return Claim(id=f"{doc}:c{next(_numbers)}", doc=doc, subject="Velmont", attribute="stake", value=value,
                 unit="percent", qualifier=qualifier, low=round(value - 0.005, 3), high=round(value + 0.005, 3),
                 text=text, start=0, end=len(text), sentence=sentence.format(f"{value:.2f}"), confidence=confidence)


def test_a_share_is_told_as_the_rest_only_with_the_cue_on_the_figure():
    assert told_as_rest(share("b", 68.26, REST))
    assert told_as_rest(share("b", 49.00, "Ormsby will buy the remaining {} pct of the venture next year."))
    assert not told_as_rest(share("a", 31.74, HELD))
    # the sentence has a rest word, but not on the figure: "other shareholders", "its balance sheet"
    assert not told_as_rest(share("a", 31.74, "Velmont holds {} pct of Quarrow Tin, other shareholders said."))
    assert not told_as_rest(share("a", 31.74, "Velmont, which holds {} pct, said its balance sheet was sound."))
    # "remaining" / "other" on a holding: what is left of the subject's own stake, or another holder's
    assert not told_as_rest(share("a", 31.74, "Velmont will sell its remaining {} pct stake in Quarrow Tin."))
    assert not told_as_rest(share("a", 31.74, "Velmont already owns the remaining {} pct of Quarrow Tin."))


def test_a_holding_with_two_digits_swapped_is_found_against_the_rest_another_source_tells():
    held = share("gazette", 13.74, HELD, confidence=0.7)
    rests = [share("wire", 68.26, REST), share("herald", 68.26, REST)]
    f = compare_group([held] + rests, lambda: "f1")
    assert f is not None and f.kind == "conflict" and f.docs[0] == "gazette" and f.verdict == "Refuted"
    assert f.slip == "a digit transposition" and f.found == "13.74 pct" and f.suggestion == "31.74 pct"
    assert "68.26 pct is the rest it does not hold, i.e. 31.74 pct" in f.message
    assert f.message.startswith("gazette says 13.74 pct for Velmont")
    # one source against one: still reported, both named, with the slip
    f = compare_group([held, rests[0]], lambda: "f1")
    assert f is not None and set(f.docs) == {"gazette", "wire"} and f.slip == "a digit transposition"


def test_a_changed_holding_is_found_against_the_rest():
    # 16.50 against 68.26 is more than 4x apart (read as another thing without the rest); against 31.74 it is not
    held = share("gazette", 16.50, HELD, confidence=0.7)
    f = compare_group([held, share("wire", 68.26, REST), share("herald", 68.26, REST)], lambda: "f1")
    assert f is not None and f.kind == "conflict" and f.docs[0] == "gazette" and f.slip is None
    assert f.suggestion == "31.74 pct" and "i.e. 31.74 pct" in f.message
    # a change that was found before: now told against the holding the rest stands for
    f = compare_group([share("gazette", 35.20, HELD, 0.7), share("wire", 68.26, REST), share("herald", 68.26, REST)],
                      lambda: "f1")
    assert f is not None and f.docs[0] == "gazette" and f.suggestion == "31.74 pct"


def test_a_rest_that_does_not_fit_the_holding_is_the_outlier():
    rest = share("wire", 62.86, REST, confidence=0.5)  # 68.26 with two digits swapped
    f = compare_group([share("gazette", 31.74, HELD), share("herald", 31.74, HELD), rest], lambda: "f1")
    assert f is not None and f.docs[0] == "wire" and f.slip == "a digit transposition"
    assert f.found == "62.86 pct" and f.suggestion == "68.26 pct"
    assert f.message.startswith("wire says 62.86 pct is the rest it does not hold, i.e. 37.14 pct, for Velmont")


def test_a_holding_and_its_exact_rest_agree_and_two_rests_agree():
    held, rest = share("gazette", 31.74, HELD), share("wire", 68.26, REST)
    assert compare_group([held, rest], lambda: "f1") is None
    assert compare_group([held, rest, share("herald", 68.26, REST)], lambda: "f1") is None
    assert compare_group([rest, share("herald", 68.26, REST)], lambda: "f1") is None
    # a source telling both the holding and the rest agrees with itself
    assert compare_group([held, rest, share("wire", 31.74, HELD)], lambda: "f1") is None


def test_a_rest_the_other_source_states_as_written_is_not_turned_around():
    # "a 68.26 pct holding" told without the cue by one source, with it by another: the same figure
    f = compare_group([share("gazette", 68.26, PLAIN), share("wire", 68.26, REST)], lambda: "f1")
    assert f is None


def test_without_a_rest_cue_nothing_changes():
    # 13.74 against 68.26 with no rest word: more than 4x apart without a slip, two different things
    assert compare_group([share("gazette", 13.74, HELD), share("wire", 68.26, PLAIN)], lambda: "f1") is None
    f = compare_group([share("gazette", 35.20, HELD), share("wire", 68.26, PLAIN)], lambda: "f1")
    assert f is not None and f.suggestion in ("68.26 pct", "35.20 pct") and "rest" not in f.message


def test_the_company_a_stake_is_held_in_is_resolved_with_the_subjects():
    # "Pelham Aviation Inc" in one story page and "Pelham" in another are one company held
    from claimcheck.schema import Claim, Document
    from claimcheck.story import StoryDoc, resolve_subjects

    def stake(doc, scope, subject):
        return Claim(id=f"{doc}:c1", doc=doc, subject=subject, subject_text=subject, attribute="stake", value=9.9,
                     unit="percent", scope=scope, text="9.9 pct", start=0, end=7, confidence=0.9)

    items = [StoryDoc(Document(id=i, text="x"), [stake(i, scope, subject)])
             for i, scope, subject in (("a", "Pelham Aviation Inc", "Brandt Holdings"), ("b", "Pelham", "Brandt"))]
    got = resolve_subjects(items, {})
    assert len({c.scope for c in got}) == 1 and len({c.subject for c in got}) == 1
    assert {c.scope for c in got} <= {"Pelham Aviation Inc", "Pelham"}
