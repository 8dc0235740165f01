"""Newswire results tables: ``Net 4.5 mln vs 3.2 mln``, ``Revs 456.7 mln vs 401.2 mln``.

Wire services print company results as label-and-figures lines under a headline that names the company and
the period ("DUNE RESOURCES LTD <DNLAF> 4TH QTR NET"; sections "Year", "Nine mths" follow). The figures are
bare numbers whose meaning is the line's label, and nothing in a sentence parse links them to the company,
so neither the rule linker nor the trained one reads them (Reuters-21578 claim F1 0.11 on real-test, where
~70% of the gold claims of the Reuters dev articles sit on such lines). The component here reads the lines
directly, as `corpus/GUIDELINES.md` ("Newswire") annotates them:

* a line is a table line when a short label (at most four words) is followed by figures separated by
  ``vs``; on such lines this component decides alone: the drafts the linker made there are dropped;
* ``Net``, ``Oper net``, ``Group net``, ``Pretax``, ``Net profit`` … are ``profit`` (``loss`` when the
  label or the figure says "loss", or the figure before it on the line does and it says nothing itself;
  ``scope=operating`` on an "Oper"/"Operating" line, as GUIDELINES scopes operating profit);
  ``Revs``, ``Sales``, ``Turnover`` … are ``revenue``; every other label (``Shr``, ``Avg shrs``, ``Assets``,
  ``Qtly div``, notes such as "Net includes …") states no claim;
* the subject is the company of the headline (the text before the ``<TICKER>``, or the headline without its
  trailing period and results words);
* the first figure is the period of its section (the headline's "4TH QTR"/"YEAR", or a section line such
  as "Nine mths"), the figure after ``vs`` the same period a year earlier; the year is the last one in
  which such a period ended before the story's date (a 4th-quarter table dated February 1987 is
  ``1986-Q4``, its ``vs`` figure ``1985-Q4``).

Each figure becomes a MONEY entity (replacing what NER made of it) and a claim draft.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is only needed by the component; ingest uses the line patterns without it
    from spacy.tokens import Doc, Span

PROFIT_LABELS = {
    "net", "oper net", "opr net", "operating net", "group net", "net profit", "net income", "net earnings",
    "net after tax", "net after taxes", "pretax", "pre-tax", "pretax net", "pretax profit", "pre-tax profit",
    "profit", "oper profit", "operating profit", "oper", "operating", "net loss", "loss", "oper loss",
    "operating loss", "oper net loss", "group net profit", "net attributable",
    "current",  # a Japanese company's current (recurring pre-tax) profit: "Current 4.12 billion vs 15.02 billion"
}
REVENUE_LABELS = {
    "revs", "rev", "revenue", "revenues", "sales", "net sales", "turnover", "total revenues", "total revs",
    "oper revs", "operating revenues", "group turnover", "gross revenues", "total sales",
}
#: a table line's label: at most four words, then the figures
_LABEL = r"(?P<label>[A-Za-z][A-Za-z&/.'-]*(?: [A-Za-z&/.'-]+){0,3}?)[ \t]+"
#: a label of at most four words, then figures, with "vs" between them
TABLE_LINE = re.compile(
    r"^" + _LABEL
    + r"(?P<values>(?:(?:profit|loss)[ \t]+)?(?:\d|(?:nil|one|two|three|four|five|six|seven|eight|nine|ten)\b)"
    r"[^\n]*?\bvs\.?[ \t][^\n]*)$",
    re.M | re.I,
)
#: a results line with one figure and no comparison ("Net loss 118.2 mln", "Revs 43.6 mln" of a company formed
#: within the year): read only when its label names a result and the rest is exactly one figure
SINGLE_LINE = re.compile(
    r"^(?![^\n]*\bvs\b)" + _LABEL
    + r"(?P<values>(?:(?:profit|loss)[ \t]+)?\d[\d,.]*(?:[ \t]+[A-Za-z.]+){0,3})[ \t]*$",
    re.M | re.I,
)
CURRENCY_WORDS = (r"dlrs|dollars|cts|stg|pounds|marks|francs|yen|guilders|lire|pesos|crowns|kronor|kroner|"
                  r"rand|rupees|ringgit|schillings|shillings|pesetas|escudos|drachmas|baht|won|yuan|riyals|dinars|"
                  r"bolivars|forints|cruzados|australs|sucres|intis|kwacha|punts")
#: the country written before a currency word on a table line ("Shr 3.25 H.K. Dlrs vs 1.40")
CURRENCY_COUNTRY = (r"H\.K\.|Hong[ \t]+Kong|U\.S\.|Canadian|Can|Australian|Aust\.?|N\.Z\.|New[ \t]+Zealand|Singapore|"
                    r"Malaysian|Taiwan|Swiss|French|Belgian|Saudi|Kuwaiti|Swedish|Danish|Norwegian|Finnish")
#: one figure: an optional profit/loss word, the number with its scale and currency words
FIGURE = re.compile(
    r"(?:(?P<sign>profit|loss)[ \t]+)?"
    r"(?P<num>(?:(?:[A-Z]{1,3}\$|\$|£)?\d[\d,]*(?:\.\d+)?(?:-\d+/\d+)?|(?:one|two|three|four|five|six|seven|eight|"
    r"nine|ten)(?=[ \t]+(?:mln|bln|billion|million|trillion)\b))"
    r"(?:[ \t]+(?:mln|bln|billion|million|trillion))?"
    r"(?:[ \t]+(?:(?:" + CURRENCY_COUNTRY + r")[ \t]+)?(?:" + CURRENCY_WORDS + r")\b)?)",
    re.I,
)
_SEPARATOR = re.compile(r"[ \t]+vs\.?[ \t]+", re.I)
_QUARTER = re.compile(r"\b(?P<n>1ST|2ND|3RD|4TH|FIRST|SECOND|THIRD|FOURTH)[ \t]+(?:QTR|QUARTER)\b", re.I)
_NINE = re.compile(r"\b(?:NINE|9)[ \t]+(?:MTHS|MONTHS)\b", re.I)
_SIX = re.compile(r"\b(?:SIX|6)[ \t]+(?:MTHS|MONTHS)\b|\b(?:1ST|FIRST)[ \t]+HALF\b|\bHALF[- ]YEAR\b", re.I)
_YEAR = re.compile(r"\b(?:YEAR|YR|FISCAL)\b", re.I)
_ORDINAL = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4}
#: words after the company name in a results headline
_HEADLINE_TAIL = re.compile(
    r"[ \t]+(?:\(.*|(?:(?:19|20)\d\d|1ST|2ND|3RD|4TH|FIRST|SECOND|THIRD|FOURTH|NINE|SIX|9|6|QTR|QUARTER|YEAR|YR|FISCAL|"
    r"HALF|MTHS|MONTHS|NET|LOSS|LOSSES|PROFIT|PROFITS|EARNINGS|RESULTS|SALES|REVS|REVENUES|SHR|OPER|"
    r"DIVIDEND|DIV|SETS|RAISES|CUTS|REPORTS|POSTS|HAS|SEES|INCREASES|DECLINES|RISES|FALLS|UP|DOWN)\b.*)$",
)


def _period(text: str) -> tuple[str, int] | None:
    """(kind, quarter) of a period phrase: ("Q", n), ("9M", 9), ("H1", 6), ("Y", 12), or None."""
    if m := _QUARTER.search(text):
        return "Q", _ORDINAL[m["n"].lower()]
    if _NINE.search(text):
        return "9M", 9
    if _SIX.search(text):
        return "H1", 6
    if _YEAR.search(text):
        return "Y", 12
    return None


def period_label(kind: tuple[str, int] | None, published: date | None, years_back: int = 0) -> str | None:
    """The period string (``1986-Q4``, ``1986-9M``, ``1986-H1``, ``1986``) of the last period of ``kind`` that
    ended before ``published``, ``years_back`` years earlier; None without a kind. Without a date the period
    is named relative to the table ("Q4", "Q4 a year earlier"), so the two columns still never meet."""
    if kind is None:
        return None
    name, n = kind
    if published is None:
        base = {"Q": f"Q{n}", "9M": "9M", "H1": "H1", "Y": "year"}[name]
        return base + (" a year earlier" if years_back else "")
    end_month = 3 * n if name == "Q" else n
    year = published.year if end_month < published.month else published.year - 1
    year -= years_back
    return {"Q": f"{year}-Q{n}", "9M": f"{year}-9M", "H1": f"{year}-H1", "Y": f"{year}"}[name]


#: the wire's mark of a story sent again, before its headline: "CORRECTED - ", "(CORRECTED)-", "<CORRECTED> - ",
#: "RPT - "
REISSUED = re.compile(r"^[(<]?(?:CORRECTED|CORRECTION|REFILE|RPT|REPEAT)[)>]?\s*-\s*")


def headline_company(doc_text: str) -> str | None:
    """The company a results headline names: the text before ``<TICKER>``, the name in brackets that opens it
    (the wire's mark of an unlisted company), else the headline without its trailing period and results words;
    None for a headline in ordinary case (not a wire results headline)."""
    first = doc_text.split("\n", 1)[0].strip()  # a headline, or a text whose first line is one
    if not first or first != first.upper() or not re.search(r"[A-Z]", first):
        return None
    first = REISSUED.sub("", first)  # "CORRECTED - KESTREL FOODS <KSF> …": the wire's mark of a reissue
    bracketed = re.match(r"<([^<>]+)>", first)
    if bracketed and not re.fullmatch(r"[A-Z0-9.]{1,6}", bracketed.group(1)):
        name = bracketed.group(1).strip()  # "<DUNMORE DATA INC> YEAR NET": an unlisted company's name
    elif "<" in first:
        name = first.split("<", 1)[0].strip()
    else:
        name = _HEADLINE_TAIL.sub("", first).strip()
    name = name.strip(" ,;:-")
    return name or None


#: words that make a label about something else than the company's results ("Shr", "Net interest income", "Tax")
_NOT_RESULTS = {"shr", "shrs", "share", "shares", "per", "div", "dividend", "dividends", "interest", "tax", "taxes",
                "avg", "note", "includes", "included", "extraordinary", "minority", "cost", "costs", "charge",
                "charges", "provision", "provisions", "assets", "loans", "deposits", "credit", "surplus"}
_REVENUE_WORDS = {"revs", "rev", "revenue", "revenues", "sales", "turnover"}
_PROFIT_TAILS = ("net profit", "operating profit", "oper profit", "pretax profit", "pre-tax profit", "net income",
                 "net earnings", "net loss", "operating loss", "oper loss")


#: a table line of operating results ("Oper net", "Operating profit", "Oper shr loss" states no claim anyway)
_OPERATING = re.compile(r"[ \t]*(?:oper|operating)\b", re.IGNORECASE)


def _attribute(label: str) -> str | None:
    """What a table line's label states: the known labels, else a label that names revenue ("Total revenue",
    "Turnover net of duties") or ends in a profit label ("Parent bank net profit", "Partial operating profit",
    "Net profit before minorities"), none of whose words is about shares, dividends, interest or tax."""
    key = " ".join(label.lower().split())
    if key in REVENUE_LABELS:
        return "revenue"
    if key in PROFIT_LABELS:
        return "loss" if "loss" in key.split() else "profit"
    words = key.split()
    if set(words) & _NOT_RESULTS:
        return None
    if set(words) & _REVENUE_WORDS:
        return "revenue"
    if any(key.endswith(" " + t) or key.startswith(t + " ") for t in _PROFIT_TAILS) \
            or (words[-1] == "net" and len(words) <= 3):
        return "loss" if "loss" in words else "profit"
    return None


def table_figures(doc_text: str, lines: list[re.Match[str]] | None = None,
                  ) -> list[tuple[int, int, int, int, str | None, int]]:
    """Every table line of a text (or the ``lines`` already matched by :data:`TABLE_LINE`) as (line start, line
    end, figure start, figure end, attribute, column), one row per figure; ``attribute`` None on lines that
    state no claim; column 0 is the current period."""
    out = []
    for m in TABLE_LINE.finditer(doc_text) if lines is None else lines:
        attribute = _attribute(m["label"])
        if attribute is None and re.match(r"(?:profit|loss)\b", m["values"], re.I):
            # "Partial operating profit 141.3 mln": the label's last word was read as the figure's sign
            attribute = _attribute(f"{m['label']} {m['values'].split()[0]}")
        values_start = m.start("values")
        pieces = _SEPARATOR.split(m["values"])
        offset = values_start
        sign = ""
        for column, piece in enumerate(pieces):
            f = FIGURE.match(piece.strip())
            lead = len(piece) - len(piece.lstrip())
            start = offset + lead
            if f:
                # "Net loss 17.4 mln vs 23.8 mln": a figure without its own word keeps the one before it
                sign = (f["sign"] or "").lower() or sign
                attr = attribute
                if attr in ("profit", "loss") and sign:
                    attr = sign
                out.append((m.start(), m.end(), start + f.start("num"), start + f.end("num"), attr, column))
            sep = _SEPARATOR.search(doc_text, offset + len(piece), m.end())
            offset = sep.end() if sep else m.end()
    return out


class ResultsTables:
    """The spaCy component (``claimcheck_tables_v1``); runs after the claim component."""

    def __call__(self, doc: Doc) -> Doc:
        from claimcheck.pipeline.claims import ClaimDraft
        from claimcheck.pipeline.mentions import DAYFIRST_KEY, PUBLISHED_KEY, TITLE_KEY, normalize_span

        from claimcheck.pipeline.spans import text_of

        text = text_of(doc)  # Doc.text joins every token on each read
        matches = sorted(list(TABLE_LINE.finditer(text)) + _single_lines(text), key=lambda m: m.start())
        if not matches:
            return doc
        lines = [(m.start(), m.end()) for m in matches]
        rows = table_figures(text, matches)
        # the headline: the document's title when ingest took it off the text, else the text's first line
        headline = doc.user_data.get(TITLE_KEY) or text.split("\n", 1)[0]
        company = headline_company(headline)
        published = doc.user_data.get(PUBLISHED_KEY)
        dayfirst = bool(doc.user_data.get(DAYFIRST_KEY, False))
        sections = _section_periods(text, lines, headline)
        new_spans: list[tuple[Span, str | None, int, tuple[int, int]]] = []
        for line_start, line_end, start, end, attribute, column in rows:
            span = doc.char_span(start, end, label="MONEY", alignment_mode="contract")
            if span is None or not len(span) or any(s.start < span.end and span.start < s.end for s, *_ in new_spans):
                continue  # a figure two line patterns both read is taken once
            new_spans.append((span, attribute, column, (line_start, line_end)))
        taken = [s for s, *_ in new_spans]
        if taken:
            kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in taken)]
            doc.ents = sorted(kept + taken, key=lambda e: e.start)
        drafts = [d for d in (doc._.claims or [])
                  if not any(a <= d.span.start_char < b for a, b in lines)]
        if company:
            for span, attribute, column, line in new_spans:
                if attribute is None:
                    continue
                quantity = normalize_span(span, published, dayfirst=dayfirst)
                if quantity is None:
                    continue
                kind = sections.get(line)
                # "Oper net 1.2 mln vs 0.9 mln": operating profit is scoped (GUIDELINES), so a rewrite's "Net"
                # line, after items the note lists, is another figure, not a conflicting one
                scope = "operating" if attribute in ("profit", "loss") and _OPERATING.match(text, line[0]) else None
                drafts.append(ClaimDraft(subject_text=company, attribute=attribute, quantity=quantity, span=span,
                                         period=period_label(kind, published, years_back=min(column, 1)),
                                         scope=scope, confidence=0.9))
        doc._.claims = sorted(drafts, key=lambda d: d.span.start_char)
        return doc


def _single_lines(text: str) -> list[re.Match[str]]:
    """The :data:`SINGLE_LINE` matches whose label names a result and whose figure is the whole rest of the line."""
    out = []
    for m in SINGLE_LINE.finditer(text):
        if _attribute(m["label"]) is None:
            continue
        f = FIGURE.fullmatch(m["values"].strip())
        if f is not None and f["num"][:1].isdigit():
            out.append(m)
    return out


def _section_periods(text: str, lines: list[tuple[int, int]],
                     headline: str) -> dict[tuple[int, int], tuple[str, int] | None]:
    """The period each table line falls under: the nearest period phrase on a non-table line above it
    (a section line such as "Nine mths"), else the headline's."""
    current = _period(headline)
    out = {}
    pos = len(headline) if text.startswith(headline) else 0
    for start, end in lines:
        for between in text[pos:start].split("\n"):
            if is_section_line(between):  # the same test ingest uses to keep such headings
                current = _period(between)
        out[(start, end)] = current
        pos = end
    return out


