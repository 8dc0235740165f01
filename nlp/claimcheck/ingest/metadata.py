"""Article metadata from page headers: publication date, title and source (site) name.

Two entry points:

* :func:`metadata_from_lines` reads the plain-text header lines that the boilerplate
  stripper removed before the article body (site name, byline, date line) and, if
  given, footer lines such as ``(c) 2019 Example Media Ltd. All rights reserved``.
* :func:`metadata_from_html` reads ``<meta>`` tags, JSON-LD and ``<time>`` elements.

:func:`credited_outlet` reads a credit line that says the page is a copy ("Republished from TechLedger with
permission", "This article first appeared in The Conversation", "Originally published by Meridian Newswire"):
the stripper drops such lines from the text the claims are read from, and the outlet they name reaches
``resolve/copies.py`` as ``Document.republished_from``, the direction of a copy.

:func:`parse_header_date` understands the date lines news sites print::

    Saturday, Feb 22, 2025            October 8, 2019          8 October 2019
    Oct. 8, 2019 9:03 AM ET           12/10/2021 (month first unless dayfirst)
    2019-10-08                        Published: 08/10/2019
    Updated: 10:32 AM ET, Tue October 8, 2019
    Posted on October 8, 2019 by admin
    First published on Tue 8 Oct 2019 10.05 BST

Only the standard library and ``re`` are needed (trafilatura is used, if importable,
as a last resort for HTML). Nothing here raises on any input: bad input gives ``None``.
"""

from __future__ import annotations

import datetime as dt
import html as _html
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from claimcheck.normalize.locate import dayfirst_hint, find_date, parse_header_date, parse_iso_datetime

from .segment import MD_LINK

__all__ = [
    "Metadata",
    "credited_outlet",
    "find_date",
    "metadata_from_clean",
    "metadata_from_html",
    "metadata_from_lines",
    "parse_header_date",
    "site_name_from_line",
]


@dataclass
class Metadata:
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    republished_from: str | None = None  # the outlet a credit line names as the first publisher


#: a public address: http(s) only, no spaces, controls, quotes or angle brackets
_WEB_ADDRESS = re.compile(r"https?://[^\s\x00-\x1f\x7f<>\"]+\Z", re.I)


def web_address(value) -> str | None:
    """``value`` stripped if it is an absolute http(s) address (a page's or a record's public URL), else None."""
    if not isinstance(value, str) or len(value) > 2048:
        return None
    value = value.strip()
    return value if _WEB_ADDRESS.match(value) else None


# --------------------------------------------------------------------------- site names

_NOT_A_SITE = {
    "advertisement", "advertising", "ad", "sponsored", "menu", "main menu", "home", "search",
    "sign in", "log in", "login", "register", "subscribe", "subscribe now", "skip to content",
    "skip to main content", "toggle navigation", "navigation", "close", "open menu",
    "newsletters", "newsletter", "news", "world", "business", "tech", "technology", "markets",
    "politics", "sport", "sports", "science", "opinion", "culture", "video", "videos",
    "podcasts", "health", "climate", "travel", "lifestyle", "money", "economy", "live",
    "latest", "breaking", "breaking news", "top stories", "trending", "most read", "related",
    "related articles", "share", "print", "email", "comments", "my account", "account",
    "today's paper", "edition", "football", "space", "photos", "gallery", "weather",
    "share this article", "support us", "donate", "dark mode", "listen", "follow us",
    "privacy policy", "terms of use", "contact us", "about us", "back to top", "menu close",
    "accept", "accept all", "reject all", "cookie settings", "manage preferences", "i agree",
    "got it", "loading", "play", "watch", "scores", "fixtures", "results", "tables",
    "companies", "property", "investing", "personal finance", "uk", "us", "asia", "europe",
    "elections", "reviews", "gadgets", "ai", "crypto", "jobs", "shop", "arts", "books",
    "food", "cars", "education", "environment", "obituaries", "puzzles", "middle east",
    "africa", "more", "topics", "tags", "explore", "sections", "index", "archive",
    "tennis", "cricket", "rugby", "golf", "formula 1", "energy", "entertainment", "style",
    "fashion", "music", "film", "tv", "media", "español", "english", "deutsch", "français",
    "international", "menu open", "get the app", "app", "games", "quiz",
    "reply", "replies", "comment", "discussion", "submit", "sign up", "log out",
    "save", "share on facebook", "back", "next", "previous", "top",
    "name", "website", "post comment", "submit comment", "leave a reply", "have your say",
    "min read", "read more", "updated", "published", "posted",
}
_CONNECTORS = {"the", "of", "and", "&", "on", "de", "la", "le", "du", "for", "in", "at", "+"}
_NOT_NAME_START = re.compile(
    r"^(?:by|posted|updated|published|written|words|author|first|last|date|filed|tags?|"
    r"topics|photo|image|credit|read|share|listen|follow|reporting|editing|copyright)\b",
    re.I,
)
_DOMAIN = re.compile(
    r"^(?:https?://)?(?:www\.)?([a-z0-9][a-z0-9-]{1,40})\.(?:com|co\.uk|net|org|news|io|co|media|info|ca|com\.au)/?$",
    re.I,
)
_SECTION_SPLIT = re.compile(r"\s+(?:[\u2014\u2013|\u00b7\u2022:>\u203a\u00bb]|--|-)\s+")


