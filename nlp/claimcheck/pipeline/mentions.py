"""Mentions: quantity and date spans with normalised values.

``quantity_spans(doc)`` merges the number-grammar spans (money, percent) with the
statistical NER's spans; ``normalize_span`` gives a span its value, unit and
qualifier. Pure functions over a parsed ``Doc``.
"""

from __future__ import annotations

import logging
import math
import re
from datetime import date
from typing import Iterable

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimcheck.normalize import (
    Quantity,
    normalize_count,
    normalize_date,
    normalize_money,
    normalize_percent,
)
from claimcheck.normalize.counts import unit_after, unit_name
from claimcheck.normalize.dates import MONTHS, WEEKDAYS
from claimcheck.normalize.numbers import sentence_around, sentence_start
from claimcheck.pipeline.elided import elided_reading
from claimcheck.pipeline.mention_spans import refine_spans, year_then_figure
from claimcheck.pipeline.quantities import TWO_WAY_RE, find_measures, find_quantities
from claimcheck.pipeline.tense import clause_tense
from claimcheck.pipeline.spans import text_of, words_of
from claimcheck.resolve.entities import LEGAL_SUFFIXES
from claimcheck.schema import Mention

log = logging.getLogger(__name__)
_WARNED: set[tuple[str, str, str]] = set()  # normaliser failures already logged (once each per process)

# per-document context the normalisers need, carried in Doc.user_data
PUBLISHED_KEY = "claimcheck.published"
DAYFIRST_KEY = "claimcheck.dayfirst"
CURRENCY_KEY = "claimcheck.currency"
TITLE_KEY = "claimcheck.title"  # the document's title when ingest took it off the text

