"""Nothing executed, nothing fetched: no pickle or torch.load of anything a user can hand us, model
directories of unexpected kinds refused before spaCy reads them, small models are plain arrays,
hostile pages come out of every report format inert, and check / extract / annotate open no network
connection even with the offline switches of the Hugging Face libraries unset."""

from __future__ import annotations

import ast
import json
import os
import pickle
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimcheck.errors import ModelError
from conftest import ROOT
from robust_helpers import MODEL, assert_clean, child_env, run_cli

PACKAGE = ROOT / "nlp" / "claimcheck"

# -- the code --------------------------------------------------------------------------------------------------

#: (module, function) pairs that deserialise by running code
UNSAFE_CALLS = {("pickle", "load"), ("pickle", "loads"), ("pickle", "Unpickler"), ("dill", "load"), ("dill", "loads"),
                ("cloudpickle", "load"), ("cloudpickle", "loads"), ("joblib", "load"), ("torch", "load"),
                ("marshal", "loads"), ("marshal", "load"), ("shelve", "open"), ("jsonpickle", "decode"),
                ("srsly", "pickle_loads"), ("yaml", "load"), ("yaml", "unsafe_load")}


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                yield node, func.value.id, func.attr
            elif isinstance(func, ast.Name):
                yield node, None, func.id


def test_no_unsafe_deserialisation_in_the_package():
    """No pickle / torch.load / joblib / eval in claimcheck; numpy never with allow_pickle; skops never
    trusted=True (and not used at all); transformers weights only from safetensors, offline."""
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        rel = path.relative_to(ROOT)
        for node, owner, name in _calls(tree):
            where = f"{rel}:{node.lineno}"
            keywords = {k.arg: k.value for k in node.keywords}
            if (owner, name) in UNSAFE_CALLS or (owner is None and name in ("eval", "exec", "__import__")):
                problems.append(f"{where}: {owner}.{name}")
            if "allow_pickle" in keywords and not (isinstance(keywords["allow_pickle"], ast.Constant)
                                                    and keywords["allow_pickle"].value is False):
                problems.append(f"{where}: allow_pickle")
            if "trusted" in keywords and isinstance(keywords["trusted"], ast.Constant) \
                    and keywords["trusted"].value is True:
                problems.append(f"{where}: skops trusted=True")
            if name == "from_pretrained" and owner and owner.startswith("AutoModel"):
                for key in ("use_safetensors", "local_files_only"):
                    if not (isinstance(keywords.get(key), ast.Constant) and keywords[key].value is True):
                        problems.append(f"{where}: from_pretrained without {key}=True")
    assert not problems, problems
    assert not [p for p in (ROOT / "models").rglob("*") if p.suffix in (".pkl", ".pickle", ".joblib", ".pt", ".bin")
                and p.name != "lookups.bin"]


# -- model directories -----------------------------------------------------------------------------------------

class _Trap:
    """Unpickling this creates the file ``path``: proof that a pickle was executed."""

    def __init__(self, path: Path):
        self.path = str(path)

    def __reduce__(self):
        return (open, (self.path, "w"))


def _model_dir(tmp_path: Path) -> Path:
    import spacy

    target = tmp_path / "model"
    if (ROOT / "models" / "fast" / "meta.json").exists():
        shutil.copytree(ROOT / "models" / "fast", target)
    else:  # the default model is being rebuilt: a blank pipeline has the same kinds of files
        spacy.blank("en").to_disk(target)
    return target


def _component_file(model: Path) -> Path:
    return next(p for p in sorted(model.glob("*/*")) if p.name in ("model", "cfg") and p.parent.name != "vocab")


@pytest.mark.parametrize("attack", ["pickle_v4_as_weights", "pickle_v0_as_weights", "pickle_beside",
                                    "python_file", "symlink_out", "vectors_not_numpy"])
