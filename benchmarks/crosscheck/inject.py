"""Error injection: put one known error into one article of a story.

The generator reads the unmodified story's report (its documents and claims) and
proposes single errors, each an :class:`Injection` that replaces one span of one
document's text:

=====================  ===========================================================
``figure_changed``     a money or percent figure multiplied by 0.55–0.8 or 1.25–1.8
                       (never by a factor that reads as a slip), same decimals
``digits_transposed``  the leftmost pair of adjacent, different digits swapped
                       (``$7.5 billion`` → ``$5.7 billion``)
``scale_swapped``      the scale word swapped: billion ↔ million, bn ↔ m,
                       trillion → billion
``count_changed``      a count moved by at least 2 and 20% (``28 entities`` → ``21``)
``date_shifted``       an absolute date's day moved by 2 (``November 26`` → ``28``)
``name_deletion``      one interior letter of a name dropped (``Megvii`` → ``Megii``)
``name_insertion``     a keyboard neighbour inserted inside a name
``name_substitution``  an interior letter replaced by a keyboard neighbour (a vowel
                       by a consonant: vowel-for-vowel is how transliterations differ,
                       and those are accepted variants, not typos)
``name_transposition`` two adjacent interior letters swapped (``SoftBank`` → ``SoftBnak``)
=====================  ===========================================================

Only *checkable* places get an error: a figure or date that at least one other
source of the story also states (the claim's group has two or more documents),
that no finding of the unmodified story already involves, that its source states
only once in the group, and whose new value — read by claimcheck's normalisers,
interval and all — lies outside every other source's interval for that group (an
error inside what the other sources' own rounding allows cannot be seen by
anyone); a name form that three or more documents use (so that a majority
spelling exists), at its first use in the document body, misspelt into a form
that is not an English word (a real-word error, 'March' → 'Mach', needs the
sentence, not a spelling check). Everything is drawn with a seeded ``random.Random``, one per error kind, so
what one kind draws does not depend on another's: a pipeline change that alters the story's claims changes the
figures drawn, never the names (which a comparison of two pipelines can then pair).

A finding *detects* an injection when it is of the right kind (``conflict`` for
figures and counts, ``date`` for dates, ``typo`` for names), names the injected
document among its documents, and names the right subject: the claim's subject
(by name key) or, for a typo, the misspelt form — or its evidence points at the
injected span. It *blames* the injected document when it also names it first,
as the disagreeing source (in a group of two sources, one against one, the
checker cannot know which is wrong: the verdict is then Conflicting Evidence
and either may come first).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from claimcheck.crosscheck import group_claims, overlaps, slip_kind
from claimcheck.vocabulary import DATE_ATTRIBUTES
from claimcheck.resolve.entities import name_key
from claimcheck.resolve.typos import is_word
from claimcheck.schema import Claim, Document, Finding, Report

NUMBER_KINDS = ("figure_changed", "digits_transposed", "scale_swapped", "count_changed")
NAME_KINDS = ("name_deletion", "name_insertion", "name_substitution", "name_transposition")
KINDS = NUMBER_KINDS + ("date_shifted",) + NAME_KINDS
EXPECTED_FINDING = {**{k: "conflict" for k in NUMBER_KINDS}, "date_shifted": "date", **{k: "typo" for k in NAME_KINDS}}

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
SCALES = {"billion": "million", "million": "billion", "trillion": "billion", "bn": "m", "m": "bn", "tn": "bn"}
SCALE = re.compile(r"(?<=[\d\s$])(billion|million|trillion|bn|tn|m)\b", re.I)
MONTH_DAY = re.compile(
    r"\b(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>\d{1,2})\b"
    r"|\b(?P<day2>\d{1,2})\s+(?P<month2>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b"
)
VOWELS = set("aeiouy")
KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]


def _neighbours(ch: str) -> list[str]:
    low = ch.lower()
    for r, row in enumerate(KEYBOARD):
        if low in row:
            i = row.index(low)
            near = [row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)]
            for rr in (r - 1, r + 1):
                if 0 <= rr < len(KEYBOARD):
                    near += [KEYBOARD[rr][j] for j in (i - 1, i, i + 1) if 0 <= j < len(KEYBOARD[rr])]
            return sorted(set(near) - {low})
    return []


@dataclass(frozen=True)
class Injection:
    """One error: replace ``text[start:end]`` (== ``old``) of document ``doc`` by ``new``."""

    kind: str
    doc: str
    start: int
    end: int
    old: str
    new: str
    subject: str  # the subject a finding must name (for a name error: the right spelling)
    attribute: str | None = None
    old_value: object = None
    new_value: object = None

    def apply(self, text: str) -> str:
        assert text[self.start:self.end] == self.old, (text[self.start:self.end], self.old)
        return text[:self.start] + self.new + text[self.end:]

    @property
    def found(self) -> str | None:
        """The misspelt form a typo finding should report."""
        return self.new if self.kind in NAME_KINDS else None


def _format_like(value: float, written: str) -> str:
    decimals = len(written.split(".")[1]) if "." in written else 0
    text = f"{value:,.{decimals}f}" if "," in written else f"{value:.{decimals}f}"
    return text


def _parse(written: str) -> float:
    return float(written.replace(",", ""))


def _checkable(report: Report) -> dict[tuple, list[Claim]]:
    """Groups of the unmodified story with two or more documents, without the claims a finding already involves."""
    involved = {c for f in report.findings for c in f.claims}
    misdated = {f.docs[0] for f in report.findings if f.attribute == "published" and f.docs}
    groups = group_claims(report.claims, misdated)  # the checker's own grouping
    return {k: g for k, g in groups.items() if len({c.doc for c in g}) >= 2 and not involved & {c.id for c in g}}


def _renormalised(target: Claim, new_text: str):
    """The interval the normalisers give the changed figure as written, or None."""
    from claimcheck.normalize import normalize_count, normalize_money, normalize_percent

    try:
        if target.unit == "percent":
            return normalize_percent(new_text)
        if target.unit == "count" or target.attribute == "count":
            return normalize_count(new_text)
        if target.unit and target.unit.isupper() and len(target.unit) == 3:
            return normalize_money(new_text, default_currency=target.unit)
    except Exception:  # noqa: BLE001 - a figure the normalisers cannot read is simply not predicted
        return None
    return None


def _outside_others(target: Claim, group: list[Claim], new_value: object, new_text: str | None = None) -> bool:
    """The changed figure disagrees with every other source's figure in the group: its interval as the normalisers
    read the new text (or the target's interval scaled, when they cannot) overlaps none of theirs."""
    q = _renormalised(target, new_text) if new_text else None
    if q is not None and isinstance(q.value, (int, float)) and isinstance(new_value, (int, float)) \
            and abs(q.value - new_value) <= 1e-6 * max(1.0, abs(new_value)):
        moved = target.model_copy(update={"value": q.value, "low": q.low, "high": q.high, "qualifier": q.qualifier})
        return not any(overlaps(moved, o) for o in group if o.doc != target.doc)
    if isinstance(new_value, (int, float)) and isinstance(target.value, (int, float)) and target.value:
        scale = new_value / target.value
        low = target.low * scale if isinstance(target.low, (int, float)) else None
        high = target.high * scale if isinstance(target.high, (int, float)) else None
        if low is not None and high is not None and low > high:
            low, high = high, low
    else:
        low = high = new_value
    moved = target.model_copy(update={"value": new_value, "low": low, "high": high})
    return not any(overlaps(moved, o) for o in group if o.doc != target.doc)


def _number_injection(kind: str, c: Claim, group: list[Claim], rng: random.Random) -> Injection | None:
    m = NUMBER.search(c.text)
    if not m or not isinstance(c.value, (int, float)):
        return None
    written = m.group(0)
    start, end = c.start + m.start(), c.start + m.end()
    old_number = _parse(written)
    if old_number == 0:
        return None
    if kind == "scale_swapped":
        s = SCALE.search(c.text, m.end())
        if not s or c.unit in ("percent", "count", "date") or s.start() - m.end() > 1:
            return None
        word = s.group(1)
        swapped = SCALES[word.lower()]
        swapped = swapped.upper() if word.isupper() else swapped
        factor = {("billion", "million"): 1e-3, ("million", "billion"): 1e3, ("trillion", "billion"): 1e-3,
                  ("bn", "m"): 1e-3, ("m", "bn"): 1e3, ("tn", "bn"): 1e-3}[(word.lower(), swapped.lower())]
        new_value = c.value * factor
        new_text = c.text[:s.start()] + swapped + c.text[s.end():]
        return Injection(kind, c.doc, c.start + s.start(), c.start + s.end(), word, swapped, c.subject, c.attribute,
                         c.value, new_value) if _outside_others(c, group, new_value, new_text) else None
    if kind == "digits_transposed":
        digits = [i for i, ch in enumerate(written) if ch.isdigit()]
        for a, b in zip(digits, digits[1:]):
            if b == a + 1 and written[a] != written[b]:
                new = written[:a] + written[b] + written[a] + written[b + 1:]
                if new[0] == "0":
                    continue
                break
        else:
            return None
    elif kind == "figure_changed":
        if c.attribute == "count" or c.unit in ("count", "date"):
            return None
        for _ in range(20):
            factor = rng.uniform(0.55, 0.8) if rng.random() < 0.5 else rng.uniform(1.25, 1.8)
            new = _format_like(old_number * factor, written)
            if _parse(new) != old_number and slip_kind(_parse(new), old_number) is None:
                break
        else:
            return None
    elif kind == "count_changed":
        if c.attribute != "count" or "." in written:
            return None
        step = max(2, round(old_number * rng.uniform(0.2, 0.4)))
        value = old_number + step if rng.random() < 0.5 or old_number - step < 1 else old_number - step
        new = _format_like(value, written)
        if slip_kind(value, old_number) is not None:
            return None
    else:
        return None
    new_value = c.value * _parse(new) / old_number
    if isinstance(c.value, int) and float(new_value).is_integer():
        new_value = int(new_value)
    if not _outside_others(c, group, new_value, c.text[:m.start()] + new + c.text[m.end():]):
        return None
    return Injection(kind, c.doc, start, end, written, new, c.subject, c.attribute, c.value, new_value)


def _date_injection(c: Claim, group: list[Claim]) -> Injection | None:
    if not isinstance(c.value, str) or len(c.value) != 10:
        return None
    m = MONTH_DAY.search(c.text)
    if not m:
        return None
    g = "day" if m.group("day") else "day2"
    day = int(m.group(g))
    new_day = day + 2 if day <= 26 else day - 2
    try:
        new_date = date.fromisoformat(c.value) + timedelta(days=new_day - day)
    except ValueError:
        return None
    start, end = c.start + m.start(g), c.start + m.end(g)
    new_value = new_date.isoformat()
    if not _outside_others(c, group, new_value):
        return None
    return Injection("date_shifted", c.doc, start, end, m.group(g), str(new_day), c.subject, c.attribute, c.value,
                     new_value)


def _misspell(word: str, kind: str, rng: random.Random) -> str | None:
    inner = list(range(1, len(word) - 1))
    rng.shuffle(inner)
    for i in inner:
        ch = word[i]
        if not ch.isalpha():
            continue
        if kind == "name_deletion":
            if word[i - 1].lower() == ch.lower() or word[i + 1].lower() == ch.lower():
                continue  # 'Megvii' → 'Megvi' is fine, but prefer unambiguous deletions
            return word[:i] + word[i + 1:]
        if kind == "name_insertion":
            near = _neighbours(ch)
            if near:
                return word[:i] + rng.choice(near) + word[i:]
        if kind == "name_substitution":
            near = [n for n in _neighbours(ch) if not (ch.lower() in VOWELS and n in VOWELS)]
            if near:
                new = rng.choice(near)
                return word[:i] + (new.upper() if ch.isupper() else new) + word[i + 1:]
        if kind == "name_transposition":
            if i + 1 < len(word) - 1 and word[i + 1].isalpha() and word[i].lower() != word[i + 1].lower() \
                    and not (word[i].isupper() or word[i + 1].isupper()):
                return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return None


WORD = re.compile(r"(?<![\w-])[A-Z][a-zA-Z]{4,}(?![\w-])")


def _name_injections(kind: str, documents: list[Document], rng: random.Random, forms_by_doc: dict[str, set[str]],
                     per_kind: int) -> list[Injection]:
    doc_freq: dict[str, int] = {}
    for forms in forms_by_doc.values():
        for f in forms:
            doc_freq[f] = doc_freq.get(f, 0) + 1
    all_forms = set(doc_freq)
    out = []
    options = []
    for d in documents:
        body_start = d.text.find("\n") + 1 if d.title and d.text.startswith(d.title) else 0
        for form in sorted(forms_by_doc.get(d.id, ())):
            if doc_freq[form] < 3 or not form.isalpha() or len(form) < 5 or form.isupper():
                continue
            m = re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])").search(d.text, body_start)
            if m:
                options.append((d, form, m))
    rng.shuffle(options)
    used_docs: dict[str, int] = {}
    for d, form, m in options:
        if len(out) >= per_kind:
            break
        if used_docs.get(d.id, 0) >= 2:
            continue
        new = _misspell(form, kind, rng)
        if not new or new in all_forms or new.lower() == form.lower() or is_word(new):
            continue
        used_docs[d.id] = used_docs.get(d.id, 0) + 1
        out.append(Injection(kind, d.id, m.start(), m.end(), form, new, form))
    return out