VALUE_LABELS = ("MONEY", "PERCENT", "CARDINAL", "QUANTITY", "DATE")
NAME_LABELS = ("ORG", "PERSON", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW")
CONTRACT_LABELS = ("ORG", "PERSON", "GPE", "NORP") + VALUE_LABELS


def _year_left(doc: Doc, e: Span, taken: set[int]) -> Span | None:
    """The year an NER figure span began with, where the grammar took the figure after it: "up from 0.2% in 2025
    and 0.5% in 2024" tagged "2025 and 0.5%" (a year and the next figure, not a range) leaves "2025" a date."""
    m = year_then_figure(text_of(doc), e)
    if m is None:
        return None
    year = doc.char_span(e.start_char, e.start_char + len(m.group(1)), label="DATE")
    return year if year is not None and not taken.intersection(range(year.start, year.end)) else None


def merge_quantity_spans(doc: Doc) -> None:
    """Give the number grammar's money/percent spans priority over the NER's entities; a written number the
    NER left outside every entity ("sales of 5835 units") becomes a CARDINAL."""
    grammar: list[Span] = []
    for start, end, label in find_quantities(text_of(doc)):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and not (label == "CARDINAL" and _inside_measure(span)):
            grammar.append(span)
    taken: set[int] = set()
    for span in grammar:
        taken.update(range(span.start, span.end))
    for span in _measure_spans(doc, taken):
        grammar.append(span)
        taken.update(range(span.start, span.end))
    others = [_with_scale(_trim_word(_relabel(_trim_date(e)))) for e in doc.ents
              if not taken.intersection(range(e.start, e.end))]
    others += [y for e in doc.ents if taken.intersection(range(e.start, e.end))
               and (y := _year_left(doc, e, taken)) is not None]
    for e in others:
        taken.update(range(e.start, e.end))
    for span in _duration_spans(doc, taken):
        others.append(span)
        taken.update(range(span.start, span.end))
    # only a word written in digits can be a bare number, only a small number word the first of two: the other
    # words are skipped on their text, without building a Token for each
    texts, lowers = words_of(doc)
    bare = [_with_scale(Span(doc, t.i, t.i + 1, label="CARDINAL"))
            for t in (doc[i] for i, (w, lw) in enumerate(zip(texts, lowers))
                      if i not in taken and (lw in _SMALL_WORDS or _NUMBER.fullmatch(w)))
            if _is_bare_number(t) and not _far_year(t) or _first_of_two(t, grammar + others) or _word_count(t)]
    ents = _split_columns(doc, _join_ranges(doc, refine_spans(doc, filter_spans(
        grammar + [e for e in others + bare if not _name_number(e) and not _spec_number(e)
                   and not _street_number(e) and not _fraction_number(e)]))))
    ents = _companies_named_as_people(doc, _headline_verbs(doc, ents))
    doc.ents = _names_told_alike(doc, _bracketed_names(doc, _and_names(doc, ents)))


#: what follows only a company's name: "Kolt shares fell", "Kolt posted a loss", "Kolt priced its shares"
_COMPANY_NEXT = {"shares", "stock", "posted", "earned", "priced", "floated", "debuted"}
#: a company's things after its name's "'s": "Kolt's chief executive", "Kolt's profits"
_COMPANY_OWNS = {"chief", "board", "listing", "ipo", "flotation", "shareholders", "profit", "profits", "revenue",
                 "revenues", "sales", "turnover", "earnings", "subsidiary", "shares", "stock"}
#: of those, what a place or a person may have too ("Leeds's sales tax", "Mr Kolt's shares")
_PLACES_OWN = {"chief", "board", "listing", "ipo", "flotation", "shareholders", "profit", "profits", "earnings"}


#: the last word of a company's name that no person's or place's name ends with ("Ravensworth Foods", "Pentreath
#: Minerals", "Drechsel Werke")
_COMPANY_HEADS = {"foods", "minerals", "mills", "labs", "laboratories", "software", "capital", "partners", "motors",
                  "airways", "airlines", "energy", "systems", "pharma", "pharmaceuticals", "werke", "robotics",
                  "insurance", "industries", "logistics", "media", "brewers", "brewery", "resources", "mining",
                  "technologies", "semiconductor", "semiconductors", "chemicals", "chemie", "cables", "engineering",
                  "electronics", "instruments", "brands", "inc", "corp", "ltd", "plc", "llc", "ag", "gmbh", "sa",
                  "nv", "holdings", "group", "retail", "shipping", "telecom", "steel", "petroleum", "homes",
                  "seafood", "rail", "railways", "biotech", "metals", "textiles", "cement", "plastics", "breweries",
                  "hotels", "resorts", "cruises", "studios", "publishing", "networks", "communications", "utilities",
                  "exploration", "properties", "realty", "investments", "ventures", "bancorp", "bankshares",
                  "reinsurance", "pharmaceutical", "therapeutics", "biosciences", "aerospace", "automotive"}
#: a company's legal form at the end of its name ("Marcade Group Inc", "Harrow and Vance Co"): the forms a name key
#: drops, and the plural and partnership words a name ends in
_LEGAL_WORDS = LEGAL_SUFFIXES | {"cos", "associates", "trust"}
#: the kind of company a name is told as, right before it: "the brewer Vandermolen", "surfwear firm Quillan"
#: (not "maker" or "producer": a film's are people)
_COMPANY_KINDS = {"firm", "company", "bank", "lender", "insurer", "airline", "carrier", "carmaker", "automaker",
                  "brewer", "miner", "retailer", "chipmaker", "drugmaker", "conglomerate", "supermarket", "grocer",
                  "telco", "broker", "brokerage", "publisher", "broadcaster", "shipper", "steelmaker", "utility"}
#: a ticker in brackets right after a name: "(NYSE:KLT)", "(THRB.O)", "(6871.T)", "($MRWB)", "<KLT>"
_TICKER_AFTER = re.compile(r"\s*[(<]\s*(?:[A-Za-z]{2,8}\s*:\s*)?\$?[A-Z0-9]{1,6}(?:\.[A-Z]{1,3})?\s*[)>]")
#: a purchase's words after a buyer's name ("Kolt agreed to buy", "Kolt acquired") and before a target's ("the
#: takeover of Kolt", "agreed to acquire Kolt")
_TITLES = {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "dame", "president", "chairman", "minister"}
_BUYER_NEXT = {"acquired", "acquires", "bought", "buys"}
_TARGET_BEFORE = {("takeover", "of"), ("acquisition", "of"), ("purchase", "of"), ("to", "acquire"), ("to", "buy"),
                  ("will", "acquire"), ("merge", "with")}


def _bought_or_buying(doc: Doc, e: Span, after: list[str], before: list[str]) -> bool:
    """A one-word name that buys or is bought: "Kolt acquired …", "Kolt agreed to buy …", "the takeover of Kolt"
    — what neither a person named by one word nor a place does (a person of the story is named in full first)."""
    if e.label_ == "PERSON" and (before[-1:] and before[-1].rstrip(".") in _TITLES
                                 or any(o.label_ == "PERSON" and len(o) > 1 and o[-1].text == e.text
                                        for o in doc.ents)):
        return False  # "Mr Kolt bought …", "Ann Kolt … Kolt bought": a person named by surname
    nxt = [t.lower_ for t in doc[e.end:e.end + 3]]
    if nxt[:1] and nxt[0] in _BUYER_NEXT or nxt[:3] in (["agreed", "to", "buy"], ["agreed", "to", "acquire"],
                                                         ["agreed", "to", "merge"]) \
            or [t.lower_ for t in doc[e.end:e.end + 4]] in (["said", "it", "would", "merge"],
                                                             ["said", "it", "will", "merge"]):
        return True
    # (not "to acquire Salem, Ore.-based X", "the acquisition of London-based X", "of London's X": a place)
    return tuple(before) in _TARGET_BEFORE and not (nxt[:1] and nxt[0] in ("-", "'s", "’s", ","))


def _companies_named_as_people(doc: Doc, ents: list[Span]) -> list[Span]:
    """A name the small NER took for a person or a place that the text shows to be a company — a company's act or
    thing right after it ("Jorvane shares dropped", "Loxbury's chief executive"), or "shares in"/"a stake in"
    before it, or the kind of company it is ("the brewer Vandermolen", "the drugmaker Dr Halvik's": the title is
    then part of the name at each mention it opens) — is an organisation, at each of its mentions in the document
    (invented and foreign company names are often tagged so). Countries stay places; a place or a person of two
    words or more takes only a company's own things ("'s chief executive", "'s listing"), not shares or sales, which
    people and cities have too."""
    from claimcheck.resolve.entities import is_country

    companies: set[str] = set()
    titled: set[str] = set()  # companies named with a title: "the drugmaker Dr Halvik's" — "Dr Halvik" is the name
    # the first word of a company's name the document gives in full ("Marcade Group Inc ... Marcade said"), where no
    # person of the story has it for a name (tagged as one, or written after a first name or a title: "Jo Marcade")
    firsts = {e[0].text for e in ents if e.label_ == "ORG" and len(e) > 1 and e[0].text[:1].isupper()
              and (e[-1].lower_.rstrip(".") in _COMPANY_HEADS | _LEGAL_WORDS)}
    people = {t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    for e in ents:
        if e.label_ not in ("PERSON", "GPE") or e.text in companies:
            continue
        after = [t.lower_ for t in doc[e.end:e.end + 2]]
        before = [t.lower_ for t in doc[max(0, e.start - 2):e.start]]
        if e.label_ == "PERSON" and e.start >= 2 and _is_title_dr(doc[e.start - 1]) and before[0] in _COMPANY_KINDS:
            companies.add(e.text)
            titled.add(e.text)
            continue
        strict = e.label_ == "GPE" or len(e) > 1
        owns = _PLACES_OWN if strict else _COMPANY_OWNS
        if e.label_ == "GPE" and is_country(e.text):
            continue
        if (after[:1] and after[0] in ("'s", "’s") and after[1:] and after[1] in owns) \
                or (not strict and after[:1] and after[0] in _COMPANY_NEXT) \
                or before in (["shares", "in"], ["shares", "of"], ["stake", "in"]) \
                or (len(e) > 1 and e[-1].lower_ in _COMPANY_HEADS) \
                or _TICKER_AFTER.match(text_of(doc)[e.end_char:e.end_char + 24]) is not None \
                or before[-1:] == ["listed"] or (before[-1:] and before[-1] in _COMPANY_KINDS) \
                or (len(e) == 1 and _bought_or_buying(doc, e, after, before)) \
                or (e.label_ == "PERSON" and len(e) == 1 and e.text in firsts and e.text not in people
                    and not (before[-1:] and before[-1].rstrip(".") in _TITLES)
                    and not any(not doc.vocab[m.group(1).lower()].is_stop for m in
                                re.finditer(rf"\b([A-Z][a-z]+)\.?\s+{re.escape(e.text)}\b", text_of(doc)))):
            companies.add(e.text)
    if not companies:
        return ents
    taken = {t for e in ents for t in range(e.start, e.end)}
    return [Span(doc, e.start - 1 if e.text in titled and e.start > 0 and _is_title_dr(doc[e.start - 1])
                 and e.start - 1 not in taken else e.start, e.end, label="ORG")
            if e.label_ in ("PERSON", "GPE") and e.text in companies else e for e in ents]


def _is_title_dr(token) -> bool:
    """'Dr' or 'Dr.' before a name (the title a company's name may carry: "Dr Halvik's")."""
    return token.lower_.rstrip(".") == "dr"


#: a company's name in the wire's angle brackets, Reuters' mark of a company with no ticker ("<Kestrel Foods Co of
#: Australia Ltd>", "<Royal Bank of Veloria>"): two words or more, the first capitalised
_BRACKETED = re.compile(r"<([A-Z][^<>\n]{0,80}? [^<>\n]{1,80}?)>")
_SPACED_TICKER = re.compile(r"[A-Z0-9.]{1,6} [A-Z]{1,3}")
_ABBREVIATION_AFTER = re.compile(r"\s*(?:\([A-Z][A-Z0-9.&-]{1,7}\)|-\s*[A-Z][A-Z0-9.&]{1,7})$")
#: words that may stand in lower case inside a company's name
_NAME_JOINERS = {"of", "and", "de", "du", "des", "la", "le", "van", "von", "der", "den", "di", "del", "y", "e", "et",
                 "the", "for", "&", "-", ",", "'s", "’s"}


#: verbs of the wire's capitalised headlines that the NER runs into a name ("OPPENHEIMER UPS VIACOM STAKE", "SAFECARD
#: SETS SPLIT, UPS PAYOUT"): 'ups' is 'raises' there, never United Parcel Service after another word
_HEADLINE_VERBS = {"UPS"}


def _headline_verbs(doc: Doc, ents: list[Span]) -> list[Span]:
    """Names of a capitalised headline line, read again against the story below it: a name cut at a headline verb
    inside it (the words on either side stay names of the same label, the verb is none), and a one-word name the
    story writes in lower case and never with a capital ("BROKERS HOLD 6.2 PCT OF TARVIN" above "two brokers
    told …") is no name, unless the whole story is in lower case. The headline is the text's first line, all its
    letters capitals."""
    text = text_of(doc)
    line_end = text.find("\n")
    head = text[:line_end] if line_end > 0 else ""
    if not head or any(c.islower() for c in head) \
            or not any(e.label_ in NAME_LABELS and e.start_char < line_end for e in ents):
        return ents  # (the story below is read only for a headline with a name in it)
    body = text[line_end:].lstrip()
    written: dict[str, bool] = {}  # each word of the story: whether it is ever written with a capital
    for w in re.findall(r"\b[A-Za-z][A-Za-z-]+\b", body):
        written[w.lower()] = written.get(w.lower(), False) or not w.islower()
    lower_only = set() if body[:1].islower() else {w for w, capital in written.items() if not capital}
    out: list[Span] = []
    for e in ents:
        if e.label_ not in NAME_LABELS or e.start_char >= line_end:
            out.append(e)
            continue
        if len(e) == 1 and e[0].text.lower() in lower_only:
            continue
        cut = [t.i for t in e if t.text in _HEADLINE_VERBS and t.i > 0]
        start = e.start
        for i in cut + [e.end]:
            if i > start:
                out.append(Span(doc, start, i, label=e.label_))
            start = i + 1
    return out


def _and_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """A company whose name joins two words with 'and' ("Harrow and Vance Co", "D and R Royalty Trust"), which the
    NER cuts into two names or a name and a loose word, is one organisation when the joined name ends in a legal
    suffix ("Co", "Inc", "Corp", "Trust" ...) or is written so twice in the document ("Tolley and Marsh ...
    Tolley and Marsh"), and the first word is never written on its own there. Not a list ("Orvane, Pellam and Tarn
    Co", "such as Orvane and Pellam Co"), not a country and a company ("in Canada and Pellam Plc"), not two named
    companies ("Orvane Corp and Pellam Inc", "Marlow Bank and Tarn Bank")."""
    from claimcheck.resolve.entities import is_country

    text = text_of(doc)
    by_end = {e.end: e for e in ents}
    inside = {t for x in ents for t in range(x.start, x.end)}
    joined: list[Span] = []
    for e in ents:
        if e.label_ != "ORG" or e.start < 2 or doc[e.start - 1].lower_ != "and" or len(e) > 5:
            continue
        i = e.start - 1  # 'and'
        first = by_end.get(i)
        if first is not None:
            if first.label_ not in ("ORG", "PERSON", "GPE", "NORP") or len(first) > 2 \
                    or (first.label_ == "PERSON" and len(first) > 1) or is_country(first.text):
                continue
            start = first.start
        else:
            start = i
            while start > 0 and i - start < 2 and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper() \
                    and not doc[start - 1].is_stop and start - 1 not in inside:
                start -= 1
            if start == i:
                continue
        if not all(t.text[:1].isupper() for t in doc[start:i]) or doc[start].is_stop \
                or doc[i - 1].lower_.rstrip(".") in LEGAL_SUFFIXES | _COMPANY_HEADS | {"bank", "banks"} \
                or (start > 0 and doc[start - 1].lower_ in (",", "and", "or", "including", "as", "like")):
            continue  # a list of names, not one name
        head, whole = doc[start:i].text, doc[start:e.end].text
        suffixed = e[-1].lower_.rstrip(".") in LEGAL_SUFFIXES | {"trust"}
        alone = len(re.findall(rf"(?<![\w&-]){re.escape(head)}(?![\w&-])", text))
        together = len(re.findall(rf"(?<![\w&-]){re.escape(head)}\s+(?:and|AND)\s+{re.escape(e[0].text)}\b", text))
        if alone != together or not (suffixed or text.count(whole) >= 2):
            continue
        if not joined or start >= joined[-1].end:
            joined.append(Span(doc, start, e.end, label="ORG"))
    if not joined:
        return ents
    kept = [x for x in ents if not any(x.start < w.end and w.start < x.end for w in joined)]
    return sorted(kept + joined, key=lambda x: x.start)


def _bracketed_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Each company name in the wire's angle brackets is one ORG entity over the bracket's words, however the NER
    cut it ("Kestrel Foods Co" + "Australia Ltd" for "<Kestrel Foods Co of Australia Ltd>") or ran it into the
    bracket ("Royal Bank of Veloria>"); a bracket with a figure or a date inside, or with words in lower case that
    join no name, is left as it is."""
    text = text_of(doc)
    if "<" not in text:
        return ents
    out = list(ents)
    for m in _BRACKETED.finditer(text):
        if _SPACED_TICKER.fullmatch(m.group(1)):
            continue  # "<BLDS ST>": a ticker and its exchange
        short = _ABBREVIATION_AFTER.search(m.group(1))  # "<Cie Generale de Veloria (CGV)>": the name alone
        span = doc.char_span(m.start(1), m.start(1) + short.start() if short else m.end(1), label="ORG")
        if span is None or any(t.is_lower and t.lower_ not in _NAME_JOINERS for t in span):
            continue
        inside = [e for e in out if e.start <= span.end and span.start - 1 <= e.end - 1]  # the brackets' tokens too
        if any(e.label_ not in NAME_LABELS and e.label_ not in ("CARDINAL", "ORDINAL") for e in inside):
            continue  # "<3-for-2 split>": a figure's bracket
        if short:
            inside = [e for e in inside if e.start < span.end]  # the abbreviation keeps its own tag
        if [(e.start, e.end, e.label_) for e in inside] == [(span.start, span.end, "ORG")]:
            continue
        out = [e for e in out if e not in inside] + [span]
    return sorted(out, key=lambda e: e.start)


def _names_told_alike(doc: Doc, ents: list[Span]) -> list[Span]:
    """A company's name the NER tagged in one place and left untagged in another ("Corvex said …" after "Corvex
    Ltd agreed …") is the organisation at each mention, one sense per document: every untagged occurrence of the
    very words of an ORG entity, or of them without their legal suffixes, becomes one, unless the words run on
    into a longer name on either side (capitalised words, a number after, a bracket before), the name was also
    tagged as something else, or a one-word name is a common word (a stop word, or written in lower case somewhere
    in the document)."""

    labels: dict[str, set[str]] = {}
    for e in ents:
        if e.label_ in ("ORG", "PERSON", "GPE", "NORP", "PRODUCT", "FAC", "LOC", "EVENT", "WORK_OF_ART"):
            labels.setdefault(e.text, set()).add(e.label_)
    forms = set()
    for n, kinds in labels.items():
        if kinds != {"ORG"}:
            continue
        forms.add(n)
        words = n.split()
        while len(words) > 1 and words[-1].lower().strip(".,") in LEGAL_SUFFIXES:  # "Corvex Ltd" → "Corvex"
            words.pop()
            forms.add(" ".join(words).rstrip(","))
    names = [n for n in forms if n not in labels or labels[n] == {"ORG"}]
    # the longest name first, so that "Tate & Lyle" takes its own words before "Tate" can (the order of a set
    # of strings changes from one process to the next: it made the claims differ between runs)
    names = sorted((n for n in names if n[:1].isupper() and len(n) > 2 and not n.isupper()
                    and any(c.isalpha() for c in n) and not set(n) & set("()")), key=lambda n: (-len(n), n))
    if not names:
        return ents
    taken = {i for e in ents for i in range(e.start, e.end)}
    text = text_of(doc)  # Doc.text joins every token on each read
    added: list[Span] = []
    for name in names:
        if " " not in name and (doc.vocab[name.lower()].is_stop or re.search(rf"\b{re.escape(name.lower())}\b",
                                                                             text) is not None):
            continue
        for m in re.finditer(rf"(?<![\w&.-]){re.escape(name)}(?![\w&-])", text):
            span = doc.char_span(m.start(), m.end(), label="ORG")
            if span is None or taken.intersection(range(span.start, span.end)):
                continue
            before = doc[span.start - 1] if span.start > 0 else None
            after = doc[span.end] if span.end < len(doc) else None
            opens = before is not None and (before.is_sent_start or before.i == 0 or doc[before.i - 1].is_space
                                            or doc[before.i - 1].text in (".", "!", "?", '"', ":"))
            if (before is not None and before.text[:1].isupper() and before.is_alpha and not opens
                    and not doc[span.start].is_sent_start) \
                    or (after is not None and (after.text[:1].isupper() and after.is_alpha or after.like_num)) \
                    or (before is not None and before.text == "(") or (after is not None and after.text == "&"):
                continue  # "Halden Bank", "Mirel Halden", "Rover 25", "(Halden)", "Halden & Co": part of a longer name
            added.append(span)
            taken.update(range(span.start, span.end))
    return sorted(ents + added, key=lambda e: e.start) if added else ents


#: a figure of a table column inside a span ("0.32   0.28      0.24   0.24 Production"): digits between spaces, a
#: footnote letter after it or not ("3,168.9-x")
_COLUMN_FIGURE = re.compile(r"(?<!\S)\(?\d[\d,]*(?:\.\d+)?\)?(?=-[A-Za-z]\b|\s|$)")
#: words in a span that make it one figure with its unit, not columns run together
_UNIT_WORDS = re.compile(r"(?:[$%\u00a3]|\b(?:pct|percent|cent|cents|cts|dlrs?|dollars?|stg|yen|marks|francs"
                         r"|tonnes?|tons?|mln|bln|billion|million|thousand|to|and|or|from|between)\b)", re.I)


def _split_columns(doc: Doc, ents: list[Span]) -> list[Span]:
    """One CARDINAL per figure where the NER ran the columns of a table into one span: a span holding two figures or
    more, two of them side by side with only a column gap between them (two spaces or more, or a line break), and
    no unit or range word that would make them one figure."""
    out: list[Span] = []
    for e in ents:
        if e.label_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY"):
            figures = list(_COLUMN_FIGURE.finditer(e.text))
            gap = any(re.fullmatch(r"\s*(?:\n|\s{2,})\s*", e.text[a.end():b.start()])
                      for a, b in zip(figures, figures[1:]))
            if len(figures) >= 2 and gap and not _UNIT_WORDS.search(e.text):
                pieces = [doc.char_span(e.start_char + f.start(), e.start_char + f.end(), label="CARDINAL",
                                        alignment_mode="contract") for f in figures]
                kept = [p for p in pieces if p is not None and len(p)]
                if kept:
                    out.extend(kept)
                    continue
        out.append(e)
    return out


#: a span of time the NER left out ("lasts up to 18 hours", "in 3.1 seconds", "wait another two hours"): days to
#: decades are a DATE (corpus/GUIDELINES.md: "three years" is one), hours to seconds a TIME (no mention label)
_DURATION_SPAN = re.compile(
    r"(?<![\w.,$\u00a3\u20ac-])(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety)"
    r"\s+(?P<unit>(?P<time>seconds?|minutes?|hours?)|days?|weeks?|months?|years?|decades?)\b(?![\s-]+old\b)", re.I)


def _duration_spans(doc: Doc, taken: set[int]) -> list[Span]:
    """:data:`_DURATION_SPAN` spans on tokens no entity or grammar span has taken."""
    found = []
    for m in _DURATION_SPAN.finditer(text_of(doc)[:_MAX_DURATION_SCAN]):
        if _RANGE_BEFORE.search(text_of(doc), max(0, m.start() - 40), m.start()):
            continue  # "30 to less than 60 days": the end of a range that starts outside it
        span = doc.char_span(m.start(), m.end(), label="TIME" if m.group("time") else "DATE")
        if span is not None and not taken.intersection(range(span.start, span.end)):
            found.append(span)
    return found


_MAX_DURATION_SCAN = 2_000_000
_RANGE_BEFORE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))\s*(?:to|-|\u2013|and|or)\s*"
                           r"(?:(?:less|more|fewer)\s+than\s+|about\s+|up\s+to\s+)?$", re.I)


_FRACTION_WORDS = re.compile(r"(?:thirds?|fourths?|quarters?|fifths?|sixths?|eighths?|tenths?|halves)", re.I)


def _fraction_number(ent: Span) -> bool:
    """'One fourth of the population', 'two fifths of voters': the numerator of a fraction, no count (other
    fractions than a company's shares are no mentions, corpus/GUIDELINES.md)."""
    doc = ent.doc
    if ent.label_ != "CARDINAL" or ent.end >= len(doc):
        return False
    nxt = doc[ent.end + 1] if doc[ent.end].text == "-" and ent.end + 1 < len(doc) else doc[ent.end]
    return bool(_FRACTION_WORDS.fullmatch(nxt.text)) and ent[-1].lower_ in (
        "one", "two", "three", "four", "five", "seven", "nine", "a", "1", "2", "3", "4", "5", "7", "9")


_STREET = {"street", "st", "avenue", "ave", "road", "rd", "lane", "boulevard", "blvd", "drive", "place", "square",
           "terrace", "way", "court", "crescent", "highway", "parade"}


def _street_number(ent: Span) -> bool:
    """'Unit 3 at 16-18 Industrial Avenue', '10 Downing Street': a house number, no count."""
    doc = ent.doc
    if ent.label_ != "CARDINAL" or not re.fullmatch(r"\d{1,4}(?:[-\u2013]\d{1,4})?", ent.text):
        return False
    names = doc[ent.end:ent.end + 4]
    for k, t in enumerate(names):
        if not t.is_title:
            return False
        if k > 0 and t.lower_.rstrip(".") in _STREET:
            return True
    return False


def _trim_word(ent: Span) -> Span:
    """'just one 52,000 barrel-a-day refinery': the figure starts at the digits, not at the count word before."""
    if ent.label_ in ("QUANTITY", "CARDINAL", "MONEY") and len(ent) > 1 and ent[0].lower_ in ("one", "a", "an") \
            and ent[1].text[:1].isdigit():
        return Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)
    return ent


#: what a number hyphenated onto it makes a machine's or a building's specification, no count ("a six-speed
#: automatic", "a four-cylinder", "a three-story hotel"; the real articles leave "six-cylinder engines" unmarked)
_SPEC_WORDS = {"cylinder", "speed", "door", "wheel", "valve", "stroke", "story", "storey"}


def _spec_number(ent: Span) -> bool:
    doc = ent.doc
    if ent.label_ != "CARDINAL" or ent.end + 1 >= len(doc) or ent[-1].whitespace_:
        return False
    return doc[ent.end].text == "-" and not doc[ent.end].whitespace_ and doc[ent.end + 1].lower_ in _SPEC_WORDS


_RANGE_LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
#: what joins the two ends of a range: "1 to 1.5", "between 750,000 and 800,000"
_RANGE_GAP = re.compile(r"\s*(?:to|–)\s*|\s+and\s+", re.I)
#: words before the first end that make "X to Y" a change and the level it reached or a move from one level to
#: another ("rose 3 to 5", "cut by 2 to 4", "from 13.5 to 14 mm"): two figures, not a range (the real articles'
#: annotation keeps "rates range from 16 pct to 17.5 pct" as two mentions too)
_CHANGE_BEFORE = re.compile(
    r"\b(?:from|by|raised|increased|boosted|lifted|lowered"
    r"|reduced|cut|rose|fell|gained|lost|dropped|slipped|eased|climbed|added|jumped|advanced|declined|tumbled|slid"
    r"|firmed|up|down|off|voted|won|beat|lead|led|score[sd]?)\s+$", re.I)


def _join_ranges(doc: Doc, ents: list[Span]) -> list[Span]:
    """One span for a range the NER split at its "to" ("1.8 to 2.7 Fahrenheit", "1 to 2 thousand people", "1 per
    cent to 1.5 per cent", "between 750000 and 800000"; corpus/GUIDELINES.md: both ends of a range are one
    mention): two value spans of the same kind (or a bare number and the measure or money after it) with only
    "to" between them, or "and" after "between"; not after "from" or a verb of change ("from 13.5 to 14 mm",
    "rose 2 to 5"), and only where the joined text reads as a range with the second end as written."""
    ents = sorted(ents, key=lambda e: e.start)
    out: list[Span] = []
    for e in ents:
        p = out[-1] if out else None
        joined = _range_of(doc, p, e) if p is not None else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(e)
    return out


def _range_of(doc: Doc, p: Span, e: Span) -> Span | None:
    if p.label_ not in _RANGE_LABELS or e.label_ not in _RANGE_LABELS or p.end > e.start:
        return None
    if p.label_ != e.label_ and p.label_ != "CARDINAL":
        return None  # a bare first end takes the unit of the second ("13.5 to 14.0 mm"), not the other way
    gap = text_of(doc)[p.end_char:e.start_char]
    m = _RANGE_GAP.fullmatch(gap)
    if m is None or "\n" in gap:
        return None
    before = text_of(doc)[max(0, p.start_char - 30):p.start_char]
    between = re.search(r"\bbetween\s+$", before, re.I) or p.text.lower().startswith("between")
    if "and" in gap.lower() and not between:
        return None
    if not between and _CHANGE_BEFORE.search(before):
        return None
    joined = Span(doc, p.start, e.end, label=e.label_)
    q = normalize_span(joined, None)
    if q is None or q.qualifier != "range" or q.low is None or q.high is None:
        return None
    second = normalize_span(e, None)
    if second is None or not isinstance(second.value, (int, float)) \
            or not any(math.isclose(float(second.value), float(v), rel_tol=1e-9) for v in (q.low, q.high)):
        return None  # the second end must read as written ("1 to 2 thousand": 1,000 to 2,000)
    first = normalize_span(p, None)
    if first is None or first.unit not in ("count", second.unit):
        return None  # two units: a rate ("110 JPY to 1 USD"), not a range
    return joined


_SMALL_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
                "twenty", "thirty", "forty", "fifty"}


def _first_of_two(t, spans: list[Span]) -> bool:
    """'eight or nine euros', 'six or seven per cent': a number word before "or" and a figure whose unit or
    currency it shares (the NER took only the second); pipeline.elided gives it that unit."""
    doc = t.doc
    if t.lower_ not in _SMALL_WORDS or t.i + 2 >= len(doc) or doc[t.i + 1].lower_ != "or":
        return False
    return any(s.start == t.i + 2 and s.label_ in ("MONEY", "PERCENT", "QUANTITY") for s in spans)


#: plurals a number word before them makes no count: a span of time, a ratio, an index's points
_NOT_COUNTED_PLURALS = {"years", "months", "weeks", "days", "nights", "hours", "minutes", "seconds", "decades",
                        "quarters", "times", "points", "percent", "cents", "dollars", "dlrs", "cts", "pounds", "yen",
                        "marks", "francs", "thirds", "fourths", "fifths", "tenths", "halves", "others", "ones", "sides",
                        "ways"}


_NAMED_BY_NUMBER = {"band", "unit", "number", "no", "phase", "class", "grade", "tier", "chapter", "article", "stage",
                    "round", "division", "group", "section", "type", "series", "category", "level"}
_TIME_WORDS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "quarter"}


