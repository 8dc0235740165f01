"""The base install checks without the training stack.

torch, transformers, scikit-learn, scipy and skops are extras (``[transformer]``, ``[train]``): the default
``check`` must neither need nor import them. The child processes below make those imports fail, as they do
in a base install (``sys.modules[name] = None`` turns ``import name`` into an ImportError; spaCy's thinc
takes that as "torch is not installed"), and compare the report with an unrestricted run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
STORY = REPO / "corpus" / "stories" / "entity-list-2019"
EXTRAS = ("torch", "transformers", "sklearn", "scipy", "skops")

RUN = """
import json, sys
blocked = {blocked!r}
for name in blocked:
    sys.modules[name] = None
from claimcheck.cli import main
sys.argv = ["claimcheck", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
loaded = sorted(m for m in {extras!r} if sys.modules.get(m) is not None)
print("LOADED " + json.dumps(loaded), file=sys.stderr)
sys.exit(code)
"""


def _run(*args: str, blocked: tuple[str, ...]) -> tuple[int, str, str]:
    code = RUN.format(blocked=blocked, extras=EXTRAS)
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=600)
    return proc.returncode, proc.stdout, proc.stderr


def _loaded(stderr: str) -> list[str]:
    return json.loads(next(line for line in stderr.splitlines() if line.startswith("LOADED "))[7:])


@pytest.mark.slow  # two checks in fresh processes
def test_default_check_needs_none_of_the_training_stack():
    rc, out, err = _run("check", str(STORY), "-f", "json", blocked=EXTRAS)
    assert rc == 0, err
    assert _loaded(err) == []
    assert "Traceback" not in err and "warning" not in err, err
    rc2, out2, err2 = _run("check", str(STORY), "-f", "json", blocked=())
    assert rc2 == 0, err2
    blocked_report, full_report = json.loads(out), json.loads(out2)
    assert blocked_report["findings"] and blocked_report["findings"] == full_report["findings"]
    assert blocked_report["claims"] == full_report["claims"]


@pytest.mark.slow  # a check in a fresh process
def test_default_check_does_not_import_torch_even_when_installed():
    """With the extras installed (as in this test environment) the default path still leaves them alone;
    only thinc, spaCy's own layer library, imports torch when it finds it, so it is the one exception."""
    pytest.importorskip("torch")
    rc, _, err = _run("check", str(STORY), blocked=())
    assert rc == 0, err
    assert [m for m in _loaded(err) if m != "torch"] == []


def test_transformer_pipeline_without_its_extra_is_one_line(tmp_path):
    rc, _, err = _run("check", str(STORY), "--model", "transformer", blocked=EXTRAS)
    lines = [line for line in err.splitlines() if not line.startswith("LOADED ")]
    assert rc == 4 and len(lines) == 1 and lines[0].startswith("error:"), err
    assert "claimcheck[transformer]" in lines[0] or "not built" in lines[0], lines