def _clean_marks(line: str) -> str:
    s = line.strip()
    s = re.sub(r"^\[\d+\]\s*", "", s)  # lynx link numbers
    s = re.sub(r"^[#>*_\s]+|[*_\s]+$", "", s)  # markdown decoration
    s = MD_LINK.sub(r"\1", s)
    return s.strip()


def _name_like(s: str) -> bool:
    words = s.split()
    if not 1 <= len(words) <= 6 or len(s) > 60:
        return False
    if re.search(r"\d|[.!?;,:]$|@|\"|\u201c|:\s|\s{2,}|,", s):
        return False
    if s.lower().strip(" .") in _NOT_A_SITE or _NOT_NAME_START.match(s):
        return False
    if s.isupper() and any(c.isalpha() for c in s):
        return True
    caps = 0
    for w in words:
        core = w.strip("'\u2019()")
        if not core:
            continue
        if core.lower() in _CONNECTORS:
            continue
        if core[0].isupper() or core[0].isdigit():
            caps += 1
        else:
            return False
    return caps >= 1


def site_name_from_line(line: str) -> str | None:
    """``"The Daily Ledger \u2014 Business"`` -> ``"The Daily Ledger"``; ``None`` if the line
    does not look like a bare site name (menus, bylines, dates, sentences)."""
    try:
        return _site_name(line)
    except Exception:  # pragma: no cover
        return None


def _site_name(line: str) -> str | None:
    if not isinstance(line, str):
        return None
    s = _clean_marks(line)
    if not s or len(s) > 80:
        return None
    m = re.match(r"^(?:source|via|from|publisher|site)\s*:\s*(.+)$", s, re.I)
    if m:
        s = m[1].strip()
        dm = _DOMAIN.match(s)
        if dm:
            return s
        return s if _name_like(s) or len(s.split()) <= 6 else None
    dm = _DOMAIN.match(s)
    if dm:
        return s.removeprefix("https://").removeprefix("http://").removeprefix("www.").rstrip("/")
    if re.search(r"\s{2,}", line.strip()):
        return None  # "Home  World  Business": a menu
    parts = _SECTION_SPLIT.split(s)
    if len(parts) > 2:
        # "MERIDIAN NEWSWIRE | World | Business": a name leading a row of sections
        head = parts[0].strip()
        if _name_like(head) and all(p.strip().lower() in _NOT_A_SITE for p in parts[1:]) \
                and head.lower() not in _NOT_A_SITE:
            return _recase(head)
        return None  # a menu, not a name
    if len(parts) == 2:
        head, tail = parts[0].strip(), parts[1].strip()
        tagline = len(tail.split()) <= 8 and (tail[:1].islower() or tail.split()[0].lower() in _TAGLINE_START)
        if not (_name_like(head) and (len(tail.split()) <= 3 or tagline) and not re.search(r"\d", tail)):
            return None
        if _ROLE_WORDS.search(tail):
            return None  # "Jane Doe | Markets Correspondent" is a byline
        s = head
    if not _name_like(s):
        return None
    return _recase(s)


