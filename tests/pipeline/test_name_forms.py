"""Which words the typo check reads as name forms (``pipeline.name_forms``). Our own sentences; the Docs carry no
tagger and no entities, as the default pipeline's words outside its NER's entities do."""

from __future__ import annotations

from rule_docs import make, tokenizer_only

from claimcheck.pipeline import name_forms

NLP = tokenizer_only()


def test_a_capitalised_word_no_dictionary_holds_is_a_name_inside_a_sentence():
    doc = make(NLP, "Flood water rose along the Missori river. Officials in Brennick said so. Vantreo opened a "
                    'shelter. The mayor said: "Corlane is safe."', sentences=True)
    names = name_forms(doc)["names"]
    assert set(names) == {"Missori", "Brennick"}
    # 'Flood' and 'Vantreo' open sentences, 'Corlane' a quotation: a capital there says nothing; 'Officials' is
    # an English word


def test_the_words_beside_an_unknown_name_are_its_context():
    doc = make(NLP, "Flood water rose along the Missori river.", sentences=True)
    assert name_forms(doc)["contexts"] == {"Missori": {"the", "river"}}