def _word_count(t) -> bool:
    """'the first of ten diagnostic tests', 'six new service stations': a lower-case number word the NER left out,
    before a plural noun (through up to two lower-case words), is a count of that noun."""
    doc = t.doc
    if t.lower_ not in _SMALL_WORDS or not t.is_lower or not t.whitespace_:
        return False
    prev = doc[t.i - 1] if t.i > 0 else None
    if prev is not None and (prev.lower_ in _NAMED_BY_NUMBER or prev.text in ("/", "-") and not prev.whitespace_):
        return False  # "band three bank bills", "one/two cargoes"
    for k in range(1, 4):
        if t.i + k >= len(doc):
            return False
        n = doc[t.i + k]
        if not (n.is_alpha and n.is_lower) or n.is_stop or n.lower_ in _SCALE_WORDS or n.lower_ in _TIME_WORDS:
            return False  # "two, four and seven year notes": a span of time
        if _plural_like(n.text):
            return n.lower_ not in _NOT_COUNTED_PLURALS
        if not n.whitespace_:
            return False
    return False


def _with_scale(ent: Span) -> Span:
    """'25k', '3bn' where the NER's count stopped before the scale letter written onto it: the whole figure."""
    doc = ent.doc
    if ent.label_ == "CARDINAL" and ent.end < len(doc) and not ent[-1].whitespace_ and ent[-1].like_num \
            and doc[ent.end].lower_ in ("k", "bn", "mn", "mln", "bln"):
        return Span(doc, ent.start, ent.end + 1, label="CARDINAL")
    return ent


def _far_year(t) -> bool:
    """'submerging coasts by 2120': a year after 2099 after a preposition of time is no count."""
    return bool(re.fullmatch(r"2[1-9]\d\d", t.text)) and t.i > 0 and t.doc[t.i - 1].lower_ in (
        "by", "in", "until", "till", "before", "after", "since", "through")


#: a stock index whose name a number ends ("the sp 500 is poised to drop", "the ftse 100"), whatever its case
_INDEX_NAMES = {"sp", "s&p", "ftse", "nasdaq", "russell", "stoxx", "asx", "nikkei", "dax", "cac", "kospi", "sensex",
                "nifty", "tsx", "msci"}


def _name_number(ent: Span) -> bool:
    """A plain number that ends or continues a name inside a sentence, no count: "the iPhone 11 has",
    "Section 427 Row 21", "the S&P/ASX 200 gained", "its new HIV 2 drug regimen" (a capitalised word right
    before it, which is not the first word of its sentence or line, a place, a month or a weekday)."""
    if ent.label_ != "CARDINAL" or len(ent) != 1 or not re.fullmatch(r"\d{1,4}", ent.text) or ent.start == 0:
        return False
    doc, prev = ent.doc, ent.doc[ent.start - 1]
    if prev.lower_ in _INDEX_NAMES and re.fullmatch(r"[1-9]0{1,3}|225|600|250|30|40|50", ent.text):
        return True  # "the sp 500", "the ftse 100", "the Nikkei 225"
    if _far_year(ent[0]):
        return True
    if _model_before(ent[0]) and any(t.like_num for t in doc[max(0, ent.start - 2):ent.start]):
        return True  # "two new 737 Max jets": the jets are counted, 737 names them
    if _AIRCRAFT_MODEL.fullmatch(ent.text) and (prev.lower_ in ("boeing", "new", "the", "its", "a") or (
            ent.end < len(doc) and (doc[ent.end].lower_ in _AIRCRAFT_NOUNS or doc[ent.end].text == "-"))):
        return True  # "the new 787 Dreamliner", "Boeing 737-800 planes": a model's name
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and nxt.is_title and nxt.lower_ in _MODEL_WORDS and len(ent.text) >= 2 \
            and not (ent.end + 1 < len(doc) and doc[ent.end + 1].is_lower and _plural_like(doc[ent.end + 1].text)):
        return True  # "its first 737 Max after the grounding", "the 911 Turbo": a model's name
    if not (prev.is_alpha and any(c.isupper() for c in prev.text)) or prev.ent_type_ in ("GPE", "LOC", "NORP", "DATE"):
        return False
    if prev.lower_.rstrip(".")[:3] in _MONTHS_DAYS or prev.is_sent_start is True or prev.i == 0:
        return False
    before = doc[prev.i - 1]
    if "\n" in before.whitespace_ or "\n" in before.text or not before.whitespace_ and not before.is_punct:
        return False  # the first word of a table line ("Net 234 vs 198")
    if prev.is_upper and before.is_upper and before.is_alpha:
        return False  # an all-capitals headline ("REBEL AMBUSH KILLS 18 SOLDIERS")
    nxt = doc[ent.end] if ent.end < len(doc) else None
    return not (nxt is not None and nxt.lower_ in ("vs", "vs.", "pct", "percent", "%", "mln", "bln"))


_CURRENCY_MARK = re.compile(r"[$£€¥₹]|\b(?:dollars?|dlrs?|euros?|pounds?|sterling|yen|yuan|cents?|cts)\b", re.I)


def _measure_spans(doc: Doc, taken: set[int]) -> list[Span]:
    """Numbers with their unit of measure ("5kW", "3923sq m", "-5 yards") as QUANTITY spans, where the NER found
    no value there or only a part of one: a plain number inside it or a "money" span with no currency
    ("2.14degF"), or "pounds" the measure goes on from ("275 pound-feet" of torque); a name the NER made of the
    unit ("minus-130 degrees Fahrenheit") gives way."""
    found = []
    for start, end in find_measures(text_of(doc)):
        span = doc.char_span(start, end, label="QUANTITY", alignment_mode="expand")
        if span is None or taken.intersection(range(span.start, span.end)):
            continue
        overlap = [e for e in doc.ents if e.start < span.end and span.start < e.end]
        if all(e.label_ in NAME_LABELS or (e.label_ in ("CARDINAL", "MONEY") and span.start <= e.start
                                           and e.end <= span.end and not _CURRENCY_MARK.search(e.text))
               or (e.label_ == "MONEY" and span.start <= e.start and e.end < span.end  # "275 pound[-feet]"
                   and re.search(r"\bpounds?$", e.text, re.I))
               for e in overlap):
            found.append(span)
    return found


def _inside_measure(span: Span) -> bool:
    """A grammar count the NER saw as money or a quantity with a unit ("183 mln crowns", "28.6 mln barrels"): the
    NER's span, with the currency or unit, is the better one."""
    return any(e.label_ in ("MONEY", "QUANTITY", "PERCENT") and e.start <= span.start < e.end
               for e in span.doc.ents)


