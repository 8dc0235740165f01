"""Fuzzing targets shared by ``test_fuzz.py`` (CI: a few hundred inputs each) and
``benchmarks/fuzz.py`` (the long run: many more).

A *target* is one public entry point, a strategy for its input and a property: it may raise only
its documented error type (readers and ``to_document``: :class:`~claimcheck.errors.InputError`;
normalisers, the boilerplate stripper and the HTML metadata reader: nothing at all — the
implementation is called, not the ``total``/``try`` safety net around it), returns what it
documents, and each call ends in bounded time (hypothesis ``deadline`` in the tests; a watchdog
here turns a hang into a failure instead of a stuck run).

:data:`COUNTS` counts the inputs each target was called with (the long run prints it).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import tempfile
import threading
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from claimcheck.errors import InputError

#: inputs each target was called with, by target name
COUNTS: Counter[str] = Counter()

#: one call longer than this (seconds) is a hang: a failure, not a slow input
HANG_SECONDS = float(os.environ.get("CLAIMCHECK_FUZZ_HANG_SECONDS", "30"))


def fuzz_settings(examples: int) -> settings:
    """Settings of one fuzz test: ``examples`` inputs (times ``CLAIMCHECK_FUZZ_SCALE`` for the long
    run), reproducible (derandomized, no example database), 2 s per call (generous: CI runners and
    this machine are shared). ``CLAIMCHECK_FUZZ_SEED`` set: random search instead (the long run)."""
    scale = float(os.environ.get("CLAIMCHECK_FUZZ_SCALE", "1"))
    randomized = bool(os.environ.get("CLAIMCHECK_FUZZ_RANDOM"))
    return settings(max_examples=max(1, int(examples * scale)), deadline=dt.timedelta(seconds=2),
                    derandomize=not randomized, database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much, HealthCheck.large_base_example])


def warm_up() -> None:
    """Load what the first call would otherwise load inside the 2 s deadline: the boilerplate model,
    dateparser's data, trafilatura, ftfy and charset_normalizer."""
    from claimcheck.ingest import RawRecord, to_document
    from claimcheck.ingest.boilerplate import _cached_model
    from claimcheck.ingest.metadata import metadata_from_html
    from claimcheck.ingest.readers import decode
    from claimcheck.normalize import normalize_date

    _cached_model()
    normalize_date("November the 5th, 2019")
    decode(b"caf\xe9 au lait", "warm.txt")
    to_document(RawRecord(id="w", path="w", text="<html><body><p>Warm up text here.</p></body></html>", kind="html"))
    # htmldate hands a date-like string it cannot place to dateparser, whose first call loads every
    # locale (4-10 s, once per process)
    metadata_from_html("<time datetime='2019-13-45'>3/0/1 99-Jan-28 summer</time>")


class Hang(BaseException):
    """A call that ran past :data:`HANG_SECONDS` (a BaseException: no ``except Exception`` swallows it)."""


@contextmanager
def _watchdog(name: str):
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def fire(signum, frame):
        raise Hang(f"{name}: one call ran over {HANG_SECONDS:g} s")

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def call(name: str, fn, *args, allowed: tuple[type[BaseException], ...] = (), **kwargs):
    """``fn(*args, **kwargs)`` counted under ``name``; an exception of an ``allowed`` type gives None
    (and must be a one-line message: that is what the CLI prints)."""
    COUNTS[name] += 1
    try:
        with _watchdog(name):
            return fn(*args, **kwargs)
    except Hang as exc:  # reported as a failure of this input (hypothesis shrinks AssertionErrors)
        raise AssertionError(f"{exc} on {_short(args, kwargs)}") from None
    except allowed as exc:
        message = str(exc)  # the CLI prints it as one "error:" line
        assert message and "\n" not in message and "Traceback" not in message, repr(message)
        return None


def _short(args, kwargs) -> str:
    text = repr((args, kwargs))
    return text if len(text) <= 300 else text[:300] + f"... ({len(text)} characters)"


# =========================================================================== text pieces

#: any Unicode text, lone surrogates included (file names and JSON "\ud800" escapes produce them)
ANY_CHAR = st.one_of(st.characters(), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF))
ANY_TEXT = st.text(ANY_CHAR, max_size=300)

