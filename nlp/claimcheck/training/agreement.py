"""Agreement between two independent annotations of the same real articles (the ceiling for any model).

Both passes are offsets-only rows (``corpus/real/agreement/{first,second}_pass.jsonl``, the shape of
``corpus/real/annotations.jsonl``). Reported:

- mentions: exact span + label F1 of one pass against the other (symmetric);
- claims: F1 over (subject, attribute, value span), the subject compared by ``name_key`` of its text, the
  value by exact offsets; and a lenient variant where value spans need only overlap;
- attributes: Cohen's kappa over the value spans both passes marked with the same offsets, each labelled
  with its attribute or ``none`` (not a claim); also the raw agreement;
- as_of and period: agreement over the claims both passes share.

    python -m claimcheck.training.agreement SHARED FIRST.jsonl SECOND.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from claimcheck.training.markup import VALUE_LABELS
from claimcheck.training.scoring import prf


def _claims(row: dict, text: str) -> list[tuple]:
    from claimcheck.resolve.entities import name_key

    out = []
    for r in row["relations"]:
        h, c = row["spans"][r["head"]], row["spans"][r["child"]]
        out.append((name_key(text[h["start"]:h["end"]]), r["label"], c["start"], c["end"], r.get("period"),
                    r.get("as_of")))
    return out


def cohen_kappa(a: list[str], b: list[str]) -> float | None:
    """Cohen's kappa of two label sequences (None when there is nothing to compare)."""
    n = len(a)
    if n == 0:
        return None
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if expected == 1 else round((observed - expected) / (1 - expected), 4)


def agreement(first: list[dict], second: list[dict], texts: dict[tuple[str, str], str]) -> dict:
    """Agreement figures over the articles both passes annotated."""
    a_rows = {(r["meta"]["source"], r["meta"]["id"]): r for r in first}
    b_rows = {(r["meta"]["source"], r["meta"]["id"]): r for r in second}
    keys = sorted(set(a_rows) & set(b_rows))
    m: Counter[str] = Counter()
    strict: Counter[str] = Counter()
    lenient: Counter[str] = Counter()
    labels_a, labels_b = [], []
    shared_claims = period_same = as_of_same = 0
    per_source: dict[str, Counter] = {}
    for key in keys:
        a, b, text = a_rows[key], b_rows[key], texts[key]
        sa = Counter((s["start"], s["end"], s["label"]) for s in a["spans"])
        sb = Counter((s["start"], s["end"], s["label"]) for s in b["spans"])
        tp = sum((sa & sb).values())
        m.update(tp=tp, fp=sum(sb.values()) - tp, fn=sum(sa.values()) - tp)
        ca, cb = _claims(a, text), _claims(b, text)
        core_a = Counter(c[:4] for c in ca)
        core_b = Counter(c[:4] for c in cb)
        tp = sum((core_a & core_b).values())
        strict.update(tp=tp, fp=sum(core_b.values()) - tp, fn=sum(core_a.values()) - tp)
        src = per_source.setdefault(key[0], Counter())
        src.update(tp=tp, fp=sum(core_b.values()) - tp, fn=sum(core_a.values()) - tp, articles=1)
        left = list(cb)
        hits = 0
        for c in ca:
            j = next((i for i, d in enumerate(left) if d[:2] == c[:2] and d[2] < c[3] and c[2] < d[3]), None)
            if j is not None:
                left.pop(j)
                hits += 1
        lenient.update(tp=hits, fp=len(cb) - hits, fn=len(ca) - hits)
        by_a = {c[2:4]: c for c in ca}
        by_b = {c[2:4]: c for c in cb}
        for c in ca:
            d = by_b.get(c[2:4])
            if d is not None and d[:2] == c[:2]:
                shared_claims += 1
                period_same += d[4] == c[4]
                as_of_same += d[5] == c[5]
        va = {(s["start"], s["end"]) for s in a["spans"] if s["label"] in VALUE_LABELS}
        vb = {(s["start"], s["end"]) for s in b["spans"] if s["label"] in VALUE_LABELS}
        for span in sorted(va & vb):
            labels_a.append(by_a[span][1] if span in by_a else "none")
            labels_b.append(by_b[span][1] if span in by_b else "none")
    claim_spans = [(x, y) for x, y in zip(labels_a, labels_b) if x != "none" or y != "none"]
    return {
        "articles": len(keys),
        "sources": dict(sorted(Counter(k[0] for k in keys).items())),
        "mentions": prf(m["tp"], m["fp"], m["fn"]),
        "claims": prf(strict["tp"], strict["fp"], strict["fn"]),
        "claims_overlapping_values": prf(lenient["tp"], lenient["fp"], lenient["fn"]),
        "claims_per_source": {s: dict(prf(c["tp"], c["fp"], c["fn"]), articles=c["articles"])
                              for s, c in sorted(per_source.items())},
        "attribute_kappa": cohen_kappa(labels_a, labels_b),
        "attribute_raw_agreement": round(sum(x == y for x, y in zip(labels_a, labels_b)) / len(labels_a), 4)
        if labels_a else None,
        "value_spans_compared": len(labels_a),
        "attribute_kappa_claims_only": cohen_kappa([x for x, _ in claim_spans], [y for _, y in claim_spans]),
        "shared_claims": shared_claims,
        "period_agreement": round(period_same / shared_claims, 4) if shared_claims else None,
        "as_of_agreement": round(as_of_same / shared_claims, 4) if shared_claims else None,
    }


def _main(argv: list[str]) -> int:
    from claimcheck.jsonl import read_jsonl
    from claimcheck.training.corpus import shared_texts

    if len(argv) != 3:
        print(__doc__.strip().splitlines()[-1].strip())
        return 2
    shared, first, second = Path(argv[0]), list(read_jsonl(Path(argv[1]))), list(read_jsonl(Path(argv[2])))
    texts = {}
    for source in {r["meta"]["source"] for r in first + second}:
        for doc_id, text in shared_texts(source, shared).items():
            texts[(source, doc_id)] = text
    print(json.dumps(agreement(first, second, texts), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
