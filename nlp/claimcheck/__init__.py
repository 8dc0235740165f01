"""claimcheck: extract, normalise and cross-check factual claims in news articles.

>>> import claimcheck
>>> report = claimcheck.check(["corpus/stories/arm-ipo-2023"])   # doctest: +SKIP
>>> [f.kind for f in report.findings]                            # doctest: +SKIP
['conflict', 'typo']
"""

import logging

__version__ = "0.1.0"
# a library logs, the application decides where it goes: without a handler of theirs, nothing is printed
# (the CLI shows claimcheck's warnings as one `warning:` line, and everything with CLAIMCHECK_DEBUG=1)
logging.getLogger("claimcheck").addHandler(logging.NullHandler())
__all__ = ["check", "extract", "load", "read_annotations", "__version__"]


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def __getattr__(name: str):
    # the API pulls in spaCy; load it on first use so `claimcheck --version` stays instant
    if name in ("check", "extract"):
        from claimcheck import api

        return getattr(api, name)
    if name == "load":
        return _load
    if name == "read_annotations":
        from claimcheck.batch.results import read_annotations

        return read_annotations
    raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")


def _load(model: str = "default"):
    """The spaCy ``Language`` of a claimcheck pipeline (``default``, ``fast``, ``rules``, ``transformer``):
    ``nlp(text)`` or ``nlp.pipe(texts)`` give docs with ``doc._.claims`` (claim drafts) and ``doc._.mentions``
    (normalised value and name mentions). Set ``doc.user_data["claimcheck.published"]`` (a date) before the
    claim component runs to read relative dates against it; ``claimcheck.check`` does the rest of the job
    (reading, cleaning, cross-checking)."""
    from claimcheck.pipeline import load_pipeline

    return load_pipeline(model)


_load.__name__ = _load.__qualname__ = "load"