def _recase(s: str) -> str:
    if s.isupper() and len(s) > 3:
        s = " ".join(w.capitalize() if w.isalpha() else w for w in s.split())
    return s


_TAGLINE_START = {"your", "the", "news", "all", "independent", "every", "since", "local", "daily", "best",
                  "smart", "trusted", "real", "where", "our", "home", "breaking", "covering"}


_ROLE_WORDS = re.compile(
    r"\b(?:reporter|correspondent|editor|writer|contributor|columnist|journalist|staff|chief|analyst|"
    r"critic|producer|photographer)\b",
    re.I,
)

#: words that name an outlet rather than a person
_SITE_WORDS = re.compile(
    r"\b(?:times|news|post|journal|herald|daily|tribune|press|wire|media|guardian|telegraph|gazette|chronicle|"
    r"review|magazine|insider|weekly|observer|standard|mail|express|star|sun|financial|economist|reuters|"
    r"bloomberg|associated|agency|network|broadcasting|radio|tv|television|channel|online|digest|report|"
    r"record|register|courier|bulletin|globe|mirror|independent|monitor|dispatch|today|world|business|"
    r"markets?|brief|briefing|blog|caixin|nikkei|xinhua|bbc|cnn|cnbc|npr|abc|nbc|cbs|ap|afp|upi|dpa)\b",
    re.I,
)
#: a headline or a ticker line, never a site name
_HEADLINE_LIKE = re.compile(r"<[A-Z.]+>|\b(?:to|for|of|in|on|at)\s+\S+\s+\S+", re.I)

_COPYRIGHT = re.compile(
    r"^\s*(?:copyright\s*)?(?:\u00a9|\(c\)|copyright)\s*(?:(?:19|20)\d\d(?:\s*[-\u2013]\s*(?:19|20)\d\d)?\s*,?\s*)?(?P<name>.*)$",
    re.I,
)


def _source_from_copyright(line: str) -> str | None:
    m = _COPYRIGHT.match(line)
    if not m or not re.search(r"\u00a9|\(c\)|copyright", line, re.I):
        return None
    name = m["name"]
    name = re.split(r"\.\s|\s[|\u2014\u2013-]\s|,\s*all rights|\s+all rights", name, maxsplit=1, flags=re.I)[0]
    name = re.sub(r"\b(?:19|20)\d\d\b", "", name)
    name = name.strip(" .,;:-\u2013\u2014")
    if not name or len(name.split()) > 6 or re.search(r"\d", name):
        return None
    if name.lower() in _NOT_A_SITE or name.lower().startswith("all rights"):
        return None
    return name


# --------------------------------------------------------------------------- from lines

_PUBLISHED = re.compile(r"\b(?:published|posted|first published|date|pub(?:lished)? date|issued)\b", re.I)
_UPDATED = re.compile(r"\b(?:updated|modified|last updated|last modified|amended|edited)\b", re.I)
def metadata_from_lines(header_lines: list[str], *, dayfirst: bool | None = None) -> Metadata:
    """Title, publication date and source from header (and footer) lines.

    * date: the first line marked as published/posted, else the first unmarked date,
      else the first "updated" date. Numeric dates are read day-first when
      ``dayfirst`` is true or, with ``dayfirst=None``, when the lines look British
      (BST/GMT, ``8 October 2019`` style dates, ``£``).
    * source: ``Source: X``, else the first bare site-name line, else a copyright line.
    * title: a Markdown ``# Heading`` or a ``Title:`` line, if present.
    """
    try:
        return _metadata_from_lines(header_lines, dayfirst)
    except Exception:  # pragma: no cover - defensive
        return Metadata()


