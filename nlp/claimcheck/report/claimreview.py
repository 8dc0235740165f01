"""ClaimReview JSON-LD: one schema.org ``ClaimReview`` per finding.

The shape follows schema.org's ClaimReview as Google's Fact Check tools read it
(https://developers.google.com/search/docs/appearance/structured-data/factcheck):
``claimReviewed``, ``reviewRating`` (a ``Rating`` with ``alternateName`` = the
verdict), ``itemReviewed`` (the ``Claim``: where it appears, when, by whom),
``author``, ``datePublished`` and, when a base address is given, ``url``.

Verdicts (AVeriTeC's labels) map to a 1–5 scale: Refuted 1, Conflicting
Evidence/Cherrypicking 2, Not Enough Evidence 3, Supported 5.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Optional, Union
from urllib.parse import quote

from claimcheck.schema import Claim, Document, Finding, Report
from claimcheck.vocabulary import PUBLISHED, attribute_name

RATING = {"Refuted": 1, "Conflicting Evidence/Cherrypicking": 2, "Not Enough Evidence": 3, "Supported": 5}
BEST_RATING = 5
WORST_RATING = 1


def review_url(base: Optional[str], finding_id: str) -> Optional[str]:
    """``base`` with the finding id as its fragment (``https://x/report#arm-ipo-2023/f1``); None without a base."""
    if not base:
        return None
    return base.split("#", 1)[0] + "#" + quote(finding_id, safe="/-._~:")


def claim_sentence(finding: Finding, docs: dict[str, Document], claims: dict[str, Claim]) -> str:
    """The disputed claim as a sentence: the evidence sentence of the disputed figure when there is one."""
    from claimcheck.ingest.segment import sentence_with
    from claimcheck.report.markdown import split_claims

    disputed, _ = split_claims(finding, claims)
    exact = [c for c in disputed if c.text == finding.found] or disputed
    for c in exact:
        if c.sentence.strip():
            return " ".join(c.sentence.split())
    lead = docs.get(finding.docs[0]) if finding.docs else None
    if finding.attribute == PUBLISHED and lead is not None:
        name = f"“{lead.title}”" if lead.title else lead.id
        return f"{name} was published on {finding.found or lead.published}."
    if finding.kind == "typo" and finding.found:
        sentence = sentence_with(lead.text, finding.found) if lead is not None and lead.text else None
        quoted = f": “{' '.join(sentence.split())}”" if sentence else "."
        return f"The name is spelt “{finding.found}”{quoted}"
    if finding.found and lead is not None and lead.text:
        sentence = sentence_with(lead.text, finding.found)
        if sentence:
            return " ".join(sentence.split())
    if finding.found and finding.subject and finding.attribute:
        return f"{finding.subject} {attribute_name(finding.attribute)}: {finding.found}."
    return finding.message


def _appearance(doc: Document) -> dict:
    from claimcheck.ingest.metadata import web_address

    work: dict = {"@type": "CreativeWork"}
    url = doc.url or web_address(doc.path)  # the article's public address; a local file path is not one
    if url:
        work["url"] = url
    if doc.title:
        work["headline"] = doc.title
    if doc.published:
        work["datePublished"] = doc.published.isoformat()
    if doc.source:
        work["publisher"] = {"@type": "Organization", "name": doc.source}
    return work


def claim_review(finding: Finding, report: Report, *, url: Optional[str] = None, author: str = "claimcheck",
                 date_published: Union[date, str, None] = None) -> dict:
    """One ClaimReview (a plain dict, ready for ``json.dumps``) for ``finding``."""
    from claimcheck.report.markdown import split_claims

    docs = {d.id: d for d in report.documents}
    claims = {c.id: c for c in report.claims}
    disputed, _ = split_claims(finding, claims)
    appear_ids = list(dict.fromkeys([c.doc for c in disputed] or finding.docs[:1]))
    appear = [docs[i] for i in appear_ids if i in docs]
    lead = appear[0] if appear else None
    item: dict = {"@type": "Claim", "appearance": [_appearance(d) for d in appear]}
    dates = [d.published for d in appear if d.published]
    if dates:
        item["datePublished"] = min(dates).isoformat()
    if lead is not None and lead.source:
        item["author"] = {"@type": "Organization", "name": lead.source}
    when = date_published or date.today()
    review: dict = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim_sentence(finding, docs, claims),
        "reviewBody": finding.message,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING.get(finding.verdict, 3),
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": finding.verdict,
        },
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": author},
        "datePublished": when.isoformat() if isinstance(when, date) else str(when),
    }
    address = review_url(url, finding.id)
    if address:
        review["url"] = address
    return review


def claim_reviews(report: Report, *, url: Optional[str] = None, author: str = "claimcheck",
                  date_published: Union[date, str, None] = None) -> list[dict]:
    """Every finding of ``report`` as a ClaimReview dict, in report order."""
    when = date_published or date.today()
    return [claim_review(f, report, url=url, author=author, date_published=when) for f in report.findings]


def render_claimreview(report: Report, *, url: Optional[str] = None, author: str = "claimcheck",
                       date_published: Union[date, str, None] = None) -> str:
    """The findings as a JSON-LD list of ClaimReview objects (``url``: base address of the published review)."""
    data = claim_reviews(report, url=url, author=author, date_published=date_published)
    from claimcheck.report.jsonfmt import html_safe_json

    return html_safe_json(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
