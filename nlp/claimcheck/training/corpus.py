"""The annotated claim corpus: markup sources → Prodigy JSONL → spaCy DocBin, and Label Studio round trips.

Layout (all under ``corpus/``):

- ``articles/*.md``: articles written for the project, in the markup of
  ``claimcheck.training.markup`` (the demo stories' cleaned texts included);
- ``claims/{train,dev,test}.jsonl``: the same annotations in Prodigy's
  span/relation format (``text``, ``tokens``, ``spans``, ``relations``, ``meta``),
  built by ``python -m claimcheck.training.corpus build``; the split of each
  article is fixed in ``claims/splits.json``;
- ``real/annotations.jsonl``: annotations of real articles in ``../shared/data``
  (ids, character offsets and labels only: the text stays in ``../shared``).

A relation's ``head`` is the subject span and ``child`` the value span, each
given as the index of the span's last token (Prodigy's convention) and in full as
``head_span`` / ``child_span``; ``label`` is the attribute, ``period`` and
``scope`` ride along.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from claimcheck.errors import InputError
from claimcheck.jsonl import read_jsonl
from claimcheck.paths import corpus_dir
from claimcheck.training.markup import ATTRIBUTES, LABELS, MarkupError, Parsed, parse_markup

SPLITS = ("train", "dev", "test")


@lru_cache(maxsize=1)
def tokenizer_nlp():
    import spacy

    from claimcheck.pipeline.tokenizer import adjust_tokenizer

    nlp = spacy.blank("en")
    adjust_tokenizer(nlp)
    return nlp


def _tokens(text: str) -> list[dict]:
    doc = tokenizer_nlp().make_doc(text)
    return [{"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i, "ws": bool(t.whitespace_)}
            for t in doc]


def _token_index(tokens: list[dict]) -> tuple[dict, dict]:
    return {t["start"]: t["id"] for t in tokens}, {t["end"]: t["id"] for t in tokens}


def make_task(parsed: Parsed, meta: dict | None = None) -> dict:
    """A Prodigy task from parsed markup; raises MarkupError when a span does not fit token boundaries."""
    tokens = _tokens(parsed.text)
    starts, ends = _token_index(tokens)
    spans = []
    for s in parsed.spans:
        if s["start"] not in starts or s["end"] not in ends:
            raise MarkupError(f"span {s['text']!r} at {s['start']} does not start and end on token boundaries "
                              "(tokens: "
                              f"{[t['text'] for t in tokens if t['end'] > s['start'] and t['start'] < s['end']]})")
        spans.append({"start": s["start"], "end": s["end"], "token_start": starts[s["start"]],
                      "token_end": ends[s["end"]], "label": s["label"]})
        if s.get("why"):
            spans[-1]["why"] = s["why"]
    relations = []
    for r in parsed.relations:
        head, child = spans[r["head"]], spans[r["child"]]
        relations.append({"head": head["token_end"], "child": child["token_end"], "head_span": head,
                          "child_span": child, "label": r["label"], "period": r.get("period"),
                          "scope": r.get("scope")})
        if r.get("as_of"):
            relations[-1]["as_of"] = r["as_of"]
    return {"text": parsed.text, "meta": dict(meta if meta is not None else parsed.meta), "tokens": tokens,
            "spans": spans, "relations": relations, "answer": "accept"}


#: an article of the corpus is one news story; a bigger file is a mistake (and would not fit spaCy's max_length)
MAX_ARTICLE_BYTES = 1_000_000


def read_article(path: Path) -> dict:
    """One markup article as a Prodigy task; MarkupError naming the file for anything unreadable."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO would block the read for ever
            raise MarkupError(f"{path}: not a regular file")
        with open(path, "rb") as fh:
            data = fh.read(MAX_ARTICLE_BYTES + 1)
    except PermissionError:
        raise MarkupError(f"{path}: permission denied") from None  # worded as the readers of `check` word it
    except OSError as exc:
        raise MarkupError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise MarkupError(f"{path}: over {MAX_ARTICLE_BYTES:,} bytes; a corpus article is one news story")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise MarkupError(f"{path}: UTF-16 text; corpus articles are UTF-8")
    if b"\x00" in data:
        raise MarkupError(f"{path}: binary data (NUL bytes), not a markup article")
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MarkupError(f"{path}: not UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 4]!r})") from None
    if not source.strip():
        raise MarkupError(f"{path}: empty article")
    try:
        parsed = parse_markup(source)
        meta = {"id": path.stem, **parsed.meta}
        return make_task(parsed, meta)
    except MarkupError as exc:
        raise MarkupError(f"{path}: {exc}") from None


