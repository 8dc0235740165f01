"""Entity resolution against MEANTIME's cross-document ORG chains (benchmarks/entities_meantime.py has the table)."""


from claimcheck.jsonl import read_jsonl
from claimcheck.resolve.coref_eval import b_cubed, evaluate, muc, read_conll_chains
from claimcheck.resolve.entities import MentionRef, resolve_mentions


def test_metrics_on_a_known_case():
    gold, pred = [{0, 1, 2}, {3, 4}], [{0, 1}, {2, 3, 4}]
    p, r, f = b_cubed(gold, pred)
    assert round(p, 3) == round((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5, 3) and round(r, 3) == round((2 / 3 * 2 + 1 / 3 + 1 + 1) / 5, 3)
    assert muc(gold, gold)[2] == 1.0


def test_meantime_org_chains(shared_data):
    data = shared_data / "meantime"
    mentions = read_conll_chains(data / "meantime_en.conll")
    assert len(mentions) > 1000 and len({m.chain for m in mentions}) > 100
    texts = [r["text"] for r in read_jsonl(data / "meantime_en.jsonl")]
    ours = evaluate(mentions, lambda ms: resolve_mentions([MentionRef(m.doc, m.text, m.position) for m in ms], texts))
    exact = evaluate(mentions, lambda ms: [m.text for m in ms])
    # measured: B3 F1 0.658, CoNLL F1 0.720 (exact string match: 0.446 / 0.510)
    assert ours["b3"][2] >= 0.62 and ours["conll"][2] >= 0.68
    assert ours["b3"][2] > exact["b3"][2] + 0.1
