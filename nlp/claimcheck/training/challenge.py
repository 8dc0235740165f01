"""The challenge set: our own sentences, one file per hard construction, scored per construction.

``corpus/challenge/<construction>.md`` holds short items written in the corpus markup
(``claimcheck.training.markup``), one item per paragraph: items are separated by blank lines, and a
line starting with ``#`` is a comment. Each item is scored as a document of its own.
``corpus/challenge/dev/`` holds a separate, smaller set of the same constructions that rule fixes are
written against; the files directly under ``corpus/challenge/`` are the measurement and are not tuned on.

``claimcheck evaluate --sets challenge`` (or ``challenge-dev``) reports claim P/R/F1 per construction,
a Wilson 95% interval on precision and recall, a bootstrap 95% interval on F1 (items resampled), and
``as_of`` accuracy on the claims found.
"""

from __future__ import annotations

from pathlib import Path

from claimcheck.paths import corpus_dir
from claimcheck.training.markup import MarkupError, parse_markup

CONSTRUCTIONS = ("respectively", "gapping", "according_to", "per_share_vs_ipo_price", "buyer_target",
                 "as_of_moments", "pronoun_subjects", "ticker_debris")
#: the issue's target: every construction's claim F1 at least this
TARGET_F1 = 0.85


def challenge_dir(dev: bool = False, corpus: Path | None = None) -> Path:
    base = (corpus or corpus_dir()) / "challenge"
    return base / "dev" if dev else base


def items_of(source: str) -> list[tuple[int, str]]:
    """(first line number, markup text) of each item: paragraphs between blank lines, '#' lines skipped."""
    items: list[tuple[int, str]] = []
    block: list[str] = []
    start = 0
    for number, line in enumerate(source.splitlines(), 1):
        if line.lstrip().startswith("#"):
            continue
        if not line.strip():
            if block:
                items.append((start, "\n".join(block)))
            block = []
            continue
        if not block:
            start = number
        block.append(line)
    if block:
        items.append((start, "\n".join(block)))
    return items


def load_file(path: Path, construction: str | None = None) -> list[dict]:
    """The items of one challenge file as Prodigy tasks; MarkupError naming the file and its line."""
    from claimcheck.training.corpus import make_task

    construction = construction or path.stem
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise MarkupError(f"{path}: cannot read ({exc})") from None
    tasks = []
    for first, text in items_of(source):
        try:
            task = make_task(parse_markup(text), {"id": f"{construction}:{first}", "source": construction,
                                                  "line": first})
        except MarkupError as exc:
            msg = str(exc)
            if msg.startswith("line "):  # the parser counts lines within the item
                n, _, rest = msg[5:].partition(":")
                if n.isdigit():
                    msg = f"line {first + int(n) - 1}:{rest}"
            else:
                msg = f"line {first}: {msg}"
            raise MarkupError(f"{path}: {msg}") from None
        tasks.append(task)
    return tasks


def load(dev: bool = False, corpus: Path | None = None) -> dict[str, list[dict]]:
    """Construction → its tasks, for every ``*.md`` file of the challenge (or its dev) folder, sorted by name."""
    folder = challenge_dir(dev, corpus)
    if not folder.is_dir():
        return {}
    return {p.stem: load_file(p) for p in sorted(folder.glob("*.md")) if p.stem.lower() != "readme"}


def wilson(k: int, n: int, z: float = 1.96) -> dict:
    from claimcheck.training.reuters_figures import wilson as _wilson

    return _wilson(k, n, z)


