"""The layering rules, checked on the source: the detection pipeline is plain Python (no Django), and
training never depends on detection. Cross-cutting pieces have one home each."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _py_files(package: str):
    return [p for p in (ROOT / package).rglob("*.py") if "migrations" not in p.parts]


def test_the_detection_pipeline_imports_no_django_and_no_project_app():
    apps = {"accounts", "audit", "cases", "detection.models", "detection.services", "letters", "training", "printing"}
    for path in _py_files("detection/pipeline"):
        for name in _imports(path):
            assert not name.startswith("django"), f"{path.relative_to(ROOT)} imports {name}"
            assert not any(name == a or name.startswith(a + ".") for a in apps), f"{path} imports {name}"


def test_importing_and_running_the_pipeline_loads_no_django():
    code = (
        "import sys, numpy as np\n"
        "from detection.pipeline import detect\n"
        "detect(np.zeros((64, 64, 3), np.uint8))\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


def test_training_never_imports_detection():
    for path in _py_files("training"):
        for name in _imports(path):
            assert not (name == "detection" or name.startswith("detection.")), f"{path.relative_to(ROOT)}"


def test_the_legal_tables_import_no_case_letter_or_training_code():
    """legal/ is the one home of the legal tables: cases, letters and training import it, never the reverse."""
    for path in _py_files("legal"):
        for name in _imports(path):
            for app in ("cases", "letters", "training", "detection"):
                assert not (name == app or name.startswith(app + ".")), f"{path.relative_to(ROOT)} imports {name}"
