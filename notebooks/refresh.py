"""Execute the notebooks and save them with their outputs, so a reader on GitHub sees the tables and charts.

    python notebooks/refresh.py            # all three, from the repository root, in the test virtualenv
    python notebooks/refresh.py 01_quickstart.ipynb

Each notebook runs top to bottom in a `python3` kernel bound to this interpreter (the same kernel the test
suite uses), with matplotlib's inline backend (charts saved as images); a cell error stops the script and nothing is written. Run-specific
noise (cell timing metadata) is left out so that a refresh only changes what the notebook shows.
02_corpus_analysis needs ../shared/data (or $CLAIMCHECK_SHARED). Its outputs show counts, names, figures and
our own generated messages, never article text: tests/test_notebooks.py checks that no output quotes the
shared articles.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

HERE = Path(__file__).resolve().parent


@contextmanager
def python3_kernel() -> Iterator[str]:
    """A `python3` kernel spec for this interpreter, first on JUPYTER_PATH, for the duration of the block."""
    saved = {k: os.environ.get(k) for k in ("JUPYTER_PATH", "JUPYTER_PLATFORM_DIRS", "MPLBACKEND",
                                            "PYDEVD_DISABLE_FILE_VALIDATION")}
    os.environ.pop("MPLBACKEND", None)  # the kernel's inline backend: figures saved as image outputs
    with tempfile.TemporaryDirectory() as tmp:
        spec_dir = Path(tmp) / "kernels" / "python3"
        spec_dir.mkdir(parents=True)
        (spec_dir / "kernel.json").write_text(json.dumps({
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (claimcheck)", "language": "python"}))
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [tmp, saved["JUPYTER_PATH"]]))
        os.environ.update(JUPYTER_PLATFORM_DIRS="1", PYDEVD_DISABLE_FILE_VALIDATION="1")
        try:
            yield "python3"
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def execute(path: Path, kernel: str, timeout: int = 300):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name=kernel, resources={"metadata": {"path": str(path.parent)}},
                   record_timing=False).execute()
    return nb


def main(names: list[str]) -> int:
    import nbformat

    paths = [HERE / n for n in names] if names else sorted(HERE.glob("*.ipynb"))
    with python3_kernel() as kernel:
        for path in paths:
            nb = execute(path, kernel)
            for cell in nb.cells:
                cell.metadata.pop("execution", None)
            nbformat.validate(nb)
            nbformat.write(nb, path)
            print(f"{path.name}: {sum(c.cell_type == 'code' for c in nb.cells)} cells run, outputs saved")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
