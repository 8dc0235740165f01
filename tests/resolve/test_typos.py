from collections import Counter

import pytest

from claimcheck.resolve.typos import (FEATURES, MODEL_PATH, NAME_THRESHOLD, TRUSTED_TYPES, WORD_THRESHOLD, damerau,
                                      edge_edit, find_typos, find_word_typos, known_variant, load_model,
                                      typo_probability)


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
    ("Yunis", "Younis"), ("Jabalya", "Jabaliya"), ("Fahora", "Fakhora"), ("Zeitun", "Zeitoun"),
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
    assert find_typos(names, contexts) == []  # shared context or not, 'Dana' is a word (and a name) of its own


def test_a_non_word_needs_no_shared_context():
    names = docs(a="SoftBank SoftBank", b="SoftBank", c="SoftBank", d="SotBank")
    contexts = {"a": {"SoftBank": {"which"}}, "b": {"SoftBank": {"price"}}, "c": {"SoftBank": {"the"}},
                "d": {"SotBank": {"group", "owned"}}}
    assert [(t.found, t.suggestion) for t in find_typos(names, contexts)] == [("SotBank", "SoftBank")]


@pytest.mark.parametrize("found, right", [("Susan", "Sudan"), ("Titter", "Twitter"), ("Bell", "Bella"),
                                          ("Dana", "Data"), ("Angeles", "Angels")])
def test_classifier_rejects_real_words_as_slips(found, right):
    # false alarms seen on unmodified ECB+ clusters: the suspect form is a word or name of its own
    assert typo_probability(found, right) < NAME_THRESHOLD


@pytest.mark.parametrize("found, right", [("Nvdidia", "Nvidia"), ("Teixiera", "Teixeira"), ("Xinjang", "Xinjiang"),
                                          ("SoftBnak", "SoftBank"), ("Megvi", "Megvii"), ("goverment", "government")])
def test_classifier_accepts_slips(found, right):
    assert typo_probability(found, right) >= WORD_THRESHOLD


def test_model_loads_with_skops_trusting_only_its_types():
    import skops.io as sio

    untrusted = sio.get_untrusted_types(file=str(MODEL_PATH))
    assert set(untrusted) <= set(TRUSTED_TYPES)
    bundle = load_model()
    assert bundle["features"] == FEATURES
    assert not any(MODEL_PATH.parent.glob("*.pkl")) and not any(MODEL_PATH.parent.glob("*.pickle"))


def test_common_word_misspellings_with_proper_nouns_protected():
    texts = {"a": "The goverment said the recieve was fine; Megvi and Xinjang are names here.",
             "b": "The government said so. Megvi is a company.", "c": "Nothing to see in the Xinjang region."}
    found = find_word_typos(texts)
    assert [(t.found, t.suggestion, t.docs, t.kind) for t in found] == [
        ("goverment", "government", ("a",), "word"), ("recieve", "receive", ("a",), "word")]
    # a lower-case form that a document also writes as a name is protected
    assert find_word_typos({"a": "the megvi platform", "b": "Megvi said"}) == []
    # the same misspelling in two sources is not one writer's slip
    assert find_word_typos({"a": "the goverment", "b": "the goverment"}) == []


@pytest.mark.parametrize("found, right, edge", [
    ("Alexi", "Alex", True), ("Berne", "Bern", True), ("Kurbanguly", "Gurbanguly", True), ("tased", "based", True),
    ("facto", "fact", True), ("Megvi", "Megvii", False), ("Xinjang", "Xinjiang", False), ("Alibbaba", "Alibaba", False),
])
def test_edge_edits_are_other_names_not_slips(found, right, edge):
    assert edge_edit(found, right) is edge


@pytest.mark.parametrize("word, variant", [
    ("offense", True), ("smolder", True), ("somber", True), ("aluminum", True), ("theaters", True),
    ("specialty", True), ("helming", True), ("teenaged", True), ("partier", True), ("bleedin", True),
    ("occuring", False), ("takeing", False), ("truely", False), ("committment", False), ("recieve", False),
])
def test_american_spellings_and_inflections_are_words(word, variant):
    assert known_variant(word) is variant


def test_american_spellings_are_not_word_typos():
    texts = {"a": "The offense was somber and the theaters centered on aluminum.", "b": "Nothing here."}
    assert find_word_typos(texts) == []
