"""The library entry points: ``check`` and ``extract``.

The CLI, notebooks and batch runner call these; each is a plain function over
the data model in :mod:`claimcheck.schema`.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence, Union

from claimcheck.ingest import load_documents
from claimcheck.pipeline import Processed, load_pipeline, process
from claimcheck.schema import Claim, Document, Mention, Report
from claimcheck.story import StoryDoc, check_story, prefix_ids, resolve_subjects

Source = Union[str, Path, Document]
_HERE = Path(__file__).resolve().parent
# installed wheels carry the stories as package data; a source checkout reads corpus/stories
DEMO_LOCATIONS = (_HERE / "demo", _HERE.parents[1] / "corpus" / "stories")


@dataclass
class Extraction:
    doc: Document
    mentions: list[Mention]
    claims: list[Claim]


def demo_paths() -> list[str]:
    """The embedded demo stories (one directory per story)."""
    from claimcheck.errors import InputError

    for location in DEMO_LOCATIONS:
        if location.is_dir():
            return [str(p) for p in sorted(location.iterdir()) if p.is_dir() and not p.name.startswith((".", "_"))]
    raise InputError("the demo corpus is missing from this installation (looked in "
                     + ", ".join(str(p) for p in DEMO_LOCATIONS) + ")")


def _documents(sources: Sequence[Source], warn: Callable[[str], None], on_error: str,
               dayfirst: bool | None) -> list[Document]:
    docs: list[Document] = []
    paths: list[str] = []
    for i, src in enumerate(sources):
        if isinstance(src, Document):
            docs.append(src)
        elif isinstance(src, Path) or src == "-" or _probe(src) or not any(c.isspace() for c in str(src)):
            paths.append(str(src))
        else:  # a text given directly (notebooks): cleaned of invisible characters as a file's text is
            from claimcheck.ingest.readers import plain_text

            docs.append(Document(id=f"text-{i + 1}", path=None, text=plain_text(str(src))))
    if paths:
        docs.extend(load_documents(paths, warn=warn, on_error=on_error, dayfirst=dayfirst))
    return docs


def _probe(src) -> str | None:
    """The kind of an existing path, ``dir`` or ``file``; None for anything else (an article's text, a name
    too long, a link loop): never an OSError."""
    try:
        st = os.stat(str(src))
    except (OSError, ValueError):
        return None
    return "dir" if stat.S_ISDIR(st.st_mode) else "file"


def _stderr_warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


def _draft_claims(p: Processed) -> list[Claim]:
    """A processed document's claim drafts as claims, subjects as written (the story resolves them)."""
    claims = []
    for n, draft in enumerate(p.drafts, 1):
        q, span = draft.quantity, draft.span
        claims.append(Claim(
            id=f"{p.doc.id}:c{n}", doc=p.doc.id, subject=draft.subject_text, subject_text=draft.subject_text,
            attribute=draft.attribute, value=q.value, unit=q.unit, qualifier=q.qualifier, low=q.low, high=q.high,
            period=draft.period, scope=draft.scope, as_of=draft.as_of, text=span.text, start=span.start_char,
            end=span.end_char,
            sentence=span.sent.text.strip(), confidence=round(draft.confidence, 2),
        ))
    return claims


def story_docs(processed: list[Processed]) -> list[StoryDoc]:
    """What the story check needs of processed documents (their claims with subjects as written)."""
    return [StoryDoc(p.doc, _draft_claims(p), p.names, p.contexts) for p in processed]


def _progress_callback(progress):
    """``progress``: a callable ``(done, total)``, or ``True`` for a tqdm bar (a notebook widget in Jupyter)."""
    if progress is None or progress is False:
        return None, lambda: None
    if progress is True:
        from tqdm.auto import tqdm

        bar = tqdm(total=None, unit="doc", desc="claimcheck")

        def update(done: int, total: int) -> None:
            if bar.total != total:
                bar.total = total
            bar.n = done
            bar.refresh()

        return update, bar.close
    if not callable(progress):
        from claimcheck.errors import UsageError

        raise UsageError(
            f"progress must be True, False, None or a callable (done, total), not {type(progress).__name__}"
        )
    return progress, lambda: None


def _sources(sources: Sequence[Source] | Source | None) -> list[Source]:
    """The sources as a list: None is the demo corpus; one text, path or Document alone is one source (a bare
    string was read letter by letter, each letter a missing file); an empty list is an error, never the demo."""
    from claimcheck.errors import UsageError

    if sources is None:
        return list(demo_paths())
    if isinstance(sources, (str, Path, Document)):
        return [sources]
    sources = list(sources)
    if not sources:
        raise UsageError("no sources given (an empty list; pass None for the demo corpus)")
    return sources


def _run(sources: Sequence[Source] | Source | None, model: str, warn, on_error: str, dayfirst: bool | None, progress):
    sources = _sources(sources)
    warn = warn or _stderr_warn
    docs = _documents(sources, warn, on_error, dayfirst)
    nlp = load_pipeline(model)
    processed = []
    callback, close = _progress_callback(progress)
    try:
        for p in process(docs, nlp, dayfirst=dayfirst):
            processed.append(p)
            if callback is not None:
                callback(len(processed), len(docs))
    finally:
        close()
    return docs, processed


