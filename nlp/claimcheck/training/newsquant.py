"""NewsQuant end to end: quantities extracted from raw sentences, scored like the CQE evaluation.

Each of the 590 sentences goes through the whole pipeline; every MONEY,
PERCENT, CARDINAL and QUANTITY mention with a numeric value that the toolkit
reports (``mentions_of``), and every span of time or age the NER labels DATE
or TIME ("15 years", "65-year-old"), is a predicted quantity. Predictions and
gold quantities of a sentence are matched one to one
by value (relative tolerance 1e-6 after the gold unit's factor, e.g. cents; a
gold range matches either a predicted range with both ends or a value equal to
one end). *value* P/R/F1 counts those matches; *value+unit* additionally needs
the unit: ISO currency for money, percent, percentage points for basis points,
and for other quantities the unit of measure's name ("hp" → "horsepower", "mph"
→ "mile": NewsQuant's "mile per hour" without its "per" part, as the gold's) or
the counted noun with the words that modify it ("1,100 public housing
properties" → "public housing property", lower case, singular, as NewsQuant
writes a count's unit) against the gold ``normalized_unit`` (an empty gold
unit wants none). NewsQuant's own names are used where claimcheck names a unit
otherwise ("metric ton" for tonnes, "people", "count" for "times"), and its currency names (quantulum3's:
"swiss franc", "mexican peso", "pence") are read as ISO codes. A vague plural is read as NewsQuant reads it,
from its word's unit to ten times it ("thousands": 1,000-10,000; claimcheck's own reading starts at 2,000), and a
change "from X to Y" as one quantity, the range X-Y (claimcheck reports the two figures).
quantulum3 runs in the same harness on the same sentences (its ``unit.name``,
``currency_code`` for money), when it is installed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
from pathlib import Path
from typing import Any

from claimcheck.training.scoring import prf

#: gold normalized_unit (lower case) -> ISO 4217, and the factor gold values carry
#: ("cent": gold 50 means 0.50 of the currency)
CURRENCIES: dict[str, tuple[str, float]] = {
    "dollar": ("USD", 1), "united states dollar": ("USD", 1), "australian dollar": ("AUD", 1),
    "canadian dollar": ("CAD", 1), "hong kong dollar": ("HKD", 1), "new zealand dollar": ("NZD", 1),
    "singaporean dollar": ("SGD", 1), "singapore dollar": ("SGD", 1), "euro": ("EUR", 1),
    "pound sterling": ("GBP", 1), "japanese yen": ("JPY", 1), "chinese yuan": ("CNY", 1),
    "indian rupee": ("INR", 1), "malaysian ringgit": ("MYR", 1), "shekel": ("ILS", 1),
    "south african rand": ("ZAR", 1), "danish krone": ("DKK", 1), "cent": ("", 0.01), "sen": ("MYR", 0.01),
    # the other currencies a news sentence names, as NewsQuant's unit list (quantulum3's) names them
    "swiss franc": ("CHF", 1), "french franc": ("FRF", 1), "belgian franc": ("BEF", 1), "mark": ("DEM", 1),
    "deutsche mark": ("DEM", 1), "peseta": ("ESP", 1), "finnish markka": ("FIM", 1), "italian lira": ("ITL", 1),
    "dutch guilder": ("NLG", 1), "netherlands guilder": ("NLG", 1), "mexican peso": ("MXN", 1),
    "philippine peso": ("PHP", 1), "chilean peso": ("CLP", 1), "colombian peso": ("COP", 1),
    "argentine peso": ("ARS", 1), "turkish lira": ("TRY", 1), "croatian kuna": ("HRK", 1), "rupee": ("INR", 1),
    "pakistani rupee": ("PKR", 1), "sri lankan rupee": ("LKR", 1), "russian ruble": ("RUB", 1),
    "russian rouble": ("RUB", 1), "brazilian real": ("BRL", 1), "south korean won": ("KRW", 1),
    "new taiwan dollar": ("TWD", 1), "thai baht": ("THB", 1), "indonesian rupiah": ("IDR", 1),
    "swedish krona": ("SEK", 1), "norwegian krone": ("NOK", 1), "polish zloty": ("PLN", 1),
    "polish złoty": ("PLN", 1), "czech koruna": ("CZK", 1), "hungarian forint": ("HUF", 1),
    "egyptian pound": ("EGP", 1), "nigerian naira": ("NGN", 1), "kenyan shilling": ("KES", 1),
    "united arab emirates dirham": ("AED", 1), "saudi riyal": ("SAR", 1), "qatari riyal": ("QAR", 1),
    "israeli new shekel": ("ILS", 1), "new israeli shekel": ("ILS", 1), "ukrainian hryvnia": ("UAH", 1),
    "vietnamese dong": ("VND", 1), "renminbi": ("CNY", 1), "yuan": ("CNY", 1), "yen": ("JPY", 1),
    "british pound": ("GBP", 1), "penny": ("GBP", 0.01), "pence": ("GBP", 0.01), "costa rican colón": ("CRC", 1),
    "georgian lari": ("GEL", 1), "lao kip": ("LAK", 1), "philippine piso": ("PHP", 1),
}
DOLLARS = ("USD", "AUD", "CAD", "NZD", "HKD", "SGD")
_PER_RE = re.compile(r"\s+per\s+.*$")


def gold_category(norm_unit: str) -> tuple[str, str, float]:
    """("money" | "percent" | "bp" | "other", expected unit, factor) for a gold normalized_unit."""
    u = norm_unit.strip().lower()
    base = _PER_RE.sub("", u)
    if base in CURRENCIES:
        iso, factor = CURRENCIES[base]
        return "money", iso, factor
    if base in ("percentage", "%", "% -"):
        return "percent", "percent", 1
    if base == "basis point":
        return "bp", "percentage_points", 0.01
    return "other", _singular(base) if base not in ("-", "") else "", 1


def parse_gold_value(s: str) -> tuple[float, float | None] | None:
    """'6.0' -> (6.0, None); '1.5-2.0' -> (1.5, 2.0); unparsable -> None."""
    s = s.strip()
    m = re.fullmatch(r"(-?[\d.]+)\s*-\s*(-?[\d.]+)", s)
    try:
        if m:
            return float(m.group(1)), float(m.group(2))
        return float(s.replace(",", "")), None
    except ValueError:
        return None


def _singular(word: str) -> str:
    from claimcheck.pipeline.context import _singular as singular

    return " ".join(singular(w) for w in word.split())


@functools.cache
def load_quantulum():
    """quantulum3's parser, or a message saying why not. Its bundled classifier (which unit an ambiguous word
    means: "pounds" of weight or sterling) was pickled with an older scikit-learn and does not load under today's;
    quantulum3 then says to retrain it, so it is retrained here, in memory, by quantulum3's own recipe and training
    set (``classifier.train_classifier``, about ten seconds; it needs the ``stemming`` package, which the ``eval``
    extra installs), and the peer runs with that. Only when that fails too does quantulum3's own no-classifier
    disambiguation run. Probed once per process: the failed load switches the classifier off module-wide, so a
    second probe would parse fine and report the classifier as on while every parse runs without it."""
    try:
        from quantulum3 import classifier, parser
    except Exception as exc:  # noqa: BLE001
        return None, f"quantulum3 not installed ({type(exc).__name__}); `pip install quantulum3` to compare"
    note = "quantulum3 with its classifier"
    try:
        parser.parse("It cost $5 and weighed 3 kg.")
    except Exception as exc:  # noqa: BLE001
        bundled = type(exc).__name__
        retrained, why = _retrained_classifier(classifier)
        if retrained is not None:
            return (_Parser(parser, retrained),
                    f"quantulum3 with its classifier retrained here by its own recipe (the bundled one does not load "
                    f"under this scikit-learn: {bundled})")
        classifier.USE_CLF = False
        note = f"quantulum3 without its classifier (the bundled model does not load: {bundled}; retraining: {why})"
        parser.parse("It cost $5 and weighed 3 kg.")
    if not classifier.USE_CLF:
        note = note if "without" in note else "quantulum3 without its classifier (switched off before this probe)"
    return parser, note


class _Parser:
    """quantulum3's ``parser`` with a classifier file of our own: ``parse(text)`` as the module's."""

    def __init__(self, parser, classifier_path: str) -> None:
        self._parser, self._path = parser, classifier_path

    def parse(self, text: str):
        return self._parser.parse(text, classifier_path=self._path)


def _retrained_classifier(classifier) -> tuple[str | None, str]:
    """(path of a classifier file quantulum3 trained on its own training set with the installed scikit-learn, or
    None, and why not). The file lives in a temporary folder removed when the process ends."""
    import atexit
    import shutil
    import tempfile
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            obj = classifier.train_classifier(store=False, n_jobs=1)
        folder = tempfile.mkdtemp(prefix="claimcheck-quantulum3-")
        atexit.register(shutil.rmtree, folder, True)
        path = str(Path(folder) / "clf.joblib")
        classifier.joblib.dump(obj, path)
        from quantulum3 import parser

        _Parser(parser, path).parse("It cost $5 and weighed 3 kg.")  # the file loads and parses
        return path, "done"
    except Exception as exc:  # noqa: BLE001  (a missing `stemming`, a training error: fall back, say why)
        return None, f"{type(exc).__name__}: {exc}"[:120]


# --- predictions -------------------------------------------------------------------------------------

def _num(x: Any) -> float | None:
    return float(x) if isinstance(x, (int, float)) and not isinstance(x, bool) else None


def ours(sentences: list[str], nlp) -> list[list[dict]]:
    """Quantities of each sentence, {low, high, unit}, in reading order: the pipeline's value mentions
    (:func:`claimcheck.pipeline.mentions.mentions_of`, the mentions the toolkit itself reports: a MONEY span with
    no currency before a noun is a count of that noun) and the spans of time and ages the NER labels DATE or TIME."""
    from claimcheck.normalize import currency_context
    from claimcheck.normalize.counts import unit_after
    from claimcheck.pipeline.mentions import CURRENCY_KEY, counted_phrase, counted_unit, mentions_of

    def docs():
        for s in sentences:
            d = nlp.make_doc(s)
            d.user_data[CURRENCY_KEY] = currency_context(s, strict=True)
            yield d

    out = []
    for doc in nlp.pipe(docs()):
        found: list[tuple[int, dict]] = []
        for ent in doc.ents:
            if ent.label_ in ("DATE", "TIME"):
                duration = _duration(ent.text)
                if duration:
                    found.append((ent.start_char, duration))
        spans = {e.start_char: e for e in doc.ents}
        for m in mentions_of(doc):
            if m.label not in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY"):
                continue
            low, high, value = _num(m.low), _num(m.high), _num(m.value)
            if value is None and low is None:
                continue
            if m.qualifier == "range" and low is not None and (vague := _vague_range(m.text, low)) is not None:
                low, high = vague
                value = low
            unit = predicted_unit(m.label, m.unit)
            if unit == "kilocalorie" and re.match(r"[^.;]{0,12}?calories\b", doc.text[m.end - 8:m.end + 12], re.I):
                unit = "calorie"  # food "calories" are kilocalories; NewsQuant names the word written
            ent = spans.get(m.start)
            if m.label == "CARDINAL" and ent is not None and m.unit and m.unit == counted_unit(ent) \
                    and unit_after(doc.text[m.end:m.end + 40]) is None:
                # a counted noun: NewsQuant's unit is its noun phrase ("public housing property")
                unit = _NQ_UNIT_NAMES.get(phrase := counted_phrase(ent) or unit, phrase)
            found.append((m.start, {"value": value if value is not None else low,
                                    "low": low if m.qualifier == "range" else None,
                                    "high": high if m.qualifier == "range" else None, "unit": unit,
                                    "end": m.end}))
        ordered = [q for _, q in sorted(found, key=lambda x: x[0])]
        starts = sorted(start for start, _ in found)
        for start, q in zip(starts, ordered):
            q["start"] = start
        out.append([{k: v for k, v in q.items() if k not in ("start", "end")} for q in _changes(doc.text, ordered)])
    return out


#: "from 231 pounds to 214", "from $41,120 at 9.15pm to $39,870", "from 13.5 to 14.0 mm": a change from one figure
#: to another, which NewsQuant writes as one quantity, the range from the first to the second (in the order of the
#: change, so "231-214"); claimcheck reports the two figures. ("rose to 6.7% from 6.29%" is left as two: NewsQuant
#: writes that order both ways)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+)?$", re.I)
_GAP_TO = re.compile(r"(?:\s+[^\s;:]+){0,5}?\s+to\s+(?:about\s+|around\s+|roughly\s+)?", re.I)


def _changes(text: str, found: list[dict]) -> list[dict]:
    """``found`` (each with its ``start``/``end`` in ``text``) with each change from one figure to another in the
    same unit merged into one range, as NewsQuant writes it."""
    out: list[dict] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        merged = None
        if b is not None and "end" in a and "start" in b and a["low"] is None and b["low"] is None \
                and (a["unit"] == b["unit"] or not a["unit"] or not b["unit"]):
            before, gap = text[max(0, a["start"] - 20):a["start"]], text[a["end"]:b["start"]]
            if _FROM_BEFORE.search(before) and _GAP_TO.fullmatch(gap) and a["value"] != b["value"]:
                merged = {"value": a["value"], "low": a["value"], "high": b["value"], "unit": a["unit"] or b["unit"]}
        if merged is not None:
            out.append(merged)
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _vague_range(text: str, low: float) -> tuple[float, float] | None:
    """A vague plural in NewsQuant's reading: "dozens" 12-120, "hundreds" 100-1,000, "thousands" 1,000-10,000,
    "tens of millions" 10-100 million (from the word's unit to ten times it), where claimcheck reads from the
    least the word can mean (two dozen, two hundred: :mod:`claimcheck.normalize.counts`); None for a range that
    is no vague plural."""
    from claimcheck.normalize import normalize_count

    try:
        q = normalize_count(text, "")
    except Exception:  # noqa: BLE001
        return None
    if q is None or q.kind != "vague" or not _close(_num(q.low), low):
        return None
    unit = low / 2
    return unit, unit * 10


#: NewsQuant's names for units that claimcheck names otherwise: its gold writes "metric ton" for tonnes,
#: "people" (not "person"), and "count" for "times" ("6.5 times earnings", "78,000 times a minute")
_NQ_UNIT_NAMES = {"tonne": "metric ton", "person": "people", "time": "count", "btc": "bitcoin"}


def predicted_unit(label: str, unit: str | None) -> str:
    """A mention's unit as the harness compares it: ISO currency for money, ``percent`` or
    ``percentage_points``, a measurement's unit name without its "per ..." ('mph' → 'mile'), a counted noun as it
    is; '' for a bare count."""
    from claimcheck.normalize.counts import unit_name

    if label in ("MONEY", "PERCENT"):
        return unit or ""
    if not unit or unit == "count":
        return ""
    name = _PER_RE.sub("", unit_name(unit) or unit).replace("watt-hour", "watt hour")  # its "kilowatt hour"
    return _NQ_UNIT_NAMES.get(name, name)


_DURATION = re.compile(r"(?P<num>\d[\d,.]*|[a-z]+(?:[ -][a-z]+)?)[ -](?P<unit>year|month|week|day|hour|minute|second"
                       r"|decade)s?\b(?P<old>[ -]old\b)?", re.I)


def _duration(text: str) -> dict | None:
    """'15 years', 'the past two years', 'six minutes': a DATE or TIME mention that is a span of time (NewsQuant
    counts durations as quantities; claimcheck labels them DATE or TIME); '65-year-old', 'a 60 year-old': an age,
    in NewsQuant's unit 'year of age'."""
    from claimcheck.normalize import normalize_count

    m = _DURATION.search(text)
    if not m:
        return None
    try:
        q = normalize_count(m.group("num"), "")
    except Exception:  # noqa: BLE001
        q = None
    value = _num(q.value) if q is not None else None
    if value is None:
        return None
    unit = m.group("unit").lower()
    return {"value": value, "low": None, "high": None, "unit": f"{unit} of age" if m.group("old") else unit}


def quantulum(sentences: list[str], parser) -> list[list[dict]]:
    out = []
    for s in sentences:
        try:
            qs = parser.parse(s)
        except Exception:  # noqa: BLE001
            qs = []
        found = []
        for q in qs:
            code = getattr(q.unit, "currency_code", None)
            name = q.unit.name.lower()
            unit = code if code else ("percent" if name == "percentage" else "" if name == "dimensionless" else name)
            spread = float(getattr(q, "uncertainty", 0) or 0)  # quantulum3 gives a range as its middle ± half
            item = {"value": float(q.value), "low": float(q.value) - spread if spread else None,
                    "high": float(q.value) + spread if spread else None, "unit": unit}
            span = getattr(q, "span", None)
            if isinstance(span, tuple) and len(span) == 2:
                item["start"], item["end"] = span
            found.append(item)
        # the same reading of a change "from X to Y" as one range as ours get (``_changes``): the harness's
        # conventions apply to both systems
        out.append([{k: v for k, v in q.items() if k not in ("start", "end")} for q in _changes(s, found)])
    return out


# --- scoring -----------------------------------------------------------------------------------------

def _close(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _value_match(p: dict, g: dict) -> bool:
    lo, hi, factor = g["low"], g["high"], g["factor"]
    scaled = {k: (p[k] / factor if p[k] is not None else None) for k in ("value", "low", "high")}
    if hi is not None:
        if scaled["low"] is not None and scaled["high"] is not None:  # a range either way round ("231-214")
            a, b = sorted((scaled["low"], scaled["high"]))
            return _close(a, min(lo, hi)) and _close(b, max(lo, hi))
        return _close(scaled["value"], lo) or _close(scaled["value"], hi)
    return _close(scaled["value"], lo) or _close(scaled["low"], lo)


def _unit_match(p: dict, g: dict) -> bool:
    cat, unit = g["cat"], g["unit"]
    if cat == "money":
        return p["unit"] == unit if unit else p["unit"] in DOLLARS
    if cat in ("percent", "bp"):
        return p["unit"] == unit
    return (p["unit"] or "") == unit


def gold_quantities(record: dict) -> list[dict]:
    out = []
    for g in record.get("quantities", []):
        v = parse_gold_value(str(g.get("value", "")))
        if v is None:
            continue
        cat, unit, factor = gold_category(str(g.get("normalized_unit", "")))
        out.append({"low": v[0], "high": v[1], "cat": cat, "unit": unit, "factor": factor})
    return out


def score(golds: list[list[dict]], preds: list[list[dict]]) -> dict:
    """value and value+unit P/R/F1 over sentences (greedy one-to-one matching in reading order)."""
    tp = tpu = n_pred = n_gold = 0
    for gold, pred in zip(golds, preds):
        n_pred += len(pred)
        n_gold += len(gold)
        used: set[int] = set()
        used_u: set[int] = set()
        for g in gold:
            i = next((i for i, p in enumerate(pred) if i not in used and _value_match(p, g)), None)
            if i is not None:
                used.add(i)
                tp += 1
            j = next((j for j, p in enumerate(pred) if j not in used_u and _value_match(p, g) and _unit_match(p, g)),
                     None)
            if j is not None:
                used_u.add(j)
                tpu += 1
    return {"value": prf(tp, n_pred - tp, n_gold - tp), "value_unit": prf(tpu, n_pred - tpu, n_gold - tpu),
            "sentences": len(golds), "gold": n_gold, "predicted": n_pred}


def evaluate(records: list[dict], nlp, *, peer: bool = True) -> dict:
    """Scores of the pipeline (and quantulum3) on NewsQuant records."""
    sentences = [r["text"] for r in records]
    golds = [gold_quantities(r) for r in records]
    result: dict[str, dict | str | None] = {"claimcheck": score(golds, ours(sentences, nlp))}
    if peer:
        parser, note = load_quantulum()
        result["quantulum3_note"] = note
        result["quantulum3"] = score(golds, quantulum(sentences, parser)) if parser is not None else None
    return result


SPLITS = ("dev", "test")


def split_of(record: dict) -> str:
    """A sentence's fixed half of NewsQuant: ``dev`` (what rules may be looked at and tuned on) or ``test``
    (reported, never looked at), decided by a hash of its text so it never moves."""
    digest = hashlib.blake2b(record["text"].encode("utf-8"), digest_size=8, person=b"nq-split").digest()
    return SPLITS[digest[0] % 2]


def load(path: Path, split: str | None = None) -> list[dict]:
    """NewsQuant's sentences, all of them or one fixed half (``dev`` or ``test``, see :func:`split_of`)."""
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    return records if split is None else [r for r in records if split_of(r) == split]