def is_table_line(line: str) -> bool:
    """A results-table line ("Net 4.5 mln vs 3.2 mln", "Shr 32 cts vs 28 cts", a result with one figure: "Net loss
    118.2 mln")."""
    return bool(TABLE_LINE.fullmatch(line.strip()) or _single_lines(line.strip()))


def is_section_line(line: str) -> bool:
    """A results-table section heading ("Year", "Nine mths", "4th qtr", "Six mths to June"): a line of at most
    four words naming a period, not a sentence."""
    words = line.strip().split()
    return 0 < len(words) <= 4 and _period(line) is not None and not re.search(r"[.!?]$", line.strip())


# --- statistical tables with the unit written once in a heading (claimcheck issue 15) -------------------------
#
# USDA and EC tables on the wire write the unit and scale once, in a heading ("in thousands of tonnes", "in mln
# tonnes --", "(000 bags)", "in ecus per tonne") and then bare figures in columns,
# often with the line breaks of the rows lost. :func:`heading_blocks` finds each such heading and the run of
# table rows after it; the mention layer lends the heading's unit and scale to the bare figures there.

_SCALE = r"(?P<scale>thousands?(?:\s+of)?|'?000(?:'?s)?|1,000|mln|millions?(?:\s+of)?|bln|billions?(?:\s+of)?)"
_MEASURES = (r"(?:metric\s+|short\s+|long\s+)?(?:tonnes|tons|tonne|ton)(?:\s+raw\s+value)?"
             r"|(?:60|50|69|70)-(?:kg|kilo)s?\s+bags|bags|bales|barrels|bushels|hectares|acres|kilos|kilograms|(?:troy\s+)?ounces|hectolitres"
             r"|litres|liters|head|units|cubic\s+metres|lbs")