SEPARATORS = [",", ".", " ", "\u00a0", "\u202f", "\u2009", "'", "_", ""]
CURRENCY_BEFORE = ["$", "US$", "US $", "HK$", "A$", "C$", "NZ$", "S$", "CN\u00a5", "\u00a3", "\u20ac", "\u00a5",
                   "RMB", "RMB ", "Rs", "Rs.", "\u20b9", "R$", "Y=", "RM", "USD ", "EUR", "GBP ", "\u00c2\u00a3",
                   "\u00e2\u201a\u00ac", "-$", "($", "$$", "$-", "\u2212$"]
CURRENCY_AFTER = [" dollars", " US dollars", " yuan", " renminbi", " euros", " pounds", " pounds sterling",
                  " yen", " rupees", " crore", " lakh", " cents", " pence", "p", " sen", " shekels", " USD",
                  " won", " bitcoin", "c"]
SCALES = ["", "k", "K", "m", "M", "mn", "mln", "bn", "bln", "b", "tn", "trn", " thousand", " million",
          " billion", " trillion", " quadrillion", " crore", " lakh", " dozen", " hundred", " mil", " m",
          " bn", " billion billion", "m-", "bn)"]
PERCENTS = ["%", " %", " per cent", " percent", "pc", " pct", " percentage points", " percentage point",
            " pp", " basis points", " bps", "%%", "% per cent", " per cent per cent"]
QUALIFIERS = ["", "about ", "around ", "nearly ", "almost ", "more than ", "less than ", "at least ",
              "up to ", "some ", "over ", "under ", "roughly ", "an estimated ", "between ", "from ", "as much as ",
              "no more than ", "approximately ", "~", ">", "<", "\u2265", "+/-", "\u00b1"]
CONNECTORS = [" to ", "-", "\u2013", "\u2014", " and ", " or ", " through ", "/", " - ", "\u2013to\u2013"]
NUMBER_WORDS = ["one", "two", "three", "twenty-four", "a", "an", "half", "a half", "hundred", "thousand",
                "million", "billion", "a dozen", "dozens", "point", "five", "and", "third", "zero", "nil",
                "one hundred and twenty", "two point five million", "half a billion", "quarter", "tens of"]
HUGE = ["1e999999", "1E-999999", "9" * 10_000, "1" + "0" * 10_000, "0." + "0" * 5_000 + "1",
        "1," + "000," * 3_000 + "000", "1" * 31, "9" * 30, "1.5e308", "2e-324", "NaN", "Infinity", "-inf",
        "1_000_000", "0x1F", "\u0661\u0662\u0663", "\uff11\uff12\uff13", "\u00bd", "1\u00bd", "\u2155", "\u2468"]


@st.composite
def digits(draw) -> str:
    """A digit string as news writes it: groups with a thousands separator, a decimal part, signs."""
    lead = draw(st.integers(0, 999_999))
    groups = draw(st.lists(st.integers(0, 999).map(lambda g: f"{g:03d}"), max_size=6))
    sep = draw(st.sampled_from(SEPARATORS))
    body = sep.join([str(lead)] + groups)
    if draw(st.booleans()):
        body += draw(st.sampled_from([".", ",", "\u00b7"])) + draw(st.text("0123456789", min_size=0, max_size=8))
    if draw(st.integers(0, 9)) == 0:
        body += draw(st.sampled_from(["e5", "e999999", "E-7", "th", "st", "nd", "rd", "s", "'s", "+", "x"]))
    return draw(st.sampled_from(["", "", "", "-", "+", "\u2212", "--", "(", "."])) + body


@st.composite
def amount(draw) -> str:
    """A number, a number word run or something huge, with a scale."""
    number = draw(st.one_of(digits(), digits(), st.sampled_from(NUMBER_WORDS), st.sampled_from(HUGE)))
    return number + draw(st.sampled_from(SCALES))