def write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    from claimcheck.report.output import write_atomic

    write_atomic(str(path), "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), force=True)


def split_of(doc_id: str, splits: dict) -> str:
    """A new article's split comes from a hash of its id (70/15/15); recorded ones never move."""
    if doc_id in splits:
        return splits[doc_id]
    h = int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 100
    return "train" if h < 70 else "dev" if h < 85 else "test"


def build(corpus: Path | None = None) -> dict:
    """Rebuild ``claims/*.jsonl`` from ``articles/*.md``; returns counts per split."""
    corpus = corpus or corpus_dir()
    splits_path = corpus / "claims" / "splits.json"
    try:
        splits = json.loads(splits_path.read_text(encoding="utf-8")) if splits_path.exists() else {}
    except (OSError, ValueError) as exc:
        raise MarkupError(f"{splits_path}: unreadable ({exc})") from None
    if not isinstance(splits, dict):
        raise MarkupError(f"{splits_path}: expected an object of article id -> split")
    rows: dict[str, list[dict]] = {s: [] for s in SPLITS}
    for path in sorted((corpus / "articles").glob("*.md")):
        task = read_article(path)
        split = split_of(task["meta"]["id"], splits)
        splits[task["meta"]["id"]] = split
        task["meta"]["split"] = split
        rows[split].append(task)
    (corpus / "claims").mkdir(exist_ok=True)
    for split, tasks in rows.items():
        write_jsonl(corpus / "claims" / f"{split}.jsonl", tasks)
    from claimcheck.report.output import write_atomic

    write_atomic(str(splits_path), json.dumps(dict(sorted(splits.items())), indent=1) + "\n", force=True)
    return {s: {"articles": len(t), "spans": sum(len(x["spans"]) for x in t),
                "claims": sum(len(x["relations"]) for x in t)} for s, t in rows.items()}


def load_split(split: str, corpus: Path | None = None) -> list[dict]:
    corpus = corpus or corpus_dir()
    return list(read_jsonl(corpus / "claims" / f"{split}.jsonl"))


# --- spaCy DocBin ---------------------------------------------------------------------------------

def task_to_doc(task: dict, nlp=None):
    """A spaCy Doc with gold entities and gold claims in ``doc.user_data['claimcheck.gold_claims']``."""
    from spacy.tokens import Doc

    nlp = nlp or tokenizer_nlp()
    words = [t["text"] for t in task["tokens"]]
    spaces = [t["ws"] for t in task["tokens"]]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    ents = [doc[s["token_start"]:s["token_end"] + 1] for s in task["spans"]]
    for span, s in zip(ents, task["spans"]):
        span.label_ = s["label"]
    gold_ents = []
    for s in task["spans"]:
        ent = doc.char_span(s["start"], s["end"], label=s["label"])
        assert ent is not None, s  # make_task's spans start and end on its tokens
        gold_ents.append(ent)
    doc.set_ents(gold_ents)
    doc.user_data[GOLD_KEY] = [
        {"head": [r["head_span"]["token_start"], r["head_span"]["token_end"] + 1],
         "child": [r["child_span"]["token_start"], r["child_span"]["token_end"] + 1],
         "label": r["label"], "period": r.get("period"), "scope": r.get("scope")}
        for r in task["relations"]]
    doc.user_data["claimcheck.meta"] = task.get("meta", {})
    return doc


GOLD_KEY = "claimcheck.gold_claims"


def to_docbin(tasks: Iterable[dict], path: Path) -> int:
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=True)
    n = 0
    for task in tasks:
        db.add(task_to_doc(task))
        n += 1
    tmp = Path(str(path) + ".tmp")
    db.to_disk(tmp)
    tmp.replace(path)
    return n


# --- Label Studio ---------------------------------------------------------------------------------