_MONEYS = (r"(?:U\.S\.\s+)?(?:dlrs|dollars)|stg|sterling|yen|marks|francs|guilders|lire|ecus?|ECUs?"
           r"|european\s+currency\s+units?(?:\s*\(ecus?\))?|cts|cents")
_PER = r"(?:\s+(?:per|a)\s+(?:100\s+|one\s+)?(?:kilos?|kg|tonnes?|tons?|bushels?|lbs?|pounds?|barrels?|ounces?|bags?))?"
_UNIT = rf"(?:(?P<measure>{_MEASURES})|(?P<money>{_MONEYS}){_PER})"
#: "in thousands of tonnes", "in mln tonnes", "in ECUs per tonne", closing its clause (a comma, a colon, "--", a
#: full stop, a bracket or the line's end after it: "in thousand tonnes, unless stated --", "in tonnes are:")
_HEADING_IN = re.compile(rf"(?<![\w.,])in\s+(?:{_SCALE}\s+)?{_UNIT}"
                         r"(?=(?:\s+(?:were|are|was|is|as\s+follows))?\s*(?:[,.:;)]|--|-\s|\n|$))", re.I)
#: "(000 bags)", "(in thousands of tonnes)", "('000 tonnes)", "(mln dlrs)": a bracket holding only the unit
_HEADING_BRACKET = re.compile(rf"\(\s*(?:in\s+)?(?:{_SCALE}\s+)?{_UNIT}\s*\)", re.I)
_SCALE_WORD = {"thousand": "thousand", "000": "thousand", "1,000": "thousand", "mln": "mln", "million": "mln",
               "bln": "billion", "billion": "billion"}
