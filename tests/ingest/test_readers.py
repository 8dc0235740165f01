import codecs
import json

import pytest

from claimcheck.errors import InputError
from claimcheck.ingest import load_documents
from claimcheck.ingest.readers import decode, iter_records

ARTICLE = ("Arm prices IPO at top of range\n\nArm Holdings priced its initial public offering at $51 a share on "
           "Wednesday, raising about $4.87 billion and valuing the chip designer at $54.5 billion.\n\n"
           "The shares began trading on Nasdaq on Thursday.\n")


def records(path, **kw):
    warnings = []
    out = list(iter_records([str(path)], warn=warnings.append, **kw))
    return out, warnings


def test_txt_md_html_json(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.md").write_text("# Arm prices IPO\n\n" + ARTICLE)
    (tmp_path / "c.html").write_text(f"<html><head><title>Arm IPO</title></head><body><p>{ARTICLE}</p></body></html>")
    (tmp_path / "d.json").write_text(json.dumps({"id": "wire", "text": ARTICLE, "title": "T", "published": "2023-09-14"}))
    (tmp_path / "ignored.csv").write_text("x")
    recs, warnings = records(tmp_path)
    assert [r.id for r in recs] == ["a", "b", "c", "wire"]  # sorted by file name, csv ignored
    assert [r.kind for r in recs] == ["text", "markdown", "html", "text"]
    assert recs[3].published == "2023-09-14" and recs[3].title == "T"
    assert warnings == []


def test_directories_are_recursive_and_sorted(tmp_path):
    (tmp_path / "z").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / "z" / "1.txt").write_text(ARTICLE)
    (tmp_path / "a" / "2.txt").write_text(ARTICLE)
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    recs, _ = records(tmp_path)
    assert [r.path.split("/")[-2:] for r in recs] == [["a", "2.txt"], ["z", "1.txt"]]


def test_jsonl_malformed_line_is_reported_with_its_number(tmp_path):
    lines = [json.dumps({"id": f"r{i}", "text": ARTICLE}) for i in range(5)]
    lines[2] = '{"id": "broken", "text": '
    (tmp_path / "x.jsonl").write_text("\n".join(lines))
    recs, warnings = records(tmp_path / "x.jsonl")
    assert [r.id for r in recs] == ["r0", "r1", "r3", "r4"]
    assert len(warnings) == 1 and "x.jsonl:3" in warnings[0] and "malformed" in warnings[0]
    with pytest.raises(InputError, match=r"x\.jsonl:3"):
        records(tmp_path / "x.jsonl", on_error="fail")


def test_jsonl_wrong_shape(tmp_path):
    (tmp_path / "x.jsonl").write_text('[1, 2]\n{"id": "ok", "text": "fine text here"}\n{"id": "no-text"}\n')
    recs, warnings = records(tmp_path / "x.jsonl")
    assert [r.id for r in recs] == ["ok"]
    assert any(":1:" in w or "x.jsonl:1" in w for w in warnings)
    assert any("x.jsonl:3" in w and "'text'" in w for w in warnings)


def test_parquet(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": ["p1", "p2"], "text": [ARTICLE, ARTICLE]}), tmp_path / "t.parquet")
    recs, _ = records(tmp_path / "t.parquet")
    assert [r.id for r in recs] == ["p1", "p2"]
    pq.write_table(pa.table({"body": ["x"]}), tmp_path / "bad.parquet")
    with pytest.raises(InputError, match="no 'text' column"):
        records(tmp_path / "bad.parquet")


def test_stdin():
    recs = list(iter_records(["-"], warn=print, stdin_text=ARTICLE))
    assert recs[0].id == "stdin" and recs[0].kind == "text"


@pytest.mark.parametrize("data, expected", [
    ("Café costs €5".encode("utf-8"), "Café costs €5"),
    (codecs.BOM_UTF8 + "naïve".encode("utf-8"), "naïve"),
    ("Zürich revenue".encode("utf-16"), "Zürich revenue"),  # with BOM
    (codecs.BOM_UTF16_BE + "Zürich".encode("utf-16-be"), "Zürich"),
    ("Zürich revenue €5".encode("utf-32"), "Zürich revenue €5"),  # with BOM (FF FE 00 00: not UTF-16)
    (codecs.BOM_UTF32_BE + "Zürich €5".encode("utf-32-be"), "Zürich €5"),
    ("Société Générale's profit".encode("latin-1"), "Société Générale's profit"),
    ("The company’s revenue".encode("utf-8").decode("latin-1").encode("utf-8"), "The company's revenue"),  # mojibake
])
def test_decode(data, expected):
    assert decode(data, "x").replace("’", "'") == expected.replace("’", "'")


@pytest.mark.parametrize("data, what", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "PNG"),
    (b"PK\x03\x04" + b"\x00" * 50, "zip"),
    (b"abc\x00\x00\x00" * 100, "binary"),
])
def test_binary_is_refused(data, what):
    with pytest.raises(InputError, match=what):
        decode(data, "x")


def test_bad_paths(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        records(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="unsupported file type"):
        (tmp_path / "x.docx").write_text("x")
        records(tmp_path / "x.docx")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="no documents"):
        records(empty)


def test_load_documents_skips_bad_and_empty(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("   \n\n  ")
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    warnings = []
    docs = load_documents([str(tmp_path)], warn=warnings.append)
    assert [d.id for d in docs] == ["good"]
    assert any("empty.txt" in w and "empty" in w for w in warnings)
    assert any("img.txt" in w and "PNG" in w for w in warnings)
    assert "$4.87 billion" in docs[0].text


def test_duplicate_ids_are_made_unique(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(ARTICLE)
    warnings = []
    docs = load_documents([str(tmp_path)], warn=warnings.append)
    assert [d.id for d in docs] == ["story", "story~2"]
    assert warnings and "already used" in warnings[0]