def _metadata_from_lines(header_lines: list[str] | None, dayfirst: bool | None) -> Metadata:
    lines = [ln for ln in (header_lines or []) if isinstance(ln, str) and ln.strip()]
    if dayfirst is None:
        dayfirst = dayfirst_hint(lines)
    published = plain = updated = None
    for ln in lines:
        d = parse_header_date(ln, dayfirst=dayfirst)
        if d is None:
            continue
        if _PUBLISHED.search(ln) and not re.search(r"\bupdated\b", ln, re.I):
            published = published or d
        elif _UPDATED.search(ln):
            updated = updated or d
        else:
            plain = plain or d
    date = published or plain or updated

    source = None
    for ln in lines:
        m = re.match(r"^\s*(?:source|via|publisher)\s*:\s*\S", ln, re.I)
        if m:
            source = _site_name(ln)
            if source:
                break
    if source is None:
        candidates = []
        for k, ln in enumerate(lines[:12]):
            if _COPYRIGHT.match(ln) and re.search(r"\u00a9|\(c\)|copyright", ln, re.I):
                continue
            if _HEADLINE_LIKE.search(ln) or (ln.strip().isupper() and len(ln.split()) >= 3
                                              and not _SITE_WORDS.search(ln)):
                continue  # a headline ("BAHIA COCOA REVIEW", "STANDARD OIL <SRD> TO FORM ..."), not a site
            cand = _site_name(ln)
            if not cand:
                continue
            if k > 0 and len(cand.split()) == 1 and not _DOMAIN.match(cand):
                # a lone word inside a vertical menu is a section, not the site
                near = [lines[j].strip() for j in (k - 1, k + 1) if 0 <= j < len(lines)]
                if any(re.fullmatch(r"[A-Z][a-z]+|[A-Z]+", x) for x in near):
                    continue
            candidates.append(cand)
        # a line naming an outlet ("The Epoch Times") beats a bare name that may be the byline ("Eva Fu")
        source = next((c for c in candidates if _SITE_WORDS.search(c) or _DOMAIN.match(c)), None) \
            or next(iter(candidates), None)
    if source is None:
        for ln in lines:
            if find_date(ln) is None:
                continue
            for seg in re.split(r"\s+[\u00b7|\u2022\u2014\u2013]\s+", _clean_marks(ln))[1:]:
                seg = seg.strip()
                if find_date(seg) is None and not re.search(r"\d|\bread\b|\bmin\b", seg, re.I) and _site_name(seg):
                    source = _site_name(seg)
                    break
            if source:
                break
    if source is None:
        for ln in lines:
            source = _source_from_copyright(ln)
            if source:
                break

    if source is not None and (source.istitle() or source.isupper()):
        # prefer the site's own casing ("TechWire") when another line spells it out
        low = source.lower()
        for ln in lines:
            idx = ln.lower().find(low)
            if idx >= 0:
                spelled = ln[idx: idx + len(source)]
                if spelled != source and not spelled.isupper() and not spelled.islower():
                    source = spelled
                    break

    title = None
    for ln in lines:
        s = ln.strip()
        m = re.match(r"^#\s+(.+?)\s*#*$", s) or re.match(r"^title\s*:\s*(.+)$", s, re.I)
        if m:
            title = m[1].strip()
            break
    return Metadata(title=title, published=date, source=source)


_AGENCIES = {"reuters": "Reuters", "reuter": "Reuters", "ap": "AP", "afp": "AFP", "bloomberg": "Bloomberg",
             "upi": "UPI", "xinhua": "Xinhua", "dpa": "dpa", "kyodo": "Kyodo", "ians": "IANS", "pti": "PTI"}
#: "WASHINGTON (Reuters) -", "NEW YORK, Oct 7 (AP) —", "Hong Kong (AFP) -": capitalised place words, an
#: optional day, the agency in brackets, a dash
_PLACE_WORD = r"[A-Z][A-Za-z.'\u2019-]*"
_AGENCY_DATELINE = re.compile(r"(?m)^" + _PLACE_WORD + r"(?:[ /]" + _PLACE_WORD + r"){0,3}"
                              r"(?:,\s*[A-Za-z]{3,9}\.?\s+\d{1,2})?\s*\((?P<agency>(?i:" + "|".join(_AGENCIES)
                              + r"))\)\s*[-\u2013\u2014]")