#: a figure of a row: digits not part of a date ("4/2/87") or a season ("1986/87"), or "nil"
_ROW_NUMBER = re.compile(r"(?<![\w/.-])\(?-?\d[\d,]*(?:\.\d+)?\)?(?![\w/]|\.\d)|\bnil\b", re.I)
_ROW_WORD = re.compile(r"[A-Za-z][A-Za-z'.-]*")
_ROW_YEAR = re.compile(r"\(?(?:19|20)\d\d\)?")
_LEAD_IN = re.compile(r"(?::|--|,|\bas\s+follows)\s*$", re.I)


def _heading_unit(m: re.Match[str]) -> str:
    """The words a bare figure under the heading is read with: "thousand tonnes", "mln dlrs", "ECU", "thousand bags"."""
    scale = ""
    if m["scale"]:
        key = re.sub(r"[^a-z0-9,]", "", m["scale"].lower().split()[0]).rstrip("s")
        scale = _SCALE_WORD.get(key, _SCALE_WORD.get(key.rstrip("s"), ""))
    if m["measure"]:
        unit = " ".join(m["measure"].split())
        unit = re.sub(r"^\d+-(?:kg|kilo)s?\s+", "", unit, flags=re.I)  # "60-kg bags": bags
        unit = re.sub(r"\s+raw\s+value$", "", unit, flags=re.I)
    else:
        unit = " ".join(m["money"].split())
        if re.match(r"(?:european|ecu)", unit, re.I):
            unit = "ECU"
    return f"{scale} {unit}".strip()


