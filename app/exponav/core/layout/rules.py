"""Venue rules as data: what a layout must keep to, read from ``venue.json`` → ``rules``.

Every figure has a default (TAITRA exhibitor manuals and industry practice), so a venue
lists only what differs, plus what only it knows: its main aisles and the area letters
of each level. A venue without ``rules`` is checked with the defaults.

``venue.json`` → ``rules`` (every key optional)::

    {"aisle_min_m": 3.0,            aisles at least this wide ...
     "main_aisle_min_m": 5.0,       ... and main aisles this wide
     "main_aisles": {"H2-1F": [[[22.5, 7.5], [22.5, 118.5]]]},   centre lines per level
     "clearance_m": 5.0,            kept free of booths in front of what "kept_clear" names
     "landing_width_m": 3.0,        the width of that free space in front of a connector end
     "kept_clear": ["exit", "entrance", "hydrant", "escalator", "elevator", "stairs"],
     "max_depth_m": 15.0,           no point inside a booth farther from an aisle
     "point_clear_m": 0.8,          amenities, kiosks and connector ends keep this far off
     "aisle_sides": ["wall", "core", "stage", "escalator"],   obstacles that bound aisles
     "areas": {"H2-1F": ["Q"]},     the area letters each level's booth codes may use
     "severity": {"aisle.narrow": "warning"}}                 a rule made milder or stricter

Each :class:`Violation` names its rule, severity, level, the booth codes (or ids)
involved, a point to show, and one sentence in English and in Chinese. :data:`RULES`
lists every rule with its default severity.

>>> rules = Rules.from_json({"aisle_min_m": 2.5, "areas": {"H2-1F": ["Q"]}}, "venue.json")
>>> rules.aisle_min_m, rules.main_aisle_min_m, sorted(rules.areas["H2-1F"])
(2.5, 5.0, ['Q'])
>>> v = violation(rules, "booth.overlap", "H2-1F", ("Q0101", "Q0103"), (1.0, 2.0), area=1.5)
>>> v.message
'Booths Q0101 and Q0103 overlap by 1.5 m².'
>>> v.message_zh
'攤位Q0101與Q0103重疊1.5平方公尺。'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from shapely.geometry import LineString

from exponav.core.errors import DataError

__all__ = ["RULES", "Rules", "Violation", "violation"]

#: rule id -> (default severity, English sentence, Chinese sentence). Placeholders:
#: {a}, {b} booth codes, {what}/{what_zh} a feature in words, the figures by name.
RULES: dict[str, tuple[str, str, str]] = {
    "booth.overlap": ("error", "Booths {a} and {b} overlap by {area:.1f} m².",
                      "攤位{a}與{b}重疊{area:.1f}平方公尺。"),
    "booth.outside": ("error", "Booth {a} lies {area:.1f} m² outside the hall's outline.",
                      "攤位{a}有{area:.1f}平方公尺超出展場範圍。"),
    "booth.obstacle": ("error", "Booth {a} stands on {what} ({area:.1f} m²).",
                       "攤位{a}壓到{what_zh}（{area:.1f}平方公尺）。"),
    "aisle.narrow": ("error", "The aisle between booth {a} and {what} is {width:.2f} m wide; "
                              "the minimum is {min:g} m.",
                     "攤位{a}與{what_zh}之間的走道寬{width:.2f}公尺，最少需{min:g}公尺。"),
    "aisle.blocked": ("error", "Booth {a} stands in a main aisle.", "攤位{a}佔用主走道。"),
    "clearance.blocked": ("error", "Booth {a} stands in the {depth:g} m kept clear in front of "
                                   "{what}.",
                          "攤位{a}位於{what_zh}前方{depth:g}公尺的淨空範圍內。"),
    "booth.depth": ("error", "A point inside booth {a} is {depth:.1f} m from the nearest aisle; "
                             "at most {max:g} m is allowed.",
                    "攤位{a}內有一點距最近走道{depth:.1f}公尺，上限為{max:g}公尺。"),
    "booth.no_frontage": ("error", "Booth {a} has no side on an aisle.",
                          "攤位{a}沒有任何一面臨走道。"),
    "booth.unreachable": ("error", "Booth {a} cannot be reached on foot from any entrance.",
                          "攤位{a}無法從任何入口步行抵達。"),
    "point.in_booth": ("error", "{what} stands inside booth {a}.", "{what_zh}位於攤位{a}內。"),
    "point.off_walkable": ("error", "{what} is {distance:.1f} m from the walkable area; routes "
                                    "cannot start or end there.",
                           "{what_zh}距可步行區域{distance:.1f}公尺，路線無法由此出發或抵達。"),
    "point.unreachable": ("error", "{what} cannot be reached on foot from any entrance.",
                          "{what_zh}無法從任何入口步行抵達。"),
    "point.tight": ("warning", "{what} is {distance:.2f} m from a booth, obstacle or wall; keep "
                               "at least {min:g} m.",
                    "{what_zh}距攤位、障礙物或牆面僅{distance:.2f}公尺，應至少保持{min:g}公尺。"),
    "opening.off_edge": ("error", "{what} is {distance:.1f} m from the hall's outline; openings "
                                  "sit on its edge.",
                         "{what_zh}距展場外牆{distance:.1f}公尺，出入口應位於外牆上。"),
    "connector.off_level": ("error", "{what} has its end on {level} at {x:g}, {y:g}, outside "
                                     "that level.",
                            "{what_zh}在{level}的端點（{x:g}, {y:g}）位於樓層範圍外。"),
    "connector.mismatch": ("warning", "{what}: its point on {level} is {distance:.1f} m from its "
                                      "end in venue.json.",
                           "{what_zh}：{level}平面圖上的位置與venue.json中的端點相距"
                           "{distance:.1f}公尺。"),
    "code.scheme": ("error", "Booth code {a} does not follow the venue's scheme ({scheme}).",
                    "攤位編號{a}不符合場館的編號規則（{scheme_zh}）。"),
    "code.duplicate": ("error", "{what} is used {n} times.", "{what_zh}重複使用{n}次。"),
    "show.unknown_booth": ("error", "Exhibitor {what} is given booth {a}, which is not on any "
                                    "floor plan.",
                           "參展商{what_zh}被分配到攤位{a}，但平面圖上沒有這個攤位。"),
    "show.shared_booth": ("error", "Booth {a} is given to both {what} and {other}.",
                          "攤位{a}同時分配給{what_zh}與{other}。"),
    "venue.no_entrance": ("warning", "The venue has no entrance (pedestrian opening); whether "
                                     "booths can be reached is not checked.",
                          "場館沒有任何入口（行人出入口），因此未檢查攤位能否抵達。"),
}

SEVERITIES = ("error", "warning")

#: Words for what stands on a plan, in English and Chinese.
WORDS: dict[str, tuple[str, str]] = {
    "column": ("a column", "柱子"), "core": ("a core", "核心筒"), "wall": ("a wall", "牆"),
    "stage": ("a stage", "舞台"), "escalator": ("an escalator", "電扶梯"),
    "elevator": ("a lift", "電梯"), "stairs": ("stairs", "樓梯"), "table": ("a table", "桌子"),
    "hydrant": ("a hydrant", "消防栓"), "exit": ("exit", "緊急出口"),
    "entrance": ("entrance", "入口"), "outline": ("the hall's outer wall", "展場外牆"),
    "amenity": ("Amenity", "設施"), "kiosk": ("Kiosk", "導覽機"),
    "connector": ("Connector", "連通設施"), "opening": ("Opening", "出入口"),
    "booth": ("Booth code", "攤位編號"), "id": ("The id", "編號"),
}


def words(key: str) -> tuple[str, str]:
    """English and Chinese words for an obstacle category or a kind of feature."""
    return WORDS.get(key, (f"a {key}" if key else "an obstacle", key or "障礙物"))


@dataclass(frozen=True)
class Violation:
    """One broken rule, with what to show and what to say."""

    rule: str
    severity: str  # error | warning
    level: str | None
    codes: tuple[str, ...]  # booth codes, or the ids of the features involved
    at: tuple[float, float] | None
    message: str
    message_zh: str
    subject: str = ""  # what else it is about (an obstacle category, a feature id)

    @property
    def key(self) -> tuple[str, str | None, tuple[str, ...], str]:
        """What makes it the same violation before and after an edit (not its figures)."""
        return self.rule, self.level, self.codes, self.subject

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity, "level": self.level,
                "codes": list(self.codes),
                "at": None if self.at is None else [round(self.at[0], 2), round(self.at[1], 2)],
                "message": self.message, "message_zh": self.message_zh}


def _number(doc: Mapping[str, Any], key: str, default: float, where: str) -> float:
    value = doc.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(
            value) or value <= 0:
        raise DataError(f"{where}: rules.{key} must be a positive number of metres.")
    return float(value)


def _names(doc: Mapping[str, Any], key: str, default: frozenset[str], where: str
           ) -> frozenset[str]:
    value = doc.get(key)
    if value is None:
        return default
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataError(f"{where}: rules.{key} must be a list of names.")
    return frozenset(value)


def _lines(doc: Any, where: str) -> dict[str, tuple[LineString, ...]]:
    if doc is None:
        return {}
    if not isinstance(doc, Mapping):
        raise DataError(f"{where}: rules.main_aisles must map a level id to centre lines.")
    out: dict[str, tuple[LineString, ...]] = {}
    for level, lines in doc.items():
        try:
            out[str(level)] = tuple(LineString([(float(x), float(y)) for x, y in line])
                                    for line in lines)
        except (TypeError, ValueError):
            raise DataError(f"{where}: rules.main_aisles.{level} must be a list of lines, "
                            "each a list of at least two [x, y] points.") from None
    return out


def _areas(doc: Any, where: str) -> dict[str, frozenset[str]]:
    if doc is None:
        return {}
    if not isinstance(doc, Mapping) or not all(
            isinstance(v, list) and all(isinstance(c, str) and len(c) == 1 and c.isalpha()
                                        for c in v) for v in doc.values()):
        raise DataError(f"{where}: rules.areas must map a level id to a list of area letters.")
    return {str(k): frozenset(c.upper() for c in v) for k, v in doc.items()}


@dataclass(frozen=True)
class Rules:
    """The rules one venue keeps; every figure in metres."""

    aisle_min_m: float = 3.0
    main_aisle_min_m: float = 5.0
    main_aisles: Mapping[str, tuple[LineString, ...]] = field(default_factory=dict)
    clearance_m: float = 5.0
    landing_width_m: float = 3.0
    kept_clear: frozenset[str] = frozenset(
        {"exit", "entrance", "hydrant", "escalator", "elevator", "stairs"})
    max_depth_m: float = 15.0
    point_clear_m: float = 0.8
    aisle_sides: frozenset[str] = frozenset({"wall", "core", "stage", "escalator"})
    areas: Mapping[str, frozenset[str]] = field(default_factory=dict)
    severity: Mapping[str, str] = field(default_factory=dict)

    _KEYS = ("aisle_min_m", "main_aisle_min_m", "main_aisles", "clearance_m",
             "landing_width_m", "kept_clear", "max_depth_m", "point_clear_m", "aisle_sides",
             "areas", "severity")

    @classmethod
    def from_json(cls, doc: Any, where: str = "venue.json") -> Rules:
        """Rules from the ``rules`` object of a venue.json (None: the defaults); a bad
        value raises DataError naming ``where`` and the key."""
        if doc is None:
            return cls()
        if not isinstance(doc, Mapping):
            raise DataError(f"{where}: rules must be an object.")
        unknown = sorted(set(doc) - set(cls._KEYS))
        if unknown:
            raise DataError(f"{where}: unknown rule {unknown[0]!r}; the rules are "
                            f"{', '.join(cls._KEYS)}.")
        d = cls()
        severity = doc.get("severity") or {}
        if not isinstance(severity, Mapping) or any(
                k not in RULES or v not in SEVERITIES for k, v in severity.items()):
            raise DataError(f"{where}: rules.severity must map rule ids ({', '.join(RULES)}) "
                            "to error or warning.")
        return cls(
            aisle_min_m=_number(doc, "aisle_min_m", d.aisle_min_m, where),
            main_aisle_min_m=_number(doc, "main_aisle_min_m", d.main_aisle_min_m, where),
            main_aisles=_lines(doc.get("main_aisles"), where),
            clearance_m=_number(doc, "clearance_m", d.clearance_m, where),
            landing_width_m=_number(doc, "landing_width_m", d.landing_width_m, where),
            kept_clear=_names(doc, "kept_clear", d.kept_clear, where),
            max_depth_m=_number(doc, "max_depth_m", d.max_depth_m, where),
            point_clear_m=_number(doc, "point_clear_m", d.point_clear_m, where),
            aisle_sides=_names(doc, "aisle_sides", d.aisle_sides, where),
            areas=_areas(doc.get("areas"), where),
            severity=dict(severity))

    def to_json(self) -> dict[str, Any]:
        """The rules as venue.json holds them (every key, defaults included)."""
        return {
            "aisle_min_m": self.aisle_min_m, "main_aisle_min_m": self.main_aisle_min_m,
            "main_aisles": {lv: [[list(c) for c in line.coords] for line in lines]
                            for lv, lines in self.main_aisles.items()},
            "clearance_m": self.clearance_m, "landing_width_m": self.landing_width_m,
            "kept_clear": sorted(self.kept_clear), "max_depth_m": self.max_depth_m,
            "point_clear_m": self.point_clear_m, "aisle_sides": sorted(self.aisle_sides),
            "areas": {lv: sorted(v) for lv, v in self.areas.items()},
            "severity": dict(self.severity)}

    def severity_of(self, rule: str) -> str:
        return self.severity.get(rule, RULES[rule][0])


def violation(rules: Rules, rule: str, level: str | None, codes: tuple[str, ...],
              at: tuple[float, float] | None, subject: str = "", **values: Any) -> Violation:
    """A violation of ``rule`` with its sentences filled in from ``values``."""
    _, en, zh = RULES[rule]
    filled = {"a": codes[0] if codes else "", "b": codes[1] if len(codes) > 1 else "",
              "what": "", "what_zh": "", "level": level or "", **values}
    at = None if at is None else (float(at[0]), float(at[1]))
    return Violation(rule, rules.severity_of(rule), level, codes, at, en.format(**filled),
                     zh.format(**filled), subject)