def to_label_studio(task: dict) -> dict:
    """One Label Studio task (``data.text`` + one annotation of labels, relations and per-value notes)."""
    result = []
    for i, s in enumerate(task["spans"]):
        result.append({"id": f"s{i}", "from_name": "label", "to_name": "text", "type": "labels",
                       "value": {"start": s["start"], "end": s["end"], "text": task["text"][s["start"]:s["end"]],
                                 "labels": [s["label"]]}})
    index = {(s["start"], s["end"]): i for i, s in enumerate(task["spans"])}
    for r in task["relations"]:
        h = index[(r["head_span"]["start"], r["head_span"]["end"])]
        c = index[(r["child_span"]["start"], r["child_span"]["end"])]
        result.append({"type": "relation", "from_id": f"s{h}", "to_id": f"s{c}", "direction": "right",
                       "labels": [r["label"]]})
        notes = [f"{k}={r[k]}" for k in ("period", "scope") if r.get(k)]
        if notes:
            result.append({"id": f"s{c}", "from_name": "notes", "to_name": "text", "type": "textarea",
                           "value": {"start": task["spans"][c]["start"], "end": task["spans"][c]["end"],
                                     "text": notes}})
    return {"data": {"text": task["text"], "meta": task.get("meta", {})}, "annotations": [{"result": result}]}


def from_label_studio(ls_task: dict) -> dict:
    """The Prodigy task of a Label Studio task (its last annotation); raises MarkupError on bad shapes."""
    try:
        text = ls_task["data"]["text"]
        result = ls_task["annotations"][-1]["result"]
    except (KeyError, IndexError, TypeError):
        raise MarkupError("not a Label Studio task with data.text and annotations[].result") from None
    regions = {}
    for item in result:
        if item.get("type") == "labels":
            label = item["value"]["labels"][0]
            if label not in LABELS:
                raise MarkupError(f"unknown label {label!r}")
            regions[item["id"]] = {"start": item["value"]["start"], "end": item["value"]["end"], "label": label}
    ordered = sorted(regions.items(), key=lambda kv: (kv[1]["start"], kv[1]["end"]))
    position = {rid: i for i, (rid, _) in enumerate(ordered)}
    spans = [dict(r, text=text[r["start"]:r["end"]]) for _, r in ordered]
    notes: dict[str, dict[str, str]] = {}
    for item in result:
        if item.get("type") == "textarea" and item.get("from_name") == "notes":
            for note in item["value"]["text"]:
                key, _, value = note.partition("=")
                notes.setdefault(item["id"], {})[key.strip()] = value.strip()
    relations = []
    for item in result:
        if item.get("type") == "relation":
            label = (item.get("labels") or [""])[0]
            if label not in ATTRIBUTES:
                raise MarkupError(f"unknown attribute {label!r}")
            extra = notes.get(item["to_id"], {})
            relations.append({"head": position[item["from_id"]], "child": position[item["to_id"]], "label": label,
                              "period": extra.get("period"), "scope": extra.get("scope")})
    relations.sort(key=lambda r: r["child"])
    return make_task(Parsed(text=text, spans=spans, relations=relations), ls_task["data"].get("meta", {}))


# --- real articles: offsets only --------------------------------------------------------------------

REAL_SOURCES = {
    "bbc_business": "bbc_business/bbc_business.jsonl",
    "meantime": "meantime/meantime_en.jsonl",
    "reuters21578": "reuters21578/reuters21578.jsonl",
    "ecbplus": "ecbplus/ecbplus.jsonl",
}


@lru_cache(maxsize=8)
def shared_records(source: str, shared: Path) -> dict[str, dict]:
    return {r["id"]: r for r in read_jsonl(shared / "data" / REAL_SOURCES[source])}


#: sources whose records keep the headline apart from the body: the annotated text is "title\n\ntext",
#: as BBC and MEANTIME records already are (their first line is the headline)
TITLED_SOURCES = ("reuters21578", "ecbplus")


def record_text(source: str, record: dict) -> str:
    """The text an annotation's offsets point into."""
    if source in TITLED_SOURCES and (record.get("title") or "").strip():
        return f"{record['title'].strip()}\n\n{record['text']}"
    return record["text"]


def shared_texts(source: str, shared: Path) -> dict[str, str]:
    return {k: record_text(source, r) for k, r in shared_records(source, shared).items()}


def published_of(source: str, record: dict) -> str | None:
    """The record's publication date where the corpus gives a clean one (Reuters' ``date``)."""
    if source == "reuters21578" and record.get("date"):
        return str(record["date"])[:10]
    return None


