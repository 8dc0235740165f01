"""Story prefixes of document ids: a multi-story run names documents ``story/doc``."""

from __future__ import annotations

from claimcheck.schema import Finding


def story_of(doc_id: str) -> str:
    """'arm-ipo-2023/blog' → 'arm-ipo-2023'; '' for ids without a story prefix."""
    return doc_id.split("/", 1)[0] if "/" in doc_id else ""


def short_id(doc_id: str) -> str:
    """'arm-ipo-2023/blog' → 'blog'."""
    return doc_id.split("/", 1)[1] if "/" in doc_id else doc_id


def finding_story(finding: Finding) -> str:
    """The story of a finding: that of its first document (or of its id)."""
    return story_of(finding.docs[0]) if finding.docs else story_of(finding.id)


def plural(n: int, word: str, words: str | None = None) -> str:
    """"1 document", "2 documents" (every report format words counts through this)."""
    return f"{n:,} {word if n == 1 else (words or word + 's')}"
