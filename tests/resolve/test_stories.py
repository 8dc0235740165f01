"""Stories from a pile (claimcheck.resolve.stories): hand-written articles of two unrelated stories, and one
that belongs to neither."""

from __future__ import annotations

import itertools
from datetime import date

import numpy as np
import pytest

from claimcheck.resolve.stories import (Params, _bags, attach_singletons, average_linkage, cluster_documents,
                                        find_stories, group_documents, proper_names, similarity, split_groups,
                                        top_split)
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
# written for this test: one boxer's two title defences, years apart, against two opponents
BRENN = [
    ("brenn-wire", "Ivo Marasz kept his heavyweight title on Saturday, stopping Tomas Brenn in the ninth round in "
                   "Hamburg. Brenn, a former amateur champion from Leipzig, was down twice before the referee "
                   "waved it off in front of 14,000 fans."),
    ("brenn-sport", "Marasz too strong for Brenn. The champion dropped Tomas Brenn with a left hook in the fourth "
                    "and again in the ninth, and the Leipzig fighter's corner threw in the towel at the Hamburg "
                    "arena."),
    ("brenn-local", "Leipzig's Tomas Brenn lost his first title fight: Ivo Marasz won by stoppage in round nine in "
                    "Hamburg. Brenn's trainer Uwe Kessler said his man had been caught cold by the hook."),
    ("brenn-column", "Brenn brave but outclassed. Kessler had promised that Tomas Brenn would take Marasz into "
                     "deep water; instead the champion's jab ruled the Hamburg night until the ninth-round "
                     "finish."),
    ("brenn-brief", "Heavyweight champion Ivo Marasz beat Tomas Brenn in nine rounds in Hamburg, his fourth "
                    "defence. Brenn, from Leipzig, took two counts before the stoppage."),
]
OKOYE = [
    ("okoye-wire", "Ivo Marasz defended his heavyweight title for the tenth time on Friday, outpointing Leon Okoye "
                   "over twelve rounds in Prague. The judges scored it 116-112 twice and 115-113 for the "
                   "champion."),
    ("okoye-sport", "Okoye took Marasz the distance. Leon Okoye, the Lagos-born challenger, pressed for twelve "
                    "rounds at the Prague arena but the champion's jab earned a unanimous decision."),
    ("okoye-local", "Lagos waited all night for Leon Okoye, who lost on points to Ivo Marasz in Prague. Okoye's "
                    "promoter Femi Adeyemi said the scorecards were too wide and asked for a rematch."),
    ("okoye-column", "Marasz, now 38, needed all twelve rounds against Okoye. Adeyemi wants a rematch; the judges "
                     "in Prague gave the champion eight rounds at least, and Leon Okoye a cut over his eye."),
    ("okoye-brief", "Heavyweight champion Ivo Marasz beat Leon Okoye on points in Prague, his tenth defence. "
                    "Okoye, from Lagos, had never gone twelve rounds before."),
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


def test_top_split_is_the_last_merge_of_average_linkage():
    sim = np.array([[1.0, 0.8, 0.1, 0.2],
                    [0.8, 1.0, 0.3, 0.0],
                    [0.1, 0.3, 1.0, 0.6],
                    [0.2, 0.0, 0.6, 1.0]])
    first, second, between = top_split(sim)
    assert (first, second) == ([0, 1], [2, 3])
    assert between == pytest.approx((0.1 + 0.2 + 0.3 + 0.0) / 4)
    assert top_split(sim[:2, :2]) == ([0], [1], pytest.approx(0.8))


def test_second_pass_splits_a_group_of_two_events_with_the_same_actors():
    rows = BRENN + OKOYE
    pile = docs(rows)
    labels = split_groups(_bags(pile), pile, [0] * len(rows))
    assert labels == [0] * len(BRENN) + [1] * len(OKOYE)
    # each part smaller than split_min, or no second pass at all: the group stays one
    assert split_groups(_bags(pile), pile, [0] * len(rows), Params(split_min=6)) == [0] * len(rows)
    assert split_groups(_bags(pile), pile, [0] * len(rows), Params(split_min=0)) == [0] * len(rows)
    # below the threshold only: at a threshold under the parts' mean similarity they stay together
    assert split_groups(_bags(pile), pile, [0] * len(rows), Params(threshold=0.05)) == [0] * len(rows)


def test_second_pass_keeps_one_event_and_leaves_other_groups_alone():
    rows = BRENN + OKOYE[:1] + MINING
    pile = docs(rows)
    labels = [0] * 6 + [1] * 3
    assert split_groups(_bags(pile), pile, labels, Params(split_min=3)) == labels  # one fight, plus its mention
    rows = BRENN + OKOYE + MINING
    pile = docs(rows)
    # labels numbered by their first document, as average_linkage numbers them
    assert split_groups(_bags(pile), pile, [1] * 10 + [0] * 3) == [0] * 5 + [1] * 5 + [2] * 3


def test_a_lone_document_joins_the_group_it_is_clearly_closest_to():
    sim = np.array([[1.0, 0.6, 0.0, 0.0, 0.14, 0.30],
                    [0.6, 1.0, 0.0, 0.0, 0.10, 0.30],
                    [0.0, 0.0, 1.0, 0.7, 0.05, 0.0],
                    [0.0, 0.0, 0.7, 1.0, 0.05, 0.0],
                    [0.14, 0.10, 0.05, 0.05, 1.0, 0.0],
                    [0.30, 0.30, 0.0, 0.0, 0.0, 1.0]])
    labels = [0, 0, 1, 1, 2, 3]
    assert attach_singletons(sim, labels, 0.10) == [0, 0, 1, 1, 0, 0]  # mean 0.12 and 0.30 to the first group
    assert attach_singletons(sim, labels, 0.13) == [0, 0, 1, 1, 2, 0]  # 0.12 is not enough
    assert attach_singletons(sim, [0, 0, 1, 1, 2, 2], 0.0) == [0, 0, 1, 1, 2, 2]  # only lone documents move
    # two lone documents do not join each other, however similar
    assert attach_singletons(sim[np.ix_([4, 5], [4, 5])] + 0.9, [0, 1], 0.1) == [0, 1]


def test_a_short_brief_joins_its_story_and_an_unrelated_article_stays_alone():
    brief = ("brief", "Regulators in Chile have opened a review of the copper takeover announced this week.")
    rows = MINING + STRIKE + [OTHER, brief]
    by_doc = {d: s.docs for s in group_documents(docs(rows)) for d in s.docs}
    assert set(by_doc["brief"]) == {"brief"} | {i for i, _ in MINING}
    assert by_doc["bakery"] == ["bakery"]
    alone = {d: s.docs for s in group_documents(docs(rows), Params(attach=None)) for d in s.docs}
    assert alone["brief"] == ["brief"] and set(alone["mine-wire"]) == {i for i, _ in MINING}