def markup_name(source: str, doc_id: str) -> str:
    """A file name for an article's marked-up copy (MEANTIME ids contain '/')."""
    return f"{source}-{doc_id.replace('/', '__')}.md"


def import_real(paths: Iterable[Path], shared: Path) -> list[dict]:
    """Annotations (offsets only) from marked-up copies of shared articles; the copy must match exactly.

    Each file's front matter names ``source`` (bbc_business or meantime) and ``id``.
    """
    rows, texts = [], {}
    for path in paths:
        parsed = parse_markup(path.read_text(encoding="utf-8"))
        source, doc_id = parsed.meta.get("source"), parsed.meta.get("id")
        if not isinstance(source, str) or source not in REAL_SOURCES:
            raise MarkupError(f"{path}: front matter needs source: {' or '.join(REAL_SOURCES)}")
        if source not in texts:
            texts[source] = shared_texts(source, shared)
        if not isinstance(doc_id, str) or doc_id not in texts[source]:
            raise MarkupError(f"{path}: no article {doc_id!r} in {source}")
        original = texts[source][doc_id]
        if parsed.text != original:
            at = next((i for i, (a, b) in enumerate(zip(parsed.text, original)) if a != b),
                      min(len(parsed.text), len(original)))
            raise MarkupError(f"{path}: text differs from the shared article at offset {at}: "
                              f"{parsed.text[at:at + 30]!r} vs {original[at:at + 30]!r}")
        meta = {"source": source, "id": doc_id}
        published = published_of(source, shared_records(source, shared)[doc_id])
        if published:
            meta["published"] = published
        task = make_task(parsed, meta)
        rows.append(strip_text(task))
    return rows


def export_real(shared: Path, out: Path, keys: Iterable[tuple[str, str]] | None = None,
                corpus: Path | None = None) -> list[Path]:
    """Marked-up copies of stored real annotations (texts from ``shared``), to edit and import again."""
    from claimcheck.training.markup import to_markup

    wanted = set(keys) if keys is not None else None
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for task in load_real(shared, corpus):
        key = (task["meta"]["source"], task["meta"]["id"])
        if wanted is not None and key not in wanted:
            continue
        spans = [dict(s, text=task["text"][s["start"]:s["end"]]) for s in task["spans"]]
        index = {(s["start"], s["end"]): i for i, s in enumerate(spans)}
        relations = [{"head": index[(r["head_span"]["start"], r["head_span"]["end"])],
                      "child": index[(r["child_span"]["start"], r["child_span"]["end"])],
                      **{k: r.get(k) for k in ("label", "period", "scope", "as_of")}} for r in task["relations"]]
        path = out / markup_name(*key)
        path.write_text(to_markup(task["text"], spans, relations, {"source": key[0], "id": key[1]}), encoding="utf-8")
        written.append(path)
    return written


def shared_documents(keys: list[tuple[str, str]], shared: Path) -> list:
    """The shared articles ``keys`` (``(source, id)``) as pipeline ``Document``s: the annotated text, and the
    publication date where the corpus gives one; each source's file is read once."""
    from datetime import date

    from claimcheck.schema import Document

    records: dict[str, dict[str, dict]] = {}
    docs = []
    for source, doc_id in keys:
        if source not in records:
            records[source] = shared_records(source, shared)
        record = records[source][doc_id]
        published = published_of(source, record)
        docs.append(Document(id=f"{source}:{doc_id}", text=record_text(source, record),
                             published=date.fromisoformat(published) if published else None))
    return docs


