"""Executable documentation: the notebooks in notebooks/ and the code blocks of docs/api.md.

Each notebook runs top to bottom with nbclient in a `python3` kernel bound to the
interpreter running the tests (a kernel spec written for the session, so a `python3`
spec elsewhere on the machine cannot pick another Python). Any cell error fails the
test. 02_corpus_analysis needs ../shared/data: without it the notebook stops in its
first cell with `SharedDataMissing`, and the test skips — or fails when CI is set.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from typing import Iterator

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from conftest import ROOT

from claimcheck.jsonl import read_jsonl

pytestmark = pytest.mark.slow  # executes the notebooks in kernels

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CELL_TIMEOUT = 300  # seconds per cell


@pytest.fixture(scope="session")
def python3_kernel(tmp_path_factory):
    """A `python3` kernel spec for this interpreter, first on JUPYTER_PATH; headless matplotlib."""
    from jupyter_client.kernelspec import KernelSpecManager

    jupyter_dir = tmp_path_factory.mktemp("jupyter")
    spec_dir = jupyter_dir / "kernels" / "python3"
    spec_dir.mkdir(parents=True)
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3 (claimcheck tests)",
        "language": "python",
    }))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JUPYTER_PATH", os.pathsep.join(filter(None, [str(jupyter_dir), os.environ.get("JUPYTER_PATH")])))
        mp.setenv("JUPYTER_PLATFORM_DIRS", "1")
        mp.setenv("MPLBACKEND", "Agg")
        mp.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
        assert KernelSpecManager().get_kernel_spec("python3").argv[0] == sys.executable
        yield "python3"


def execute(path, kernel: str) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name=kernel,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return nb


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS] == ["01_quickstart.ipynb", "02_corpus_analysis.ipynb",
                                           "03_model_evaluation.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_with_its_outputs(path):
    """A reader on GitHub sees the tables and charts: every code cell ran, in order, without an error
    (`python notebooks/refresh.py` saves them so)."""
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1)), f"{path.name}: run it top to bottom"
    outputs = [o for c in code for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"], f"{path.name}: saved with an error"
    assert sum(bool(c.outputs) for c in code) >= len(code) // 2
    if path.stem != "03_model_evaluation":
        assert any("image/png" in o.get("data", {}) for o in outputs), f"{path.name}: its charts are not saved"


_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
QUOTE_WORDS = 8  # a run of this many words shared with an article is a quote


def _shingles(text: str, n: int = QUOTE_WORDS) -> set[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def _output_texts(nb) -> Iterator[str]:
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            if "text" in o:
                yield "".join(o["text"])
            for kind, value in o.get("data", {}).items():
                if kind.startswith("text/"):
                    yield "".join(value)


def test_saved_outputs_quote_no_shared_article(shared_data):
    """The shared corpora's text never enters the repository: no saved output repeats 8 words of an article
    from ECB+, MEANTIME or BBC business (names, figures and our own messages are fine)."""
    articles: set[str] = set()
    for name in ("ecbplus/ecbplus.jsonl", "meantime/meantime_en.jsonl", "bbc_business/bbc_business.jsonl"):
        path = shared_data / name
        if path.is_file():
            for row in read_jsonl(path):
                articles |= _shingles(row.get("text") or "")
    assert len(articles) > 100_000
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        quoted = sorted({g for text in _output_texts(nb) for g in _shingles(text)} & articles)
        assert not quoted, f"{path.name} quotes shared articles: {quoted[:3]}"


def test_kernel_runs_this_interpreter(python3_kernel, tmp_path):
    path = tmp_path / "which.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell("import sys; print(sys.executable)"))
    nbformat.write(nb, path)
    out = execute(path, python3_kernel).cells[0].outputs
    assert os.path.realpath(out[0]["text"].strip()) == os.path.realpath(sys.executable)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs(path, python3_kernel):
    started = time.perf_counter()
    try:
        nb = execute(path, python3_kernel)
    except CellExecutionError as err:
        if err.ename == "SharedDataMissing":
            message = f"{path.name}: {err.evalue}"
            if os.environ.get("CI"):
                pytest.fail(message + " (CI requires the shared data)")
            pytest.skip(message)
        raise
    print(f"{path.name}: {time.perf_counter() - started:.1f} s")
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors


def test_corpus_notebook_stops_cleanly_without_shared_data(python3_kernel, tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_SHARED", str(tmp_path / "nowhere"))
    path = ROOT / "notebooks" / "02_corpus_analysis.ipynb"
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name=python3_kernel,
                            resources={"metadata": {"path": str(path.parent)}})
    with pytest.raises(CellExecutionError) as info:
        client.execute()
    assert info.value.ename == "SharedDataMissing"
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    printed = "".join(o.get("text", "") for o in first_code.outputs if o.output_type == "stream")
    assert "shared data not found" in printed and "CLAIMCHECK_SHARED" in printed
    # one line, no traceback
    error = next(o for o in first_code.outputs if o.output_type == "error")
    assert len(error["traceback"]) == 1


def api_doc_blocks() -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", (ROOT / "docs" / "api.md").read_text(), flags=re.S | re.M)


def test_api_doc_examples(monkeypatch, capsys):
    """Every ```python block of docs/api.md, in order, in one namespace, from the repository root."""
    blocks = api_doc_blocks()
    assert len(blocks) >= 5
    monkeypatch.chdir(ROOT)
    namespace: dict = {"__name__": "docs_api"}
    for i, block in enumerate(blocks, 1):
        try:
            exec(compile(block, f"docs/api.md (python block {i})", "exec"), namespace)
        except Exception as exc:  # noqa: BLE001  (name the failing block)
            raise AssertionError(f"docs/api.md python block {i} failed: {exc!r}\n{block}") from exc
