"""Packaging: the wheel and the PyInstaller bundle each run ``exponav selftest`` on their own.

Both tests take minutes, so they are marked ``slow``:

* the wheel, offline: ``pip wheel . --no-deps --no-build-isolation --no-index`` with the
  hatchling of the ``test`` extra, ``pip install --no-index --no-deps`` of that wheel
  into a fresh venv that sees this environment's installed packages for its
  dependencies (``pip check`` there proves the wheel's requirements are met), then
  ``exponav selftest`` from a folder outside the checkout with a fresh HOME, so the
  floor plans, the show data, the fonts and the data file all come from the wheel and
  the user's cache folder (``make wheel-test``). Nothing is fetched from an index;
* the bundle: ``dist/exponav/exponav selftest`` with an empty environment (no PATH, no
  Python) from another folder, and the size budgets: at most 250 MB on disk and 100 MB
  as a compressed archive (``make installer-test`` builds the bundle and runs this with
  ``EXPONAV_BUNDLE`` set; without it the test is skipped).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000
DISK_BUDGET_MB = 250
ARCHIVE_BUDGET_MB = 100
EXPECTED_CHECKS = {"data loads", "search finds an exhibitor", "booth and hit test"}


def _run(cmd: list[str], *, env: dict[str, str] | None, cwd: Path, timeout: float = 600,
         check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([str(c) for c in cmd], env=env, cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, cmd))} exited {proc.returncode}\n"
                             f"--- stdout\n{proc.stdout[-4000:]}\n--- stderr\n{proc.stderr[-4000:]}")
    return proc


def _host_env() -> dict[str, str]:
    """This environment without anything that points Python at the checkout or its venv."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _check_selftest(proc: subprocess.CompletedProcess[str]) -> dict:
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        raise AssertionError(f"selftest --json printed no JSON ({e}):\n{proc.stdout[-2000:]}\n"
                             f"{proc.stderr[-2000:]}") from None
    failed = [c for c in report["checks"] if c["status"] != "ok"]
    assert report["ok"] and not failed and proc.returncode == 0, (failed, proc.stderr[-2000:])
    names = {c["name"] for c in report["checks"]}
    assert names >= EXPECTED_CHECKS, names
    assert any("window" in n for n in names), names
    return report


def _summary(report: dict) -> str:
    return "\n".join(f"  {c['status']:4} {c['name']}: {c['detail']}" for c in report["checks"])


def _write_report(name: str, text: str) -> None:
    out = ROOT / "build" / name
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")


# -- the wheel -----------------------------------------------------------------------------

def _site_packages(python: Path, env: dict[str, str], cwd: Path) -> list[Path]:
    code = "import sysconfig; p = sysconfig.get_paths(); print(p['purelib']); print(p['platlib'])"
    out = _run([python, "-c", code], env=env, cwd=cwd).stdout.split()
    return list(dict.fromkeys(Path(line) for line in out))