@st.composite
def figure(draw) -> str:
    """A money, percent or count figure: qualifier, currency, amount, range, unit."""
    first = draw(amount())
    kind = draw(st.sampled_from(["money-before", "money-after", "percent", "count", "bare"]))
    if kind == "money-before":
        first = draw(st.sampled_from(CURRENCY_BEFORE)) + first
    elif kind == "money-after":
        first = first + draw(st.sampled_from(CURRENCY_AFTER))
    elif kind == "percent":
        first = first + draw(st.sampled_from(PERCENTS))
    elif kind == "count":
        first = first + draw(st.sampled_from([" people", " jobs", " shares", " year-old", " years", " times",
                                              "-fold", " stores", " km", " tonnes", ""]))
    if draw(st.booleans()):
        first = first + draw(st.sampled_from(CONNECTORS)) + draw(amount()) + draw(
            st.sampled_from(["", "", "%", " per cent", " dollars", " euros", "m", "bn"]))
    if draw(st.integers(0, 3)) == 0:  # a bracketed conversion, maybe nested
        depth = draw(st.integers(1, 4))
        first = first + " " + "(" * depth + draw(st.sampled_from(CURRENCY_BEFORE)) + draw(amount()) + ")" * depth
    return draw(st.sampled_from(QUALIFIERS)) + first


MONTHS = ["January", "Jan", "Jan.", "February", "Feb.", "March", "Mar", "April", "May", "June", "July", "Aug.",
          "Sept.", "Sep", "September", "Oct.", "October", "Nov", "December", "Dec.", "Sept", "Febuary", "janvier"]
WEEKDAYS = ["Monday", "Mon.", "Tuesday", "Wednesday", "Thurs.", "Friday", "Saturday", "Sunday"]
DATE_WORDS = ["last year", "this year", "next year", "last month", "yesterday", "today", "tomorrow", "last week",
              "the first half of", "the second half of", "the third quarter of", "the first quarter", "Q3", "Q4",
              "H1", "H2", "1H", "3Q", "FY", "FY19", "FY2019/20", "fiscal", "fiscal year", "the year to",
              "the 12 months to", "the first nine months of", "early", "mid-", "late", "since", "before", "by",
              "until", "the 1990s", "the '90s", "the 2010s", "summer", "winter", "spring of", "days ago",
              "weeks ago", "3 years ago", "decade-old", "7-year-old", "founded", "century", "the past 5 years",
              "within 30 days", "over the next two years", "end of", "the weekend", "this week", "a year earlier"]


@st.composite
def date_text(draw) -> str:
    """A date, period or relative date in one of many written forms, some of them impossible."""
    y = draw(st.one_of(st.integers(1000, 2999), st.integers(0, 99), st.sampled_from([0, 1, 999, 9999, 10**12, -5])))
    m = draw(st.one_of(st.integers(1, 12), st.sampled_from([0, 13, 99])))
    d = draw(st.one_of(st.integers(1, 31), st.sampled_from([0, 32, 99, 29])))
    month = draw(st.sampled_from(MONTHS))
    forms = [
        f"{y}-{m:02d}-{d:02d}", f"{y:04d}-{m:02d}", f"{m}/{d}/{y}", f"{d}/{m}/{y}", f"{d}.{m}.{y}",
        f"{m}/{d}/{y % 100:02d}", f"{month} {d}, {y}", f"{d} {month} {y}", f"{month} {y}", f"{month} {d}",
        f"{draw(st.sampled_from(WEEKDAYS))}, {month} {d}, {y}", f"{d}-{month}-{y % 100:02d}", f"{month} {d}-{d + 2}, {y}",
        f"{y}-{(y + 3) % 100:02d}", f"{y} to {y + 1}", f"{y}/{(y + 1) % 100:02d}", f"'{y % 100:02d}",
        f"{month} to {draw(st.sampled_from(MONTHS))} {y}", f"Q{d % 5} {y}", f"{y}Q{m % 5}", f"H{m % 3} {y}",
        f"FY{y % 100:02d}", f"FY{y}", f"{d} {draw(st.sampled_from(['days', 'weeks', 'months', 'years']))} ago",
        f"{y}s", f"the {d}th of {month}", f"{y}-{m:02d}-{d:02d}T25:61:00Z", f"{d}{month}{y}",
        str(y), f"{d}th", f"{draw(st.sampled_from(WEEKDAYS))}",
    ]
    text = draw(st.sampled_from(forms))
    if draw(st.booleans()):
        word = draw(st.sampled_from(DATE_WORDS))
        text = f"{word} {text}" if draw(st.booleans()) else f"{text} {word}"
    return text


