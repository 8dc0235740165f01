"""The claim encoder in float32 and int8, in PyTorch and ONNX Runtime, side by side (issue 13, "light inference").

Every variant reads the same values: the gold value mentions of the real articles' dev split (``real-dev``) with
the linker's candidate names, exactly the inputs ``claimcheck train --model transformer`` trains on. For each
variant: values per second (one thread, the whole encoder pass: frozen lower layers, fine-tuned layers and
heads, in the same batches of 16 sorted by length), attribute accuracy and subject accuracy against the gold
claims, how often it decides the attribute and the subject as PyTorch float32 does, and the largest absolute
difference of its attribute probabilities from PyTorch float32's. Rounds are interleaved (every variant once,
twice over); the second round is timed.

* ``float32``: the pipeline's encoder as it runs (``claim_encoder.predict_values``), the reference;
* ``int8``: PyTorch's dynamic quantisation of every linear layer (weights int8, activations quantised on the
  fly); it needs no calibration data and no other package;
* ``onnx_float32``: the same network (``lower``, ``upper`` and ``heads``, the softmax included) exported with
  ``torch.onnx.export`` (TorchScript exporter, ``dynamo=False``: the default exporter needs ``onnxscript``;
  opset 17, batch, sequence and candidate axes dynamic) to a temporary directory and run by ONNX Runtime
  (CPU, one intra-op and one inter-op thread, default graph optimisations);
* ``onnx_int8``, ``onnx_int8_quint8``, ``onnx_int8_per_channel``: that ONNX model after
  ``onnxruntime.quantization.quantize_dynamic`` (weights QInt8 per tensor; QUInt8 per tensor; QInt8 per
  channel), activations quantised on the fly.

ONNX Runtime is no claimcheck dependency (``pip install onnxruntime onnx``); without it the script says so in
one line on stderr and runs the PyTorch variants only. No ONNX file is left behind.

    python benchmarks/claim_encoder_int8.py [--model models/transformer] [--shared ../shared] [--limit 1500]
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

import numpy

INPUT_NAMES = ["ids", "mask", "value_at", "cand_batch", "cand_at"]
#: ONNX Runtime int8 variants: name -> (weight type, per channel)
ORT_INT8 = {"onnx_int8": ("QInt8", False), "onnx_int8_quint8": ("QUInt8", False),
            "onnx_int8_per_channel": ("QInt8", True)}


def _scores(items, predicted) -> dict:
    attr = [int(numpy.argmax(p)) == it.attribute for (p, _l), it in zip(predicted, items)]
    linked = [int(numpy.argmax(link)) in it.positives for (_p, link), it in zip(predicted, items)
              if it.attribute and it.positives]
    return {"attribute_accuracy": round(float(numpy.mean(attr)), 4),
            "subject_accuracy": round(float(numpy.mean(linked)), 4), "claims_with_subject": len(linked)}


def _agreement(reference, predicted) -> dict:
    """Shares of values deciding attribute and subject as ``reference`` does; largest probability difference."""
    same_attr = [int(numpy.argmax(p)) == int(numpy.argmax(q)) for (p, _l), (q, _m) in zip(reference, predicted)]
    same_link = [int(numpy.argmax(l1)) == int(numpy.argmax(l2))
                 for (_p, l1), (_q, l2) in zip(reference, predicted) if len(l1)]
    diff = max(float(numpy.abs(p - q).max()) for (p, _l), (q, _m) in zip(reference, predicted))
    link_diff = max((float(numpy.abs(l1 - l2).max()) for (_p, l1), (_q, l2) in zip(reference, predicted) if len(l1)),
                    default=0.0)
    return {"same_attribute": round(float(numpy.mean(same_attr)), 4),
            "same_subject": round(float(numpy.mean(same_link)), 4),
            "max_abs_diff_probabilities": float(f"{diff:.3g}"), "max_abs_diff_link_scores": float(f"{link_diff:.3g}")}


def _export_onnx(net, inputs, path: Path) -> None:
    """``net``'s whole pass (attribute probabilities, link scores) as an ONNX model at ``path``."""
    import torch

    from claimcheck.pipeline.claim_encoder import collate
    from claimcheck.pipeline.claim_encoder import forward as encoder_forward

    class Whole(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.net = net
            self.frozen = torch.nn.ModuleList(net.frozen)  # registered, so exported as weights, not constants
            self.requires_grad_(False)

        def forward(self, ids, mask, value_at, cand_batch, cand_at):
            return encoder_forward(self.net, ids, mask, value_at, cand_batch, cand_at)

    axes = {"ids": {0: "batch", 1: "sequence"}, "mask": {0: "batch", 1: "sequence"}, "value_at": {0: "batch"},
            "cand_batch": {0: "candidates"}, "cand_at": {0: "candidates"}, "probabilities": {0: "batch"},
            "link": {0: "candidates"}}
    torch.onnx.export(Whole().eval(), collate(inputs[:4]), str(path), input_names=INPUT_NAMES,
                      output_names=["probabilities", "link"], opset_version=17, dynamic_axes=axes, dynamo=False)


def _onnx_predictor(path: Path) -> Callable[[list], list[tuple[numpy.ndarray, numpy.ndarray]]]:
    """``predict_values`` for an ONNX Runtime session of the model at ``path`` (one thread)."""
    import onnxruntime  # type: ignore[import-untyped]

    from claimcheck.pipeline.claim_encoder import batched_predictions

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def run(collated) -> tuple[numpy.ndarray, numpy.ndarray]:
        probs, link = session.run(None, {name: t.numpy() for name, t in zip(INPUT_NAMES, collated)})
        return probs, link

    def predict(inputs, batch_size: int = 16) -> list[tuple[numpy.ndarray, numpy.ndarray]]:
        return batched_predictions(inputs, run, batch_size)

    return predict


def _onnx_variants(net, inputs, directory: Path) -> dict[str, Callable]:
    """The ONNX Runtime variants, or none (with one line on stderr) when onnxruntime or onnx is missing."""
    try:
        import onnx  # noqa: F401  (the exporter and the quantiser need it)
        from onnxruntime.quantization import QuantType, quantize_dynamic  # type: ignore[import-untyped]
    except ImportError as err:
        missing = (err.name or "onnxruntime").split(".")[0]
        print(f"ONNX Runtime variants skipped: {missing} is not installed (pip install onnxruntime onnx)",
              file=sys.stderr)
        return {}
    fp32 = directory / "claim_encoder.onnx"
    _export_onnx(net, inputs, fp32)
    variants = {"onnx_float32": _onnx_predictor(fp32)}
    for name, (weights, per_channel) in ORT_INT8.items():
        path = directory / f"{name}.onnx"
        quantize_dynamic(str(fp32), str(path), weight_type=getattr(QuantType, weights), per_channel=per_channel)
        variants[name] = _onnx_predictor(path)
    return variants


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
    out: dict[str, Any] = {"values": len(items)}
    with tempfile.TemporaryDirectory(prefix="claim_encoder_onnx_") as tmp:
        variants: dict[str, Callable] = {"float32": lambda xs: predict_values(net, xs),
                                         "int8": lambda xs: predict_values(quantised, xs),
                                         **_onnx_variants(net, inputs, Path(tmp))}
        runs: dict = {}
        for _round in range(2):  # interleaved rounds; the second of each counts (warm)
            for name, predict in variants.items():
                started = time.perf_counter()
                predicted = predict(inputs)
                runs[name] = (time.perf_counter() - started, predicted)
    reference_speed = len(items) / runs["float32"][0]
    for name, (seconds, predicted) in runs.items():
        speed = len(items) / seconds
        out[name] = {"values_per_second": round(speed, 1), "speedup": round(speed / reference_speed, 2),
                     **_scores(items, predicted)}
        if name != "float32":
            out[name].update(_agreement(runs["float32"][1], predicted))
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