_CREDIT = re.compile(
    r"^[\W_]{0,3}(?:"
    r"(?:republished|reprinted|reproduced|syndicated)(?: with (?:kind )?permission)?(?: courtesy of| from| by)"
    r"|(?:this|the) (?:article|story|post|piece|report|column|interview)(?: was| is| has been)?"
    r"(?: originally| first)? (?:appeared|published|ran|posted)(?: originally| first)? (?:in|on|at|by)"
    r"|(?:originally|first) (?:appeared|published|ran|posted) (?:in|on|at|by)"
    r")\s+(?P<rest>.+)$", re.I)
# what ends the outlet's name: "… with permission", "… on September 14", "… under a Creative Commons licence"
_CREDIT_END = re.compile(r"\s+(?:with|under|on|and|as|for|at|in|via|and is|is)\s|[;,|()\[\]\u2014\u2013:*_]|"
                         r"\.(?:\s|$)|\s-\s", re.I)
_MONTH_OR_DAY = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$",
                           re.I)


def credited_outlet(line: str) -> str | None:
    """The outlet a credit line names as the article's first publisher: 'Republished from TechLedger with
    permission' → 'TechLedger', 'This article first appeared in The Conversation.' → 'The Conversation',
    'Originally published at techledger.com' → 'techledger.com'; None for any other line (a date, 'our site')."""
    line = " ".join(str(line).split())
    if len(line) > 200:
        return None
    m = _CREDIT.match(line)
    if m is None:
        return None
    outlet = _CREDIT_END.split(m["rest"], 1)[0].strip(" .'\"\u2019")
    outlet = outlet[4:] if outlet.startswith("the ") else outlet  # "with permission from the Financial Times"
    first = outlet.split()[0] if outlet.split() else ""
    if not (2 <= len(outlet) <= 80) or not first or first[0].isdigit() or _MONTH_OR_DAY.match(first):
        return None
    if not (first[0].isupper() or re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", first)):
        return None  # "first appeared on our website", "published in print"
    return outlet


def metadata_from_clean(clean, *, dayfirst: bool | None = None) -> Metadata:
    """Metadata for a :class:`~claimcheck.ingest.boilerplate.CleanText`: date and source
    from its ``header``, the detected ``title``, and, when the header names no site, a
    copyright line from its ``footer`` (``(c) 2019 Example Media Ltd`` -> ``Example Media Ltd``) or the news
    agency of a wire dateline (``WASHINGTON (Reuters) -`` -> ``Reuters``)."""
    try:
        header = list(getattr(clean, "header", []) or [])
        footer = list(getattr(clean, "footer", []) or [])
        md = metadata_from_lines(header, dayfirst=dayfirst)
        if md.source is None:
            for ln in reversed(footer):
                src = _source_from_copyright(ln)
                if src:
                    md.source = src
                    break
        if md.source is None:  # a wire dateline: "WASHINGTON (Reuters) - ..."
            m = _AGENCY_DATELINE.search(str(getattr(clean, "text", "") or "")[:600])
            if m:
                md.source = _AGENCIES[m["agency"].lower()]
        title = getattr(clean, "title", None)
        if isinstance(title, str) and title.strip():
            md.title = title.strip()
        # a credit line: dropped as furniture (most often), or kept as a short paragraph of the text
        lines = [line for line, _ in getattr(clean, "removed", []) or []]
        lines += [p for p in str(getattr(clean, "text", "") or "").split("\n") if len(p) <= 200]
        md.republished_from = next(filter(None, map(credited_outlet, lines)), None)
        return md
    except Exception:  # pragma: no cover - defensive
        return Metadata()


# --------------------------------------------------------------------------- from HTML

_DATE_KEYS = [
    "article:published_time", "og:published_time", "og:article:published_time",
    "datepublished", "published_time", "pubdate", "publishdate", "publish-date",
    "publication_date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date",
    "dcterms.created", "date", "citation_publication_date", "article.published",
    "og:updated_time", "article:modified_time", "datemodified", "lastmod",
]
_SITE_KEYS = ["og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site"]
_TITLE_KEYS = ["og:title", "twitter:title", "headline", "dc.title", "title", "sailthru.title", "parsely-title"]


class _HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.in_title = False
        self.in_jsonld = False
        self.jsonld: list[str] = []
        self.times: list[tuple[str, bool]] = []
        self.h1: list[str] = []
        self.in_h1 = False
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs if k}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or a.get("http-equiv") or "").strip().lower()
            content = a.get("content", "").strip()
            if key and content and key not in self.meta:
                self.meta[key] = content
        elif tag == "title":
            self.in_title = True
        elif tag == "script" and "ld+json" in a.get("type", "").lower():
            self.in_jsonld = True
            self.jsonld.append("")
        elif tag == "time":
            value = a.get("datetime") or ""
            pub = "pubdate" in a or "published" in (a.get("itemprop", "") + a.get("class", "")).lower()
            if value:
                self.times.append((value, pub))
        elif tag == "h1":
            self.in_h1 = True
            self.h1.append("")
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and self.canonical is None:
            self.canonical = web_address(a.get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag == "script":
            self.in_jsonld = False
        elif tag == "h1":
            self.in_h1 = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif self.in_jsonld:
            self.jsonld[-1] += data
        elif self.in_h1 and self.h1:
            self.h1[-1] += data


def _walk_jsonld(obj, out: dict[str, str], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(obj, list):
        for x in obj:
            _walk_jsonld(x, out, depth + 1)
        return
    if not isinstance(obj, dict):
        return
    typ = obj.get("@type")
    types = typ if isinstance(typ, list) else [typ]
    articleish = any(
        isinstance(t, str) and ("Article" in t or t in ("Report", "BlogPosting", "WebPage", "LiveBlogPosting"))
        for t in types
    )
    if articleish or "datePublished" in obj or "headline" in obj:
        for k in ("datePublished", "dateCreated", "dateModified", "headline", "name"):
            v = obj.get(k)
            if isinstance(v, str) and v.strip() and f"ld:{k}" not in out:
                out[f"ld:{k}"] = v.strip()
        pub = obj.get("publisher")
        if isinstance(pub, list) and pub:
            pub = pub[0]
        if isinstance(pub, dict) and isinstance(pub.get("name"), str) and "ld:publisher" not in out:
            out["ld:publisher"] = pub["name"].strip()
        elif isinstance(pub, str) and "ld:publisher" not in out:
            out["ld:publisher"] = pub.strip()
    if any(t in ("WebSite", "Organization", "NewsMediaOrganization") for t in types if isinstance(t, str)):
        if isinstance(obj.get("name"), str) and "ld:site" not in out:
            out["ld:site"] = obj["name"].strip()
    for k in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
        if k in obj:
            _walk_jsonld(obj[k], out, depth + 1)


def _strip_site_suffix(title: str, site: str | None) -> str:
    t = re.sub(r"\s+", " ", _html.unescape(title)).strip()
    parts = re.split(r"\s+(?:\||\u2014|\u2013|-|::|\u00b7|\u2022)\s+", t)
    if len(parts) < 2:
        return t
    if site:
        low = site.lower()
        while len(parts) > 1 and (parts[-1].lower() == low or low in parts[-1].lower() or parts[-1].lower() in low):
            parts.pop()
        while len(parts) > 1 and (parts[0].lower() == low):
            parts.pop(0)
    if len(parts) > 1 and len(parts[-1].split()) <= 4 and len(" ".join(parts[:-1]).split()) >= 3:
        parts.pop()  # " | Business | Site" style suffixes
        if len(parts) > 1 and len(parts[-1].split()) <= 2 and len(" ".join(parts[:-1]).split()) >= 3:
            parts.pop()
    return " - ".join(parts).strip() if len(parts) > 1 else parts[0].strip()


def metadata_from_html(html: str) -> Metadata:
    """Title, publication date and site name from an HTML page's head.

    Looks at ``article:published_time``/``og:published_time``/``datePublished`` meta
    tags, JSON-LD (``datePublished``, ``headline``, ``publisher.name``), ``<time
    datetime>``, ``og:site_name``/``application-name`` and ``og:title``/``<title>``
    (with `` | Site`` suffixes removed); the page's address from ``<link rel="canonical">`` or ``og:url``.
    trafilatura fills gaps when importable.
    """
    try:
        return _metadata_from_html(html)
    except Exception:  # pragma: no cover - defensive
        return Metadata()


def _metadata_from_html(html: str) -> Metadata:
    if not isinstance(html, str) or not html.strip():
        return Metadata()
    p = _HeadParser()
    try:
        p.feed(html[:2_000_000])
        p.close()
    except Exception:
        pass
    ld: dict[str, str] = {}
    for block in p.jsonld:
        try:
            _walk_jsonld(json.loads(block.strip()), ld)
        except Exception:
            continue
    meta = p.meta

    published = None
    for key in ("ld:datePublished",) + tuple(_DATE_KEYS[:17]) + ("ld:dateCreated",):
        v = ld.get(key) if key.startswith("ld:") else meta.get(key)
        if v:
            published = parse_iso_datetime(v)
            if published:
                break
    if published is None:
        times = sorted(p.times, key=lambda t: not t[1])
        for value, _pub in times:
            published = parse_iso_datetime(value)
            if published:
                break
    if published is None:
        for key in ("ld:dateModified",) + tuple(_DATE_KEYS[17:]):
            v = ld.get(key) if key.startswith("ld:") else meta.get(key)
            if v and (published := parse_iso_datetime(v)):
                break

    source = None
    for key in _SITE_KEYS[:2]:
        if meta.get(key):
            source = _html.unescape(meta[key]).strip()
            break
    source = source or ld.get("ld:publisher") or ld.get("ld:site")
    if source is None:
        for key in _SITE_KEYS[2:]:
            v = meta.get(key, "").strip()
            if v and not v.startswith("http"):
                source = v.lstrip("@") if key == "twitter:site" else v
                break

    title = None
    for key in ("og:title", "twitter:title"):
        if meta.get(key):
            title = meta[key]
            break
    title = title or ld.get("ld:headline")
    if title is None:
        raw_title = "".join(p.title_parts).strip()
        if raw_title:
            title = raw_title
        elif p.h1 and p.h1[0].strip():
            title = p.h1[0].strip()
    if title:
        title = _strip_site_suffix(title, source) or None

    url = p.canonical or web_address(_html.unescape(meta.get("og:url", "")))
    md = Metadata(title=title, published=published, source=source, url=url)
    if md.published is None or md.source is None or md.title is None:
        _fill_from_trafilatura(html, md)
    return md


def _names_new_year(html: str, year: int) -> bool:
    """Does the page write 1 January ``year`` as a full date anywhere (so a 1 January guess may be real)?"""
    pattern = (rf"{year}-01-01|{year}/01/01|\b(?:1|01)(?:st)?\s+jan(?:uary)?\.?,?\s+{year}"
               rf"|\bjan(?:uary)?\.?\s+(?:1|01)(?:st)?,?\s+{year}")
    return re.search(pattern, html, re.I) is not None


def _fill_from_trafilatura(html: str, md: Metadata) -> None:
    try:  # optional dependency; any failure just leaves the gaps
        from trafilatura import extract_metadata

        # not extensive: the extensive search takes a year from the body text and calls it 1 January of it
        doc = extract_metadata(html, extensive=False)
    except Exception:
        return
    if doc is None:
        return
    try:
        if md.title is None and getattr(doc, "title", None):
            md.title = _strip_site_suffix(str(doc.title), md.source)
        if md.source is None and getattr(doc, "sitename", None):
            md.source = str(doc.sitename).strip() or None
        if md.published is None and getattr(doc, "date", None):
            guess = parse_iso_datetime(str(doc.date))
            if guess is not None and (guess.month, guess.day) == (1, 1) and not _names_new_year(html, guess.year):
                guess = None  # a bare year padded to a day is not a publication date
            md.published = guess
    except Exception:
        return