_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _relabel(ent: Span) -> Span:
    """'sales of 5835 units': a lone number that is not a year is a count, whatever the small NER said; '6 A321s':
    a number of aircraft of a model, which the small NER reads as a measure, is a count of them (the number)."""
    if ent.label_ in ("DATE", "TIME") and len(ent) == 1 and _NUMBER.fullmatch(ent.text) \
            and not re.fullmatch(r"1[89]\d\d|20\d\d", ent.text) and "." not in ent.text:
        return Span(ent.doc, ent.start, ent.end, label="CARDINAL")
    if ent.label_ == "QUANTITY" and len(ent) == 2 and ent[0].like_num and _AIRCRAFT_PLURAL.fullmatch(ent[1].text):
        return Span(ent.doc, ent.start, ent.start + 1, label="CARDINAL")
    return ent


#: aircraft models, the family counted by (GUIDELINES R6): Boeing's 7x7 and Airbus's A3xx, a variant after a hyphen
_AIRCRAFT_MODEL = re.compile(r"(?P<family>7[0-8]7|A3[0-8]\d)(?:-\d{3}\w*)?")
#: a model's plural, itself the counted noun: "18 777s", "24 A320s"
_AIRCRAFT_PLURAL = re.compile(_AIRCRAFT_MODEL.pattern + "s")
#: words before the model in a count of aircraft ("18 more 777s", "50 new Boeing 787 jets")
_AIRCRAFT_LEAD = {"more", "new", "additional", "further", "boeing", "airbus", "of", "the"}
#: what a model's number names after it, when it is not counted ("the new 787 Dreamliner")
_AIRCRAFT_NOUNS = {"jet", "jets", "aircraft", "plane", "planes", "airliner", "airliners", "dreamliner", "dreamliners",
                   "superjumbo", "superjumbos", "jumbo", "jumbos", "freighter", "freighters", "max", "family"}


def aircraft_counted(ent: Span) -> str | None:
    """The model family a count of aircraft counts (GUIDELINES R6: "18 more 777s" → "777", "six new Airbus A321
    aircraft" → "A321", "70 Boeing 737-800 planes" → "737"), or None when no model follows the number."""
    doc = ent.doc
    k = ent.end
    while k < len(doc) and k < ent.end + 3 and doc[k].lower_ in _AIRCRAFT_LEAD:
        k += 1
    if k >= len(doc):
        return None
    m = _AIRCRAFT_MODEL.match(doc[k].text)
    if m is None:
        return None
    rest = doc[k].text[m.end():]
    end = k + 1
    while end < len(doc) and not doc[end - 1].whitespace_ \
            and (doc[end].text == "-" or re.fullmatch(r"\d{3}\w*", doc[end].text)):
        end += 1  # "737-800", "737-800s": the variant the tokenizer split off
    after = doc[end].lower_ if end < len(doc) else ""
    if rest == "s" or after in _AIRCRAFT_NOUNS or (end > k + 1 and doc[end - 1].text.endswith("s")):
        return m["family"]
    return None


def _is_bare_number(t) -> bool:
    """A number written in digits that is a count or amount: not a year, time, model number, rank or code."""
    if not _NUMBER.fullmatch(t.text):
        return False
    if re.fullmatch(r"1[89]\d\d|20\d\d", t.text):
        return False  # a year the NER did not take as a date
    doc = t.doc
    prev = doc[t.i - 1] if t.i > 0 else None
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    for n in (prev, nxt):
        if n is not None and n.whitespace_ == "" and n.i < t.i and n.text in ("-", "/", ":", "#", ".") \
                or n is not None and n.i > t.i and t.whitespace_ == "" and n.text in ("-", "/", ":"):
            return False  # 737-800, 24/7, 10:30, #3
    if prev is not None and prev.lower_ in ("no", "no.", "number", "code", "ticker", "route", "flight", "model"):
        return False
    return nxt is None or nxt.lower_ not in ("st", "nd", "rd", "th", "am", "pm", "a.m.", "p.m.", "gmt", "bst", "et")


def _trim_date(ent: Span) -> Span:
    """'November 25, five years': the small NER sometimes runs a date into the next phrase; cut at the comma."""
    if ent.label_ != "DATE":
        return ent
    for t in ent:
        if t.text == "," and t.i + 1 < ent.end:
            nxt = ent.doc[t.i + 1]
            if nxt.is_digit or nxt.lower_.rstrip(".")[:3] in _MONTHS_DAYS:
                continue  # "Monday, Oct. 7, 2019", "October 7, 2019"
            return Span(ent.doc, ent.start, t.i, label="DATE") if t.i > ent.start else ent
    return ent


_MONTHS_DAYS = {name[:3] for name in (*MONTHS, *WEEKDAYS)}  # "oct", "mon": what may follow a date's comma


#: a wire ticker right before a figure ("Corp <AMC> 1,198, down 50 pct"): its ">" is no "more than"
_TICKER_END = re.compile(r"<[A-Z][A-Z0-9.]*(?:[ .][A-Z]{1,2})?>\s*$")


def left_context(span: Span, words: int = 4) -> str:
    """The few words before ``span`` in its sentence (what qualifies it: "about", "more than"), without a ticker
    that ends right before it."""
    from claimcheck.pipeline.spans import bounded_sent, span_text

    start = max(bounded_sent(span).start, span.start - words)
    return _TICKER_END.sub("", span_text(span.doc[start:span.start]))


#: "car sales were up to 11,480 from 10,215", "its share was up to 5.2 pct in March from 4.9 pct": "up" is the
#: move and "to" its level when a "from" and the earlier figure follow, not "at most" (a cap: "up to 350 mln
#: dlrs", "fines of up to $5 million")
_UP_TO_END = re.compile(r"\bup\s+to\s*$", re.I)
_UP_TO_START = re.compile(r"^\s*up\s+to\s+", re.I)
_FROM_FIGURE_AFTER = re.compile(
    r"[ \t]*(?:[A-Za-z%.]+[ \t,]+){0,4}?from[ \t]+(?:[$\u00a3\u20ac\u00a5]|[A-Z]{1,3}\$)?[ \t]?\d[\d,.]*"
    r"(?![\d,.]*[ \t]*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)", re.I)


def _up_from(span: Span, text: str, ctx: str) -> tuple[str, str]:
    """``text`` and its left context ``ctx`` without the "up to" of a rise to a level from an earlier figure."""
    if not _FROM_FIGURE_AFTER.match(text_of(span.doc), span.end_char, span.end_char + 80):
        return text, ctx
    if _UP_TO_START.match(text):
        return _UP_TO_START.sub("", text), ctx
    if _UP_TO_END.search(ctx):
        return text, _UP_TO_END.sub("to ", ctx)
    return text, ctx


def normalize_span(span: Span, published: date | None, *, dayfirst: bool = False) -> Quantity | None:
    text, ctx = _up_from(span, span.text, left_context(span))
    label = span.label_
    try:
        if label == "MONEY":
            # the label says money: a bare figure (a results-table column, "from 195 mln") is an amount in the
            # currency of the figure just before it, else in the document's currency
            default = span.doc.user_data.get(CURRENCY_KEY) or "USD"
            q = _read_money(span.doc, text, ctx, default)
            word = _WORD_AFTER.match(text_of(span.doc), span.end_char)
            if q is None and word is not None and _currency_noun(word.group(1)):
                q = _read_money(span.doc, text + word.group(0), ctx, default)  # "1.96" the NER cut from "crowns"
            if q is None and _after_cents(span):  # "the highest is 84.75 cents, while the lowest is 74.07"
                q = normalize_money(text + " cents", ctx, default_currency=_preceding_currency(span) or default)
            if q is None and not any(name.search(text.rstrip()) for name, _ in _SHARED_NAMES):
                # (not "71 mln crowns" in a story placed in no country of crowns: unread, not US dollars)
                q = normalize_money(text, ctx, default_currency=_preceding_currency(span) or default, bare=True)
            return _story_currency(span.doc, text, q)
        if label == "PERCENT":  # a bare number labelled a percentage ("rose to 46 pct from 45") is one
            return normalize_percent(text, ctx) or (  # "from 6-1/2, 1/4": a quote after one with its unit
                normalize_percent(text + " pct", ctx) if _BARE_FIGURE.fullmatch(text) or TWO_WAY_RE.fullmatch(text)
                else None)
        if label in ("CARDINAL", "QUANTITY"):
            return normalize_count(text, ctx)
        if label == "DATE":
            # the clause's tense (from the parse, where the pipeline has one) decides which way "on Friday" goes
            return normalize_date(text, published, ctx, dayfirst=dayfirst, tense=clause_tense(span))
    except Exception as exc:  # a normaliser bug must not lose the document; the span stays unnormalised
        key = (label, text[:80], type(exc).__name__)
        if key not in _WARNED and len(_WARNED) < 10_000:  # the mention and claim passes both read each span
            _WARNED.add(key)
            log.warning("could not normalise %s %r (%s: %s); it is kept unnormalised", label, text[:80],
                        type(exc).__name__, exc, exc_info=log.isEnabledFor(logging.DEBUG))
        return None
    return None


_BARE_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:-\d{1,2}/\d{1,2})?|\d+(?:\.\d+)?|\d{1,2}/\d{1,2}")


#: the money figure that sets the currency of a bare amount after it ("Net 20.07 billion" under "Shr 18.83 yen")
#: is at most this many characters before it
_CURRENCY_REACH = 400


def _preceding_currency(span: Span) -> str | None:
    """The currency of the nearest money figure before ``span`` that names one ("profit 245 mln stg against 257
    mln", "Shr 18.83 yen vs 18.73 / Net 20.07 billion"): wire copy writes the currency once and leaves it off
    the figures that follow."""
    doc = span.doc
    default = doc.user_data.get(CURRENCY_KEY) or "USD"
    for ent in reversed(doc.ents):
        if ent.end > span.start or ent.label_ not in ("MONEY", "CARDINAL", "QUANTITY"):
            continue
        if span.start_char - ent.end_char > _CURRENCY_REACH:
            return None
        text = ent.text
        if ent.label_ != "MONEY":  # a figure the NER cut from its currency: "9.8 crowns vs 9.49"
            word = _WORD_AFTER.match(text_of(doc), ent.end_char)
            if word is None or not _currency_noun(word.group(1)):
                continue
            text += word.group(0)
        q = _read_money(doc, text, left_context(ent), default)
        if q is not None and isinstance(q.unit, str):
            return q.unit
    return None


_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z]+)\b")


_CENTS = re.compile(r"\d\s*(?:cents?|cts?|\u00a2)$", re.I)


def _after_cents(span: Span) -> bool:
    """A bare amount without a scale in the sentence of an amount in cents just before it is in cents too."""
    if not re.fullmatch(r"\d{1,3}(?:\.\d{1,2})?", span.text):
        return False
    doc = span.doc
    for ent in reversed(doc.ents):
        if ent.end > span.start or ent.label_ != "MONEY":
            continue
        gap = text_of(doc)[ent.end_char:span.start_char]
        return len(gap) < 80 and "\n" not in gap and ". " not in gap and bool(_CENTS.search(ent.text))
    return False


_FRANCS = re.compile(r"\b(French|Swiss|Belgian|Luxembourg)\s+francs?\b", re.I)
_FRANC_CODES = {"french": "FRF", "swiss": "CHF", "belgian": "BEF", "luxembourg": "LUF"}
#: where a story is placed, for francs and marks it does not name: the country's name, its cities, and the exchange
#: suffix of a Reuters ticker ("<LAMB.BR>" is listed in Brussels, "<SANZ.Z>" in Zurich, "<PEUP.PA>" in Paris);
#: Belgo-Luxembourg figures are in Belgian francs
_PLACES = {
    "BEF": re.compile(r"\bBelgi(?:um|an)\b|\bBelgo-|\bBrussels\b|\bBruxelles\b|\bAntwerp\b|<[A-Z]+[ .]BR>", re.I),
    "CHF": re.compile(r"\bSwi(?:ss|tzerland)\b|\bZurich\b|\bGeneva\b|\bBas(?:le|el)\b|<[A-Z]+[ .][SZ]>", re.I),
    "FRF": re.compile(r"\bFrench\b|\bFrance\b|\bParis\b|<[A-Z]+[ .]PA>", re.I),
    "SEK": re.compile(r"\bSwed(?:en|ish)\b|\bStockholm\b|\bGothenburg\b|<[A-Z]+[ .]ST>", re.I),
    "DKK": re.compile(r"\bDenmark\b|\bDanish\b|\bCopenhagen\b|<[A-Z]+[ .]CO>", re.I),
    "NOK": re.compile(r"\bNorw(?:ay|egian)\b|\bOslo\b|<[A-Z]+[ .]OL>", re.I),
    "ISK": re.compile(r"\bIceland(?:ic)?\b|\bReykjavik\b", re.I),
    "PHP": re.compile(r"\bPhilippines?\b|\bFilipinos?\b|\bManila\b", re.I),
    "MXN": re.compile(r"\bMexic(?:o|an)\b", re.I),
    "CLP": re.compile(r"\bChile(?:an)?\b|\bSantiago\b", re.I),
    "COP": re.compile(r"\bColombian?\b|\bBogota\b", re.I),
    "DDM": re.compile(r"\bEast\s+German(?:y|s)?\b|\bGDR\b", re.I),
    "DEM": re.compile(r"\bWest\s+German(?:y|s)?\b|\bBonn\b|\bBundesbank\b|\bFrankfurt\b|\bFederal\s+Republic\b"
                      r"|\bDeutsche\b|\bD-?marks?\b", re.I),
}
_PLACES_KEY = "claimcheck.places"


