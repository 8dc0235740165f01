"""Ingestion: paths to cleaned :class:`~claimcheck.schema.Document` objects.

read (readers.py) → decode + repair → main content (trafilatura for HTML) →
strip web noise (boilerplate.py: rules + trained line classifier) → title,
publication date and source (metadata.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from claimcheck.errors import InputError
from claimcheck.ingest.readers import RawRecord, iter_records
from claimcheck.schema import Document

if TYPE_CHECKING:
    from claimcheck.ingest.metadata import Metadata

__all__ = ["load_documents", "to_document", "to_documents", "is_cut_notice", "RawRecord", "MAX_TEXT_CHARS"]


#: characters of one article that are analysed; the rest is left out with a warning (README, "Limits and errors")
MAX_TEXT_CHARS = 100_000
#: characters of markup read from one HTML page once scripts, styles and comments are gone
MAX_HTML_CHARS = 5_000_000
_INERT = re.compile(r"<(script|style|noscript|template)\b|<!--", re.I)


def _drop_inert(html: str) -> str:
    """``html`` without scripts, styles and comments, in one pass (an unclosed one runs to the end)."""
    lower = html.lower()
    out, i = [], 0
    while (m := _INERT.search(html, i)) is not None:
        out.append(html[i:m.start()])
        close = "-->" if m.group(1) is None else f"</{m.group(1).lower()}"
        j = lower.find(close, m.end())
        if j < 0:
            return " ".join(out)
        i = j + len(close) if close == "-->" else (lower.find(">", j) + 1 or len(html))
        out.append(" ")
    out.append(html[i:])
    return "".join(out)


#: elements nested deeper than this are past what lxml (libxml2) reads: everything after them is lost
MAX_HTML_DEPTH = 200
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
# containers that pages close explicitly (p, li, td … are often left open, so they do not count)
_NESTING = frozenset("div span section article main aside header footer nav table tbody ul ol dl blockquote "
                     "b i u em strong a font center form figure small big sup sub".split())
_BLOCK = frozenset("p div br li tr h1 h2 h3 h4 h5 h6 section article blockquote table ul ol dl dd dt header "
                   "footer main aside nav figure pre hr".split())


def html_depth(html: str) -> int:
    """How deep the page's explicitly closed containers nest (a linear scan of its tags)."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        if m.group(3) or m.group(2).lower() not in _NESTING:
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _html_as_plain_text(html: str) -> str:
    """Every piece of text of a page, block elements as paragraph breaks (for pages lxml cannot parse whole)."""
    import html as html_lib

    out = _TAG.sub(lambda m: "\n\n" if m.group(2).lower() in _BLOCK else " ", _drop_inert(html))
    return html_lib.unescape(out)


def _html_main_text(html: str) -> tuple[str, bool, bool]:
    """The main text of a page (trafilatura), whether the page was too long to read whole, and whether it was
    nested too deep for the HTML parser (then all its text is read as plain text, furniture and all)."""
    import trafilatura

    cut = False
    if len(html) > MAX_HTML_CHARS:  # big pages are mostly scripts and styles; trafilatura drops them anyway
        html = _drop_inert(html)
        if len(html) > MAX_HTML_CHARS:
            end = html.rfind("<", MAX_HTML_CHARS // 2, MAX_HTML_CHARS)
            html, cut = html[: end if end > 0 else MAX_HTML_CHARS], True
    if html_depth(html) > MAX_HTML_DEPTH:
        text = _html_as_plain_text(html)
        return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip()), cut, True
    extracted = trafilatura.extract(html, include_comments=False, include_tables=True, include_images=False,
                                    favor_precision=True, deduplicate=False)
    # trafilatura separates blocks with single newlines; the rest of the toolkit uses paragraphs.
    return "\n\n".join(line.strip() for line in (extracted or "").splitlines() if line.strip()), cut, False


