"""Strip web boilerplate (menus, related headlines, comment forms, captions, bylines,
cookie banners, share counters, footers ...) from plain-text or Markdown pages.

Pipeline, per page:

1. **Segment** the page into *units*: one unit per non-blank line, except that the
   lines of a hard-wrapped paragraph are joined into one unit (the page is detected
   as hard-wrapped when many lines end near one width <= 100 characters, and a line
   is a wrap when the next line's first word would not have fitted on it).
2. **Rules**: high-precision regular expressions for the obvious kinds (comment
   forms, share counters, ``Photo: ...`` credits, ``Updated: ...`` date lines, bylines,
   ``|`` menus, ``Related articles``/``Read more`` headings and the block of short
   headline lines after them, cookie and ad-blocker notices, newsletter prompts,
   copyright footers, tag lists, tracking pixels).
3. **Model**: a scikit-learn line classifier (``models/boilerplate/line-classifier.skops``,
   trained by :mod:`claimcheck.training.boilerplate`) scores the remaining units; a unit
   is dropped only when P(noise) reaches the saved threshold, which is set to favour
   keeping content (a dropped body sentence is a lost claim).
4. **Title**: a Markdown ``# `` heading, else the most content-like short line without
   a final period before the first body paragraph (preferring one followed by a byline or
   date line). Short kept lines above the title are dropped as ``rule:pretitle``.

``strip_boilerplate`` never raises on text input; with no model file it falls back
to the rules alone.
"""

from __future__ import annotations

import math
import os
import re
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from .metadata import find_date, site_name_from_line

__all__ = [
    "CleanText",
    "DEFAULT_MODEL_PATH",
    "TRUSTED_TYPES",
    "Unit",
    "classify_units",
    "decide_units",
    "load_model",
    "rule_for",
    "segment",
    "strip_boilerplate",
    "unit_rows",
]

# claimcheck/models is the repository's models/ (a symlink in the source tree, package data in wheels)
DEFAULT_MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "boilerplate" / "line-classifier.skops"
MODEL_ENV = "CLAIMCHECK_BOILERPLATE_MODEL"

#: Types ``skops.io.load`` may instantiate for the line classifier (nothing else).
TRUSTED_TYPES: list[str] = [
    "sklearn.pipeline.Pipeline",
    "sklearn.compose._column_transformer.ColumnTransformer",
    "sklearn.feature_extraction.text.HashingVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.preprocessing._data.StandardScaler",
    "sklearn.linear_model._logistic.LogisticRegression",
    "numpy.ndarray",
    "numpy.float64",
    "builtins.slice",
]


@dataclass
class CleanText:
    text: str  # cleaned text: kept lines joined, paragraphs separated by "\n\n"
    removed: list[tuple[str, str]]  # (line, reason) for every dropped line; "rule:<name>" or "model"
    header: list[str]  # dropped lines before the first body line (bylines, date lines, site name)
    title: str | None = None  # detected title (Markdown "# " heading or first short content line)
    footer: list[str] = field(default_factory=list)  # dropped lines after the last kept line


# --------------------------------------------------------------------------- segmentation


@dataclass
class Unit:
    text: str  # the unit's text, stripped; wrapped lines joined with single spaces
    lines: list[int]  # indices of the physical lines it covers
    block: int  # index of the blank-line-delimited block it sits in
    blank_before: bool
    blank_after: bool


_TERMINAL = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
_LIST_START = re.compile(r"^(?:[-*+\u2022\u25aa\u25cf]\s|\d{1,2}[.)]\s|#|>|\||!\[|\[\d+\])")


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


# --------------------------------------------------------------------------- rules


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts), re.I)


_NORM_RE = re.compile(r"[\s\u00a0]+")


def _norm(s: str) -> str:
    s = re.sub(r"^\[\d+\]", "", s.strip())
    s = re.sub(r"^[#>*_\s]+|[*_\s]+$", "", s)
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
    return _NORM_RE.sub(" ", s).strip()


_COMMENT = _rx(
    r"^leave an? (?:reply|comment|response)\b.{0,20}$",
    r"^cancel reply$",
    r"your email(?: address)? will not be (?:published|shared)",
    r"required fields are marked",
    r"^(?:comment|name|e-?mail|website|url)\s*\*?$",
    r"^save my name,? e-?mail",
    r"^(?:post|submit|add|publish) (?:a |your )?comment$",
    r"comments? (?:are|is) (?:now )?closed",
    r"^commenting (?:is|has been) (?:closed|disabled)",
    r"comments have been (?:disabled|closed|turned off)",
    r"^\d+ (?:comments?|responses?|replies|thoughts? on)\b.{0,150}$",
    r"^(?:show|view|load|read|see) (?:all )?(?:\d+ )?(?:more )?(?:comments?|replies)(?: \(\d+\))?$",
    r"^(?:comments?|replies|discussion|responses) ?\(?\d*\)?$",
    r"^(?:sign|log) ?in to (?:comment|reply|join)",
    r"^join the (?:discussion|conversation|debate)\b.{0,3}$",
    r"must be logged in to (?:post a )?comment",
    r"\b(?:log ?in|sign ?in|register|subscribe)\b.{0,30}\bto (?:comment|reply|post a comment|join the discussion)\b",
    r"^\S+(?: \S+){0,3} (?:says|wrote|replied|commented):$",
    r"^\S+(?: \S+){0,3} on \d{1,2} \w{3,9} \d{4}(?:,? (?:at )?\d{1,2}[:.]\d\d(?: ?[ap]m)?)?:$",
    r"^\S+(?: \S+){0,2} \u2022 \d+\s*[smhdw]\w* ago$",
    r"^(?:in )?reply to\s+\S+(?: \S+)?$",
    r"^reply(?: to this comment)?$",
    r"^sort by (?:best|newest|oldest|top|most)",
    r"^\d+ (?:responses?|replies) to\b",
    r"^(?:be the first to comment|no comments yet)",
    r"^report (?:this )?comment$",
)
_SHARE_WORD = r"(?:share[sd]?|tweet|retweet|pin|pinterest|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp|reddit|telegram|messenger|flipboard|copy|link|url|save|bookmark|comments?|likes?|\d+(?:[.,]\d+)?k?|[|\u00b7\u2022/-])"
_SHARE = _rx(
    r"^(?:" + _SHARE_WORD + r"\s*){1,10}$",
    r"^(?:share|send|email|post|pin|tweet) (?:this|on|via|to|it|the)\b.{0,40}(?<![.!?\"\u201d])$",
    r"^click to (?:share|email|print)\b",
    r"^(?:copy|copied) (?:the )?link\b.{0,12}$",
    r"^save (?:for later|article|this (?:article|story))$",
    r"^gift (?:this )?(?:article|story)\b.{0,20}$",
    r"^send to a friend$",
    r"^share (?:or|and) comment\b.{0,30}$",
    r"\(opens in (?:a )?new window\)$",
)
_CAPTION = _rx(
    r"\b(?:photo|photograph|picture|image|pic|credit|photo credit)s?\s*(?::|\.\.\.|\u2026)\s*\S.{0,80}$",
    r"^\(?\[?(?:photo|photograph|picture|image|credit)s?\s*:.{0,80}$",
    r"\((?:ap |afp |reuters )?photo(?:graph)? by [^)]{2,60}\)\.?$",
    r"[.!?]\s+(?:photo|photograph|picture|image|video)s? (?:by|courtesy of|from) [A-Z][\w.'/& -]{2,50}$",
    r"^image (?:copyright|caption|source)\b",
    r"^(?:file )?(?:photo|image|picture)\s*:\s",
    r"\((?:[A-Z][\w&.' -]{1,30} )?via (?:getty images|reuters|ap|afp)\)\.?$",
    r"(?:^|\s)(?:\u00a9|\(c\))\s*[A-Z][\w&.' /-]{1,40}$",
    r"(?:[(/]\s*|[.!?]\s+)(?:getty images|shutterstock|alamy|afp|reuters|ap|ap photo|epa|pa|pa media|xinhua|rex features|"
    r"zuma|bloomberg|nurphoto|sopa images|anadolu|sipa|press association|handout)(?:\)\.?|)$",
    r"\s(?:getty images|shutterstock|alamy|ap photo|pa media|rex features|nurphoto|sopa images)$",
    r"^!\[[^\]]*\]\([^)]*\)$",
    r"[.!?]\s*\((?:[A-Z][\w&'.-]*)(?: [A-Z&][\w&'.-]*){0,4}\)$",
    r"^(?:chart|graphic|illustration|map|infographic|video|photo illustration)s?\s*:\s.{0,120}$",
    r"^(?:click|tap) (?:to|here to) (?:enlarge|expand|zoom)",
    r"^(?:getty images|reuters|ap|afp|epa|pa media|alamy|shutterstock|xinhua|bloomberg|handout|rex features|zuma|staff|"
    r"anadolu|sipa|nurphoto|sopa images|press association|courtesy of [\w .&-]{2,40}|[\w .&-]{2,30}/(?:getty images|reuters|ap|afp|epa))$",
)
_BYLINE = re.compile(
    r"^(?:by|written by|words by|author:?|reporting by|writing by|additional reporting by|"
    r"edited by|editing by|story by|text by|\u2014 ?with assistance from|with assistance from|"
    r"compiled by|interview by)\s+[A-Z\u00c0-\u024f][\w'\u2019.-]+(?:\s+[A-Z\u00c0-\u024f][\w'\u2019.-]+)",
    re.I,
)
_BYLINE_STOP = {"the", "this", "that", "then", "contrast", "comparison", "far", "now", "law",
                "mid", "late", "early", "end", "close", "midday", "noon", "monday", "tuesday",
                "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "christmas", "easter", "then", "default", "design",
                "definition", "nature", "chance", "accident", "volume", "value", "itself",
                "themselves", "all", "some", "most", "one", "two", "many", "his", "her", "their",
                "its", "our", "my", "your", "a", "an", "and", "in", "on", "at", "to", "for", "making",
                "using", "cutting", "raising", "taking", "2020", "next", "last", "year", "his", "way"}