def pipeline_marks(text: str, processed) -> tuple[list[dict], list[dict]]:
    """A processed document's mentions and claims as markup spans and relations (``parse_markup``'s shapes).

    Spans: the pipeline's mentions of the corpus' labels, non-overlapping (the first and longest kept), in
    text order. Relations: one per value, its subject the nearest span of the claim's subject text before
    the value (else after it). Pre-annotation writes these for annotators to check; distillation takes them
    as silver labels.
    """
    from claimcheck.training.markup import SUBJECT_LABELS

    taken: list[tuple[int, int]] = []
    spans: list[dict] = []
    for m in sorted(processed.mentions, key=lambda m: (m.start, -m.end)):
        if (m.label in LABELS and all(m.end <= x or m.start >= y for x, y in taken)
                and text[m.start:m.end] == text[m.start:m.end].strip()):
            spans.append({"start": m.start, "end": m.end, "label": m.label, "text": text[m.start:m.end]})
            taken.append((m.start, m.end))
    relations = []
    for d in processed.drafts:
        a, b = d.span.start_char, d.span.end_char
        child = next((i for i, s in enumerate(spans) if (s["start"], s["end"]) == (a, b)), None)
        if child is None:
            continue
        named = [i for i, s in enumerate(spans) if s["text"] == d.subject_text and s["label"] in SUBJECT_LABELS]
        before = [i for i in named if i < child]
        head = before[-1] if before else next((i for i in named if i > child), None)
        if head is None:
            continue
        relations.append({"head": head, "child": child, "label": d.attribute, "period": d.period,
                          "scope": d.scope})
    order = sorted(range(len(spans)), key=lambda i: spans[i]["start"])
    where = {old: new for new, old in enumerate(order)}
    spans = [spans[i] for i in order]
    relations = [dict(r, head=where[r["head"]], child=where[r["child"]]) for r in relations]
    seen, unique = set(), []
    for r in relations:
        if r["child"] not in seen:
            seen.add(r["child"])
            unique.append(r)
    return spans, unique


def preannotate(keys: Iterable[tuple[str, str]], shared: Path, out: Path, model: str = "rules") -> list[Path]:
    """Marked-up copies of shared articles with the pipeline's mentions and claims, for annotators to check.

    Nothing here is gold: every mark is to be read and corrected by an annotator (the front matter says
    ``pre: MODEL`` so an unchecked file is never imported by mistake; see ``corpus/real/README.md``).
    """
    from claimcheck.pipeline import load_pipeline, process
    from claimcheck.training.markup import to_markup

    keys = list(keys)
    nlp = load_pipeline(model)
    docs = shared_documents(keys, shared)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for (source, doc_id), doc, p in zip(keys, docs, process(docs, nlp)):
        text = doc.text
        spans, unique = pipeline_marks(text, p)
        try:
            body = to_markup(text, spans, unique, {"source": source, "id": doc_id, "pre": model})
        except MarkupError:
            body = to_markup(text, spans, [], {"source": source, "id": doc_id, "pre": model})
        path = out / markup_name(source, doc_id)
        path.write_text(body, encoding="utf-8")
        written.append(path)
    return written


def strip_text(task: dict) -> dict:
    """Offsets and labels only (what may be stored for texts we did not write)."""
    spans = [{k: s[k] for k in ("start", "end", "label", "why") if k in s} for s in task["spans"]]
    index = {(s["start"], s["end"]): i for i, s in enumerate(spans)}
    relations = [{"head": index[(r["head_span"]["start"], r["head_span"]["end"])],
                  "child": index[(r["child_span"]["start"], r["child_span"]["end"])],
                  "label": r["label"], "period": r.get("period"), "scope": r.get("scope"),
                  **({"as_of": r["as_of"]} if r.get("as_of") else {})}
                 for r in task["relations"]]
    return {"meta": task["meta"], "text_sha1": hashlib.sha1(task["text"].encode()).hexdigest(),
            "spans": spans, "relations": relations}


REAL_SPLITS = ("train", "dev", "test")


def real_key(source: str, doc_id: str) -> str:
    return f"{source}:{doc_id}"


def real_split_of(key: str, splits: dict) -> str:
    """The frozen split of a real article: recorded ones never move; a new one's comes from a hash of its key.

    New articles: 30% test, 15% dev, 55% train (SHA-1 of ``source:id`` modulo 100), so the split does not
    depend on when an article was annotated nor on what a model does with it.
    """
    if key in splits:
        return splits[key]
    h = int(hashlib.sha1(key.encode()).hexdigest(), 16) % 100
    return "test" if h < 30 else "dev" if h < 45 else "train"


