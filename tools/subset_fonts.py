"""Cut Noto Sans CJK TC down to the characters ExpoNav writes: assets/fonts/ExpoNavSansTC-*.otf.

Run:  .venv/bin/python tools/subset_fonts.py [--source-dir DIR]

Needs fontTools (``pip install -e '.[tools]'``); the app itself only reads the result.

Source: the "Noto Sans CJK TC" face of Noto Sans CJK 2.004, Regular and Bold, from the
OpenType collections ``NotoSansCJK-Regular.ttc`` and ``NotoSansCJK-Bold.ttc`` in
``/usr/share/fonts/opentype/noto/`` (Debian's fonts-noto-cjk 1:20220127; upstream
https://github.com/notofonts/noto-cjk, Sans/OTC). The face is found by its family name,
and a source of another version is refused, so the output always matches the README.

Characters kept:

* ASCII, Latin-1, Latin Extended-A, -B and Additional (English, Indonesian, European and
  Vietnamese names), combining accents, general punctuation, currency signs, arrows,
  CJK punctuation and the full-width forms;
* every character of Big5 (13,000-odd hanzi, bopomofo and symbols: any Traditional
  Chinese name a show may bring);
* every non-ASCII character in the show and venue data (``db/``, ``floorplans/``), the
  translations (``assets/translations/*.ts``), ``assets/*.json`` and the program's own
  strings (``app/``), so a new name outside Big5 is covered after running this again.

Only the layout features Qt applies to horizontal text are kept (no ``locl``: the
Japanese, Korean and Simplified forms would double the size; no vertical metrics).
Hinting stays: it keeps 12 px labels crisp on ordinary screens.

The family is renamed "ExpoNav Sans TC" (the SIL Open Font License allows it, and a
cut-down font must not pass for the whole one): an installed Noto Sans CJK TC stays
apart and can still supply a character this cut lacks. The same source gives the same
bytes: no timestamp is rewritten. The script also rewrites ``assets/fonts/README.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

try:
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont
except ImportError:  # pragma: no cover - a tool, not a dependency of the app
    sys.exit("subset_fonts.py needs fontTools: pip install -e '.[tools]'")

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assets" / "fonts"
SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
SOURCE_FACE = "Noto Sans CJK TC"
SOURCE_VERSION = "Version 2.004"
FAMILY = "ExpoNav Sans TC"
PS_FAMILY = "ExpoNavSansTC"
STYLES = ("Regular", "Bold")

#: Blocks kept whole (as far as the source has them).
RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x024F),  # Latin-1, Latin Extended-A and -B
    (0x0300, 0x036F),  # combining diacritical marks
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x2000, 0x206F),  # general punctuation
    (0x20A0, 0x20CF),  # currency symbols
    (0x2190, 0x21FF),  # arrows
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # half-width and full-width forms
]
#: Files whose every non-ASCII character is kept.
TEXT_SOURCES = ["db/**/*.csv", "db/**/*.json", "floorplans/**/*.json",
                "floorplans/**/*.geojson", "assets/translations/*.ts", "assets/*.json",
                "app/**/*.py"]
FEATURES = ["kern", "liga", "ccmp", "mark", "mkmk", "calt"]


def big5_characters() -> set[int]:
    """Every character Big5 can encode (its double-byte plane)."""
    out: set[int] = set()
    for lead in range(0x81, 0xFF):
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            try:
                out.update(map(ord, bytes((lead, trail)).decode("big5")))
            except UnicodeDecodeError:
                continue
    return out


def text_characters(root: Path = ROOT) -> set[int]:
    """The non-ASCII characters of the data, the translations and the program's strings."""
    out: set[int] = set()
    for pattern in TEXT_SOURCES:
        for path in sorted(root.glob(pattern)):
            out.update(ord(c) for c in path.read_text(encoding="utf-8") if ord(c) > 0x7E)
    return {c for c in out if c >= 0x20}


def wanted_characters() -> set[int]:
    chars = {c for lo, hi in RANGES for c in range(lo, hi + 1)}
    return chars | big5_characters() | text_characters()


