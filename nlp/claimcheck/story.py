"""Cross-checking one story: the single place where a story's documents and claims become a report.

``check`` (through :func:`claimcheck.api.check_processed`), ``crosscheck --scope story`` on an ``annotate``
output and the error-injection benchmark all end here, so the three give the same findings for the same
story: name typos across its sources, common-word typos (with two sources or more), subjects resolved with
those corrections, then conflicts, date findings and single-source figures (:func:`crosscheck.crosscheck_all`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from claimcheck.schema import Claim, Document, Report


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
    story (short and long forms, products to their makers)."""
    from claimcheck.resolve.entities import product_makers, resolve_names

    canonical = resolve_names((c.subject_text or c.subject for it in items for c in it.claims), corrections,
                              makers=product_makers(it.doc.text for it in items))
    out = []
    for it in items:
        for c in it.claims:
            written = c.subject_text or c.subject
            subject = canonical.get(written, written)
            out.append(c if subject == c.subject else c.model_copy(update={"subject": subject}))
    return out


def check_story(items: list[StoryDoc]) -> Report:
    """The report of one story (no reading, no pipeline: ``items`` carry what they produced)."""
    from claimcheck.crosscheck import crosscheck_all
    from claimcheck.resolve.typos import find_typos, find_word_typos

    typos = find_typos({it.doc.id: it.names for it in items}, {it.doc.id: it.contexts for it in items})
    corrections = {t.found: t.suggestion for t in typos}
    if len(items) >= 2:  # one writer's slip among several sources, as for names
        typos += find_word_typos({it.doc.id: it.doc.text for it in items}, {n for it in items for n in it.names})
    claims = resolve_subjects(items, corrections)
    docs = [it.doc for it in items]
    result = crosscheck_all(docs, claims, typos)
    return Report(documents=docs, claims=claims, findings=result.findings, single_source=result.single_source)


def prefix_ids(story: str, report: Report) -> Report:
    """The report with every id prefixed by its story's name ("arm-ipo-2023/blog"), so that ids stay unique when
    several stories share one report; messages keep the short names."""
    def p(x: str) -> str:
        return f"{story}/{x}"

    def ev(f):
        return [e.model_copy(update={"doc": p(e.doc), "claim": p(e.claim) if e.claim else None}) for e in f.evidence]

    return report.model_copy(update={
        "documents": [d.model_copy(update={"id": p(d.id)}) for d in report.documents],
        "claims": [c.model_copy(update={"id": p(c.id), "doc": p(c.doc)}) for c in report.claims],
        "findings": [f.model_copy(update={"id": p(f.id), "docs": [p(d) for d in f.docs],
                                          "claims": [p(c) for c in f.claims], "evidence": ev(f)})
                     for f in report.findings],
        "single_source": [s.model_copy(update={"id": p(s.id), "docs": [p(d) for d in s.docs],
                                               "claims": [p(c) for c in s.claims]}) for s in report.single_source],
    })