PUNCT = [" ", " ", "  ", ", ", ". ", "; ", " (", ") ", "\n", "\t", "", " - ", "\u00a0", "\u2028"]
FILLER = ["the", "company", "said", "revenue", "rose", "fell", "to", "from", "in", "of", "a", "was", "valued at",
          "raised", "up", "down", "year", "shares", "which is", "firm", "founded", "old", "Inc", "Ltd", "(", ")",
          "((((", "))))", "[", "]", "\u00c2", "\ufffd", "\u200b", "\ufeff", "\x00", "#", "*", "|", "\\", "'", '"']


@st.composite
def newsy(draw, max_pieces: int = 12) -> str:
    """Figures and dates among filler words, punctuation and random text: a span or a sentence."""
    pieces = draw(st.lists(st.one_of(figure(), date_text(), st.sampled_from(FILLER), st.text(ANY_CHAR, max_size=8)),
                           min_size=1, max_size=max_pieces))
    out = ""
    for p in pieces:
        out += p + draw(st.sampled_from(PUNCT))
    return out


#: span text for a normaliser: structured figures and dates, sentences, anything at all, and huge inputs
SPAN = st.one_of(figure(), figure(), date_text(), newsy(), ANY_TEXT, st.sampled_from(HUGE),
                 st.integers(1, 5_000).map(lambda n: "(" * n + "$1m" + ")" * n),
                 st.integers(1, 3_000).map(lambda n: "1," * n + "5 per cent"))
CONTEXT = st.one_of(st.just(""), st.sampled_from(QUALIFIERS + DATE_WORDS), newsy(4), ANY_TEXT)
PUBLISHED = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31),
                                                               dt.date(2019, 10, 8), dt.date(2020, 2, 29)]))
CURRENCY_CODES = st.one_of(st.sampled_from(["USD", "HKD", "AUD", "", "XXX", "usd", "$"]), st.text(ANY_CHAR, max_size=5))


# =========================================================================== readers

JSON_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(ANY_CHAR, max_size=40))
JSON_VALUE = st.recursive(JSON_SCALAR, lambda kids: st.one_of(st.lists(kids, max_size=4),
                                                              st.dictionaries(st.text(max_size=8), kids, max_size=4)),
                          max_leaves=12)
RECORD_VALUE = st.one_of(JSON_VALUE, st.sampled_from(["", " ", "html", "HTML", "0", "\ud800", "2019-10-08"]),
                         newsy(6), st.integers())


@st.composite
def json_record(draw) -> object:
    """A JSON record as a corpus file holds it, some of its fields of the wrong type or missing."""
    rec = {}
    for key in draw(st.lists(st.sampled_from(["text", "id", "title", "published", "date", "source", "format",
                                              "extra"]), unique=True, max_size=8)):
        rec[key] = draw(RECORD_VALUE if key != "text" else st.one_of(newsy(), ANY_TEXT, RECORD_VALUE))
    return rec if draw(st.integers(0, 5)) else draw(JSON_VALUE)


def _dump(obj: object, ascii_only: bool) -> str:
    return json.dumps(obj, ensure_ascii=ascii_only, allow_nan=True)


@st.composite
def json_text(draw) -> str:
    """A JSON file's text: one record, a list of records, any JSON, or something nearly JSON."""
    ascii_only = draw(st.booleans())
    choice = draw(st.integers(0, 9))
    if choice <= 3:
        return _dump(draw(st.lists(json_record(), max_size=5)), ascii_only)
    if choice <= 5:
        return _dump(draw(json_record()), ascii_only)
    if choice == 6:
        return _dump(draw(JSON_VALUE), ascii_only)
    if choice == 7:  # cut short, or with garbage after it
        text = _dump(draw(st.lists(json_record(), min_size=1, max_size=3)), ascii_only)
        return text[: draw(st.integers(0, len(text)))] + draw(st.text(max_size=5))
    return draw(st.sampled_from([
        "[" * 100_000 + "]" * 100_000, '{"text": ' * 5_000 + '"x"' + "}" * 5_000, '{"text": "x", "id": ' + "9" * 5_000 + "}",
        '[{"text": "a", "id": 1e999}]', '{"text": NaN}', '{"text": "\\ud800", "id": "\\udfff"}', "\ufeff{}", "",
        '{"text": "a"}{"text": "b"}', '{"text": "x\u2028y"}', "null", "[[[]]]", '{"id": [], "text": "x"}',
    ]))