def real_splits(corpus: Path | None = None) -> dict[str, str]:
    path = (corpus or corpus_dir()) / "real" / "splits.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def load_real(shared: Path, corpus: Path | None = None, split: str | None = None) -> list[dict]:
    """Full Prodigy tasks for the real annotated articles (one ``split`` or all), texts read from ``shared``.

    Each task's meta carries its ``split``.
    """
    corpus = corpus or corpus_dir()
    splits = real_splits(corpus)
    texts: dict[str, dict] = {}
    tasks = []
    for row in read_jsonl(corpus / "real" / "annotations.jsonl"):
        source = row["meta"]["source"]
        part = real_split_of(real_key(source, row["meta"]["id"]), splits)
        if split is not None and part != split:
            continue
        if source not in texts:
            texts[source] = shared_texts(source, shared)
        text = texts[source][row["meta"]["id"]]
        if hashlib.sha1(text.encode()).hexdigest() != row["text_sha1"]:
            raise MarkupError(f"shared article {row['meta']['id']} changed since it was annotated")
        spans = [dict(s, text=text[s["start"]:s["end"]]) for s in row["spans"]]
        tasks.append(make_task(Parsed(text=text, spans=spans, relations=row["relations"]),
                               {**row["meta"], "split": part}))
    return tasks


def _source_id(key: str) -> tuple[str, str]:
    """``SOURCE:ID`` of the command line as (source, id)."""
    source, doc_id = key.split(":", 1)
    return source, doc_id


def _main(argv: list[str]) -> int:
    """python -m claimcheck.training.corpus build | check FILE... | import-real SHARED FILE...
       | check-real SHARED FILE... | export-real SHARED OUTDIR [SOURCE:ID...]
       | preannotate SHARED OUTDIR SOURCE:ID..."""
    commands = ("build", "check", "import-real", "check-real", "export-real", "preannotate")
    if not argv or argv[0] not in commands:
        print(_main.__doc__)
        return 2
    try:
        if argv[0] == "build":
            for split, counts in build().items():
                print(split, counts)
        elif argv[0] == "check":
            total = 0
            for p in argv[1:]:
                task = read_article(Path(p))
                total += len(task["relations"])
                print(f"{p}: {len(task['spans'])} spans, {len(task['relations'])} claims")
            print(f"total claims: {total}")
        elif argv[0] == "check-real":
            for p in argv[2:]:
                try:
                    row = import_real([Path(p)], Path(argv[1]))[0]
                except MarkupError as exc:
                    print(f"error: {exc}")
                    continue
                undecided = sum(1 for i, s in enumerate(row["spans"])
                                if s["label"] in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") and "why" not in s
                                and i not in {r["child"] for r in row["relations"]})
                print(f"{p}: ok, {len(row['spans'])} spans, {len(row['relations'])} claims"
                      + (f", {undecided} figures neither claim nor no=REASON" if undecided else ""))
        elif argv[0] == "export-real":
            keys = [_source_id(k) for k in argv[3:]] or None
            paths = export_real(Path(argv[1]), Path(argv[2]), keys)
            print(f"{len(paths)} articles written to {argv[2]}")
        elif argv[0] == "preannotate":
            keys = [_source_id(k) for k in argv[3:]]
            paths = preannotate(keys, Path(argv[1]), Path(argv[2]))
            print(f"{len(paths)} articles written to {argv[2]}")
        else:
            metas = {p: parse_markup(Path(p).read_text(encoding="utf-8")).meta for p in argv[2:]}
            pre = [p for p, meta in metas.items() if meta.get("pre") and meta.get("status") != "checked"]
            if pre:
                raise MarkupError(f"{pre[0]}: pre-annotated and not marked 'status: checked'")
            rows = import_real([Path(p) for p in argv[2:]], Path(argv[1]))
            out = corpus_dir() / "real" / "annotations.jsonl"
            out.parent.mkdir(exist_ok=True)
            old = {(r["meta"]["source"], r["meta"]["id"]): r for r in read_jsonl(out)} if out.exists() else {}
            old.update({(r["meta"]["source"], r["meta"]["id"]): r for r in rows})
            write_jsonl(out, [old[k] for k in sorted(old)])
            splits = real_splits()
            for source, doc_id in old:  # record each article's split once: it never moves afterwards
                key = real_key(source, doc_id)
                splits[key] = real_split_of(key, splits)
            from claimcheck.report.output import write_atomic

            write_atomic(str(out.parent / "splits.json"),
                         json.dumps(dict(sorted(splits.items())), indent=1) + "\n", force=True)
            print(f"{len(rows)} articles imported; {len(old)} in {out}")
    except (MarkupError, InputError) as exc:  # an article or a JSONL line that cannot be read: one line
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
