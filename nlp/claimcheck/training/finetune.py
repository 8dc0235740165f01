"""Fine-tune the claim encoder (``claimcheck.pipeline.claim_encoder``) and build the ``transformer`` pipeline.

``claimcheck train --model transformer [--real]``: the ``fast`` pipeline (its NER, number grammar and
linker, unchanged) plus ``claimcheck_claim_encoder_v1``, whose top layers of all-MiniLM-L6-v2 and two
heads are fine-tuned here with ``transformers``' model, ``datasets`` for the shuffled epochs and torch's
AdamW, on the gold mentions and claims of the written train split (and, with ``--real``, the real
articles' train split). The lower layers are frozen, so their output is computed once per value and
kept (as float16) for every epoch: on two CPU cores an epoch then costs about a third of a full
forward and backward pass. Afterwards the mixing weight with the linker and the attribute threshold
are chosen together for end-to-end claim F1 on the dev splits. ``real-test`` is never read.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass
from pathlib import Path

import numpy

from claimcheck.pipeline.claim_encoder import (
    PACKAGE,
    ValueInput,
    build_net,
    collate,
    load_base,
    piece_tokens,
    value_inputs,
)
from claimcheck.pipeline.pairs import CLASSES, candidate_pairs, sentence_ids

log = logging.getLogger("claimcheck.train")

MIXES = (0.0, 0.25, 0.5, 0.75, 1.0)


@dataclass
class Item:
    """A value input and its targets: the gold attribute (0: not a claim) and the candidates naming its subject."""
    x: ValueInput
    attribute: int
    positives: list[int]


def items_of(tasks: list[dict], tokenizer) -> list[Item]:
    """Training items from Prodigy tasks: gold entities are the candidates, as for the linker."""
    from claimcheck.resolve.entities import name_key
    from claimcheck.training.corpus import GOLD_KEY, task_to_doc

    out = []
    for task in tasks:
        doc = task_to_doc(task)
        gold: dict[tuple[int, int], tuple[int, str]] = {}
        for r in doc.user_data.get(GOLD_KEY, []):
            if r["label"] in CLASSES:
                head = doc[r["head"][0]:r["head"][1]].text
                gold[tuple(r["child"])] = (CLASSES.index(r["label"]), name_key(head))
        sents = sentence_ids(doc)
        pairs = candidate_pairs(doc, None, sents)
        for x in value_inputs(doc, pairs, tokenizer, piece_tokens(doc, tokenizer), sents):
            value = pairs[x.rows[0]].value
            attribute, key = gold.get(value, (0, ""))
            positives = [k for k, r in enumerate(x.rows)
                         if key and name_key(doc[pairs[r].subject[0]:pairs[r].subject[1]].text) == key]
            out.append(Item(x, attribute, positives))
    return out


def _loss(attr, link, items: list[Item], cand_batch):
    import torch
    import torch.nn.functional as F

    loss = F.cross_entropy(attr, torch.tensor([it.attribute for it in items]))
    linked = 0
    link_loss = attr.new_zeros(())
    offset = 0
    for it in items:
        n = len(it.x.candidate_at)
        if it.attribute and it.positives:
            logp = torch.log_softmax(link[offset:offset + n], dim=0)
            link_loss = link_loss - torch.logsumexp(logp[it.positives], dim=0)
            linked += 1
        offset += n
    return loss + link_loss / max(linked, 1)


def fine_tune(train: list[Item], *, epochs: int = 3, n_tuned: int = 2, hidden: int = 256, lr: float = 5e-5,
              head_lr: float = 1e-3, batch_size: int = 16, seed: int = 0, package: str = PACKAGE,
              report=None):
    """The fine-tuned network: frozen lower layers computed once, the top ``n_tuned`` layers and the heads
    trained with AdamW and a linear decay, batches of similar length in a shuffled order."""
    import datasets
    import torch

    torch.manual_seed(seed)
    random.seed(seed)
    _tokenizer, base = load_base(package)
    net = build_net(base, n_tuned=n_tuned, hidden=hidden)
    by_length = sorted(range(len(train)), key=lambda i: len(train[i].x.ids))
    batches = [by_length[k:k + batch_size] for k in range(0, len(by_length), batch_size)]
    lowered = []  # per batch: (float16 lower output, mask, value positions, candidate rows, candidate positions)
    started = time.perf_counter()
    for b in batches:
        ids, mask, value_at, cand_batch, cand_at = collate([train[i].x for i in b])
        lowered.append((net.lower(ids, mask).to(torch.float16), mask, value_at, cand_batch, cand_at))
    if report:
        report(f"lower layers over {len(train)} values: {time.perf_counter() - started:.0f} s")
    tuned = [p for m in net.tuned for p in m.parameters()]
    heads = [p for m in (net.attribute, net.link) for p in m.parameters()]
    optimizer = torch.optim.AdamW([{"params": tuned, "lr": lr}, {"params": heads, "lr": head_lr}],
                                  weight_decay=0.01)
    order = datasets.Dataset.from_dict({"batch": list(range(len(batches)))})
    total = epochs * len(batches)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: max(0.0, 1 - step / max(total, 1)))
    net.train()
    for epoch in range(epochs):
        shuffled = order.shuffle(seed=seed + epoch)["batch"]
        running, started = 0.0, time.perf_counter()
        for step, k in enumerate(shuffled):
            h, mask, value_at, cand_batch, cand_at = lowered[k]
            out = net.upper(h.to(torch.float32), mask)
            attr, link = net.heads(out, value_at, cand_batch, cand_at)
            loss = _loss(attr, link, [train[i] for i in batches[k]], cand_batch)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(tuned + heads, 1.0)
            optimizer.step()
            scheduler.step()
            running += loss.item()
            if report and (step + 1) % 200 == 0:
                report(f"epoch {epoch + 1} step {step + 1}/{len(batches)} loss {running / (step + 1):.4f}")
        if report:
            report(f"epoch {epoch + 1}: loss {running / max(len(batches), 1):.4f}, "
                   f"{time.perf_counter() - started:.0f} s")
    net.eval()
    return net


def tune(nlp, rows: list[dict]) -> tuple[float, float, dict]:
    """The (mix, threshold) with the best end-to-end claim F1 on ``rows``; the encoder runs once per
    document and its predictions are reused across mixes."""
    from claimcheck.training.evaluate import run_tasks
    from claimcheck.training.train import best_threshold

    encoder = nlp.get_pipe("claim_encoder")
    saved = dict(encoder.cfg)
    encoder.cache = {}
    best: tuple[float, float, dict | None] = (saved["mix"], saved["threshold"], None)
    try:
        encoder.cfg["threshold"] = 0.0
        for mix in MIXES:
            encoder.cfg["mix"] = mix
            _mentions, pairs = run_tasks(rows, nlp)
            at, scores = best_threshold(pairs)
            if best[2] is None or scores["f"] > best[2]["f"]:
                best = (mix, at, scores)
    finally:
        encoder.cfg.update(saved)
        encoder.cache = None
    mix, threshold, score = best
    assert score is not None  # the grids are not empty
    return mix, threshold, score


def build(output: Path, train_rows: list[dict], dev_rows: list[dict], *, base_model: Path, epochs: int = 2,
          n_tuned: int = 2, seed: int = 0, max_items: int | None = None, none_fraction: float = 0.5,
          report=None) -> dict:
    """Fine-tune on ``train_rows``, add the encoder to the pipeline at ``base_model``, tune on ``dev_rows``
    and save the new pipeline to ``output`` (a fresh directory); returns what was measured."""
    from claimcheck.pipeline import load_trained

    tokenizer, _base = load_base()
    started = time.perf_counter()
    items = items_of(train_rows, tokenizer)
    if none_fraction < 1.0:  # most values are no claim: keep a seeded share of them (the threshold is tuned after)
        rng = random.Random(seed)
        items = [it for it in items if it.attribute or rng.random() < none_fraction]
    if max_items is not None:
        items = items[:max_items]
    net = fine_tune(items, epochs=epochs, n_tuned=n_tuned, seed=seed, report=report)
    seconds = time.perf_counter() - started
    nlp = load_trained(base_model, "fast")
    nlp.get_pipe("claim_linker").cfg["stash"] = True
    encoder = nlp.add_pipe("claimcheck_claim_encoder_v1", name="claim_encoder", after="claim_linker")
    encoder.net = net
    encoder.cfg.update({"n_tuned": n_tuned, "hidden": 256, "package": PACKAGE})
    mix, threshold, score = tune(nlp, dev_rows) if dev_rows else (1.0, 0.35, {})
    encoder.cfg.update({"mix": mix, "threshold": threshold})
    if "claimcheck_tables_v1" in nlp.pipe_names:  # added again at load
        nlp.remove_pipe("claimcheck_tables_v1")
    info = {"model": "transformer", "base": "fast", "train_articles": len(train_rows),
            "train_values": len(items), "train_claims": sum(1 for it in items if it.attribute),
            "epochs": epochs, "n_tuned": n_tuned, "none_fraction": none_fraction, "seed": seed,
            "seconds": round(seconds),
            "mix": mix, "threshold": threshold, "dev_articles": len(dev_rows), "dev_claims_at_threshold": score}
    nlp.meta["claimcheck"] = info
    nlp.to_disk(output)
    return info


def n_values(items: list[Item]) -> dict[str, int]:
    counts = numpy.bincount([it.attribute for it in items], minlength=len(CLASSES))
    return {c: int(n) for c, n in zip(CLASSES, counts) if n}
