"""The layering rules, checked on the source: the detection pipeline is plain Python (no Django), training
never depends on detection, the registry depends on no domain app, and cases, training and letters use each
other only through their public modules. Cross-cutting pieces have one home each (docs/architecture.md)."""

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
            if "." not in node.module:  # ``from letters import drafting`` imports letters.drafting
                names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def _imports_of(package: str) -> list[tuple[Path, str]]:
    return [(path, name) for path in _py_files(package) for name in _imports(path)]


def _is_in(name: str, packages: set[str]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def _py_files(package: str):
    return [p for p in (ROOT / package).rglob("*.py") if "migrations" not in p.parts]


def test_the_detection_pipeline_imports_no_django_and_no_project_app():
    apps = {
        "accounts",
        "audit",
        "cases",
        "registry",
        "detection.models",
        "detection.services",
        "letters",
        "training",
        "printing",
    }
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


DOMAIN_APPS = {"cases", "training", "letters", "detection"}


def test_the_registry_imports_no_domain_app():
    """Employees, units and elections are the bottom layer: cases, training, letters and detection build on them."""
    for path, name in _imports_of("registry"):
        assert not _is_in(name, DOMAIN_APPS), f"{path.relative_to(ROOT)} imports {name}"


def test_accounts_and_the_shared_homes_import_no_domain_app():
    """accounts may read the registry (whose employee is this user); audit, printing and workdays read neither."""
    for package in ("accounts", "audit", "printing", "workdays"):
        for path, name in _imports_of(package):
            assert not _is_in(name, DOMAIN_APPS), f"{path.relative_to(ROOT)} imports {name}"
    for package in ("audit", "printing", "workdays"):
        for path, name in _imports_of(package):
            assert not _is_in(name, {"registry"}), f"{path.relative_to(ROOT)} imports {name}"


# What cases, training and letters may use of one another: their models, read selectors and write services,
# plus the letter kinds and the "which letters may be drafted for this case" question a case page asks,
# and who signs in whose name (cases.authorities: the official the decision records).
PUBLIC_MODULES = {
    "cases": {"models", "selectors", "services", "authorities"},
    "training": {"models", "selectors", "services"},
    "letters": {"models", "selectors", "services", "kinds", "drafting"},
}


def test_cases_training_and_letters_use_each_other_only_through_public_modules():
    for package in PUBLIC_MODULES:
        for path, name in _imports_of(package):
            parts = name.split(".")
            other = parts[0]
            if other == package or other not in PUBLIC_MODULES:
                continue
            assert len(parts) == 1 or parts[1] in PUBLIC_MODULES[other], f"{path.relative_to(ROOT)} imports {name}"


def test_the_legal_tables_import_no_case_letter_or_training_code():
    """legal/ is the one home of the legal tables: cases, letters and training import it, never the reverse."""
    for path in _py_files("legal"):
        for name in _imports(path):
            for app in ("cases", "letters", "training", "detection"):
                assert not (name == app or name.startswith(app + ".")), f"{path.relative_to(ROOT)} imports {name}"