_ROLE = re.compile(
    r"\b(?:staff (?:reporter|writer)|reporter|correspondent|editor|writer|contributor|columnist|"
    r"journalist|bureau chief|analyst at|special to)\b(?!['\u2019]s)",
    re.I,
)
_MENU_SEP = re.compile(r"\s+[|\u00b7\u2022\u00bb\u203a>/\u25b8\u2013\u2014:-]{1,2}\s+|\s{2,}|\s*[|\u00b7\u2022]\s*")
_LINKNUM = re.compile(r"\[\d+\]")
_AD = _rx(
    r"^(?:advertisement|advertising|advert|ad|ads|sponsored|sponsored content|sponsored links?|"
    r"promoted|promoted content|promoted stories|promoted links|paid content|paid post|"
    r"partner content|advertiser content|content from our partners|ad feature|"
    r"paid partnership)\s*[-:\u2013\u2014]?\s*(?:scroll to continue(?: with content)?|continue reading)?\.?$",
    r"^(?:story|article|text|content) continues (?:below|after)\b.{0,25}$",
    r"^continue reading(?: (?:below|the main story|after (?:the )?(?:ad|advertisement)))?\.?$",
    r"^scroll (?:down )?to continue\b.{0,30}$",
    r"^(?:sponsored|promoted|advertisement|ad|partner)\s*[:|\u2014-]\s*\S",
    r"^(?:ads?|promoted|recommended) by (?:teads|taboola|outbrain|google|revcontent)\b",
    r"^(?:shop now|buy now|deal|offer)\s*:\s",
)
_ADBLOCK = _rx(
    r"\bad[ -]?block(?:er|ers|ing)?\b",
    r"\bwhitelist(?:ing)? (?:us|our|this)\b",
    r"^whitelist us\b",
    r"\ballow ?list\b.{0,40}\b(?:ads?|site)\b",
    r"\b(?:pause|disable|turn off) your ad",
    r"\bblock(?:ing)? (?:ads|advertising)\b",
    r"\bad-free reading\b",
    r"\byou (?:seem to )?block ads\b",
    r"\bads? pay (?:for )?our\b",
    r"\badd us to your (?:allow ?list|whitelist|exceptions?|safe ?list)\b",
    r"\brel(?:y|ies|ying) on (?:ads|advertising|advertisers)\b.{0,60}\b(?:free|support|you|please)\b",
)
_COOKIE = _rx(
    r"\bcookies?\b.{0,80}\b(?:use|uses|accept|consent|settings?|preferences|policy|store|storing|agree|choices|necessary|allow|manage|learn more|improve|experience|personalis|personaliz|partners|analytics|deliver)\b",
    r"\b(?:use|uses|accept|consent|settings?|allow|store|manage|necessary|agree to (?:our|the) use of)\b.{0,40}\bcookies?\b",
    r"^(?:manage|privacy|consent|cookie) (?:preferences|settings|choices|options)$",
    r"^(?:accept|reject|decline|allow|deny) all\b.{0,15}$",
    r"^(?:accept|agree|i agree|i accept|ok|okay|got it|continue)[!.]?$",
    r"^(?:ok|okay),? (?:got it|i agree|thanks|i understand)[!.]?$",
    r"^we value your privacy\b",
    r"^your privacy (?:choices|options|settings)",
    r"^do not sell (?:or share )?my personal information",
    r"^we and our (?:\d+ )?partners\b",
    r"\bstor(?:e|ing) and(?:/or)? access information on (?:a|your) device\b",
)
_NEWSLETTER = _rx(
    r"\bnewsletters?\b",
    r"\bsign(?:ing)? ?up (?:for|to) (?:our|the|receive|get)\b",
    r"^sign me up\b",
    r"\benter (?:your|a valid) e-?mail\b",
    r"^(?:your )?e-?mail(?: address)?\s*\*?:?$",
    r"\bthanks? (?:you )?for (?:signing up|subscribing)\b",
    r"\bby (?:signing up|subscribing|clicking subscribe)\b",
    r"\bsuccessfully subscribed\b",
    r"\bvalid e-?mail\b",
    r"\b(?:in|to) your inbox\b",
    r"\bdelivered (?:to you )?(?:daily|weekly|every|twice|once|each)\b",
    r"^subscribe to (?:our|the)\b",
    r"^(?:get|start) (?:our|the|your)\b.{0,60}\b(?:briefing|digest|headlines|email)\b",
    r"\bwe will (?:not|never) share your e-?mail\b",
    r"^join [\d,.]+k? (?:readers|subscribers|people)\b",
    r"^(?:submit|subscribe|sign up)[.!]?$",
    r"^want more (?:stories|news|articles) like this\??",
    r"^don'?t miss a (?:story|thing)\b",
    r"\bsubscribe here\b",
    r"\bget (?:the next one|new posts|future posts|updates|it|them|every \w+) (?:by|via|in your) e-?mail\b",
)
_FOOTER = _rx(
    r"^(?:copyright\s*)?(?:\u00a9|\(c\))",
    r"^copyright\b(?:\s+(?:19|20)\d\d|\s+\u00a9|\s*:|\s+[A-Z])",
    r"\ball rights reserved\b",
    r"(?:\u00a9|\(c\)|copyright)\s*(?:19|20)\d\d\b.{0,80}$",
    r"\breproduction (?:is )?(?:prohibited|forbidden|not permitted)\b",
    r"^(?:privacy(?: policy| notice| settings)?|terms(?: of (?:use|service))?(?: and conditions)?|terms & conditions|"
    r"contact(?: us)?|about(?: us)?|back to top|cookie (?:policy|notice)|advertise(?: with us)?|sitemap|site ?map|"
    r"accessibility(?: statement| help)?|careers|work for us|help(?: cent(?:re|er))?|complaints|"
    r"corrections(?: policy)?|modern slavery (?:act )?statement|download (?:our|the) app|"
    r"manage cookies|licensing|syndication|reprints(?: & permissions)?|rss(?: feeds?)?|faq|"
    r"(?:our|editorial) (?:standards|policies)|code of conduct|ethics policy|"
    r"the trust principles)\.?$",
    r"^(?:proudly )?powered by (?:wordpress|ghost|drupal|squarespace|wix|substack)\b",
    r"^theme(?:\s*:|\s+by)\s",
    r"\bregistered in england(?: (?:and|&) wales)?\b",
    r"\bcompany (?:no|number|registration)\b",
    r"\bis (?:a )?(?:part|member|division|subsidiary) of (?:the )?[A-Z][\w&' -]{1,40} (?:media|group|holdings|network|publishing)\b",
    r"\bnot responsible for the content of external (?:sites|websites|links)\b",
    r"^our standards:",
    r"^(?:follow|find|like) us on (?:twitter|facebook|instagram|x|linkedin|tiktok)\b.{0,60}$",
    r"^(?:this|the) (?:story|article|content) (?:has been|was|is) (?:syndicated|provided)\b",
    r"^content provided by\b",
    r"^view the original (?:story|article)\b",
    r"^originally published (?:at|on|in)\b",
    r"^(?:---+|\*\s*\*\s*\*|_{3,}|={3,}|\u25a0|\u2666|\u2022{3})$",
)
_BIO_NAMED = re.compile(
    r"^[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){1,2} (?:covers|writes about|reports on|writes for|has covered|edits)\b|"
    r"^[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){1,2} is (?:a|an|the|our) [\w ,-]{0,50}"
    r"(?:reporter|correspondent|editor|writer|columnist|journalist|contributor)\b(?! (?:who|whose|which|that)\b)|"
    r"^[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){1,2},? @\w{2,30}$"
)
_BIO_OTHER = _rx(
    r"^follow (?:\w+ )?(?:\w+ )?on (?:twitter|x|instagram|bluesky|threads|mastodon|linkedin)\b",
    r"^(?:contact|email|e-mail|reach) (?:the )?(?:author|reporter|writer|\w+) (?:at|on|via)\s",
    r"^(?:this article|this story|this report) was (?:produced|written|reported) with (?:help|assistance|additional reporting) from\b",
)