def test_wheel_runs_selftest_in_a_fresh_venv(tmp_path: Path) -> None:
    t0 = time.perf_counter()
    host = _host_env()
    assert importlib.util.find_spec("hatchling") is not None, \
        "the wheel is built offline with the installed hatchling: pip install -e '.[test]'"
    wheel_dir = tmp_path / "wheel"
    _run([sys.executable, "-m", "pip", "wheel", ".", "-w", wheel_dir, "--no-deps",
          "--no-build-isolation", "--no-index", "-q"], env=host, cwd=ROOT)
    (wheel,) = wheel_dir.glob("exponav-*.whl")

    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("exponav/_data/floorplans/tainex/venue.json",
                   "exponav/_data/db/scse2025/show.json",
                   "exponav/_data/assets/fonts/ExpoNavSansTC-Regular.otf",
                   "exponav/_data/assets/fonts/ExpoNavSansTC-Bold.otf",
                   "exponav/_data/assets/fonts/OFL.txt",
                   "exponav/cli/commands.py", "exponav/ui/visitor/main_window.py",
                   "exponav/_data/assets/translations/exponav_zh_TW.qm"):
        assert needed in names, f"{needed} is not in {wheel.name}"
    assert any(n.startswith("exponav/_data/assets/icons/") for n in names)
    assert not [n for n in names if "__pycache__" in n or n.startswith(("tests/", ".venv"))]

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", venv], env=host, cwd=tmp_path)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    # The dependencies come from this environment (after the venv's own packages: a
    # .pth line appends), so that no index is needed; this environment's own exponav
    # (an editable install of the checkout) stays out, as .pth files of a folder named
    # in a .pth are not read.
    (site,) = _site_packages(python, host, tmp_path)[:1]
    host_sites = _site_packages(Path(sys.executable), host, tmp_path)
    (site / "exponav-test-host.pth").write_text("".join(f"{p}\n" for p in host_sites),
                                                 encoding="utf-8")
    _run([python, "-m", "pip", "install", "-q", "--no-index", "--no-deps", wheel],
         env=host, cwd=tmp_path)
    _run([python, "-m", "pip", "check"], env=host, cwd=tmp_path)
    t_install = time.perf_counter() - t0

    # Run from elsewhere with a fresh HOME: nothing may come from the checkout.
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "PATH": str(bindir),
           "USERPROFILE": str(home), "LOCALAPPDATA": str(home / "AppData" / "Local"),
           "SYSTEMROOT": os.environ.get("SYSTEMROOT", "")}
    where = _run([python, "-c", "import exponav.core.paths as p; "
                  "print(p.resource_root()); print(p.default_data_file())"],
                 env=env, cwd=outside).stdout.splitlines()
    resources, data_file = Path(where[0]), Path(where[1])
    assert venv in resources.parents and resources.name == "_data", resources
    assert home in data_file.parents, data_file

    exe = bindir / ("exponav.exe" if os.name == "nt" else "exponav")
    report = _check_selftest(_run([exe, "selftest", "--json"], env=env, cwd=outside,
                                  check=False))
    assert data_file.is_file(), "the data file was not built into the user's cache folder"
    _write_report("wheel-report.txt",
                  f"wheel {wheel.name}: {wheel.stat().st_size / MB:.1f} MB; build and install "
                  f"{t_install:.0f} s; whole test {time.perf_counter() - t0:.0f} s\n"
                  f"selftest in a fresh venv, run from {outside}:\n{_summary(report)}\n")


# -- the PyInstaller bundle ----------------------------------------------------------------

def _bundle_dir() -> Path:
    value = os.environ.get("EXPONAV_BUNDLE")
    if not value:
        pytest.skip("EXPONAV_BUNDLE is not set: `make installer-test` builds the bundle and "
                    "runs this test")
    folder = Path(value)
    return folder if folder.is_absolute() else ROOT / folder


def _tree_size(folder: Path) -> tuple[int, dict[str, int]]:
    """Bytes on disk (links counted once, as links) and the size of each part."""
    total, parts = 0, {}
    for f in folder.rglob("*"):
        if f.is_symlink() or not f.is_file():
            continue
        size = f.stat().st_size
        total += size
        rel = f.relative_to(folder).parts
        key = "/".join(rel[:4] if rel[:3] == ("_internal", "PySide6", "Qt") else rel[:2])
        parts[key] = parts.get(key, 0) + size
    return total, parts


