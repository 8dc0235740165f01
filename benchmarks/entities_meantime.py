"""Entity resolution on MEANTIME's cross-document ORG chains (../shared/data/meantime).

Every mention of an ORG chain in ``meantime_en.conll`` (gold mentions: names, "the company", "it",
"the manufacturer of the iPhone" …) goes to each system, which returns a cluster id per mention; the
gold clusters are the chains. Scores: MUC, B³, CEAFe (P/R/F1) and the CoNLL F1 (their average).

Systems:
  singletons         every mention alone (the floor)
  exact string       mentions with the same text, case-sensitive
  name key (v1)      the first resolver: case, punctuation, legal suffixes only
  claimcheck names   resolve_mentions without linking generic references (names, acronyms, makers)
  claimcheck         resolve_mentions: plus "the company"/"it" joined to the last name before it

    python benchmarks/entities_meantime.py [--shared ../shared] [--show-errors N]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter, defaultdict
from pathlib import Path

from claimcheck.jsonl import read_jsonl


def systems(texts):
    from claimcheck.resolve.entities import MentionRef, resolve_mentions

    def refs(ms):
        return [MentionRef(m.doc, m.text, m.position) for m in ms]

    def v1_key(text: str) -> str:  # the resolver before issue 5: case, punctuation, possessive, 'the', legal suffixes
        t = text.strip().removesuffix("'s").removesuffix("’s")
        tokens = re.sub(r"[^\w\s&+-]", " ", t.casefold()).split()
        if tokens and tokens[0] == "the":
            tokens = tokens[1:]
        while len(tokens) > 1 and tokens[-1] in {"inc", "ltd", "corp", "corporation", "company", "plc", "co", "group",
                                                 "holdings", "holding", "sa", "ag", "nv", "limited", "llc"}:
            tokens.pop()
        return "".join(tokens)

    return {
        "singletons": lambda ms: list(range(len(ms))),
        "exact string": lambda ms: [m.text for m in ms],
        "name key (v1)": lambda ms: [v1_key(m.text) or f"_{i}" for i, m in enumerate(ms)],
        "claimcheck names": lambda ms: resolve_mentions(refs(ms), texts, link_generic=False),
        "claimcheck": lambda ms: resolve_mentions(refs(ms), texts),
    }


def main() -> None:
    from claimcheck.resolve.coref_eval import evaluate, read_conll_chains

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--show-errors", type=int, default=0)
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    data = Path(args.shared) / "data" / "meantime"
    mentions = read_conll_chains(data / "meantime_en.conll")
    texts = [r["text"] for r in read_jsonl(data / "meantime_en.jsonl")]
    chains = Counter(m.chain for m in mentions)
    cross = {c for c in chains if len({m.doc for m in mentions if m.chain == c}) > 1}
    print(f"MEANTIME ORG chains: {len(chains)} chains ({len(cross)} across documents), {len(mentions)} mentions, "
          f"{len({m.doc for m in mentions})} documents")
    print(f"{'system':<18} {'MUC F1':>7} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'CEAFe F1':>8} {'CoNLL F1':>8}  s")
    results = {}
    for name, system in systems(texts).items():
        t = time.perf_counter()
        s = evaluate(mentions, system)
        took = time.perf_counter() - t
        results[name] = s
        print(f"{name:<18} {100 * s['muc'][2]:7.1f} {100 * s['b3'][0]:6.1f} {100 * s['b3'][1]:6.1f} "
              f"{100 * s['b3'][2]:6.1f} {100 * s['ceafe'][2]:8.1f} {100 * s['conll'][2]:8.1f}  {took:.2f}")
    if args.show_errors:
        labels = systems(texts)["claimcheck"](mentions)
        by_pred = defaultdict(Counter)
        for m, lab in zip(mentions, labels):
            by_pred[lab][(m.chain[-6:], m.text)] += 1
        mixed = [(lab, c) for lab, c in by_pred.items() if len({k[0] for k in c}) > 1]
        print(f"\nsystem clusters mixing gold chains: {len(mixed)}")
        for lab, c in mixed[:args.show_errors]:
            print(" ", lab, dict(c.most_common(8)))
        by_gold = defaultdict(Counter)
        for m, lab in zip(mentions, labels):
            by_gold[m.chain][(str(lab)[:20], m.text)] += 1
        split = [(g, c) for g, c in by_gold.items() if len({k[0] for k in c}) > 1]
        print(f"gold chains split by the system: {len(split)}")
        for g, c in split[:args.show_errors]:
            print(" ", g[-8:], dict(c.most_common(8)))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
