"""The real-story file of the injected-error benchmark (benchmarks/crosscheck/real_stories.json) and its loader.

The file holds only ids, SHA-1s and notes; the texts are read from ../shared/data, must be unchanged, and no
article may come from the real annotation corpus's test split.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from datetime import date

import pytest

from claimcheck.training.corpus import REAL_SOURCES, real_split_of, real_splits

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks" / "crosscheck"))
import run  # noqa: E402

SPEC = json.loads(run.REAL_STORIES.read_text(encoding="utf-8"))
STORIES = SPEC["stories"]
ARTICLES = [(s["story"], a) for s in STORIES for a in s["articles"]]


def test_the_file_holds_forty_or_more_stories_of_two_or_more_articles():
    assert len(STORIES) >= 40
    assert all(len(s["articles"]) >= 2 for s in STORIES), [s["story"] for s in STORIES if len(s["articles"]) < 2]
    assert len({s["story"] for s in STORIES}) == len(STORIES), "story names repeat"
    assert all(s["note"].strip() for s in STORIES)


def test_the_file_stores_ids_and_hashes_only():
    allowed = {"source", "id", "text_sha1"}
    for story, a in ARTICLES:
        assert set(a) == allowed, (story, sorted(a))
        assert a["source"] in REAL_SOURCES and a["source"] != "ecbplus", (story, a["source"])
        assert re.fullmatch(r"[0-9a-f]{40}", a["text_sha1"]), (story, a["id"])


def test_an_article_belongs_to_one_story_and_a_story_to_one_source():
    seen = collections.Counter((a["source"], a["id"]) for _, a in ARTICLES)
    assert [k for k, n in seen.items() if n > 1] == []
    assert all(len({a["source"] for a in s["articles"]}) == 1 for s in STORIES)


def test_no_article_is_in_the_real_corpus_test_split():
    # recorded splits never move; an article not annotated yet would get its split from the hash rule
    splits = real_splits(ROOT / "corpus")
    in_test = [f"{a['source']}:{a['id']}" for _, a in ARTICLES
               if real_split_of(f"{a['source']}:{a['id']}", splits) == "test"]
    assert in_test == []


def test_wilson_interval():
    low, high = run.wilson(9, 10)
    assert (round(low, 3), round(high, 3)) == (0.596, 0.982)
    assert run.wilson(0, 0) == (0.0, 1.0)
    low, high = run.wilson(20, 20)
    assert high == 1.0 and 0.83 < low < 0.84


def test_bootstrap_interval_brackets_the_mean():
    values = [0, 0, 1, 0, 2, 0, 0, 1]
    low, high = run.bootstrap_mean(values)
    assert low <= sum(values) / len(values) <= high and low < high
    assert run.bootstrap_mean([1, 1, 1]) == (1.0, 1.0)


def test_meantime_date_line():
    assert run._line_date("March 01, 2008") == date(2008, 3, 1)
    assert run._line_date("Northrop wins") is None


def test_run_without_shared_data_is_a_one_line_error(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(sys, "argv", ["run.py", "--real-stories", "--shared", str(tmp_path / "nowhere")])
    with pytest.raises(SystemExit) as e:
        run.main()
    assert str(e.value).startswith("error: no shared data under")


@pytest.mark.slow
def test_every_article_exists_unchanged_in_the_shared_data(shared_data):
    stories = run.real_stories(shared_data.parent)  # checks every SHA-1
    assert len(stories) == len(STORIES)
    for (name, docs), spec in zip(stories, STORIES):
        assert name == spec["story"] and [d.id for d in docs] == [a["id"] for a in spec["articles"]]
        for d, a in zip(docs, spec["articles"]):
            assert d.text.strip() and d.title and d.text.startswith(d.title)
            if a["source"] in ("reuters21578", "meantime"):
                assert d.published is not None, d.id


@pytest.mark.slow
def test_a_changed_text_is_refused(shared_data, tmp_path):
    spec = {"stories": [dict(STORIES[0], articles=[dict(a) for a in STORIES[0]["articles"]])]}
    spec["stories"][0]["articles"][1]["text_sha1"] = "0" * 40
    path = tmp_path / "stories.json"
    path.write_text(json.dumps(spec))
    with pytest.raises(SystemExit, match="^error: .*SHA-1 differs"):
        run.real_stories(shared_data.parent, path)
    spec["stories"][0]["articles"][1]["id"] = "no-such-article"
    path.write_text(json.dumps(spec))
    with pytest.raises(SystemExit, match="^error: .*is not in"):
        run.real_stories(shared_data.parent, path)


def _claim(doc, value, *, subject="Acme", attribute="deal_value", confidence=0.9, start=10, period=None):
    from claimcheck.schema import Claim

    text = f"${value / 1e6:g} million"
    return Claim(id=f"{doc}:{start}", doc=doc, subject=subject, attribute=attribute, value=value, unit="USD",
                 low=value * 0.999, high=value * 1.001, text=text, start=start, end=start + len(text),
                 period=period, confidence=confidence)


def _reports(after_a, *, before_a=None, others=()):
    from claimcheck.schema import Document, Report

    docs = [Document(id=d, text="x" * 60) for d in ("a", "b", "c")]
    before = Report(documents=docs, claims=[before_a or _claim("a", 5e8), *others])
    after = Report(documents=docs, claims=[*([after_a] if after_a else []), *others])
    inj = run.inject.Injection("figure_changed", "a", 11, 14, "500", "700", "Acme", "deal_value", 5e8, 7e8)
    return before, after, inj


def test_why_missed_names_the_checker_rule_that_hid_the_change():
    others = (_claim("b", 5e8), _claim("c", 5e8))
    assert run.why_missed(*_reports(None, others=others)).startswith("no claim")
    moved = _claim("a", 7e8, attribute="valuation")
    assert run.why_missed(*_reports(moved, others=others)).startswith("moved group: the changed claim's attribute")
    guessed = _claim("a", 7e8, confidence=0.2)
    assert run.why_missed(*_reports(guessed, others=others)).startswith("low confidence")
    # a money figure may be an outlier down to confidence 0.25 (MIN_OUTLIER_CONFIDENCE_AMOUNTS): 0.3 is not the cause
    assert not run.why_missed(*_reports(_claim("a", 7e8, confidence=0.3), others=others)).startswith("low")
    twice = (_claim("b", 5e8), _claim("c", 5e8), _claim("a", 9e8, start=40))
    assert run.why_missed(*_reports(_claim("a", 7e8), others=twice)).startswith("self-contradicting")
    far = _claim("a", 5e9 * 1.7)
    assert run.why_missed(*_reports(far, others=others)).startswith("different magnitude")
    assert run.why_missed(*_reports(_claim("a", 7e8), others=others)) == "other"
    # one against one: the changed claim wins on confidence, and its guessed-subject partner cannot be the outlier
    partner = (_claim("b", 5e8, confidence=0.2),)
    assert run.why_missed(*_reports(_claim("a", 7e8), others=partner)).startswith("low-confidence partner")


def test_the_judged_findings_belong_to_the_stories_and_say_why_when_wrong():
    judged = json.loads(run.JUDGED.read_text(encoding="utf-8"))["findings"]
    names = {s["story"] for s in STORIES}
    assert judged and all(r["story"] in names for r in judged)
    assert {r["judged"] for r in judged} <= {"correct", "wrong", "wrong_suggestion"}
    assert all(r.get("why") for r in judged if r["judged"] != "correct")
    assert len({(r["story"], r["kind"], r["found"]) for r in judged}) == len(judged)


def test_judged_rates_count_wrong_findings_per_story_and_list_the_unjudged(tmp_path):
    path = tmp_path / "judged.json"
    path.write_text(json.dumps({"findings": [
        {"story": "s1", "kind": "conflict", "found": "9 pct", "judged": "wrong", "why": "different moments"},
        {"story": "s1", "kind": "typo", "found": "teh", "judged": "correct"},
        {"story": "s2", "kind": "typo", "found": "intest", "judged": "wrong_suggestion", "why": "interest"}]}))
    findings = [{"story": "s1", "kind": "conflict", "found": "9 pct"}, {"story": "s1", "kind": "typo", "found": "teh"},
                {"story": "s2", "kind": "typo", "found": "intest"}, {"story": "s2", "kind": "date", "found": "x"}]
    j = run.judged_rates(findings, ["s1", "s2", "s3", "s4"], path)
    assert j["wrong_per_story"] == 0.25 and j["wrong_or_bad_suggestion_per_story"] == 0.5
    assert j["judged"] == 3 and j["unjudged"] == [{"story": "s2", "kind": "date", "found": "x"}]
    low, high = j["wrong_per_story_ci"]
    assert 0.0 <= low <= 0.25 <= high <= 1.0
