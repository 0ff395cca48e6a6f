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
involved, a point to show, and one sentence in each language ExpoNav speaks (English,
Chinese, Indonesian). :data:`RULES` lists every rule with its default severity and
sentences; :data:`WORDS` names each feature in the three languages, so that a sentence
about a column or a kiosk says it from one table.

>>> rules = Rules.from_json({"aisle_min_m": 2.5, "areas": {"H2-1F": ["Q"]}}, "venue.json")
>>> rules.aisle_min_m, rules.main_aisle_min_m, sorted(rules.areas["H2-1F"])
(2.5, 5.0, ['Q'])
>>> v = violation(rules, "booth.overlap", "H2-1F", ("Q0101", "Q0103"), (1.0, 2.0), area=1.5)
>>> v.message
'Booths Q0101 and Q0103 overlap by 1.5 m².'
>>> v.message_zh
'攤位Q0101與Q0103重疊1.5平方公尺。'
>>> v.message_id
'Stan Q0101 dan Q0103 tumpang tindih 1,5 m².'
>>> violation(rules, "point.in_booth", "H2-1F", ("K-01", "Q0101"), None, a="Q0101",
...           what=words("kiosk").named("K-01")).message_in("id")
'Kios K-01 berada di dalam stan Q0101.'
"""

from __future__ import annotations

import math
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from numbers import Real
from typing import Any, NamedTuple

from shapely.geometry import LineString

from exponav.core.errors import DataError
from exponav.core.languages import is_chinese, language

__all__ = ["PHRASES", "RULES", "WORDS", "Rule", "Rules", "Violation", "Words", "phrase",
           "violation", "words"]

class Rule(NamedTuple):
    """A rule's default severity and its sentence in each language ExpoNav speaks."""

    severity: str
    en: str
    zh: str
    id: str