def test_bundle_runs_selftest_with_an_empty_environment(tmp_path: Path) -> None:
    bundle = _bundle_dir()
    exe = bundle / ("exponav.exe" if os.name == "nt" else "exponav")
    assert exe.is_file(), f"no {exe}: run `make installer` first"
    internal = bundle / "_internal"

    # Only what the bundle itself holds: no link may point outside it.
    for link in (p for p in bundle.rglob("*") if p.is_symlink()):
        target = link.resolve()
        assert bundle.resolve() in target.parents and target.exists(), f"{link} -> {target}"

    # What must be there, and what must not.
    qt = next(internal.glob("PySide6/Qt"), internal / "PySide6")

    def has(pattern: str) -> bool:
        return any(qt.glob(pattern))

    for pattern in ("plugins/platforms/*qoffscreen*", "plugins/printsupport/*",
                    "plugins/imageformats/*qsvg*", "plugins/iconengines/*qsvgicon*",
                    "plugins/platforminputcontexts/*"):
        assert has(pattern), f"{pattern} is missing from the bundle"
    if sys.platform.startswith("linux"):
        assert has("plugins/platforms/*qxcb*")
    for pattern in ("plugins/sqldrivers", "plugins/qmltooling", "plugins/designer",
                    "plugins/multimedia", "plugins/platformthemes/*gtk*", "lib/*WebEngine*",
                    "lib/*Qt6Pdf*", "lib/*3D*", "lib/*Designer*", "lib/*Charts*",
                    "qml/QtQuick/Controls", "qml/QtQuick3D", "qml/QtMultimedia"):
        assert not has(pattern), f"{pattern} should not be in the bundle"
    for unused in ("PIL", "tkinter", "matplotlib", "pytest"):
        assert not (internal / unused).exists(), f"{unused} should not be in the bundle"
    assert (internal / "exponav" / "_data" / "floorplans" / "tainex" / "venue.json").is_file()
    for font in ("ExpoNavSansTC-Regular.otf", "ExpoNavSansTC-Bold.otf", "OFL.txt"):
        assert (internal / "exponav" / "_data" / "assets" / "fonts" / font).is_file(), font

    # An empty environment (env -i), started from another folder.
    home = tmp_path / "home"
    home.mkdir()
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(home)}
    if os.name == "nt":
        env.update(USERPROFILE=str(home), LOCALAPPDATA=str(home / "AppData" / "Local"),
                   SYSTEMROOT=os.environ.get("SYSTEMROOT", ""))
    t0 = time.perf_counter()
    text = _run([exe, "selftest"], env=env, cwd=tmp_path, timeout=300)
    t_first = time.perf_counter() - t0
    assert text.stdout.rstrip().endswith("PASS"), text.stdout
    caches = list(home.rglob("scse2025.exponav.db"))
    assert caches, f"the data file was not built under {home}"
    built = caches[0].stat().st_mtime_ns

    t0 = time.perf_counter()
    report = _check_selftest(_run([exe, "selftest", "--json"], env=env, cwd=tmp_path,
                                  timeout=300, check=False))
    t_again = time.perf_counter() - t0
    assert caches[0].stat().st_mtime_ns == built, "the data file was rebuilt on the second start"

    # The on-screen keyboard: its QML must load (the panel is made when a field has focus).
    vkb_note = "not built in"
    if has("plugins/platforminputcontexts/*virtualkeyboard*"):
        assert has("qml/QtQuick/VirtualKeyboard/qmldir")
        proc = _run([exe, "selftest"], env={**env, "QT_IM_MODULE": "qtvirtualkeyboard",
                                            "QT_DEBUG_PLUGINS": "1"},
                    cwd=tmp_path, timeout=300, check=False)
        assert proc.returncode == 0, proc.stderr[-3000:]
        if "libpulse.so.0" in proc.stderr:
            vkb_note = "not loadable here: the machine lacks libpulse0"
        else:
            bad = [line for line in proc.stderr.splitlines()
                   if "VirtualKeyboard" in line and ("cannot" in line or "No module" in line
                                                     or "rror" in line)]
            assert not bad, "\n".join(bad[:10])
            vkb_note = ("plugin loaded" if "libqtvirtualkeyboardplugin" in proc.stderr
                        and "loaded library" in proc.stderr else "plugin present")

    # Budgets: on disk, and as an archive (tar.gz here; tar.xz and zip come out smaller).
    total, parts = _tree_size(bundle)
    archive = tmp_path / "exponav.tar.gz"
    t0 = time.perf_counter()
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=bundle.name)
    t_archive = time.perf_counter() - t0
    packed = archive.stat().st_size
    largest = sorted(parts.items(), key=lambda kv: -kv[1])[:12]
    _write_report("installer-report.txt", "\n".join([
        f"bundle {bundle}: {total / MB:.1f} MB on disk (budget {DISK_BUDGET_MB} MB), "
        f"{packed / MB:.1f} MB as tar.gz (budget {ARCHIVE_BUDGET_MB} MB, packed in "
        f"{t_archive:.0f} s)",
        "largest parts:", *(f"  {size / MB:7.1f} MB  {name}" for name, size in largest),
        f"selftest, env -i, first start (builds the data file) {t_first:.1f} s, "
        f"second {t_again:.1f} s:", _summary(report),
        f"on-screen keyboard: {vkb_note}", ""]))
    assert total <= DISK_BUDGET_MB * MB, f"{total / MB:.0f} MB on disk"
    assert packed <= ARCHIVE_BUDGET_MB * MB, f"{packed / MB:.0f} MB as tar.gz"
