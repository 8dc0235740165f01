"""The Python entry points, as a notebook would use them."""

from datetime import date

import claimcheck
from claimcheck.schema import Document

from conftest import STORIES


def test_check_on_paths_finds_the_planted_conflict(nlp):
    report = claimcheck.check([str(STORIES / "arm-ipo-2023")], warn=lambda m: None)
    [conflict] = [f for f in report.findings if f.kind == "conflict"]
    assert (conflict.subject, conflict.attribute, conflict.docs[0]) == ("Arm", "ipo_proceeds", "blog")


def test_check_on_texts_and_documents(nlp):
    texts = [
        "Arm Holdings raised $4.87 billion in its initial public offering on Nasdaq.",
        "Arm Holdings raised about $4.9 billion in its IPO, the biggest listing of the year.",
    ]
    docs = [Document(id="third", text="Arm Holdings raised $8.47 billion in its Nasdaq IPO.", published=date(2023, 9, 14))]
    report = claimcheck.check(texts + docs)
    assert [d.id for d in report.documents] == ["text-1", "text-2", "third"]  # input order
    [finding] = report.findings
    assert finding.kind == "conflict" and finding.docs[0] == "third" and finding.found == "$8.47 billion"


def test_extract_gives_mentions_and_claims(nlp):
    [result] = claimcheck.extract(["SenseTime was valued at more than $7.5 billion, according to PitchBook."])
    assert [(m.label, m.value, m.unit, m.qualifier) for m in result.mentions if m.label == "MONEY"] == [
        ("MONEY", 7500000000, "USD", "at_least")]
    [claim] = result.claims
    assert (claim.subject, claim.attribute, claim.low, claim.high) == ("SenseTime", "valuation", 7500000000, None)


def test_progress_true_draws_a_bar_and_a_callable_is_called(nlp, capsys):
    calls = []
    claimcheck.extract([STORIES / "arm-ipo-2023"], progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1] == 5
    claimcheck.extract([STORIES / "arm-ipo-2023"], progress=True)  # was: TypeError: 'bool' object is not callable
    assert "5/5" in capsys.readouterr().err


def test_report_renders_in_a_notebook_and_says_when_one_source_cannot_disagree(nlp):
    from claimcheck.report.table import summary_line

    report = claimcheck.check([STORIES / "entity-list-2019"])
    html = report._repr_html_()
    assert "5 documents" in html and "<table>" in html and "Xinjang" in html and "<script" not in html
    one = claimcheck.check([STORIES / "arm-ipo-2023" / "blog.txt"])
    assert summary_line(one).startswith("1 document, ") and "1 documents" not in one._repr_html_()
    assert "at least two sources" in one._repr_html_()


def test_check_and_extract_are_listed_on_the_package():
    assert {"check", "extract"} <= set(dir(claimcheck))


def test_one_text_alone_is_one_document_and_an_empty_list_is_an_error(nlp):
    import pytest

    from claimcheck.errors import UsageError

    # a bare string was read letter by letter, each letter a missing file ("C: no such file or directory")
    [result] = claimcheck.extract("Corvex earned $12 million in 2023, the company said.")
    assert result.doc.id == "text-1" and [(c.subject, c.attribute) for c in result.claims] == [("Corvex", "profit")]
    report = claimcheck.check(Document(id="only", text="Corvex earned $12 million in 2023."))
    assert [d.id for d in report.documents] == ["only"]
    # an empty list (a glob that matched nothing) was silently the demo corpus
    with pytest.raises(UsageError, match="no sources given"):
        claimcheck.check([])
    with pytest.raises(UsageError, match="no sources given"):
        claimcheck.extract([])
