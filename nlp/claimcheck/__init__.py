"""claimcheck: extract, normalise and cross-check factual claims in news articles.

>>> import claimcheck
>>> report = claimcheck.check(["corpus/stories/arm-ipo-2023"])   # doctest: +SKIP
>>> [f.kind for f in report.findings]                            # doctest: +SKIP
['conflict', 'typo']
"""

__version__ = "0.1.0"
__all__ = ["check", "extract", "__version__"]


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def __getattr__(name: str):
    # the API pulls in spaCy; load it on first use so `claimcheck --version` stays instant
    if name in ("check", "extract"):
        from claimcheck import api

        return getattr(api, name)
    raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")
