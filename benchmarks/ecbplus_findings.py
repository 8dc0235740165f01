"""Run `check` on every ECB+ cluster (../shared/data/ecbplus) and count the findings.

ECB+ clusters are real articles about one event each; nobody planted errors there, so every
finding is either a real disagreement between sources or a false alarm. The output JSON keeps
each finding's message for hand judging, with the corpus sentences behind it as evidence, so it is written
to the system's temporary folder unless --out says otherwise: never into the repository.

    python benchmarks/ecbplus_findings.py [--shared ../shared] [--out FILE]
"""

from __future__ import annotations

import argparse
import collections
import json
import tempfile
import time
from pathlib import Path

from claimcheck.jsonl import read_jsonl


def main() -> None:
    from claimcheck.api import check
    from claimcheck.schema import Document

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "ecbplus_findings.json"),
                    help="where the findings go (default: the temporary folder; they quote the corpus)")
    ap.add_argument("--model", default="default", help="the extraction pipeline (claimcheck's --model)")
    args = ap.parse_args()
    rows = list(read_jsonl(Path(args.shared) / "data" / "ecbplus" / "ecbplus.jsonl"))
    clusters = collections.defaultdict(list)
    for r in rows:
        clusters[r["cluster"]].append(r)
    started, out, kinds = time.perf_counter(), [], collections.Counter()
    for name, members in sorted(clusters.items()):
        docs = [Document(id=r["id"], text=r["text"], title=r["title"]) for r in members]
        report = check(docs, warn=lambda m: None, model=args.model)
        kinds.update(f.kind for f in report.findings)
        out.append({"cluster": name, "docs": len(docs), "claims": len(report.claims),
                    "single_source": len(report.single_source),
                    "findings": [f"{f.kind} {f.confidence:.2f} {f.message}" for f in report.findings],
                    "details": [{"kind": f.kind, "verdict": f.verdict, "subject": f.subject, "attribute": f.attribute,
                                 "docs": f.docs, "found": f.found, "suggestion": f.suggestion, "slip": f.slip,
                                 "confidence": f.confidence, "message": f.message,
                                 "evidence": [f"{e.doc}: {e.sentence}" for e in f.evidence][:6]}
                                for f in report.findings]})
    seconds = time.perf_counter() - started
    summary = {"clusters": len(out), "documents": len(rows), "claims": sum(c["claims"] for c in out),
               "single_source": sum(c["single_source"] for c in out),
               "findings": dict(kinds), "clusters_without_findings": sum(1 for c in out if not c["findings"]),
               "seconds": round(seconds, 1)}
    Path(args.out).write_text(json.dumps({"summary": summary, "clusters": out}, indent=1))
    print(json.dumps(summary))
    print(f"findings written to {args.out}")


if __name__ == "__main__":
    main()