def test_a_model_directory_of_the_wrong_kind_is_refused_unexecuted(tmp_path, attack):
    from claimcheck.pipeline import load_trained

    model = _model_dir(tmp_path)
    marker = tmp_path / "pwned"
    trap = _Trap(marker)
    if attack == "pickle_v4_as_weights":
        _component_file(model).write_bytes(pickle.dumps(trap, protocol=4))
    elif attack == "pickle_v0_as_weights":  # no \x80 header: the file check cannot see it, spaCy must not run it
        _component_file(model).write_bytes(pickle.dumps(trap, protocol=0))
    elif attack == "pickle_beside":
        (model / "extra.pkl").write_bytes(pickle.dumps(trap))
    elif attack == "python_file":
        (model / "custom_component.py").write_text(f"open({str(marker)!r}, 'w')\n")
    elif attack == "symlink_out":
        (model / "vocab" / "strings.json").unlink()
        (model / "vocab" / "strings.json").symlink_to("/etc/passwd")
    elif attack == "vectors_not_numpy":
        (model / "vocab" / "vectors").write_bytes(pickle.dumps(trap))
    with pytest.raises(ModelError):
        load_trained(model, "test")
    assert not marker.exists(), "a file of the model directory was executed"


def test_small_models_are_plain_arrays(tmp_path):
    """The boilerplate and typo classifiers are numpy arrays read with allow_pickle=False: a model file holding
    a callable (here os.system, pickled into an object array) is refused before anything is built from it."""
    import numpy as np

    from claimcheck.ingest import boilerplate
    from claimcheck.resolve import typos

    bad = tmp_path / "bad.npz"
    np.savez(bad, header=np.array('{"kind": "boilerplate-lines", "format_version": 1}'),
             coef=np.array([os.system], dtype=object))
    with pytest.raises(ModelError, match="damaged"):
        boilerplate.load_model(bad)
    with pytest.raises(ModelError, match="damaged"):
        typos.load_model(bad)
    assert not [p for p in (ROOT / "models").rglob("*.skops")]


# -- reports ---------------------------------------------------------------------------------------------------

HOSTILE_PAGE = """<!doctype html><html><head><title>Acme valued at $7.5bn</title>
<script>var stolenCookies = document.cookie;</script></head>
<body onload="alert('x')"><iframe src="https://evil.example/frame"></iframe><article><h1>Acme valued at $7.5bn</h1>
<p>Acme Corp was valued at $7.5 billion &lt;script&gt;alert(1)&lt;/script&gt; after its latest funding round, the
company said on Monday. <a href="javascript:alert(1)">Read more</a></p>
<p>Acme's revenue rose 12% to $1.2 billion in 2019 &lt;img src=x onerror=alert(2)&gt;, people said.</p>
</article></body></html>"""
HOSTILE_TEXT = ("Acme Corp was valued at $50 billion <iframe src=javascript:alert(3)></iframe> in 2020, "
                "according to <b onmouseover=alert(4)>people</b> familiar with it. Acme's revenue rose 12% to "
                "$1.2 billion in 2019 [click](javascript:alert(5)) <script>alert(6)</script>.\n")
HOSTILE_TITLE = '<script>alert("title")</script>'


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_text.append(data)


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    (base / "story").mkdir()
    (base / "story" / "page.html").write_text(HOSTILE_PAGE)
    (base / "story" / "text.txt").write_text(HOSTILE_TEXT)
    jobs = [{"id": fmt, "args": ["check", str(base / "story"), "--model", MODEL, "-f", fmt, "--title", HOSTILE_TITLE,
                                 "--verbose", "-o", str(base / f"report.{fmt}"),
                                 *(["--review-url", "https://example.org/checks"] if fmt == "claimreview" else [])]}
            for fmt in ("html", "markdown", "json", "claimreview")]
    jobs.append({"id": "javascript_review_url", "args": ["check", str(base / "story"), "--model", MODEL, "-f",
                                                         "claimreview", "--review-url", "javascript:alert(7)"]})
    results = run_cli(jobs, base)
    return base, results


