"""Cross-checking an annotated corpus (``claimcheck crosscheck OUTDIR``): the findings ``check`` gives.

Two scopes:

``story``
    the documents of each story (``documents.story``; documents without one form one story) are checked
    together exactly as ``check`` checks one story: typos across its sources, subjects resolved with their
    corrections, conflicts, date findings. The report equals ``check``'s on the same story directories.
``corpus``
    every claim of the corpus against every other: columnar group-bys (pyarrow) find the groups of claims
    about the same thing (``crosscheck.group_key``) that more than one document speaks to, and only those
    groups are turned into :class:`Claim` objects and compared moment by moment (``crosscheck.compare_moments``).
    Conflicting figures and dates across all outlets; typos and publication dates are story-level checks and are not
    run corpus-wide. The report lists the documents and claims its findings cite (the full tables stay in
    OUTDIR).

``auto`` (the default) checks story by story when every story (a flat directory counts as one) has at most
:data:`STORY_LIMIT` documents, else corpus-wide.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Callable, Iterator

import pyarrow as pa
import pyarrow.compute as pc

from claimcheck.batch.results import open_outdir, read_table
from claimcheck.batch.shards import OutDir
from claimcheck.batch.tables import (
    claims_from_rows,
    claims_from_table,
    documents_from_rows,
    names_of,
)
from claimcheck.errors import UsageError
from claimcheck.schema import Claim, Document, Finding, Report

SCOPES = ("auto", "story", "corpus")
STORY_LIMIT = 1000
_NULL = "\x00"  # stands for null in group-by keys (pyarrow joins never match nulls)


def crosscheck_outdir(path: str | Path, *, scope: str = "auto", progress: Callable[[int, int], None] | None = None,
                      note: Callable[[str], None] | None = None) -> Report:
    """The report of cross-checking an annotate output (see the module docstring for ``scope``).

    ``note`` receives one line on what was compared (the scope chosen, group counts).
    """
    note = note or (lambda m: None)
    if scope not in SCOPES:
        raise UsageError(f"--scope: unknown scope '{scope}' (choose from {', '.join(SCOPES)})")
    out = open_outdir(path)
    if scope == "auto":
        stories = read_table(out, "documents", ["story"]).column("story")
        largest = max(pc.value_counts(stories.fill_null(_NULL)).field("counts").to_pylist(), default=0)
        scope = "story" if largest <= STORY_LIMIT else "corpus"
    if scope == "story":
        report = check_by_story(out, progress)
        note(f"checked story by story: {len(report.documents)} documents, {len(report.claims)} claims")
        return report
    return check_corpus(out, note)


# -- story by story: what `check` does ------------------------------------------------------------------------------

def _story_slices(stories: list) -> Iterator[tuple[str | None, list[int]]]:
    """(story, row indices) in order of first appearance."""
    order: dict = {}
    for i, s in enumerate(stories):
        order.setdefault(s, []).append(i)
    yield from order.items()


def _local_id(story: str, doc_id: str) -> str:
    return doc_id[len(story) + 1:]


def check_by_story(out: OutDir, progress: Callable[[int, int], None] | None = None) -> Report:
    """Each story of the tables checked by :func:`claimcheck.story.check_story`, the function ``check`` uses."""
    from claimcheck.schema import Story
    from claimcheck.story import StoryDoc, check_story, prefix_ids

    documents = read_table(out, "documents", ["id", "story", "path", "title", "published", "source", "url",
                                              "text", "names", "republished_from"])
    claims = read_table(out, "claims")
    by_doc: dict[str, list[dict]] = {}
    for row in claims.to_pylist():
        by_doc.setdefault(row["doc"], []).append(row)
    rows = documents.to_pylist()
    report = Report()
    slices = list(_story_slices([r["story"] for r in rows]))
    for n, (story, idx) in enumerate(slices, 1):
        story_rows = [rows[i] for i in idx]
        # the story's name when every id starts with it: documents get their short ids, the report the long ones
        strip: str | None = None
        if story is not None and all(r["id"].startswith(f"{story}/") for r in story_rows):
            strip = story
        items = []
        for r in story_rows:
            doc = documents_from_rows([r])[0]
            local = doc.model_copy(update={"id": _local_id(strip, doc.id)}) if strip is not None else doc
            claim_rows = [{**c, "id": f"{local.id}:{c['id'].rsplit(':', 1)[1]}", "doc": local.id}
                          for c in by_doc.get(r["id"], [])]
            names, contexts = names_of(r)
            items.append(StoryDoc(local, claims_from_rows(claim_rows), names, contexts))
        part = check_story(items)
        if strip is not None:
            part = prefix_ids(strip, part)
        elif story is not None:  # ids already unique: keep them, make finding ids unique across stories
            part.findings = [f.model_copy(update={"id": f"{story}/{f.id}"}) for f in part.findings]
            part.timelines = [t.model_copy(update={"id": f"{story}/{t.id}"}) for t in part.timelines]
        report.documents.extend(part.documents)
        report.claims.extend(part.claims)
        report.findings.extend(part.findings)
        report.single_source.extend(part.single_source)
        report.timelines.extend(part.timelines)
        report.stories.append(Story(name=story or "all", how="directory" if story is not None else "one",
                                    docs=[d.id for d in part.documents]))
        if progress is not None:
            progress(n, len(slices))
    return report


# -- corpus-wide: columnar grouping ---------------------------------------------------------------------------------

_KEY_COLUMNS = ["subject", "attribute", "period", "scope", "unit"]
# a stand-in claim: the key columns set, every other field empty
_BLANK = {name: None for name in Claim.model_fields if name not in _KEY_COLUMNS}


def _canonical_subjects(claims: pa.Table) -> pa.Array:
    """Subjects resolved across the whole corpus (``resolve_names`` over every distinct subject as written)."""
    from claimcheck.resolve.entities import resolve_names

    written = pc.coalesce(claims.column("subject_text"), claims.column("subject"))
    counts = pc.value_counts(written)
    names, ns = counts.field("values").to_pylist(), counts.field("counts").to_pylist()
    mapping = resolve_names(name for name, n in zip(names, ns) if name is not None for _ in range(n))
    canonical = pa.array([mapping.get(name, name) for name in names], pa.string())
    return pc.take(canonical, pc.index_in(written, value_set=counts.field("values")))


def group_ids(claims: pa.Table) -> tuple[pa.Array, list[tuple]]:
    """Each claim's group number and the groups' ``crosscheck.group_key`` keys.

    ``group_key`` is computed once per distinct (subject, attribute, period, scope, unit), on a stand-in
    claim, so grouping follows crosscheck's own rule without building a Claim per row; a scope-less stake joins
    as ``crosscheck.joined_keys`` says.
    """
    from claimcheck.crosscheck import group_key, joined_keys

    filled = pa.table({c: claims.column(c).fill_null(_NULL) for c in _KEY_COLUMNS})
    distinct = filled.group_by(_KEY_COLUMNS).aggregate([])
    key_ids: dict[tuple, int] = {}
    keys: list[tuple] = []
    ids = []
    stand_in = SimpleNamespace(**_BLANK)  # reused: group_key returns a tuple of values, never the object
    for values in zip(*(distinct.column(c).to_pylist() for c in _KEY_COLUMNS)):
        for name, v in zip(_KEY_COLUMNS, values):
            setattr(stand_in, name, None if v == _NULL else v)
        stand_in.subject = stand_in.subject or ""
        key = group_key(stand_in)
        if key not in key_ids:
            key_ids[key] = len(keys)
            keys.append(key)
        ids.append(key_ids[key])
    joins = {key_ids[k]: key_ids[j] for k, j in joined_keys(keys).items()}  # a stake with no scope: crosscheck's rule
    ids = [joins.get(i, i) for i in ids]
    distinct = distinct.append_column("group", pa.array(ids, pa.int64()))
    joined = filled.append_column("row", pa.array(range(len(filled)), pa.int64())).join(
        distinct, keys=_KEY_COLUMNS, join_type="left outer").sort_by("row")
    return joined.column("group").combine_chunks(), keys


def _agreeing_groups(claims: pa.Table) -> pa.Array:
    """Groups of numeric claims whose intervals all share a point: every source agrees with every other.

    Two claims agree when their intervals overlap (crosscheck's rule; ``at_least`` is open above,
    ``at_most`` below); when the largest lower bound is at most the smallest upper bound, every pair
    overlaps, no source is an outlier and ``compare_group`` has nothing to report. Groups with a date value
    are always compared.
    """
    inf = pa.scalar(float("inf"))
    q = claims.column("qualifier")
    value = claims.column("value")
    low = pc.if_else(pc.equal(q, "at_most"), -inf, pc.coalesce(claims.column("low"), value))
    high = pc.if_else(pc.equal(q, "at_least"), inf, pc.coalesce(claims.column("high"), value))
    dated = pc.is_valid(pc.coalesce(claims.column("date"), claims.column("date_low"), claims.column("date_high")))
    bounds = pa.table({"group": claims.column("group"), "low": low,
                       "high": high, "dated": pc.or_(dated, pc.or_(pc.is_null(low), pc.is_null(high)))})
    per_group = bounds.group_by("group").aggregate([("low", "max"), ("high", "min"), ("dated", "any")])
    agree = pc.and_(pc.less_equal(per_group.column("low_max"), per_group.column("high_min")),
                    pc.invert(per_group.column("dated_any")))
    return pc.filter(per_group.column("group"), agree.fill_null(False))


def _sort_key(key: tuple) -> tuple:
    return tuple("" if x is None else str(x) for x in key)


def without_copy_repeats(out: OutDir, claims: pa.Table) -> tuple[pa.Table, int, int]:
    """``claims`` less the figures of copies that repeat their original's (``story.voting_claims``): copies are
    found across the whole corpus (``resolve/copies.py``, MinHash/LSH candidates), so a wire story and its
    syndicated copies are one voice corpus-wide as in a story. Returns the table, the copies found and the
    claims left out."""
    from claimcheck.crosscheck import finding_ids, published_date_findings
    from claimcheck.resolve.copies import find_copies
    from claimcheck.story import voting_claims

    rows = read_table(out, "documents", ["id", "story", "published", "source", "text", "republished_from"]).to_pylist()
    docs = [Document(id=r["id"], text=r["text"] or "", published=r["published"], source=r["source"],
                     republished_from=r["republished_from"]) for r in rows]
    by_story: dict[str, list[Document]] = {}
    for r, d in zip(rows, docs):
        if r["story"] is not None:
            by_story.setdefault(r["story"], []).append(d)
    # a date line its story shows wrong does not make its page the original (as in story.find_story_copies)
    untrusted = {f.docs[0] for story_docs in by_story.values()
                 for f in published_date_findings(story_docs, finding_ids())}
    copies = {copy: pair.original for copy, pair in find_copies(docs, untrusted_dates=untrusted).items()}
    if not copies:
        return claims, 0, 0
    involved = pa.array(sorted(set(copies) | set(copies.values())), pa.string())
    mine = claims_from_table(claims.filter(pc.is_in(claims.column("doc"), value_set=involved)))
    kept = {c.id for c in voting_claims(mine, copies)}
    dropped = pa.array(sorted(c.id for c in mine if c.id not in kept), pa.string())
    return claims.filter(pc.invert(pc.is_in(claims.column("id"), value_set=dropped))), len(copies), len(dropped)


def check_corpus(out: OutDir, note: Callable[[str], None] = lambda m: None) -> Report:
    claims = read_table(out, "claims")
    claims = claims.set_column(claims.schema.get_field_index("subject"), "subject", _canonical_subjects(claims))
    claims, n_copies, repeats = without_copy_repeats(out, claims)
    if n_copies:
        note(f"{n_copies} documents are copies of another; {repeats} of their figures repeat the original's and "
             "are counted once")
    groups, keys = group_ids(claims)
    claims = claims.append_column("group", groups)
    per_group = claims.group_by("group").aggregate([("doc", "count_distinct")])
    multi = pc.filter(per_group.column("group"), pc.greater_equal(per_group.column("doc_count_distinct"), 2))
    # groups in crosscheck's order, rows in table order inside each group
    rank_of = {g: r for r, g in enumerate(sorted(multi.to_pylist(), key=lambda g: _sort_key(keys[g])))}
    multi = pc.filter(multi, pc.invert(pc.is_in(multi, value_set=_agreeing_groups(claims))))
    candidates = claims.filter(pc.is_in(claims.column("group"), value_set=multi))
    ranks = pa.array([rank_of[g] for g in candidates.column("group").to_pylist()], pa.int64())
    candidates = candidates.append_column("rank", ranks).append_column(
        "row", pa.array(range(candidates.num_rows), pa.int64())).sort_by([("rank", "ascending"), ("row", "ascending")])
    findings = _compare_groups(candidates)
    cited_claims = {c for f in findings for c in f.claims}
    cited_docs = {d for f in findings for d in f.docs}
    cited = candidates.filter(pc.is_in(candidates.column("id"), value_set=pa.array(sorted(cited_claims), pa.string())))
    documents = read_table(out, "documents", ["id", "path", "title", "published", "source", "url"])
    documents = documents.filter(pc.is_in(documents.column("id"), value_set=pa.array(sorted(cited_docs), pa.string())))
    report = Report(documents=documents_from_rows(documents.to_pylist()),
                    claims=claims_from_table(cited.drop_columns(["group", "rank", "row"])),
                    findings=findings)
    note(f"checked corpus-wide: {claims.num_rows} claims in {len(keys)} groups, {len(rank_of)} of them stated by "
         f"more than one document, {len(multi)} with figures that do not all overlap (typos and publication "
         f"dates are checked with --scope story)")
    return report


def _compare_groups(candidates: pa.Table, chunk: int = 50_000) -> list[Finding]:
    from claimcheck.crosscheck import compare_moments, finding_ids, numbered

    next_id = finding_ids()
    findings: list[Finding] = []
    group: list[Claim] = []
    current = None
    ranks = candidates.column("rank").to_pylist()
    table = candidates.drop_columns(["group", "rank", "row"])
    for start in range(0, table.num_rows, chunk):  # Claim objects for one slice at a time
        for rank, claim in zip(ranks[start:start + chunk], claims_from_table(table.slice(start, chunk))):
            if rank != current and group:
                findings += compare_moments(group, next_id)[0]
                group = []
            current = rank
            group.append(claim)
    if group:
        findings += compare_moments(group, next_id)[0]
    return numbered(findings)
