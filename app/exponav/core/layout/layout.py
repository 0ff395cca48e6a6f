"""The one owner of an editable venue: the plans of every level, the show's booth
assignments and sales status, the venue rules, and the events that tell the rest.

>>> from exponav.core.layout.changes import SplitBooth
>>> layout = Layout.load()                   # the embedded venue and show
>>> layout.status("S1024").status in ("available", "sold")
True
>>> heard = []
>>> _ = layout.changed.connect(heard.append)
>>> edit = layout.apply(SplitBooth("Q0913"))
>>> sorted(heard[0].codes)
['Q0913', 'Q0913a', 'Q0913b']
>>> _ = layout.apply(edit.inverse())
>>> layout.has_booth("Q0913a")
False

Every change goes through :meth:`Layout.apply`: it becomes an exact
:class:`~exponav.core.layout.edit.Edit`, is checked against the layout as it is, lands
whole or not at all, keeps the venue rules' violations up to date (only what it can
affect is checked again) and emits one :class:`~exponav.core.events.LayoutChanged`.
Plans are never changed in place: a level that changes gets a new
:class:`~exponav.core.model.LevelPlan` in ``venue.plans``, so whoever holds the old one
(a route being computed on another thread) keeps a consistent plan.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exponav.core import paths
from exponav.core.errors import DataError
from exponav.core.events import Emitter, LayoutChanged
from exponav.core.io.floorplan import load_venue
from exponav.core.io.showcsv import load_show
from exponav.core.layout.changes import Change, ChangeError
from exponav.core.layout.edit import BoothStatus, Edit
from exponav.core.layout.prices import PriceTable, Quote, SideCounts, read_prices
from exponav.core.layout.rules import Rules, Violation
from exponav.core.layout.showfiles import read_statuses
from exponav.core.model import Booth, Exhibitor, Session, ShowData, Venue
from exponav.core.model.codes import canonical_code

if TYPE_CHECKING:  # the checker pulls in the router's geometry: loaded at first use
    from exponav.core.layout.checks import Checker

__all__ = ["Layout", "read_rules"]


def read_rules(venue_dir: Path) -> Rules:
    """The rules in ``venue_dir/venue.json`` (the defaults where it says nothing)."""
    path = venue_dir / "venue.json"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise DataError(f"{path}: cannot be read as JSON ({e}).") from None
    return Rules.from_json(doc.get("rules") if isinstance(doc, dict) else None, str(path))


class Layout:
    """An editable venue and show. ``venue`` and ``show`` are the live objects: a
    Navigator that follows the layout answers from them."""

    def __init__(self, venue: Venue, show: ShowData, rules: Rules | None = None,
                 statuses: dict[str, BoothStatus] | None = None, *,
                 venue_dir: Path | None = None, show_dir: Path | None = None,
                 prices: PriceTable | None = None) -> None:
        self.venue = venue
        self.show = show
        self.rules = rules or Rules()
        self.statuses: dict[str, BoothStatus] = dict(statuses or {})
        #: the show's price table (prices.json), None when it has none
        self.prices = prices
        self._sides = SideCounts()
        self.venue_dir = venue_dir
        self.show_dir = show_dir
        #: One LayoutChanged per change applied (see core/events.py).
        self.changed: Emitter[LayoutChanged] = Emitter()
        #: The edits applied since the layout was loaded or last saved.
        self.history: list[Edit] = []
        self._checker: Checker | None = None
        self._where: dict[str, str] = {}
        for lv, plan in venue.plans.items():
            for b in plan.booths:
                if b.code in self._where:
                    raise DataError(f"floor plans: booth code {b.code} is used more than once "
                                    f"({self._where[b.code]} and {lv}); a layout needs unique "
                                    "codes (exponav validate lists them).")
                self._where[b.code] = lv
        self._owners: dict[str, Exhibitor] = {}
        self._index_owners()
        self._mark_saved()
        for code in self.statuses:
            if code not in self._where:
                raise DataError(f"booth status: booth {code} is not on any floor plan.")

    # -- opening

    @classmethod
    def load(cls, venue_dir: Path | str | None = None,
             show_dir: Path | str | None = None) -> Layout:
        """The layout in a venue folder and a show folder (the embedded ones by default),
        after finishing any save that was interrupted there."""
        from exponav.core.layout.saving import recover

        vdir = Path(venue_dir) if venue_dir is not None else paths.venue_dir()
        sdir = Path(show_dir) if show_dir is not None else paths.show_dir()
        for folder, what in ((vdir, "venue"), (sdir, "show")):
            if not folder.is_dir():
                raise DataError(f"{folder}: there is no {what} folder here.")
        recover(vdir, sdir)
        venue = load_venue(vdir)
        show = load_show(sdir)
        layout = cls(venue, show, read_rules(vdir), read_statuses(sdir), venue_dir=vdir,
                     show_dir=sdir, prices=read_prices(sdir))
        for ex in show.exhibitors.values():
            for code in ex.booths:
                if code not in layout._where:
                    raise DataError(f"{sdir / 'exhibitors.csv'}: exhibitor {ex.id} is given "
                                    f"booth {code}, which is not on any floor plan.")
        return layout

    # -- reading

    def code(self, text: str) -> str:
        """The canonical spelling of a booth code; ChangeError when it is not one."""
        code = canonical_code(str(text))
        if code is None:
            raise ChangeError(f"{text!r} is not a booth code (an area letter, 3-4 digits and "
                              "an optional a/b).")
        return code

    def has_booth(self, code: str) -> bool:
        return code in self._where

    def find(self, code: str) -> tuple[str, int, Booth]:
        """(level, index in the level's booths, booth) of a booth; ChangeError if unknown."""
        code = self.code(code)
        level = self._where.get(code)
        if level is None:
            close = difflib.get_close_matches(code, list(self._where), n=3, cutoff=0.6)
            hint = f"; did you mean {', '.join(close)}?" if close else "."
            raise ChangeError(f"there is no booth {code}{hint}")
        booths = self.venue.plans[level].booths
        for i, b in enumerate(booths):
            if b.code == code:
                return level, i, b
        raise AssertionError(code)  # pragma: no cover - _where follows the plans

    def booth(self, code: str) -> Booth:
        return self.find(code)[2]

    def booths(self) -> list[Booth]:
        return self.venue.booths()

    def find_feature(self, kind: str, fid: str) -> tuple[str, int, Any]:
        """(level, index, feature) of an amenity, kiosk or zone by id."""
        attr = {"amenity": "amenities", "kiosk": "kiosks", "zone": "zones"}[kind]
        for lv, plan in self.venue.plans.items():
            for i, f in enumerate(getattr(plan, attr)):
                if f.id == fid:
                    return lv, i, f
        known = [f.id for p in self.venue.plans.values() for f in getattr(p, attr)]
        close = difflib.get_close_matches(str(fid), known, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else "."
        raise ChangeError(f"there is no {kind} {fid!r}{hint}")

    def level_for_code(self, code: str) -> str:
        """The level a new booth code belongs on: the one whose area letters (venue rules,
        else the codes already there) hold its letter."""
        letter = code[0]
        levels = [lv for lv, letters in self.rules.areas.items() if letter in letters]
        if not levels:
            levels = sorted({b.level for b in self.venue.booths() if b.code[0] == letter})
        if len(levels) != 1:
            raise ChangeError(f"add {code}: say which level it is on (\"level\": one of "
                              f"{', '.join(self.venue.levels)}).")
        return levels[0]

    def owner(self, code: str) -> Exhibitor | None:
        return self._owners.get(code)

    def explicit_status(self, code: str) -> BoothStatus | None:
        return self.statuses.get(code)

    def status(self, code: str) -> BoothStatus:
        """The booth's sales status: as set, else sold when assigned and available if not."""
        found = self.statuses.get(code)
        if found is not None:
            return found
        return BoothStatus("sold" if code in self._owners else "available")

    def open_sides(self, level: str) -> dict[str, int]:
        """code -> how many sides of the booth face free floor, for a level's booths."""
        return self._sides.of(self.venue.plans[level])

    def quote(self, code: str) -> Quote | None:
        """The booth's price: the one set in booth_status.csv, else the price table's
        for its area and open sides; None when there is neither."""
        level, _i, b = self.find(code)
        return self._quote(b, self.open_sides(level)[b.code])

    def quotes(self, level: str | None = None) -> dict[str, Quote]:
        """The price of every booth that has one, on ``level`` (None: every level)."""
        out: dict[str, Quote] = {}
        for lv, plan in self.venue.plans.items():
            if level is not None and lv != level:
                continue
            sides = self.open_sides(lv)
            for b in plan.booths:
                q = self._quote(b, sides[b.code])
                if q is not None:
                    out[b.code] = q
        return out

    def _quote(self, b: Booth, sides: int) -> Quote | None:
        set_price = self.statuses.get(b.code)
        table = self.prices
        if set_price is not None and set_price.price is not None:
            q = table.quote(b.polygon.area, sides) if table is not None else None
            return Quote(round(b.polygon.area, 2), q.rate if q else 0.0, q.kind if q else "",
                         sides, q.surcharge if q else 0.0, float(set_price.price), True)
        return table.quote(b.polygon.area, sides) if table is not None else None

    def sessions_at(self, code: str) -> list[Session]:
        return [s for s in self.show.sessions if s.place == code]

    # -- the rules

    @property
    def checker(self) -> Checker:
        """The venue rules' checker (built at first use, then kept up to date)."""
        if self._checker is None:
            from exponav.core.layout.checks import Checker

            self._checker = Checker(self.venue, self.rules)
        return self._checker

    @property
    def violations(self) -> list[Violation]:
        return self.checker.violations

    # -- changing

    def apply(self, change: Change | Edit) -> Edit:
        """Check ``change`` and apply it whole; returns the edit (``inverse()`` undoes it).
        Raises ChangeError, with nothing changed, when it cannot be made."""
        edit = change.edit(self)
        self._commit(edit)
        self._after(edit)
        return edit

    def apply_all(self, changes: Sequence[Change | Edit]) -> Edit:
        """Apply changes in order, all or nothing, as one edit (one event). A change that
        cannot be made raises ChangeError naming it by its index (from 0) and undoes the
        ones before it."""
        applied: list[Edit] = []
        try:
            for i, change in enumerate(changes):
                try:
                    edit = change.edit(self)
                    self._commit(edit)
                except ChangeError as e:
                    raise ChangeError(f"change {i} ({change.label}): {e}") from None
                applied.append(edit)
        except BaseException:
            for edit in reversed(applied):
                self._commit(edit.inverse())
            raise
        combined = Edit(tuple(s for e in applied for s in e.slots), tuple(changes))
        self._after(combined)
        return combined

    def undo(self, edit: Edit) -> Edit:
        """Undo an edit returned by :meth:`apply` (it must be the latest to still fit)."""
        return self.apply(edit.inverse())

    def _after(self, edit: Edit) -> None:
        if not edit.slots:
            return
        self.history.append(edit)
        if self._checker is not None:
            self._check(edit)
        self.changed.emit(LayoutChanged(edit, edit.levels, edit.codes, edit.text,
                                        edit.connectors))

    def _check(self, edit: Edit) -> None:
        from exponav.core.layout.checks import BoothChange, PointChange

        booths, points, connectors = [], [], []
        for s in edit.slots:
            if s.kind == "booth":
                booths.append(BoothChange(s.before, s.after))
            elif s.kind in ("amenity", "kiosk"):
                points.append(PointChange(s.level, s.before.point, s.after.point))
            elif s.kind == "connector_point":
                points.append(PointChange(s.level, s.before, s.after))
            elif s.kind == "connector":
                connectors.append((s.before, s.after))
        assert self._checker is not None
        self._checker.update(booths, points, connectors)

    def _commit(self, edit: Edit) -> None:
        """Apply every slot of ``edit`` or none: each must still hold its value before."""
        plans: dict[str, dict[str, Any]] = {}
        connectors: list[Any] | None = None
        exhibitors: dict[str, Exhibitor] = {}
        statuses: dict[str, BoothStatus | None] = {}

        def lists(level: str) -> dict[str, Any]:
            if level not in self.venue.plans:
                raise ChangeError(f"there is no level {level!r}.")
            if level not in plans:
                p = self.venue.plans[level]
                plans[level] = {"booths": list(p.booths), "amenities": list(p.amenities),
                                "kiosks": list(p.kiosks), "zones": list(p.zones),
                                "connector_points": dict(p.connector_points)}
            return plans[level]

        def stale() -> ChangeError:
            return ChangeError("the change no longer fits the layout (it was made for another "
                               "state of it).")

        for s in edit.slots:
            if s.kind in ("booth", "amenity", "kiosk", "zone"):
                seq = lists(s.level)["booths" if s.kind == "booth" else
                                     {"amenity": "amenities", "kiosk": "kiosks",
                                      "zone": "zones"}[s.kind]]
                if s.before is None:
                    if s.kind != "booth" or not 0 <= s.key <= len(seq):
                        raise stale()
                    seq.insert(s.key, s.after)
                elif not (0 <= s.key < len(seq)) or not _same(seq[s.key], s.before):
                    raise stale()
                elif s.after is None:
                    if s.kind != "booth":
                        raise stale()
                    del seq[s.key]
                else:
                    seq[s.key] = s.after
            elif s.kind == "connector_point":
                points = lists(s.level)["connector_points"]
                if not _same(points.get(s.key), s.before):
                    raise stale()
                if s.after is None:
                    points.pop(s.key, None)
                else:
                    points[s.key] = s.after
            elif s.kind == "connector":
                if connectors is None:
                    connectors = list(self.venue.connectors)
                if not (0 <= s.key < len(connectors)) or not _same(connectors[s.key], s.before):
                    raise stale()
                connectors[s.key] = s.after
            elif s.kind == "exhibitor":
                current = exhibitors.get(s.key, self.show.exhibitors.get(s.key))
                if not _same(current, s.before) or s.after is None:
                    raise stale()
                exhibitors[s.key] = s.after
            elif s.kind == "status":
                current = statuses[s.key] if s.key in statuses else self.statuses.get(s.key)
                if not _same(current, s.before):
                    raise stale()
                statuses[s.key] = s.after
            else:
                raise stale()
        codes: dict[str, str] = {}
        gone: set[str] = set()
        for level, new in plans.items():
            seen = [b.code for b in new["booths"]]
            if len(seen) != len(set(seen)):
                raise ChangeError("the change would use a booth code twice on "
                                  f"{level}.")
            codes.update({c: level for c in seen})
            gone.update(b.code for b in self.venue.plans[level].booths)
        for c, lv in codes.items():
            other = self._where.get(c)
            if other is not None and other != lv and other not in plans:
                raise ChangeError(f"the change would use booth code {c} on {lv} and on "
                                  f"{other}.")
        # everything fits: now change the layout, level by level
        for level, new in plans.items():
            self.venue.plans[level] = replace(self.venue.plans[level], **new)
        if connectors is not None:
            self.venue.connectors = connectors
        self.show.exhibitors.update(exhibitors)
        for code, st in statuses.items():
            if st is None:
                self.statuses.pop(code, None)
            else:
                self.statuses[code] = st
        for c in gone - codes.keys():
            del self._where[c]
        self._where.update(codes)
        if exhibitors:
            self._index_owners()

    def _index_owners(self) -> None:
        self._owners = {code: ex for ex in self.show.exhibitors.values() for code in ex.booths}

    # -- saving

    def save(self, venue_dir: Path | str | None = None,
             show_dir: Path | str | None = None) -> list[Path]:
        """Write the layout back to its folders (or others holding the same files): each
        level's GeoJSON with unchanged features byte for byte, venue.json when connectors
        moved, the show's exhibitors.csv and booth_status.csv; every file or none, even
        when the process is killed. Returns the files written."""
        from exponav.core.layout.saving import save_layout

        vdir = Path(venue_dir) if venue_dir is not None else self.venue_dir
        sdir = Path(show_dir) if show_dir is not None else self.show_dir
        if vdir is None or sdir is None:
            raise DataError("this layout was not loaded from folders; say where to save it.")
        own = (vdir, sdir) == (self.venue_dir, self.show_dir)
        written = save_layout(self, vdir, sdir, self._saved if own else None)
        if own:
            self._mark_saved()
        self.history.clear()
        return written

    def rebase(self, venue_dir: Path, show_dir: Path) -> None:
        """Make these the layout's own folders, with nothing known of what they hold:
        the next save compares every file (a layout restored from a copy elsewhere)."""
        self.venue_dir, self.show_dir = Path(venue_dir), Path(show_dir)
        self._saved = {"plans": {}, "connectors": None, "exhibitors": {}}

    def _mark_saved(self) -> None:
        """What the files in the layout's own folders hold: plans are replaced, never
        changed in place, so an object that is still the same needs no writing."""
        self._saved = {"plans": dict(self.venue.plans), "connectors": self.venue.connectors,
                       "exhibitors": dict(self.show.exhibitors)}


def _same(a: Any, b: Any) -> bool:
    if a is b:
        return True
    if a is None or b is None:
        return False
    return bool(a == b)
