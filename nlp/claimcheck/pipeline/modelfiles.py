"""What a model directory may contain before claimcheck loads it.

A trained pipeline is spaCy's serialisation: JSON, config text and msgpack
(thinc weights, tokenizer rules, string store), and numpy arrays for the vocab's
vectors; the ``transformer`` pipeline's claim encoder adds its fine-tuned layers as
safetensors (``claim_encoder/model``) and its settings as JSON (``claim_encoder/cfg``).
Nothing in it is a pickle, so nothing in it can run code on load. A
directory holding any other kind of file, or a file that starts like a pickle,
is refused before spaCy reads it.
"""

from __future__ import annotations

from pathlib import Path

from claimcheck.errors import ModelError

ALLOWED = {
    "config.cfg", "meta.json", "tokenizer", "README.md", "metrics.json",
    "vocab/vectors", "vocab/key2row", "vocab/lookups.bin", "vocab/strings.json", "vocab/vectors.cfg",
}
COMPONENT_FILES = {"model", "cfg", "moves", "patterns.jsonl"}
PICKLE_HEADERS = (b"\x80\x02", b"\x80\x03", b"\x80\x04", b"\x80\x05")
NUMPY_MAGIC = b"\x93NUMPY"


def check_model_dir(path: Path, name: str = "model") -> None:
    """Raise ModelError unless ``path`` is a complete model directory of the expected file kinds."""
    path = Path(path)
    if not (path / "config.cfg").is_file() or not (path / "meta.json").is_file():
        hint = f" (build it with `claimcheck train --model {name}`)" if name in ("fast", "transformer") else ""
        raise ModelError(f"model '{name}' is not built: {path} has no config.cfg/meta.json{hint}")
    for f in sorted(path.rglob("*")):
        if f.is_symlink():
            raise ModelError(f"{f}: links are not allowed in a model directory")
        if not f.is_file():
            continue
        rel = f.relative_to(path).as_posix()
        parts = rel.split("/")
        if rel not in ALLOWED and not (len(parts) == 2 and parts[1] in COMPONENT_FILES):
            raise ModelError(f"{f}: unexpected file in model directory (only spaCy's config, JSON, msgpack "
                             f"and numpy files are loaded)")
        with open(f, "rb") as fh:
            head = fh.read(6)
        if head.startswith(PICKLE_HEADERS):
            raise ModelError(f"{f}: looks like a pickle; refusing to load it")
        if rel == "vocab/vectors" and not head.startswith(NUMPY_MAGIC):
            raise ModelError(f"{f}: not a numpy array file")
