"""Do the tests notice when extraction is gone? Run pytest with a null extractor.

    python scripts/null_extractor_check.py [pytest arguments, default: the whole suite]

Runs pytest with ``SAIDWHAT_NULL_EXTRACTOR=1``: ``saidwhat.pipeline.extract``
keeps its input checks but returns an Article with no statements (see
``tests/null_extractor.py``), in the pytest process and, through a
``sitecustomize.py`` put first on ``PYTHONPATH``, in every Python subprocess
(the CLI, ingest workers, the web server, Spark's workers).

An *extraction test* is a test whose body calls ``extract`` on a text it
would search (German, not blank, past the input checks): directly, through a
helper, or in a subprocess the test starts (the CLI, ``annotate``, ``ingest``,
the web API and the Spark job all go through ``extract``). Every extraction
test must fail under the null extractor: one that passes cannot tell working
extraction from none. The script lists those that pass and exits 1 if there
is any.

Tests that only use data a fixture extracted (a store built once for the web
API tests) test what is done with statements, not how they are found; they
are counted apart and may pass.

Calls in a process started once for many tests (a Spark session, a server
started by a module fixture) are credited to the test, and the phase, in which
that process was started, since it keeps that test's ``PYTEST_CURRENT_TEST``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests"

SITECUSTOMIZE = f"""\
import sys
sys.path.append({str(TESTS)!r})
import null_extractor
null_extractor.install()
"""


def run_pytest(args: list[str], work: Path) -> tuple[dict[str, dict[str, object]], set[str], int]:
    """The per-test report, the tests logged by a subprocess's extract, pytest's exit code."""
    (work / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    log, report = work / "calls.log", work / "report.json"
    env = dict(os.environ)
    env.update(
        SAIDWHAT_NULL_EXTRACTOR="1",
        SAIDWHAT_NULL_EXTRACTOR_LOG=str(log),
        SAIDWHAT_NULL_EXTRACTOR_REPORT=str(report),
        PYTHONPATH=os.pathsep.join(p for p in (str(work), env.get("PYTHONPATH", "")) if p),
    )
    cmd = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--no-header", "-rN", *args]
    with (work / "pytest.out").open("w", encoding="utf-8") as out:
        code = subprocess.run(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT, check=False).returncode
    if not report.exists():
        sys.exit(f"pytest wrote no report (exit {code}); its output: {work / 'pytest.out'}")
    tests = json.loads(report.read_text(encoding="utf-8"))
    lines = log.read_text(encoding="utf-8").split("\n") if log.exists() else []
    # only calls made while a test body ran: "tests/test_x.py::test_y (call)"
    logged = {line.removesuffix(" (call)") for line in lines if line.endswith(" (call)")}
    return tests, logged, code


def main(argv: list[str]) -> int:
    work = Path(tempfile.mkdtemp(prefix="null-extractor-"))
    tests, logged, code = run_pytest(argv, work)
    extraction = {t for t, e in tests.items() if e.get("extracts") or t in logged}
    outcomes = Counter(str(tests[t]["outcome"]) for t in extraction)
    fixture_only = {t for t, e in tests.items() if e.get("fixture_extracts") and t not in extraction}
    others = Counter(str(e["outcome"]) for t, e in tests.items() if t not in extraction)
    passing = sorted(t for t in extraction if tests[t]["outcome"] == "passed")
    for t in passing:
        print(f"PASSES WITHOUT EXTRACTION: {t}")
    print(
        f"extraction tests: {len(extraction)} ({outcomes['failed']} failed, {outcomes['passed']} passed, "
        f"{outcomes['skipped']} skipped); other tests: {sum(others.values())} "
        f"({others['passed']} passed, {others['failed']} failed, {others['skipped']} skipped; "
        f"{len(fixture_only)} of them use a fixture's extraction); "
        f"pytest exit {code}; output in {work / 'pytest.out'}"
    )
    return 1 if passing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
