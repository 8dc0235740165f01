"""Distillation (issue 13, item 2): the fine-tuned ``transformer`` pipeline labels real news nobody annotated,
and ``fast``'s claim linker trains on gold plus these silver labels.

Silver articles come from ``../shared/data`` only where no annotation can leak into them:

- Reuters-21578 stories of 150–3,000 characters that are not in the real corpus, not among the Reuters
  figures (dev or frozen), and do not share a headline with an annotated story (the wire repeats and
  corrects its stories under the same headline); ``earn`` stories are left out, since their claims sit in
  results tables that a rule component reads, not the linker;
- ECB+ articles of topics that hold no annotated article at all (a topic's two sub-events report the
  same kind of event, often the same people).

BBC business and MEANTIME are annotated in full, so they give no silver. The order within each source is the
SHA-1 of the id, so ``--reuters 400`` is always the same 400 stories and a prefix of ``--reuters 800``.

The learning curve (``curve``) trains the claim linker alone on a fixed share of ``real-train`` (25/50/100%,
:func:`claimcheck.training.train.real_subset`) with and without the silver articles; the NER is ``fast``'s
as committed (sourced and frozen), so every point differs only in what the linker saw. Each point is scored
on ``real-dev`` (claim F1 with its bootstrap interval); ``real-test`` is never read here.

    python -m claimcheck.training.distill label --shared ../shared --reuters 600 --ecbplus 150 -o /tmp/silver.jsonl
    python -m claimcheck.training.distill curve --shared ../shared --silver /tmp/silver.jsonl -o curve.json

The silver file holds article text: keep it outside the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

from claimcheck.jsonl import read_jsonl
from claimcheck.paths import corpus_dir
from claimcheck.training.corpus import make_task, pipeline_marks, real_splits, shared_documents, shared_records
from claimcheck.training.markup import MarkupError, Parsed

SILVER_MODEL = "transformer"
MIN_CHARS, MAX_CHARS = 150, 3000  # the real corpus' Reuters selection rule (corpus/real/select_articles.py)
FRACTIONS = (0.25, 0.5, 1.0)


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def annotated_ids(corpus: Path | None = None) -> dict[str, set[str]]:
    """Every shared article the project has annotated or set aside, by source: the real corpus (all splits)
    and the Reuters figures (dev and frozen)."""
    corpus = corpus or corpus_dir()
    out: dict[str, set[str]] = {}
    for key in real_splits(corpus):
        source, doc_id = key.split(":", 1)
        out.setdefault(source, set()).add(doc_id)
    for name in ("reuters_figures.jsonl", "reuters_figures_dev.jsonl"):
        path = corpus / "real" / name
        if path.exists():
            for row in read_jsonl(path):
                doc_id = row.get("doc_id") or row.get("id") or row.get("meta", {}).get("id")
                if doc_id:
                    out.setdefault("reuters21578", set()).add(str(doc_id).split("#")[0])
    return out


def silver_keys(shared: Path, *, reuters: int, ecbplus: int, corpus: Path | None = None) -> list[tuple[str, str]]:
    """The silver articles (rules in the module docstring), ``reuters`` + ``ecbplus`` of them at most."""
    taken = annotated_ids(corpus)
    keys: list[tuple[str, str]] = []
    if reuters:
        records = shared_records("reuters21578", shared)
        seen = taken.get("reuters21578", set())
        titles = {(records[i].get("title") or "").strip().lower() for i in seen if i in records}
        pool = [i for i, r in records.items()
                if i not in seen and MIN_CHARS <= len(r.get("text") or "") <= MAX_CHARS
                and (r.get("title") or "").strip().lower() not in titles
                and "earn" not in (r.get("topics") or [])]
        keys += [("reuters21578", i) for i in sorted(pool, key=_sha)[:reuters]]
    if ecbplus:
        records = shared_records("ecbplus", shared)
        seen = taken.get("ecbplus", set())
        topics = {records[i].get("topic") for i in seen if i in records}
        pool = [i for i, r in records.items() if r.get("topic") not in topics and (r.get("text") or "").strip()]
        keys += [("ecbplus", i) for i in sorted(pool, key=_sha)[:ecbplus]]
    return keys


def label(keys: list[tuple[str, str]], shared: Path, model: str = SILVER_MODEL) -> tuple[list[dict], dict]:
    """Silver tasks for ``keys``: ``model``'s mentions and claims as Prodigy tasks (meta ``silver: model``),
    and counts (articles, claims, articles dropped because a mention does not fit the corpus' tokens)."""
    from claimcheck.pipeline import load_pipeline, process

    nlp = load_pipeline(model)
    docs = shared_documents(keys, shared)
    tasks, dropped, started = [], 0, time.perf_counter()
    for (source, doc_id), doc, processed in zip(keys, docs, process(docs, nlp)):
        spans, relations = pipeline_marks(doc.text, processed)
        try:
            tasks.append(make_task(Parsed(text=doc.text, spans=spans, relations=relations),
                                   {"source": source, "id": doc_id, "silver": model}))
        except MarkupError:
            dropped += 1
    info = {"articles": len(tasks), "dropped": dropped, "claims": sum(len(t["relations"]) for t in tasks),
            "words": sum(len(d.text.split()) for d in docs), "seconds": round(time.perf_counter() - started, 1)}
    return tasks, info


VALUE_LABELS = ("MONEY", "PERCENT", "CARDINAL", "QUANTITY")
ARMS = ("gold", "silver", "claimed")


def claimed_only(tasks: list[dict]) -> list[dict]:
    """Silver tasks with only the teacher's claims as value mentions: a figure it did not claim is left out
    rather than taught as "no claim" (the teacher misses about a third of the claims on real text, so its
    silences are the weaker half of its labels)."""
    out = []
    for t in tasks:
        claimed = {(r["child_span"]["start"], r["child_span"]["end"]) for r in t["relations"]}
        spans = [s for s in t["spans"] if s["label"] not in VALUE_LABELS or (s["start"], s["end"]) in claimed]
        out.append(dict(t, spans=spans))
    return out


def curve(shared: Path, silver: list[dict], *, fractions=FRACTIONS, arms=ARMS[:2], steps: int | None = None,
          seed: int = 0, base: Path | None = None, eval_frequency: int | None = None, report=None) -> list[dict]:
    """Claim F1 on ``real-dev`` for the linker trained on each share of ``real-train`` with each arm: ``gold``
    alone, gold + ``silver``, gold + the silver's ``claimed`` figures only (:func:`claimed_only`); ``base``'s
    NER frozen (``models/fast`` by default)."""
    from claimcheck.pipeline import MODEL_DIR, load_trained
    from claimcheck.training.evaluate import evaluate
    from claimcheck.training.train import train

    base = base or MODEL_DIR / "fast"
    added = {"gold": [], "silver": silver, "claimed": claimed_only(silver)}
    points = []
    for fraction in fractions:  # in the order given: the most telling share first when time is short
        for arm in arms:
            with tempfile.TemporaryDirectory(prefix="claimcheck-distill-") as tmp:
                out = Path(tmp) / "model"
                summary = train("fast", out, real=shared, real_fraction=fraction, max_steps=steps, seed=seed,
                                silver=added[arm] or None, frozen_base=base, quiet=True,
                                eval_frequency=eval_frequency)
                nlp = load_trained(out, "fast")
                scores = evaluate("fast", sets=("real-dev",), shared=shared, peer=False, nlp=nlp)["sets"]["real-dev"]
                meta = nlp.meta.get("claimcheck", {})
            point = {"real_fraction": fraction, "arm": arm, "silver_articles": len(added[arm]),
                     "steps": steps, "train_articles": meta.get("train_articles"), "threshold": meta.get("threshold"),
                     "seconds": summary["seconds"], "claims": scores["claims"]["all"],
                     "claims_interval": scores.get("intervals", {}).get("claims"),
                     "given_value": scores.get("given_value")}
            points.append(point)
            if report:
                report(point)
    return points


def _main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimcheck.training.distill", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    lab = sub.add_parser("label", help="label silver articles with the transformer pipeline")
    lab.add_argument("--shared", type=Path, required=True)
    lab.add_argument("--reuters", type=int, default=600)
    lab.add_argument("--ecbplus", type=int, default=150)
    lab.add_argument("-o", "--output", type=Path, required=True)
    cur = sub.add_parser("curve", help="the learning curve, with and without silver, scored on real-dev")
    cur.add_argument("--shared", type=Path, required=True)
    cur.add_argument("--silver", type=Path, required=True)
    cur.add_argument("--steps", type=int, default=None, help="linker training steps (default: the config's)")
    cur.add_argument("--eval-frequency", type=int, default=None, help="steps between scorings on dev")
    cur.add_argument("--fractions", default=",".join(str(f) for f in FRACTIONS))
    cur.add_argument("--arms", default="gold,silver", help=f"comma-separated, of {', '.join(ARMS)}")
    cur.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "label":
        keys = silver_keys(args.shared, reuters=args.reuters, ecbplus=args.ecbplus)
        tasks, info = label(keys, args.shared)
        with args.output.open("w", encoding="utf-8") as fh:
            for t in tasks:
                fh.write(json.dumps(t, ensure_ascii=False) + "\n")
        print(json.dumps(info))
        return 0
    silver = list(read_jsonl(args.silver))
    fractions = tuple(float(f) for f in args.fractions.split(","))

    def report(point: dict) -> None:
        print(json.dumps(point), flush=True)

    arms = tuple(a.strip() for a in args.arms.split(",") if a.strip())
    if not arms or set(arms) - set(ARMS):
        parser.error(f"--arms: choose from {', '.join(ARMS)}")
    points = curve(args.shared, silver, fractions=fractions, arms=arms, steps=args.steps, report=report,
                   eval_frequency=args.eval_frequency)
    args.output.write_text(json.dumps(points, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