def _segment_kind(seg: str) -> tuple[str, int]:
    """('row' | 'label' | 'prose' | 'blank', figures) of one line (or what is left of it) below a heading."""
    if not seg.strip():
        return "blank", 0
    figures = sum(1 for n in _ROW_NUMBER.findall(seg) if not _ROW_YEAR.fullmatch(n))
    words = len(_ROW_WORD.findall(seg)) - len(re.findall(r"\bnil\b", seg, re.I))
    if figures >= 2 and (words <= 8 or figures >= 0.3 * (figures + words)):
        return "row", figures
    if figures == 1 and words <= 4 and not seg.rstrip().endswith("."):
        return "row", figures
    if figures == 0 and (words <= 8 or _LEAD_IN.search(seg)):
        return "label", 0
    if _LEAD_IN.search(seg) and not re.search(r"\.\s", seg):
        return "label", 0
    return "prose", figures


#: a bracket of words after a row's label that gives a unit the headings here do not read ("Yield (bu)", "Supply (mln
#: cwts)"): the rows after it are in that unit, so the block ends there ("(nil)", "(cont.)" are no unit)
_OTHER_UNIT = re.compile(r"\((?!(?:nil|cont\.?|n/?a|est\.?|revised|unavailable)\))[A-Za-z][A-Za-z .'/-]{0,25}\)", re.I)
#: words before a heading in its sentence that make the heading hold for some rows only ("All in tonnes except
#: copper, which is in lbs", "in mln bushels, except rye, which is in tonnes")
_EXCEPT = re.compile(r"\bexcept\b(?!\s+(?:as|where)\s+noted)|\bother\s+than\b", re.I)


