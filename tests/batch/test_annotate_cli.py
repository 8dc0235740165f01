"""`claimcheck annotate` wiring: options reach the library, DocBin shards, one-line errors with exit codes."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from batch_helpers import model_name, story_records, write_jsonl
from claimcheck.cli import app

runner = CliRunner()


def test_annotate_writes_tables_docbin_and_summary(tmp_path):
    import pyarrow.parquet as pq
    import spacy
    from spacy.tokens import DocBin

    model = model_name()
    corpus = write_jsonl(tmp_path / "a.jsonl", story_records(3))
    out = tmp_path / "out"
    result = runner.invoke(app, ["annotate", str(corpus), "-o", str(out), "--model", model, "--workers", "1",
                                 "--shard-size", "2", "--docbin"])
    assert result.exit_code == 0, result.output
    assert "3 documents" in result.stderr and "2 shards" in result.stderr and result.stdout == ""
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["options"]["docbin"] is True and manifest["counts"]["documents"] == 3
    docs = list(DocBin().from_bytes((out / "docbin" / "part-000000.spacy").read_bytes()).get_docs(
        spacy.blank("en").vocab))
    texts = pq.read_table(out / "documents" / "part-000000.parquet").column("text").to_pylist()
    assert [d.text for d in docs] == texts and all(d.has_annotation("ENT_IOB") for d in docs)
    assert any(e.label_ == "MONEY" for d in docs for e in d.ents)

    again = runner.invoke(app, ["annotate", str(corpus), "-o", str(out), "--model", model, "--docbin", "-q",
                                "--shard-size", "2"])
    assert again.exit_code == 0 and again.stderr == ""  # resumed: nothing left to do, nothing printed
    other = write_jsonl(tmp_path / "b.jsonl", story_records(1))
    clash = runner.invoke(app, ["annotate", str(other), "-o", str(out), "--model", model])
    assert clash.exit_code == 5 and clash.stderr.startswith("error: ") and "--force" in clash.stderr


def test_errors_are_one_line_with_exit_codes(tmp_path):
    corpus = write_jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": "Acme raised $5m."}])
    cases = [
        (["annotate", str(tmp_path / "missing"), "-o", str(tmp_path / "o1")], 3),
        (["annotate", str(corpus), "-o", str(tmp_path / "o2"), "--model", "no-such-model"], 2),
        (["annotate", str(corpus), "-o", str(tmp_path / "o3"), "--engine", "spark"], 2),
        (["annotate", str(corpus), "-o", str(tmp_path / "o4"), "--workers", "0"], 2),
        (["annotate", str(corpus)], 2),
    ]
    for args, code in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == code, (args, result.output)
        if code != 2:
            assert result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1
    (tmp_path / "file").write_text("x")
    result = runner.invoke(app, ["annotate", str(corpus), "-o", str(tmp_path / "file"), "--model", model_name()])
    assert result.exit_code == 5 and "not a directory" in result.stderr
