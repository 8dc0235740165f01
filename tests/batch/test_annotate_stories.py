"""annotate on the demo stories: the tables hold what `extract` finds, workers never change a byte, and
crosscheck over the tables gives `check`'s report."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from batch_helpers import model_name, table_bytes
from conftest import STORIES


@pytest.fixture(scope="module")
def annotated(tmp_path_factory):
    from claimcheck.batch.annotate import annotate

    model = model_name()
    one = tmp_path_factory.mktemp("one")
    two = tmp_path_factory.mktemp("two")
    # packs of 2 documents: each shard of 4 is split over both workers of the second run
    s1 = annotate(str(STORIES), str(one), workers=1, shard_size=4, pack_size=2, model=model)
    s2 = annotate(str(STORIES), str(two), workers=2, shard_size=4, pack_size=2, model=model)
    return model, one, two, s1, s2


def test_workers_do_not_change_a_byte(annotated):
    _, one, two, s1, s2 = annotated
    a, b = table_bytes(one), table_bytes(two)
    assert len(a) == 3 * 4 and a.keys() == b.keys()  # 15 documents in shards of 4: 4 shards × 3 tables
    assert a == b
    assert s1.manifest["run_key"] == s2.manifest["run_key"]


def test_tables_hold_what_extract_finds(annotated):
    from claimcheck.api import extract

    model, one, _, summary, _ = annotated
    docs = pq.read_table(one / "documents").to_pylist()
    ids = [d["id"] for d in docs]
    files = sorted(p for p in STORIES.rglob("*") if p.is_file())
    assert ids == [f"{p.parent.name}/{p.stem}" for p in files]  # the ids `check` gives several story directories
    assert {d["story"] for d in docs} == {p.name for p in STORIES.iterdir() if p.is_dir()}
    expected = {f"{d['story']}/{e.doc.id}": e for d in docs[::5]
                for e in extract([str(STORIES / d["story"])], model=model, warn=lambda m: None)}
    mentions = pq.read_table(one / "mentions").to_pylist()
    claims = pq.read_table(one / "claims").to_pylist()
    for d in docs:
        e = expected[d["id"]]
        assert d["text"] == e.doc.text and d["title"] == e.doc.title and d["published"] == e.doc.published
        assert d["chars"] == len(e.doc.text)
        got = [(m["label"], m["text"], m["start"], m["end"]) for m in mentions if m["doc"] == d["id"]]
        assert got == [(m.label, m.text, m.start, m.end) for m in e.mentions]
        got = [(c["subject_text"], c["attribute"], c["text"], c["start"], c["unit"]) for c in claims if c["doc"] == d["id"]]
        assert got == [(c.subject_text, c.attribute, c.text, c.start, c.unit) for c in e.claims]
    assert summary.documents == 15 and summary.claims == len(claims) and summary.mentions == len(mentions)
    assert any(c["date"] for c in claims) and any(c["value"] for c in claims)  # dates and numbers kept apart


def test_values_round_trip_to_the_data_model(annotated):
    from claimcheck.api import extract
    from claimcheck.batch.tables import claims_from_rows

    model, one, _, _, _ = annotated
    story = STORIES / "arm-ipo-2023"
    rows = [c for c in pq.read_table(one / "claims").to_pylist() if c["doc"].startswith("arm-ipo-2023/")]
    expected = [c for e in extract([str(story)], model=model, warn=lambda m: None) for c in e.claims]
    got = claims_from_rows(rows)
    assert [(c.value, c.low, c.high, c.qualifier, c.period) for c in got] == \
        [(c.value, c.low, c.high, c.qualifier, c.period) for c in expected]


def test_manifest_records_the_run(annotated):
    model, one, _, summary, _ = annotated
    manifest = json.loads((one / "manifest.json").read_text())
    assert manifest["status"] == "complete" and manifest["model"]["name"] == model
    assert manifest["model"]["version"] and manifest["input"]["fingerprint"]
    assert manifest["counts"]["documents"] == 15 and manifest["shards"] == 4
    assert manifest["counts"]["claims"] == summary.claims
    assert manifest["timings"]["shard_seconds"] > 0


def test_crosscheck_story_by_story_is_check(annotated):
    from claimcheck.api import check
    from claimcheck.batch.corpus_check import crosscheck_outdir

    model, one, _, _, _ = annotated
    expected = check(sorted(str(p) for p in STORIES.iterdir() if p.is_dir()), model=model, warn=lambda m: None)
    got = crosscheck_outdir(one)
    assert json.loads(got.to_json()) == json.loads(expected.to_json())
    assert {f.kind for f in got.findings} >= {"conflict", "typo"}


def test_crosscheck_corpus_wide_finds_the_conflicts(annotated):
    from claimcheck.batch.corpus_check import crosscheck_outdir

    _, one, _, _, _ = annotated
    story = crosscheck_outdir(one, scope="story")
    corpus = crosscheck_outdir(one, scope="corpus")
    assert {f.kind for f in corpus.findings} <= {"conflict", "date"}
    conflicts = lambda r: {(f.attribute, tuple(sorted(f.claims))) for f in r.findings if f.kind == "conflict"}  # noqa: E731
    # every story-level conflict is found corpus-wide too (ids are the same: story/doc:cN)
    assert conflicts(story) <= conflicts(corpus)
    cited = {c for f in corpus.findings for c in f.claims}
    assert {c.id for c in corpus.claims} == cited


def test_a_misspelt_common_word_is_found_by_both_paths(tmp_path):
    """The story check is one function: `annotate` + `crosscheck --scope story` gives `check`'s report on a
    story whose only slip is a common word (the batch copy once left the word-typo check out)."""
    from claimcheck.api import check
    from claimcheck.batch.annotate import annotate
    from claimcheck.batch.corpus_check import crosscheck_outdir

    story = tmp_path / "story"
    story.mkdir()
    (story / "wire.txt").write_text("Halden Corp said on Monday the goverment had approved its $3bn purchase of "
                                    "Mirel, a deal the government first blocked in 2021.\n", encoding="utf-8")
    (story / "daily.txt").write_text("The government approved Halden Corp's $3bn purchase of Mirel on Monday, "
                                     "two years after the government blocked it.\n", encoding="utf-8")
    model = model_name()
    expected = check([str(story)], model=model, warn=lambda m: None, stories="one")
    assert [(f.kind, f.found, f.suggestion) for f in expected.findings if f.kind == "typo"] == \
        [("typo", "goverment", "government")]
    annotate(str(story), str(tmp_path / "out"), workers=1, model=model)
    got = crosscheck_outdir(tmp_path / "out", scope="story")
    # the same findings, claims and documents; only the story's name differs (check names it after its folder,
    # an annotate output without story folders has one story, "all")
    got_json, expected_json = json.loads(got.to_json()), json.loads(expected.to_json())
    assert [s["docs"] for s in got_json.pop("stories")] == [s["docs"] for s in expected_json.pop("stories")]
    assert got_json == expected_json


def test_read_annotations_gives_the_tables_as_frames(annotated, tmp_path):
    import importlib.util
    import shutil

    import pyarrow as pa

    import claimcheck
    from claimcheck.errors import InputError, UsageError

    _, one, *_ = annotated
    frames = claimcheck.read_annotations(one)
    assert set(frames) == {"documents", "mentions", "claims"}
    for name, frame in frames.items():
        assert len(frame) == pq.read_table(one / name).num_rows > 0
    docs = frames["documents"].set_index("id")
    for claim in frames["claims"].itertuples():  # offsets point into the documents' text
        assert docs.loc[claim.doc, "text"][claim.start:claim.end] == claim.text
    assert "url" in docs.columns
    arrow = claimcheck.read_annotations(one, engine="arrow", tables=("claims",))
    assert list(arrow) == ["claims"] and arrow["claims"].equals(pq.read_table(one / "claims"))
    assert "text" not in claimcheck.read_annotations(one, text=False, tables=("documents",))["documents"].columns
    with pytest.raises(UsageError, match="choose from pandas, polars, duckdb, arrow"):
        claimcheck.read_annotations(one, engine="spark")
    with pytest.raises(UsageError, match="unknown table"):
        claimcheck.read_annotations(one, tables=("names",))
    for engine in ("polars", "duckdb"):
        if importlib.util.find_spec(engine) is None:
            with pytest.raises(UsageError, match=f"pip install {engine}"):
                claimcheck.read_annotations(one, engine=engine)
    with pytest.raises(InputError, match="not the output of `claimcheck annotate`"):
        claimcheck.read_annotations(tmp_path)

    # an output written before documents had a url column still reads, with nulls there
    old = tmp_path / "old"
    shutil.copytree(one, old)
    for part in (old / "documents").glob("*.parquet"):
        table = pq.read_table(part)
        pq.write_table(table.drop_columns(["url"]), part)
    docs_old = claimcheck.read_annotations(old, engine="arrow")["documents"]
    assert docs_old.column("url").null_count == docs_old.num_rows
    assert docs_old.drop_columns(["url"]).equals(pq.read_table(one / "documents").drop_columns(["url"]))
    assert isinstance(docs_old, pa.Table)


def test_progress_counts_documents_inside_a_shard(tmp_path):
    """One shard of 15 documents: the bar moves as packs finish, not once at the end of the shard."""
    from claimcheck.batch.annotate import PACKS_PER_WORKER_STEP, annotate

    calls = []
    annotate(str(STORIES), str(tmp_path / "out"), workers=1, shard_size=1000, pack_size=2, model=model_name(),
             progress=lambda done, total: calls.append((done, total)))
    done = [d for d, _ in calls]
    assert {t for _, t in calls} == {15}
    assert done == sorted(done) and done[-1] == 15
    assert done[0] == 2 * PACKS_PER_WORKER_STEP < 15  # the first update after one step of packs
