"""``normalize.qualifiers.part_frame``: the words around a count that make it a part of something larger or the
total of stated parts (issue 14: such counts are not voted against a plain count of the same noun and verb).
The sentences are our own."""

from __future__ import annotations

import pytest

from claimcheck.normalize.qualifiers import part_frame


def frame(sentence: str, figure: str, nth: int = 0) -> str | None:
    at = -1
    for _ in range(nth + 1):
        at = sentence.index(figure, at + 1)
    return part_frame(sentence, at, at + len(figure))


@pytest.mark.parametrize(("sentence", "figure", "expected"), [
    # a part of what follows "of", and the whole it is taken from
    ("The rookie completed 21 of 30 passes for 250 yards.", "21", "part"),
    ("The rookie completed 21 of 30 passes for 250 yards.", "30", "total"),
    ("She sat out 6 of the Hawks' 12 matches with a sprained ankle.", "12", "total"),
    ("She sat out 6 of the Hawks' 12 matches with a sprained ankle.", "6", "part"),
    ("Four of the miners were pulled out alive.", "Four", "part"),
    ("Police questioned nine people, two of them teenagers.", "two", "part"),
    ("The crash killed 14 people, including 3 children.", "3", "part"),
    # a stretch of a sequence
    ("He made his first 12 throws before the interception.", "12", "first"),
    ("The club lost its final 5 games of the season.", "5", "last"),
    ("The club lost its last five games.", "five", "last"),
    # counted on top of another count
    ("Another 40 families were moved to the school.", "40", "other"),
    ("The remaining 11 crew members stayed aboard.", "11", "other"),
    ("Rescuers found 8 more survivors on Friday.", "8", "other"),
    ("The other three defendants were acquitted.", "three", "other"),
    # a count its own sentence splits into parts
    ("The storm destroyed 900 homes, 600 of them on the coast.", "900", "split"),
    ("She kicked four goals in the first half and added two more after the break.", "four", "split"),
    ("She kicked four goals in the first half and added two more after the break.", "two", "other"),
    # the first half of a compound counts nothing by itself
    ("The guard made two three-point plays in the last minute.", "three", "modifier"),
    ("It was his fourth 20-point night of the season.", "20", "modifier"),
    # qualifiers between the frame word and the number are skipped
    ("Another roughly 40 families were moved.", "40", "other"),
    ("The storm destroyed about 900 homes, some 600 of them on the coast.", "600", "part"),
])
def test_counts_in_a_part_frame(sentence, figure, expected):
    assert frame(sentence, figure) == expected


@pytest.mark.parametrize(("sentence", "figure"), [
    ("The quake killed 31 people and injured 200.", "31"),
    ("More than 31 people died in the quake.", "31"),
    ("At least 31 people or more may have died.", "31"),
    ("Thousands of people fled the city.", "Thousands"),
    ("A total of 31 people were rescued.", "31"),
    ("The toll rose to 31, two more than on Monday.", "31"),  # "more than": a comparison, not an added count
    ("All of the 31 passengers were rescued.", "31"),  # "all of" the whole is the whole
    ("He threw 30 passes and completed most of them.", "30"),
    # a later count in another category, or a part of another count, does not split this one
    ("Nine people died and 40 others were hurt when the bridge gave way.", "Nine"),
    ("The two guards fired 15 rounds; the coroner said that eight bullets hit the man, five of them in the back.",
     "15"),
])
def test_plain_counts_have_no_frame(sentence, figure):
    assert frame(sentence, figure) is None


def test_out_of_range_or_empty_input_is_no_frame():
    assert part_frame("", 0, 1) is None
    assert part_frame("21 of 30", 5, 3) is None
    assert part_frame("21 of 30", 0, 99) is None
    assert frame("The rookie went 21 of 30 on the day.", "21 of 30") == "part"