def name_forms(documents: list[Document]) -> dict[str, set[str]]:
    """Capitalised word forms per document body (names, mostly): what a name error can hit."""
    out = {}
    for d in documents:
        body_start = d.text.find("\n") + 1 if d.title and d.text.startswith(d.title) else 0
        out[d.id] = {m.group(0) for m in WORD.finditer(d.text, body_start)
                     if d.text[:m.start()].rstrip()[-1:] not in ("", ".", "!", "?", "\n", '"', "“", ":")}
    return out


def generate(report: Report, documents: list[Document], *, seed: int = 0, per_kind: int = 10,
             kinds: tuple[str, ...] = KINDS, name_forms_by_doc: dict[str, set[str]] | None = None) -> list[Injection]:
    """Up to ``per_kind`` single-error injections of each kind for one story (see the module docstring)."""
    groups = _checkable(report)
    out: list[Injection] = []
    for kind in kinds:
        rng = random.Random(f"{seed}:{kind}")  # its own draw: the names do not follow the figures' (docstring)
        found: list[Injection] = []
        if kind in NAME_KINDS:
            found = _name_injections(kind, documents, rng, name_forms_by_doc or name_forms(documents), per_kind)
        else:
            # a source that states the group twice (a figure and its restatement, or two things the extractor
            # lumped together) is no target: its other figure would still agree with the others
            targets = [(key, c, g) for key, g in groups.items() for c in g if sum(o.doc == c.doc for o in g) == 1]
            rng.shuffle(targets)
            used: set[tuple] = set()
            for key, c, g in targets:
                if len(found) >= per_kind:
                    break
                if key in used:
                    continue
                if kind == "date_shifted":
                    inj = _date_injection(c, g) if c.attribute in DATE_ATTRIBUTES else None
                else:
                    inj = _number_injection(kind, c, g, rng) if c.attribute not in DATE_ATTRIBUTES else None
                if inj is not None:
                    used.add(key)
                    found.append(inj)
        out.extend(found)
    return out