def _cut(text: str, limit: int) -> str:
    """``text`` shortened to at most ``limit`` characters, at a paragraph or word break when one is near."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    for sep in ("\n\n", "\n", ". ", " "):
        k = head.rfind(sep, limit - limit // 10)
        if k > 0:
            return head[:k + (1 if sep == ". " else 0)]
    return head


_CUT_NOTICE = " are analysed"


def is_cut_notice(message: str) -> bool:
    """Is ``message`` the warning that an article was cut (read, not refused)?"""
    return message.endswith(_CUT_NOTICE)


def to_document(raw: RawRecord, *, dayfirst: bool | None = None, warn: Callable[[str], None] | None = None) -> Document:
    """Clean one raw record; raises InputError when nothing of an article is left.

    An article longer than :data:`MAX_TEXT_CHARS` is cut there (at a paragraph or word break), with a
    ``warn`` line: analysis cost grows faster than the length, and no news article is that long.
    """
    result = to_documents([raw], dayfirst=dayfirst, warn=warn)[0]
    if isinstance(result, InputError):
        raise result
    return result


def to_documents(raws: Sequence[RawRecord], *, dayfirst: bool | None = None,
                 warn: Callable[[str], None] | None = None) -> list[Document | InputError]:
    """:func:`to_document` of each record, in order (an InputError in place of a record with no article);
    the noise classifier runs once for all of them, which is most of the cost of many short documents."""
    from claimcheck.ingest.boilerplate import strip_boilerplate_many
    from claimcheck.ingest.metadata import metadata_from_html

    sources: list[str] = []
    html_meta: list[Metadata | None] = []
    cuts: list[bool] = []
    for raw in raws:
        if raw.kind == "html":
            main, cut, deep = _html_main_text(raw.text)
            if deep and warn is not None:
                warn(f"{raw.path}: HTML nested deeper than {MAX_HTML_DEPTH} levels; all of its text is read as "
                     f"plain text (page furniture may remain)")
            html_meta.append(metadata_from_html(raw.text))
        else:
            main, cut = raw.text, False
            html_meta.append(None)
        # the stripper sees a generous slice (page furniture may go), never a 50 MB line
        sources.append(_cut(main, 4 * MAX_TEXT_CHARS))
        cuts.append(cut or len(main) > 4 * MAX_TEXT_CHARS)
    cleaned = strip_boilerplate_many(sources)
    out: list[Document | InputError] = []
    for raw, clean, meta, cut in zip(raws, cleaned, html_meta, cuts):
        try:
            out.append(_finish(raw, clean, meta, cut, dayfirst, warn))
        except InputError as exc:
            out.append(exc)
    return out


def _finish(raw: RawRecord, clean, html_meta, cut: bool, dayfirst: bool | None,
            warn: Callable[[str], None] | None) -> Document:
    from claimcheck.ingest.metadata import Metadata, metadata_from_clean
    from claimcheck.normalize.locate import parse_header_date

    meta = metadata_from_clean(clean, dayfirst=dayfirst)
    if html_meta is not None:
        meta = Metadata(title=html_meta.title or meta.title, published=html_meta.published or meta.published,
                        source=html_meta.source or meta.source, url=html_meta.url,
                        republished_from=meta.republished_from)
    text = clean.text.strip()
    if not text:
        raise InputError(f"{raw.path}: empty document (no article text after removing page furniture)")
    if len(text) > MAX_TEXT_CHARS:
        text, cut = _cut(text, MAX_TEXT_CHARS).rstrip(), True
    if cut and warn is not None:
        warn(f"{raw.path}: longer than {MAX_TEXT_CHARS:,} characters; only the first {len(text):,}{_CUT_NOTICE}")
    published = parse_header_date(raw.published, dayfirst=dayfirst) if raw.published else None
    title = raw.title or meta.title
    if title is None:
        first = text.split("\n", 1)[0].strip()
        title = first if len(first) < 160 else None
    return Document(id=raw.id, path=raw.path, title=title, published=published or meta.published,
                    source=raw.source or meta.source, url=raw.url or meta.url, text=text,
                    republished_from=meta.republished_from)


#: records cleaned together (one noise-classifier call); bounds the raw texts held at once
CLEAN_BATCH = 64


def _batches(records: Iterator[RawRecord], size: int) -> Iterator[tuple[list[RawRecord], InputError | None]]:
    """Records in lists of ``size``; a reading error (``--on-error fail``) ends the list it interrupts, so the
    records read before it are cleaned (and their own errors raised) first, as when cleaning one by one."""
    batch: list[RawRecord] = []
    while True:
        try:
            raw = next(records)
        except StopIteration:
            break
        except InputError as exc:
            yield batch, exc
            return
        batch.append(raw)
        if len(batch) == size:
            yield batch, None
            batch = []
    if batch:
        yield batch, None


def load_documents(paths: Iterable[str], *, warn: Callable[[str], None], on_error: str = "skip",
                   dayfirst: bool | None = None, stdin_text: str | None = None) -> list[Document]:
    """Read and clean every document under ``paths``.

    Per-document problems go to ``warn`` (or raise when ``on_error == "fail"``);
    raises :class:`InputError` when no document at all could be read.
    """
    paths = list(paths)
    docs: list[Document] = []
    seen: dict[str, int] = {}
    held: list[InputError] = []  # the first unreadable document, until we know it is not the only one

    def note(message: str) -> None:
        while held:
            warn(str(held.pop()))
        warn(message)

    records = iter_records(paths, warn=note, on_error=on_error, stdin_text=stdin_text)
    for batch, error in _batches(records, CLEAN_BATCH):
        for raw, doc in zip(batch, to_documents(batch, dayfirst=dayfirst, warn=note)):
            if isinstance(doc, InputError):
                if on_error == "fail":
                    raise doc
                if docs or held:
                    note(str(doc))
                else:
                    held.append(doc)
                continue
            while held:
                warn(str(held.pop()))
            if doc.id in seen:
                seen[doc.id] += 1
                new_id = f"{doc.id}~{seen[doc.id]}"
                note(f"{raw.path}: document id '{doc.id}' is already used; this one is '{new_id}'")
                doc = doc.model_copy(update={"id": new_id})
            else:
                seen[doc.id] = 1
            docs.append(doc)
        if error is not None:
            while held:
                warn(str(held.pop()))
            raise error
    if held:  # the input was that one document: its own message is the error (one line, not two)
        raise held[0]
    if not docs:
        raise InputError("no readable documents in " + ", ".join(paths))
    return docs
