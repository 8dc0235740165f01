"""Stories from a pile (claimcheck.resolve.stories): hand-written articles of two unrelated stories, and one
that belongs to neither."""

from __future__ import annotations

import itertools
from datetime import date

import numpy as np
import pytest

from claimcheck.resolve.stories import (Params, average_linkage, cluster_documents, find_stories, group_documents,
                                        proper_names, similarity)
from claimcheck.schema import Document

# written for this test: a mining takeover and an airline strike, three sources each
MINING = [
    ("mine-wire", "Norvale Mining agreed on Monday to buy Pellstone Copper for $2.1 billion in cash, creating the "
                  "largest copper producer in Chile. Norvale chief executive Dana Okafor said the Pellstone mines "
                  "in the Atacama desert would double the group's copper output by 2027."),
    ("mine-blog", "Is Norvale overpaying? The miner's $2.1bn offer for Pellstone Copper values the Chilean "
                  "producer at twelve times earnings. Dana Okafor told analysts the Atacama copper mines were a "
                  "rare chance, and Norvale Mining shares fell 3% after the deal."),
    ("mine-brief", "Pellstone Copper shareholders will receive $14 a share under the Norvale Mining takeover. The "
                   "copper deal, worth $2.1 billion, needs approval from regulators in Chile, Okafor said."),
]
STRIKE = [
    ("strike-wire", "Brightwave Airlines cancelled 240 flights from Lisbon on Friday as cabin crew began a "
                    "three-day strike over pay. The Portuguese carrier said about 30,000 passengers were affected "
                    "and urged travellers to check the Brightwave website."),
    ("strike-local", "Cabin crew at Brightwave Airlines walked out in Lisbon, grounding 240 flights. The crew "
                     "union SNPVAC wants a 9% pay rise; Brightwave offered 4% and said the strike would cost the "
                     "airline 12 million euros."),
    ("strike-travel", "Travellers flying Brightwave from Lisbon this weekend face cancellations: the airline's "
                      "cabin crew strike runs until Sunday. Brightwave Airlines says 30,000 passengers can rebook "
                      "for free; the SNPVAC union blames pay."),
]
OTHER = ("bakery", "A bakery in Tromsø has baked a 40-metre cinnamon roll for the town's winter festival. Baker "
                   "Ingrid Solheim said the dough took nine hours to rise in the cold.")


def docs(rows):
    return [Document(id=i, text=t) for i, t in rows]


def partition(stories) -> set[frozenset[str]]:
    return {frozenset(s.docs) for s in stories}


def test_two_clear_stories_become_two_groups():
    stories = group_documents(docs(MINING + STRIKE))
    assert partition(stories) == {frozenset(i for i, _ in MINING), frozenset(i for i, _ in STRIKE)}
    assert all(s.how == "cluster" for s in stories)
    by_doc = {d: s for s in stories for d in s.docs}
    assert "norvale" in by_doc["mine-wire"].keywords and "brightwave" in by_doc["strike-wire"].keywords
    assert by_doc["mine-wire"].name.startswith(("1-", "2-")) and by_doc["mine-wire"].name != by_doc["strike-wire"].name


def test_an_unrelated_article_stays_alone():
    stories = group_documents(docs(MINING + STRIKE + [OTHER]))
    assert frozenset({"bakery"}) in partition(stories)
    assert len(stories) == 3
    assert [len(s.docs) for s in stories] == [3, 3, 1]  # largest first


def test_one_story_stays_one():
    assert partition(group_documents(docs(MINING))) == {frozenset(i for i, _ in MINING)}


def test_grouping_does_not_depend_on_input_order():
    rows = MINING + STRIKE + [OTHER]
    expected = partition(group_documents(docs(rows)))
    names = {s.name for s in group_documents(docs(rows))}
    for perm in itertools.islice(itertools.permutations(rows), 0, 5040, 397):
        stories = group_documents(docs(list(perm)))
        assert partition(stories) == expected
        assert {s.name for s in stories} == names


def test_find_stories_gives_positions_in_the_input_order():
    rows = STRIKE[:1] + MINING + STRIKE[1:]
    found = find_stories(docs(rows))
    for story, idx in found:
        assert [rows[i][0] for i in idx] == story.docs


def test_empty_and_single_piles():
    assert cluster_documents([]) == [] and group_documents([]) == []
    (story,) = group_documents(docs([OTHER]))
    assert story.docs == ["bakery"]


def test_average_linkage_joins_while_the_mean_similarity_reaches_the_threshold():
    sim = np.array([[1.0, 0.9, 0.1, 0.0],
                    [0.9, 1.0, 0.5, 0.0],
                    [0.1, 0.5, 1.0, 0.0],
                    [0.0, 0.0, 0.0, 1.0]])
    assert average_linkage(sim, 0.95) == [0, 1, 2, 3]
    assert average_linkage(sim, 0.6) == [0, 0, 1, 2]
    assert average_linkage(sim, 0.3) == [0, 0, 0, 1]  # mean of 0.1 and 0.5
    assert average_linkage(sim, 0.31) == [0, 0, 1, 2]
    assert average_linkage(sim, -1.0) == [0, 0, 0, 0]


def test_names_skip_sentence_starts_unless_capitalised_elsewhere():
    text = "Shares fell. Norvale Mining bought Pellstone. Analysts said Norvale paid too much."
    keys = proper_names(text, frozenset({"said"}))
    assert "shares" not in keys and "analysts" not in keys
    assert {"norvalemining", "norvale", "mining", "pellstone"} <= set(keys)


def test_distant_publication_dates_weaken_the_similarity_only_when_asked():
    a = Document(id="a", text=MINING[0][1], published=date(2020, 1, 1))
    b = Document(id="b", text=MINING[1][1], published=date(2024, 1, 1))
    plain = similarity([a, b], Params(date_gap_days=None))[0, 1]
    dated = similarity([a, b], Params(date_gap_days=30, date_factor=0.5))[0, 1]
    assert plain > 0 and dated == pytest.approx(plain * 0.5)