#: rule id -> its default severity and sentences. Every sentence of a rule has the same
#: placeholders: {a}, {b} booth codes, {what} a feature in words (a :class:`Words`), the
#: figures by name. The Indonesian writes figures with a decimal comma.
RULES: dict[str, Rule] = {
    "booth.overlap": Rule("error", "Booths {a} and {b} overlap by {area:.1f} m².",
                          "攤位{a}與{b}重疊{area:.1f}平方公尺。",
                          "Stan {a} dan {b} tumpang tindih {area:.1f} m²."),
    "booth.outside": Rule("error", "Booth {a} lies {area:.1f} m² outside the hall's outline.",
                          "攤位{a}有{area:.1f}平方公尺超出展場範圍。",
                          "Stan {a} melewati batas hall seluas {area:.1f} m²."),
    "booth.obstacle": Rule("error", "Booth {a} stands on {what} ({area:.1f} m²).",
                           "攤位{a}壓到{what}（{area:.1f}平方公尺）。",
                           "Stan {a} menimpa {what} ({area:.1f} m²)."),
    "aisle.narrow": Rule("error", "The aisle between booth {a} and {what} is {width:.2f} m "
                                  "wide; the minimum is {min:g} m.",
                         "攤位{a}與{what}之間的走道寬{width:.2f}公尺，最少需{min:g}公尺。",
                         "Lebar lorong antara stan {a} dan {what} adalah {width:.2f} m; "
                         "batas minimalnya {min:g} m."),
    "aisle.blocked": Rule("error", "Booth {a} stands in a main aisle.", "攤位{a}佔用主走道。",
                          "Stan {a} menghalangi lorong utama."),
    "clearance.blocked": Rule("error", "Booth {a} stands in the {depth:g} m kept clear in "
                                       "front of {what}.",
                              "攤位{a}位於{what}前方{depth:g}公尺的淨空範圍內。",
                              "Stan {a} berada di area bebas {depth:g} m di depan {what}."),
    "booth.depth": Rule("error", "A point inside booth {a} is {depth:.1f} m from the nearest "
                                 "aisle; at most {max:g} m is allowed.",
                        "攤位{a}內有一點距最近走道{depth:.1f}公尺，上限為{max:g}公尺。",
                        "Ada titik di dalam stan {a} yang berjarak {depth:.1f} m dari lorong "
                        "terdekat; batas maksimalnya {max:g} m."),
    "booth.no_frontage": Rule("error", "Booth {a} has no side on an aisle.",
                              "攤位{a}沒有任何一面臨走道。",
                              "Stan {a} tidak memiliki sisi yang menghadap lorong."),
    "booth.unreachable": Rule("error", "Booth {a} cannot be reached on foot from any entrance.",
                              "攤位{a}無法從任何入口步行抵達。",
                              "Stan {a} tidak dapat dicapai dengan berjalan kaki dari pintu "
                              "masuk mana pun."),
    "point.in_booth": Rule("error", "{what} stands inside booth {a}.", "{what}位於攤位{a}內。",
                           "{what} berada di dalam stan {a}."),
    "point.off_walkable": Rule("error", "{what} is {distance:.1f} m from the walkable area; "
                                        "routes cannot start or end there.",
                               "{what}距可步行區域{distance:.1f}公尺，路線無法由此出發或抵達。",
                               "{what} berjarak {distance:.1f} m dari area pejalan kaki; rute "
                               "tidak dapat dimulai atau berakhir di sana."),
    "point.unreachable": Rule("error", "{what} cannot be reached on foot from any entrance.",
                              "{what}無法從任何入口步行抵達。",
                              "{what} tidak dapat dicapai dengan berjalan kaki dari pintu masuk "
                              "mana pun."),
    "point.tight": Rule("warning", "{what} is {distance:.2f} m from a booth, obstacle or wall; "
                                   "keep at least {min:g} m.",
                        "{what}距攤位、障礙物或牆面僅{distance:.2f}公尺，應至少保持{min:g}公尺。",
                        "{what} hanya berjarak {distance:.2f} m dari stan, penghalang, atau "
                        "dinding; jaga jarak minimal {min:g} m."),
    "opening.off_edge": Rule("error", "{what} is {distance:.1f} m from the hall's outline; "
                                      "openings sit on its edge.",
                             "{what}距展場外牆{distance:.1f}公尺，出入口應位於外牆上。",
                             "{what} berjarak {distance:.1f} m dari dinding luar hall; pintu "
                             "harus berada di dinding luar."),
    "connector.off_level": Rule("error", "{what} has its end on {level} at {x:g}, {y:g}, "
                                         "outside that level.",
                                "{what}在{level}的端點（{x:g}, {y:g}）位於樓層範圍外。",
                                "{what} memiliki ujung di {level} pada titik ({x:g}; {y:g}), "
                                "di luar lantai tersebut."),
    "connector.mismatch": Rule("warning", "{what}: its point on {level} is {distance:.1f} m "
                                          "from its end in venue.json.",
                               "{what}：{level}平面圖上的位置與venue.json中的端點相距"
                               "{distance:.1f}公尺。",
                               "{what}: titiknya pada denah {level} berjarak {distance:.1f} m "
                               "dari ujungnya di venue.json."),
    "code.scheme": Rule("error", "Booth code {a} does not follow the venue's scheme ({scheme}).",
                        "攤位編號{a}不符合場館的編號規則（{scheme}）。",
                        "Kode stan {a} tidak mengikuti aturan penomoran venue ({scheme})."),
    "code.duplicate": Rule("error", "{what} is used {n} times.", "{what}重複使用{n}次。",
                           "{what} dipakai {n} kali."),
    "show.unknown_booth": Rule("error", "Exhibitor {what} is given booth {a}, which is not on "
                                        "any floor plan.",
                               "參展商{what}被分配到攤位{a}，但平面圖上沒有這個攤位。",
                               "Peserta pameran {what} mendapat stan {a}, yang tidak ada di "
                               "denah mana pun."),
    "show.shared_booth": Rule("error", "Booth {a} is given to both {what} and {other}.",
                              "攤位{a}同時分配給{what}與{other}。",
                              "Stan {a} diberikan kepada {what} dan juga {other}."),
    "venue.no_entrance": Rule("warning", "The venue has no entrance (pedestrian opening); "
                                         "whether booths can be reached is not checked.",
                              "場館沒有任何入口（行人出入口），因此未檢查攤位能否抵達。",
                              "Venue tidak memiliki pintu masuk (bukaan untuk pejalan kaki); "
                              "keterjangkauan stan tidak diperiksa."),
}

SEVERITIES = ("error", "warning")


class Words(NamedTuple):
    """A feature, or a phrase about it, in each language ExpoNav speaks."""

    en: str
    zh: str
    id: str

    def named(self, name: str) -> Words:
        """The words followed by a code or id: "Kiosk K-01", "導覽機K-01", "Kios K-01"."""
        return Words(f"{self.en} {name}", f"{self.zh}{name}", f"{self.id} {name}")

    def end_on(self, level: str) -> Words:
        """A connector's words narrowed to its end on ``level``."""
        return phrase("end_on", what=self, level=level)


