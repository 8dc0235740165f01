"""A proper-noun variant is a typo only with evidence that both forms name the same thing in the same story
(claimcheck issue 14): articles of our own, written for these tests."""

import re
from collections import Counter

from claimcheck.resolve.typos import (EVIDENCE_CONFIDENCE, ROLE, SAME_DOC, STORY, find_typos)

_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")


def story(**texts):
    """(names, contexts, texts) as the pipeline gives them: capitalised words of four letters or more that do
    not open a sentence, with the nearest word on each side (lower case, past punctuation)."""
    names, contexts = {}, {}
    for doc, text in texts.items():
        tokens = _TOKEN.findall(text)
        counts, near = Counter(), {}
        for i, t in enumerate(tokens):
            opens = i == 0 or tokens[i - 1] in ".!?"
            if len(t) < 4 or not t[0].isupper() or opens or not t.replace("-", "").isalpha():
                continue
            counts[t] += 1
            words = near.setdefault(t, set())
            for step in (-1, 1):
                j = i + step
                while 0 <= j < len(tokens) and not tokens[j][0].isalnum() and abs(j - i) < 3:
                    j += step
                if 0 <= j < len(tokens) and tokens[j][0].isalnum():
                    words.add(tokens[j].lower())
        names[doc], contexts[doc] = counts, near
    return names, contexts, texts


def typos(**texts):
    return [(t.found, t.suggestion, t.confidence) for t in find_typos(*story(**texts))]


# --- unrelated stories in one large "story": each form is its own article's name ----------------------------

UNRELATED = {
    "bonn": "Profits at Deutsche Telekom rose in Bonn. The group said Deutsche Telekom would sell its cable arm, "
            "and Deutsche Telekom shares rose.",
    "bonn2": "In Bonn, Deutsche Telekom agreed a mobile deal with Vodafone. Rivals of Deutsche Telekom objected.",
    "bonn3": "Unions at Deutsche Telekom in Bonn called a strike over pay.",
    "paris": "Shares in France Telecom fell in Paris after Orange results. France Telecom cut its forecast.",
    "rome": "In Milan, Telecom Italia said its debt had fallen. The chairman of Telecom Italia resigned.",
    "lisbon": "Portugal Telecom bought a Brazilian operator in Lisbon, Portugal Telecom said.",
}


FILLER = {f"other{i}": f"Results from Company{chr(97 + i % 26)}{i} were published by Agency{i}." for i in range(30)}


def test_each_article_consistent_with_its_own_spelling_is_no_typo():
    # a corpus checked as one story (36 articles): 'Telekom' is written by three articles that never write
    # 'Telecom', their name for their company, while four others write 'Telecom'
    texts = {**UNRELATED, **FILLER, "oslo": "Shares in Telenor and Telecom Austria rose in Oslo."}
    assert typos(**texts) == []


def test_one_article_with_another_name_and_no_common_story_is_no_typo():
    # one article writes 'Dimon' twice (James Dimon of a bank); two unrelated articles write 'Dixon' (Geoff Dixon of
    # an airline): no document, role, neighbour or story names in common
    texts = {
        "bank": "Chief operating officer James Dimon said the Chicago bank would grow. Mr Dimon joined from Bank One.",
        "air1": "Qantas chief executive Geoff Dixon said Sydney flights were full.",
        "air2": "At Qantas, Geoff Dixon warned that fuel costs in Sydney would rise.",
    }
    assert typos(**texts) == []


def test_a_name_next_to_another_first_name_is_a_different_person():
    # 'Olivia Colman' in a story that writes 'Jenna Coleman' elsewhere: the story is the same, the people are not
    texts = {
        "a": "The Doctor Who casting surprised Cardiff. Some hoped for Olivia Colman in the Tardis.",
        "b": "Jenna Coleman will stay in Doctor Who, the BBC said in Cardiff, beside the Tardis.",
        "c": "Filming of Doctor Who with Jenna Coleman resumes in Cardiff.",
    }
    assert typos(**texts) == []
    # the same article without the first name: one story, shared names, and the slip is flagged
    texts["a"] = "The Doctor Who casting surprised Cardiff. Some hoped Colman would be in the Tardis."
    assert [t[:2] for t in typos(**texts)] == [("Colman", "Coleman")]


# --- a real slip inside one story ----------------------------------------------------------------------------

GLAZER = {
    "wire": "US tycoon Malcolm Glazer raised his offer for Manchester United. Glazer owns the Tampa Bay Buccaneers.",
    "paper": "Fans in Manchester protested against Malcolm Glazer, whose family owns the Buccaneers.",
    "blog": "The board of Manchester United will meet US tycoon Malcom Glazer on Friday.",
    "city": "Analysts in London said Malcolm Glazer could borrow for the bid.",
}


