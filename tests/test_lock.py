"""The locks are complete, agree with each other and with pyproject, and carry nothing unused.

Why: `make` installs the locks with `--no-deps`, so a package missing from a lock is not
fetched by pip, it is simply absent, and the failure shows up later as an ImportError on a
user's machine. These checks read the installed metadata (the test venv holds the dev lock,
which contains the core lock).
"""

from __future__ import annotations

import ast
import importlib.util
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
CORE = (["requirements.in"], "requirements.lock")
DEV = (["requirements.in", "requirements-dev.in"], "requirements-dev.lock")

# Core dependencies that Dateline's code does not import by name, and why they are core.
NOT_IMPORTED = {
    # justext (under trafilatura) imports lxml.html.clean; lxml 6 moved it into this
    # distribution and the locked lxml's `html_clean` extra no longer names it.
    "lxml-html-clean",
}


def _lock_tool():
    spec = importlib.util.spec_from_file_location("lock_tool", ROOT / "tools" / "lock.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lock_tool = _lock_tool()


def _paths(files: list[str]) -> list[Path]:
    return [ROOT / name for name in files]


@pytest.mark.parametrize(("inputs", "lock"), [CORE, DEV], ids=["core", "dev"])
def test_a_lock_names_every_package_its_packages_need(inputs, lock):
    assert lock_tool.check(_paths(inputs), ROOT / lock) == []


def test_the_check_fails_when_a_transitive_package_is_left_out(tmp_path):
    lines = (ROOT / "requirements.lock").read_text().splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("murmurhash=="))
    incomplete = tmp_path / "requirements.lock"
    incomplete.write_text("".join(lines[:start] + lines[start + 2 :]))
    problems = lock_tool.check(_paths(CORE[0]), incomplete)
    assert any(p.startswith("murmurhash (needed by ") for p in problems)


def test_the_check_follows_extras():
    # `a[x]` needs b only through its extra; a lock without b is incomplete.
    requires = {"a": ['b>=2; extra == "x"', 'c; python_version < "3"'], "b": []}
    roots = [Requirement("a[x]")]
    assert lock_tool.missing(roots, {"a": "1.0"}, requires.__getitem__) == [
        'b (needed by a==1.0: b>=2; extra == "x") is not in the lock'
    ]
    assert lock_tool.missing(roots, {"a": "1.0", "b": "2.1"}, requires.__getitem__) == []
    assert lock_tool.missing([Requirement("a")], {"a": "1.0"}, requires.__getitem__) == []
    assert lock_tool.missing(roots, {"a": "1.0", "b": "1.0"}, requires.__getitem__) == [
        'b==1.0 in the lock, but a==1.0 needs b>=2; extra == "x"'
    ]


def test_the_two_locks_pin_the_same_versions():
    core = lock_tool.read_pins(ROOT / "requirements.lock")
    dev = lock_tool.read_pins(ROOT / "requirements-dev.lock")
    assert {name: dev.get(name) for name in core} == core


@pytest.mark.parametrize("files", [CORE, DEV], ids=["core", "dev"])
def test_every_pin_of_the_in_files_is_the_locked_one(files):
    inputs, lock = files
    locked = lock_tool.read_pins(ROOT / lock)
    for name in inputs:
        for pinned, version in lock_tool.read_pins(ROOT / name).items():
            assert locked.get(pinned) == version, f"{name}: {pinned}=={version}"


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _satisfied(requirements: list[str], lock: str) -> list[str]:
    pins = lock_tool.read_pins(ROOT / lock)
    unmet = []
    for line in requirements:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        if name == "dateline":
            continue
        version = pins.get(name)
        if version is None or not requirement.specifier.contains(Version(version)):
            unmet.append(f"{line} (locked: {version})")
    return unmet


def test_pyproject_core_dependencies_are_met_by_the_core_lock():
    assert _satisfied(_pyproject()["dependencies"], "requirements.lock") == []


def test_pyproject_extras_are_met_by_the_dev_lock():
    extras = _pyproject()["optional-dependencies"]
    assert set(extras) == {"serve", "dask", "dev"}
    assert "distributed>=2024.1" in extras["dask"]
    for requirements in extras.values():
        assert _satisfied(requirements, "requirements-dev.lock") == []


def _imported_top_levels() -> set[str]:
    """Top-level modules named by an import, or by a string (a spaCy model package), in src."""
    names = set()
    for path in (ROOT / "src" / "dateline").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
            elif (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value.isidentifier()
            ):
                names.add(node.value)
    return names


def test_every_core_dependency_is_imported_by_dateline():
    imported = _imported_top_levels()
    providers = metadata.packages_distributions()
    used = {canonicalize_name(d) for module in imported for d in providers.get(module, [])}
    declared = {canonicalize_name(Requirement(r).name) for r in _pyproject()["dependencies"]}
    assert declared - used == NOT_IMPORTED