#: Words for what stands on a plan, in English, Chinese and Indonesian.
WORDS: dict[str, Words] = {
    "column": Words("a column", "柱子", "tiang"), "core": Words("a core", "核心筒", "inti bangunan"),
    "wall": Words("a wall", "牆", "dinding"), "stage": Words("a stage", "舞台", "panggung"),
    "escalator": Words("an escalator", "電扶梯", "eskalator"),
    "elevator": Words("a lift", "電梯", "lift"), "stairs": Words("stairs", "樓梯", "tangga"),
    "table": Words("a table", "桌子", "meja"), "hydrant": Words("a hydrant", "消防栓", "hidran"),
    "exit": Words("exit", "緊急出口", "pintu darurat"),
    "entrance": Words("entrance", "入口", "pintu masuk"),
    "outline": Words("the hall's outer wall", "展場外牆", "dinding luar hall"),
    "booth": Words("booth", "攤位", "stan"),
    "amenity": Words("Amenity", "設施", "Fasilitas"), "kiosk": Words("Kiosk", "導覽機", "Kios"),
    "connector": Words("Connector", "連通設施", "Penghubung"),
    "opening": Words("Opening", "出入口", "Pintu"),
    "booth_code": Words("Booth code", "攤位編號", "Kode stan"), "id": Words("The id", "編號", "ID"),
}

#: Phrases the rules' sentences take in, with the same placeholders in every language.
PHRASES: dict[str, Words] = {
    "end_on": Words("{what} (its end on {level})", "{what}（{level}端點）",
                    "{what} (ujungnya di {level})"),
    "area_letter": Words("its area letter is {letter}", "其區域代碼為{letter}",
                         "huruf areanya {letter}"),
    "level_letters": Words("area letters {letters} on {level}", "{level}的區域代碼為{letters}",
                           "huruf area {letters} di {level}"),
}


def words(key: str) -> Words:
    """The words for an obstacle category or a kind of feature (a category no table
    names is called by its name)."""
    found = WORDS.get(key)
    if found is not None:
        return found
    return Words(f"a {key}" if key else "an obstacle", key or "障礙物", key or "penghalang")


class _DecimalComma(string.Formatter):
    """str.format, with a decimal comma in the figures (as Indonesian writes them)."""

    def format_field(self, value: Any, format_spec: str) -> str:
        text = super().format_field(value, format_spec)
        if isinstance(value, Real) and not isinstance(value, bool):
            return text.replace(".", ",")
        return text


_FORMATS = (str.format, str.format, _DecimalComma().format)


def _fill(templates: tuple[str, str, str], values: Mapping[str, Any]) -> tuple[str, str, str]:
    """Each language's template filled in, a :class:`Words` value in that language."""
    out = []
    for n, (template, fmt) in enumerate(zip(templates, _FORMATS, strict=True)):
        own = {k: v[n] if isinstance(v, Words) else v for k, v in values.items()}
        out.append(fmt(template, **own))
    return out[0], out[1], out[2]


def phrase(key: str, **values: Any) -> Words:
    """A phrase of :data:`PHRASES` filled in from ``values`` (words or plain values)."""
    return Words(*_fill(PHRASES[key], values))


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
    message_id: str  # in Indonesian
    subject: str = ""  # what else it is about (an obstacle category, a feature id)

    @property
    def key(self) -> tuple[str, str | None, tuple[str, ...], str]:
        """What makes it the same violation before and after an edit (not its figures)."""
        return self.rule, self.level, self.codes, self.subject

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity, "level": self.level,
                "codes": list(self.codes),
                "at": None if self.at is None else [round(self.at[0], 2), round(self.at[1], 2)],
                "message": self.message, "message_zh": self.message_zh,
                "message_id": self.message_id}

    def message_in(self, lang: str) -> str:
        """The sentence in the language tagged ``lang`` (English for one not spoken)."""
        if is_chinese(lang):
            return self.message_zh
        return self.message_id if language(lang) == "id" else self.message


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
        return self.severity.get(rule, RULES[rule].severity)


def violation(rules: Rules, rule: str, level: str | None, codes: tuple[str, ...],
              at: tuple[float, float] | None, subject: str = "", **values: Any) -> Violation:
    """A violation of ``rule`` with its sentences filled in from ``values``: a
    :class:`Words` value (a feature, a phrase) in each sentence's language, any other
    value as it is (figures with a decimal comma in Indonesian)."""
    spelled = [k for k in values if k.endswith(("_zh", "_id"))]
    if spelled:
        raise TypeError(f"violation({rule!r}): give {spelled[0][:-3]} as Words, "
                        f"not {spelled[0]}")
    r = RULES[rule]
    filled = {"a": codes[0] if codes else "", "b": codes[1] if len(codes) > 1 else "",
              "what": "", "level": level or "", **values}
    en, zh, id_ = _fill((r.en, r.zh, r.id), filled)
    at = None if at is None else (float(at[0]), float(at[1]))
    return Violation(rule, rules.severity_of(rule), level, codes, at, en, zh, id_, subject)
