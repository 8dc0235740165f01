"""``claimcheck evaluate``: mention and claim scores of a pipeline, and NewsQuant beside quantulum3.

Sets, each scored separately:

- ``test`` (or any split) of the project's annotated corpus;
- ``real-test``, ``real-dev``, ``real-train``: the frozen splits of the real annotated articles (BBC
  business, Reuters-21578, MEANTIME, ECB+; texts read from the shared data), scored per source and
  pooled, with bootstrap 95% intervals over articles; ``real`` is all of them together;
- ``newsquant``: the NewsQuant sentences (``claimcheck.training.newsquant``); ``newsquant-dev`` and
  ``newsquant-test`` its two fixed halves (rules are looked at on dev only; test is what is reported).

Mentions: exact-span P/R/F1 per label over the nine guideline labels. Claims:
subject + attribute + normalised value must all match (``claimcheck.training.scoring``).
The pipeline runs exactly as ``check`` runs it (``claimcheck.pipeline.process``).
"""

from __future__ import annotations

import time
from pathlib import Path

from claimcheck.training.markup import LABELS

SETS = ("test", "real-test", "real-dev", "real-train", "real", "newsquant", "newsquant-dev", "newsquant-test",
        "reuters-figures", "reuters-figures-dev", "challenge", "challenge-dev")
#: our own sentences, one file per hard construction (``claimcheck.training.challenge``); -dev is the separate
#: set rule fixes are written against
CHALLENGE_SETS = {"challenge": False, "challenge-dev": True}
#: real Reuters-21578 figures read by the mention layer (``claimcheck.training.reuters_figures``); -dev is the
#: separate sample rules may be fixed on
FIGURE_SETS = {"reuters-figures": False, "reuters-figures-dev": True}
NEWSQUANT_SETS = {"newsquant": None, "newsquant-dev": "dev", "newsquant-test": "test"}
REAL_SETS = {"real-test": "test", "real-dev": "dev", "real-train": "train", "real": None}
BOOTSTRAP_SAMPLES = 1000


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


def score_tasks(tasks: list[dict], nlp, *, by_source: bool = False, seed: int = 0) -> dict:
    """Mention and claim scores of ``nlp`` on Prodigy tasks, plus words per second of the run.

    With ``by_source`` (the real sets): also per source, bootstrap 95% intervals of claim and mention F1,
    subject and attribute accuracy given a correct value, and ``as_of`` accuracy.
    """
    from claimcheck.training.scoring import claim_scores, mention_scores

    started = time.perf_counter()
    mention_pairs, claim_pairs = run_tasks(tasks, nlp)
    seconds = time.perf_counter() - started
    words = sum(len(t["text"].split()) for t in tasks)
    result = {"articles": len(tasks), "words": words,
              "words_per_second": round(words / seconds) if seconds else None,
              "mentions": mention_scores(mention_pairs),
              "claims": claim_scores((gold, [p[:3] for p in pred]) for gold, pred in claim_pairs)}
    if by_source:
        from claimcheck.training.scoring import bootstrap_f1, given_value

        sources = [t.get("meta", {}).get("source", "?") for t in tasks]
        result["intervals"] = {"claims": bootstrap_f1(_claim_counts(claim_pairs), seed=seed,
                                                      samples=BOOTSTRAP_SAMPLES),
                               "mentions": bootstrap_f1(_mention_counts(mention_pairs), seed=seed,
                                                        samples=BOOTSTRAP_SAMPLES)}
        result["given_value"] = given_value(claim_pairs)
        result["as_of"] = _as_of(tasks, claim_pairs)
        per_source: dict[str, dict] = {}
        result["per_source"] = per_source
        for source in sorted(set(sources)):
            idx = [i for i, s in enumerate(sources) if s == source]
            cp, mp = [claim_pairs[i] for i in idx], [mention_pairs[i] for i in idx]
            per_source[source] = {
                "articles": len(idx),
                "claims": claim_scores((gold, [p[:3] for p in pred]) for gold, pred in cp)["all"],
                "claims_interval": bootstrap_f1(_claim_counts(cp), seed=seed, samples=BOOTSTRAP_SAMPLES),
                "mentions": mention_scores(mp)["all"],
                "mentions_interval": bootstrap_f1(_mention_counts(mp), seed=seed, samples=BOOTSTRAP_SAMPLES),
            }
    return result


def _claim_counts(claim_pairs) -> list[tuple[int, int, int]]:
    from claimcheck.training.scoring import match_counts

    out: list[tuple[int, int, int]] = []
    for gold, pred in claim_pairs:
        c = match_counts(gold, [p[:3] for p in pred])
        tp, fp, fn = (sum(x[k] for x in c.values()) for k in ("tp", "fp", "fn"))
        out.append((tp, fp, fn))
    return out


