"""The authoring markup of the annotated corpus, and its parser.

Annotators write an article as plain text with inline marks; ``parse_markup``
turns it into the clean text plus character-offset spans and relations (the
Prodigy shape that ``claimcheck.training.corpus`` stores)::

    [SenseTime]{ORG} was valued at [more than $7.5 billion]{MONEY valuation @SenseTime}, according to [PitchBook]{ORG}.
    [Hikvision]{ORG} had sales of [about $200 million]{MONEY revenue @Hikvision; period=2018} in [2018]{DATE}.

- ``[text]{LABEL}`` marks a mention (labels: ``LABELS``).
- ``[text]{LABEL attribute @Subject; period=…; scope=…}`` also makes a claim: the
  subject is the mention whose text is exactly ``Subject``: the nearest one
  before the value, or else the nearest after it. ``@Subject#2`` picks the
  second such mention before the value (counting back) when two are close.
- ``[text]{LABEL no=REASON}`` records why a figure is not a claim (``NOT_CLAIM_REASONS``).
- ``as_of=…`` after a claim's subject gives the moment the figure held (``AS_OF_MOMENTS`` or an ISO date).
- ``\\[``, ``\\]``, ``\\{`` and ``\\}`` write literal brackets.

An optional front matter block (``---`` lines, ``key: value``) carries the
article's metadata (id, published, source, style).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimcheck.vocabulary import AS_OF_MOMENTS, ATTRIBUTES, LABELS, SUBJECT_LABELS, VALUE_LABELS  # noqa: F401  (the markup's)

#: why a figure (MONEY, PERCENT, CARDINAL, QUANTITY) is a mention and not a claim: ``[£532m]{MONEY no=forecast}``
NOT_CLAIM_REASONS = {
    "forecast": "a forecast, expectation, target, plan or hypothetical figure",
    "conversion": "a restatement of the figure before it in another currency or unit",
    "baseline": "a comparison baseline whose period is not known",
    "unnamed": "about a subject the article does not name",
    "per_share": "a per-share figure: earnings or dividend per share, a share price, a per-share bid",
    "price": "a price, rate or level: goods, commodities, currencies, interest rates, index points",
    "macro": "an economy-wide statistic (output, inflation, trade, budgets, national debt)",
    "small_count": "a count under three",
    "other": "fits no attribute (fines, settlements, costs, debts, unit sales, market shares, ages, durations ...)",
    "furniture": "page furniture: captions, menus, related links",
}
_AS_OF_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?$")
CLAIM_KEYS = ("period", "scope", "as_of")


def check_as_of(value: str) -> bool:
    return value in AS_OF_MOMENTS or bool(_AS_OF_DATE.match(value))


_ESCAPES = {"\\[": "\x01", "\\]": "\x02", "\\{": "\x03", "\\}": "\x04"}
_UNESCAPE = {v: k[1] for k, v in _ESCAPES.items()}
_MARK = re.compile(r"\[([^\[\]\n]+)\]\{([^{}\n]*)\}")


class MarkupError(ValueError):
    """A malformed mark; the message names the line."""


@dataclass
class Parsed:
    text: str
    spans: list[dict] = field(default_factory=list)       # {start, end, label}
    relations: list[dict] = field(default_factory=list)   # {head: span index, child: span index, label, period, scope}
    meta: dict = field(default_factory=dict)


def split_front_matter(source: str) -> tuple[dict, str]:
    if not source.startswith("---\n"):
        return {}, source
    end = source.find("\n---\n", 4)
    if end < 0:
        raise MarkupError("front matter starts with '---' but never ends")
    meta = {}
    for line in source[4:end].splitlines():
        if line.strip():
            key, sep, value = line.partition(":")
            if not sep:
                raise MarkupError(f"front matter line without ':': {line!r}")
            meta[key.strip()] = value.strip()
    return meta, source[end + 5:]


def _line_of(source: str, pos: int) -> int:
    return source.count("\n", 0, pos) + 1


def parse_markup(source: str) -> Parsed:
    """Clean text, spans and relations of one marked-up article."""
    meta, body = split_front_matter(source)
    for esc, ch in _ESCAPES.items():
        body = body.replace(esc, ch)
    out: list[str] = []
    spans: list[dict] = []
    pending: list[tuple[int, str, str, dict, int]] = []  # (child span index, attribute, subject, extra, line)
    pos = 0
    length = 0
    for m in _MARK.finditer(body):
        chunk = body[pos:m.start()]
        if "[" in chunk or "]" in chunk:
            bad = pos + max(chunk.find("["), chunk.find("]"))
            raise MarkupError(f"line {_line_of(body, bad)}: unmatched bracket (write \\[ for a literal one)")
        out.append(chunk)
        length += len(chunk)
        text = m.group(1)
        head, _, rest = m.group(2).partition(" ")
        label = head.strip()
        line = _line_of(body, m.start())
        if label not in LABELS:
            raise MarkupError(f"line {line}: unknown label {label!r} in {m.group(0)!r}")
        if text != text.strip():
            raise MarkupError(f"line {line}: span {text!r} starts or ends with a space")
        spans.append({"start": length, "end": length + len(text), "label": label})
        out.append(text)
        length += len(text)
        rest = rest.strip()
        if rest.startswith("no="):
            reason = rest[3:].strip()
            if reason not in NOT_CLAIM_REASONS:
                raise MarkupError(f"line {line}: unknown reason {reason!r} (one of {', '.join(NOT_CLAIM_REASONS)})")
            if label not in VALUE_LABELS:
                raise MarkupError(f"line {line}: only {'/'.join(VALUE_LABELS)} spans take no=REASON")
            spans[-1]["why"] = reason
        elif rest:
            parts = [p.strip() for p in rest.split(";")]
            first = parts[0].split(None, 1)
            if len(first) != 2 or not first[1].startswith("@"):
                raise MarkupError(f"line {line}: a claim is written '{{LABEL attribute @Subject}}', got {m.group(2)!r}")
            attribute, subject = first[0], first[1][1:].strip()
            if attribute not in ATTRIBUTES:
                raise MarkupError(f"line {line}: unknown attribute {attribute!r}")
            if label not in VALUE_LABELS:
                raise MarkupError(f"line {line}: only {'/'.join(VALUE_LABELS)} spans carry claims")
            extra = {}
            for p in parts[1:]:
                key, sep, value = p.partition("=")
                if not sep or key.strip() not in CLAIM_KEYS:
                    raise MarkupError(f"line {line}: expected period=…, scope=… or as_of=…, got {p!r}")
                extra[key.strip()] = value.strip()
            if extra.get("as_of") and not check_as_of(extra["as_of"]):
                raise MarkupError(f"line {line}: as_of={extra['as_of']!r} is neither an ISO date nor one of "
                                  f"{', '.join(AS_OF_MOMENTS)}")
            pending.append((len(spans) - 1, attribute, subject, extra, line))
        pos = m.end()
    tail = body[pos:]
    if "[" in tail or "]" in tail:
        raise MarkupError(f"line {_line_of(body, pos)}: unmatched bracket after the last mark")
    out.append(tail)
    text = "".join(out)
    for ch, lit in _UNESCAPE.items():
        text = text.replace(ch, lit)
    for s in spans:
        s["text"] = text[s["start"]:s["end"]]
    relations = [_relation(spans, i, attr, subj, extra, line) for i, attr, subj, extra, line in pending]
    return Parsed(text=text, spans=spans, relations=relations, meta=meta)


def _relation(spans: list[dict], child: int, attribute: str, subject: str, extra: dict, line: int) -> dict:
    nth = 1
    if re.search(r"#\d+$", subject):
        subject, _, n = subject.rpartition("#")
        nth = int(n)
    named = [i for i, s in enumerate(spans) if s["text"] == subject and s["label"] in SUBJECT_LABELS]
    before = [i for i in named if i < child]
    after = [i for i in named if i > child]
    if len(before) >= nth:
        head = before[-nth]
    elif after and nth == 1:
        head = after[0]
    else:
        raise MarkupError(f"line {line}: no {'/'.join(SUBJECT_LABELS)} mention '{subject}' for this claim")
    relation = {"head": head, "child": child, "label": attribute,
                "period": extra.get("period") or None, "scope": extra.get("scope") or None}
    if extra.get("as_of"):
        relation["as_of"] = extra["as_of"]
    return relation


def to_markup(text: str, spans: list[dict], relations: list[dict], meta: dict | None = None) -> str:
    """The inverse of ``parse_markup`` (relations point at span indices)."""
    by_child = {r["child"]: r for r in relations}
    out, pos = [], 0
    for i, s in sorted(enumerate(spans), key=lambda p: p[1]["start"]):
        out.append(_escape(text[pos:s["start"]]))
        mark = s["label"]
        r = by_child.get(i)
        if r is not None:
            subject = spans[r["head"]]["text"]
            same = [j for j, t in enumerate(spans) if t["text"] == subject and t["label"] in SUBJECT_LABELS]
            before = [j for j in same if j < i]
            if r["head"] in before:
                nth = len(before) - before.index(r["head"])
                subject = subject if nth == 1 else f"{subject}#{nth}"
            elif before:
                raise MarkupError(f"the subject of {s['text']!r} comes after it while another "
                                  f"'{subject}' comes before: not expressible in markup")
            mark += f" {r['label']} @{subject}"
            for key in CLAIM_KEYS:
                if r.get(key):
                    mark += f"; {key}={r[key]}"
        elif s.get("why"):
            mark += f" no={s['why']}"
        out.append(f"[{_escape(text[s['start']:s['end']])}]{{{mark}}}")
        pos = s["end"]
    out.append(_escape(text[pos:]))
    body = "".join(out)
    if meta:
        body = "---\n" + "".join(f"{k}: {v}\n" for k, v in meta.items()) + "---\n" + body
    return body


def _escape(chunk: str) -> str:
    return chunk.replace("[", "\\[").replace("]", "\\]").replace("{", "\\{").replace("}", "\\}")
