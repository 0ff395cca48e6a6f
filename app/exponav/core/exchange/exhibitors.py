"""Importing an exhibitor list: a sheet's rows become the show's exhibitors and their
booths, through the :class:`~exponav.core.layout.Layout`, all or nothing.

The sheet is the whole list: an exhibitor of the show it does not name is removed, one it
names is matched by id (an ``id`` column) or else by name, and any other is new. Columns
are found by their headers in English or Chinese (:data:`ALIASES`) or by an explicit map;
a column the sheet lacks keeps what the show had. Every bad row is named by its number
with what is wrong, and then nothing is imported.

>>> from exponav.core.exchange.sheets import parse_text
>>> from exponav.core.layout import Layout
>>> layout = Layout.load()
>>> sheet = parse_text("名稱,攤位,國家\\n中華電信,q-311; Q319,Taiwan\\n", "list.csv")
>>> plan = plan_import(layout, sheet)
>>> plan.exhibitors["EX0001"].booths, len(plan.removed) > 0
(('Q0311', 'Q0319'), True)
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, ClassVar

from exponav.core.errors import DataError
from exponav.core.exchange.sheets import Row, Sheet
from exponav.core.io.atomic import write_bytes
from exponav.core.layout import Assign, Change, ChangeError, Edit, Layout, Slot, Unassign
from exponav.core.layout.showfiles import EXHIBITORS_FILE
from exponav.core.layout.venue_rules import show_violations
from exponav.core.model import Exhibitor
from exponav.core.model.codes import canonical_code

__all__ = ["ALIASES", "FIELDS", "Applied", "ImportPlan", "PutExhibitor", "apply_import",
           "changes_of", "columns", "parse_map", "plan_import", "render_csv", "write_import"]

#: The fields a column can fill, and the headers that name them (compared folded: case,
#: spaces, dashes and underscores do not matter).
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "exhibitor id", "編號", "廠商編號", "代號"),
    "name": ("name", "company", "company name", "exhibitor", "exhibitor name", "名稱",
             "廠商", "廠商名稱", "公司", "公司名稱", "展商", "參展商"),
    "name_en": ("name_en", "name (en)", "english name", "company name (en)", "英文名稱",
                "英文公司名稱", "公司英文名稱"),
    "name_zh": ("name_zh", "name (zh)", "chinese name", "中文名稱", "中文公司名稱",
                "公司中文名稱"),
    "booths": ("booth", "booths", "booth no", "booth number", "stand", "stand no", "攤位",
               "攤位號碼", "攤號", "攤位編號"),
    "country": ("country", "region", "country/region", "國家", "國別", "國家/地區",
                "國家地區"),
    "categories": ("category", "categories", "類別", "分類", "產品類別", "展品類別"),
    "website": ("website", "web", "url", "web site", "網站", "網址", "官網"),
    "description": ("description", "profile", "簡介", "介紹", "公司簡介"),
    "description_en": ("description_en", "description (en)", "english description",
                       "英文簡介"),
    "description_zh": ("description_zh", "description (zh)", "chinese description",
                       "中文簡介"),
}
FIELDS = tuple(ALIASES)

_SPLIT = re.compile(r"[;,/、，；\n|]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_COLUMNS = ["id", "name_en", "name_zh", "country", "categories", "booths", "description_en",
            "description_zh", "website", "demo"]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    return re.sub(r"[\s_\-.:：]+", " ", text).strip()


_BY_HEADER = {_fold(a): f for f, names in ALIASES.items() for a in names}


def parse_map(items: Sequence[str]) -> dict[str, str]:
    """``COLUMN=FIELD`` arguments as {column: field}; DataError for a bad one."""
    out: dict[str, str] = {}
    for item in items:
        column, sep, target = item.partition("=")
        if not sep or not column.strip() or target.strip() not in FIELDS:
            raise DataError(f"--map {item!r}: expected COLUMN=FIELD with FIELD one of "
                            f"{', '.join(FIELDS)}.")
        out[column.strip()] = target.strip()
    return out


def columns(sheet: Sheet, mapping: Mapping[str, str] | None = None
            ) -> tuple[dict[str, int], list[dict[str, str]]]:
    """({field: column index}, the columns left unread with why)."""
    mapping = dict(mapping or {})
    by_fold = {_fold(h): i for i, h in enumerate(sheet.headers)}
    found: dict[str, int] = {}
    for column, target in mapping.items():
        i = by_fold.get(_fold(column))
        if i is None:
            raise DataError(f"--map {column}={target}: {sheet.path} has no column {column!r} "
                            f"(its columns: {', '.join(h for h in sheet.headers if h)}).")
        found[target] = i
    mapped = set(found.values())
    skipped: list[dict[str, str]] = []
    for i, header in enumerate(sheet.headers):
        if i in mapped:
            continue
        target = _BY_HEADER.get(_fold(header))
        if target is None or target in found:
            why = (f"not a known field; --map {header}=FIELD reads it" if target is None
                   else f"a second column for {target}")
            if header:
                skipped.append({"what": f"column {header!r}", "why": why})
            continue
        found[target] = i
    if not {"name", "name_en", "name_zh"} & found.keys():
        raise DataError(f"{sheet.path}: no column gives the exhibitor's name (its columns: "
                        f"{', '.join(h for h in sheet.headers if h)}); name one with --map "
                        "COLUMN=name.")
    return found, skipped


@dataclass
class ImportPlan:
    """What an import would do: the show's exhibitors after it, and what changed."""

    exhibitors: dict[str, Exhibitor]  # in the order they are written
    new: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)  # id -> fields changed
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    rows: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"rows": self.rows, "exhibitors": len(self.exhibitors), "new": len(self.new),
                "changed": len(self.changed), "removed": len(self.removed),
                "unchanged": self.unchanged,
                "booths": sum(len(e.booths) for e in self.exhibitors.values())}