def _is_bio(s: str) -> bool:
    return bool(_BIO_NAMED.search(s) or _BIO_OTHER.search(s))


_DISCLAIMER = _rx(
    r"\bnot (?:intended as )?(?:financial|investment|legal|tax|medical) advice\b",
    r"\bdoes not constitute (?:investment|financial|legal) advice\b",
    r"\b(?:data|quotes|prices|market data)(?: are)? delayed (?:by )?(?:at least )?\d+ ?min",
    r"\bpast performance is (?:no|not a|not an) (?:guide|guarantee|indication)\b",
    r"\bthe (?:author|writer) (?:holds|has|owns) no (?:position|positions|shares)\b",
    r"^disclaimer\s*:",
    r"^(?:disclosure|conflict of interest)\s*:",
)
_REFERENCE = _rx(
    r"^journal reference\b",
    r"^(?:doi|references?)\s*:",
    r"\bappeared in (?:print|the print edition)\b",
    r"^a version of this (?:story|article|piece) (?:appeared|was published|ran)\b",
    r"^sources?\s*:\s.{0,120}$",
    r"^(?:correction|clarification)\s*:\s*(?:an earlier|a previous) version\b",
)
_PAYWALL = _rx(
    r"\b(?:free (?:articles?|stories)|(?:articles?|stories) (?:left|remaining))\b",
    r"\byou(?:'ve| have)? (?:read|reached|used)\b.{0,40}\b(?:free|limit)\b",
    r"\b(?:register|subscribe|sign up|log in|sign in)\b.{0,30}\bto (?:keep|continue) reading\b",
    r"^(?:already a (?:subscriber|member)|this (?:article|story|content) is (?:for|only available to) (?:subscribers|members))\b",
    r"^(?:subscribe|become a member) to (?:read|unlock|continue)\b",
    r"^(?:to continue reading|continue reading with)\b",
)
_SYNDICATION = _rx(
    r"^(?:this (?:article|story|post|piece) (?:was )?(?:originally |first )?(?:appeared|published)|"
    r"(?:originally|first) (?:appeared|published)) (?:on|in|at|by) [A-Z\w].{0,60}$",
    r"^republished (?:from|with|by|courtesy)\b.{0,80}$",
    r"\b(?:republished|reproduced|reprinted) with (?:kind )?permission\b",
    r"^(?:via|courtesy of)\s+[A-Z][\w&.' -]{1,40}$",
)
_SCRIPT = re.compile(
    r"^(?:var |let |const |function\s*\(|window\.|document\.|dataLayer|gtag\(|_gaq|googletag\.|"
    r"\(function\s*\(|\$\(|jQuery\(|<script|</script|<!--|-->|@media\s|\{\s*\"[\w@]+\"\s*:)|"
    r"^[\w$.]+\s*\(\s*[\[{].*[\]}]\s*\)\s*;?$|^[\w$.]+\s*=\s*[\[{'\"\d].*;$|=>\s*\{",
)
_TAGS = re.compile(
    r"^(?:tags|tagged(?: with)?|topics|related topics|filed under|posted in|categories|category|keywords|"
    r"more about|explore more on these topics)\s*(?:[:|]|$|\s+(?=[A-Z#]))",
    re.I,
)
_PIXEL = _rx(
    r"^\(?\[?\s*(?:tracking |ad |analytics )?(?:pixel|beacon|spacer|iframe|img|image|ad|advert|advertisement)(?: tag)?\s*\]?\)?\.?$",
    r"\b(?:tracking|analytics|ad|1x1) (?:pixel|beacon|image)\b",
    r"^(?:\S+ )?(?:pixel|trk|spacer|beacon|1x1|blank|clear|transparent)\.(?:gif|png|jpg)\)?$",
    r"^\[(?:img|image|iframe|ad|advert|advertisement|embed|video|tracking)[^\]]{0,40}\]$",
    r"^\(img\)",
    r"^image: 1x1",
    r"^noscript(?: image)?$",
    r"^\[?(?:tracking|pixel) (?:image|tag)\]?$",
)
_UTILITY = _rx(
    r"^(?:skip|jump) to (?:main )?(?:content|navigation|search|article)$",
    r"^(?:search|search\.\.\.|search the site|search (?:this )?site|search news)$",
    r"^(?:sign ?in|log ?in|log ?out|sign ?out|register|sign ?up|subscribe|subscribe now|join|join now)"
    r"(?:\s*(?:[|/]|or|and)\s*(?:sign ?in|log ?in|register|subscribe|sign ?up|join))?\s*[\u2192>]?$",
    r"^(?:main |close |open |toggle )?(?:menu|navigation|nav)(?: close| open)?$",
    r"^(?:my account|account|profile|settings|notifications|newsletters|today'?s paper|print edition|e-?paper|"
    r"support us|donate|dark mode|light mode|get the app|follow us|follow|shop|become a member|"
    r"edition|international edition|give a gift|gift subscriptions?|saved articles?)$",
    r"^edition\s*[:|]",
    r"^(?:sign ?in|log ?in|register|my account|sign ?up)\s*[|/\u00b7\u2022]\s*\S.{0,60}$",
    r"^(?:listen|play audio|audio)\b.{0,30}$",
    r"^listen to (?:this|the) (?:article|story)\b.{0,30}$",
    r"^\d+ ?(?:min(?:ute)?s?|m) read$",
    r"^reading time\s*:",
    r"^(?:watch|video|loading(?: video)?|loading\.\.\.|play video|watch now|now playing)(?:\.\.\.)?$",
    r"^(?:show|load|see|view) (?:more|all|less)\b.{0,20}$",
    r"^(?:text size|font size|a a a|aa|print this page|print article|reuse this content|"
    r"most viewed|explore more|save|saved|close|expand|collapse)$",
    r"^(?:weather|sunny|cloudy|rain|light rain|showers|clear)\b[\s,]*-?\d{1,2}\s*\u00b0?\s*[CF]\b.{0,20}$",
    r"^(?:sunny|cloudy|light rain|rain|showers|clear|overcast|fog),? -?\d{1,2}\s*\u00b0?[CF]$",
    r"^(?:subscribe|try|get)\b.{0,30}\bfor (?:just )?[$\u00a3\u20ac]\d",
    r"^(?:subscribe|join|sign up)\b.{0,30}\b(?:save|off|discount)\b.{0,20}$",
    r"^try \d+ (?:weeks?|months?|days?) for\b",
    r"^accessibility help$",
    r"^\[\d+\]",
    r"^(?:live|breaking|breaking news|just in|exclusive|trending)\s*:?$",
    r"^(?:scores|fixtures|results|tables|standings)$",
)
_READMORE = re.compile(
    r"^(?:read more|read also|also read|related|related reading|see also|you may also like|"
    r"you might also like|more|read|don't miss|dont miss|recommended|more on this(?: story)?|watch|"
    r"listen|also|also on \w+|breaking|latest|video|audio|podcast|gallery|photos|in pictures|live)\s*(?::|-|\u2013|\u2014|\u00bb|>)\s*\S",
    re.I,
)
_RELATED_HEAD = re.compile(
    r"^(?!.*[.!?][\"'\u201d]?$)(?:related(?: articles?| stories| posts?| content| coverage| news| links| reading| topics| videos?)?|"
    r"read (?:more|next|this next)|more (?:from|on|in|like this|stories|news|to read)\b.{0,40}|"
    r"(?:you )?(?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| stories| reading| articles)?|"
    r"most (?:read|popular|viewed|shared|commented|watched)(?: (?:today|now|this week|on \S.{0,30}))?|"
    r"trending(?: now| stories| today| topics| on \S.{0,30})?|top (?:stories|news|headlines)|"
    r"latest(?: news| stories| headlines| from \S.{0,30})?|editor'?s (?:picks|choice)|"
    r"what to read next|further reading|popular(?: now| today| stories| (?:on|in) \S.{0,30})?|"
    r"also (?:on|in|from) \S.{0,40}|also in the news|in other news|around the web|from around the web|"
    r"don'?t miss|people also (?:read|viewed|liked)|you may have missed|elsewhere(?: on \S.{0,30})?|"
    r"in case you missed it|more headlines|more for you|top picks|suggested (?:reading|articles)|"
    r"more like this|related posts|similar (?:stories|articles)|other (?:stories|news|articles|headlines)|"
    r"keep reading|read on|popular right now|trending right now|what'?s popular|"
    r"(?:you may|you might) (?:also )?be interested in)\s*:?$|^more (?-i:[A-Z][\w&-]*)$",
    re.I,
)
_TIMEAGO = re.compile(
    r"^(?:updated\s+)?(?:\d+\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?)\s+ago|"
    r"an? (?:hour|minute|day|week) ago|just now|yesterday|today|\d+\s*(?:m|h|d)|\d+ ?min(?:ute)?s? read)$",
    re.I,
)
_DATELINE_PREFIX = re.compile(
    r"^(?:updated|published|posted|last updated|last modified|first published|modified|date|"
    r"pub(?:lished)? date|originally published|issued|released)\b\s*(?:on|at)?\s*:?",
    re.I,
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
_DATE_RESIDUE = re.compile(
    r"\b(?:" + _WEEKDAY + r"|at|on|the|am|pm|a\.m\.|p\.m\.|et|edt|est|pt|pdt|pst|ct|cdt|cst|gmt|bst|utc|cet|cest|"
    r"ist|aest|jst|hkt|sgt|updated|published|posted|last|modified|first|date|local time|time)\b|"
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?|[|,\u2022\u00b7/\u2014\u2013()\-:]|\bh\b",
    re.I,
)


def _is_dateline(s: str) -> bool:
    if _TIMEAGO.match(s):
        return True
    if len(s) > 120:
        return False
    hit = find_date(s)
    if hit is None:
        return False
    residue = s[: hit[1]] + " " + s[hit[2]:]
    residue = _DATE_RESIDUE.sub(" ", residue)
    words = [w for w in residue.split() if re.search(r"\w", w)]
    if _DATELINE_PREFIX.match(s):
        return len(words) <= 8 and not _TERMINAL.search(s.rstrip("*_"))
    if len(words) <= 1 or (len(words) <= 4 and bool(re.match(r"^by\b", " ".join(words), re.I))):
        return True
    # "Metro Dispatch | Aug 18, 2024": the rest is a capitalised name
    return len(words) <= 4 and all(w[:1].isupper() or w.lower() in ("the", "of", "&", "and") for w in words) \
        and bool(re.search(r"[|\u2014\u2013\u00b7\u2022]", s))


def _is_byline(s: str) -> bool:
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    if re.match(r"^(?i:words|text|by|author|authors|reporter|reporting|writer|written by)\s*:\s*[A-Z][\w'\u2019.-]+"
                r"(?:\s+[A-Z][\w'\u2019.-]+){1,3}(?:\s*(?:,|and|&)\s*[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){1,3})*$", s):
        return True
    words = s.split()
    credits = bool(re.match(r"^(?:additional )?(?:reporting|writing|editing|research) by\b", s, re.I))
    if len(words) > (25 if credits else 14) or (s.endswith(".") and not re.search(r"\b[A-Z]\.$", s)):
        if not (s.startswith("(") and s.endswith(".)")):
            return False
    m = _BYLINE.match(s)
    if m:
        after = s[m.start(0):].split()
        # the words right after "By": both must be capitalised and not a common word
        idx = 1
        for pre in ("written", "words", "reporting", "writing", "additional", "edited", "editing",
                    "story", "text", "compiled", "interview", "with", "\u2014"):
            if after and after[0].lower() == pre:
                idx = 2
                break
        if after[0].lower() in ("additional",) or after[0] == "\u2014":
            idx = 3
        name = [w.strip(",.;:").lower() for w in after[idx: idx + 2]]
        if not name or any(w in _BYLINE_STOP or w.isdigit() for w in name):
            return False
        return True
    if re.match(r"^\(?[A-Z][\w'.-]+ [A-Z][\w'.-]+(?: [A-Z][\w'.-]+)? reported (?:from|in)\b.{0,40}\.?\)?$", s):
        return True
    if len(words) <= 9 and _ROLE.search(s) and not _TERMINAL.search(s) and not s.endswith(":"):
        caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
        return caps >= len(words) - 2
    return False


def _is_menu(s: str) -> bool:
    if len(_LINKNUM.findall(s)) >= 2:
        return True
    if s.count("](") >= 2 and re.fullmatch(r"(?:\s*[|\u00b7\u2022]?\s*\[[^\]]{1,40}\]\([^)]*\))+\s*", s):
        return True
    parts = [p for p in _MENU_SEP.split(s) if p and p.strip()]
    if len(parts) < 3 and not (len(parts) == 2 and "|" in s and s.count("|") == 1 and all(len(p.split()) <= 2 for p in parts)):
        return False
    limit = 5 if len(parts) >= 4 else 4
    if any(len(p.split()) > limit or _TERMINAL.search(p.strip()) for p in parts):
        return False
    if sum(1 for p in parts if p.strip()[:1].isupper() or p.strip()[:1].isdigit() or p.strip()[:1] in "$\u00a3\u20ac+-#") < len(parts) - 1:
        return False
    return True


_SECTION_WORDS = frozenset(
    "home news world business tech technology markets politics sport sports science opinion culture "
    "video videos podcasts health climate travel lifestyle money economy latest live companies property "
    "weather football cricket tennis rugby golf arts education environment books food cars investing "
    "crypto gadgets reviews space obituaries puzzles jobs more uk us asia europe africa americas "
    "elections energy entertainment style fashion music film tv media".split()
) | {"personal finance", "middle east", "world news", "uk news", "us news", "business news",
     "tech news", "sport news", "breaking news", "top stories", "latest news", "formula 1"}


def _is_tags(s: str) -> bool:
    if _TAGS.match(s) and len(s.split()) <= 25 and not _TERMINAL.search(s):
        return True
    toks = s.split()
    return len(toks) >= 2 and all(t.startswith("#") and len(t) > 1 for t in toks)


_SITE_TAGLINE = re.compile(r"\s(?:[|\u2014\u2013\u00b7]|-)\s")
_NAME_ORG = re.compile(r"[A-Z][a-z'\u2019-]+ (?:[A-Z]\. )?[A-Z][a-z'\u2019-]+(?:-[A-Z][a-z]+)?, (?:the |The )?[A-Z][\w&'-]*(?: [A-Z&][\w&'-]*){0,3}")
_BARE_NAME = re.compile(r"(?:Dr |Prof\.? )?[A-Z][a-z'\u2019-]+(?: [A-Z]\.)?(?: [A-Z][a-z'\u2019-]+){1,2}")
_CAPS_LABEL = re.compile(r"[A-Z][A-Z&'.-]+(?: [A-Z&][A-Z&'.-]*){0,2}")
_AGENCY_ONLY = re.compile(
    r"(?:getty images|reuters|ap|afp|epa|pa|pa media|alamy|shutterstock|xinhua|bloomberg|handout|rex features|zuma|"
    r"anadolu|sipa|nurphoto|sopa images|press association|staff|courtesy of .{2,40}|[\w .&-]{2,30}/(?:getty images|reuters|ap|afp|epa))",
    re.I,
)
_COMMENT_HEAD = re.compile(
    r"^\S+(?: \S+){0,3} (?:says|said|wrote|replied|commented):$|\u2022 \d+\s*[smhdw]\w* ago$|"
    r"^\S+(?: \S+){0,3} on \d{1,2} \w{3,9} \d{4}(?:,? (?:at )?\d{1,2}[:.]\d\d(?: ?[ap]m)?)?:$",
    re.I,
)


def _is_related_item(s: str) -> bool:
    """A short headline-like line (inside a related-articles block)."""
    words = s.split()
    if not words or len(words) > 22 or len(s) > 160:
        return False
    if (_TERMINAL.search(s) or s.endswith(":")) and not s.endswith(("...", "?", "?\u201d")) \
            and not re.search(r"\b(?:[ap]\.m|Inc|Co|Corp|Ltd|Jr|Sr|St|U\.S|U\.K|No)\.$", s):
        return False
    return True


_RULES: list[tuple[str, Any]] = [
    ("comment", _COMMENT.search),
    ("cookie", _COOKIE.search),
    ("adblock", _ADBLOCK.search),
    ("newsletter", _NEWSLETTER.search),
    ("share", _SHARE.search),
    ("ad", _AD.search),
    ("pixel", _PIXEL.search),
    ("footer", _FOOTER.search),
    ("tags", _is_tags),
    ("paywall", _PAYWALL.search),
    ("syndication", _SYNDICATION.search),
    ("script", _SCRIPT.search),
    ("bio", _is_bio),
    ("disclaimer", _DISCLAIMER.search),
    ("reference", _REFERENCE.search),
    ("caption", _CAPTION.search),
    ("caption", lambda s: bool(re.fullmatch(r"!\[[^\]]*\]\([^)]*\)", s))),
    ("dateline", _is_dateline),
    ("byline", _is_byline),
    ("menu", _is_menu),
    ("menu", lambda s: s.lower().rstrip(" :\u203a>\u00bb") in _SECTION_WORDS),
    ("utility", _UTILITY.search),
    ("readmore", _READMORE.search),
    ("related", _RELATED_HEAD.match),
    ("ticker", lambda s: len(re.findall(r"[+\-\u2212]\d+(?:[.,]\d+)?%", s)) >= 2 and not _TERMINAL.search(s)),
    ("footer", lambda s: bool(re.fullmatch(
        r"\d{1,5}[a-z]? [A-Z][\w'-]+(?: [A-Z][\w'-]+)? (?:Street|St|Road|Rd|Square|Avenue|Ave|Lane|Place|Way|Drive|"
        r"Boulevard|Blvd|Court|Row|Quay|Wharf)(?:,\s*[A-Z][\w.' -]{1,30}|,?\s*[A-Z]{1,2}\d[\w ]{1,6}){0,3}", s))),
    ("site", lambda s: bool(re.match(r"^(?:source|via|publisher)\s*:\s*\S", s, re.I)) and len(s.split()) <= 8),
]
# notices talk to the reader ("we use cookies", "your ad blocker", "sign up"); news does not
_ADDRESSED_RULES = {"cookie", "adblock", "newsletter", "paywall", "disclaimer"}
_ADDRESS = re.compile(
    r"\b(?:we|we're|we've|our|ours|us|you|you're|you've|your|please|this (?:site|website|page|blog|article|content)|"
    r"sign ?up|subscribe|click here|whitelist|disable|register|log ?in|"
    r"not (?:intended as )?(?:financial|investment) advice|does not constitute|delayed|past performance|the author|"
    r"free (?:daily |weekly )?(?:e-?mail|newsletter|briefing|digest))\b",
    re.I,
)
_NOTICE_VOCAB = re.compile(
    r"\b(?:cookies?|ads?|advert\w*|ad[ -]?block\w*|subscri\w+|sign ?(?:in|up)|log ?in|register|newsletter|"
    r"browser|javascript|privacy|consent|free articles?|paywall|app)\b",
    re.I,
)


def _is_notice(s: str) -> bool:
    """A line talking to the reader about the site itself (ads, cookies, log-in ...)."""
    return bool(_ADDRESS.search(s) and _NOTICE_VOCAB.search(s))


_DOMINANCE_RULES = _ADDRESSED_RULES | {"comment", "bio", "syndication"}
_RAW_RULES = {"menu", "tags", "caption", "script"}
_LONG_LIMIT = {"cookie": 45, "adblock": 40, "newsletter": 30, "comment": 40, "caption": 40, "footer": 40,
               "bio": 45, "disclaimer": 45, "reference": 45}


def rule_for(line: str) -> str | None:
    """The name of the first single-line rule that marks ``line`` as noise, else None."""
    s = _norm(line)
    if not s:
        return None
    raw = re.sub(r"^\[\d+\]", "", line.strip())
    if len(s) <= 40:
        s = re.sub(r"^[-\u2013\u2014\u2022*~=\s]+(?=\w)|(?<=\w)[-\u2013\u2014\u2022*~=\s]+$", "", s) or s
    n_words = len(s.split())
    for name, test in _RULES:
        if n_words > _LONG_LIMIT.get(name, 30):
            continue
        try:
            if test(s) or (name in _RAW_RULES and raw != s and test(raw)):
                if name in _DOMINANCE_RULES and n_words >= 12 and not _dominates(test, s):
                    continue  # a body paragraph that merely ends with a disclaimer, say
                if name in _ADDRESSED_RULES and n_words > 8 and not _ADDRESS.search(s):
                    continue  # third-person news about cookies, ad blockers or newsletters
                return name
        except Exception:  # pragma: no cover - defensive
            continue
    return None


_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[A-Z\"\u201c(])")


def _dominates(test, s: str) -> bool:
    """False when a multi-sentence line is mostly sentences the rule does not match
    (12+ words of them, more than the matching ones): a body paragraph that ends with
    "Not investment advice", say, rather than a notice."""
    sents = [x.strip() for x in _SENT_SPLIT.split(s) if x.strip()]
    if len(sents) < 2:
        return True
    hit_words = miss_words = 0
    for x in sents:
        try:
            matched = bool(test(x))
        except Exception:  # pragma: no cover
            matched = False
        if matched:
            hit_words += len(x.split())
        elif not _ADDRESS.search(x):  # sentences talking to the reader are neutral
            miss_words += len(x.split())
    return not (miss_words >= 12 and miss_words > hit_words)


def _apply_rules(units: list[Unit]) -> list[str | None]:
    """Rule names per unit, including the two block rules: the related-headlines
    block after a "Related articles" style heading, and vertical menus."""
    hits = [rule_for(u.text) for u in units]
    n = len(units)
    norm = [_norm(u.text) for u in units]
    uses_blank = any(u.blank_before for u in units[1:])
    long_before = [False] * n
    seen = False
    for k in range(n):
        long_before[k] = seen
        seen = seen or (hits[k] is None and _is_long_para(norm[k]))

    def title_guard(j: int) -> bool:
        # a title-like line followed by a byline/date line, before any body: not a related item
        if long_before[j] or len(norm[j].split()) < 3:
            return False
        return any(hits[k] in ("byline", "dateline") for k in range(j + 1, min(n, j + 3)))

    i = 0
    while i < n:
        if not _RELATED_HEAD.match(norm[i]):
            i += 1
            continue
        if len(norm[i].split()) == 1 and i > 0 and not units[i].blank_before and len(norm[i - 1].split()) <= 2 \
                and hits[i - 1] in (None, "menu") and not _RELATED_HEAD.match(norm[i - 1]):
            i += 1  # "Latest" inside a vertical menu, not a heading
            continue
        hits[i] = "related"
        j = i + 1
        prev_item = False
        while j < n:
            u, s = units[j], norm[j]
            if hits[j] is not None and hits[j] not in ("related", "readmore", "dateline", "utility", "caption"):
                break  # a different kind of chrome starts
            if _TIMEAGO.match(s) or hits[j] == "dateline":
                hits[j] = hits[j] or "related"
                j += 1
                continue
            if _is_related_item(s):
                if title_guard(j):
                    break
                if u.blank_before and j > i + 1:
                    nxt = norm[j + 1] if j + 1 < n else None
                    if nxt is not None and _is_long_para(nxt):
                        break  # a subheading before the article resumes
                hits[j] = "related"
                prev_item = True
                j += 1
                continue
            # a one-sentence teaser under a headline, in the same block
            if uses_blank and prev_item and not u.blank_before and len(s.split()) <= 20 and _TERMINAL.search(s):
                hits[j] = "related"
                prev_item = False
                j += 1
                continue
            break
        i = j

    # a bare site name among the first lines, when a proper title follows before the body
    first_long = next((k for k in range(n) if hits[k] is None and _is_long_para(norm[k])), n)
    for k in range(min(8, first_long)):
        if hits[k] is not None or len(norm[k].split()) > 10 or site_name_from_line(norm[k]) is None:
            continue
        if len(norm[k].split()) > 5 and not _SITE_TAGLINE.search(norm[k]):
            continue
        if any(hits[j] is None and _title_like(norm[j]) and len(norm[j].split()) >= 4 for j in range(k + 1, first_long)):
            hits[k] = "site"

    # header zone (before the body starts): "Jane Doe, The Daily Ledger" bylines and
    # short all-caps labels ("TECHWIRE", "ENERGY", "FATIMA DOE")
    for k in range(first_long):
        if hits[k] is None and (_NAME_ORG.fullmatch(norm[k]) or _CAPS_LABEL.fullmatch(norm[k])):
            hits[k] = "byline" if "," in norm[k] or len(norm[k].split()) > 1 else "menu"

    for k in range(first_long):
        if hits[k] is None and _BARE_NAME.fullmatch(norm[k]) and norm[k].lower() not in _SECTION_WORDS and any(
            hits[j] in ("dateline", "share") for j in (k - 1, k + 1) if 0 <= j < n
        ):
            hits[k] = "byline"

    # a caption line directly above a bare credit line ("Reuters", "Getty Images")
    for k in range(n - 1):
        if hits[k] is None and hits[k + 1] == "caption" and _AGENCY_ONLY.fullmatch(norm[k + 1]) \
                and len(norm[k].split()) <= 25 and not units[k + 1].blank_before:
            hits[k] = "caption"

    # reader comments: the text under a "jdoe says:" / "jdoe • 3h ago" header
    for k in range(n):
        if hits[k] != "comment" or not _COMMENT_HEAD.search(norm[k]):
            continue
        for j in range(k + 1, min(n, k + 4)):
            if hits[j] is not None:
                if hits[j] in ("dateline", "comment") and not _COMMENT_HEAD.search(norm[j]):
                    hits[j] = "comment" if hits[j] == "comment" else hits[j]
                    continue
                break
            if len(norm[j].split()) > 60:
                break
            hits[j] = "comment"

    # vertical menus: 3+ consecutive one- or two-word lines without final punctuation
    k = 0
    while k < n:
        j = k
        while j < n and _menu_item(norm[j]) and not (j + 1 < n and _is_long_para(norm[j + 1])):
            j += 1
        if j - k >= 3:
            for m in range(k, j):
                hits[m] = hits[m] or "menu"
        k = max(j, k + 1)
    return hits


def _menu_item(s: str) -> bool:
    words = s.split()
    return 1 <= len(words) <= 2 and len(s) <= 30 and not _TERMINAL.search(s) and not s.endswith(":") \
        and not re.fullmatch(r"[\d.,%$\u00a3\u20ac-]+", s)


def _is_long_para(s: str) -> bool:
    return len(s.split()) >= 15 and bool(_TERMINAL.search(s.strip()))


# --------------------------------------------------------------------------- features

_FUNCTION_WORDS = frozenset(
    "the a an of to in and is was were are be been has have had said says told that with for on at by "
    "as from it its this which who would will could but not than after about their they he she his her "
    "we our us i".split()
)
_SPEECH = re.compile(r"\b(?:said|says|told|added|according to|asked|warned|wrote)\b", re.I)
N_HAND_FEATURES = 44


def _shape(s: str) -> dict[str, float]:
    words = s.split()
    nw = len(words)
    alpha_words = [w for w in words if any(c.isalpha() for c in w)]
    na = max(1, len(alpha_words))
    return {
        "nw": nw,
        "term": 1.0 if _TERMINAL.search(s) else 0.0,
        "colon": 1.0 if s.endswith(":") else 0.0,
        "cap": sum(1 for w in alpha_words if w.lstrip("\"'\u201c(#*[")[:1].isupper()) / na,
        "upper": sum(1 for w in alpha_words if len(w) > 1 and w.isupper()) / na,
        "digit": sum(c.isdigit() for c in s) / max(1, len(s)),
        "fw": sum(1 for w in words if w.lower().strip(".,;:\"'\u201c\u201d") in _FUNCTION_WORDS) / max(1, nw),
    }


def unit_rows(units: Sequence[Unit], hits: Sequence[str | None]) -> list[list[Any]]:
    """Model input rows: ``[text, context, *hand_features]`` for each unit."""
    n = len(units)
    shapes = [_shape(u.text) for u in units]
    long_flags = [1 if _is_long_para(u.text) else 0 for u in units]
    total_long = max(1, sum(long_flags))
    cum = [0] * (n + 1)
    for k in range(n):
        cum[k + 1] = cum[k] + long_flags[k]
    block_sizes: dict[int, int] = {}
    for u in units:
        block_sizes[u.block] = block_sizes.get(u.block, 0) + 1
    block_pos: dict[int, int] = {}
    rows: list[list[Any]] = []
    for i, u in enumerate(units):
        s = u.text
        sh = shapes[i]
        prev = shapes[i - 1] if i > 0 else None
        nxt = shapes[i + 1] if i + 1 < n else None
        pos_in_block = block_pos.get(u.block, 0)
        block_pos[u.block] = pos_in_block + 1
        win = [hits[k] is not None for k in range(max(0, i - 3), min(n, i + 4)) if k != i]
        words = s.split()
        feats = [
            math.log1p(sh["nw"]),
            math.log1p(len(s)),
            sh["term"],
            sh["colon"],
            sh["cap"],
            sh["upper"],
            sh["digit"],
            1.0 if any(c.isdigit() for c in s) else 0.0,
            min(5, len(re.findall(r"\s[|\u00b7\u2022\u00bb\u203a>/]\s", s))),
            i / max(1, n - 1),
            min(i, 30) / 30,
            min(n - 1 - i, 30) / 30,
            math.log1p(prev["nw"]) if prev else 0.0,
            math.log1p(nxt["nw"]) if nxt else 0.0,
            prev["term"] if prev else 0.0,
            nxt["term"] if nxt else 0.0,
            1.0 if i > 0 and hits[i - 1] else 0.0,
            1.0 if i + 1 < n and hits[i + 1] else 0.0,
            1.0 if hits[i] else 0.0,
            1.0 if u.blank_before else 0.0,
            1.0 if u.blank_after else 0.0,
            math.log1p(block_sizes[u.block]),
            pos_in_block / max(1, block_sizes[u.block] - 1) if block_sizes[u.block] > 1 else 0.0,
            min(6, len(re.findall(r"[.!?][\"'\u201d]?\s+[A-Z\"\u201c]", s)) + (1 if sh["term"] else 0)),
            1.0 if s[:1] in "\"'\u201c\u2018" else 0.0,
            1.0 if _SPEECH.search(s) else 0.0,
            cum[i] / total_long,
            (cum[n] - cum[i + 1]) / total_long,
            1.0 if s.startswith("#") else 0.0,
            1.0 if re.match(r"^[*_].*[*_]$", s) else 0.0,
            1.0 if "](" in s or re.search(r"\[\d+\]", s) else 0.0,
            1.0 if s[:1].islower() else 0.0,
            1.0 if re.search(r"@|https?://|www\.|\.com\b", s) else 0.0,
            sum(len(w) for w in words) / max(1, len(words)),
            1.0 if _LIST_START.match(s) and not s.startswith(("#", "|", "[")) else 0.0,
            1.0 if len(u.lines) > 1 else 0.0,
            sum(win) / max(1, len(win)),
            1.0 if sh["nw"] <= 15 and not sh["term"] and sh["cap"] > 0.6 else 0.0,
            1.0 if find_date(s) is not None else 0.0,
            sh["fw"],
            prev["fw"] if prev else 0.0,
            nxt["fw"] if nxt else 0.0,
            long_flags[i - 1] if i > 0 else 0.0,
            long_flags[i + 1] if i + 1 < n else 0.0,
        ]
        rows.append([_text_key(s), _context_key(units, i), *feats])
    return rows


def _text_key(s: str) -> str:
    return re.sub(r"\d", "0", _NORM_RE.sub(" ", s))[:300]


def _ctx_words(s: str, prefix: str, k: int = 6) -> list[str]:
    toks = re.findall(r"[a-z]+|\d+|[^\w\s]", s.lower())[:k]
    return [prefix + ("0" if t.isdigit() else t) for t in toks]


def _context_key(units: Sequence[Unit], i: int) -> str:
    toks: list[str] = []
    toks += _ctx_words(units[i - 1].text, "p_") if i > 0 else ["p_START"]
    toks += _ctx_words(units[i + 1].text, "n_") if i + 1 < len(units) else ["n_END"]
    return " ".join(toks)


# --------------------------------------------------------------------------- model

_MODEL_LOCK = threading.Lock()
_MODEL_CACHE: dict[str, Any] = {}


def load_model(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Load a saved classifier bundle ``{"pipeline", "threshold", ...}`` with skops,
    trusting only :data:`TRUSTED_TYPES` (never pickle, never ``trusted=True``)."""
    import skops.io as sio

    p = Path(path) if path is not None else Path(os.environ.get(MODEL_ENV) or DEFAULT_MODEL_PATH)
    bundle = sio.load(p, trusted=TRUSTED_TYPES)
    if not isinstance(bundle, dict) or "pipeline" not in bundle:
        raise ValueError(f"{p}: not a boilerplate line-classifier bundle")
    return bundle


def _cached_model() -> dict[str, Any] | None:
    key = str(os.environ.get(MODEL_ENV) or DEFAULT_MODEL_PATH)
    if key in _MODEL_CACHE:
        return _MODEL_CACHE[key]
    with _MODEL_LOCK:
        if key not in _MODEL_CACHE:
            try:
                _MODEL_CACHE[key] = load_model(key)
            except Exception as exc:  # missing file, version mismatch ...
                warnings.warn(f"boilerplate model unavailable ({exc}); using rules only", RuntimeWarning, stacklevel=3)
                _MODEL_CACHE[key] = None
    return _MODEL_CACHE[key]


def _noise_proba(bundle: dict[str, Any], rows: list[list[Any]]) -> list[float]:
    import numpy as np

    X = np.empty((len(rows), len(rows[0])), dtype=object)
    for r, row in enumerate(rows):
        X[r, :] = row
    pipe = bundle["pipeline"]
    proba = pipe.predict_proba(X)
    classes = list(pipe.classes_)
    col = classes.index("noise") if "noise" in classes else classes.index(1)
    return [float(p) for p in proba[:, col]]


def classify_units(
    units: list[Unit], *, bundle: dict[str, Any] | None = None, use_model: bool = True
) -> tuple[list[str | None], list[float | None], float]:
    """Rule hits, model P(noise) (None without a model) and the threshold in use."""
    hits = _apply_rules(units)
    if not units or not use_model:
        return hits, [None] * len(units), 1.0
    if bundle is None:
        bundle = _cached_model()
    if bundle is None:
        return hits, [None] * len(units), 1.0
    rows = unit_rows(units, hits)
    if bundle.get("n_columns", len(rows[0])) != len(rows[0]):
        _warn_once("boilerplate model was trained on different features; retrain it "
                   "(python -m claimcheck.training.boilerplate). Using rules only.")
        return hits, [None] * len(units), 1.0
    try:
        probs = _noise_proba(bundle, rows)
    except Exception as exc:  # a broken or incompatible model must not lose the text
        _warn_once(f"boilerplate model failed ({exc!r}); using rules only")
        return hits, [None] * len(units), 1.0
    return hits, list(probs), float(bundle.get("threshold", 0.5))


_WARNED: set[str] = set()


def _warn_once(msg: str) -> None:
    if msg not in _WARNED:
        _WARNED.add(msg)
        warnings.warn(msg, RuntimeWarning, stacklevel=4)


# --------------------------------------------------------------------------- stripping

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def _clean_output(s: str) -> str:
    s = re.sub(r"^#{1,6}\s+", "", s)
    s = re.sub(r"\s+#+$", "", s)
    s = re.sub(r"^>\s?", "", s)
    m = re.fullmatch(r"(\*\*|__|\*|_)(.+)\1", s)
    if m:
        s = m[2]
    s = _MD_LINK.sub(r"\1", s)
    s = re.sub(r"(\*\*|__)(\S(?:.*?\S)?)\1", r"\2", s)
    s = re.sub(r"^(?:[-*+\u2022\u25aa\u25cf])\s+", "", s)
    return s.strip()


def _title_like(s: str) -> bool:
    words = s.split()
    if not 2 <= len(words) <= 25 or len(s) > 200:
        return False
    if s.endswith((".", ":", ",", ";")) and not s.endswith("..."):
        return False
    return any(c.isalpha() for c in s)


def strip_boilerplate(raw: str, *, use_model: bool = True) -> CleanText:
    """Remove web boilerplate from a plain-text or Markdown page.

    Returns the kept text (paragraphs separated by a blank line, hard-wrapped
    paragraphs re-joined), every dropped line with its reason (``rule:<name>`` or
    ``model``), the dropped lines before the first body line (``header``: site name,
    byline, date lines -- feed them to :func:`claimcheck.ingest.metadata.metadata_from_lines`),
    the detected title and the dropped lines after the last kept line (``footer``).
    """
    try:
        return _strip(raw, use_model=use_model)
    except Exception as exc:  # pragma: no cover - last-resort safety net
        warnings.warn(f"strip_boilerplate failed ({exc!r}); returning the text unchanged", RuntimeWarning, stacklevel=2)
        text = raw if isinstance(raw, str) else ""
        paras = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
        return CleanText(text="\n\n".join(paras), removed=[], header=[], title=None)


def decide_units(
    units: list[Unit], hits: Sequence[str | None], probs: Sequence[float | None], threshold: float
) -> tuple[list[str | None], int | None]:
    """Drop reasons per unit (``None`` = keep) and the index of the title unit."""
    reasons: list[str | None] = []
    for h, p in zip(hits, probs):
        if h is not None:
            reasons.append(f"rule:{h}")
        elif p is not None and p >= threshold:
            reasons.append("model")
        else:
            reasons.append(None)
    n = len(units)
    norm = [_norm(u.text) for u in units]
    # subheadings inside the body: a short unpunctuated line the model dropped, with
    # kept body paragraphs on both sides (rule-caught chrome in between is skipped)
    base = list(reasons)
    for k in range(n):
        if base[k] != "model" or len(norm[k].split()) > 8 or _TERMINAL.search(norm[k]) or norm[k].endswith(":"):
            continue
        before = next((j for j in range(k - 1, -1, -1) if not (base[j] or "").startswith("rule:")), None)
        after = next((j for j in range(k + 1, n) if not (base[j] or "").startswith("rule:")), None)
        if before is not None and after is not None and base[before] is None and base[after] is None \
                and _is_long_para(norm[before]) and _is_long_para(norm[after]):
            reasons[k] = None
    def opens_body(k: int) -> bool:
        if reasons[k] is not None or not _is_long_para(norm[k]):
            return False
        # a reader-facing notice the rules missed, sitting above the headline, is not the body
        nxt = next((j for j in range(k + 1, n) if reasons[j] is None), None)
        return not (_is_notice(norm[k]) and nxt is not None and _title_like(norm[nxt]))

    first_body = next((k for k in range(n) if opens_body(k)), n)
    title_idx = None
    for k in range(first_body):
        if re.match(r"^#\s+\S", units[k].text.strip()) and not (reasons[k] or "").startswith("rule:"):
            title_idx = k
            break
    if title_idx is None:
        cands = [k for k in range(first_body) if reasons[k] is None and _title_like(norm[k])]
        if cands:
            def score(k: int) -> tuple:
                # a title is followed by a byline/date line or by the body itself
                near = any((reasons[j] or "") in ("rule:byline", "rule:dateline") for j in range(k + 1, min(n, k + 4)))
                near = near or k + 1 == first_body or k + 2 == first_body
                p = probs[k] if probs[k] is not None else 0.5
                return (round(p, 1), not near, -min(len(norm[k].split()), 12), -k)
            title_idx = min(cands, key=score)
    if title_idx is None:
        # rescue the most content-like title-shaped line the model dropped
        cands = [k for k in range(first_body) if reasons[k] == "model" and _title_like(norm[k])
                 and len(norm[k].split()) >= 4 and (probs[k] if probs[k] is not None else 1.0) < 0.9]
        if cands:
            title_idx = min(cands, key=lambda k: probs[k] if probs[k] is not None else 1.0)
    if title_idx is not None:
        if reasons[title_idx] == "model" or re.match(r"^#\s", units[title_idx].text.strip()):
            reasons[title_idx] = None
        if reasons[title_idx] is not None:
            title_idx = None
    if title_idx is not None:
        # short kept lines above the title are page chrome (taglines, kickers, site names)
        for k in range(title_idx):
            if reasons[k] is None and ((len(norm[k].split()) <= 12 and not _TERMINAL.search(norm[k]))
                                       or _is_notice(norm[k])):
                reasons[k] = "rule:pretitle"
    return reasons, title_idx


def _strip(raw: str, *, use_model: bool) -> CleanText:
    if not isinstance(raw, str):
        raw = "" if raw is None else str(raw)
    lines, units = segment(raw)
    if not units:
        return CleanText(text="", removed=[], header=[], title=None)
    hits, probs, threshold = classify_units(units, use_model=use_model)
    reasons, title_idx = decide_units(units, hits, probs, threshold)

    kept = [k for k, r in enumerate(reasons) if r is None]
    body_start = next((k for k in kept if k != title_idx and (k > (title_idx if title_idx is not None else -1))
                       and (_TERMINAL.search(units[k].text) or _is_long_para(units[k].text))), None)
    if body_start is None:
        body_start = next((k for k in kept if k != title_idx), None)
    last_kept = kept[-1] if kept else -1

    removed: list[tuple[str, str]] = []
    header: list[str] = []
    footer: list[str] = []
    for k, u in enumerate(units):
        r = reasons[k]
        if r is None:
            continue
        for li in u.lines:
            line = lines[li].strip()
            removed.append((line, r))
            if body_start is None or k < body_start:
                header.append(line)
            elif k > last_kept:
                footer.append(line)
    paras = [_clean_output(units[k].text) for k in kept]
    paras = [p for p in paras if p]
    title = _clean_output(units[title_idx].text) if title_idx is not None else None
    return CleanText(text="\n\n".join(paras), removed=removed, header=header, title=title or None, footer=footer)
