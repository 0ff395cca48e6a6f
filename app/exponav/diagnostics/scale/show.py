"""The generated show: categories, invented exhibitors on the booths, and sessions.

Each level has a theme (a trade category, as a Canton Fair phase gives each hall its
goods); an exhibitor takes a run of neighbouring booths, its main category is its first
booth's theme, and its name is coined from syllables (none is a real firm; websites are
under ``.example``). Sessions are forum talks on every stage, meetings at the
matchmaking tables and product launches at booths. Every exhibitor and session is
marked ``demo``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from exponav.diagnostics.scale.venue import BoothRecord, LevelOut

__all__ = ["CATEGORIES", "ShowOut", "generate_show"]

TZ = timezone(timedelta(hours=8))
OPEN_H = 10

#: (id, trade word in a firm's name, English, Chinese, what its exhibitors make
#: in English, in Chinese)
CATEGORIES = [
    ("electronics", "Electronics", "Consumer electronics", "消費電子",
     "phones, tablets and accessories", "手機、平板與配件"),
    ("appliances", "Appliances", "Household appliances", "家用電器",
     "kitchen and home appliances", "廚房與居家電器"),
    ("lighting", "Lighting", "Lighting", "照明產品",
     "LED lamps and lighting controls", "LED燈具與照明控制"),
    ("vehicles", "Auto Parts", "Vehicles and spare parts", "車輛及配件",
     "auto parts and electric scooters", "汽車零件與電動機車"),
    ("machinery", "Machinery", "Machinery", "機械設備",
     "packaging and processing machines", "包裝與加工機械"),
    ("hardware", "Hardware", "Hardware and tools", "五金工具",
     "hand tools, locks and fittings", "手工具、鎖具與配件"),
    ("building", "Building Materials", "Building materials", "建築材料",
     "tiles, panels and sanitary ware", "磁磚、板材與衛浴"),
    ("chemicals", "Chemical", "Chemical products", "化工產品",
     "coatings, adhesives and plastics", "塗料、膠黏劑與塑料"),
    ("energy", "Energy", "New energy", "新能源",
     "solar panels, batteries and chargers", "太陽能板、電池與充電設備"),
    ("kitchenware", "Kitchenware", "Kitchenware and tableware", "廚具餐具",
     "cookware and tableware", "炊具與餐具"),
    ("homedeco", "Home Decor", "Home decorations", "家居裝飾",
     "decor, textiles and frames", "裝飾品、家飾布與相框"),
    ("gifts", "Gifts", "Gifts and premiums", "禮品贈品",
     "promotional gifts and crafts", "促銷禮品與工藝品"),
    ("toys", "Toys", "Toys", "玩具",
     "toys, games and baby products", "玩具、遊戲與嬰幼兒用品"),
    ("textiles", "Textiles", "Textiles and garments", "紡織服裝",
     "fabrics and ready-made garments", "布料與成衣"),
    ("shoes", "Footwear", "Shoes", "鞋類",
     "sports, casual and safety shoes", "運動鞋、休閒鞋與安全鞋"),
    ("bags", "Bags", "Bags and cases", "箱包",
     "luggage, backpacks and handbags", "行李箱、背包與手提包"),
    ("office", "Stationery", "Office supplies", "辦公文具",
     "stationery and office equipment", "文具與辦公設備"),
    ("health", "Health", "Medicines and health products", "醫藥保健",
     "medical devices and supplements", "醫療器材與保健食品"),
    ("food", "Foods", "Food", "食品",
     "snacks, tea and packaged food", "零食、茶葉與包裝食品"),
    ("sports", "Sports", "Sports and outdoor", "運動戶外",
     "fitness gear and camping equipment", "健身器材與露營裝備"),
    ("pets", "Pet Products", "Pet products", "寵物用品",
     "pet food and accessories", "寵物食品與用品"),
    ("furniture", "Furniture", "Furniture", "傢俱",
     "office and home furniture", "辦公與居家傢俱"),
]
_FORMS = [("Co., Ltd.", "有限公司"), ("Industrial Co.", "實業公司"), ("Group", "集團"),
          ("Trading Co.", "貿易公司"), ("Manufacturing", "製造廠"), ("Technology", "科技公司")]
_ONSETS = [("Ka", "卡"), ("Lu", "路"), ("Vo", "沃"), ("Ze", "澤"), ("No", "諾"), ("Ri", "瑞"),
           ("Ta", "塔"), ("Mi", "米"), ("Sa", "薩"), ("Ve", "維"), ("Dra", "德"), ("Fle", "弗"),
           ("Gri", "格"), ("Ha", "哈"), ("Jo", "喬"), ("Ky", "凱"), ("Lo", "洛"), ("Ne", "奈"),
           ("Pe", "佩"), ("Ro", "羅"), ("Su", "蘇"), ("Tre", "崔"), ("Ya", "雅"), ("Zi", "齊"),
           ("Au", "奧"), ("Be", "貝"), ("Fi", "菲"), ("Hy", "海"), ("Ju", "朱"), ("Qua", "夸")]
_MIDDLES = [("ra", "拉"), ("lo", "洛"), ("vi", "維"), ("na", "納"), ("ri", "瑞"), ("ta", "塔"),
            ("mo", "摩"), ("ze", "澤"), ("li", "利"), ("do", "多"), ("sa", "薩"), ("ne", "涅"),
            ("ka", "卡"), ("ve", "薇"), ("to", "托"), ("mi", "米")]
_CODAS = [("ris", "瑞斯"), ("nix", "尼克斯"), ("tra", "特拉"), ("via", "維亞"), ("nova", "諾瓦"),
          ("lis", "利斯"), ("dex", "德斯"), ("ron", "隆"), ("tek", "泰克"), ("ria", "莉亞"),
          ("n", "恩"), ("x", "克斯"), ("s", "斯"), ("r", "爾"), ("m", "姆"), ("gen", "根"),
          ("lux", "盧克斯"), ("vo", "沃"), ("ty", "蒂"), ("lin", "林")]
_COUNTRIES = ["China", "China", "China", "China", "China", "China", "China", "Hong Kong",
              "Taiwan", "Vietnam", "India", "Türkiye", "Malaysia", "Thailand", "Indonesia",
              "Pakistan", "Korea", "Brazil", "Poland", "Egypt"]
_TALKS = [("Market outlook: {en}", "{zh}市場展望"), ("Buyer briefing: {en}", "{zh}採購說明會"),
          ("New products in {en}", "{zh}新品發表"), ("Export rules for {en}", "{zh}出口法規"),
          ("Sourcing {en} sustainably", "{zh}永續採購")]


@dataclass
class ShowOut:
    show: dict
    categories: list[list[str]]
    exhibitors: list[list[str]]
    sessions: list[list[str]]


def _coin(index: int) -> tuple[str, str]:
    """The index-th coined name: three syllables, then four (a bijection on the indexes)."""
    o, m, c = len(_ONSETS), len(_MIDDLES), len(_CODAS)
    if index < o * m * c:
        parts = [_ONSETS[index // (m * c)], _MIDDLES[index // c % m], _CODAS[index % c]]
    else:
        index -= o * m * c
        parts = [_ONSETS[index // (m * m * c) % o], _MIDDLES[index // (m * c) % m],
                 _MIDDLES[index // c % m], _CODAS[index % c]]
    return "".join(p[0] for p in parts), "".join(p[1] for p in parts)


def _exhibitor_runs(booths: list[BoothRecord], n: int, rng: random.Random
                    ) -> list[list[BoothRecord]]:
    """``n`` runs of neighbouring booths covering about 95 % of them (the rest stay free)."""
    free = set(rng.sample(range(len(booths)), len(booths) // 20))
    taken = [b for i, b in enumerate(booths) if i not in free]
    if n > len(taken):
        raise ValueError(f"{n} exhibitors need at least as many booths; the venue has "
                         f"{len(taken)} to give.")
    cuts = sorted(rng.sample(range(1, len(taken)), n - 1)) if n > 1 else []
    bounds = [0, *cuts, len(taken)]
    return [taken[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def generate_show(show_id: str, venue_id: str, name: tuple[str, str],
                  levels: list[LevelOut], n_exhibitors: int, days: int, seed: int) -> ShowOut:
    rng = random.Random(f"{seed}:show")
    cats = {c[0]: c for c in CATEGORIES}
    theme = {lv.entry["id"]: CATEGORIES[i % len(CATEGORIES)][0] for i, lv in enumerate(levels)}
    booths = [b for lv in levels for b in lv.booths]
    runs = _exhibitor_runs(booths, n_exhibitors, rng)
    # distinct coined names within a category (the same name in two trades is two firms)
    per_cat: dict[str, int] = {}
    for run in runs:
        per_cat[theme[run[0].level]] = per_cat.get(theme[run[0].level], 0) + 1
    space = len(_ONSETS) * len(_MIDDLES) * len(_CODAS) * (1 + len(_MIDDLES))
    pools = {c: iter(rng.sample(range(space), k)) for c, k in sorted(per_cat.items())}
    exhibitors = []
    by_level: dict[str, list[str]] = {}
    for n, run in enumerate(runs, start=1):
        ex_id = f"EX{n:05d}"
        cid = theme[run[0].level]
        _, trade, _, cat_zh, what_en, what_zh = cats[cid]
        coined_en, coined_zh = _coin(next(pools[cid]))
        form_en, form_zh = _FORMS[rng.randrange(len(_FORMS))]
        extra = rng.choice([c[0] for c in CATEGORIES if c[0] != cid])
        categories = [cid, extra] if rng.random() < 0.3 else [cid]
        country = run[0].country or rng.choice(_COUNTRIES)
        exhibitors.append([
            ex_id, f"{coined_en} {trade} {form_en}", f"{coined_zh}{cat_zh}{form_zh}",
            country, ";".join(categories), ";".join(b.code for b in run),
            f"Makes {what_en} for export; OEM and ODM orders welcome.",
            f"生產{what_zh}，接受OEM與ODM訂單。",
            f"https://www.{coined_en.lower()}-{cid}.example", "1"])
        by_level.setdefault(run[0].level, []).append(ex_id)
    first = date(2026, 4, 15)
    show = {"id": show_id, "names": {"en": name[0], "zh-Hant": name[1]}, "venue": venue_id,
            "start_date": first.isoformat(),
            "end_date": (first + timedelta(days=days - 1)).isoformat(),
            "timezone": "Asia/Shanghai", "url_template": "",
            "levels": [lv.entry["id"] for lv in levels], "demo": True,
            "note": "Generated for `exponav bench`: every exhibitor and session is invented."}
    names = {row[0]: (row[1], row[2]) for row in exhibitors}
    sessions = _sessions(levels, theme, cats, by_level, names, runs, first, days, rng)
    categories = [[c[0], c[2], c[3]] for c in CATEGORIES]
    return ShowOut(show, categories, exhibitors, sessions)


def _sessions(levels: list[LevelOut], theme: dict[str, str], cats: dict, by_level: dict,
              names: dict[str, tuple[str, str]], runs: list[list[BoothRecord]], first: date,
              days: int, rng: random.Random) -> list[list[str]]:
    def at(day: int, minutes: int) -> str:
        d = first + timedelta(days=day)
        t = datetime(d.year, d.month, d.day, OPEN_H, 0, tzinfo=TZ) + timedelta(minutes=minutes)
        return t.isoformat()

    rows: list[tuple[str, str, str, str, str, str, str]] = []
    owners = [(run[0].code, f"EX{n:05d}") for n, run in enumerate(runs, start=1)]
    for lv in levels:
        cid = theme[lv.entry["id"]]
        _, _, en, zh, _, _ = cats[cid]
        speakers = by_level.get(lv.entry["id"], [""])
        for stage in lv.stages:
            for day in range(days):
                for slot in range(6):
                    t_en, t_zh = _TALKS[(day * 6 + slot) % len(_TALKS)]
                    rows.append(("forum", t_en.format(en=en.lower()), t_zh.format(zh=zh),
                                 stage, at(day, 60 * slot), at(day, 60 * slot + 45),
                                 rng.choice(speakers)))
        for table in lv.tables:
            for day in range(days):
                for slot in rng.sample(range(12), 4):
                    who = rng.choice(speakers)
                    buyer = rng.choice(_COUNTRIES[7:])
                    en_name, zh_name = names.get(who, ("", ""))
                    rows.append(("matchmaking", f"Business matchmaking: {en_name} × buyers "
                                 f"from {buyer}", f"商機媒合：{zh_name} × {buyer}買主", table,
                                 at(day, 30 * slot), at(day, 30 * slot + 30), who))
    for code, ex_id in rng.sample(owners, min(len(owners), max(1, len(owners) // 25))):
        day, slot = rng.randrange(days), rng.randrange(12)
        rows.append(("launch", f"Product launch at {code}", f"{code}新品發表", code,
                     at(day, 30 * slot), at(day, 30 * slot + 30), ex_id))
    rows.sort(key=lambda r: (r[4], r[3]))
    return [[f"SE{n:05d}", kind, t_en, t_zh, place, start, end, who, "1"]
            for n, (kind, t_en, t_zh, place, start, end, who) in enumerate(rows, start=1)]