def _cells(row: Row, cols: Mapping[str, int]) -> dict[str, str]:
    return {f: (row.cells[i].strip() if i < len(row.cells) else "") for f, i in cols.items()}


def _category_ids(layout: Layout) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in layout.show.categories.values():
        for key in (c.id, c.name, c.name_zh):
            if key:
                out.setdefault(_fold(key), c.id)
    return out


def _next_ids(existing: Sequence[str]):  # type: ignore[no-untyped-def]
    nums = [int(m.group(1)) for i in existing if (m := re.fullmatch(r"EX(\d+)", i))]
    n = max(nums, default=0)
    taken = set(existing)
    while True:
        n += 1
        ident = f"EX{n:04d}"
        if ident not in taken:
            yield ident


def plan_import(layout: Layout, sheet: Sheet, mapping: Mapping[str, str] | None = None,
                *, keep_missing: bool = False) -> ImportPlan:
    """Work out the import of ``sheet`` into ``layout``'s show; DataError naming every bad
    row when any is bad. Nothing is changed."""
    cols, skipped = columns(sheet, mapping)
    show = layout.show
    old = show.exhibitors
    by_name: dict[str, str] = {}
    for ex in old.values():
        for n in (ex.name, ex.name_zh):
            if n:
                by_name.setdefault(_fold(n), ex.id)
    cats = _category_ids(layout)
    fresh = _next_ids(list(old))
    problems: list[str] = []
    seen: dict[str, int] = {}  # exhibitor id -> row
    holder: dict[str, tuple[int, str]] = {}  # booth -> (row, exhibitor id)
    result: dict[str, Exhibitor] = {}
    plan = ImportPlan({}, skipped=skipped)
    for row in sheet.rows:
        plan.rows += 1
        v = _cells(row, cols)
        bad: list[str] = []
        name = v.get("name", "")
        name_en, name_zh = v.get("name_en", ""), v.get("name_zh", "")
        if name and _CJK.search(name):
            name_zh = name_zh or name
        elif name:
            name_en = name_en or name
        if not (name_en or name_zh):
            problems.append(f"row {row.number}: the exhibitor has no name.")
            continue
        ident = v.get("id", "")
        if ident and not re.fullmatch(r"[\w.\-]+", ident):
            bad.append(f"the id {ident!r} may hold only letters, digits, '.', '-' and '_'")
        if not ident:
            ident = by_name.get(_fold(name_en), "") or by_name.get(_fold(name_zh), "")
        prior = old.get(ident) if ident else None
        if prior is not None:  # a name the sheet leaves out stays as it was
            name_en = name_en or (prior.name if prior.name != prior.name_zh else "")
            name_zh = name_zh or prior.name_zh
        if ident and ident in seen:
            bad.append(f"exhibitor {ident} ({name_en or name_zh}) is already on row "
                       f"{seen[ident]}")
        booths: list[str] = []
        if "booths" in cols:
            for raw in (p.strip() for p in _SPLIT.split(v["booths"]) if p.strip()):
                code = canonical_code(raw)
                if code is None:
                    bad.append(f"{raw!r} is not a booth code (an area letter, 3-4 digits and "
                               "an optional a/b)")
                elif not layout.has_booth(code):
                    close = difflib.get_close_matches(
                        code, [b.code for b in layout.booths()], n=3, cutoff=0.6)
                    hint = f"; did you mean {', '.join(close)}?" if close else ""
                    bad.append(f"there is no booth {code} on the floor plans{hint}")
                elif code in holder and holder[code][0] != row.number:
                    bad.append(f"booth {code} is already given on row {holder[code][0]}")
                elif layout.status(code).status == "blocked" and (
                        layout.owner(code) is None or layout.owner(code).id != ident):
                    bad.append(f"booth {code} is blocked")
                elif code not in booths:
                    booths.append(code)
        elif prior is not None:
            booths = list(prior.booths)
        categories: list[str] = []
        if "categories" in cols:
            for raw in (p.strip() for p in _SPLIT.split(v["categories"]) if p.strip()):
                cid = cats.get(_fold(raw))
                if cid is None:
                    close = difflib.get_close_matches(raw, list(show.categories), n=3,
                                                      cutoff=0.5)
                    hint = f"; did you mean {', '.join(close)}?" if close else ""
                    bad.append(f"{raw!r} is not a category of the show{hint}")
                elif cid not in categories:
                    categories.append(cid)
        elif prior is not None:
            categories = list(prior.categories)
        if bad:
            problems.append(f"row {row.number}: " + "; ".join(bad) + ".")
            continue
        if not ident:
            ident = next(fresh)
        seen[ident] = row.number
        for code in booths:
            holder[code] = (row.number, ident)
        desc = v.get("description", "")
        desc_en, desc_zh = v.get("description_en", ""), v.get("description_zh", "")
        if desc and _CJK.search(desc):
            desc_zh = desc_zh or desc
        elif desc:
            desc_en = desc_en or desc

        def pick(key: str, value: str, given: bool, prior: Exhibitor | None = prior) -> str:
            if given or prior is None:
                return value
            return str(getattr(prior, key))

        has = cols.keys()
        ex = Exhibitor(
            id=ident,
            name=name_en or name_zh,
            name_zh=name_zh,
            country=pick("country", v.get("country", ""), "country" in has),
            categories=tuple(categories), booths=tuple(booths),
            description=pick("description", desc_en,
                             bool({"description", "description_en"} & has)),
            description_zh=pick("description_zh", desc_zh,
                                bool({"description", "description_zh"} & has)),
            website=pick("website", v.get("website", ""), "website" in has),
            demo=prior.demo if prior is not None else False)  # a sheet's new rows are real
        result[ident] = ex
    if problems:
        raise DataError(f"{sheet.path}: {len(problems)} bad row(s); nothing was imported.\n  "
                        + "\n  ".join(problems))
    if keep_missing:
        for ident, ex in old.items():
            if ident not in result:
                taken = [c for c in ex.booths if c in holder]
                if taken:
                    row = holder[taken[0]][0]
                    raise DataError(f"{sheet.path}, row {row}: booth {taken[0]} is held by "
                                    f"{ident} ({ex.name}), whom the sheet does not name; "
                                    "nothing was imported.")
                result[ident] = ex
    # the order written: the show's own order, then the new ones as the sheet has them
    ordered = {i: result[i] for i in old if i in result}
    ordered.update({i: e for i, e in result.items() if i not in ordered})
    plan.exhibitors = ordered
    compare = [f.name for f in fields(Exhibitor)]
    for ident, ex in ordered.items():
        prior = old.get(ident)
        if prior is None:
            plan.new.append(ident)
            continue
        diff = [f for f in compare if getattr(prior, f) != getattr(ex, f)]
        if diff:
            plan.changed[ident] = diff
        else:
            plan.unchanged += 1
    plan.removed = [i for i in old if i not in ordered]
    gone = set(plan.removed)
    for s in show.sessions:
        if s.exhibitor in gone:
            plan.warnings.append(f"session {s.id} ({s.title}) names exhibitor {s.exhibitor}, "
                                 "whom the sheet removes.")
    return plan