def test_html_report_of_hostile_articles_is_inert(reports):
    base, results = reports
    assert_clean(results["html"])
    assert results["html"]["exit_code"] == 0
    page = (base / "report.html").read_text()
    parser = _Elements()
    parser.feed(page)
    tags = [t for t, _ in parser.elements]
    assert not {"iframe", "img", "object", "embed", "frame", "base", "link", "form"} & set(tags), tags
    assert all(not attrs for tag, attrs in parser.elements if tag == "b")  # the report's own bold, bare
    assert tags.count("script") <= 1  # the report's own (allowed by its CSP hash), nothing from the input
    for tag, attrs in parser.elements:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert "javascript:" not in (value or "").lower(), (tag, name, value)
    own = "".join(parser.script_text)
    assert "alert(" not in own and "stolenCookies" not in own and "document.cookie" not in own
    assert "stolenCookies" not in page  # the page's script is not article text
    assert "&lt;script&gt;" in page  # the article's literal "<script>" is shown, as text


def test_markdown_json_and_claimreview_of_hostile_articles(reports):
    import re

    base, results = reports
    for fmt in ("markdown", "json", "claimreview"):
        assert_clean(results[fmt])
        assert results[fmt]["exit_code"] == 0, results[fmt]["stderr"]
    markdown = (base / "report.markdown").read_text()
    live = re.findall(r"(?<!\\)<(?:script|iframe|b\b|img)|(?<!\\)\]\(javascript:", markdown)  # unescaped markup
    assert not live, live
    assert "\\<script\\>" in markdown  # shown, escaped
    json.loads((base / "report.json").read_text())  # valid JSON whatever the text held
    reviews = json.loads((base / "report.claimreview").read_text())
    links = [r["url"] for r in reviews] + [a.get("url", "") for r in reviews for a in r["itemReviewed"]["appearance"]]
    assert not [u for u in links if u.lower().startswith("javascript:")]
    refused = results["javascript_review_url"]
    assert_clean(refused)
    assert refused["exit_code"] == 2 and "--review-url" in refused["stderr"]


# -- the network -----------------------------------------------------------------------------------------------

SITECUSTOMIZE = '''
import os, socket

_LOG = os.environ["NETWORK_LOG"]


def _record(what):
    with open(_LOG, "a") as fh:
        fh.write(f"{os.getpid()} {what}\\n")


_record("armed")
_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex


def connect(self, address, *args):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _record(f"connect {address!r}")
        raise OSError("network access blocked by the test")
    return _connect(self, address, *args)


def connect_ex(self, address, *args):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _record(f"connect_ex {address!r}")
        return 111
    return _connect_ex(self, address, *args)


def getaddrinfo(host, *args, **kwargs):
    _record(f"getaddrinfo {host!r}")
    raise socket.gaierror("name resolution blocked by the test")


socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo
'''


@pytest.mark.slow  # every command under a network tracer
def test_no_network_connection(tmp_path):
    """check, extract and annotate (two worker processes) with every socket connection and name lookup
    blocked and recorded, and HF_HUB_OFFLINE / TRANSFORMERS_OFFLINE / HF_DATASETS_OFFLINE unset."""
    from conftest import STORIES

    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE)
    log = tmp_path / "network.log"
    env = child_env(HF_HUB_OFFLINE=None, TRANSFORMERS_OFFLINE=None, HF_DATASETS_OFFLINE=None, NETWORK_LOG=str(log))
    env["PYTHONPATH"] = os.pathsep.join([str(site), env["PYTHONPATH"]])
    story = str(STORIES / "arm-ipo-2023")
    jobs = [{"id": "check", "args": ["check", story, "--model", MODEL, "-f", "json"]},
            {"id": "extract", "args": ["extract", story, "--model", MODEL]},
            {"id": "annotate", "args": ["annotate", story, "-o", str(tmp_path / "out"), "--workers", "2",
                                        "--shard-size", "2", "-q", "--model", MODEL]}]
    results = run_cli(jobs, tmp_path, env=env)
    for name, result in results.items():
        assert result["exit_code"] == 0, (name, result["stderr"][-2000:])
    lines = log.read_text().splitlines()
    assert any(line.endswith("armed") for line in lines)  # the guard was in place
    attempts = [line for line in lines if not line.endswith("armed")]
    assert not attempts, attempts
