from collections import Counter

import pytest

from claimcheck.resolve.typos import (FEATURES, MODEL_PATH, NAME_THRESHOLD, WORD_THRESHOLD, closed_compound,
                                      damerau, edge_edit, find_typos, find_word_typos, foreign_context,
                                      known_variant, load_model, pair_features, typo_probability)


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
    # one story: the documents share its names (Shenzhen, Huawei), the evidence that both forms name one thing
    found = find_typos(docs(a=f"{right} Shenzhen Huawei", b=f"{right} {right} Huawei", c=f"{right}",
                            d=f"{slip} Shenzhen Huawei"))
    assert [(t.found, t.suggestion) for t in found] == [(slip, right)]
    # the same two forms in unrelated documents (no name, word or document in common): no evidence, no typo
    assert find_typos(docs(a=f"{right} Shenzhen Huawei", b=f"{right} {right} Huawei", c=f"{right}",
                           d=f"{slip} Lisbon Porto")) == []


@pytest.mark.parametrize("slip, right", [("Electins", "Elections"), ("Superir", "Superior"), ("Natins", "Nations")])
def test_a_common_english_word_in_a_name_has_one_spelling(slip, right):
    # 'io' / 'i' is how transliterations of one name vary ('Vassilios' / 'Vassilis'), not an English word
    found = find_typos(docs(a=f"{right} Shenzhen Huawei", b=f"{right} {right} Huawei", c=f"{right}",
                            d=f"{slip} Shenzhen Huawei"))
    assert [(t.found, t.suggestion) for t in found] == [(slip, right)]
    assert find_typos(docs(a="Vassilios Shenzhen", b="Vassilios Huawei", c="Vassilis Shenzhen Huawei")) == []


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
    names = docs(a="SoftBank SoftBank Vision Fund", b="SoftBank", c="SoftBank", d="SotBank Vision Fund")
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


def test_model_loads_from_plain_arrays():
    bundle = load_model()
    assert bundle["features"] == FEATURES
    assert MODEL_PATH.suffix == ".npz"
    assert not any(MODEL_PATH.parent.glob("*.pkl")) and not any(MODEL_PATH.parent.glob("*.pickle"))


def test_exported_trees_predict_what_scikit_learn_predicts():
    """A classifier fitted here with the training code's settings, exported to arrays, gives scikit-learn's
    probabilities on real name pairs and on random feature rows (including values on split thresholds)."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    from claimcheck import arraymodels

    rng = np.random.default_rng(0)
    pairs = [("Nvdidia", "Nvidia"), ("Telekom", "Telecom"), ("Liffe", "Life"), ("Dimon", "Dixon"),
             ("goverment", "government"), ("Megvi", "Megvii"), ("Scholl", "School"), ("Asif", "Asia")]
    X = np.asarray([pair_features(a, b) for a, b in pairs] * 20, dtype=float)
    X = np.vstack([X, rng.random((400, len(FEATURES))) * 4])
    y = (X[:, 0] + rng.random(len(X)) > 2).astype(int)
    clf = HistGradientBoostingClassifier(max_iter=60, max_leaf_nodes=15, random_state=0).fit(X, y)
    model = arraymodels.TreeEnsemble(*arraymodels.tree_ensemble_from_sklearn(clf))
    probe = np.vstack([X, np.round(X * 2) / 2])
    expected = clf.predict_proba(probe)[:, 1]
    got = [model.proba(list(row)) for row in probe]
    assert np.allclose(expected, got, rtol=0, atol=1e-12)
    assert min(got) < 0.2 and max(got) > 0.8


def test_inconsistent_tree_arrays_are_refused(tmp_path):
    from claimcheck import arraymodels
    from claimcheck.errors import ModelError

    header, arrays = arraymodels.load(MODEL_PATH, arraymodels.TreeEnsemble.KIND)
    arrays["left"] = arrays["left"].copy()
    arrays["left"][arrays["leaf"] == 0] = 0  # a split pointing back at the root would loop for ever
    bad = tmp_path / "loop.npz"
    arraymodels.save(bad, arraymodels.TreeEnsemble.KIND, arrays, header)
    with pytest.raises(ModelError, match="inconsistent"):
        load_model(bad)


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


def test_forms_within_the_edit_limit_share_a_deletion_key():
    """find_typos pairs a form only with the forms its deletion index names: every pair within the edit limit
    (substitution, insertion, deletion, transposition; two edits for long forms) must share a key."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from claimcheck.resolve.typos import _deletions, _max_edits

    letters = st.text(alphabet="abcdeÄß", min_size=4, max_size=14)

    @settings(max_examples=400, deadline=None)
    @given(letters, st.data())
    def check(a, data):
        b = a
        for _ in range(data.draw(st.integers(1, 2))):
            op = data.draw(st.sampled_from(["sub", "ins", "del", "swap"]))
            i = data.draw(st.integers(0, max(0, len(b) - 2)))
            c = data.draw(st.sampled_from("abxyz"))
            b = {"sub": b[:i] + c + b[i + 1:], "ins": b[:i] + c + b[i:], "del": b[:i] + b[i + 1:],
                 "swap": b[:i] + b[i + 1:i + 2] + b[i:i + 1] + b[i + 2:]}[op]
        fa, fb = a.casefold(), b.casefold()
        limit = 2 if min(len(a), len(b)) >= 10 else 1
        if damerau(fa, fb, limit) <= limit:
            assert _deletions(fa, _max_edits(a)) & _deletions(fb, _max_edits(b)), (a, b)

    check()


