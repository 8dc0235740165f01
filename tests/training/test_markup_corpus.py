"""The annotation markup, Prodigy tasks, DocBin and Label Studio round trips, and the committed corpus."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from claimcheck.jsonl import read_jsonl
from claimcheck.training.corpus import (
    from_label_studio,
    load_split,
    make_task,
    read_article,
    strip_text,
    task_to_doc,
    to_docbin,
    to_label_studio,
)
from claimcheck.training.markup import MarkupError, parse_markup, to_markup

SAMPLE = """---
published: 2019-10-08
source: Test Wire
---
[SenseTime]{ORG} was valued at [more than $7.5 billion]{MONEY valuation @SenseTime}, according to [PitchBook]{ORG}.

The company, like [Megvii]{ORG}, was added to the list. [Hikvision]{ORG} had sales of [about $200 million]{MONEY revenue @Hikvision; period=2018; scope=Xinjiang} in [2018]{DATE}; [Megvii]{ORG} raised [$750m]{MONEY funding @Megvii}.
"""


def test_markup_offsets_labels_and_relations():
    p = parse_markup(SAMPLE)
    assert p.meta == {"published": "2019-10-08", "source": "Test Wire"}
    assert p.text.startswith("SenseTime was valued at more than $7.5 billion, according to PitchBook.")
    assert [(s["text"], s["label"]) for s in p.spans][:3] == [
        ("SenseTime", "ORG"), ("more than $7.5 billion", "MONEY"), ("PitchBook", "ORG")]
    for s in p.spans:
        assert p.text[s["start"]:s["end"]] == s["text"]
    rel = {(p.spans[r["head"]]["text"], p.spans[r["child"]]["text"]): r for r in p.relations}
    assert rel[("SenseTime", "more than $7.5 billion")]["label"] == "valuation"
    hik = rel[("Hikvision", "about $200 million")]
    assert (hik["label"], hik["period"], hik["scope"]) == ("revenue", "2018", "Xinjiang")
    # '@Megvii' takes the nearest Megvii before the value, not the first one in the article
    megvii = [r for r in p.relations if r["label"] == "funding"][0]
    assert p.spans[megvii["head"]]["start"] > p.text.index("Hikvision")


def test_markup_round_trip():
    p = parse_markup(SAMPLE)
    again = parse_markup(to_markup(p.text, p.spans, p.relations, p.meta))
    assert (again.text, again.spans, again.relations, again.meta) == (p.text, p.spans, p.relations, p.meta)


def test_literal_brackets_are_escaped():
    p = parse_markup("The note \\[sic\\] cost [$5]{MONEY}.")
    assert p.text == "The note [sic] cost $5."
    assert p.spans[0]["text"] == "$5"


@pytest.mark.parametrize("bad, message", [
    ("[Acme]{COMPANY} rose.", "unknown label"),
    ("[Acme]{ORG} made [$5m]{MONEY earnings @Acme}.", "unknown attribute"),
    ("[Acme]{ORG} made [$5m]{MONEY revenue @Beta}.", "no ORG/PERSON/GPE/NORP mention 'Beta'"),
    ("[Acme]{ORG} made [$5m]{MONEY revenue Acme}.", "a claim is written"),
    ("[Acme]{ORG} made [$5m{MONEY}.", "unmatched bracket"),
    ("[Acme]{ORG} is [Acme]{ORG revenue @Acme}.", "only MONEY/PERCENT/DATE/CARDINAL/QUANTITY"),
    ("line one\n[Acme]{ORG} made [$5m]{MONEY revenue @Acme; year=2018}.", "line 2"),
])
def test_markup_errors_name_the_problem(bad, message):
    with pytest.raises(MarkupError, match=message.replace("(", r"\(").replace("[", r"\[")):
        parse_markup(bad)


def test_span_off_token_boundaries_is_refused():
    with pytest.raises(MarkupError, match="token boundaries"):
        make_task(parse_markup("Revenue was [$5]{MONEY}0m."))


def test_prodigy_task_shape():
    task = make_task(parse_markup(SAMPLE))
    assert set(task) == {"text", "meta", "tokens", "spans", "relations", "answer"}
    tokens = task["tokens"]
    for s in task["spans"]:
        assert tokens[s["token_start"]]["start"] == s["start"] and tokens[s["token_end"]]["end"] == s["end"]
    r = task["relations"][0]
    assert r["head"] == r["head_span"]["token_end"] and r["child"] == r["child_span"]["token_end"]
    assert task["text"][r["head_span"]["start"]:r["head_span"]["end"]] == "SenseTime"


def test_docbin_keeps_entities_and_gold_claims(tmp_path):
    from spacy.tokens import DocBin

    from claimcheck.training.corpus import tokenizer_nlp

    task = make_task(parse_markup(SAMPLE))
    assert to_docbin([task], tmp_path / "x.spacy") == 1
    doc = list(DocBin().from_disk(tmp_path / "x.spacy").get_docs(tokenizer_nlp().vocab))[0]
    assert [(e.text, e.label_) for e in doc.ents] == [(s["text"], s["label"]) for s in parse_markup(SAMPLE).spans]
    gold = doc.user_data["claimcheck.gold_claims"]
    assert [(doc[slice(*g["head"])].text, g["label"], doc[slice(*g["child"])].text) for g in gold] == [
        ("SenseTime", "valuation", "more than $7.5 billion"), ("Hikvision", "revenue", "about $200 million"),
        ("Megvii", "funding", "$750m")]
    assert task_to_doc(task).text == task["text"]


def test_label_studio_round_trip():
    task = make_task(parse_markup(SAMPLE))
    ls = to_label_studio(task)
    assert ls["data"]["text"] == task["text"]
    kinds = {r["type"] for r in ls["annotations"][0]["result"]}
    assert kinds == {"labels", "relation", "textarea"}
    back = from_label_studio(json.loads(json.dumps(ls)))
    assert back["spans"] == task["spans"] and back["relations"] == task["relations"]


def test_label_studio_bad_shape():
    with pytest.raises(MarkupError, match="not a Label Studio task"):
        from_label_studio({"data": {}})


def test_real_annotations_hold_no_text():
    path = ROOT / "corpus" / "real" / "annotations.jsonl"
    rows = list(read_jsonl(path))
    assert len(rows) >= 30
    for row in rows:
        assert set(row) == {"meta", "text_sha1", "spans", "relations"}
        assert all({"start", "end", "label"} <= set(s) <= {"start", "end", "label", "why"} for s in row["spans"])
    assert strip_text(make_task(parse_markup(SAMPLE)))["spans"][0] == {"start": 0, "end": 9, "label": "ORG"}


def test_committed_corpus_matches_its_sources():
    """corpus/claims/*.jsonl is what `python -m claimcheck.training.corpus build` makes of corpus/articles."""
    splits = json.loads((ROOT / "corpus" / "claims" / "splits.json").read_text())
    built = {t["meta"]["id"]: t for s in ("train", "dev", "test") for t in load_split(s)}
    sources = sorted((ROOT / "corpus" / "articles").glob("*.md"))
    assert set(built) == {p.stem for p in sources} == set(splits)
    for path in sources:
        task = read_article(path)
        assert built[path.stem]["text"] == task["text"]
        assert built[path.stem]["spans"] == task["spans"]
        assert built[path.stem]["relations"] == task["relations"]
        assert built[path.stem]["meta"]["split"] == splits[path.stem]


def test_corpus_size_and_coverage():
    tasks = [t for s in ("train", "dev", "test") for t in load_split(s)]
    assert len(tasks) >= 150
    assert sum(len(t["relations"]) for t in tasks) >= 1500
    labels = {s["label"] for t in tasks for s in t["spans"]}
    assert labels == {"ORG", "PERSON", "GPE", "NORP", "MONEY", "PERCENT", "DATE", "CARDINAL", "QUANTITY"}
    text = " ".join(t["text"] for t in tasks)
    for currency in ("US$", "HK$", "£", "€", "¥", "yuan", "RMB"):
        assert currency in text
    assert all(load_split(s) for s in ("train", "dev", "test"))


def test_not_a_claim_reason_and_as_of_round_trip():
    source = ("[Acme]{ORG} raised [$2bn]{MONEY ipo_proceeds @Acme; as_of=estimate}, then [$2.4bn]{MONEY ipo_proceeds"
              " @Acme; as_of=final}, ahead of forecasts of [$2.1bn]{MONEY no=forecast}; it traded at [$40]{MONEY "
              "no=per_share} on [2019-11-26]{DATE}, [9%]{PERCENT share_price_change @Acme; as_of=2019-11-26}.")
    parsed = parse_markup(source)
    assert [r.get("as_of") for r in parsed.relations] == ["estimate", "final", "2019-11-26"]
    assert [s.get("why") for s in parsed.spans] == [None, None, None, "forecast", "per_share", None, None]
    assert to_markup(parsed.text, parsed.spans, parsed.relations) == source
    row = strip_text(make_task(parsed))
    assert row["spans"][3] == {"start": parsed.spans[3]["start"], "end": parsed.spans[3]["end"], "label": "MONEY",
                               "why": "forecast"}
    assert [r.get("as_of") for r in row["relations"]] == ["estimate", "final", "2019-11-26"]


@pytest.mark.parametrize("bad, message", [
    ("[Acme]{ORG} lost [$5m]{MONEY no=guess}.", "unknown reason 'guess'"),
    ("[Acme]{ORG no=other} lost [$5m]{MONEY}.", "only MONEY/PERCENT/DATE/CARDINAL/QUANTITY spans take no="),
    ("[Acme]{ORG} is worth [$5m]{MONEY valuation @Acme; as_of=lunchtime}.", "neither an ISO date"),
])
def test_reason_and_as_of_errors(bad, message):
    with pytest.raises(MarkupError, match=message):
        parse_markup(bad)


def test_real_sources_put_the_headline_first(shared_data):
    from claimcheck.training.corpus import record_text, shared_records

    record = shared_records("reuters21578", shared_data.parent)["reuters-2"]
    text = record_text("reuters21578", record)
    assert text.startswith(record["title"] + "\n\n") and text.endswith(record["text"])
    bbc = shared_records("bbc_business", shared_data.parent)["bbc_business_001"]
    assert record_text("bbc_business", bbc) == bbc["text"]


def test_real_annotations_export_and_import_back(shared_data, tmp_path):
    """Stored offsets -> markup copies -> import: the same rows (how an annotation is re-edited)."""
    from claimcheck.training.corpus import export_real, import_real, read_jsonl

    stored = {(r["meta"]["source"], r["meta"]["id"]): r
              for r in read_jsonl(ROOT / "corpus" / "real" / "annotations.jsonl")}
    keys = sorted(stored)[:: max(1, len(stored) // 12)]
    paths = export_real(shared_data.parent, tmp_path, keys)
    assert len(paths) == len(keys)
    for row in import_real(paths, shared_data.parent):
        assert row == stored[(row["meta"]["source"], row["meta"]["id"])]