def test_slip_in_the_same_role_is_a_typo_with_the_roles_confidence():
    assert typos(**GLAZER) == [("Malcom", "Malcolm", EVIDENCE_CONFIDENCE[ROLE])]


def test_the_same_slip_in_an_unrelated_article_is_not_evidence():
    texts = dict(GLAZER)
    # 'Malcom' now names a Scottish fisherman in an article that shares nothing with the bid
    texts["blog"] = "Skipper Malcom Rennie landed a record catch at Peterhead harbour on Friday."
    assert typos(**texts) == []


def test_slip_beside_the_right_form_in_the_same_document():
    texts = {
        "a": "Shares in Nvidia rose in Santa Clara. Analysts said Nvdidia sold more chips.",
        "b": "Sales at Nvidia grew.", "c": "Analysts like Nvidia.",
    }
    assert typos(**texts) == [("Nvdidia", "Nvidia", EVIDENCE_CONFIDENCE[SAME_DOC])]


def test_slip_in_a_document_of_the_same_story_is_a_typo_with_the_lowest_confidence():
    texts = {
        "a": "Investors in Arm Holdings watched Nasdaq trading in Cambridge as SoftBank sold shares.",
        "b": "SoftBank kept most of Arm Holdings after the Nasdaq debut.",
        "c": "Trading opened on the Nasdaq.",
        "d": "Profits at Arm Holdings beat forecasts, Cambridge analysts said, before the Nasdq listing.",
    }
    assert typos(**texts) == [("Nasdq", "Nasdaq", EVIDENCE_CONFIDENCE[STORY])]
    assert EVIDENCE_CONFIDENCE[STORY] < min(EVIDENCE_CONFIDENCE[ROLE], EVIDENCE_CONFIDENCE[SAME_DOC])


def test_same_words_around_both_forms_are_the_same_role():
    # a copied sentence: the slip sits between the same words as the right form does in another article
    texts = {
        "a": "The shares will list on September 14 in New York.",
        "b": "Trading starts on September 14, the bank said.",
        "c": "The price range was set in September.",
        "d": "Reuters reported that the shares will list on Septmber 14 in New York.",
    }
    assert [t[:2] for t in typos(**texts)] == [("Septmber", "September")]


def test_two_documents_keeping_one_spelling_in_one_story_is_not_a_slip():
    texts = {f"d{i}": "Yukos sold Yuganskneftegas to Rosneft in Moscow." for i in range(4)}
    texts["e"] = "In Moscow, Yukos lost Yuganskneftegaz to Rosneft."
    texts["f"] = "Rosneft now runs Yuganskneftegaz, Yukos said in Moscow."
    assert typos(**texts) == []
    del texts["f"]  # one writer: a slip (same words around it, same story)
    assert [t[:2] for t in typos(**texts)] == [("Yuganskneftegaz", "Yuganskneftegas")]


# --- a real word replaced by a name --------------------------------------------------------------------------

def test_a_name_beside_a_common_word_is_not_its_slip():
    texts = {
        "a": "Business School fees rose at London Business School, where the school admitted more students.",
        "b": "The Harvard Business School said its school year starts in London.",
        "c": "Shares in Dr Scholl footwear rose in London after Business results.",
    }
    # 'School' is a word here (the stories write 'school'): 'Scholl', a brand, is not a slip for it
    assert typos(**texts) == []
    # without the lower-case uses 'School' reads as a name, and the shared story names make 'Scholl' a suspect
    texts = {k: v.replace("the school", "the campus").replace("its school", "its academic") for k, v in texts.items()}
    assert [t[:2] for t in typos(**texts)] == [("Scholl", "School")]


def test_a_headline_that_writes_the_right_form_is_the_document_writing_it():
    # the slip's article names the actor right only in its headline, which its text does not repeat
    from claimcheck.schema import Document
    from claimcheck.story import StoryDoc, check_story

    articles = [
        ("a", "Producers named Orin Kastrinos for the role on Monday. Kastrinos takes over in spring.", None),
        ("b", "The part goes to Orin Kastrinos. Kastrinos said he was thrilled.", None),
        ("c", "Fans were surprised by the casting of Kastrnos, who is little known.", "Orin Kastrinos is the new lead"),
    ]
    items = []
    for doc_id, text, title in articles:
        names = Counter(w for w in re.findall(r"[A-Z]\w{3,}", text) if not text.startswith(w))
        items.append(StoryDoc(Document(id=doc_id, text=text, title=title), [], names))
    typos = [f for f in check_story(items).findings if f.kind == "typo"]
    assert [(f.found, f.suggestion, f.docs, f.confidence) for f in typos] == [
        ("Kastrnos", "Kastrinos", ["c"], EVIDENCE_CONFIDENCE[SAME_DOC])]