def _mention_counts(mention_pairs) -> list[tuple[int, int, int]]:
    from collections import Counter

    out = []
    for gold, pred in mention_pairs:
        g, p = Counter(gold), Counter(pred)
        tp = sum(min(g[s], p[s]) for s in g)
        out.append((tp, sum(p.values()) - tp, sum(g.values()) - tp))
    return out


def _as_of(tasks: list[dict], claim_pairs: list) -> dict:
    """``as_of`` scored on the gold claims the pipeline found (same subject, attribute and value): accuracy over
    them all (no moment = no moment counts as right), and precision / recall of the named moments among them
    (a gold ISO date counts as a moment no pipeline names yet)."""
    from collections import Counter

    moments = Counter(r["as_of"] if not r["as_of"][:1].isdigit() else "date"
                      for t in tasks for r in t["relations"] if r.get("as_of"))
    matched = right = named_gold = named_pred = named_right = 0
    for task, (gold, pred) in zip(tasks, claim_pairs):
        left = list(pred)
        for g, r in zip(gold, task["relations"]):
            i = next((i for i, p in enumerate(left) if tuple(p[:3]) == tuple(g)), None)
            if i is None:
                continue
            p = left.pop(i)
            want, got = r.get("as_of"), (p[4] if len(p) > 4 else None)
            matched += 1
            right += want == got
            named_gold += bool(want)
            named_pred += bool(got)
            named_right += bool(want) and want == got
    return {"gold": sum(moments.values()), "moments": dict(sorted(moments.items())), "matched_claims": matched,
            "accuracy": round(right / matched, 4) if matched else None,
            "moment_precision": round(named_right / named_pred, 4) if named_pred else None,
            "moment_recall": round(named_right / named_gold, 4) if named_gold else None,
            "moments_found": named_pred, "moments_in_matched_gold": named_gold}


def run_tasks(tasks: list[dict], nlp, on_drafts=None) -> tuple[list, list]:
    """Per task: (gold spans, predicted spans) and (gold claims, predicted claims + attribute score).
    ``on_drafts(drafts, gold_claims, predicted_claims)``, when given, also sees each task's claim drafts."""
    from datetime import date

    from spacy.util import filter_spans

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
        # the gold spans as entities: a bare gold amount takes the currency of the gold money figure before it
        # ("Net 20.07 billion" under "Shr 18.83 yen"), as the pipeline reads its own
        gold_ents = [sdoc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="expand")
                     for s in task["spans"]]
        sdoc.ents = filter_spans([e for e in gold_ents if e is not None])
        pred = [(name_key(d.subject_text), d.attribute, _value_key(d.quantity), d.attribute_score, d.as_of)
                for d in p.drafts]
        claim_pairs.append((_gold_claims(task, sdoc), pred))
        if on_drafts is not None:
            on_drafts(p.drafts, *claim_pairs[-1])
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
    for name, part in REAL_SETS.items():
        if name not in sets:
            continue
        if shared is None or not (shared / "data").is_dir():
            result["sets"][name] = {"skipped": "shared data not found (--shared PATH)"}
        else:
            tasks = load_real(shared, split=part)
            result["sets"][name] = (score_tasks(tasks, nlp, by_source=True) if tasks
                                    else {"skipped": f"no annotated articles in {name}"})
    for name, half in NEWSQUANT_SETS.items():
        if name not in sets:
            continue
        from claimcheck.training import newsquant

        path = shared / "data" / "newsquant" / "NewsQuant.json" if shared else None
        if path is None or not path.exists():
            result["sets"][name] = {"skipped": "shared data not found (--shared PATH)"}
        else:
            result["sets"][name] = newsquant.evaluate(newsquant.load(path, half), nlp, peer=peer)
    for name, dev in FIGURE_SETS.items():
        if name not in sets:
            continue
        from claimcheck.training import reuters_figures

        gold = reuters_figures.gold_path(dev=dev)
        if shared is None or not (shared / "data").is_dir():
            result["sets"][name] = {"skipped": "shared data not found (--shared PATH)"}
        elif not gold.exists():
            result["sets"][name] = {"skipped": f"no gold file {gold.name}"}
        else:
            result["sets"][name] = reuters_figures.evaluate(reuters_figures.load(gold), shared, nlp, peer=peer)
    for name, dev in CHALLENGE_SETS.items():
        if name not in sets:
            continue
        from claimcheck.training import challenge

        items = challenge.load(dev=dev)
        result["sets"][name] = (challenge.score(items, nlp) if items
                                else {"skipped": f"no files in {challenge.challenge_dir(dev)}"})
    return result


