"""A report as pandas DataFrames: ``Report.to_pandas()`` for notebooks and analysis.

``to_pandas(report)`` returns ``{"documents": df, "claims": df, "findings": df}``,
one row per document, claim and finding, in report order, with these columns:

``documents``
    ``id``, ``path``, ``title``, ``published``, ``source`` as in the JSON report,
    plus ``chars`` (length of the cleaned text). ``published`` is a
    ``datetime64`` column (``NaT`` where the date is unknown).

``claims``
    every field of :class:`claimcheck.schema.Claim` (``id``, ``doc``,
    ``subject``, ``subject_text``, ``attribute``, ``value``, ``unit``,
    ``qualifier``, ``low``, ``high``, ``period``, ``scope``, ``text``,
    ``start``, ``end``, ``sentence``, ``confidence``), plus ``date``,
    ``date_low`` and ``date_high``.

    ``value``, ``low`` and ``high`` are ``float64``: the number for quantities
    (money, percent, counts), ``NaN`` for date claims and open bounds. A date
    claim (``unit == "date"``) keeps its ISO string (``"2019-11-26"``, or a
    coarser ``"2019-11"`` / ``"2019"``) in ``date``, and its interval in
    ``date_low`` / ``date_high``; those three are missing for quantities. So
    ``claims["value"]`` can be summed, plotted and compared directly, and
    ``claims["value"].fillna(claims["date"])`` gives back the JSON ``value``
    (with integers as floats).

``findings``
    every field of :class:`claimcheck.schema.Finding`; ``claims`` and ``docs``
    stay Python lists of ids (use ``DataFrame.explode`` for one row per id).

The frames always have these columns and dtypes, also when the report is empty.
Text columns use pandas' default string dtype (``str`` from pandas 3 on, with
``NaN`` for missing values; plain ``object`` columns on pandas 2).
``report.warnings`` is not a frame; it stays on the report.
"""

from __future__ import annotations

import math

import pandas as pd

from claimcheck.schema import Claim, Report

DOCUMENT_COLUMNS = ["id", "path", "title", "published", "source", "url", "chars", "copy_of"]
CLAIM_COLUMNS = ["id", "doc", "subject", "subject_text", "attribute", "value", "unit", "qualifier", "low", "high",
                 "period", "scope", "text", "start", "end", "sentence", "confidence", "date", "date_low", "date_high"]
FINDING_COLUMNS = ["id", "kind", "verdict", "subject", "attribute", "claims", "docs", "message", "found",
                   "suggestion", "confidence"]

_NUMERIC = {"value": "float64", "low": "float64", "high": "float64", "start": "int64", "end": "int64",
            "confidence": "float64", "chars": "int64"}
_LISTS = {"claims", "docs"}
# pandas 3's "str" dtype keeps missing values missing; on pandas 2 "str" would turn None into "None"
_STRING = "str" if int(pd.__version__.split(".")[0]) >= 3 else None


def _number(v) -> float:
    """A numeric value as float; strings (dates), None and booleans become NaN."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return math.nan
    return float(v)


def _string(v) -> str | None:
    return v if isinstance(v, str) else None


def _claim_row(c: Claim) -> dict:
    row = c.model_dump(mode="python")
    is_date = c.unit == "date" or isinstance(c.value, str)
    row.update(
        value=_number(c.value), low=_number(c.low), high=_number(c.high),
        date=_string(c.value) if is_date else None,
        date_low=_string(c.low) if is_date else None,
        date_high=_string(c.high) if is_date else None,
    )
    return row


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=columns)
    for col in df.columns:
        if col in _NUMERIC:
            df[col] = df[col].astype(_NUMERIC[col])
        elif col == "published":
            df[col] = pd.to_datetime(df[col])
        elif col not in _LISTS and _STRING:
            df[col] = df[col].astype(_STRING)
    return df


def documents_frame(report: Report) -> pd.DataFrame:
    rows = [{**d.model_dump(mode="python"), "chars": len(d.text)} for d in report.documents]
    return _frame(rows, DOCUMENT_COLUMNS)


def claims_frame(report: Report) -> pd.DataFrame:
    return _frame([_claim_row(c) for c in report.claims], CLAIM_COLUMNS)


def findings_frame(report: Report) -> pd.DataFrame:
    rows = []
    for f in report.findings:
        row = f.model_dump(mode="python")
        row["claims"], row["docs"] = list(f.claims), list(f.docs)
        rows.append(row)
    return _frame(rows, FINDING_COLUMNS)


def to_pandas(report: Report) -> dict[str, pd.DataFrame]:
    """``{"documents", "claims", "findings"}`` as DataFrames (columns and dtypes in the module docstring)."""
    return {
        "documents": documents_frame(report),
        "claims": claims_frame(report),
        "findings": findings_frame(report),
    }
