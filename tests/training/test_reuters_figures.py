"""The Reuters figures set (claimcheck issue 15): the gold files are sound, and the scorer gives known results."""

from __future__ import annotations

import hashlib
import json

import pytest

from claimcheck.errors import InputError
from claimcheck.normalize.money import CURRENCY_CODES
from claimcheck.training import reuters_figures as RF


def _rows(path):
    return RF.load(path)


GOLD, DEV = RF.gold_path(), RF.gold_path(dev=True)


# --- the gold files --------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [GOLD, DEV], ids=["test", "dev"])
def test_gold_rows_are_well_formed(path):
    rows = _rows(path)
    # the frozen 200; the dev file: the first dev sample, the second (dev2), the third (dev3), the fourth (dev4), the
    # fifth (dev5) and the sixth (dev6), 100 each
    assert len(rows) == (200 if path == GOLD else 600)
    assert len({(r["id"], r["start"], r["end"]) for r in rows}) == len(rows)  # no figure twice
    for r in rows:
        assert "text" not in r and "context" not in r  # offsets and values only, no article text
        assert len(r["text_sha1"]) == 40
        if r["label"] == "MONEY":
            assert r["unit"] in CURRENCY_CODES, r
        elif r["label"] == "PERCENT":
            assert r["unit"] in ("percent", "pp"), r
        else:
            # a singular noun ("lens" is one that ends in s)
            assert r["unit"] and r["unit"] == r["unit"].lower() and (not r["unit"].endswith("s")
                                                                     or r["unit"] in ("lens",)), r
        if r["qualifier"] == "range":
            assert r["low"] < r["high"], r
        assert isinstance(r["per_share"], bool)
        assert not r["per_share"] or r["label"] == "MONEY"


def test_test_and_dev_samples_use_different_stories_outside_the_annotation_corpus():
    import pathlib

    splits = json.loads((pathlib.Path(GOLD).parent / "splits.json").read_text())
    annotated = {k.split(":", 1)[1] for k in splits if k.startswith("reuters21578:")}
    test, dev = {r["id"] for r in _rows(GOLD)}, {r["id"] for r in _rows(DEV)}
    assert not test & dev and not test & annotated and not dev & annotated


def test_the_sample_gives_each_kind_of_figure_a_fair_share():
    from collections import Counter

    classes = Counter(r["class"] for r in _rows(GOLD))
    assert classes == {"table": 40, "money": 55, "percent": 50, "count": 55}
    assert sum(r["per_share"] for r in _rows(GOLD)) >= 15
    for draw in ("dev:", "dev2:", "dev3:", "dev4:", "dev5:", "dev6:"):  # each dev sample: 20 table / 27 money / 25 percent / 28 count figures
        dev = Counter(r["class"] for r in _rows(DEV) if r["draw"].startswith(draw))
        assert dev == {"table": 20, "money": 27, "percent": 25, "count": 28}, draw


@pytest.mark.slow
@pytest.mark.parametrize("path", [GOLD, DEV], ids=["test", "dev"])
def test_gold_spans_match_the_shared_texts(path, shared_data):
    """Offsets inside the text, SHA-1 of the text unchanged, and the span re-reads to its gold number."""
    from claimcheck.normalize import normalize_count, normalize_money, normalize_percent
    from claimcheck.normalize.numbers import scan_numbers

    rows = _rows(path)
    texts = RF.stories(rows, shared_data.parent)
    reread = 0
    for r in rows:
        text = texts[r["id"]][0]
        assert hashlib.sha1(text.encode()).hexdigest() == r["text_sha1"]
        assert 0 <= r["start"] < r["end"] <= len(text)
        span = text[r["start"]:r["end"]]
        assert span == span.strip() and scan_numbers(span), (r, span)
        if r["label"] == "MONEY":
            q = normalize_money(span, "", default_currency=r["unit"], bare=True)
        elif r["label"] == "PERCENT":
            q = normalize_percent(span if r["unit"] == "percent" else span + " percentage points", "")
        else:
            q = normalize_count(span, "")
        gold = r.get("value", r.get("low"))
        # the span as written holds the gold number (ranges: their low end); a few need the story around them
        # ("62,174 billion" lire, "3/4 pct", "1-5/8" in a price) and are counted, not failed
        if q is not None and any(v is not None and abs(float(v) - float(gold)) <= 1e-6 * max(1.0, abs(gold))
                                 for v in (q.value, q.low, q.high)):
            reread += 1
    assert reread >= 0.9 * len(rows)