def _places(doc: Doc) -> set[str]:
    """The currencies whose country :data:`_PLACES` finds in the story (once per document)."""
    if _PLACES_KEY not in doc.user_data:
        text = text_of(doc)[:200_000]
        doc.user_data[_PLACES_KEY] = [code for code, rx in _PLACES.items() if rx.search(text)]
    return set(doc.user_data[_PLACES_KEY])


#: currency names that several countries share and normalize.money reads only with the country ("Swedish
#: crowns"): a plain one is the currency of the one such country the story is placed in
_SHARED_NAMES = ((re.compile(r"\b(?:crowns?|kronor|kroner|krone|krona|kronur)$", re.I), {"SEK", "DKK", "NOK", "ISK"}),
                 (re.compile(r"\bpesos?$", re.I), {"PHP", "MXN", "CLP", "COP"}))


def _read_money(doc: Doc, text: str, left: str, default: str) -> Quantity | None:
    """``normalize_money``, and for an amount in a currency name several countries share ("133.5 mln crowns" of a
    company listed in Stockholm, "154.7 mln pesos" in a Manila story) that country's currency."""
    q = normalize_money(text, left, default_currency=default)
    if q is not None:
        return q
    for name, codes in _SHARED_NAMES:
        if name.search(text.rstrip()):
            placed = _places(doc) & codes
            if len(placed) == 1:
                return normalize_money(text, left, default_currency=placed.pop(), bare=True)
    return None


#: currencies redenominated since: the code of the new unit -> (the day it began, the code of the old one). A
#: 1987 story's "Mexican pesos" are old pesos (MXP, a thousand to the new MXN of 1 January 1993), a 2001 story's
#: Turkish lira old lira (TRL); an amount in the old unit compared with one in the new would be off by the
#: redenomination's factor (ISO 4217 keeps both codes)
_REDENOMINATED: dict[str, tuple[date, str]] = {
    "MXN": (date(1993, 1, 1), "MXP"), "TRY": (date(2005, 1, 1), "TRL"), "PLN": (date(1995, 1, 1), "PLZ"),
    "RUB": (date(1998, 1, 1), "RUR"), "RON": (date(2005, 7, 1), "ROL"), "ILS": (date(1985, 9, 4), "ILR"),
    "ARS": (date(1992, 1, 1), "ARA"), "GHS": (date(2007, 7, 1), "GHC"), "BGN": (date(1999, 7, 5), "BGL"),
}


def _published(doc: Doc) -> date | None:
    when = doc.user_data.get(PUBLISHED_KEY)
    return when if isinstance(when, date) else None


def dated_currency(q: Quantity | None, published: date | None) -> Quantity | None:
    """``q`` in the currency its story's day had: the old unit's code for a currency redenominated after the
    story was published (see :data:`_REDENOMINATED`); as it is when the day is not known."""
    if q is None or published is None or not isinstance(q.unit, str) or q.unit not in _REDENOMINATED:
        return q
    since, old = _REDENOMINATED[q.unit]
    if published >= since:
        return q
    return Quantity(q.value, old, q.qualifier, q.low, q.high, q.kind)


#: a Canadian story, by its headline (the text's first line): "<TARNWOOD CANADA LTD> YEAR NET", "CANADIAN BOND
#: HOLDINGS RISE", "TORONTO BANK RAISES PRIME", a Toronto ticker
_CANADA_TITLE = re.compile(r"\bCanad(?:a|ian)\b|\bOttawa\b|\bToronto\b|\bMontreal\b|\bVancouver\b|\bCalgary\b"
                           r"|\bAlberta\b|\bOntario\b|\bQuebec\b|<[A-Z.]+\.TO>", re.I)
#: the United States named anywhere, or an international issue, in the story: its dollars may be US ones
_US_PLACE = re.compile(r"\bU\.\s?S\.|\bUnited\s+States\b|\bAmerican?\b|\bWashington\b|\bNew\s+York\b|\bUS\b"
                       r"|\bEuro|\bLuxembourg\b|\bLondon\b")
#: a US mark on the figure itself ("75 U.S. cts", "$40", "US$ 2 mln", "USD 3 mln")
_US_MARK = re.compile(r"U\.?\s?S\.?|\$|\bAmerican\b|\bUSD\b")
_CANADA_KEY = "claimcheck.canadian"


def _canadian(doc: Doc) -> bool:
    """Plain "dlrs" in a Canadian story are Canadian dollars: a story whose headline names Canada (its places, its
    companies, a Toronto ticker) and whose text names no US place and no international issue, as wire copy from the
    Toronto and Ottawa desks writes them ("Revs 120.5 mln vs 101.3 mln" of a company of Canada, a central bank's
    weekly figure) - once per document."""
    if _CANADA_KEY not in doc.user_data:
        text = text_of(doc)[:200_000]
        title = text.split("\n", 1)[0][:300]
        doc.user_data[_CANADA_KEY] = bool(_CANADA_TITLE.search(title)) and not _US_PLACE.search(text)
    return bool(doc.user_data[_CANADA_KEY])


#: a company's Sydney or Hong Kong ticker in the headline ("TARNWOOD MINING <TWMA.S> YEAR NET", "<ORRH.HK>"): its plain
#: dollars are Australian or Hong Kong ones, as the Canadian ones of a Toronto ticker
_LOCAL_TICKER = re.compile(r"<[A-Z0-9]+\.(?P<exchange>S|HK)>")
_TICKER_DOLLARS = {"S": "AUD", "HK": "HKD"}
_LOCAL_KEY = "claimcheck.local_dollar"


def _local_dollar(doc: Doc) -> str | None:
    """The dollar plain "dlrs" mean in a story whose headline carries a Sydney or a Hong Kong ticker and whose text
    names no US place and no international issue (see :func:`_canadian`), once per document; else None."""
    if _LOCAL_KEY not in doc.user_data:
        text = text_of(doc)[:200_000]
        m = _LOCAL_TICKER.search(text.split("\n", 1)[0][:300])
        doc.user_data[_LOCAL_KEY] = _TICKER_DOLLARS[m.group("exchange")] if m and not _US_PLACE.search(text) else None
    local = doc.user_data[_LOCAL_KEY]
    return local if isinstance(local, str) else None


def _story_currency(doc: Doc, text: str, q: Quantity | None) -> Quantity | None:
    """Plain "francs" are French francs and plain "marks" West German ones (see ``normalize.money``) unless the
    story says otherwise: it names only Swiss (Belgian, Luxembourg) francs, or it is placed in one country
    only - Belgium or Switzerland and not France for francs ("6.52 billion francs" of a company listed in
    Brussels), East Germany and not West Germany for marks. Plain dollars of a Canadian story are Canadian ones
    (:func:`_canadian`). A currency redenominated after the story's day is its old unit (:func:`dated_currency`)."""
    if q is None:
        return q
    if q.unit in _REDENOMINATED:
        return dated_currency(q, _published(doc))
    if q.unit == "USD" and not _US_MARK.search(text) and _canadian(doc):
        return Quantity(q.value, "CAD", q.qualifier, q.low, q.high, q.kind)
    if q.unit == "USD" and not _US_MARK.search(text) and (local := _local_dollar(doc)) is not None:
        return Quantity(q.value, local, q.qualifier, q.low, q.high, q.kind)
    if q.unit == "DEM" and not re.search(r"\bGerman\b|\bDeutsche\b|D-|DEM", text, re.I) \
            and _places(doc) & {"DDM", "DEM"} == {"DDM"}:
        return Quantity(q.value, "DDM", q.qualifier, q.low, q.high, q.kind)
    if q.unit != "FRF" or re.search(r"\bFrench\b|FRF", text, re.I):
        return q
    named = {_FRANC_CODES[m.group(1).lower()] for m in _FRANCS.finditer(text_of(doc)[:200_000])}
    if not named:
        named = _places(doc) & {"BEF", "CHF", "FRF"}
    if len(named) == 1 and "FRF" not in named:
        return Quantity(q.value, named.pop(), q.qualifier, q.low, q.high, q.kind)
    return q


#: a results-table line that counts shares: "Avg shrs 5,281,387 vs 3,616,183", "Shares outstanding 12.1 mln"
_SHARE_COUNT_LINE = re.compile(
    r"^[ \t]*(?:(?:avg\.?|average)[ \t]+(?:shrs?|shares)|(?:shrs?|shares)[ \t]+(?:outstanding|out|o/s))\b", re.I)
_IRREGULAR_PLURALS = {"people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot",
                      "head": "head", "staff": "staff", "cattle": "cattle",
                      # nouns in -o with a plural in -oes ("four or five cargoes"; not "shoes", "canoes")
                      "cargoes": "cargo", "embargoes": "embargo", "tomatoes": "tomato", "potatoes": "potato",
                      "vetoes": "veto", "heroes": "hero", "torpedoes": "torpedo", "volcanoes": "volcano",
                      "tornadoes": "tornado", "mosquitoes": "mosquito", "echoes": "echo",
                      # a noun in -s whose plural adds -es ("4,000 contact lenses"; not "licenses", "expenses")
                      "lenses": "lens"}
_SCALE_WORDS = {"mln", "bln", "million", "billion", "thousand", "trillion", "mn", "bn", "k"}
#: what makes the number after "N of its" an amount, not the whole a part is counted of ("0.17 of its 25 cts preferred")
_MONEY_AFTER_WHOLE = {"cts", "ct", "cents", "cent", "dlrs", "dlr", "dollars", "pct", "pence", "p", "stg", "yen",
                      "pound", "pounds"}
_OWNER_WORDS = {"its", "their", "the", "his", "her", "our", "your", "my", "which", "these", "those"}
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")  # "U.S.", "U.K." inside a noun phrase ("1,751 U.S. adults")
#: stop words that modify a counted noun instead of ending its phrase ("eight other employees")
_MODIFIER_STOPS = {"other", "more", "further"}


#: words hyphened to a number that are no counted noun: "400-odd assets", "a five-fold rise", "a 5,000-strong force"
_HYPHENED_NOT_NOUNS = {"odd", "fold", "strong", "plus", "old", "long", "wide", "high", "tall", "deep", "way", "some"}


#: words in -men that are no plurals of -man
_NOT_MEN = {"specimen", "regimen", "abdomen", "hymen", "acumen", "stamen", "albumen", "bitumen", "cyclamen"}
#: a verb in the past tense (not "seed", "feed", "hundred"): no counted noun
_PAST_TENSE = re.compile(r"(?!hundred$)\w{2,}[^e]ed|said|told|sold|paid|made|took|rose|fell|came|went|gave|held|left"
                         r"|bought|built|won|brought")
#: an adverb or a participle right after a figure ("871 mln previously", "14 mln resulting from"): no counted noun
#: when the figure counts more than one (a singular noun in -ly or -ing after "two" is no noun it counts)
_ADVERB_OR_PARTICIPLE = re.compile(r"(?!(?:sterling|shilling|family|supply|assembly|monopoly|italy|july)$)"
                                   r"[a-z]{3,}(?:ly|ing)")


def _plural_like(w: str) -> bool:
    w = w.lower()
    return w in _IRREGULAR_PLURALS or (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))) \
        or (len(w) > 5 and w.endswith("men") and w not in _NOT_MEN)  # "40,000 seamen", "12 businessmen"


_VAGUE_PLURAL = re.compile(r"\b(?:dozens|scores|hundreds|thousands|millions|billions)$", re.I)


#: the words after a model's number in a product's name ("737 Max", "911 Turbo", "14 Pro")
_MODEL_WORDS = {"max", "pro", "plus", "ultra", "mini", "lite", "neo", "turbo"}


def _model_before(t) -> bool:
    """'737' in 'two new 737 Max jets': a model's number, a capitalised name word and a plural noun after it."""
    doc = t.doc
    return (bool(re.fullmatch(r"\d{2,4}", t.text)) and t.i + 2 < len(doc) and doc[t.i + 1].is_title
            and doc[t.i + 1].is_alpha and doc[t.i + 2].is_lower and _plural_like(doc[t.i + 2].text))