@st.composite
def jsonl_text(draw) -> str:
    """A JSONL file's text: records, blank lines and broken lines, with odd line ends."""
    lines = draw(st.lists(st.one_of(json_record().map(lambda r: _dump(r, True)),
                                    json_record().map(lambda r: _dump(r, False)),
                                    st.sampled_from(["", "   ", "{", "]", "[" * 50_000, '{"text": "ok", "id": 1}']),
                                    ANY_TEXT), max_size=8))
    return draw(st.sampled_from(["\n", "\r\n", "\n\n", "\u2028", "\r"])).join(lines)


BOMS_AND_MAGIC = [b"", b"", b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x89PNG", b"%PDF-1.4", b"PK\x03\x04",
                  b"\x1f\x8b", b"PAR1", b"\x00\x00\x00"]
ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1", "utf-8-sig", "shift_jis", "gb18030"]


@st.composite
def file_bytes(draw, text: st.SearchStrategy[str]) -> bytes:
    """``text`` encoded one way or another (unencodable characters replaced), maybe with a BOM or a
    binary signature in front, maybe with random bytes spliced in."""
    encoding = draw(st.sampled_from(ENCODINGS))
    data = draw(text).encode(encoding, errors="replace" if encoding != "utf-8" else "surrogatepass")
    prefix = draw(st.sampled_from(BOMS_AND_MAGIC))
    if draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(max_size=40)) + data[at:]
    return prefix + data


DOC_TEXT = st.one_of(newsy(20), ANY_TEXT, st.text(max_size=2_000))
RAW_BYTES = st.one_of(st.binary(max_size=2_000), file_bytes(DOC_TEXT), file_bytes(json_text()), file_bytes(jsonl_text()),
                      st.sampled_from([b"\x00" * 100, b"\xff" * 10_000, b"\xef\xbb\xbf", b"\xff\xfe\x00",
                                       b"a\x00" * 500, b"\x80abc\xc3", b"\xed\xa0\x80"]))
SUFFIX = st.sampled_from([".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".JSON", ".Txt",
                          ".parquet", ".csv", ""])
STEM = st.sampled_from(["doc", "a b", "\u00e9t\u00e9", "-", ".hidden", "x" * 200, "\u202eevil", "1"])


@st.composite
def reader_file(draw) -> tuple[str, bytes]:
    """A file name and bytes matching its suffix (or not)."""
    suffix = draw(SUFFIX)
    if suffix.lower() == ".json" and draw(st.booleans()):
        data = draw(file_bytes(json_text()))
    elif suffix.lower() == ".jsonl" and draw(st.booleans()):
        data = draw(file_bytes(jsonl_text()))
    else:
        data = draw(RAW_BYTES)
    return draw(STEM) + suffix, data


_TMP = None


def tmp_dir() -> Path:
    """One scratch directory for the whole run (a fresh one per input would cost more than the read)."""
    global _TMP
    if _TMP is None:
        _TMP = tempfile.TemporaryDirectory(prefix="claimcheck-fuzz-")
    return Path(_TMP.name)


def fresh_dir(name: str) -> Path:
    import shutil

    d = tmp_dir() / name
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    return d


# =========================================================================== ingest cleaning

PAGE_LINES = st.sampled_from([
    "Advertisement", "Share 12 Tweet 4", "Related articles", "Read more: Stocks fall 3%", "Home | World | Tech",
    "Leave a Reply", "\u00a9 2020 Site", "Updated: 10:32 AM ET, Tue October 8, 2019", "By Jane Doe", "",
    "Shares rose 5% to $12.40 on Monday after the company raised its forecast.", "# Title here", "## ",
    "*Published 8 October 2019*", "[1]Home [2]News", "   ", "\t\t", "Photo: Reuters/Jane Doe", "> quote", "- ",
    "* * *", "| a | b |", "![img](http://x/y.png)", "[link](", "**", "__x__", "1. ", "Subscribe to our newsletter",
    "We use cookies.", "Sign up", "(Reporting by Jane Doe; Editing by John Roe)", "Copyright (c) 2019 Example Media Ltd",
])
@st.composite
def link_line(draw) -> str:
    """Lines of Markdown links with separators and runs of spaces (an exponential regex lived here)."""
    n = draw(st.integers(1, 40))
    sep = draw(st.sampled_from([" ", "        ", " | ", "\u00b7", " \u2022 ", "\t", "  |  ", ""]))
    link = draw(st.sampled_from(["[Home](https://x.example/a)", "[a](b)", "[" + "x" * 40 + "](/y)", "[](/)"]))
    return sep.join([link] * n) + draw(st.sampled_from(["", "        x", " |", "!", "        "]))


