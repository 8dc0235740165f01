"""Ingestion: paths to cleaned :class:`~claimcheck.schema.Document` objects.

read (readers.py) → decode + repair → main content (trafilatura for HTML) →
strip web noise (boilerplate.py: rules + trained line classifier) → title,
publication date and source (metadata.py).
"""

from __future__ import annotations

from typing import Callable, Iterable

from claimcheck.errors import InputError
from claimcheck.ingest.readers import RawRecord, iter_records
from claimcheck.schema import Document

__all__ = ["load_documents", "to_document", "RawRecord"]


def _html_main_text(html: str) -> str:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, include_images=False,
                               favor_precision=True, deduplicate=False)
    # trafilatura separates blocks with single newlines; the rest of the toolkit uses paragraphs.
    return "\n\n".join(line.strip() for line in (text or "").splitlines() if line.strip())


def to_document(raw: RawRecord, *, dayfirst: bool | None = None) -> Document:
    """Clean one raw record; raises InputError when nothing of an article is left."""
    from claimcheck.ingest.boilerplate import strip_boilerplate
    from claimcheck.ingest.metadata import Metadata, metadata_from_clean, metadata_from_html, parse_header_date

    if raw.kind == "html":
        meta = metadata_from_html(raw.text)
        main = _html_main_text(raw.text)
        clean = strip_boilerplate(main)
        from_lines = metadata_from_clean(clean, dayfirst=dayfirst)
        meta = Metadata(title=meta.title or from_lines.title, published=meta.published or from_lines.published,
                        source=meta.source or from_lines.source)
    else:
        clean = strip_boilerplate(raw.text)
        meta = metadata_from_clean(clean, dayfirst=dayfirst)
    text = clean.text.strip()
    if not text:
        raise InputError(f"{raw.path}: empty document (no article text after removing page furniture)")
    published = parse_header_date(raw.published, dayfirst=dayfirst) if raw.published else None
    title = raw.title or meta.title
    if title is None:
        first = text.split("\n", 1)[0].strip()
        title = first if len(first) < 160 else None
    return Document(id=raw.id, path=raw.path, title=title, published=published or meta.published,
                    source=raw.source or meta.source, text=text)


def load_documents(paths: Iterable[str], *, warn: Callable[[str], None], on_error: str = "skip",
                   dayfirst: bool | None = None, stdin_text: str | None = None) -> list[Document]:
    """Read and clean every document under ``paths``.

    Per-document problems go to ``warn`` (or raise when ``on_error == "fail"``);
    raises :class:`InputError` when no document at all could be read.
    """
    paths = list(paths)
    docs: list[Document] = []
    seen: dict[str, int] = {}
    for raw in iter_records(paths, warn=warn, on_error=on_error, stdin_text=stdin_text):
        try:
            doc = to_document(raw, dayfirst=dayfirst)
        except InputError as exc:
            if on_error == "fail":
                raise
            warn(str(exc))
            continue
        if doc.id in seen:
            seen[doc.id] += 1
            new_id = f"{doc.id}~{seen[doc.id]}"
            warn(f"{raw.path}: document id '{doc.id}' is already used; this one is '{new_id}'")
            doc = doc.model_copy(update={"id": new_id})
        else:
            seen[doc.id] = 1
        docs.append(doc)
    if not docs:
        raise InputError("no readable documents in " + ", ".join(paths))
    return docs