def _counted_words(ent: Span) -> tuple[list[str], int] | None:
    """The words of the noun phrase a count counts and the index of its counted noun (see :func:`counted_unit`),
    or None when no word follows."""
    doc = ent.doc
    toks = list(doc[ent.end:min(len(doc), ent.end + 12)])
    if len(toks) >= 2 and toks[0].text == "-" and ent[-1].like_num and not ent[-1].whitespace_ \
            and not toks[0].whitespace_ and toks[1].is_alpha and toks[1].is_lower and not toks[1].is_stop \
            and toks[1].lower_ not in _HYPHENED_NOT_NOUNS and not re.fullmatch(r"\w{2,}[^e]ed", toks[1].lower_) \
            and not (len(toks) > 2 and toks[2].text == "-" and not toks[1].whitespace_):
        return [toks[1].text], 0  # "the 12-member board", "a 300-bed hospital": the number counts the noun it joins
    if toks and toks[0].text == "<":
        # "three <Orrin Aircraft> B-200 jets": wire copy's tag of a company's name, then the model's number, before
        # the counted noun
        close = next((k for k, t in enumerate(toks[:10]) if t.text == ">"), None)
        if close is not None and not any("\n" in t.text_with_ws for t in toks[:close]):
            toks = toks[close + 1:]
            k = 0
            if toks and any(c.isdigit() for c in toks[0].text):
                k = 1
                while k < len(toks) and not toks[k - 1].whitespace_ and (
                        toks[k].text == "-" or any(c.isdigit() for c in toks[k].text)):
                    k += 1
            # a lower-case noun must follow (not a headline's "TRUST 2 <TKR> CLOSES EARLY")
            toks = toks[k:] if k < len(toks) and toks[k].is_lower else []
    words: list[str] = []
    if len(toks) >= 2 and toks[0].lower_ == "of" and _VAGUE_PLURAL.search(ent.text) and toks[1].is_alpha \
            and toks[1].lower_ not in _OWNER_WORDS and not toks[1].is_stop:
        toks = toks[1:]  # "dozens of people", "thousands of job cuts": the plural counts what follows "of"
    partitive = False
    if len(toks) >= 2 and toks[0].lower_ == "of" and toks[1].lower_ in _OWNER_WORDS:
        toks, partitive = toks[2:], True  # "600,000 of the company's common shares"
        if len(toks) >= 3 and toks[0].lower_ == "most" and toks[1].is_alpha:
            # "one of the most gifted and unpredictable attackers": a superlative's "most" (and its "and")
            toks = [toks[1]] + [t for t in toks[2:4] if t.lower_ != "and"] + toks[4:]
    elif len(toks) >= 3 and toks[0].lower_ == "of" and toks[1].is_title and toks[2].text in ("'s", "\u2019s"):
        words.append(toks[1].text)  # "two of Johnson's deputies"
        toks, partitive = toks[3:], True
    if partitive:
        # a part of a whole whose number is written: "12 of Norvale's 30 regional councils", "eight of the 15 member
        # states", "two of the company's five plants" count what follows the whole's number
        if len(toks) >= 4 and toks[0].is_alpha and toks[1].text in ("'s", "\u2019s"):
            toks = toks[2:] if toks[2].like_num else toks
        skip = 2 if len(toks) >= 3 and toks[1].lower_ in _SCALE_WORDS else 1  # "960,000 of its 6.2 mln shares"
        if len(toks) > skip and toks[0].like_num and toks[0].lower_ != "one" and toks[skip].is_alpha \
                and toks[skip].is_lower and toks[skip].lower_ not in _MONEY_AFTER_WHOLE:  # not "0.17 of its 25 cts"
            words, toks = [], toks[skip:]
    glue, owner = False, len(words)
    for k, t in enumerate(toks):
        if "\n" in t.text_with_ws[:-1] or "\n" in t.text:
            break
        if t.text == "-" and words and k > 0 and not toks[k - 1].whitespace_ and not t.whitespace_:
            glue = True  # "two gas-only powertrain options": one word
            continue
        if t.text in ('"', "'", "``", "''", "'s", "\u2019s", "-") or _INITIALS.fullmatch(t.text):
            continue
        if not words and t.lower_ in _SCALE_WORDS:
            continue  # "two mln shares" where the span stopped before the scale word
        if glue and t.is_alpha and t.is_lower and not _plural_like(words[-1]):
            words[-1] += "-" + t.text
            glue = False
            continue
        glue = False
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is not None and nxt.lower_ == "than":
            break  # a comparative, no noun: "40k cheaper than its rivals"
        modifier = t.lower_ in _MODIFIER_STOPS and nxt is not None and nxt.is_alpha and not nxt.is_stop
        if _model_before(t):  # "two new 737 Max jets": a model's number inside the phrase
            modifier = True
        if not modifier and (not t.is_alpha or (t.is_stop and t.is_lower) or t.lower_ in ("vs", "versus")):
            break
        words.append(t.text)
        if len(words) == 4 + owner or t.whitespace_ and "\n" in t.whitespace_:
            break
    # lower case, an acronym, or a product named in camel case ("80 million iPhones", "two eBooks")
    plain = [i for i, w in enumerate(words) if w.islower() or (w.isupper() and len(w) > 2)
             or (w[:1].islower() and w[1:2].isupper() and w.isalpha())]
    plural = next((i for i in plain if _plural_like(words[i])), None)
    if plural is None:  # a capitalised plural when no plain word is one: "eight straight World Cups", "900 Canadians"
        plural = next((i for i, w in enumerate(words) if w.istitle() and _plural_like(w)), None)
    if not plain:
        return (words, plural) if plural is not None else None
    if plural is not None and plural == plain[0] + 1 and _num_value(ent) == 1 and not _plural_like(words[plain[0]]) \
            and not (ent.end < len(doc) and doc[ent.end].lower_ == "of"):
        # one thing is counted in the singular: "one proposal asks ..." ends before the verb
        words, plural = words[:plural], None
        plain = [i for i in plain if i < len(words)]
    if plural is None and _PAST_TENSE.fullmatch(words[plain[-1]].lower()):
        # the verb the count is the subject of: "one dealer said", "287,600 compared with 256,600", "all five
        # predicted": the noun before it, if any
        words, plain = words[:plain[-1]], plain[:-1]
        if not plain:
            return None
    if plural is None and _ADVERB_OR_PARTICIPLE.fullmatch(words[plain[-1]]) and _num_value(ent) not in (None, 1):
        # "rose to 2.3 billion stg from 871 mln previously", "charges of 14 mln resulting from": the word after
        # the figure is no noun it counts
        words, plain = words[:plain[-1]], plain[:-1]
        if not plain:
            return None
    return words, plural if plural is not None else plain[-1]


def counted_unit(ent: Span) -> str | None:
    """The counted noun after a count, singular: "1.2 mln passengers" → "passenger", "556,500 shares of Syncor"
    → "share", "119,800 of its common shares" → "share", "five Spectrayne senior managers" → "manager",
    "850,000 people" → "person", "eight other employees" → "employee", "two of Johnson's deputies" → "deputy",
    "one proposal asks" → "proposal".  The run of words right after the number (up to four, through capitalised
    names, initials such as "U.S." and hyphens, stopping at a stop word, a figure or punctuation) gives its
    first plural, else its last lower-case word; None when no word follows."""
    model = aircraft_counted(ent)
    return model if model is not None else _plain_counted(ent)


def _plain_counted(ent: Span) -> str | None:
    """:func:`counted_unit` from the words alone, an aircraft model not taken for the noun ("two new 737 Max jets"
    → "jet", as a phrase's head)."""
    found = _counted_words(ent)
    if found is None:
        return None
    words, head = found
    return _noun_singular(words[head])


def _noun_singular(word: str) -> str:
    """A noun in the singular, lower case: "seamen" → "seaman", "cargoes" → "cargo", "people" → "person"."""
    from claimcheck.pipeline.context import _singular

    word = word.lower()
    if len(word) > 5 and word.endswith("men") and word not in _NOT_MEN:
        return word[:-3] + "man"
    return _IRREGULAR_PLURALS.get(word) or _singular(word)


def _count_unit(ent: Span) -> str | None:
    """A count's unit: a unit of measure the span stopped before or in ("536 hp", "49.55 HZ", "1 to 1.5 degrees"
    + "Celsius"), else the plural noun a quantity's span ends with ("2,602,000 bushels"), else the counted noun
    after it, else the noun the span ends with ("two mosques")."""

    if _appositive_age(ent):
        return "year of age"
    after = text_of(ent.doc)[ent.end_char:ent.end_char + 40]
    tail = ent[-1] if len(ent) > 1 and ent[-1].is_alpha else None
    measured = (unit_after(" " + tail.text + after) if tail is not None else None) or unit_after(after)
    if not measured and tail is not None and ent.label_ == "QUANTITY" and tail.is_lower \
            and tail.lower_ not in _SCALE_WORDS and _plural_like(tail.text):
        # the span ends in its own plural noun: "2,602,000 bushels including ..." counts bushels, not what follows
        return _noun_singular(tail.text)
    if measured or (noun := counted_unit(ent)):
        return measured or noun
    if tail is not None and ent.label_ == "QUANTITY" and tail.lower_ not in _SCALE_WORDS and (
            tail.is_lower or tail.is_upper and 2 <= len(tail) <= 4):  # "52.9 mln MCF" of gas: mcf
        return _noun_singular(tail.text)
    return None


def _appositive_age(ent: Span) -> bool:
    """'Maddon, 66, has used the downtime', 'Jamie Armstrong, 25, said', 'the senator, 79, announced': a person's
    age between commas, after a name or a noun with its article."""
    doc = ent.doc
    if len(ent) != 1 or not re.fullmatch(r"[1-9]\d?|1[01]\d", ent.text) or ent.start < 2 or ent.end >= len(doc):
        return False
    name = doc[ent.start - 2]
    if doc[ent.start - 1].text != "," or doc[ent.end].text != "," or not name.is_alpha:
        return False
    if name.is_lower:
        return ent.start >= 3 and doc[ent.start - 3].lower_ in ("the", "a", "an", "his", "her", "their", "its")
    return name.is_title and name.ent_type_ in ("PERSON", "")


def counted_phrase(ent: Span) -> str | None:
    """The counted noun with the words that modify it, lower case, the noun singular: "1,100 public housing
    properties" → "public housing property", "96 Liverpool fans" → "liverpool fan", "two of Johnson's deputies"
    → "johnson deputy" (what NewsQuant writes as a count's unit)."""
    from claimcheck.pipeline.context import _singular

    found = _counted_words(ent)
    if found is None:
        return None
    words, head = found
    doc = ent.doc
    after = text_of(doc)[ent.end_char:ent.end_char + 120]
    extra: list[str] = []
    # "one of the best wireless speakers", "the 15 biggest cities": a superlative's plain form, as NewsQuant
    # lemmatises it ("good", "big")
    chosen = re.match(r"\s+of\s+(?:the|its|their|his|her|our|\w+['\u2019]s)\s", after) is not None
    # a participle says what happened to it ("300 recorded songs"), except among the ones ranked ("one of the most
    # gifted attackers")
    modifiers = [_plain_adjective(w.lower()) for w in words[:head] if chosen or not w.lower().endswith("ed")]
    if chosen and head == len(words) - 1:
        # "one of the hottest luxury cars in the world", "one of the largest dinosaurs to ever live": NewsQuant
        # keeps the words of what the superlative ranges over
        over = re.search(rf"(?<![\w-]){re.escape(words[-1])}\s+(?:(?:in|on)\s+(?:the\s+)?"
                         r"(?P<where>(?:[A-Za-z]+\s*){1,3})|to\s+(?:ever\s+)?(?P<verb>[a-z]+))", after)
        if over is not None:
            tail = (over.group("where") or over.group("verb") or "").split()
            tail = tail[:next((i for i, w in enumerate(tail) if w.lower() in _STOPS), len(tail))]
            extra = [w.lower() for w in tail]
    noun = _plain_counted(ent) or words[head].lower()
    last_number = next((i for i in range(len(ent) - 1, -1, -1) if ent[i].like_num), None)
    inner = [t.text.lower() for t in ent[last_number + 1:]
             if t.is_alpha and t.lower_ not in _SCALE_WORDS and t.lower_ not in ("m", "b", "tn", "hundred", "dozen")] \
        if last_number is not None else []
    modifiers = inner + modifiers  # "four FA Cup" + "finals": the name the NER took into the span is the phrase's
    measure = unit_after(" " + words[head])
    if measure is not None and head == len(words) - 1 and not words[head][:1].isupper():
        return unit_name(measure) or measure  # "517 rushing yards": yards, a unit of measure, whatever ran them
    rest = _phrase_after(after, words[-1]) if head == len(words) - 1 else None
    if rest is not None:
        link, more, tail = rest
        # "2.7m digital and physical sales", "5,700 categories of products": the noun phrase goes on
        if link == "of" and _plural_like(words[head]):
            return " ".join(modifiers + [noun] + [_singular(w) for w in more])
        if link == "and" and not _plural_like(words[head]) and tail:
            return " ".join(modifiers + [words[head].lower()] + more + [_IRREGULAR_PLURALS.get(tail, _singular(tail))])
    return " ".join(modifiers + [noun] + extra)


#: superlatives whose plain form is not the word less its ending
_SUPERLATIVES = {"best": "good", "worst": "bad", "largest": "large", "latest": "late", "finest": "fine",
                 "widest": "wide", "safest": "safe", "closest": "close", "rarest": "rare", "wisest": "wise",
                 "cutest": "cute", "purest": "pure", "ripest": "ripe", "bravest": "brave", "simplest": "simple",
                 "noblest": "noble", "gentlest": "gentle", "truest": "true", "freest": "free"}
#: words in -est that are no superlatives
_NOT_SUPERLATIVES = {"interest", "forest", "harvest", "request", "contest", "protest", "honest", "modest", "guest",
                     "invest", "digest", "arrest", "suggest", "manifest", "conquest", "midwest", "northwest",
                     "southwest", "earnest", "tempest", "bequest", "inquest", "unrest", "everest", "budapest",
                     "bucharest", "backrest", "armrest", "pretest", "retest", "behest"}


