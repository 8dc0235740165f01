"""claimcheck as a spaCy citizen: saved pipelines load with plain ``spacy.load`` in a fresh process (the
components, layers and callbacks come from the package's entry points), ``claimcheck.load`` returns the
``Language``, and docs carry ``doc._.claims`` and ``doc._.mentions``."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from claimcheck.paths import MODELS

SENTENCE = "Lumen, the cloud software maker, is valued at $9bn after raising $400m on Monday, the company said."


@pytest.mark.slow  # seconds: a subprocess, a browser or a training run (quick tier leaves it out)
def test_spacy_load_of_a_saved_model_in_a_fresh_process(tmp_path):
    code = f"""
import json, sys, spacy
nlp = spacy.load({str(MODELS / "fast")!r})
assert not any(m == "claimcheck.api" for m in sys.modules)  # only what the entry points pulled in
doc = nlp({SENTENCE!r})
print(json.dumps({{"pipes": nlp.pipe_names,
                   "claims": [(c.subject_text, c.attribute, c.span.text) for c in doc._.claims],
                   "mentions": [(m.label, m.text, m.value, m.unit) for m in doc._.mentions]}}))
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert "claimcheck_quantities_v1" in out["pipes"] and "claim_linker" in out["pipes"]
    assert ["Lumen", "valuation", "$9bn"] in out["claims"]
    assert ["MONEY", "$9bn", 9_000_000_000, "USD"] in out["mentions"]


def test_claimcheck_load_returns_the_language_and_pipe_works():
    import claimcheck

    assert "load" in dir(claimcheck)
    nlp = claimcheck.load("default")
    assert nlp is claimcheck.load()  # cached
    docs = list(nlp.pipe([SENTENCE, "Nothing to see here."]))
    assert [c.attribute for c in docs[0]._.claims][:1] == ["valuation"] and docs[1]._.claims == []
    money = [m for m in docs[0]._.mentions if m.label == "MONEY"]
    assert [(m.text, m.value) for m in money] == [("$9bn", 9_000_000_000), ("$400m", 400_000_000)]


def test_extensions_register_idempotently():
    from spacy.tokens import Doc

    from claimcheck.pipeline.components import register_extensions

    register_extensions()
    register_extensions()
    assert Doc.has_extension("claims") and Doc.has_extension("mentions")
