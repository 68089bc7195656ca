"""Turn requirements*.in into hash-pinned lock files, and check that a lock is complete.

Why: `make` installs a lock with `pip install --require-hashes --no-deps`, so a fresh
machine takes exactly the bytes we tested whatever the registry has published since (a
newer release of a transitive package can no longer break the install). `--no-deps` trusts
the lock to hold every package that any locked package needs, extras included: `lock`
refuses to write a lock that does not, and `check` (run by the tests and after every
install) proves it against the installed metadata.

pip's own resolver (`--dry-run --report`) gives every distribution with its sha256, so no
extra tool is needed. Pins already in the target lock are kept (passed as constraints) for
every package the .in files do not pin themselves, so adding one requirement does not
silently upgrade forty others; `UPGRADE=1 make lock` re-resolves everything.

    python tools/lock.py requirements.in requirements.lock          # write the lock
    python tools/lock.py --check requirements.in requirements.lock  # installed == locked?
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")


def read_pins(lock_file: str | Path) -> dict[str, str]:
    """Canonical name -> version of every `name==version` line of a lock or .in file."""
    pins = {}
    for line in Path(lock_file).read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def read_requirements(files: Iterable[str | Path]) -> list[Requirement]:
    """The requirements named in .in files (comments and options skipped)."""
    requirements = []
    for name in files:
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line and not line.startswith("-"):
                requirements.append(Requirement(line))
    return requirements


def _applies(requirement: Requirement, extras: Iterable[str]) -> bool:
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({"extra": extra}) for extra in ("", *extras))


def missing(
    roots: Iterable[Requirement],
    pins: dict[str, str],
    requires: Callable[[str], list[str]],
) -> list[str]:
    """What a `--no-deps` install of `pins` would lack for `roots`, one line per problem.

    `requires(name)` gives a locked distribution's Requires-Dist lines. Each requirement is
    followed with the extras it was asked for, since extras are where locks go missing
    (jusText asks for `lxml[html_clean]`, which is a second distribution).
    """
    problems = []
    queue = [(root, "requirements") for root in roots]
    seen: set[tuple[str, frozenset[str]]] = set()
    while queue:
        requirement, parent = queue.pop()
        name = canonicalize_name(requirement.name)
        version = pins.get(name)
        if version is None:
            problems.append(f"{name} (needed by {parent}: {requirement}) is not in the lock")
            continue
        if not requirement.specifier.contains(Version(version), prereleases=True):
            problems.append(f"{name}=={version} in the lock, but {parent} needs {requirement}")
        key = (name, frozenset(requirement.extras))
        if key in seen:
            continue
        seen.add(key)
        for line in requires(name):
            child = Requirement(line)
            if _applies(child, requirement.extras):
                queue.append((child, f"{name}=={version}"))
    return sorted(set(problems))


def installed_requires(pins: dict[str, str]) -> Callable[[str], list[str]]:
    """Requires-Dist read from this environment, after checking it holds the locked version."""

    def requires(name: str) -> list[str]:
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            raise SystemExit(f"{name} is locked but not installed here") from None
        if Version(distribution.version) != Version(pins[name]):
            raise SystemExit(
                f"{name} {distribution.version} is installed but the lock has {pins[name]}"
            )
        return distribution.requires or []

    return requires


def check(requirement_files: list[str], lock_file: str) -> list[str]:
    pins = read_pins(lock_file)
    roots = read_requirements(requirement_files)
    return missing(roots, pins, installed_requires(pins))


def _resolve(requirement_files: list[str], constraints: dict[str, str]) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [sys.executable, "-m", "pip", "install", "--quiet", "--dry-run"]
        command += ["--ignore-installed", "--report", str(report)]
        if constraints:
            pinned = Path(tmp) / "constraints.txt"
            pinned.write_text("".join(f"{n}=={v}\n" for n, v in sorted(constraints.items())))
            command += ["-c", str(pinned)]
        for name in requirement_files:
            command += ["-r", name]
        subprocess.run(command, check=True)
        return json.loads(report.read_text())["install"]


def lock(requirement_files: list[str], output: str) -> None:
    own = {canonicalize_name(r.name) for r in read_requirements(requirement_files)}
    kept = {}
    if Path(output).exists() and not os.environ.get("UPGRADE"):
        kept = {n: v for n, v in read_pins(output).items() if n not in own}
    items = _resolve(requirement_files, kept)
    pins = {canonicalize_name(i["metadata"]["name"]): i["metadata"]["version"] for i in items}
    by_name = {canonicalize_name(i["metadata"]["name"]): i["metadata"] for i in items}
    problems = missing(
        read_requirements(requirement_files),
        pins,
        lambda name: by_name[name].get("requires_dist", []),
    )
    if problems:
        raise SystemExit("the resolution is incomplete:\n  " + "\n  ".join(problems))
    lines = [f"# Generated by tools/lock.py from {' + '.join(requirement_files)}; do not edit.\n"]
    lines.append("# Installed with --require-hashes --no-deps: this file must name everything.\n")
    for item in sorted(items, key=lambda i: i["metadata"]["name"].lower()):
        name = item["metadata"]["name"]
        version = item["metadata"]["version"]
        hashes = item["download_info"].get("archive_info", {}).get("hashes", {})
        digest = hashes.get("sha256")
        if digest is None:
            raise SystemExit(f"no sha256 for {name} {version}: cannot lock it")
        lines.append(f"{name}=={version} \\\n    --hash=sha256:{digest}\n")
    Path(output).write_text("".join(lines))
    print(f"{output}: {len(items)} distributions, complete")


def main(argv: list[str]) -> int:
    if argv[:1] == ["--check"]:
        *inputs, target = argv[1:]
        problems = check(inputs, target)
        for problem in problems:
            print(f"{target}: {problem}", file=sys.stderr)
        if not problems:
            print(f"{target}: complete for {' + '.join(inputs)}")
        return 1 if problems else 0
    *inputs, target = argv
    lock(inputs, target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