def _plain_adjective(word: str) -> str:
    """'hottest' → 'hot', 'earliest' → 'early', 'best' → 'good', 'largest' → 'large'; any other word as it is."""
    if word in _SUPERLATIVES:
        return _SUPERLATIVES[word]
    if len(word) < 6 or not word.endswith("est") or word in _NOT_SUPERLATIVES:
        return word
    stem = word[:-3]
    if stem.endswith("i"):
        return stem[:-1] + "y"  # earliest, happiest
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] in "bdgmnpt":
        return stem[:-1]  # hottest, biggest
    return stem


def _phrase_after(after: str, last: str) -> tuple[str, list[str], str | None] | None:
    """What continues a counted noun phrase past its last word ``last``, where :func:`_counted_words` stopped:
    ("of", words, None) for "of" and a bare noun phrase ("categories of products", "snaps of man coverage");
    ("and", modifiers, plural) for "and", more modifiers and a plural ("digital and physical sales"); else None."""
    first = re.search(rf"(?<![\w-]){re.escape(last)}(?![\w-])", after)
    if first is None:
        return None
    m = re.match(r"\s+(?P<link>of|and)\s+(?P<rest>(?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)", after[first.end():])
    if m is None:
        return None
    rest = m.group("rest").split()
    # a stop word or a verb form ends it ("categories of products leaving China")
    rest = rest[:next((i for i, w in enumerate(rest) if w in _STOPS or w.endswith(("ing", "ed"))), len(rest))]
    if not rest:
        return None
    if m.group("link") == "of":
        return "of", rest, None
    plural = next((i for i, w in enumerate(rest) if _plural_like(w)), None)
    return ("and", rest[:plural], rest[plural]) if plural is not None else None


#: words that end a noun phrase after "of" or "and"
_STOPS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "in", "on", "at",
          "for", "to", "from", "by", "with", "and", "or", "of", "as", "is", "are", "was", "were", "be", "been",
          "during", "while", "which", "who", "than", "per", "into", "over", "after", "before"}


def claim_reading(span: Span, published: date | None, *, dayfirst: bool = False) -> Quantity | None:
    """A value span's reading for a claim: :func:`normalize_span`'s, except where the words around a plain number
    make it money, as :func:`mentions_of` reports it ("lost 312,000 crowns" of a story placed in Norway, the NER's span
    without its currency; "a loss of 799,000 or 22 cts a share"): that amount, so a claim and the mention it
    is read from agree."""
    q = normalize_span(span, published, dayfirst=dayfirst)
    if q is None or span.label_ not in ("CARDINAL", "QUANTITY") or q.unit != "count":
        return q
    read = _count_reading(span, _count_unit(span) or q.unit)
    if read is None or read[0] != "MONEY":
        return q
    return dated_currency(read[1], published or _published(span.doc))


def _count_reading(ent: Span, unit: str) -> tuple[str, Quantity, int, str] | None:
    """What the words around a plain count make it, as (label, reading, end, unit): money, a percentage or points
    (:func:`_count_as_other`), else, for a count of nothing named, the unit the figure beside it writes once ("to
    450 mln dlrs from 390 mln", "up from 20.4 mln" after "26.1 mln stg": ``pipeline.elided``); None when neither."""
    read = _count_as_other(ent, unit)
    if read is not None:
        label, q, end = read
        return label, q, end, q.unit
    if unit != "count":
        return None
    elided = elided_reading(ent, ent.doc.user_data.get(CURRENCY_KEY) or "USD", counted_unit)
    if elided is None:
        return None
    label, q, unit = elided
    if label == "MONEY":  # "70 francs vs 65" of a Brussels company: both Belgian
        q = _story_currency(ent.doc, ent.text, q) or q
        unit = q.unit
    return label, q, ent.end_char, unit


def mentions_of(doc: Doc, published: date | None = None, *, dayfirst: bool = False) -> Iterable[Mention]:
    """Every value and name mention of ``doc`` (values normalised where possible).

    A count's unit is its counted noun ("1.2 mln passengers": ``passenger``, see :func:`counted_unit`; "count"
    when no noun follows); a figure on a results-table line that counts shares ("Avg shrs 5,281,387 vs ...") is
    a CARDINAL of ``share``, whatever the table component made of it; a bare figure of a table under a heading
    that gives the unit ("in thousands of tonnes") is read in that unit (:func:`_table_heading_reading`)."""
    from claimcheck.pipeline.tables import heading_blocks

    headed = heading_blocks(text_of(doc))
    for ent in doc.ents:
        if ent.label_ not in CONTRACT_LABELS:
            continue
        label, count_unit = ent.label_, None
        metres = _METRES_THEN_FEET.match(text_of(doc), ent.start_char) if label == "MONEY" else None
        if metres is not None and metres.end("m") == ent.end_char:
            # "the 37m (121ft)-long skeleton": metres, as the feet after them say, not 37 million
            q = normalize_count(metres.group("n") + " metres", "")
            if q is not None:
                yield Mention(label="QUANTITY", text=ent.text, start=ent.start_char, end=ent.end_char,
                              value=q.value, unit=q.unit, qualifier=q.qualifier, low=q.low, high=q.high)
                continue
        if label == "MONEY":
            line_start = text_of(doc).rfind("\n", 0, ent.start_char) + 1
            if _SHARE_COUNT_LINE.match(text_of(doc)[line_start:ent.start_char]):
                label, count_unit = "CARDINAL", "share"
            elif _bare_count(ent):
                label, count_unit = "CARDINAL", counted_unit(ent)
        text, end = ent.text, ent.end_char
        if label != ent.label_:
            q = normalize_count(ent.text, left_context(ent))
            unit = count_unit if q is not None else None
        else:
            q = normalize_span(ent, published, dayfirst=dayfirst) if label in VALUE_LABELS else None
            unit = q.unit if q else None
            if q is not None and label in ("CARDINAL", "QUANTITY") and unit == "count":
                unit = _count_unit(ent) or unit
                read = _count_reading(ent, unit)
                if read is not None:
                    label, q, end, unit = read
                    text = text_of(doc)[ent.start_char:end]
                elif unit == "count":
                    if _index_level(ent):
                        unit = "point"
                    elif (money := _money_before_and(ent)) is not None:
                        label, q, unit = "MONEY", money, money.unit
                    else:
                        unit = _produced_noun(ent) or _subject_noun(ent) or _breakdown_unit(ent) or unit
        if headed and count_unit != "share" and (lent := _table_heading_reading(ent, headed)) is not None:
            label, q, unit = lent  # "in thousands of tonnes" above a table: its bare figures' unit and scale
        if label == "MONEY" and q is not None and unit == q.unit:
            q = dated_currency(q, published or _published(doc))  # every money path, whichever rule read it
            unit = q.unit if q is not None else unit
        yield Mention(
            label=label, text=text, start=ent.start_char, end=end,
            value=q.value if q else None, unit=unit,
            qualifier=q.qualifier if q else None, low=q.low if q else None, high=q.high if q else None,
        )


#: "jeep production declined to 37,207 from 40,586", "truck sales rose to 12,400": what was made or sold, named
#: before the word for the total, is what a bare figure after it counts (not "domestic sales", "year-to-date
#: sales": an adjective, a compound)
_PRODUCED = re.compile(
    r"(?<![\w-])(?P<noun>[a-z]{3,})\s+(?:production|output|sales|exports|imports|shipments|deliveries|registrations)"
    r"\s+(?:(?:rose|fell|declined|increased|decreased|dropped|climbed|jumped|slipped|eased|gained|totalled|totaled"
    r"|reached|were|was|stood)\s+)?(?:at\s+|to\s+)?(?:about\s+|some\s+|nearly\s+|around\s+)?"
    r"(?:\d[\d,.]*,?\s+(?:(?:up|down)\s+)?(?:from|against|versus|vs)\s+)?$")
_NOT_PRODUCED = {"domestic", "total", "industrial", "world", "annual", "monthly", "weekly", "daily", "net", "gross",
                 "overall", "retail", "foreign", "export", "import", "its", "their", "the", "and", "while", "unit",
                 "group", "company", "record", "new", "first", "last", "quarter", "year", "month", "week", "date"}


#: "business failures totalled 812", "applications numbered about 300": the plural subject of a verb of
#: counting is what the bare figure after the verb counts
_TOTALLED = re.compile(r"(?<![\w-])(?P<noun>[a-z]{3,}s)\s+(?:totall?ed|numbered)\s+"
                       r"(?:(?:about|some|nearly|around|almost|just|over|under|roughly|approximately)\s+)?$")


def _subject_noun(ent: Span) -> str | None:
    """The noun :data:`_TOTALLED` finds before a count with no noun of its own, singular; not an amount ("sales
    totalled 450", :data:`claimcheck.pipeline.elided._AGGREGATES`)."""
    from claimcheck.pipeline.elided import _AGGREGATES

    text = text_of(ent.doc)
    m = _TOTALLED.search(text, sentence_start(text, ent.start_char), ent.start_char)
    if m is None or m.end() != ent.start_char or m.group("noun") in _AGGREGATES or not _plural_like(m.group("noun")):
        return None
    return _noun_singular(m.group("noun"))


def _produced_noun(ent: Span) -> str | None:
    """The noun :data:`_PRODUCED` finds before a count with no noun of its own, singular."""

    text = text_of(ent.doc)
    m = _PRODUCED.search(text, sentence_start(text, ent.start_char), ent.start_char)
    if m is None or m.end() != ent.start_char or m.group("noun") in _NOT_PRODUCED \
            or _PAST_TENSE.fullmatch(m.group("noun")):  # (a verb: "Halden said sales totalled 812")
        return None
    return _noun_singular(m.group("noun"))


#: what stands between a money figure and a bare one in millions in the second half of a parallel clause: "and" and
#: the second subject ("exports were 639 mln dlrs and imports 628.3 mln"), or words with a preposition that the
#: second figure repeats ("550 mln will come from the IDA and 850 mln from the World Bank")
_AND_SUBJECT_GAP = re.compile(r",?\s+and\s+[a-z]+\s+")
_AND_PREP_GAP = re.compile(r"[^\d.;:\n]{0,60}?\b(?P<prep>from|to|for|in|by|on|at|with)\b[^\d.;:\n]{0,40}?\band\s+")
_BARE_SCALED = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:mln|bln|billion|million)", re.I)


