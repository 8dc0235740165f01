"""The claim encoder in float32 and with int8 weights, side by side in one run (issue 13, "light inference").

Both read the same values: the gold value mentions of the real articles' dev split (``real-dev``) with the
linker's candidate names, exactly the inputs ``claimcheck train --model transformer`` trains on. For each
variant: values per second (one thread, the whole encoder pass: frozen lower layers, fine-tuned layers and
heads), attribute accuracy and subject accuracy against the gold claims, and how often the int8 variant
decides as float32 does. int8 is PyTorch's dynamic quantisation of every linear layer (weights int8,
activations quantised on the fly); it needs no calibration data and no other package.

    python benchmarks/claim_encoder_int8.py [--model models/transformer] [--shared ../shared] [--limit 1500]
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import time
from pathlib import Path

import numpy


def _scores(items, predicted) -> dict:
    attr = [int(numpy.argmax(p)) == it.attribute for (p, _l), it in zip(predicted, items)]
    linked = [int(numpy.argmax(link)) in it.positives for (_p, link), it in zip(predicted, items)
              if it.attribute and it.positives]
    return {"attribute_accuracy": round(float(numpy.mean(attr)), 4),
            "subject_accuracy": round(float(numpy.mean(linked)), 4), "claims_with_subject": len(linked)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=Path("models/transformer"))
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, default=1500, help="values read (the first N of real-dev)")
    args = parser.parse_args(argv)
    import torch

    from claimcheck.pipeline.claim_encoder import load_base, load_net, predict_values
    from claimcheck.training.corpus import load_real
    from claimcheck.training.finetune import items_of

    encoder_dir = args.model / "claim_encoder"
    if not (encoder_dir / "model").exists():
        print(f"error: {encoder_dir}: no claim encoder (claimcheck train --model transformer)", file=sys.stderr)
        return 2
    torch.set_num_threads(1)
    tokenizer, _base = load_base()
    items = items_of(load_real(args.shared, split="dev"), tokenizer)[:args.limit]
    net, _cfg = load_net(encoder_dir)
    quantised = copy.deepcopy(net)
    quantised.frozen = [torch.ao.quantization.quantize_dynamic(copy.deepcopy(m), {torch.nn.Linear}, dtype=torch.qint8)
                        for m in net.frozen]
    quantised = torch.ao.quantization.quantize_dynamic(quantised, {torch.nn.Linear}, dtype=torch.qint8)
    inputs = [it.x for it in items]
    out: dict = {"values": len(items)}
    runs: dict = {}
    for _round in range(2):  # interleaved rounds; the second of each counts (warm)
        for name, model in (("float32", net), ("int8", quantised)):
            started = time.perf_counter()
            predicted = predict_values(model, inputs)
            runs[name] = (time.perf_counter() - started, predicted)
    for name, (seconds, predicted) in runs.items():
        out[name] = {"values_per_second": round(len(items) / seconds, 1), **_scores(items, predicted)}
    same_attr = [int(numpy.argmax(p)) == int(numpy.argmax(q))
                 for (p, _l), (q, _m) in zip(runs["float32"][1], runs["int8"][1])]
    same_link = [int(numpy.argmax(l1)) == int(numpy.argmax(l2))
                 for (_p, l1), (_q, l2) in zip(runs["float32"][1], runs["int8"][1]) if len(l1)]
    out["int8_same_attribute"] = round(float(numpy.mean(same_attr)), 4)
    out["int8_same_subject"] = round(float(numpy.mean(same_link)), 4)
    out["speedup"] = round(out["int8"]["values_per_second"] / out["float32"]["values_per_second"], 2)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
