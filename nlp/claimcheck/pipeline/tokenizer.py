"""Tokenizer adjustments for financial text.

English spaCy keeps "HK$88" and "54.5bn" as single tokens, which hides the
number from the parser and the NER. We split currency prefixes (HK$, US$, C$,
A$, S$, NZ$, R$) and scale suffixes (bn, m, mn, k, tn) off numbers.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_prefix_regex, compile_suffix_regex

CURRENCY_PREFIXES = [r"US\$", r"HK\$", r"NZ\$", r"C\$", r"A\$", r"S\$", r"R\$", r"Â£", r"â‚¬"]  # and mojibake £ €
SCALE_SUFFIX = r"(?<=[0-9])(?:bn|bln|mn|mln|m|k|tn|b)"
SCALE_ABBREVIATIONS = {"m.", "k.", "M.", "K."}
#: characters at the end of a string in which a suffix is looked for (no suffix rule matches more)
SUFFIX_TAIL = 64


class TailSearch:
    """A suffix search that looks only at the end of the string.

    spaCy strips one prefix or suffix at a time and calls ``suffix_search`` on the whole remaining string
    each time; a ``$``-anchored regex search tries every start position, so "((((…$5bn))))" with 5,000
    brackets took 18 s (quadratic). Searching from ``len - SUFFIX_TAIL`` finds the same suffixes in
    linear total time (lookbehinds still see the characters before). ``__self__`` is the compiled
    pattern, which is what spaCy serialises for a ``suffix_search``.
    """

    def __init__(self, regex: re.Pattern):
        self.__self__ = regex

    def __call__(self, string: str):
        return self.__self__.search(string, max(0, len(string) - SUFFIX_TAIL))


def adjust_tokenizer(nlp: Language) -> None:
    """Set the financial prefix/suffix rules on ``nlp``'s tokenizer (idempotent: rebuilt from spaCy's defaults,
    so a model saved with an older version of these rules gets the current ones)."""
    default_prefixes, default_suffixes = nlp.Defaults.prefixes, nlp.Defaults.suffixes
    assert default_prefixes is not None and default_suffixes is not None  # every language's defaults have both
    prefixes: list[str | re.Pattern] = [*CURRENCY_PREFIXES, *default_prefixes]
    suffixes: list[str | re.Pattern] = [SCALE_SUFFIX, *default_suffixes]
    tok = nlp.tokenizer
    assert isinstance(tok, Tokenizer)  # spaCy's own, whose prefix, suffix and special-case rules are set here
    # each setter below rebuilds the tokenizer's special cases (~70 ms): a model saved with these rules
    # already has the prefixes and rules, so only what differs is set (the suffix search always is: a
    # saved model brings back a plain regex search, not the TailSearch)
    prefix_re = compile_prefix_regex(prefixes)
    if getattr(getattr(tok.prefix_search, "__self__", None), "pattern", None) != prefix_re.pattern:
        tok.prefix_search = prefix_re.search
    tok.suffix_search = TailSearch(compile_suffix_regex(suffixes))
    # "$500m." is $ 500 m . - not the abbreviation "m." (spaCy's special case would swallow the full stop)
    rules = tok.rules
    if any(k in rules for k in SCALE_ABBREVIATIONS):
        tok.rules = {k: v for k, v in rules.items() if k not in SCALE_ABBREVIATIONS}
    nlp.meta["_claimcheck_tokenizer"] = True


def make_adjust():
    """The ``claimcheck.adjust_tokenizer.v1`` callback (models/configs/*.cfg, ``[initialize] before_init``)."""
    return adjust_tokenizer


def _register_callback() -> None:
    from spacy.util import registry

    registry.callbacks.register("claimcheck.adjust_tokenizer.v1", func=make_adjust)


_register_callback()