def _sentence_before(text: str, pos: int) -> str:
    start = max(text.rfind("\n", 0, pos), text.rfind(". ", 0, pos), text.rfind("--", 0, pos)) + 1
    return text[start:pos]


def heading_blocks(text: str) -> list[tuple[int, int, str]]:
    """(start, end, unit words) of each block of table rows under a heading that gives their unit: from the end of
    the heading to the end of the last row before prose (or the next heading). A block needs two rows of two
    figures or more, or one line of four or more (a table whose line breaks were lost)."""
    heads = sorted([*_HEADING_IN.finditer(text), *_HEADING_BRACKET.finditer(text)], key=lambda m: m.start())
    out: list[tuple[int, int, str]] = []
    for i, m in enumerate(heads):
        if out and m.start() < out[-1][1]:
            continue  # the same heading matched twice, or a heading inside the block before (it starts its own)
        if re.search(r"\d[\d,.]*\s*$", text[max(0, m.start() - 12):m.start()]) and m.group(0).startswith("("):
            continue  # "500 (tonnes)": a figure's own unit, not a heading
        before = _sentence_before(text, m.start())
        after = re.match(r"[^\n:]*?(?=\.\s|--|:|\n|$)", text[m.end():m.end() + 300])
        if m.group(0).lower().startswith("in") and (_EXCEPT.search(before) or _HEADING_IN.search(before)
                                                     or (after and _HEADING_IN.search(after.group(0)))):
            continue  # two units in one sentence, or one "except" some rows: which rows are in which is not read
        limit = next((h.start() for h in heads[i + 1:] if h.start() >= m.end()), len(text))
        other = next((o.start() for o in _OTHER_UNIT.finditer(text, m.end(), limit)
                      if not _HEADING_BRACKET.fullmatch(o.group(0))), None)
        limit = other if other is not None else limit
        pos, end, rows, wide = m.end(), None, 0, False
        while pos < limit:
            nl = text.find("\n", pos, limit)
            seg_end = nl if nl >= 0 else limit
            kind, figures = _segment_kind(text[pos:seg_end])
            if kind == "prose":
                break
            if kind == "row":
                end = seg_end
                rows += figures >= 2
                wide = wide or figures >= 4
            pos = seg_end + 1
        if end is not None and (rows >= 2 or wide):
            out.append((m.end(), end, _heading_unit(m)))
    return out


