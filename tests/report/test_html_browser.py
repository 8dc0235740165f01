"""The HTML report in a real browser (Debian's headless Chromium): it renders, draws, sorts and filters.

Chromium is found at /usr/bin/chromium (or on PATH). Outside CI a missing browser skips
these tests with the reason; with ``CI`` set a missing browser fails them. No test installs anything.
Set ``CLAIMCHECK_UPDATE_SCREENSHOT=1`` to refresh ``docs/html-report.png`` from the demo report.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import claimcheck
from claimcheck.report.html import render_html

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = ROOT / "docs" / "html-report.png"
BROWSER_TIMEOUT = 120


def _find_chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="module")
def chromium() -> str:
    """The browser, never installed from here: a test must not change the machine it runs on."""
    path = _find_chromium()
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("chromium is missing from the CI machine (/usr/bin/chromium); it is part of the image, "
                    "not something a test installs")
    pytest.skip("chromium not installed (apt-get install chromium); CI's image has it")


def run_chromium(chromium: str, tmp_path: Path, page: Path, *extra: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    profile.mkdir()
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-dev-shm-usage", "--hide-scrollbars", "--virtual-time-budget=5000",
           f"--user-data-dir={profile}", *extra, page.as_uri()]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=BROWSER_TIMEOUT,
                              env={**os.environ, "HOME": str(tmp_path)})
    except subprocess.TimeoutExpired:
        pytest.fail(f"chromium did not finish within {BROWSER_TIMEOUT} s")
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def body_attrs(dom: str) -> dict[str, str]:
    m = re.search(r"<body([^>]*)>", dom)
    assert m, dom[:500]
    return dict(re.findall(r'([\w-]+)="([^"]*)"', m.group(1)))


@pytest.fixture(scope="module")
def demo_report():
    return claimcheck.check(None, warn=lambda m: None)


@pytest.fixture(scope="module")
def demo_html(demo_report) -> str:
    return render_html(demo_report)


@pytest.mark.slow  # seconds: a subprocess, a browser or a training run (quick tier leaves it out)
def test_page_renders_with_charts_and_no_errors(chromium, tmp_path, demo_html):
    page = tmp_path / "report.html"
    page.write_text(demo_html, encoding="utf-8")
    dom = run_chromium(chromium, tmp_path, page, "--dump-dom").stdout
    attrs = body_attrs(dom)
    assert attrs.get("data-ok") == "1", attrs  # our script ran (the CSP hash admitted it)
    assert "data-error" not in attrs, attrs["data-error"]
    charts = demo_html.count('<svg class="chart"')
    assert charts > 0
    assert dom.count("<svg") == charts
    assert attrs.get("data-charts") == str(charts)


SELF_TEST = """<script>
(function () {
  var b = document.body;
  try {
    var table = document.getElementById("claims-table");
    var heads = table.tHead.rows[0].cells;
    var col = -1;
    for (var i = 0; i < heads.length; i++) { if (heads[i].textContent.trim() === "value") { col = i; } }
    heads[col].querySelector("button").click();
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var nums = rows.map(function (r) { return r.cells[col].getAttribute("data-sort"); })
                   .filter(function (v) { return /^-?[0-9.]+(e[-+]?[0-9]+)?$/i.test(v); }).map(parseFloat);
    var sorted = true;
    for (var j = 1; j < nums.length; j++) { if (nums[j] < nums[j - 1]) { sorted = false; } }
    b.setAttribute("data-sorted", sorted && nums.length > 0 ? "1" : "0");
    b.setAttribute("data-sort-dir", heads[col].getAttribute("aria-sort"));
    heads[col].querySelector("button").click();
    b.setAttribute("data-sort-dir2", heads[col].getAttribute("aria-sort"));
    var visible = function () { return rows.filter(function (r) { return !r.hidden; }); };
    var filter = document.getElementById("claims-filter");
    filter.value = "SenseTime";
    filter.dispatchEvent(new Event("input"));
    var shown = visible();
    b.setAttribute("data-filter-count", String(shown.length));
    b.setAttribute("data-filter-ok", shown.every(function (r) {
      return r.textContent.toLowerCase().indexOf("sensetime") >= 0; }) ? "1" : "0");
    filter.value = "";
    filter.dispatchEvent(new Event("input"));
    var attr = document.getElementById("claims-attr");
    attr.value = "valuation";
    attr.dispatchEvent(new Event("change"));
    b.setAttribute("data-attr-count", String(visible().length));
    var kind = document.getElementById("claims-kind");
    attr.value = "";
    kind.value = "conflict";
    kind.dispatchEvent(new Event("change"));
    b.setAttribute("data-kind-count", String(visible().length));
    b.setAttribute("data-count-text", document.getElementById("claims-count").textContent);
  } catch (e) {
    b.setAttribute("data-test-error", String(e));
  }
}());
</script>"""


def test_claims_table_sorts_and_filters(chromium, tmp_path, demo_report, demo_html):
    # the page's CSP admits only its own script, so the test copy drops it to add the self-test
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", demo_html, count=1)
    assert html != demo_html
    html = html.replace("</body>", SELF_TEST + "\n</body>")
    page = tmp_path / "selftest.html"
    page.write_text(html, encoding="utf-8")
    attrs = body_attrs(run_chromium(chromium, tmp_path, page, "--dump-dom").stdout)
    assert "data-test-error" not in attrs, attrs["data-test-error"]
    assert "data-error" not in attrs, attrs["data-error"]
    assert attrs["data-ok"] == "1"
    assert attrs["data-sorted"] == "1"
    assert (attrs["data-sort-dir"], attrs["data-sort-dir2"]) == ("ascending", "descending")
    assert attrs["data-filter-ok"] == "1" and 0 < int(attrs["data-filter-count"]) < len(demo_report.claims)
    assert int(attrs["data-attr-count"]) == sum(c.attribute == "valuation" for c in demo_report.claims)
    in_conflict = {cid for f in demo_report.findings if f.kind == "conflict" for cid in f.claims}
    assert int(attrs["data-kind-count"]) == len(in_conflict)
    assert attrs["data-count-text"] == f"{len(in_conflict)} of {len(demo_report.claims)} claims"


def test_hostile_page_injects_nothing(chromium, tmp_path):
    payload = "<script>document.body.setAttribute('data-pwned','1')</script><img src=x onerror=alert(1)>"
    texts = [f"Acme Corp was valued at $5 billion {payload} in 2020, the company said.",
             "Acme Corp was valued at $50 billion in 2020, according to <b onmouseover=alert(1)>people</b>."]
    report = claimcheck.check(texts, warn=lambda m: None)
    page = tmp_path / "hostile.html"
    page.write_text(report.to_html(title=payload), encoding="utf-8")
    dom = run_chromium(chromium, tmp_path, page, "--dump-dom").stdout
    attrs = body_attrs(dom)
    assert attrs.get("data-ok") == "1" and "data-pwned" not in attrs and "data-error" not in attrs
    assert dom.count("<script") == 1
    assert "<img" not in dom and "<b onmouseover" not in dom
    assert "&lt;script&gt;document.body" in dom  # shown as text


def test_screenshot(chromium, tmp_path, demo_html):
    page = tmp_path / "report.html"
    page.write_text(demo_html, encoding="utf-8")
    shot = tmp_path / "report.png"
    run_chromium(chromium, tmp_path, page, f"--screenshot={shot}", "--window-size=1280,2000")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a page with content, not a blank one
    if os.environ.get("CLAIMCHECK_UPDATE_SCREENSHOT"):
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT)