def extract(sources: Sequence[Source] | Source | None = None, *, model: str = "default",
            warn: Callable[[str], None] | None = None, on_error: str = "skip", dayfirst: bool | None = None,
            progress: Callable[[int, int], None] | bool | None = None) -> list[Extraction]:
    """Mentions and claims per document, without cross-checking (subjects are canonical within the set)."""
    docs, processed = _run(sources, model, warn, on_error, dayfirst, progress)
    claims = resolve_subjects(story_docs(processed), {})
    by_doc: dict[str, list[Claim]] = {}
    for c in claims:
        by_doc.setdefault(c.doc, []).append(c)
    return [Extraction(p.doc, p.mentions, by_doc.get(p.doc.id, [])) for p in processed]


#: ``check(stories=...)`` and ``check --stories``: how documents become stories
STORY_MODES = ("auto", "directory", "cluster", "one")


def check(sources: Sequence[Source] | Source | None = None, *, model: str = "default",
          warn: Callable[[str], None] | None = None, on_error: str = "skip", dayfirst: bool | None = None,
          progress: Callable[[int, int], None] | bool | None = None, stories: str = "auto") -> Report:
    """Read the articles, extract their claims and cross-check them: the whole job.

    ``sources``: paths (files, directories, ``-``), :class:`Document` objects, or
    article texts, in a list, or one of them alone; ``None`` checks the embedded demo corpus.

    ``stories``: how the documents become stories, each cross-checked on its own
    (the report's ``stories`` lists them):

    * ``directory``: each directory given is a story (loose files and texts together one more);
    * ``cluster``: the documents are grouped into stories by what they report
      (:mod:`claimcheck.resolve.stories`): a pile of unrelated articles;
    * ``one``: all documents are one story;
    * ``auto`` (default): ``directory`` when the sources are several directories (a
      folder per story, as the demo corpus), else ``cluster`` with the cautious threshold
      (``resolve.stories.AUTO_THRESHOLD``): a pile is split only where its articles share
      almost nothing, so a folder of one story's coverage stays one story.

    With several stories every id is prefixed with its story's name (``arm-ipo-2023/blog``).
    """
    from claimcheck.errors import UsageError
    from claimcheck.schema import Story

    if stories not in STORY_MODES:
        raise UsageError(f"stories must be one of {', '.join(STORY_MODES)}, not {stories!r}")
    sources = _sources(sources)
    warnings: list[str] = []

    def collect(message: str) -> None:
        warnings.append(message)
        (warn or _stderr_warn)(message)

    is_dir = [not isinstance(s, Document) and _probe(s) == "dir" for s in sources]
    mode = stories
    if mode == "auto":
        mode = "directory" if len(sources) > 1 and all(is_dir) else "cluster"
    parts: list[tuple[Story, list[Processed]]] = []
    if mode == "directory" and any(is_dir):
        groups = [(Path(str(s)).name, [s]) for s, d in zip(sources, is_dir) if d]
        loose = [s for s, d in zip(sources, is_dir) if not d]
        for name, group in groups + ([("loose", loose)] if loose else []):
            _, processed = _run(group, model, collect, on_error, dayfirst, progress)
            parts.append((Story(name=name, how="directory", docs=[p.doc.id for p in processed]), processed))
    else:
        docs, processed = _run(sources, model, collect, on_error, dayfirst, progress)
        if mode == "cluster":
            from claimcheck.resolve.stories import AUTO_THRESHOLD, Params, find_stories

            # auto clusters a pile cautiously (splits only articles that share almost nothing)
            params = Params(threshold=AUTO_THRESHOLD) if stories == "auto" else Params()
            found = find_stories([p.doc for p in processed], params)
            parts = [(story, [processed[i] for i in idx]) for story, idx in found]
        else:  # one story ("directory" without a directory is the same)
            name = Path(str(sources[0])).name if len(sources) == 1 and is_dir[0] else "all"
            parts = [(Story(name=name, how="one", docs=[p.doc.id for p in processed]), processed)]
    report = Report()
    for story, processed in parts:
        # a group found in a pile the user asked to sort (not auto's cautious split of a folder)
        part = check_processed([p.doc for p in processed], processed,
                               found_in_pile=stories == "cluster" and story.how == "cluster")
        if len(parts) > 1:  # ids are file names: keep them unique across stories
            part = prefix_ids(story.name, part)
            story = story.model_copy(update={"docs": [f"{story.name}/{d}" for d in story.docs]})
        report.documents.extend(part.documents)
        report.claims.extend(part.claims)
        report.findings.extend(part.findings)
        report.single_source.extend(part.single_source)
        report.timelines.extend(part.timelines)
        report.stories.append(story)
    # set at the end: pydantic copies a list given to the constructor, so warnings collected while reading
    # would not reach a report built first (an empty file in a folder gave a stderr line and "warnings": [])
    report.warnings = list(warnings)
    return report


def check_processed(docs: list[Document], processed: list[Processed], *, found_in_pile: bool = False) -> Report:
    """Cross-check one story whose documents the pipeline has already processed (``check`` without reading and
    without the pipeline; the error-injection benchmark re-processes only the document it changed).
    ``found_in_pile``: a story ``--stories cluster`` found (:func:`claimcheck.crosscheck.crosscheck_all`)."""
    return check_story(story_docs(processed), found_in_pile=found_in_pile)
