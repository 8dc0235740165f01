"""``claimcheck evaluate``: mention and claim scores of a pipeline, and NewsQuant beside quantulum3.

Sets, each scored separately:

- ``test`` (or any split) of the project's annotated corpus;
- ``real``: the annotated BBC and MEANTIME articles (texts read from the shared data);
- ``newsquant``: the NewsQuant sentences (``claimcheck.training.newsquant``).

Mentions: exact-span P/R/F1 per label over the nine guideline labels. Claims:
subject + attribute + normalised value must all match (``claimcheck.training.scoring``).
The pipeline runs exactly as ``check`` runs it (``claimcheck.pipeline.process``).
"""

from __future__ import annotations

import time
from pathlib import Path

from claimcheck.training.markup import LABELS

SETS = ("test", "real", "newsquant")


def _gold_claims(task: dict, sdoc) -> list[tuple]:
    """(subject key, attribute, value key) of a task's gold relations, normalised in the document's context."""
    from spacy.tokens import Span

    from claimcheck.pipeline.mentions import DAYFIRST_KEY, PUBLISHED_KEY, normalize_span
    from claimcheck.resolve.entities import name_key
    from claimcheck.training.scoring import _value_key

    out = []
    for r in task["relations"]:
        h, c = r["head_span"], r["child_span"]
        span = sdoc.char_span(c["start"], c["end"], alignment_mode="expand")
        q = None
        if span is not None:
            q = normalize_span(Span(sdoc, span.start, span.end, label=c["label"]), sdoc.user_data.get(PUBLISHED_KEY),
                               dayfirst=bool(sdoc.user_data.get(DAYFIRST_KEY)))
        out.append((name_key(task["text"][h["start"]:h["end"]]), r["label"],
                    _value_key(q) if q else task["text"][c["start"]:c["end"]]))
    return out


def score_tasks(tasks: list[dict], nlp) -> dict:
    """Mention and claim scores of ``nlp`` on Prodigy tasks, plus words per second of the run."""
    from claimcheck.training.scoring import claim_scores, mention_scores

    started = time.perf_counter()
    mention_pairs, claim_pairs = run_tasks(tasks, nlp)
    seconds = time.perf_counter() - started
    words = sum(len(t["text"].split()) for t in tasks)
    return {"articles": len(tasks), "words": words, "words_per_second": round(words / seconds) if seconds else None,
            "mentions": mention_scores(mention_pairs),
            "claims": claim_scores((gold, [p[:3] for p in pred]) for gold, pred in claim_pairs)}


def run_tasks(tasks: list[dict], nlp) -> tuple[list, list]:
    """Per task: (gold spans, predicted spans) and (gold claims, predicted claims + attribute score)."""
    from datetime import date

    from claimcheck.normalize import currency_context, infer_dayfirst
    from claimcheck.pipeline import process
    from claimcheck.pipeline.mentions import CURRENCY_KEY, DAYFIRST_KEY, PUBLISHED_KEY
    from claimcheck.resolve.entities import name_key
    from claimcheck.schema import Document
    from claimcheck.training.scoring import _value_key

    docs = []
    for i, t in enumerate(tasks):
        published = t.get("meta", {}).get("published")
        try:
            published = date.fromisoformat(str(published)) if published else None
        except ValueError:
            published = None
        docs.append(Document(id=str(t.get("meta", {}).get("id", i)), text=t["text"], published=published))
    processed = list(process(docs, nlp))
    mention_pairs, claim_pairs = [], []
    for task, doc, p in zip(tasks, docs, processed):
        gold_spans = [(s["start"], s["end"], s["label"]) for s in task["spans"]]
        pred_spans = [(m.start, m.end, m.label) for m in p.mentions if m.label in LABELS]
        mention_pairs.append((gold_spans, pred_spans))
        sdoc = nlp.make_doc(task["text"])
        sdoc.user_data[PUBLISHED_KEY] = doc.published
        sdoc.user_data[DAYFIRST_KEY] = bool(infer_dayfirst([doc.text]))
        sdoc.user_data[CURRENCY_KEY] = currency_context(doc.text, strict=True)
        pred = [(name_key(d.subject_text), d.attribute, _value_key(d.quantity), d.attribute_score) for d in p.drafts]
        claim_pairs.append((_gold_claims(task, sdoc), pred))
    return mention_pairs, claim_pairs


def evaluate(model: str = "default", *, sets=SETS, split: str = "test", shared: Path | None = None,
             peer: bool = True, nlp=None) -> dict:
    """Scores of ``model`` on the requested sets; a set whose data is missing is reported as skipped."""
    from claimcheck.pipeline import load_pipeline
    from claimcheck.training.corpus import load_real, load_split

    nlp = nlp or load_pipeline(model)
    result: dict = {"model": model, "pipeline": nlp.pipe_names,
                    "version": nlp.meta.get("version"), "sets": {}}
    if "test" in sets:
        result["sets"][split] = score_tasks(load_split(split), nlp)
    if "real" in sets:
        if shared is None or not (shared / "data").is_dir():
            result["sets"]["real"] = {"skipped": "shared data not found (--shared PATH)"}
        else:
            result["sets"]["real"] = score_tasks(load_real(shared), nlp)
    if "newsquant" in sets:
        from claimcheck.training import newsquant

        path = shared / "data" / "newsquant" / "NewsQuant.json" if shared else None
        if path is None or not path.exists():
            result["sets"]["newsquant"] = {"skipped": "shared data not found (--shared PATH)"}
        else:
            result["sets"]["newsquant"] = newsquant.evaluate(newsquant.load(path), nlp, peer=peer)
    return result


def render_table(result: dict) -> str:
    """The scores as plain-text tables."""
    lines = [f"model: {result['model']} ({' > '.join(result['pipeline'])})"]
    for name, s in result["sets"].items():
        if "skipped" in s:
            lines.append(f"\n[{name}] skipped: {s['skipped']}")
            continue
        if name == "newsquant":
            lines.append(f"\n[newsquant] {s['claimcheck']['sentences']} sentences, {s['claimcheck']['gold']} gold quantities")
            lines.append(f"  {'system':<12} {'value P':>8} {'R':>6} {'F1':>6}   {'value+unit P':>12} {'R':>6} {'F1':>6}")
            for system in ("claimcheck", "quantulum3"):
                x = s.get(system)
                if x:
                    v, u = x["value"], x["value_unit"]
                    lines.append(f"  {system:<12} {v['p']:>8.3f} {v['r']:>6.3f} {v['f']:>6.3f}   "
                                 f"{u['p']:>12.3f} {u['r']:>6.3f} {u['f']:>6.3f}")
            if s.get("quantulum3_note"):
                lines.append(f"  ({s['quantulum3_note']})")
            continue
        lines.append(f"\n[{name}] {s['articles']} articles, {s['words']} words, {s['words_per_second']} words/s")
        for title, block, key in (("mentions", s["mentions"], "per_label"), ("claims", s["claims"], "per_attribute")):
            lines.append(f"  {title:<20} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}")
            rows = list(block[key].items()) + [("ALL", block["all"])]
            for label, x in rows:
                lines.append(f"  {label:<20} {x['p']:>6.3f} {x['r']:>6.3f} {x['f']:>6.3f} {x['tp'] + x['fn']:>5}")
    return "\n".join(lines) + "\n"
