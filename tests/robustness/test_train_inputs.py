"""`claimcheck train --corpus DIR` fed broken corpora: one clear line naming the article (and the line of a
markup mistake), exit 3, no traceback, nothing written to the model directory; odd but valid articles
(mojibake, pasted HTML, pathological numbers, 10,000 tiny files) train."""

from __future__ import annotations

import os
import random
import zipfile
from pathlib import Path

import pytest

from robust_helpers import SEED_ARTICLES, assert_clean, error_line, make_corpus, readable_anyway, run_cli

pytestmark = pytest.mark.slow  # training runs on damaged corpora


def _write(name: str, data: bytes | str):
    def build(arts: Path):
        target = arts / name
        target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return build


def _zip(arts: Path):
    with zipfile.ZipFile(arts / "zipped.md", "w") as z:
        z.writestr("a.md", "[Acme]{ORG} rose.")


def _big(arts: Path):
    with open(arts / "huge.md", "w") as fh:
        for _ in range(50):
            fh.write("word " * 200_000)


def _loop(arts: Path):
    os.symlink("loop.md", arts / "loop.md")


def _fifo(arts: Path):
    os.mkfifo(arts / "pipe.md")


def _unreadable(arts: Path):
    (arts / "secret.md").write_text("[Acme]{ORG} rose.")
    (arts / "secret.md").chmod(0)


# name: (build the bad article into articles/, the file the error names, more words it must say)
BAD = {
    "png": (_write("image.md", b"\x89PNG\r\n\x1a\n" + bytes(200)), "image.md", "binary"),
    "zip": (_zip, "zipped.md", "binary"),
    "invalid_utf8": (_write("bytes.md", b"[Acme]{ORG} rose \xff\xfe 5%."), "bytes.md", "not UTF-8"),
    "utf16_bom": (_write("utf16.md", "[Zürich]{GPE} rose.".encode("utf-16")), "utf16.md", "UTF-16"),
    "latin1": (_write("latin1.md", "[Société Générale]{ORG} fell.".encode("latin-1")), "latin1.md", "not UTF-8"),
    "empty": (_write("empty.md", b""), "empty.md", "empty article"),
    "whitespace": (_write("blank.md", " \n\t\n" * 100), "blank.md", "empty article"),
    "big_single_line": (_big, "huge.md", "over"),
    "markup_label": (_write("label.md", "Title\n\n[Acme]{ORG} rose [5%]{PERCNT}.\n"), "label.md", "line 3"),
    "markup_subject": (_write("subject.md", "[Acme]{ORG} rose [5%]{PERCENT revenue_growth @Nobody}.\n"), "subject.md",
                       "line 1"),
    "markup_front_matter": (_write("front.md", "---\npublished: 2020-01-01\nno end\n"), "front.md", "front matter"),
    "symlink_loop": (_loop, "loop.md", "cannot read"),
    "fifo": (_fifo, "pipe.md", "not a regular file"),
    "unreadable": (_unreadable, "secret.md", "permission denied"),
}


def _odd_but_valid(arts: Path) -> None:
    """Articles that look hostile but are valid markup, and 10,000 tiny ones: all train."""
    (arts / "mojibake.md").write_text("[ZÃ¼rich]{GPE} cafÃ© chain [Acme]{ORG} was valued at "
                                      "[$5 billion]{MONEY valuation @Acme}.\n", encoding="utf-8")
    (arts / "html.md").write_text('<script>alert("x")</script><iframe src="https://evil.example"></iframe>\n\n'
                                  '<p onclick="alert(1)"> [Acme]{ORG} raised [$2 billion]{MONEY funding @Acme} '
                                  '<a href="javascript:alert(1)">here</a>.</p>\n', encoding="utf-8")
    (arts / "numbers.md").write_text("[Acme]{ORG} was valued at $" + "9" * 10_000 + " billion, or 1e999999 dollars, "
                                     + "(" * 5_000 + "[$5bn]{MONEY valuation @Acme}" + ")" * 5_000 + ".\n",
                                     encoding="utf-8")
    rng = random.Random(3)
    for i in range(10_000):
        (arts / f"tiny-{i:05d}.md").write_text(f"[Firm{i}]{{ORG}} rose [{rng.randint(1, 99)}%]{{PERCENT}}.\n")


@pytest.fixture(scope="module")
def train_results(tmp_path_factory):
    base = tmp_path_factory.mktemp("train-inputs")
    jobs = []
    as_root = readable_anyway(base) is not None  # root reads any file: the runner denies it instead
    for name, (build, file, _word) in BAD.items():
        corpus = make_corpus(base / name)
        build(corpus / "articles")
        jobs.append({"id": name, "cwd": str(corpus), "args": ["train", "--corpus", str(corpus), "--model", "fast",
                                                              "-o", str(base / name / "model"), "--max-steps", "1"],
                     **({"deny_open": [file]} if as_root and name == "unreadable" else {})})
    jobs.append({"id": "missing_corpus", "args": ["train", "--corpus", str(base / "nowhere"), "-o",
                                                  str(base / "nowhere-model"), "--max-steps", "1"]})
    bad_splits = make_corpus(base / "splits_shape")
    (bad_splits / "claims" / "splits.json").write_text('["asia-001", "train"]')
    jobs.append({"id": "splits_shape", "args": ["train", "--corpus", str(bad_splits), "-o",
                                                str(bad_splits / "model"), "--max-steps", "1"]})
    odd = make_corpus(base / "odd")
    _odd_but_valid(odd / "articles")
    jobs.append({"id": "odd_but_valid", "timeout": 600,
                 "args": ["train", "--corpus", str(odd), "--model", "fast", "-o", str(odd / "model"),
                          "--max-steps", "1"]})
    results = run_cli(jobs, base)
    for p in base.glob("*/articles/secret.md"):
        p.chmod(0o600)
    return base, results


@pytest.mark.parametrize("name", list(BAD))
def test_bad_corpus_article(train_results, name):
    base, results = train_results
    _build, file, word = BAD[name]
    result = results[name]
    assert_clean(result)
    assert result["exit_code"] == 3, result["stderr"][-2000:]
    line = error_line(result)
    assert file in line and word in line, line
    assert not (base / name / "model").exists()


def test_missing_corpus_and_bad_splits(train_results):
    _base, results = train_results
    for name, words in (("missing_corpus", ("nowhere", "not there")), ("splits_shape", ("splits.json", "expected"))):
        assert_clean(results[name])
        assert results[name]["exit_code"] == 3
        line = error_line(results[name])
        assert all(w in line for w in words), line


def test_odd_but_valid_articles_train(train_results):
    base, results = train_results
    result = results["odd_but_valid"]
    assert result["exception"] is None and "Traceback" not in result["stderr"], result["stderr"][-3000:]
    assert result["exit_code"] == 0, result["stderr"][-3000:]
    from claimcheck.pipeline import load_trained

    nlp = load_trained(base / "odd" / "model", "odd")
    assert "claim_linker" in nlp.pipe_names
    built = sum(1 for split in ("train", "dev", "test")
                for _ in open(base / "odd" / "claims" / f"{split}.jsonl", encoding="utf-8"))
    assert built == len(SEED_ARTICLES) + 3 + 10_000
