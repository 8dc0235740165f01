"""The one 'sentence around a span' helper that findings and every report quote evidence with."""

from __future__ import annotations

import pytest

from claimcheck.ingest.segment import sentence_around, sentence_with

TEXT = ("Arm Holdings raised $4.87 billion. Its shares rose 25% on Thursday! Was it worth it?\n"
        "A new line starts here. \"Quoted.\" Then more")


@pytest.mark.parametrize("needle,sentence", [
    ("$4.87 billion", "Arm Holdings raised $4.87 billion."),
    ("25%", "Its shares rose 25% on Thursday!"),
    ("worth", "Was it worth it?"),
    ("new line", "A new line starts here."),
    ("Quoted", "\"Quoted.\""),
    ("more", "Then more"),
])
def test_sentence_with(needle, sentence):
    assert sentence_with(TEXT, needle) == sentence
    at = TEXT.index(needle)
    assert sentence_around(TEXT, at, at + len(needle)) == sentence


def test_sentence_with_missing_needle():
    assert sentence_with(TEXT, "absent") is None and sentence_with(TEXT, "") is None
    assert sentence_around("", 0, 0) == ""