def apply(documents: list[Document], inj: Injection) -> list[Document]:
    return [d.model_copy(update={"text": inj.apply(d.text)}) if d.id == inj.doc else d for d in documents]


def shifted(inj: Injection, offset: int) -> Injection:
    return replace(inj, start=inj.start + offset, end=inj.end + offset)


def blames(f: Finding, inj: Injection) -> bool:
    """The finding detects the injection and names the injected document first, as the disagreeing source."""
    return detects(f, inj) and f.docs[0] == inj.doc


def detects(f: Finding, inj: Injection) -> bool:
    """The finding names the injected document, with the right kind and subject (or points at the span)."""
    if f.kind != EXPECTED_FINDING[inj.kind] or inj.doc not in f.docs:
        return False
    if inj.kind in NAME_KINDS:
        return (f.found or "") == inj.new
    if f.subject is not None and name_key(f.subject) == name_key(inj.subject):
        return True
    new_end = inj.start + len(inj.new)
    return any(e.doc == inj.doc and e.start is not None and e.start <= inj.start and new_end <= (e.end or 0)
               for e in f.evidence)


def signature(f: Finding) -> tuple:
    """What makes two findings 'the same' across runs (ids and confidences change)."""
    return (f.kind, name_key(f.subject) if f.subject else None, f.attribute, f.docs[0] if f.docs else None,
            (f.found or "").casefold())