#: invisible and non-ASCII digit characters (format characters made an article's claims vanish)
UNICODE_BITS = st.sampled_from(["\u200d", "\u200b", "\u202e", "\u2066", "\ufeff", "\u00ad", "\u066c", "\u066b",
                                "\u0661", "\u0660", "\u06f5", "\u0967", "\uff11", "\u2009", "\u202f", "\u00a0",
                                "SenseT\u0456me", "$\u0661\u066c\u0660\u0660\u0660", "$1\u2009000\u2009000"])
UNICODE_TEXT = st.lists(st.one_of(UNICODE_BITS, newsy(3), st.sampled_from(["$", "%", " ", "1", ",", "."])),
                        max_size=30).map("".join)

PAGE = st.one_of(
    st.lists(st.one_of(PAGE_LINES, newsy(8), st.text(ANY_CHAR, max_size=80)), max_size=40).map("\n".join),
    link_line(), UNICODE_TEXT,
    ANY_TEXT, st.text(max_size=3_000),
    st.sampled_from(["a" * 20_000, ("word " * 30 + "\n") * 300, "\n" * 5_000, "#" * 5_000, "[" * 5_000 + "](" * 2_000,
                     "*" * 5_000, "-" * 3_000 + "\n" + "=" * 3_000, ("x" * 70 + "\n") * 500]),
)

HTML_BITS = st.sampled_from([
    "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<title>", "</title>", "<p>", "</p>", "<div>",
    "</div>", "<article>", "</article>", "<h1>", "</h1>", "<br>", "<!--", "-->", "<script>", "</script>",
    "<style>", "</style>", "<template>", "<noscript>", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<table><tr><td>",
    "</td></tr></table>", "<meta property='article:published_time' content='2019-10-08T10:00:00Z'>",
    "<meta property=\"og:site_name\" content=\"Example News\">", "<meta name='date' content='99/99/9999'>",
    "<meta property='og:title' content='A | B | C'>", "<time datetime='2019-13-45'>", "<time datetime=''>",
    "<script type='application/ld+json'>", '{"@type": "NewsArticle", "datePublished": "2019-10-08", '
    '"headline": "H", "publisher": {"name": "P"}}', '{"@graph": [' * 50 + "]}" * 50, "<a href='x'>", "</a>",
    "&amp;", "&#0;", "&#x110000;", "&nbsp;", "&", "<", ">", "<p", "='", "<meta content=", "<svg><math>",
])
HTML = st.one_of(
    st.lists(st.one_of(HTML_BITS, newsy(6), st.text(ANY_CHAR, max_size=30)), max_size=40).map("".join),
    ANY_TEXT.map(lambda t: "<html><body><p>" + t + "</p></body></html>"),
    st.integers(1, 4_000).map(lambda n: "<html><body>" + "<div>" * n + "<p>Acme grew 5%.</p>" + "</div>" * n
                              + "<p>After the nest.</p></body></html>"),
    st.sampled_from(["<div>" * 3_000 + "text" + "</div>" * 3_000, "<p>" + "x " * 5_000 + "</p>", "<" * 5_000,
                     "<!--" * 1_000, "<script>" + "a" * 10_000]),
)


@st.composite
def raw_record(draw):
    from claimcheck.ingest import RawRecord

    kind = draw(st.sampled_from(["text", "markdown", "html", "html"]))
    text = draw(HTML if kind == "html" else PAGE)
    opt = st.one_of(st.none(), st.none(), date_text(), ANY_TEXT)
    return RawRecord(id=draw(st.sampled_from(["a", "1", "\u00e9"])), path="fuzz/doc", text=text, kind=kind,
                     title=draw(opt), published=draw(opt), source=draw(opt))


__all__ = ["warm_up", "COUNTS", "HANG_SECONDS", "Hang", "InputError", "call", "fuzz_settings", "SPAN", "CONTEXT", "PUBLISHED",
           "CURRENCY_CODES", "RAW_BYTES", "reader_file", "json_text", "jsonl_text", "file_bytes", "fresh_dir",
           "PAGE", "HTML", "raw_record", "ANY_TEXT", "figure", "date_text", "newsy", "UNICODE_TEXT", "link_line"]