def test_gold_file_errors_name_the_line(tmp_path):
    good = {"id": "reuters-1", "text_sha1": "0" * 40, "start": 0, "end": 3, "label": "MONEY", "value": 5,
            "unit": "USD", "qualifier": "exact", "per_share": False}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, "qualifier": "range"}) + "\n")
    with pytest.raises(RF.FiguresError, match=r"gold.jsonl:2: a range needs numeric low and high"):
        RF.load(path)
    path.write_text(json.dumps({k: v for k, v in good.items() if k != "unit"}) + "\n")
    with pytest.raises(RF.FiguresError, match=r":1: missing unit"):
        RF.load(path)
    path.write_text("{not json\n")
    with pytest.raises(InputError, match=r"gold\.jsonl:1: malformed JSON line"):
        RF.load(path)
    path.write_text(json.dumps({**good, "start": 4}) + "\n")
    with pytest.raises(RF.FiguresError, match=r"bad span"):
        RF.load(path)


# --- the scorer on a hand-made gold file ------------------------------------------------------------------

def _gold(start, end, label, unit, value=None, low=None, high=None, qualifier="exact", per_share=False, sid="s1"):
    row = {"id": sid, "text_sha1": "0" * 40, "start": start, "end": end, "label": label, "unit": unit,
           "qualifier": qualifier, "per_share": per_share}
    if qualifier == "range":
        row.update(low=low, high=high)
    else:
        row["value"] = value
    return row


def _pred(start, end, label, unit, value=None, low=None, high=None, qualifier="exact", per_share=False):
    return {"start": start, "end": end, "label": label, "unit": unit, "value": value, "low": low, "high": high,
            "qualifier": qualifier, "per_share": per_share, "text": ""}


GOLD_ROWS = [
    _gold(0, 12, "MONEY", "USD", 5_000_000),                        # read right
    _gold(20, 26, "MONEY", "USD", 0.22, per_share=True),            # read right, per share missed
    _gold(30, 40, "MONEY", "DEM", 1.5e9),                           # unit wrong (USD)
    _gold(50, 57, "PERCENT", "percent", 7.875),                     # value wrong (7)
    _gold(60, 70, "PERCENT", "percent", low=10, high=15, qualifier="range"),   # read right as a range
    _gold(80, 90, "CARDINAL", "passenger", 1_200_000),              # read right
    _gold(100, 108, "QUANTITY", "tonne", 3e6),                      # "t" is "tonne": read right
    _gold(120, 125, "CARDINAL", "share", 300_000),                  # not found
    _gold(0, 10, "PERCENT", "percent", low=10, high=15, qualifier="range", sid="s2"),  # a point for a range
]
PREDS = {
    "s1": [
        _pred(0, 12, "MONEY", "USD", 5_000_000),
        _pred(20, 26, "MONEY", "USD", 0.22, per_share=False),
        _pred(30, 40, "MONEY", "USD", 1.5e9),
        _pred(50, 57, "PERCENT", "percent", 7),
        _pred(60, 70, "PERCENT", "percent", 12.5, low=10, high=15, qualifier="range"),
        _pred(78, 86, "CARDINAL", "passenger", 1_200_000),          # overlaps the gold span
        _pred(100, 108, "QUANTITY", "t", 3e6),
        _pred(200, 210, "MONEY", "USD", 9),                         # overlaps no gold figure: not scored
    ],
    "s2": [_pred(0, 10, "PERCENT", "percent", 12.5)],
}


def test_score_on_a_hand_made_gold_file():
    result = RF.score(GOLD_ROWS, PREDS)
    a = result["all"]
    assert (a["found"]["k"], a["value"]["k"], a["unit"]["k"], a["read"]["k"], a["per_share"]["k"]) == (8, 6, 7, 5, 7)
    assert all(a[c]["n"] == 9 for c in RF.CHECKS)
    assert result["per_label"]["MONEY"]["read"]["k"] == 2 and result["per_label"]["MONEY"]["read"]["n"] == 3
    assert result["per_label"]["PERCENT"]["value"]["k"] == 1
    assert result["miss_causes"] == {"value": 2, "unit": 1, "not found": 1, "per_share": 1}
    assert result["figures"] == 9 and result["stories"] == 2
    assert 0 <= result["read_bootstrap"]["low"] <= 5 / 9 <= result["read_bootstrap"]["high"] <= 1