#: words of a row's label that make its figures no amount in the heading's unit: a price, a yield, a rate or a
#: share ("Avg Price 4.60-4.80 5.05", "Yield (bu) 119.3", "Yld (tonnes) 2.48"), or a footnote's mark on the label
#: ("Sorghum-x" under "x - mln cwts")
_NOT_AMOUNT_LABEL = re.compile(r"\b(?:price|prices|yield|yld|rate|rates|pct|percent|ratio|index|avg|average|per)\b"
                               r"|[A-Za-z]-[A-Za-z]\b\s*$", re.I)
#: what may stand between a row's label and one of its figures: the row's other figures, "nil", "--", "N.A."
_ROW_FILL = re.compile(r"(?:\s|--+|\(?-?\d[\d,]*(?:\.\d+)?\)?(?:-[a-zA-Z]\b)?|\(?nil\)?|n\.a\.|n/a|,)*$", re.I)


def row_label(text: str, start: int) -> str:
    """The label of the row a table figure at ``start`` is on: the words before it, past the row's other figures
    ("Production   2.52   [2.51]": "Production"); at most 40 characters, on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 200):start]
    fill = _ROW_FILL.search(before)
    head = before[:fill.start()] if fill else before
    words = re.findall(r"[A-Za-z][A-Za-z./()'-]*(?:[ \t]+[A-Za-z(][A-Za-z./()'-]*){0,3}\s*$", head[-40:])
    return words[-1].strip() if words else ""


#: a figure written bare in a table's column, in brackets or not ("(4,161.0)": last season's)
_BARE_FIGURE = re.compile(r"\(?\d[\d,]*(?:\.\d+)?\)?")
#: what after a bare figure is its own unit or makes it no table figure ("12.5 mln", "4 pct", "3-year"), or a
#: footnote's mark that may give it another unit ("2,400-x"; "-r", revised, does not)
_OWN_UNIT_AFTER = re.compile(
    r"(?:[%$/]|-(?![rR]\b)|\s*(?:pct|percent|per\s*cent|cts|cents?|dlrs?|dollars?|stg|yen|marks|francs|tonnes?"
    r"|tons?|bags?|bales?|barrels?|bushels?|kilos?|kg|lbs?|ounces?|hectares?|acres?|points?|pts|mln|bln|billion"
    r"|million|thousand|times|months?|mths?|years?|yrs?|weeks?|days?|shares?|shrs?)\b)", re.I)
#: a row or column label that takes a number ("No. 2", "grade 3", "Article 4")
_LABEL_BEFORE = re.compile(r"(?:\bno\.?|\bnumber|\bgrade|\bclass|\barticle|\bchapter|\bsection|\bregion|#|\btype"
                           r"|\bmodel|\bphase|\bweek|\bday)\s*$", re.I)


def lends_to(text: str, start: int, end: int) -> bool:
    """Whether a figure at ``start``-``end`` of a headed block takes the heading's unit: only a bare figure with no
    unit of its own (none written after it either), not a year, not a number a label takes ("No. 2"); not on a
    row of prices, yields or rates, nor on a row whose label carries a footnote's mark; not a small whole number
    written before a word, as a grade or a row's number is ("1 DNS WHEAT")."""
    raw = text[start:end].strip()
    if not _BARE_FIGURE.fullmatch(raw) or _ROW_YEAR.fullmatch(raw):
        return False
    if _OWN_UNIT_AFTER.match(text, end) or _LABEL_BEFORE.search(text[max(0, start - 12):start]):
        return False
    if _NOT_AMOUNT_LABEL.search(row_label(text, start)):
        return False
    return not re.match(r"\d\.?$", text[start:end]) or not re.match(r" [A-Za-z]", text[end:end + 2])
