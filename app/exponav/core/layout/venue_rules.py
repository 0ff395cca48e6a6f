"""What the venue rules find over the venue as a whole: connector ends off their levels
or away from their drawn points, booth codes and feature ids given twice, a venue without
an entrance, and what the show's booth assignments break.

:class:`VenueRules` reads the state the per-level rules keep
(:class:`~exponav.core.layout.level_rules.LevelRules`);
:class:`~exponav.core.layout.checks.Checker` is built on both.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from shapely.geometry import Point

from exponav.core.layout.level_rules import EDGE_TOL, Key, LevelState, spot_of
from exponav.core.layout.rules import Rules, Violation, Words, violation, words
from exponav.core.model import Booth, Connector, ShowData, Venue

__all__ = ["VenueRules", "show_violations"]

MISMATCH_M = 0.5  # a connector's plan point and its venue.json end may differ this much


class VenueRules:
    """The rules over the venue as a whole. The subclass that uses them keeps the venue,
    its rules, its levels' state and whether it has an entrance."""

    venue: Venue
    rules: Rules
    levels: dict[str, LevelState]
    has_entrance: bool

    def _connector_rules(self, connectors: Iterable[Connector]) -> dict[Key, list[Violation]]:
        out: dict[Key, list[Violation]] = defaultdict(list)
        for c in connectors:
            what = words("connector").named(c.id)
            for e in c.ends:
                plan = self.venue.plans.get(e.level)
                if plan is None:
                    continue
                p = Point(e.x, e.y)
                if plan.footprint.distance(p) > EDGE_TOL:
                    out[("connector", c.id)].append(violation(
                        self.rules, "connector.off_level", e.level, (c.id,), (e.x, e.y),
                        subject=e.level, what=what, x=e.x, y=e.y))
                drawn = plan.connector_points.get(c.id)
                if drawn is not None and drawn.distance(p) > MISMATCH_M:
                    out[("connector", c.id)].append(violation(
                        self.rules, "connector.mismatch", e.level, (c.id,), (drawn.x, drawn.y),
                        subject=e.level, what=what, distance=drawn.distance(p)))
        return dict(out)

    def _booth_code_rules(self, codes: Iterable[str] | None = None
                          ) -> dict[Key, list[Violation]]:
        """A booth code that more than one booth has, among ``codes`` (None: every code);
        the levels' indexes of codes are up to date."""
        out: dict[Key, list[Violation]] = {}
        seen: dict[str, list[Booth]] = defaultdict(list)
        if codes is None:
            for plan in self.venue.plans.values():
                for b in plan.booths:
                    seen[b.code].append(b)
        else:
            for code in codes:
                seen[code] = [L.booths[i] for L in self.levels.values()
                              for i in L.index.get(code, ())]
        for code, found in seen.items():
            if len(found) > 1:
                out[("codes", "booth", code)] = [violation(
                    self.rules, "code.duplicate", found[0].level, (code,),
                    spot_of(found[0].polygon), what=words("booth_code").named(code),
                    n=len(found))]
        return out

    def _venue_rules(self) -> dict[Key, list[Violation]]:
        if not self.has_entrance:
            return {("venue",): [violation(self.rules, "venue.no_entrance", None, (), None)]}
        return {}

    def _code_rules(self) -> dict[Key, list[Violation]]:
        out = self._booth_code_rules()
        rules = self.rules
        ids: Counter[str] = Counter()
        first: dict[str, tuple[str, tuple[float, float]]] = {}
        for lv, plan in self.venue.plans.items():
            for kind in (plan.amenities, plan.kiosks, plan.openings):
                for f in kind:
                    ids[f.id] += 1
                    geom = getattr(f, "point", None) or f.line
                    first.setdefault(f.id, (lv, spot_of(geom)))
        for fid, n in ids.items():
            if n > 1:
                lv, xy = first[fid]
                out[("codes", "id", fid)] = [violation(
                    rules, "code.duplicate", lv, (fid,), xy, what=words("id").named(fid), n=n)]
        out.update(self._venue_rules())
        return out


def show_violations(venue: Venue, show: ShowData, rules: Rules) -> list[Violation]:
    """What the show's booth assignments break: a booth no plan has, a booth given twice."""
    where = {b.code: b for b in venue.booths()}
    out: list[Violation] = []
    given: dict[str, str] = {}
    for ex in show.exhibitors.values():
        for code in ex.booths:
            b = where.get(code)
            if b is None:
                out.append(violation(rules, "show.unknown_booth", None, (code,), None,
                                     subject=ex.id, what=Words(
                                         f"{ex.id} ({ex.name})",
                                         f"{ex.id}（{ex.name_zh or ex.name}）",
                                         f"{ex.id} ({ex.name})")))
            elif code in given and given[code] != ex.id:
                out.append(violation(rules, "show.shared_booth", b.level, (code,),
                                     spot_of(b.polygon), subject=ex.id, what=given[code],
                                     other=ex.id))
            given.setdefault(code, ex.id)
    return out