def score(sets: dict[str, list[dict]], nlp, *, seed: int = 0, samples: int = 1000) -> dict:
    """Claim P/R/F1 per construction with Wilson intervals on P and R and a bootstrap interval on F1 (items
    resampled), ``as_of`` on the claims found, and the pooled figures over all constructions."""
    from claimcheck.training.evaluate import run_tasks

    out: dict = {"constructions": {}, "target_f1": TARGET_F1}
    pooled_tasks: list[dict] = []
    pooled_pairs: list = []
    for name, tasks in sets.items():
        _, claim_pairs = run_tasks(tasks, nlp)
        out["constructions"][name] = _summary(tasks, claim_pairs, seed=seed, samples=samples)
        pooled_tasks.extend(tasks)
        pooled_pairs.extend(claim_pairs)
    out["all"] = _summary(pooled_tasks, pooled_pairs, seed=seed, samples=samples)
    out["below_target"] = sorted(n for n, s in out["constructions"].items() if s["claims"]["f"] < TARGET_F1)
    return out


def _summary(tasks: list[dict], claim_pairs: list, *, seed: int, samples: int) -> dict:
    from claimcheck.training.evaluate import _as_of, _claim_counts
    from claimcheck.training.scoring import bootstrap_f1, claim_scores, given_value

    scores = claim_scores((gold, [p[:3] for p in pred]) for gold, pred in claim_pairs)
    a = scores["all"]
    return {"items": len(tasks), "gold": a["tp"] + a["fn"], "claims": a,
            "precision_interval": wilson(a["tp"], a["tp"] + a["fp"]),
            "recall_interval": wilson(a["tp"], a["tp"] + a["fn"]),
            "f1_interval": bootstrap_f1(_claim_counts(claim_pairs), seed=seed, samples=samples),
            "given_value": given_value(claim_pairs), "as_of": _as_of(tasks, claim_pairs),
            "per_attribute": scores["per_attribute"]}


def misses(tasks: list[dict], nlp) -> list[tuple[str, list, list]]:
    """(item id, gold claims missed, predicted claims wrong) of each item the pipeline does not get right."""
    from claimcheck.training.evaluate import run_tasks

    _, claim_pairs = run_tasks(tasks, nlp)
    out = []
    for task, (gold, pred) in zip(tasks, claim_pairs):
        got = [tuple(p[:3]) for p in pred]
        left = list(got)
        missed = []
        for g in gold:
            if g in left:
                left.remove(g)
            else:
                missed.append(g)
        if missed or left:
            out.append((task["meta"]["id"], missed, left))
    return out


def render(name: str, s: dict) -> list[str]:
    """Plain-text table lines of a challenge result."""
    lines = [f"\n[{name}] claim P/R/F1 per construction (Wilson 95% on P and R; bootstrap 95% on F1, items "
             f"resampled); target F1 >= {s['target_f1']}"]
    lines.append(f"  {'construction':<24} {'items':>5} {'gold':>5} {'P [95%]':<20} {'R [95%]':<20} "
                 f"{'F1 [95%]':<20} {'as_of acc':>9}")
    rows = list(s["constructions"].items()) + [("ALL", s["all"])]
    for construction, x in rows:
        c, pi, ri, fi = x["claims"], x["precision_interval"], x["recall_interval"], x["f1_interval"]
        acc = x["as_of"]["accuracy"]
        lines.append(f"  {construction:<24} {x['items']:>5} {x['gold']:>5} "
                     f"{c['p']:.3f} [{pi['low']:.3f}–{pi['high']:.3f}]".ljust(63)
                     + f"{c['r']:.3f} [{ri['low']:.3f}–{ri['high']:.3f}]   "
                     f"{c['f']:.3f} [{fi['low']:.3f}–{fi['high']:.3f}]   "
                     + (f"{acc:>9.3f}" if acc is not None else f"{'—':>9}"))
    moments = s["constructions"].get("as_of_moments", {}).get("as_of")
    if moments:
        lines.append(f"  as_of_moments: {moments['gold']} gold moments; on the {moments['matched_claims']} gold claims "
                     f"found: accuracy {moments['accuracy']}, moment precision {moments['moment_precision']}, "
                     f"recall {moments['moment_recall']}")
    if s["below_target"]:
        lines.append(f"  below target: {', '.join(s['below_target'])}")
    return lines
