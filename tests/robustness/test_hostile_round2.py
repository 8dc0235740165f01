"""Hostile input, second round (issue 19): special files as outputs, a backtracking regex, JSON-LD
breakout, a local Ray that stays local, claim linking linear in the document, and the rest of the list.
Each test failed on the code before the fix it covers."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from claimcheck.errors import OutputError
from claimcheck.report.output import write_atomic
from conftest import STORIES
from robust_helpers import child_env

STORY = STORIES / "arm-ipo-2023"


def _claimcheck(*args: str, timeout: int = 300, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True,
                          timeout=timeout, env=kw.pop("env", None) or child_env(), **kw)


# -- 1. special files given as -o ------------------------------------------------------------------------------

@pytest.mark.slow  # subprocesses per output
def test_a_character_device_is_written_into_not_replaced(tmp_path):
    dev = tmp_path / "null"
    try:
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # /dev/null's numbers
    except PermissionError:
        pytest.skip("mknod needs root")
    proc = _claimcheck("check", str(STORY), "-f", "json", "-o", str(dev), "--force")
    assert proc.returncode == 0, proc.stderr
    assert stat.S_ISCHR(os.lstat(dev).st_mode)  # still the device, not a regular file renamed over it
    write_atomic(dev, "more", force=False)       # a device needs no --force: nothing is replaced
    assert stat.S_ISCHR(os.lstat(dev).st_mode)


def test_a_fifo_is_written_into_and_one_nobody_reads_is_an_error(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="no reader"):
        write_atomic(fifo, "x", force=True)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, encoding="utf-8").read()))
    reader.start()
    time.sleep(0.2)
    write_atomic(fifo, '{"ok": 1}\n', force=True)
    reader.join(10)
    assert got == ['{"ok": 1}\n'] and stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.slow  # seconds: a subprocess, a browser or a training run (quick tier leaves it out)
def test_a_socket_is_refused_with_exit_5(tmp_path):
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        proc = _claimcheck("check", str(STORY), "-f", "json", "-o", str(path), "--force")
        assert proc.returncode == 5, proc.stderr
        assert proc.stderr.startswith("error:") and proc.stderr.count("\n") == 1 and "not a regular file" in proc.stderr
        assert stat.S_ISSOCK(os.lstat(path).st_mode)
    finally:
        server.close()


def test_a_link_to_a_file_keeps_being_a_link(tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    write_atomic(link, "new", force=True)
    assert link.is_symlink() and target.read_text() == "new"


# -- 2. the menu-line regex ------------------------------------------------------------------------------------

@pytest.mark.slow  # seconds: a subprocess, a browser or a training run (quick tier leaves it out)
def test_a_line_of_links_with_runs_of_spaces_is_read_at_once(tmp_path):
    from claimcheck.ingest.noise_rules import _is_menu

    for n in (16, 64):
        line = ("        ".join(["[Home](https://x.example/a)"] * n)) + "        x"
        started = time.process_time()
        assert _is_menu(line) is False
        assert time.process_time() - started < 1.0  # was exponential: 16 links never finished
    assert _is_menu(" | ".join(["[Home](https://x.example/a)"] * 6))
    page = tmp_path / "m.txt"
    page.write_text("Acme\n\n" + ("        ".join(["[Home](https://x.example/a)"] * 16)) + "        x\n")
    proc = _claimcheck("check", str(page), "-f", "json", timeout=120)
    assert proc.returncode == 0, proc.stderr


# -- 3. JSON that may sit inside <script> ----------------------------------------------------------------------

BREAKOUT = "Acme IPO </script><script>alert(1)</script> <!-- \u2028 & more"


@pytest.mark.slow  # every output format in subprocesses
def test_no_json_output_can_close_a_script_element(tmp_path):
    page = tmp_path / "story"
    page.mkdir()
    for name, figure in (("a", "$7.5 billion"), ("b", "$5.7 billion")):
        (page / f"{name}.md").write_text(f"# {BREAKOUT}\n\nAcme was valued at {figure} by investors, the "
                                         f"company said.\n", encoding="utf-8")
    for fmt in ("json", "jsonl", "claimreview"):
        args = ["check", str(page), "-f", fmt, "--model", "rules"]  # the escaping, not the linking, is tested
        if fmt == "claimreview":
            args += ["--review-url", "https://example.org/checks"]
        proc = _claimcheck(*args)
        assert proc.returncode in (0, 1), proc.stderr
        out = proc.stdout
        assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out, fmt
        assert "\\u003c/script\\u003e" in out, fmt  # the title is there, escaped
        data = [json.loads(line) for line in out.splitlines()] if fmt == "jsonl" else json.loads(out)
        assert "</script>" in json.dumps(data, ensure_ascii=False)  # and parses back to the same text
    proc = _claimcheck("extract", str(page))
    assert proc.returncode == 0 and "<" not in proc.stdout


# -- 4. a local Ray stays on this machine ----------------------------------------------------------------------

@pytest.fixture
def ray_tmp():
    """A short folder for Ray's sessions (its socket paths must stay under 108 bytes)."""
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="cc-ray-", dir="/tmp"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def _ray_sessions(temp: Path, exclude: int | None = None) -> list[str]:
    """Processes started with RAY_TMPDIR=temp (Ray renames its workers' titles, but not their environment)."""
    mark = f"RAY_TMPDIR={temp}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) in (os.getpid(), exclude):
            continue
        try:
            if mark in (entry / "environ").read_bytes().split(b"\0"):
                found.append(f"{entry.name} {(entry / 'cmdline').read_bytes()[:120]!r}")
        except OSError:
            continue
    return found


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace not installed")
@pytest.mark.slow  # starts Ray
def test_ray_engine_connects_only_to_loopback_and_leaves_no_process(tmp_path, ray_tmp):
    pytest.importorskip("ray")
    trace = tmp_path / "net.trace"
    env = child_env(RAY_TMPDIR=str(ray_tmp), RAY_ADDRESS=None)
    proc = subprocess.run(["strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(trace),
                           sys.executable, "-m", "claimcheck", "annotate", str(STORY), "-o", str(tmp_path / "out"),
                           "--engine", "ray", "--workers", "1"],
                          capture_output=True, text=True, timeout=400, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    addresses = set(re.findall(r'inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)"', trace.read_text()))
    flat = {a or b for a, b in addresses}
    assert flat, "no inet connect traced at all: the trace did not work"
    assert flat <= {"127.0.0.1", "::1", "::ffff:127.0.0.1"}, flat
    assert "htons(53)" not in trace.read_text()  # no DNS lookup either
    deadline = time.time() + 60
    while _ray_sessions(ray_tmp) and time.time() < deadline:
        time.sleep(2)
    assert not _ray_sessions(ray_tmp)


@pytest.mark.skipif(sys.platform != "linux", reason="process listing")
@pytest.mark.slow  # starts and kills Ray
def test_a_killed_ray_run_leaves_no_ray_process(tmp_path, ray_tmp):
    pytest.importorskip("ray")
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(400):
        (corpus / f"{i:03d}.txt").write_text(f"Acme {i} made $5.{i % 10}bn in 2019, up {i % 40}%.\n" * 20)
    env = child_env(RAY_TMPDIR=str(ray_tmp), RAY_ADDRESS=None)
    proc = subprocess.Popen([sys.executable, "-m", "claimcheck", "annotate", str(corpus), "-o", str(tmp_path / "out"),
                             "--engine", "ray", "--workers", "2"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    while len(_ray_sessions(ray_tmp, exclude=proc.pid)) < 4 and time.time() < deadline:  # gcs, raylet, workers
        time.sleep(1)
    time.sleep(3)
    assert proc.poll() is None, "the run ended before Ray's workers started"
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    deadline = time.time() + 90
    while _ray_sessions(ray_tmp) and time.time() < deadline:
        time.sleep(2)
    assert not _ray_sessions(ray_tmp), _ray_sessions(ray_tmp)


# -- 5. claim linking is linear in the document ---------------------------------------------------------------

@pytest.mark.slow  # seconds: a subprocess, a browser or a training run (quick tier leaves it out)
def test_claim_pass_work_is_bounded_per_value(nlp):
    """The claim pass (not spaCy's own models) costs about the same per value at 500 and 4,000 values."""
    from claimcheck.pipeline.claims import claims_of

    def claim_seconds(text: str) -> tuple[float, int]:
        doc = nlp(text)  # the full pipeline once: the claim component below runs again on its own
        started = time.process_time()
        drafts = list(claims_of(doc))
        return time.process_time() - started, len(drafts)

    for unit in ("5% ", "Sales rose 5%. "):
        small, n_small = claim_seconds(unit * 500)
        large, n_large = claim_seconds(unit * 4000)
        assert n_large >= 7 * n_small
        assert large < 8 * 2.5 * max(small, 0.05), (unit, small, large)  # linear, with room for noise


@pytest.mark.slow  # a 100k-character document
def test_a_100k_character_document_of_figures_is_checked(tmp_path):
    doc = tmp_path / "figures.txt"
    doc.write_text(("Acme said its sales rose 5%. " * 3500)[:99_000])
    proc = _claimcheck("extract", str(doc), timeout=240)
    assert proc.returncode == 0, proc.stderr[-500:]
    assert len(json.loads(proc.stdout)["claims"]) > 1000


# -- 6. deep HTML ----------------------------------------------------------------------------------------------

@pytest.mark.slow  # a deep HTML tree
def test_deeply_nested_html_keeps_its_text_and_says_so(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<html><head><title>Acme</title></head><body>" + "<div>" * 300
                    + "<p>Acme was valued at $7.5 billion by its investors.</p>" + "</div>" * 300
                    + "<p>Acme said revenue grew 12% to $3 billion in 2019.</p></body></html>")
    proc = _claimcheck("extract", str(page))
    assert proc.returncode == 0, proc.stderr
    money = {m["value"] for m in json.loads(proc.stdout)["mentions"] if m["label"] == "MONEY"}
    assert money >= {7_500_000_000, 3_000_000_000}  # text before and after the nest
    assert "nested deeper than" in proc.stderr and proc.stderr.startswith("warning:")
    huge = tmp_path / "huge.html"
    huge.write_text("<html><body>" + "<div>" * 100_000 + "<p>Acme was valued at $7.5 billion.</p>"
                    + "</div>" * 100_000 + "</body></html>")
    proc = _claimcheck("extract", str(huge), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert 7_500_000_000 in {m["value"] for m in json.loads(proc.stdout)["mentions"]}


# -- 7. a bare year is not a publication date --------------------------------------------------------------------

def test_a_year_in_the_body_is_not_a_publication_date():
    from claimcheck.ingest.metadata import metadata_from_html

    body = ("<html><head><title>Acme</title></head><body><article><p>Acme made $5bn in 2019, up from $4bn in "
            "2018. Its chief said 2019 was a strong year.</p></article></body></html>")
    assert metadata_from_html(body).published is None
    dated = body.replace("<head>", "<head><meta property='article:published_time' content='2019-01-01T09:00'>")
    assert str(metadata_from_html(dated).published) == "2019-01-01"  # a real 1 January stays
    timed = body.replace("<article>", "<article><time datetime='2020-03-05'>5 March 2020</time>")
    assert str(metadata_from_html(timed).published) == "2020-03-05"


# -- 8. Unicode digits, spaces and format characters -------------------------------------------------------------

@pytest.mark.parametrize("written", ["$\u0661\u066c\u0660\u0660\u0660\u066c\u0660\u0660\u0660\u066c\u0660\u0660\u0660",
                                     "$1\u2009000\u2009000\u2009000", "$1\u202f000\u202f000\u202f000"])
def test_figures_in_other_digits_and_thin_spaces(written, tmp_path):
    from claimcheck.api import extract

    page = tmp_path / "a.txt"
    page.write_text(f"SenseTime was valued at {written} by its investors.", encoding="utf-8")
    (e,) = extract([page])
    assert [(m.value, m.unit) for m in e.mentions if m.label == "MONEY"] == [(1_000_000_000, "USD")]


@pytest.mark.slow  # every output format in subprocesses
def test_format_characters_do_not_hide_claims_or_reach_the_output(tmp_path):
    from claimcheck.api import check

    story = tmp_path / "story"
    story.mkdir()
    for i in range(2):
        (story / f"s{i}.txt").write_text(f"Sense\u200dTime was valued at $7.5 billion by its investors, said "
                                         f"\u202eX{i}.", encoding="utf-8")
    report = check([story])
    assert [c.subject for c in report.claims] == ["SenseTime", "SenseTime"]
    for fmt in ("markdown", "html", "table", "json"):
        proc = _claimcheck("check", str(story), "-f", fmt, "--verbose")
        assert proc.returncode in (0, 1) and "\u202e" not in proc.stdout and "\u200d" not in proc.stdout, fmt


def test_a_homoglyph_finding_names_the_character(tmp_path):
    from claimcheck.api import check

    story = tmp_path / "story"
    shutil.copytree(STORIES / "entity-list-2019", story)
    blog = next(p for p in story.iterdir() if p.stem == "blog")
    blog.write_text(blog.read_text(encoding="utf-8").replace("SenseTime", "SenseT\u0456me"), encoding="utf-8")
    report = check([story])
    typos = [f for f in report.findings if f.kind == "typo" and f.found == "SenseT\u0456me"]
    assert typos and "U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I" in typos[0].message, \
        [f.message for f in report.findings]


# -- 9. damaged models ---------------------------------------------------------------------------------------------

@pytest.mark.slow  # seconds: a subprocess, a browser or a training run (quick tier leaves it out)
def test_a_damaged_typo_model_is_a_model_error(tmp_path):
    bad = tmp_path / "typo.npz"
    bad.write_bytes(b"not a zip at all")
    proc = _claimcheck("check", str(STORIES / "entity-list-2019"), env=child_env(CLAIMCHECK_TYPO_MODEL=str(bad)))
    assert proc.returncode == 4, proc.stderr
    assert proc.stderr.startswith("error:") and proc.stderr.count("\n") == 1 and "damaged typo model" in proc.stderr


@pytest.mark.slow  # a check in a fresh process
def test_a_damaged_boilerplate_model_is_one_warning_line(tmp_path):
    bad = tmp_path / "lines.npz"
    bad.write_bytes(b"not a zip at all")
    proc = _claimcheck("check", str(STORY), "-f", "json",
                       env=child_env(CLAIMCHECK_BOILERPLATE_MODEL=str(bad)))
    assert proc.returncode in (0, 1), proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("warning: boilerplate model unavailable (") \
        and "damaged boilerplate model (not a numpy .npz archive)" in lines[0] \
        and lines[0].endswith("; using rules only"), lines


# -- 10. public addresses in JSON input ------------------------------------------------------------------------------

def test_url_and_path_fields_become_the_appearance_address(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [{"id": "a", "url": "https://news.example/a", "text": "Acme was valued at $7.5 billion, it said."},
            {"id": "b", "path": "https://wire.example/b", "text": "Acme was valued at $5.7 billion, it said."},
            {"id": "c", "path": "javascript:alert(1)", "text": "Acme was valued at $7.5 billion, it said."}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    proc = _claimcheck("check", str(src), "-f", "json")
    paths = {d["id"]: d["path"] for d in json.loads(proc.stdout)["documents"]}
    assert paths == {"a": "https://news.example/a", "b": "https://wire.example/b", "c": f"{src}:3"}


# -- 11. one annotate run per output folder ------------------------------------------------------------------------

@pytest.mark.slow  # two annotate processes
def test_a_second_annotate_into_the_same_folder_is_refused_naming_the_holder(tmp_path):
    from claimcheck.batch.shards import OutDir

    out = tmp_path / "out"
    out.mkdir()
    holder = OutDir(out)
    holder.lock()  # this test process holds the folder, as a running annotate would
    proc = _claimcheck("annotate", str(STORY), "-o", str(out), "--workers", "1")
    assert proc.returncode == 5, proc.stderr
    assert f"pid {os.getpid()}" in proc.stderr and proc.stderr.count("\n") == 1
    os.close(holder._lock_fd)  # released: the same command now runs
    proc = _claimcheck("annotate", str(STORY), "-o", str(out), "--workers", "1")
    assert proc.returncode == 0, proc.stderr
