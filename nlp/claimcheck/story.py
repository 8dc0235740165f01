"""Cross-checking one story: the single place where a story's documents and claims become a report.

``check`` (through :func:`claimcheck.api.check_processed`), ``crosscheck --scope story`` on an ``annotate``
output and the error-injection benchmark all end here, so the three give the same findings for the same
story: copies of another document of the story first (``resolve/copies.py``: they are one voice, not two), name
typos across its sources, common-word typos (with two sources or more), subjects resolved with those
corrections, then conflicts, date findings and single-source figures (:func:`crosscheck.crosscheck_all`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from claimcheck.schema import Claim, Document, Finding, Report


@dataclass
class StoryDoc:
    """One document of a story with what the story check needs from the pipeline: its claims (subjects as
    written; ``subject`` is set here), its proper-name word forms with their counts, and the words seen
    beside each form (the typo check's context evidence)."""

    doc: Document
    claims: list[Claim]
    names: Counter = field(default_factory=Counter)
    contexts: dict = field(default_factory=dict)


def resolve_subjects(items: list[StoryDoc], corrections: dict[str, str]) -> list[Claim]:
    """The story's claims with canonical subjects: typo corrections first, then name resolution across the
    story (short and long forms, products to their makers). A scope that names a company (a stake's company
    held, ``crosscheck.NAMED_SCOPES``) is resolved with the subjects: "Pelham" and "Pelham Aviation Inc" are one."""
    from claimcheck.crosscheck import NAMED_SCOPES
    from claimcheck.resolve.entities import product_makers, resolve_names

    claims = [c for it in items for c in it.claims]
    named = [c.scope for c in claims if c.scope and c.attribute in NAMED_SCOPES]
    canonical = resolve_names([c.subject_text or c.subject for c in claims] + named, corrections,
                              makers=product_makers(it.doc.text for it in items))
    out = []
    for c in claims:
        written = c.subject_text or c.subject
        update = {"subject": canonical.get(written, written)}
        if c.scope and c.attribute in NAMED_SCOPES:
            update["scope"] = canonical.get(c.scope, c.scope)
        update = {k: v for k, v in update.items() if v != getattr(c, k)}
        out.append(c.model_copy(update=update) if update else c)
    return out


def find_story_copies(items: list[StoryDoc], *, found_in_pile: bool = False) -> dict[str, str]:
    """copy id → original id among the story's documents (``resolve/copies.py``); a date line the story's
    date checks show wrong does not make its page the original (``found_in_pile``: as in
    :func:`claimcheck.crosscheck.crosscheck_all`)."""
    from claimcheck.crosscheck import finding_ids, published_date_findings, reported_before_published_findings
    from claimcheck.resolve.copies import find_copies

    if len(items) < 2:
        return {}
    docs = [it.doc for it in items]
    next_id = finding_ids()
    misdated = set() if found_in_pile else {f.docs[0] for f in published_date_findings(docs, next_id)}
    misdated |= {f.docs[0] for f in reported_before_published_findings(
        docs, [c for it in items for c in it.claims], next_id, misdated)}
    return {copy: pair.original for copy, pair in find_copies(docs, untrusted_dates=misdated).items()}


def _voices(items: list[StoryDoc], copies: dict[str, str]) -> list[StoryDoc]:
    """The story as independent voices for the typo checks: a copy keeps only the name forms its original does
    not write (its own slips), so a misspelling repeated by a copy is still one source's slip."""
    names = {it.doc.id: it.names for it in items}
    out = []
    for it in items:
        original = copies.get(it.doc.id)
        if original is None:
            out.append(it)
            continue
        own = Counter({f: n for f, n in it.names.items() if f not in names.get(original, {})})
        out.append(StoryDoc(it.doc, it.claims, own, {f: w for f, w in it.contexts.items() if f in own}))
    return out


def _with_title(doc: Document) -> str:
    """The document's text with its headline when the text does not open with it: what the typo evidence reads
    ("Matt Smith" in the headline is the document writing "Smith" too)."""
    if doc.title and not doc.text.startswith(doc.title):
        return f"{doc.title}\n{doc.text}"
    return doc.text


def voting_claims(claims: list[Claim], copies: dict[str, str]) -> list[Claim]:
    """The claims that vote: all but a copy's figures that agree with a figure of its original about the same
    thing (one voice, counted once). A copy's figure its original does not state — a changed figure, an added
    sentence — still speaks for the copy."""
    from claimcheck.crosscheck import group_key, overlaps

    if not copies:
        return claims
    originals: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.doc not in copies:
            originals[(c.doc, group_key(c))].append(c)
    return [c for c in claims if c.doc not in copies
            or not any(overlaps(c, o) for o in originals.get((copies[c.doc], group_key(c)), []))]


def check_story(items: list[StoryDoc], *, found_in_pile: bool = False) -> Report:
    """The report of one story (no reading, no pipeline: ``items`` carry what they produced).

    Copies (syndicated, near-duplicate) are found first: each document that copies another gets ``copy_of``,
    and neither the typo checks nor the votes count it again (independent voices only).
    """
    from claimcheck.crosscheck import crosscheck_all
    from claimcheck.resolve.scopes import canonical_scopes
    from claimcheck.resolve.typos import find_typos, find_word_typos

    copies = find_story_copies(items, found_in_pile=found_in_pile)
    voices = _voices(items, copies)
    typos = find_typos({it.doc.id: it.names for it in voices}, {it.doc.id: it.contexts for it in voices},
                       {it.doc.id: _with_title(it.doc) for it in voices})
    corrections = {t.found: t.suggestion for t in typos}
    independent = [it for it in items if it.doc.id not in copies]
    if len(independent) >= 2:  # one writer's slip among several sources, as for names
        typos += find_word_typos({it.doc.id: it.doc.text for it in independent},
                                 {n for it in items for n in it.names})
    claims = resolve_subjects(items, corrections)
    claims = canonical_scopes(claims)  # counts of one thing in other words share a scope (resolve/scopes.py)
    docs = [it.doc.model_copy(update={"copy_of": copies[it.doc.id]}) if it.doc.id in copies else it.doc
            for it in items]
    result = crosscheck_all(docs, voting_claims(claims, copies), typos, found_in_pile=found_in_pile)
    findings = result.findings
    if copies:  # a copy's own wrong date line is still its own: the checks that left its claims out miss it
        findings = _copy_date_findings(docs, claims, copies, findings)
    return Report(documents=docs, claims=claims, findings=findings, single_source=result.single_source,
                  timelines=result.timelines)


def _copy_date_findings(docs: list[Document], claims: list[Claim], copies: dict[str, str],
                        findings: list[Finding]) -> list[Finding]:
    """``findings`` plus the 'dated before the events it reports' finding of a copy whose dated claims did not
    vote (they repeat the original's), renumbered."""
    from claimcheck.crosscheck import finding_ids, numbered, reported_before_published_findings
    from claimcheck.vocabulary import PUBLISHED

    flagged = {f.docs[0] for f in findings if f.attribute == PUBLISHED and f.docs}
    late = [f for f in reported_before_published_findings(docs, claims, finding_ids(), flagged)
            if f.docs[0] in copies]
    if not late:
        return findings
    start = len(findings)
    return numbered(findings + [f.model_copy(update={"id": f"f{start + n}"}) for n, f in enumerate(late, 1)])


def prefix_ids(story: str, report: Report) -> Report:
    """The report with every id prefixed by its story's name ("arm-ipo-2023/blog"), so that ids stay unique when
    several stories share one report; messages keep the short names."""
    def p(x: str) -> str:
        return f"{story}/{x}"

    def ev(f):
        return [e.model_copy(update={"doc": p(e.doc), "claim": p(e.claim) if e.claim else None}) for e in f.evidence]

    return report.model_copy(update={
        "documents": [d.model_copy(update={"id": p(d.id), "copy_of": p(d.copy_of) if d.copy_of else None})
                      for d in report.documents],
        "claims": [c.model_copy(update={"id": p(c.id), "doc": p(c.doc)}) for c in report.claims],
        "findings": [f.model_copy(update={"id": p(f.id), "docs": [p(d) for d in f.docs],
                                          "claims": [p(c) for c in f.claims], "evidence": ev(f)})
                     for f in report.findings],
        "single_source": [s.model_copy(update={"id": p(s.id), "docs": [p(d) for d in s.docs],
                                               "claims": [p(c) for c in s.claims]}) for s in report.single_source],
        "timelines": [t.model_copy(update={"id": p(t.id), "points": [
            pt.model_copy(update={"docs": [p(d) for d in pt.docs], "claims": [p(c) for c in pt.claims]})
            for pt in t.points]}) for t in report.timelines],
    })
