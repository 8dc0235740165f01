"""One vocabulary: the attribute, finding-kind and label lists every part of the package uses are the ones in
claimcheck.vocabulary, and the guidelines and the published schema say the same."""

from __future__ import annotations

import re

import pytest

from claimcheck import vocabulary as v
from claimcheck.schema import Claim, report_json_schema
from conftest import ROOT


def test_every_attribute_has_a_kind_and_a_name():
    assert set(v.ATTRIBUTE_KINDS) == set(v.ATTRIBUTES)
    assert v.DATE_ATTRIBUTES == {"listing_date", "event_date"}
    assert v.PERIOD_ATTRIBUTES <= set(v.ATTRIBUTES)
    assert all(v.ATTRIBUTE_KINDS[a] in ("money", "percent") for a in v.PERIOD_ATTRIBUTES)
    assert v.attribute_name("ipo_proceeds") == "IPO proceeds"
    assert v.attribute_name("share_price_change") == "share price change"
    assert v.attribute_name("funding") == "funding" and v.attribute_name(None) == ""
    assert v.attribute_name(v.PUBLISHED) == "publication date"


def test_the_guidelines_define_exactly_the_vocabulary():
    table = (ROOT / "corpus" / "GUIDELINES.md").read_text(encoding="utf-8").split("# Claim attributes", 1)[1]
    table = table.split("\n## ", 1)[0]
    documented = re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.M)
    assert documented == list(v.ATTRIBUTES)


def test_schema_enumerates_the_attributes_and_kinds():
    schema = report_json_schema()
    claim = schema["$defs"]["Claim"]["properties"]["attribute"]
    assert claim["enum"] == list(v.ATTRIBUTES)
    assert schema["$defs"]["Finding"]["properties"]["kind"]["enum"] == list(v.FINDING_KINDS)
    with pytest.raises(ValueError):
        Claim(id="c", doc="d", subject="Acme", attribute="valuaton", value=1, text="1", start=0, end=1,
              confidence=0.5)


def test_no_module_keeps_its_own_list():
    """The lists live in vocabulary.py only: the modules that used to keep copies import them."""
    from claimcheck.cli import check
    from claimcheck.pipeline import claims, pairs
    from claimcheck.report import markdown, table
    from claimcheck.training import markup

    assert markup.ATTRIBUTES is v.ATTRIBUTES and markup.LABELS is v.LABELS
    assert pairs.ATTRIBUTES is v.ATTRIBUTES and claims.PERIOD_ATTRIBUTES is v.PERIOD_ATTRIBUTES
    assert table.SEVERITY is v.SEVERITY and markdown.SEVERITY is v.SEVERITY
    assert check.FINDING_KINDS is v.FINDING_KINDS
    package = ROOT / "nlp" / "claimcheck"
    copies = [p.relative_to(package) for p in package.rglob("*.py") if p.name != "vocabulary.py"
              and re.search(r'\{"conflict": 0|"valuation", "deal_value", "revenue"|"published": "publication date"',
                            p.read_text(encoding="utf-8"))]
    assert copies == []
