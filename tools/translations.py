"""Refresh the interface translations: the .ts sources from the code, then the shipped .qm.

Run from a source checkout after changing interface strings in ``app/exponav/ui/``::

    .venv/bin/python tools/translations.py            # lupdate, then lrelease
    .venv/bin/python tools/translations.py --release  # lrelease only (after translating)

``lupdate`` adds new strings to ``exponav_zh_TW.ts`` and ``exponav_id.ts`` (translate them
in Qt Linguist, ``.venv/bin/pyside6-linguist``, or in the XML) and keeps the plural forms
of English in ``exponav_en.ts`` (only strings counted with ``%n``). ``lrelease`` compiles
each ``.ts`` into the ``.qm`` beside it, which is committed: the wheel and the installer
ship it as it is, so neither building nor starting the application needs Qt's tools.
``make test`` fails when a ``.qm`` no longer says what its ``.ts`` says.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "assets" / "translations"
UI = ROOT / "app" / "exponav" / "ui"
LANGUAGES = ("zh_TW", "id")  # the translated languages; English gets its plural forms only


def _tool(name: str) -> str:
    """``pyside6-<name>`` beside this Python (a venv's bin/ is often not on PATH), or on PATH."""
    scripts = Path(sys.executable).parent
    for candidate in (scripts / f"pyside6-{name}", scripts / f"pyside6-{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise SystemExit(f"tools/translations.py: no pyside6-{name} found; install PySide6 "
                         "in this environment (pip install -e '.[test]').")
    return found


def _run(args: list[str]) -> None:
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"tools/translations.py: {Path(args[0]).name} failed:\n"
                         f"{done.stdout}{done.stderr}")


def update() -> None:
    """Bring the .ts sources up to date with the strings in the code."""
    sources = [str(p.relative_to(ROOT)) for p in sorted(UI.rglob("*.py"))]
    common = ["-no-obsolete", "-locations", "relative"]
    translated = [str((TRANSLATIONS / f"exponav_{lang}.ts").relative_to(ROOT))
                  for lang in LANGUAGES]
    lupdate = _tool("lupdate")
    _run([lupdate, *sources, "-ts", *translated, *common])
    english = str((TRANSLATIONS / "exponav_en.ts").relative_to(ROOT))
    _run([lupdate, *sources, "-ts", english, "-pluralonly", "-source-language", "en",
          "-target-language", "en", *common])


def release() -> list[Path]:
    """Compile every .ts (ours, and Qt's own strings where Qt ships none) into the .qm
    beside it; returns the .qm files."""
    lrelease = _tool("lrelease")
    out = []
    for ts in sorted([*TRANSLATIONS.glob("exponav_*.ts"), *TRANSLATIONS.glob("qtbase_*.ts")]):
        qm = ts.with_suffix(".qm")
        _run([lrelease, "-silent", "-nounfinished", str(ts), "-qm", str(qm)])
        out.append(qm)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true",
                        help="only compile the .ts files (do not run lupdate first)")
    args = parser.parse_args(argv)
    if not args.release:
        import os

        os.chdir(ROOT)  # lupdate writes locations relative to the .ts, from these paths
        update()
    for qm in release():
        print(f"{qm.relative_to(ROOT)}  {qm.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