@dataclass(frozen=True)
class PutExhibitor(Change):
    """Set an exhibitor's record (name, country, ...) as ``exhibitor`` has it, keeping the
    booths it holds now (Assign and Unassign change those); a new id adds it."""

    exhibitor: Exhibitor
    op: ClassVar[str] = "put exhibitor"

    @property
    def label(self) -> str:
        return f"{self.op} {self.exhibitor.id}"

    def edit(self, layout: Layout) -> Edit:
        current = layout.show.exhibitors.get(self.exhibitor.id)
        held = set(current.booths) if current is not None else set()
        booths = [c for c in self.exhibitor.booths if c in held]
        booths += [c for c in (current.booths if current is not None else ()) if c not in booths]
        new = replace(self.exhibitor, booths=tuple(booths))
        if new == current:
            return Edit((), self)
        return Edit((Slot("exhibitor", None, new.id, current, new),), self)


@dataclass
class Applied:
    """An import made in the layout (in memory): the edit, and the error-level
    violations of the show it adds."""

    plan: ImportPlan
    edit: Edit
    added: list[Any]
    violations: list[Any]


def changes_of(plan: ImportPlan, layout: Layout) -> list[Change]:
    """The plan as layout changes: booths taken away, records set (new exhibitors added),
    booths given."""
    old = layout.show.exhibitors
    out: list[Change] = []
    for ident, prior in old.items():
        keep = set(plan.exhibitors[ident].booths) if ident in plan.exhibitors else set()
        out += [Unassign(c) for c in prior.booths if c not in keep]
    out += [PutExhibitor(ex) for ex in plan.exhibitors.values()]
    for ident, ex in plan.exhibitors.items():
        had = set(old[ident].booths) if ident in old else set()
        out += [Assign(c, ident) for c in ex.booths if c not in had]
    out += [PutExhibitor(ex) for i, ex in plan.exhibitors.items()  # the sheet's booth order
            if ex.booths and (i not in old or list(ex.booths) != list(old[i].booths))]
    return out