def test_misses_are_listed_with_their_figure_in_its_text():
    rows = [{**row, "draw": f"dev2:{i}"} for i, row in enumerate(GOLD_ROWS)]
    texts = {"s1": ("".join(chr(ord("a") + i % 26) for i in range(130)), None), "s2": ("0123456789 pct", None)}
    lines = RF.render_misses({"claimcheck": RF.score(rows, PREDS)}, rows, texts, width=5)
    heads = [line for line in lines if not line.startswith("    ")]
    assert len(heads) == 5  # value 2, unit 1, not found 1, per share 1
    t = texts["s1"][0]
    assert f"dev2:7 s1 CARDINAL not found: {t[115:120]}[[{t[120:125]}]]{t[125:130]}" in heads
    unit = lines.index(next(h for h in heads if h.startswith("dev2:2 ")))
    assert "'unit': 'DEM'" in lines[unit + 1] and "'unit': 'USD'" in lines[unit + 2]


def test_a_figure_overlapped_by_two_mentions_takes_the_one_that_reads_it():
    gold = _gold(0, 20, "MONEY", "GBP", 195_000_000)
    preds = [_pred(0, 5, "CARDINAL", "count", 195), _pred(3, 20, "MONEY", "GBP", 195_000_000)]
    j = RF.judge(gold, preds)
    assert j["read"] and j["pred"] is preds[1]
    assert not RF.judge(gold, [preds[0]])["read"]


@pytest.mark.parametrize("pred, gold, right", [
    ("t", "tonne", True), ("tonne", "tonne", True), ("ton", "tonne", True), ("bbl", "barrel", True),
    ("ft", "foot", True), ("staff members", "member", True), ("passengers", "passenger", True),
    ("count", "share", False), (None, "share", False), ("USD", "CAD", False), ("percentage_points", "pp", True),
    ("percent", "pp", False), ("employee", "share", False),
])
def test_unit_comparison(pred, gold, right):
    assert RF.unit_right({"unit": pred}, {"unit": gold}) is right


def test_value_comparison_is_within_rounding_only():
    assert RF.value_right(_pred(0, 1, "MONEY", "USD", 0.1 + 0.2), _gold(0, 1, "MONEY", "USD", 0.3))
    assert not RF.value_right(_pred(0, 1, "MONEY", "USD", 0.31), _gold(0, 1, "MONEY", "USD", 0.3))
    ranged = _gold(0, 1, "PERCENT", "percent", low=50, high=60, qualifier="range")
    assert not RF.value_right(_pred(0, 1, "PERCENT", "percent", 55, low=54.5, high=55.5), ranged)
    assert RF.value_right(_pred(0, 1, "PERCENT", "percent", 55, low=50, high=60, qualifier="range"), ranged)


@pytest.mark.parametrize("k, n, low, high", [(5, 10, 0.2366, 0.7634), (0, 10, 0.0, 0.2775), (10, 10, 0.7225, 1.0),
                                             (183, 200, 0.8681, 0.9463)])
def test_wilson_interval(k, n, low, high):
    w = RF.wilson(k, n)
    assert w["p"] == pytest.approx(k / n, abs=1e-4)
    assert (w["low"], w["high"]) == (pytest.approx(low, abs=1e-4), pytest.approx(high, abs=1e-4))


@pytest.mark.slow
def test_evaluate_end_to_end_on_a_story_of_our_own(nlp, monkeypatch):
    """The whole path (pipeline, judging, rendering) on an invented story with hand-marked figures."""
    text = ("HALVORSEN CORP <HLV> 1ST QTR NET\n\nShr 22 cts vs 18 cts\n\nNet 5,500,000 vs 4,100,000\n\n"
            "Halvorsen said it employs 1,200 people and raised its stake in Orrin Foods to 12.5 pct.")
    rows = []
    for figure, label, unit, value, ps in [("22 cts", "MONEY", "USD", 0.22, True),
                                           ("5,500,000", "MONEY", "USD", 5_500_000, False),
                                           ("1,200", "CARDINAL", "person", 1200, False),
                                           ("12.5 pct", "PERCENT", "percent", 12.5, False)]:
        start = text.index(figure)
        rows.append(_gold(start, start + len(figure), label, unit, value, per_share=ps, sid="own-1"))
    monkeypatch.setattr(RF, "stories", lambda rows, shared: {"own-1": (text, None)})
    result = RF.evaluate(rows, None, nlp, peer=False)
    ours = result["claimcheck"]
    assert ours["all"]["found"]["k"] == 4
    assert ours["all"]["read"]["k"] == 4 and ours["all"]["per_share"]["k"] == 4, ours["misses"]
    lines = RF.render("reuters-figures", result)
    assert any("read right 1.000" in line for line in lines)
