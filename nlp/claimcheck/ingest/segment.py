"""Split a page into physical lines and *units*: one unit per non-blank line, except
that the lines of a hard-wrapped paragraph are joined into one unit (a page is
hard-wrapped when many lines end mid-sentence near one width <= 100 characters; a line
wraps when the next line's first word would not have fitted on it). Also holds the few
line-shape tests that the rules, the features and the decisions share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

__all__ = ["Unit", "segment", "sentence_around", "sentence_with"]


@dataclass
class Unit:
    text: str  # the unit's text, stripped; wrapped lines joined with single spaces
    lines: list[int]  # indices of the physical lines it covers
    block: int  # index of the blank-line-delimited block it sits in
    blank_before: bool
    blank_after: bool


_TERMINAL = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
_LIST_START = re.compile(r"^(?:[-*+\u2022\u25aa\u25cf]\s|\d{1,2}[.)]\s|#|>|\||!\[|\[\d+\])")
_NORM_RE = re.compile(r"[\s\u00a0]+")  # whitespace runs (rule normalisation, model text key)
#: a Markdown link ``[text](url)``, its text in group 1 (rules, metadata and output all unwrap links). Neither
#: part may run past another bracket of its kind (the url may hold one level of parentheses): ``[^\]]*`` and
#: ``[^)]*`` made a line of thousands of "[" or "](" cost quadratic time (9,000 characters: 2.3 s).
MD_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*(?:\([^()]*\)[^()]*)*\)")


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s|$)|\n")  # closing quotes stay with their sentence


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) of cleaned ``text`` that holds ``text[start:end]``: a punctuation split, for the
    evidence quotes of findings and reports (every report and the cross-check quote through this)."""
    begin = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        begin = m.end()
    after = _SENTENCE_END.search(text, end)
    stop = after.end() if after else len(text)
    return text[begin:stop].strip()


def sentence_with(text: str, needle: str) -> str | None:
    """The sentence of ``text`` holding the first ``needle``; None when it is not there."""
    at = text.find(needle) if needle else -1
    return sentence_around(text, at, at + len(needle)) if at >= 0 else None


def _split_lines(raw: str) -> list[str]:
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    raw = raw.replace("\x00", "").replace("\ufeff", "")
    return [ln.rstrip().replace("\u00a0", " ").replace("\t", "    ") for ln in raw.split("\n")]


def _wrap_width(lines: Sequence[str]) -> int | None:
    """The column a hard-wrapped page was wrapped at, or None if it is not wrapped.

    Evidence of wrapping: lines that end within a few columns of the widest line
    (<= 100 characters) *in the middle of a sentence* (no final punctuation, or the
    next line starts in lower case). Pages of natural lines rarely do that."""
    stripped = [s.strip() for s in lines]
    lens = sorted(len(s) for s in stripped if s)
    if len(lens) < 4:
        return None
    cut = lens[max(0, len(lens) - 1 - len(lens) // 33)]  # ignore the longest ~3%
    if cut > 100 or cut < 40:
        return None
    width = cut
    lo = max(40, width - 15)
    cands = evidence = 0
    for a, b in zip(stripped, stripped[1:]):
        if not a or not b or len(a) < lo or len(a) > width + 4 or _LIST_START.match(b):
            continue
        cands += 1
        if not _TERMINAL.search(a) or b[:1].islower():
            evidence += 1
    if evidence >= 2 and evidence >= 0.5 * cands:
        return max(n for n in lens if n <= width + 4)
    return None


def segment(raw_or_lines: str | Sequence[str]) -> tuple[list[str], list[Unit]]:
    """Split a page into physical lines and units (see module docstring)."""
    lines = _split_lines(raw_or_lines) if isinstance(raw_or_lines, str) else [str(x).rstrip() for x in raw_or_lines]
    width = _wrap_width(lines)
    n_blank = sum(1 for s in lines if not s.strip())
    n_text = len(lines) - n_blank
    uses_blank = n_blank >= 0.2 * max(1, n_text)
    units: list[Unit] = []
    block = 0
    prev_blank = True
    cur: Unit | None = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if not s:
            if cur is not None:
                cur.blank_after = True
            cur = None
            if not prev_blank:
                block += 1
            prev_blank = True
            continue
        if cur is not None and width is not None and _continues(lines[cur.lines[-1]].strip(), s, width, uses_blank):
            cur.text = cur.text + " " + s
            cur.lines.append(i)
        else:
            cur = Unit(text=s, lines=[i], block=block, blank_before=prev_blank, blank_after=False)
            units.append(cur)
        prev_blank = False
    if units:
        units[-1].blank_after = True
    return lines, units


def _continues(prev: str, nxt: str, width: int, uses_blank: bool) -> bool:
    """Is ``nxt`` the continuation of the hard-wrapped line ``prev``?"""
    if len(prev) < 30 or _LIST_START.match(nxt) or prev.startswith(("#", "|")):
        return False
    first = nxt.split(" ", 1)[0]
    if len(prev) + 1 + len(first) <= width:
        # the next word would have fitted, so prev ended its paragraph -- unless prev
        # breaks mid-sentence near the width and nxt carries on in lower case
        return nxt[:1].islower() and not _TERMINAL.search(prev) and len(prev) >= width - 20
    if uses_blank:
        return True
    return not _TERMINAL.search(prev) or nxt[:1].islower()


def _is_long_para(s: str) -> bool:
    return len(s.split()) >= 15 and bool(_TERMINAL.search(s.strip()))