def apply_import(layout: Layout, plan: ImportPlan) -> Applied:
    """Make the plan in the layout: its changes checked and applied all or nothing (one
    edit), then the show's rules checked."""
    before = _error_keys(layout)
    try:
        edit = layout.apply_all(changes_of(plan, layout))
    except ChangeError as e:
        raise DataError(f"the import cannot be made: {e}") from None
    found = show_violations(layout.venue, layout.show, layout.rules)
    counted: dict[Any, int] = {}
    added = []
    for v in found:
        if v.severity == "error":
            counted[v.key] = counted.get(v.key, 0) + 1
            if counted[v.key] > before.get(v.key, 0):
                added.append(v)
    return Applied(plan, edit, added, found)


def _error_keys(layout: Layout) -> dict[Any, int]:
    out: dict[Any, int] = {}
    for v in show_violations(layout.venue, layout.show, layout.rules):
        if v.severity == "error":
            out[v.key] = out.get(v.key, 0) + 1
    return out


def render_csv(exhibitors: Mapping[str, Exhibitor], current: str) -> str:
    """exhibitors.csv for these exhibitors: the file's own columns (and the values of
    columns ExpoNav does not know, for exhibitors it already had), one row each."""
    bom = "\ufeff" if current.startswith("\ufeff") else ""
    rows = list(csv.DictReader(io.StringIO(current.lstrip("\ufeff"), newline="")))
    header = list(rows[0].keys()) if rows else []
    if not header:
        reader = csv.reader(io.StringIO(current.lstrip("\ufeff"), newline=""))
        header = next(reader, [])
    header = [h for h in header if h] or list(_COLUMNS)
    header += [c for c in _COLUMNS if c not in header]
    extra = {r.get("id", ""): r for r in rows}
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for ex in exhibitors.values():
        row = {k: v for k, v in extra.get(ex.id, {}).items() if isinstance(k, str)}
        row.update({"id": ex.id, "name_en": ex.name if ex.name != ex.name_zh else "",
                    "name_zh": ex.name_zh, "country": ex.country,
                    "categories": ";".join(ex.categories), "booths": ";".join(ex.booths),
                    "description_en": ex.description, "description_zh": ex.description_zh,
                    "website": ex.website, "demo": "1" if ex.demo else "0"})
        w.writerow(row)
    return bom + buf.getvalue()


def write_import(layout: Layout, plan: ImportPlan) -> list[Path]:
    """Write the plan's exhibitors, as the layout holds them after :func:`apply_import`,
    to the show's exhibitors.csv, atomically; the files written (none when nothing
    changed)."""
    if layout.show_dir is None:
        raise DataError("this layout was not loaded from a show folder.")
    path = layout.show_dir / EXHIBITORS_FILE
    try:
        current = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise DataError(f"{path}: cannot be read ({e}).") from None
    text = render_csv({i: layout.show.exhibitors[i] for i in plan.exhibitors}, current)
    if text == current:
        return []
    write_bytes(path, text.encode("utf-8"), "exhibitor list")
    return [path]
