import json

import jsonschema

from claimcheck.schema import SCHEMA_VERSION, Report, report_json_schema

CONTRACT = {
    "documents": {"id", "path", "title", "published", "source"},
    "claims": {"id", "doc", "subject", "attribute", "value", "unit", "qualifier", "period", "text", "start", "end",
               "confidence"},
    "findings": {"id", "kind", "verdict", "subject", "attribute", "claims", "docs", "message", "found", "suggestion",
                 "confidence"},
}


def test_demo_report_follows_the_contract_and_validates(story_reports):
    schema = report_json_schema()
    for report in story_reports.values():
        data = json.loads(report.to_json())
        jsonschema.validate(data, schema)
        assert data["schema_version"] == SCHEMA_VERSION == "2"
        for section, fields in CONTRACT.items():
            assert data[section], section
            for item in data[section]:
                assert fields <= set(item), (section, fields - set(item))
        # each document carries the cleaned text its claims' offsets point into, unless asked to leave it out
        texts = {d["id"]: d["text"] for d in data["documents"]}
        assert all(texts[c["doc"]][c["start"]:c["end"]] == c["text"] for c in data["claims"])
        bare = json.loads(report.to_json(text=False))
        jsonschema.validate(bare, schema)
        assert all("text" not in d for d in bare["documents"]) and bare["claims"] == data["claims"]
        for c in data["claims"]:
            assert c["qualifier"] in ("exact", "approx", "at_least", "at_most", "range")
            if c["unit"] == "date":
                assert isinstance(c["value"], str)
            else:
                assert isinstance(c["value"], (int, float))
        for f in data["findings"]:
            assert f["kind"] in ("conflict", "typo", "date")
            assert f["verdict"] in ("Supported", "Refuted", "Not Enough Evidence", "Conflicting Evidence/Cherrypicking")


def test_offsets_point_into_the_cleaned_text(story_reports):
    for report in story_reports.values():
        texts = {d.id: d.text for d in report.documents}
        for c in report.claims:
            assert texts[c.doc][c.start:c.end] == c.text
            assert c.text in c.sentence


def test_empty_report_validates():
    jsonschema.validate(json.loads(Report().to_json()), report_json_schema())


def test_single_source_and_evidence_are_backward_compatible(story_reports):
    schema = report_json_schema()
    assert "single_source" in schema["properties"] and "single_source" not in schema.get("required", [])
    for report in story_reports.values():
        data = json.loads(report.to_json())
        assert data["single_source"] and all(s["verdict"] == "Not Enough Evidence" for s in data["single_source"])
        assert all(f["evidence"] for f in data["findings"] if f["kind"] in ("conflict", "typo"))
        old = {**data, "findings": [{k: v for k, v in f.items() if k not in ("evidence", "slip")} for f in data["findings"]]}
        del old["single_source"]
        jsonschema.validate(old, schema)  # a report written before these keys existed still validates and loads
        assert Report.model_validate(old).single_source == []
