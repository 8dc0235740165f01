"""Where claimcheck's files are.

Models, their training configs and the demo stories ship inside the package
(``claimcheck/models`` and ``claimcheck/demo`` are links to the repository's
``models/`` and ``corpus/stories`` in a checkout, and copied files in a
wheel). The annotated training corpus and the shared evaluation data do not
ship: they are found in the source checkout, which is the one this package
was loaded from (an editable install) or else the current directory or one of
its parents (a checkout whose package was installed with ``pip install .``).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
#: Hugging Face libraries never reach the network: weights come from pip packages, datasets from disk
OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


def hub_offline() -> None:
    """Set :data:`OFFLINE_ENV` (keeping values the user set) before a loader imports ``transformers`` or
    ``datasets``; called by those loaders, never at import, so importing claimcheck leaves the environment
    alone."""
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)
MODELS = PACKAGE / "models"
CONFIGS = MODELS / "configs"


def _is_checkout(path: Path) -> bool:
    return (path / "pyproject.toml").is_file() and (path / "corpus" / "GUIDELINES.md").is_file()


def checkout() -> Path | None:
    """The claimcheck source checkout, or None when there is none to be found."""
    here = Path.cwd()
    for candidate in (PACKAGE.parents[1], here, *here.parents):
        if _is_checkout(candidate):
            return candidate
    return None


def corpus_dir() -> Path:
    """The annotated corpus (``corpus/`` of the checkout); an InputError when there is no checkout."""
    from claimcheck.errors import InputError

    root = checkout()
    if root is None:
        raise InputError("the annotated corpus is not part of the installed package: run from a checkout of "
                         "the claimcheck repository or pass --corpus DIR")
    return root / "corpus"


def shared_dir() -> Path | None:
    """The shared evaluation data: $CLAIMCHECK_SHARED, else ``shared/`` beside the checkout, else None."""
    env = os.environ.get("CLAIMCHECK_SHARED")
    if env:
        return Path(env)
    root = checkout()
    guess = root.parent / "shared" if root is not None else None
    return guess if guess is not None and guess.is_dir() else None