def _money_before_and(ent: Span) -> Quantity | None:
    """A bare figure in millions with nothing counted after it, in the second half of a parallel clause whose first
    half has a money figure in millions (:data:`_AND_SUBJECT_GAP`, :data:`_AND_PREP_GAP`), is money in that
    figure's currency: "1.4 billion dlrs, of which 550 mln will come from the IDA and 850 mln from the World
    Bank"."""
    doc = ent.doc
    if not _BARE_SCALED.fullmatch(ent.text):
        return None
    before = [e for e in doc.ents if e.end <= ent.start and e.label_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY")]
    if not before or before[-1].label_ != "MONEY" or not _SCALED.search(before[-1].text):
        return None
    other = before[-1]
    prep = _AND_PREP_GAP.fullmatch(text_of(doc), other.end_char, ent.start_char)
    if not (_AND_SUBJECT_GAP.fullmatch(text_of(doc), other.end_char, ent.start_char)
            or prep and re.match(rf"\s+{prep['prep']}\b", text_of(doc)[ent.end_char:ent.end_char + 12])):
        return None
    default = doc.user_data.get(CURRENCY_KEY) or "USD"
    currency = _read_money(doc, other.text, left_context(other), default)
    if currency is None:
        currency = normalize_money(other.text, left_context(other),
                                   default_currency=_preceding_currency(other) or default, bare=True)
    if currency is None or not isinstance(currency.unit, str):
        return None
    return normalize_money(ent.text, left_context(ent), default_currency=currency.unit, bare=True)


#: the parts a total is broken into, after "including" or "of which", each with where it is: "752 working rigs
#: included 17 in inland waters, 74 in offshore waters and 661 on land", "158 vessels, including 50 in port"
_BREAKDOWN_ITEMS = re.compile(r"(?:\d[\d,.]*\s+(?:in|on|at|from|for)\b[^,;.\d]{1,40}?(?:,\s+and\s+|,\s+|\s+and\s+))*$")
_BREAKDOWN = re.compile(r"\b(?:include[sd]?|including|of\s+which|among\s+them)\s+$", re.I)
_PLACED = re.compile(r"\s+(?:in|on|at|from|for)\b")
_NOT_TOTALS = {"year", "month", "week", "day", "hour", "quarter", "time", "count", "point"}


def _breakdown_unit(ent: Span) -> str | None:
    """The unit of the total a bare count is part of (:data:`_BREAKDOWN_ITEMS`): the total's measure ("32,000
    tonnes, including 24,000 for export") or counted noun ("rig"); None when the count is no such part."""
    doc, text = ent.doc, text_of(ent.doc)
    start = sentence_start(text, ent.start_char)
    if not _PLACED.match(text, ent.end_char):
        return None
    items = _BREAKDOWN_ITEMS.search(text, start, ent.start_char)
    head = items.start() if items is not None else ent.start_char
    if not _BREAKDOWN.search(text, start, head):
        return None
    total = next((e for e in reversed(doc.ents) if start <= e.start_char and e.end_char <= head
                  and e.label_ in ("CARDINAL", "QUANTITY")), None)
    if total is None:
        return None
    q = normalize_count(total.text, "")
    unit = q.unit if q is not None and q.unit != "count" else _count_unit(total)
    return unit if unit and unit not in _NOT_TOTALS else None


_METRES_THEN_FEET = re.compile(r"(?P<m>(?P<n>\d{1,4}(?:\.\d+)?)m)\s*\(\s*\d[\d.,]*\s?(?:ft|feet|foot)\b")


#: the day between a share's move and the price it reached: "was down two [today at 23-5/8]"
_DAY_THEN_PRICE = re.compile(r"\s+(?:today|yesterday)\s+(?:at|to)\s+\d")


def _bare_count(ent: Span) -> bool:
    """A MONEY span with no currency of its own, outside a results table, before a counted noun that is no
    currency ("up to one mln of its common shares"): a count the NER took for money."""
    doc = ent.doc
    line_start = text_of(doc).rfind("\n", 0, ent.start_char) + 1
    line_end = text_of(doc).find("\n", ent.end_char)
    from claimcheck.pipeline.tables import is_table_line

    if is_table_line(text_of(doc)[line_start:line_end if line_end >= 0 else len(text_of(doc))]):
        return False
    default = doc.user_data.get(CURRENCY_KEY) or "USD"
    if normalize_money(ent.text, left_context(ent), default_currency=default) is not None:
        return False
    noun = counted_unit(ent)  # not "a 71.6 mln profit", "a 1.60 billion surplus": amounts of money
    if noun in ("today", "yesterday") and _DAY_THEN_PRICE.match(text_of(doc), ent.end_char):
        return False  # a day is no counted noun: "the stock was down two today at 23-5/8" (a move in dollars)
    if noun in _CHANGE_NOUNS and _SCALED.search(ent.text) and _money_just_before(ent):
        return False  # "fell 300 mln stg after a 1.2 billion rise": a change of the money figure before it
    return noun is not None and noun not in _CURRENCY_NOUNS and not (noun in _MONEY_NOUNS and _SCALED.search(ent.text))


#: nouns after a number that make it money ("75 MLN AUST DLRS" where the NER stopped at "MLN")
_CURRENCY_NOUNS = {"dlr", "dollar", "ct", "cent", "stg", "sterling", "mark", "franc", "yen", "guilder", "lira", "lire",
                   "peseta", "schilling", "crown", "rand", "rupee", "riyal", "yuan", "shekel", "ringgit", "rouble",
                   "ruble", "zloty", "baht",  # "finished at 3.23 shekels": a price the NER left as a count
                   # and those of 1980s wire copy ("250,000 ECU", "40 mln escudos"), as counted_unit writes them
                   "ecu", "ecus", "sdr", "escudo", "cruzado", "bolivar", "austral", "forint", "sucre", "inti", "intis",
                   "kwacha", "markka", "markkaa", "rupiah", "naira", "dirham", "punt", "peso", "kronor", "kroner",
                   "krone", "krona"}


def _currency_noun(word: str) -> bool:
    """A currency's name (:data:`_CURRENCY_NOUNS`), singular or plural."""
    from claimcheck.pipeline.context import _singular

    w = word.lower()
    return w in _CURRENCY_NOUNS or _singular(w) in _CURRENCY_NOUNS


#: nouns of a company's or a country's accounts that a figure in millions can count only in money
_MONEY_NOUNS = {"deficit", "surplus", "profit", "loss", "income", "earning", "earnings", "revenue", "turnover", "debt",
                "loan", "credit", "budget", "investment", "writedown", "provision", "dividend"}
_SCALED = re.compile(r"\b(?:mln|bln|billion|million|trillion)\b|\d(?:m|bn)\b", re.I)
#: a noun of a company's accounts and "of" right before a figure in millions ("charges of 14 mln", "a gain of 2.1
#: billion"): an amount of money
_MONEY_OF = re.compile(r"\b(?:charges?|gains?|loss(?:es)?|costs?|provisions?|write-?downs?|write-?offs?|profits?"
                       r"|deficits?|surplus|income|earnings|revenues?|debts?|dividends?|proceeds|payments?|"
                       r"investments?)\s+of\s+(?:(?:about|some|nearly|around|approximately|almost|over|more\s+than"
                       r"|up\s+to|less\s+than)\s+)?$", re.I)
#: nouns of a change that a figure in millions right after a money figure measures in its currency ("fell 300 mln stg
#: after a 1.2 billion rise")
_CHANGE_NOUNS = {"rise", "fall", "increase", "decrease", "decline", "drop", "gain", "jump", "cut", "reduction"}
#: the sides of a price quote: a figure before one is a price ("closed at 162.20 dlrs, down from 163.10 bid")
_QUOTE_SIDES = {"bid", "offer", "asked"}


def _money_just_before(ent: Span) -> bool:
    """The value figure nearest before ``ent`` in its sentence is money."""
    doc = ent.doc
    start = sentence_start(text_of(doc), ent.start_char)
    before = [e for e in doc.ents if start <= e.start_char and e.end <= ent.start
              and e.label_ in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY")]
    return bool(before) and before[-1].label_ == "MONEY"


_PCT_WORDS = re.compile(r"\b(?:pct|percent|per\s+cent)\b|%", re.I)
#: "799,000 or 22 cts a share": a results total followed by its per-share figure is money
_OR_PER_SHARE = re.compile(r"^,?\s+or\s+\S+\s+(?:cts?|cents?|dlrs?|dollars?|p|pence)\b[^.;\n]{0,12}\b(?:a|per)\s+"
                           r"(?:share|shr)\b", re.I)


#: a stock index's points are no percentage points ("the Dow fell 20.54 points, or 0.2%")
_INDEX_WORDS = re.compile(r"\b(?:Dow|DJIA|Nasdaq|FTSE|Footsie|Nikkei|DAX|CAC|Hang\s+Seng|S&P|Standard\s+(?:&|and)\s+"
                          r"Poor's|stock\s+index|share\s+index|industrial\s+average|stock\s+market)\b", re.I)


_LEVEL = re.compile(r"\d{1,2},\d{3}\.\d{1,2}|\d{3,5}\.\d{1,2}")
_INDEX_SENTENCE = re.compile(r"\b(?:index|indices|exchange|blue[\s-]chips?)\b", re.I)


def _index_level(ent: Span) -> bool:
    """'lost 162.31 points, or 2.14%, to fall to 7,425.81', 'Toronto Stock Exchange (16369.03 up 58.06 points)': a
    bare level with decimals in a sentence about an index's points is in points too."""
    if not _LEVEL.fullmatch(ent.text):
        return False
    sentence = sentence_around(text_of(ent.doc), ent.start_char, ent.end_char)
    return bool(re.search(r"\bpoints\b", sentence, re.I)) and bool(
        _INDEX_SENTENCE.search(sentence) or _INDEX_WORDS.search(sentence))


#: a player's or a team's points are no percentage points ("averaged 7.3 points and 3.7 rebounds")
_GAME_WORDS = re.compile(r"\b(?:rebounds?|assists?|steals|touchdowns?|goals?|averag(?:ed|es|ing)|scor(?:ed|es|ing)"
                         r"|per\s+game|the\s+game|season|shooting|points\s+per)\b", re.I)


def _num_value(ent: Span) -> float | None:
    q = normalize_count(ent.text, "")
    return float(q.value) if q is not None and isinstance(q.value, (int, float)) else None


def _count_as_other(ent: Span, unit: str) -> tuple[str, Quantity, int] | None:
    """A count the NER took for a plain number but whose words make it something else: (label, reading, end).

    * money when a currency word follows ("75 MLN AUST DLRS") or when ", or 22 cts a share" follows a total
      ("a loss of 799,000 or 22 cts a share");
    * percentage points when it counts "points" (under 100) in a sentence about percentages ("10 pct of
      seedbeds, 15 points below average"), unless they are a stock index's ("the Dow fell 20.54 points, or
      0.2%") or a player's ("averaged 7.3 points while shooting 47.6%"); "basis points" always are (a hundredth
      each).
    """
    doc = ent.doc
    after = text_of(doc)[ent.end_char:ent.end_char + 60]
    default = doc.user_data.get(CURRENCY_KEY) or "USD"
    if unit in _CURRENCY_NOUNS:
        for k in range(3, -1, -1):  # the longest run of words after the number that reads as money (none:
            # "95 mln pesos", a span the NER took for a quantity with its currency)
            m = re.match(r"(?:[ \t]+[A-Za-z.]+){%d}" % k, after)
            if m is None:
                continue
            words = m.group(0).rstrip(".") if not re.search(r"\b[A-Za-z]\.$", m.group(0)) else m.group(0)
            q = _read_money(doc, ent.text + words, left_context(ent), default)
            if q is not None:
                return "MONEY", _story_currency(doc, ent.text + words, q) or q, ent.end_char + len(words)
        return None
    if _OR_PER_SHARE.match(after):
        q = normalize_money(ent.text, left_context(ent), default_currency=_preceding_currency(ent) or default,
                            bare=True)
        return ("MONEY", q, ent.end_char) if q is not None else None
    if (unit in _CHANGE_NOUNS and _SCALED.search(ent.text) or unit in _QUOTE_SIDES) and _money_just_before(ent) \
            and (currency := _preceding_currency(ent)):
        # "fell 300 mln stg after a 1.2 billion rise", "closed at 162.20 dlrs, down from 163.10 bid": a change or the
        # other side of a quote, in the currency of the money figure just before it in the sentence
        q = normalize_money(ent.text, left_context(ent), default_currency=currency, bare=True)
        return ("MONEY", _story_currency(doc, ent.text, q) or q, ent.end_char) if q is not None else None
    if unit == "count" and _SCALED.search(ent.text) \
            and _MONEY_OF.search(text_of(doc)[max(sentence_start(text_of(doc), ent.start_char), ent.start_char - 40):
                                              ent.start_char]) \
            and (currency := _preceding_currency(ent)):
        # "Year-ago net includes charges of 14 mln resulting from ...": an amount of the story's money
        q = normalize_money(ent.text, left_context(ent), default_currency=currency, bare=True)
        return ("MONEY", _story_currency(doc, ent.text, q) or q, ent.end_char) if q is not None else None
    if unit in _MONEY_NOUNS and _SCALED.search(ent.text) and (currency := _preceding_currency(ent)):
        # "a 527 mln deficit", "a 71.6 mln profit in 1985": an amount of the currency written on the figure before
        q = normalize_money(ent.text, left_context(ent), default_currency=currency, bare=True)
        return ("MONEY", _story_currency(doc, ent.text, q) or q, ent.end_char) if q is not None else None
    basis = re.match(r"\s+basis\s+points?\b", after, re.I)
    if unit == "point" and basis:  # "charge 40 basis points": 0.4 percentage points, whatever the sentence says
        q = normalize_percent(ent.text + " basis points", left_context(ent))
        return ("PERCENT", q, ent.end_char + basis.end()) if q is not None else None
    if unit == "point":
        line_start = sentence_start(text_of(doc), ent.start_char)
        sentence = sentence_around(text_of(doc), ent.start_char, ent.end_char)
        before = text_of(doc)[max(line_start, ent.start_char - 30):ent.start_char]
        index_points = (_INDEX_WORDS.search(sentence) or _GAME_WORDS.search(sentence)
                        or re.match(r"\s+points?,?\s+(?:or|which\s+is)\b", after, re.I)
                        or re.search(r"(?:pct|%)\s+(?:or|which\s+is)\s*$", before, re.I))
        value = _num_value(ent)
        if _PCT_WORDS.search(sentence) and not index_points and value is not None and value < 100:
            m = re.match(r"\s+points?\b", after, re.I)
            q = normalize_percent(ent.text + " percentage points", left_context(ent))
            if q is not None:
                return "PERCENT", q, ent.end_char + (m.end() if m else 0)
    return None


def _table_heading_reading(ent: Span, blocks: list[tuple[int, int, str]]) -> tuple[str, Quantity, str] | None:
    """(label, reading, unit) of a bare figure in a block of table rows under a heading that gives the unit
    (:func:`claimcheck.pipeline.tables.heading_blocks`): "20,398.3" under "in thousand tonnes" is 20,398,300
    tonnes, "38.27" under "in ecus per tonne" 38.27 ECU. Only a figure with no unit
    of its own (none written after it either), not a year, not a number a label takes ("No. 2"); None else."""
    if ent.label_ not in ("CARDINAL", "QUANTITY", "MONEY"):
        return None
    block = next((b for b in blocks if b[0] <= ent.start_char and ent.end_char <= b[1]), None)
    if block is None:
        return None
    from claimcheck.pipeline.tables import lends_to

    doc = ent.doc
    text = text_of(doc)
    if not lends_to(text, ent.start_char, ent.end_char):
        return None
    figure = f"{ent.text.strip().strip('()')} {block[2]}"
    q = normalize_count(figure, "")
    if q is not None and q.unit != "count":
        return "QUANTITY", q, q.unit
    if q is not None:  # "(000 bags)": a count of the heading's noun
        return "CARDINAL", q, _noun_singular(block[2].split()[-1])
    money = _read_money(doc, figure, "", doc.user_data.get(CURRENCY_KEY) or "USD")
    if money is None:
        return None
    money = _story_currency(doc, figure, money) or money
    return "MONEY", money, money.unit
