"""Synthetic annotate outputs: many claims about many companies, for the corpus cross-check tests and benchmark.

``synthetic_tables(n_claims)`` draws claims the way a news archive has them: about 10 claims per document,
company popularity skewed (a few companies in many articles, most in a few), several attributes and years,
subjects written in varied forms ("Velorant", "Velorant Inc.", "the Velorant Group"), and most outlets
agreeing on a figure while a few slip (a transposed digit, a dropped zero, million for billion).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from claimcheck.batch.tables import CLAIMS, DOCUMENTS

SYLLABLES = ("ve", "lo", "ran", "ta", "mi", "kor", "sa", "du", "nex", "pa", "ri", "zon", "qui", "bel", "tor", "an",
             "fi", "gro", "sen", "val", "mo", "ter", "lux", "ca", "dia", "pho", "net", "ar", "sol", "vi", "ko", "ne")
FORMS = ("{}", "{} Inc.", "the {} Group", "{} Ltd", "{}'s")
ATTRIBUTES = (("valuation", "USD"), ("revenue", "USD"), ("ipo_proceeds", "USD"), ("revenue_share", "percent"),
              ("revenue_growth", "percent"), ("count", "employees"), ("deal_value", "USD"),
              ("profit_growth", "percent"))
PERIODS = (None, "2018", "2019", "2020", "2021", "2022", "2023")


def _names(n: int, rng) -> list[str]:
    seen: dict[str, None] = {}
    while len(seen) < n:
        k = rng.integers(2, 4)
        name = "".join(rng.choice(SYLLABLES, k)).capitalize()
        seen.setdefault(name, None)
    return list(seen)


def synthetic_tables(n_claims: int, *, seed: int = 7, claims_per_doc: int = 10) -> tuple[pa.Table, pa.Table]:
    """(documents, claims) tables with the annotate schemas (documents without text)."""
    rng = np.random.default_rng(seed)
    n_docs = max(2, n_claims // claims_per_doc)
    n_subjects = max(5, n_claims // 50)
    names = _names(n_subjects, rng)
    # Zipf-like popularity, without the single giant head a raw Zipf draw gives
    weights = 1.0 / (np.arange(n_subjects) + 10.0)
    subject = rng.choice(n_subjects, n_claims, p=weights / weights.sum())
    attribute = rng.integers(0, len(ATTRIBUTES), n_claims)
    period = rng.integers(0, len(PERIODS), n_claims)
    doc = np.sort(rng.integers(0, n_docs, n_claims))
    form = rng.integers(0, len(FORMS), n_claims)
    # the true figure of each (subject, attribute, period); a few claims slip
    truth = rng.integers(11, 999, (n_subjects, len(ATTRIBUTES), len(PERIODS))).astype(float)
    value = truth[subject, attribute, period]
    slip = rng.random(n_claims)
    value = np.where(slip < 0.01, value * 10, np.where(slip < 0.02, value / 10, value))
    value = np.where((slip >= 0.02) & (slip < 0.03), np.floor(value / 10) + (value % 10) * 10, value)
    is_money = np.array([ATTRIBUTES[a][1] == "USD" for a in range(len(ATTRIBUTES))])[attribute]
    scale = np.where(is_money, 1e7, 1.0)
    value = value * scale
    rows_attr = [ATTRIBUTES[a] for a in attribute]
    docs = [f"outlet{d % 97}/article{d:07d}" for d in range(n_docs)]
    counters: dict[int, int] = {}
    ids, texts = [], []
    for d, v, m in zip(doc.tolist(), value.tolist(), is_money.tolist()):
        counters[d] = counters.get(d, 0) + 1
        ids.append(f"{docs[d]}:c{counters[d]}")
        texts.append(f"${v / 1e9:.2f} billion" if m else f"{v:g}")
    subject_text = [FORMS[f].format(names[s]) for s, f in zip(subject.tolist(), form.tolist())]
    claims = pa.table({
        "id": ids, "doc": [docs[d] for d in doc.tolist()], "subject": subject_text, "subject_text": subject_text,
        "attribute": [a for a, _ in rows_attr], "value": value, "unit": [u for _, u in rows_attr],
        "qualifier": ["exact"] * n_claims, "low": value * 0.995, "high": value * 1.005,
        "period": [PERIODS[p] for p in period.tolist()], "scope": [None] * n_claims, "as_of": [None] * n_claims,
        "text": texts,
        "start": np.zeros(n_claims, dtype=np.int64), "end": np.array([len(t) for t in texts], dtype=np.int64),
        "sentence": [f"{s} reported {t}." for s, t in zip(subject_text, texts)],
        "confidence": np.full(n_claims, 0.9), "date": [None] * n_claims, "date_low": [None] * n_claims,
        "date_high": [None] * n_claims,
    }, schema=CLAIMS)
    documents = pa.table({
        "id": docs, "story": [None] * n_docs, "path": [f"{d}.txt" for d in docs], "title": [None] * n_docs,
        "published": [None] * n_docs, "source": [d.split("/")[0] for d in docs], "url": [None] * n_docs,
        "chars": [0] * n_docs,
        "words": [0] * n_docs, "text": [""] * n_docs, "names": [[]] * n_docs, "republished_from": [None] * n_docs,
    }, schema=DOCUMENTS)
    return documents, claims


def write_outdir(path, documents: pa.Table, claims: pa.Table, *, shard_docs: int = 10_000) -> None:
    """Write tables as a complete annotate output (shards of ``shard_docs`` documents)."""
    import pyarrow.compute as pc

    from claimcheck.batch.shards import OutDir, write_parquet_atomic
    from claimcheck.batch.tables import MENTIONS

    out = OutDir(path)
    out.path.mkdir(parents=True, exist_ok=True)
    out.make_dirs(docbin=False)
    doc_ids = documents.column("id")
    for k, start in enumerate(range(0, max(documents.num_rows, 1), shard_docs)):
        part = documents.slice(start, shard_docs)
        mask = pc.is_in(claims.column("doc"), value_set=part.column("id"))
        write_parquet_atomic(out.part("documents", k), part)
        write_parquet_atomic(out.part("mentions", k), MENTIONS.empty_table())
        write_parquet_atomic(out.part("claims", k), claims.filter(mask))
    out.write_manifest({"format": 1, "status": "complete", "run_key": "synthetic",
                        "input": {"fingerprint": "synthetic", "records": len(doc_ids)},
                        "counts": {"documents": documents.num_rows, "claims": claims.num_rows}})