def source_face(path: Path) -> TTFont:
    """The Noto Sans CJK TC face of the collection at ``path``, checked for its version."""
    if not path.is_file():
        sys.exit(f"{path} not found: install fonts-noto-cjk or pass --source-dir")
    collection = TTCollection(str(path))
    for i, face in enumerate(collection.fonts):
        if face["name"].getDebugName(1) == SOURCE_FACE:
            version = face["name"].getDebugName(5) or ""
            if not version.startswith(SOURCE_VERSION):
                sys.exit(f"{path}: {SOURCE_FACE} is {version!r}, expected {SOURCE_VERSION}")
            return TTFont(str(path), fontNumber=i, recalcTimestamp=False)
    sys.exit(f"{path} has no {SOURCE_FACE!r} face")


def rename(font: TTFont, style: str) -> None:
    """Give the cut its own family name, in the name table and in the CFF."""
    name = font["name"]
    version = name.getDebugName(5)
    for record in list(name.names):
        if record.nameID in (1, 2, 3, 4, 6, 16, 17):
            name.removeNames(nameID=record.nameID)
    ps_name = f"{PS_FAMILY}-{style}"
    full = FAMILY if style == "Regular" else f"{FAMILY} {style}"
    for name_id, text in ((1, FAMILY), (2, style), (3, f"{version.split(';')[0]};{ps_name}"),
                          (4, full), (6, ps_name)):
        name.setName(text, name_id, 3, 1, 0x409)
    name.setName(f"{version}; subset of {SOURCE_FACE} for ExpoNav", 5, 3, 1, 0x409)
    name.setName(f"{SOURCE_FACE} {style}, cut down to Big5 and the names ExpoNav shows "
                 "by tools/subset_fonts.py", 10, 3, 1, 0x409)
    cff = font["CFF "].cff
    cff.fontNames = [ps_name]
    top = cff.topDictIndex[0]
    top.FullName, top.FamilyName, top.Weight = full, FAMILY, style


def cut(source: Path, style: str, chars: set[int]) -> tuple[Path, set[int]]:
    """Write the subset of ``source``; returns the file and the characters it holds."""
    font = source_face(source)
    options = subset.Options()
    options.layout_features = FEATURES
    options.drop_tables += ["vhea", "vmtx", "VORG", "BASE"]
    options.name_IDs = ["*"]
    options.name_languages = [0x409]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=chars)
    subsetter.subset(font)
    rename(font, style)
    out = OUT / f"{PS_FAMILY}-{style}.otf"
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))
    return out, set(font.getBestCmap())


README = """\
# Fonts

`ExpoNavSansTC-Regular.otf` and `ExpoNavSansTC-Bold.otf` are {source} {version},
taken from {files}
of Debian's fonts-noto-cjk (upstream https://github.com/notofonts/noto-cjk), cut down by
`tools/subset_fonts.py` to {count:,} characters (Big5, Latin, and every character of the
show's and venue's names and the translations) and renamed "{family}".
Licence: SIL Open Font License 1.1, see `OFL.txt`.

| file | size | glyphs | sha256 |
|---|---|---|---|
{rows}

Characters the program asks for that the source does not have (left to the system's
fonts): {missing}.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, default=SOURCE_DIR,
                        help=f"folder of NotoSansCJK-Regular.ttc and -Bold.ttc "
                             f"(default {SOURCE_DIR})")
    args = parser.parse_args(argv)
    chars = wanted_characters()
    rows, held, version = [], set(), ""
    for style in STYLES:
        source = args.source_dir / f"NotoSansCJK-{style}.ttc"
        out, got = cut(source, style, chars)
        held |= got
        font = TTFont(str(out))
        version = font["name"].getDebugName(5).split(";")[0].removeprefix("Version ")
        digest = hashlib.sha256(out.read_bytes()).hexdigest()
        rows.append(f"| {out.name} | {out.stat().st_size / 1e6:.2f} MB | "
                    f"{len(font.getGlyphOrder()):,} | `{digest[:16]}` |")
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size / 1e6:.2f} MB, "
              f"{len(font.getGlyphOrder()):,} glyphs")
    lacking = sorted(c for c in text_characters() - held if not chr(c).isspace())
    missing = ", ".join(f"U+{c:04X} {chr(c)}" for c in lacking) or "none"
    (OUT / "README.md").write_text(README.format(
        source=SOURCE_FACE, version=version, family=FAMILY, count=len(held),
        files=" and ".join(f"`NotoSansCJK-{s}.ttc`" for s in STYLES),
        rows="\n".join(rows), missing=missing), encoding="utf-8")
    print(f"{len(held):,} characters; not in the source: {missing}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
