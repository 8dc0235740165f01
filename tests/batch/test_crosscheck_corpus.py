"""crosscheck over annotate tables: the corpus-wide columnar grouping gives crosscheck's own findings, and the
CLI renders them in check's formats."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimcheck.batch.synthetic import synthetic_tables, write_outdir
from claimcheck.cli import app


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    documents, claims = synthetic_tables(3000, seed=3)
    path = tmp_path_factory.mktemp("synthetic")
    write_outdir(path, documents, claims, shard_docs=60)  # 300 documents in 5 shards
    return path, documents, claims


def _reference(claims_table):
    """What crosscheck() finds when given every claim, subjects resolved across the corpus."""
    from claimcheck.batch.tables import claims_from_rows
    from claimcheck.crosscheck import crosscheck
    from claimcheck.resolve.entities import resolve_names

    claims = claims_from_rows(claims_table.to_pylist())
    canonical = resolve_names(c.subject_text for c in claims)
    claims = [c.model_copy(update={"subject": canonical[c.subject_text]}) for c in claims]
    return crosscheck([], claims, [])


def test_columnar_grouping_finds_what_crosscheck_finds(corpus):
    from claimcheck.batch.corpus_check import crosscheck_outdir

    path, _, claims = corpus
    report = crosscheck_outdir(path, scope="corpus")
    expected = _reference(claims)
    assert len(expected) >= 20  # the slips planted by the generator
    assert [f.model_dump() for f in report.findings] == [f.model_dump() for f in expected]
    assert {c.id for c in report.claims} == {c for f in expected for c in f.claims}
    assert {d.id for d in report.documents} == {d for f in expected for d in f.docs}


def test_groups_follow_group_key(corpus):
    from claimcheck.batch.corpus_check import _canonical_subjects, group_ids
    from claimcheck.batch.tables import claims_from_rows
    from claimcheck.crosscheck import group_key

    _, _, claims = corpus
    claims = claims.slice(0, 500)
    resolved = claims.set_column(claims.schema.get_field_index("subject"), "subject", _canonical_subjects(claims))
    groups, keys = group_ids(resolved)
    objects = claims_from_rows(resolved.to_pylist())
    assert [keys[g] for g in groups.to_pylist()] == [group_key(c) for c in objects]
    # subjects written differently ("Velorant Inc.", "the Velorant Group") fall in one group
    assert len({c.subject_text for c in objects}) > len({c.subject for c in objects})


def test_auto_scope_picks_corpus_for_large_stories(corpus, monkeypatch):
    from claimcheck.batch import corpus_check

    path, _, _ = corpus
    notes = []
    monkeypatch.setattr(corpus_check, "STORY_LIMIT", 10)
    corpus_check.crosscheck_outdir(path, note=notes.append)
    assert notes[0].startswith("checked corpus-wide: 3000 claims")


def test_cli_formats_and_fail_on(corpus, tmp_path):
    path, _, _ = corpus
    runner = CliRunner()
    result = runner.invoke(app, ["crosscheck", str(path), "--scope", "corpus", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema_version"] == "2" and data["findings"] and data["findings"][0]["id"] == "f1"
    result = runner.invoke(app, ["crosscheck", str(path), "--scope", "corpus", "--fail-on", "conflict",
                                 "-f", "markdown", "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 1 and "conflict finding" in result.stderr
    assert (tmp_path / "r.md").read_text().startswith("#")
    result = runner.invoke(app, ["crosscheck", str(path), "--scope", "corpus", "-o", str(tmp_path / "r.md")])
    last = result.stderr.splitlines()[-1]
    assert result.exit_code == 5 and last.startswith("error:") and "--force" in last


def test_cli_errors_are_one_line(tmp_path):
    runner = CliRunner()
    for args, code in ((["crosscheck", str(tmp_path / "missing")], 3), (["crosscheck", str(tmp_path)], 3),
                       (["crosscheck", str(tmp_path), "--scope", "galaxy"], 2)):
        result = runner.invoke(app, args)
        assert result.exit_code == code, (args, result.output)
    (tmp_path / "manifest.json").write_text(json.dumps({"status": "running"}))
    result = runner.invoke(app, ["crosscheck", str(tmp_path)])
    assert result.exit_code == 3 and "not complete" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_full_disk_on_standard_output_is_exit_5_as_for_check(corpus):
    import subprocess
    import sys

    path, _, _ = corpus
    for fmt in ("json", "table"):
        with open("/dev/full", "w") as full:
            proc = subprocess.run([sys.executable, "-m", "claimcheck", "crosscheck", str(path), "--scope", "corpus",
                                   "-f", fmt], stdout=full, stderr=subprocess.PIPE, text=True, timeout=300)
        assert proc.returncode == 5, (fmt, proc.stderr)  # was 70 (internal error)
        assert proc.stderr.splitlines()[-1].startswith("error: standard output: cannot write")


def test_a_stake_with_no_company_held_joins_the_only_one_in_the_corpus_too():
    from claimcheck.batch.corpus_check import group_ids
    from claimcheck.batch.tables import claim_row, to_table
    from claimcheck.schema import Claim

    def stake(doc, value, scope):
        return Claim(id=f"{doc}:c1", doc=doc, subject="Brandt", attribute="stake", value=value, unit="percent",
                     scope=scope, text=f"{value} pct", start=0, end=5, confidence=0.9)

    table = to_table([claim_row(stake("a", 9.9, "Pelham")), claim_row(stake("b", 9.9, None)),
                      claim_row(stake("c", 15, "Kestrel Air")), claim_row(stake("d", 20, "Kestrel Air Inc"))], "claims")
    groups, _ = group_ids(table)
    a, b, c, d = groups.to_pylist()
    assert c == d != a  # two companies held; the held company compared as a name
    assert b != a  # with two companies held the bare stake stays alone, as crosscheck keeps it
    table = to_table([claim_row(stake("a", 9.9, "Pelham")), claim_row(stake("b", 9.9, None))], "claims")
    a, b = group_ids(table)[0].to_pylist()
    assert a == b  # one company held: the bare stake joins it
