from collections import Counter

import pytest

from claimcheck.resolve.typos import damerau, find_typos


@pytest.mark.parametrize("a, b, d", [
    ("alibaba", "alibbaba", 1), ("megvii", "megvi", 1), ("sensetime", "sensetme", 1),
    ("xinjiang", "xinjang", 1), ("hikvision", "hikvisoin", 1), ("dahua", "dauha", 1),
    ("kitten", "sitting", 3), ("same", "same", 0),
])
def test_damerau(a, b, d):
    assert damerau(a, b) == d


def docs(**kwargs):
    return {doc: Counter(words.split()) for doc, words in kwargs.items()}


def test_minority_spelling_is_flagged_with_its_correction():
    found = find_typos(docs(
        wire="Alibaba Alibaba Hong Kong", trade="Alibaba Hong Kong", blog="Alibbaba Hong Kong",
        brief="Alibaba Kong Hong", copy="Alibaba Hong"))
    assert [(t.found, t.suggestion, t.docs) for t in found] == [("Alibbaba", "Alibaba", ("blog",))]


@pytest.mark.parametrize("minority, majority", [
    ("Uyghur", "Uighur"),  # accepted transliteration
    ("Uighurs", "Uighur"),  # plural
    ("Beijing", "Peking"),
    # forms seen as false alarms on real ECB+ clusters
    ("Hormuzgan", "Hormozgan"), ("Gurbanguly", "Gurbanguli"),  # transliterations
    ("Technicolour", "Technicolor"),  # British / American
    ("Indian", "India"), ("American", "America"), ("Somalis", "Somalia"), ("Germany", "German"),  # derived
    ("International", "Internationally"),
])
def test_accepted_variants_are_not_flagged(minority, majority):
    found = find_typos(docs(a=f"{majority} Hikvision", b=f"{majority} Hikvision", c=f"{minority} Hikvision"))
    assert found == []


def test_form_used_by_many_sources_is_not_a_typo():
    # 'Megvi' in 2 of 4 sources: a spelling two outlets share is not one writer's slip
    assert find_typos(docs(a="Megvii", b="Megvii", c="Megvi", d="Megvi")) == []
    # 'Angeles' (Los Angeles) in four of ten sources beside 'Angels' (the team)
    many = docs(**{f"d{i}": "Angels" for i in range(6)}, **{f"e{i}": "Angeles Angels" for i in range(4)})
    assert find_typos(many) == []


@pytest.mark.parametrize("slip, right", [
    ("Nvdidia", "Nvidia"), ("Teixiera", "Teixeira"), ("Megvi", "Megvii"), ("SoftBnak", "SoftBank"),
    ("Alibbaba", "Alibaba"), ("SenseTme", "SenseTime"), ("Xinjang", "Xinjiang"), ("Hikvison", "Hikvision"),
])
def test_real_slips_are_flagged(slip, right):
    found = find_typos(docs(a=f"{right} said", b=f"{right} {right}", c=f"{right}", d=f"{slip} said"))
    assert [(t.found, t.suggestion) for t in found] == [(slip, right)]


def test_single_document_has_no_cross_source_typos():
    assert find_typos(docs(a="Alibaba Alibbaba")) == []


def test_forms_never_used_in_the_same_context_are_not_typos():
    names = docs(a="Data Data", b="Data", c="Data", d="Dana")
    contexts = {"a": {"Data": {"electronic", "systems"}}, "b": {"Data": {"electronic"}}, "c": {"Data": {"systems"}},
                "d": {"Dana": {"perino", "said"}}}
    assert find_typos(names, contexts) == []
    contexts["d"] = {"Dana": {"electronic", "said"}}
    assert [t.found for t in find_typos(names, contexts)] == ["Dana"]
