"""annotate's inputs: directories, JSONL, Parquet and saved datasets give the same records, streamed, with
unique ids, stories and a content fingerprint."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from batch_helpers import story_records, write_jsonl
from claimcheck.batch.inputs import open_input
from claimcheck.errors import InputError
from conftest import STORIES


def _records(spec, **kw):
    warnings = []
    return list(open_input(str(spec)).records(warn=warnings.append, **kw)), warnings


def test_directory_ids_are_the_story_prefixed_names():
    records, warnings = _records(STORIES)
    assert not warnings
    assert [r["id"] for r in records][:5] == [f"alibaba-hk-listing-2019/{n}" for n in
                                              ("blog", "brief", "republished", "techsite", "wire-report")]
    assert {r["story"] for r in records} == {"alibaba-hk-listing-2019", "arm-ipo-2023", "entity-list-2019"}
    flat, _ = _records(STORIES / "arm-ipo-2023")
    assert [r["id"] for r in flat] == ["blog", "brief", "republished", "techsite", "wire-report"]
    assert {r["story"] for r in flat} == {None}


def test_jsonl_parquet_and_datasets_give_the_same_records(tmp_path):
    import datasets

    rows = story_records(6)
    jsonl = write_jsonl(tmp_path / "a.jsonl", rows)
    table = pa.Table.from_pylist([{**r, "format": r.get("format")} for r in rows])
    pq.write_table(table, tmp_path / "a.parquet", row_group_size=2)
    datasets.Dataset(table).save_to_disk(str(tmp_path / "saved"))
    from_jsonl, _ = _records(jsonl)
    from_parquet, _ = _records(tmp_path / "a.parquet")
    from_dataset, _ = _records(tmp_path / "saved")
    key = lambda rs: [(r["id"], r["story"], r["text"], r["kind"]) for r in rs]  # noqa: E731
    assert key(from_jsonl) == key(from_parquet) == key(from_dataset)
    assert [r["id"] for r in from_jsonl] == [r["id"] for r in rows]
    assert {r["kind"] for r in from_jsonl} == {"text", "html"}
    assert open_input(str(tmp_path / "saved")).kind == "dataset"
    assert open_input(f"file://{tmp_path / 'a.parquet'}").scan()[1] == 6
    from_uri, _ = _records(f"file://{tmp_path / 'a.parquet'}")
    assert key(from_uri) == key(from_parquet)


def test_url_column_is_read_from_every_input_kind(tmp_path):
    """A corpus's article addresses survive into the records (and from there into the documents table)."""
    rows = [{"id": "a", "text": "Arm raised $4.87bn.", "url": "https://wire.example/a"},
            {"id": "b", "text": "Arm raised $4.8bn.", "url": "not an address"}]
    jsonl = write_jsonl(tmp_path / "u.jsonl", rows)
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "u.parquet")
    for spec in (jsonl, tmp_path / "u.parquet"):
        records, _ = _records(spec)
        assert [r["url"] for r in records] == ["https://wire.example/a", None], spec


def test_repeated_ids_and_bad_lines(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\nnot json\n\n{"text": "Three."}\n')
    records, warnings = _records(path)
    assert [r["id"] for r in records] == ["a", "a~2", "x-5"]
    assert any("'a' is already used" in w for w in warnings)
    assert any(f"{path}:3: malformed JSON line" in w for w in warnings)
    with pytest.raises(InputError, match=":3: malformed"):
        _records(path, on_error="fail")


def test_fingerprint_follows_the_content(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", story_records(3))
    first, total = open_input(str(path)).scan()
    assert total == 3 and open_input(str(path)).scan()[0] == first
    path.write_text(path.read_text().replace("a", "b", 1))
    assert open_input(str(path)).scan()[0] != first


def test_unusable_inputs_are_one_line_errors(tmp_path):
    import datasets

    with pytest.raises(InputError, match="no such file"):
        open_input(str(tmp_path / "missing"))
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="unsupported file type"):
        open_input(str(tmp_path / "x.pdf"))
    datasets.DatasetDict({"train": datasets.Dataset.from_dict({"text": ["a"]})}).save_to_disk(str(tmp_path / "dd"))
    with pytest.raises(InputError, match="DatasetDict.*train"):
        open_input(str(tmp_path / "dd"))
    pq.write_table(pa.table({"body": ["x"]}), tmp_path / "b.parquet")
    with pytest.raises(InputError, match="no 'text' column"):
        _records(tmp_path / "b.parquet")