def render_table(result: dict) -> str:
    """The scores as plain-text tables."""
    lines = [f"model: {result['model']} ({' > '.join(result['pipeline'])})"]
    for name, s in result["sets"].items():
        if "skipped" in s:
            lines.append(f"\n[{name}] skipped: {s['skipped']}")
            continue
        if name in FIGURE_SETS:
            from claimcheck.training.reuters_figures import render

            lines.extend(render(name, s))
            continue
        if name in CHALLENGE_SETS:
            from claimcheck.training.challenge import render as render_challenge

            lines.extend(render_challenge(name, s))
            continue
        if name in NEWSQUANT_SETS:
            lines.append(f"\n[{name}] {s['claimcheck']['sentences']} sentences, "
                         f"{s['claimcheck']['gold']} gold quantities")
            lines.append(f"  {'system':<12} {'value P':>8} {'R':>6} {'F1':>6}   "
                         f"{'value+unit P':>12} {'R':>6} {'F1':>6}")
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
        if "intervals" in s:
            ci, mi = s["intervals"]["claims"], s["intervals"]["mentions"]
            lines.append(f"  claim F1 {ci['f']:.3f} [95% {ci['low']:.3f}–{ci['high']:.3f}]   "
                         f"mention F1 {mi['f']:.3f} [{mi['low']:.3f}–{mi['high']:.3f}]")
            gv = s["given_value"]
            if gv["value_found"]:
                lines.append(f"  given a found value ({gv['value_found']} of {gv['gold']} gold claims): subject "
                             f"accuracy {gv['subject_accuracy']:.3f}, "
                             f"attribute accuracy {gv['attribute_accuracy']:.3f}")
            a = s["as_of"]
            lines.append(f"  as_of: {a['gold']} gold moments {a['moments']}; on the {a['matched_claims']} gold "
                         f"claims found: accuracy {a['accuracy']}, moments named {a['moments_found']} "
                         f"(precision {a['moment_precision']}), gold moments among them "
                         f"{a['moments_in_matched_gold']} (recall {a['moment_recall']})")
            lines.append(f"  {'source':<14} {'articles':>8}   {'claim F1 [95%]':<22} {'mention F1 [95%]':<22}")
            for source, x in s["per_source"].items():
                c, m = x["claims_interval"], x["mentions_interval"]
                lines.append(f"  {source:<14} {x['articles']:>8}   {c['f']:.3f} [{c['low']:.3f}–{c['high']:.3f}]"
                             f"{'':<4} {m['f']:.3f} [{m['low']:.3f}–{m['high']:.3f}]")
        for title, block, key in (("mentions", s["mentions"], "per_label"), ("claims", s["claims"], "per_attribute")):
            lines.append(f"  {title:<20} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}")
            rows = list(block[key].items()) + [("ALL", block["all"])]
            for label, x in rows:
                lines.append(f"  {label:<20} {x['p']:>6.3f} {x['r']:>6.3f} {x['f']:>6.3f} {x['tp'] + x['fn']:>5}")
    return "\n".join(lines) + "\n"


def render_comparison(results: list[dict]) -> str:
    """Pipelines side by side: claim and mention F1 (with intervals on the real sets) per set."""
    names = [r["model"] for r in results]
    sets = [k for k in results[0]["sets"] if "skipped" not in results[0]["sets"][k]]
    lines = ["", "side by side", f"  {'set':<12} {'score':<16} " + " ".join(f"{n:>24}" for n in names)]

    def cell(x: dict | None) -> str:
        if x is None:
            return f"{'—':>24}"
        if "low" in x:
            return f"{x['f']:.3f} [{x['low']:.3f}–{x['high']:.3f}]".rjust(24)
        return f"{x['f']:.3f}".rjust(24)

    for name in sets:
        rows: dict[str, list] = {}
        for r in results:
            s = r["sets"].get(name, {})
            if "skipped" in s or not s:
                for key in rows:
                    rows[key].append(None)
                continue
            if name in CHALLENGE_SETS:
                got = {c: {"f": x["claims"]["f"], "low": x["f1_interval"]["low"], "high": x["f1_interval"]["high"]}
                       for c, x in [*s["constructions"].items(), ("ALL", s["all"])]}
            elif name in FIGURE_SETS:
                read = s["claimcheck"]["all"]["read"]
                got = {"read right": {"f": read["p"], "low": read["low"], "high": read["high"]}}
            elif name in NEWSQUANT_SETS:
                got = {"value F1": {"f": s["claimcheck"]["value"]["f"]},
                       "value+unit F1": {"f": s["claimcheck"]["value_unit"]["f"]}}
            elif "intervals" in s:
                got = {"claim F1": s["intervals"]["claims"], "mention F1": s["intervals"]["mentions"]}
            else:
                got = {"claim F1": s["claims"]["all"], "mention F1": s["mentions"]["all"]}
            for key, value in got.items():
                rows.setdefault(key, []).append(value)
        for key, values in rows.items():
            lines.append(f"  {name:<12} {key:<16} " + " ".join(cell(v) for v in values))
    return "\n".join(lines) + "\n"