def test_typos_in_a_large_story_are_found_among_many_forms():
    """A story with thousands of name forms still pairs the slip with its right form (and only that)."""
    import random

    rng = random.Random(0)
    names = sorted({"".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(4)).capitalize()
                    for _ in range(3000)})
    counts = {f"d{i}": Counter({n: 1 for n in names[i::20]}) for i in range(20)}
    for i in range(5):
        counts[f"d{i}"]["Xinjiang"] = 2
    counts["d9"]["Xinjang"] = 1
    for i in (0, 9):  # the slip's document and one writing the right form report the same story
        counts[f"d{i}"].update({"Urumqi": 1, "Kashgar": 1})
    found = find_typos(counts)
    assert [(t.found, t.suggestion) for t in found if t.found == "Xinjang"] == [("Xinjang", "Xinjiang")]


# --- common words: compounds, other languages, British doubling (issue 14) -----------------------------------

def test_two_common_words_written_as_one_are_a_compound_not_a_slip():
    # the classifier alone reads 'seatback' as a slip for 'setback'; it is 'seat' + 'back' written as one
    assert typo_probability("seatback", "setback") >= 0.9
    assert closed_compound("seatback", "setback") == ("seat", "back")
    texts = {"a": "Investors took the seatback in their stride and the goverment said so.", "b": "Nothing here."}
    assert [t.found for t in find_word_typos(texts)] == ["goverment"]


def test_a_swap_of_neighbouring_letters_is_a_slip_even_when_it_spells_two_words():
    # 'favourtie' is 'favour' + 'tie', but two swapped letters are a typing slip
    assert closed_compound("favourtie", "favourite") is None
    texts = {"a": "Their favourtie supplier raised prices.", "b": "Nothing here."}
    assert [(t.found, t.suggestion) for t in find_word_typos(texts)] == [("favourtie", "favourite")]


def test_a_suffix_is_no_second_word_of_a_compound():
    assert closed_compound("bigest", "biggest") is None  # not 'big' + 'est'
    texts = {"a": "It is now the bigest chipmaker in the region.", "b": "Nothing here."}
    assert [(t.found, t.suggestion) for t in find_word_typos(texts)] == [("bigest", "biggest")]


def test_a_word_among_words_of_another_language_is_no_english_slip():
    # 'comme' is one edit from 'come', but it stands beside another French word
    texts = {"a": "He wrote comme toujours on the card.", "b": "Nothing here."}
    assert find_word_typos(texts) == []
    text = "The note said that elle avait raison."
    start = text.index("avait")
    assert foreign_context(text, start, start + len("avait"))
    # alone in an English sentence the same form is read as an English word's slip
    assert [(t.found, t.suggestion) for t in find_word_typos({"a": "The firm will avait the results.",
                                                               "b": "Nothing here."})] == [("avait", "avail")]


def test_a_foreign_function_word_alone_is_still_a_slip():
    # 'beter' is Dutch, and here a slip for 'better': no run of other-language words around it
    texts = {"a": "The money would be beter spent on staff.", "b": "Nothing here."}
    assert [(t.found, t.suggestion) for t in find_word_typos(texts)] == [("beter", "better")]


def test_two_slips_side_by_side_are_both_reported():
    # a neighbour that is no English word but a slip of one does not make a foreign run
    texts = {"a": "It was their favourtie sesaon for sales.", "b": "Nothing here."}
    assert [t.found for t in find_word_typos(texts)] == ["favourtie", "sesaon"]


def test_a_neighbour_written_as_two_words_in_one_is_english():
    # 'chipmaker' is in no dictionary, but it is 'chip' + 'maker': no foreign run beside 'bigest'
    text = "the bigest chipmaker"
    assert not foreign_context(text, 4, 10)


@pytest.mark.parametrize("word", ["targetting", "focussed", "benefitted"])
def test_british_doubled_consonants_are_words(word):
    assert known_variant(word)
    assert find_word_typos({"a": f"The firm {word} new markets.", "b": "Nothing here."}) == []
