"""Text search: names in English and Chinese, typos, booth codes, amenities, ranking, filters
and any text at all, on a synthetic show written to a data file and reopened read-only."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import given, settings
from hypothesis import strategies as st

from exponav.core.search.index import SearchDoc, create_index
from exponav.core.search.searcher import Searcher, SearchHit
from exponav.core.search.text import fold

APP = Path(__file__).resolve().parents[2] / "app"

# -------------------------------------------------------------------------- the show

AMENITIES = {
    # category: (English name, Chinese name)
    "toilet": ("Toilets", "廁所"),
    "toilet.accessible": ("Accessible toilet", "無障礙廁所"),
    "information": ("Information", "服務台"),
    "food": ("Food and drink", "餐飲"),
    "firstaid": ("First aid", "醫護室"),
    "nursing": ("Nursing room", "哺集乳室"),
    "charging": ("Charging station", "充電站"),
    "meeting": ("Meeting table", "洽談桌"),
    "stage": ("Stage", "舞台"),
    "emergencyexit": ("Emergency exit", "緊急出口"),
    "entrance": ("Entrance", "入口"),
    "atm": ("ATM", "自動提款機"),
    "wifi": ("Wi-Fi", "無線網路"),
    "cloakroom": ("Cloakroom", "寄物處"),
    "registration": ("Registration", "報到處"),
    "mrt": ("To the MRT", "往捷運站"),
    "taxi": ("Taxi stand", "計程車招呼站"),
}
#: Doors visitors use (an entrance and an exit), as the data file lists them.
DOORS = ("Door", "大門口")
#: Connector kinds: (English name, Chinese name) of their ends.
CONNECTORS = {"escalator": ("Escalator A", "電扶梯A"), "elevator": ("Elevator A", "電梯A"),
              "stairs": ("Stairs A", "樓梯A"), "walkway": ("Walkway", "連通步道")}
LEVELS = {"Q": "H2-1F", "S": "H2-4F"}

WORDS_A = ["Apex", "Blue", "Nova", "Orbit", "Delta", "Vertex", "Lotus", "Harbor", "Pixel",
           "Quantum", "Sunrise", "Granite", "Maple", "Cobalt", "Zephyr"]
WORDS_B = ["Systems", "Robotics", "Networks", "Energy", "Mobility", "Analytics", "Labs",
           "Solutions", "Devices", "Sensors"]
ZH_A = ["藍海", "新星", "軌道", "蓮花", "港灣", "量子", "日昇", "楓葉", "鈷藍", "西風"]
ZH_B = ["系統", "機器人", "網路", "能源", "移動", "分析", "實驗室", "方案", "裝置", "感測"]
CATEGORIES = {"ai": "AI 人工智慧", "iot": "IoT 物聯網", "5g": "5G 5G",
              "transport": "Smart transport 智慧交通", "energy": "Smart energy 智慧能源",
              "cybersecurity": "Cybersecurity 資安", "smartcity": "Smart city 智慧城市"}
COUNTRIES = ["Taiwan 台灣", "Singapore 新加坡", "Thailand 泰國", "Vietnam 越南", "Malaysia 馬來西亞"]

# Exhibitors the tests look for: id, name, name_zh, booths, categories, country, description.
NAMED = [
    ("EX0001", "Chunghwa Telecom", "中華電信", ("S1024", "S1025"), ("5g", "iot"),
     "Taiwan 台灣", "All-optical networks and smart street lights with IOWN partners. "
     "全光網路與智慧路燈"),
    ("EX0002", "Córdoba Smart City Agency", "科爾多瓦智慧城市局", ("Q0210",), ("smartcity",),
     "Argentina 阿根廷", "Córdoba brings its open data platform."),
    ("EX0003", "NTT Corporation", "日本電信電話", ("S1030",), ("5g",), "Japan 日本",
     "IOWN all-photonics network."),
    ("EX0004", "Shield Works", "盾甲科技", ("Q0300",), ("cybersecurity",), "Israel 以色列",
     "Intrusion detection for smart factories."),
    ("EX0005", "Kyiv Digital Office", "基輔數位辦公室", ("Q0301",), ("smartcity",),
     "Ukraine 烏克蘭", "E-government services in wartime."),
    # For ranking "lumen": exact, prefix, word, piece of a word, description, typo.
    ("EX0010", "Lumen", "流明", ("S2001",), ("energy",), "Taiwan 台灣", "Lighting."),
    ("EX0011", "Lumen Street Lighting", "流明路燈", ("S2002",), ("energy",), "Taiwan 台灣",
     "Street lighting controllers."),
    ("EX0012", "Blue Lumen Labs", "藍流明實驗室", ("S2003",), ("energy",), "Taiwan 台灣",
     "Optics."),
    ("EX0013", "Illumenix", "照明科", ("S2004",), ("energy",), "Taiwan 台灣", "Lamps."),
    ("EX0014", "Photon Park", "光子園", ("S2005",), ("energy",), "Taiwan 台灣",
     "We measure lumen output of street lamps."),
    ("EX0015", "Lumne Works", "魯姆工坊", ("S2006",), ("energy",), "Taiwan 台灣", "Metalwork."),
    # Traditional and variant forms; ü in pinyin.
    ("EX0020", "Taipei City Government Vision Pavilion", "臺北市政府願景館", ("Q0400",),
     ("smartcity",), "Taiwan 台灣", "Seventeen AI services."),
    ("EX0021", "Sports Tech Alliance", "臺灣體育科技聯盟", ("Q0401",), ("iot",), "Taiwan 台灣",
     "Wearables for athletes."),
    ("EX0022", "Green Power", "綠能電力", ("Q0402",), ("energy",), "Taiwan 台灣", "Solar farms."),
]


def _keywords(categories: tuple[str, ...], country: str, description: str) -> str:
    return " ".join([*(CATEGORIES[c] for c in categories), country, description])


def make_docs(n_generated: int = 300, seed: int = 1) -> list[SearchDoc]:
    """About n_generated + 11 exhibitors, their booths, spare booths and amenities."""
    rng = random.Random(seed)
    exhibitors = list(NAMED)
    used = {code for row in NAMED for code in row[3]}
    number = 100
    for i in range(n_generated):
        area = "Q" if i % 2 else "S"
        booths = []
        for _ in range(rng.randint(1, 3)):
            while f"{area}{number:04d}" in used:
                number += 1
            booths.append(f"{area}{number:04d}")
            used.add(booths[-1])
        cats = tuple(rng.sample(sorted(CATEGORIES), rng.randint(1, 2)))
        name = f"{rng.choice(WORDS_A)} {rng.choice(WORDS_B)} {i:03d} Co., Ltd."
        name_zh = f"{rng.choice(ZH_A)}{rng.choice(ZH_B)}{i:03d}"
        exhibitors.append((f"EX{1000 + i:04d}", name, name_zh, tuple(booths), cats,
                           rng.choice(COUNTRIES), f"{rng.choice(WORDS_B)} for smart cities."))
    for area in "QS":  # spare booths, among them S1000-S1099 for the code prefix S10
        for num in range(1000, 1100):
            used.add(f"{area}{num:04d}")
    docs: list[SearchDoc] = []
    owner = {}
    for ex_id, name, name_zh, booths, cats, country, desc in exhibitors:
        docs.append(SearchDoc("exhibitor", ex_id, name, name_zh, booths, LEVELS[booths[0][0]],
                              cats, _keywords(cats, country, desc)))
        for code in booths:
            owner[code] = (name, name_zh, cats)
    for code in sorted(used):
        name, name_zh, cats = owner.get(code, ("", "", ()))
        docs.append(SearchDoc("booth", code, name, name_zh, (code,), LEVELS[code[0]], cats,
                              " ".join(CATEGORIES[c] for c in cats)))
    for category, (en, zh) in AMENITIES.items():
        for level in LEVELS.values():
            for k in (1, 2):
                docs.append(SearchDoc("amenity", f"{category.upper()}-{level}-{k}", en, zh, (),
                                      level, (category,), f"{en} {zh}"))
    docs.append(SearchDoc("amenity", "MM-B12", "Meeting table B12", "洽談桌 B12", (), "H2-4F",
                          ("meeting",), "Meeting table 洽談桌 Global Business Matchmaking"))
    for level in LEVELS.values():
        for k in (1, 2):
            docs.append(SearchDoc("amenity", f"DOOR-{level}-{k}", *DOORS, (), level,
                                  ("entrance", "exit"), "Entrance 入口 Exit 出口"))
        for kind, (en, zh) in CONNECTORS.items():
            docs.append(SearchDoc("connector", f"{kind.upper()}-A@{level}", en, zh, (), level,
                                  (kind,), f"{en} {zh}"))
    rng.shuffle(docs)
    return docs


def open_searcher(path: Path) -> tuple[sqlite3.Connection, Searcher]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    return conn, Searcher(conn)


@pytest.fixture(scope="module")
def data_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search") / "show.db"
    db = sqlite_utils.Database(path)
    create_index(db, make_docs())
    db.conn.close()
    return path


@pytest.fixture(scope="module")
def searcher(data_path: Path) -> Iterator[Searcher]:
    conn, s = open_searcher(data_path)
    yield s
    conn.close()


def ids(hits: list[SearchHit], kind: str | None = None) -> list[str]:
    return [h.id for h in hits if kind is None or h.kind == kind]


def categories_of(hits: list[SearchHit]) -> list[str]:
    return [h.id.rsplit("-", 3)[0].lower() for h in hits if h.kind == "amenity"]


# ------------------------------------------------------------------------------ names


@pytest.mark.parametrize("text", ["chunghwa", "Chunghwa Telecom", "telecom", "CHUNGHWA",
                                  "chunghwa tel", "chu", "電信", "中華", "中華電信", "中華電",
                                  "華電", "ｃｈｕｎｇｈｗａ"])
def test_english_and_chinese_names_and_pieces(searcher: Searcher, text: str) -> None:
    hits = searcher.search(text)
    assert ids(hits, "exhibitor")[0] == "EX0001"


def test_single_chinese_character(searcher: Searcher) -> None:
    assert "EX0001" in ids(searcher.search("信", limit=50))
    assert ids(searcher.search("中"), "exhibitor")[0] == "EX0001"


def test_exact_name_lists_exhibitor_then_its_booths(searcher: Searcher) -> None:
    hits = searcher.search("Chunghwa Telecom")
    assert [(h.kind, h.id) for h in hits[:3]] == [
        ("exhibitor", "EX0001"), ("booth", "S1024"), ("booth", "S1025")]
    assert hits[0].booths == ("S1024", "S1025")
    assert hits[0].level == "H2-4F"
    assert hits[0].name_zh == "中華電信"


@pytest.mark.parametrize("text", ["cordoba", "CÓRDOBA", "Cordoba", "córdoba", "ＣＯＲＤＯＢＡ",
                                  "CORDOBA smart"])
def test_case_accents_and_full_width(searcher: Searcher, text: str) -> None:
    assert searcher.search(text)[0].id == "EX0002"


def test_chinese_name_of_accented_exhibitor(searcher: Searcher) -> None:
    assert searcher.search("科爾多瓦")[0].id == "EX0002"


@pytest.mark.parametrize("text", ["chungwha", "chunghwa telecon", "chunhwa", "Chungwha Telecom",
                                  "chunghwa telcom", "chnughwa"])
def test_typos(searcher: Searcher, text: str) -> None:
    hits = searcher.search(text)
    assert hits and hits[0].id == "EX0001"
    assert hits[0].score < 50


def test_typo_allowance_scales_with_word_length(searcher: Searcher) -> None:
    assert "EX0010" not in ids(searcher.search("lxmxn"))  # two edits in five letters
    assert "EX0001" in ids(searcher.search("chxngwha"))  # two edits in eight letters
    assert searcher.search("xyz") == []


# ------------------------------------------------- variant forms, pinyin and zhuyin


@pytest.mark.parametrize(("text", "expected"), [
    ("台北市政府", "EX0020"), ("臺北市政府", "EX0020"), ("台北市政府願景館", "EX0020"),
    ("台北市政府愿景馆", "EX0020"), ("北市政府", "EX0020"), ("體育", "EX0021"), ("体育", "EX0021"),
    ("台湾体育科技", "EX0021"), ("臺灣體育", "EX0021"), ("中华电信", "EX0001"), ("中华", "EX0001"),
    ("电信", "EX0001"), ("绿能", "EX0022"),
])
def test_traditional_simplified_and_variant_forms(searcher: Searcher, text: str,
                                                  expected: str) -> None:
    hits = searcher.search(text)
    assert ids(hits, "exhibitor")[0] == expected
    assert hits[0].score >= 80  # found as a name, not as a typo or a keyword


def test_variant_forms_fold_to_one() -> None:
    assert fold("臺體裡裏爲") == fold("台体里里为")
    assert fold("中華電信") == fold("中华电信")
    assert fold("Lumen 中華") == "lumen " + fold("中华")
    assert fold("電扶梯") != fold("電梯")


@pytest.mark.parametrize("text", [
    "zhonghua dianxin", "zhonghuadianxin", "zhdx", "ZHDX", "Zhonghua", "zhonghua dian",
    "dianxin", "zhonghuadian", "ㄓㄨㄥ ㄏㄨㄚ", "ㄓㄨㄥㄏㄨㄚ", "ㄓㄨㄥˉ ㄏㄨㄚˊ", "ㄉㄧㄢㄒㄧㄣ",
])
def test_pinyin_initials_and_zhuyin(searcher: Searcher, text: str) -> None:
    hits = searcher.search(text)
    assert ids(hits, "exhibitor")[0] == "EX0001"
    assert ("booth", "S1024") in [(h.kind, h.id) for h in hits]


@pytest.mark.parametrize("text", ["taibei shizhengfu", "tbszf", "ㄊㄞˊ ㄅㄟˇ"])
def test_pinyin_of_a_traditional_name(searcher: Searcher, text: str) -> None:
    assert ids(searcher.search(text), "exhibitor")[0] == "EX0020"


@pytest.mark.parametrize("text", ["lvneng", "luneng", "lndl"])
def test_pinyin_u_umlaut_typed_as_v_or_u(searcher: Searcher, text: str) -> None:
    assert ids(searcher.search(text), "exhibitor")[0] == "EX0022"


def test_readings_rank_below_names(searcher: Searcher) -> None:
    assert searcher.search("zhdx")[0].score == 78.0
    assert searcher.search("chunghwa")[0].score > 78.0
    # a one-letter word is too little to go by
    assert "EX0001" not in ids(searcher.search("z", limit=100))


def test_readings_are_worked_out_when_the_index_is_built(data_path: Path) -> None:
    code = ("import sqlite3, sys\n"
            "from exponav.core.search.searcher import Searcher\n"
            f"conn = sqlite3.connect({str(data_path)!r})\n"
            "hits = Searcher(conn).search('zhonghua dianxin')\n"
            "print(hits[0].id, 'pypinyin' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": str(APP)})
    assert out.stdout.split() == ["EX0001", "False"]


# -------------------------------------------------------------------------- booth codes


@pytest.mark.parametrize("text", ["s1024", "S-1024", "s 1024", "S1024", " s_1024 ", "Ｓ１０２４"])
def test_booth_code_spellings(searcher: Searcher, text: str) -> None:
    hits = searcher.search(text)
    assert (hits[0].kind, hits[0].id) == ("booth", "S1024")
    assert (hits[1].kind, hits[1].id) == ("exhibitor", "EX0001")
    assert hits[0].name == "Chunghwa Telecom"


@pytest.mark.parametrize("text", ["S1025", "s-1025", "S 1025"])
def test_exhibitor_found_by_a_later_booth_carries_that_booth(searcher: Searcher,
                                                             text: str) -> None:
    booth, exhibitor = searcher.search(text)[:2]
    assert (booth.kind, booth.id, booth.booth) == ("booth", "S1025", "S1025")
    assert (exhibitor.kind, exhibitor.id) == ("exhibitor", "EX0001")
    assert exhibitor.booth == "S1025"
    assert exhibitor.booths == ("S1025", "S1024")


def test_booth_of_exhibitor_found_by_name_is_not_chosen(searcher: Searcher) -> None:
    hit = searcher.search("chunghwa telecom")[0]
    assert (hit.kind, hit.booth, hit.booths) == ("exhibitor", None, ("S1024", "S1025"))
    assert all(h.booth == h.id for h in searcher.search("S10", limit=30))


def test_code_of_an_exhibitor_on_two_levels_gives_that_booths_level(tmp_path: Path) -> None:
    docs = [SearchDoc("exhibitor", "EX1", "Twin Halls", "", ("Q0001", "S0001"), "H2-1F", (), ""),
            SearchDoc("booth", "Q0001", "Twin Halls", "", ("Q0001",), "H2-1F", (), ""),
            SearchDoc("booth", "S0001", "Twin Halls", "", ("S0001",), "H2-4F", (), "")]
    db = sqlite_utils.Database(tmp_path / "t.db")
    create_index(db, docs)
    hit = Searcher(db.conn).search("S0001")[1]
    assert (hit.id, hit.booth, hit.booths, hit.level) == ("EX1", "S0001", ("S0001", "Q0001"),
                                                          "H2-4F")


def test_short_code_is_padded(searcher: Searcher) -> None:
    hits = searcher.search("q210")
    assert [(h.kind, h.id) for h in hits[:2]] == [("booth", "Q0210"), ("exhibitor", "EX0002")]


def test_unassigned_booth_by_code(searcher: Searcher) -> None:
    hits = searcher.search("S1050")
    assert (hits[0].kind, hits[0].id, hits[0].name) == ("booth", "S1050", "")


def test_code_prefix_lists_booths_in_code_order(searcher: Searcher) -> None:
    hits = searcher.search("S10", limit=30)
    codes = ids(hits)
    assert len(codes) == 30
    assert all(c.startswith("S10") for c in codes)
    assert codes == sorted(codes)
    assert ids(searcher.search("s-10", limit=30)) == codes


def test_unknown_code_is_not_an_error(searcher: Searcher) -> None:
    assert ids(searcher.search("Z9999")) == []


# ---------------------------------------------------------------- categories, countries


@pytest.mark.parametrize(("text", "expected"), [
    ("cybersecurity", "EX0004"), ("資安", "EX0004"), ("Cyber", "EX0004"),
    ("5G", "EX0001"), ("Japan", "EX0003"), ("日本", "EX0003"), ("Ukraine", "EX0005"),
    ("烏克蘭", "EX0005"), ("Argentina", "EX0002"), ("intrusion", "EX0004"),
    ("wartime", "EX0005"), ("智慧路燈", "EX0001"),
])
def test_categories_countries_descriptions(searcher: Searcher, text: str, expected: str) -> None:
    assert expected in ids(searcher.search(text, limit=1000), "exhibitor")


def test_5g_finds_every_5g_exhibitor(searcher: Searcher) -> None:
    found = set(ids(searcher.search("5g", limit=1000), "exhibitor"))
    assert {"EX0001", "EX0003"} <= found


def test_description_ranks_below_names(searcher: Searcher) -> None:
    hits = searcher.search("street")
    exhibitors = ids(hits, "exhibitor")
    assert exhibitors.index("EX0011") < exhibitors.index("EX0001")
    by_id = {h.id: h.score for h in hits}
    assert by_id["EX0011"] > by_id["EX0001"]


def test_words_split_between_name_and_keywords(searcher: Searcher) -> None:
    assert searcher.search("chunghwa 5g")[0].id == "EX0001"
    assert searcher.search("ntt japan")[0].id == "EX0003"


# ------------------------------------------------------------------------------ amenities

AMENITY_QUERIES = [
    (["toilet", "toilets", "Toilet", "restroom", "WC", "wc", "bathroom", "loo", "廁所", "洗手間",
      "化妝室", "restrooms"], "toilet"),
    (["accessible toilet", "wheelchair", "無障礙廁所", "accessible", "Accessible Toilets"],
     "toilet.accessible"),
    (["info", "information", "help desk", "服務台", "詢問處", "help"], "information"),
    (["food", "café", "cafe", "restaurant", "eat", "餐廳", "美食", "coffee"], "food"),
    (["first aid", "medical", "醫護室", "急救", "firstaid"], "firstaid"),
    (["nursing", "baby", "哺乳室", "nursing room"], "nursing"),
    (["charging", "charge", "phone", "充電"], "charging"),
    (["exit", "出口", "exits", "way out", "keluar"], "door"),
    (["emergency exit", "emergency", "緊急出口", "fire exit", "逃生口", "pintu darurat"],
     "emergencyexit"),
    (["atm", "ATM", "cash", "提款機", "自動提款機", "提款机", "tarik tunai"], "atm"),
    (["wifi", "wi-fi", "Wi-Fi", "wireless", "無線網路", "无线网络", "wifi gratis"], "wifi"),
    (["cloakroom", "luggage", "coat check", "寄物", "寄物處", "penitipan barang"], "cloakroom"),
    (["registration", "badge", "check in", "報到", "報到處", "报到", "pendaftaran"],
     "registration"),
    (["mrt", "metro", "subway", "捷運", "捷运", "地鐵", "stasiun"], "mrt"),
    (["taxi", "cab", "計程車", "计程车", "taksi"], "taxi"),
    (["toilet", "kamar kecil"], "toilet"), (["informasi"], "information"),
    (["makan", "kafe"], "food"), (["ruang menyusui"], "nursing"),
    (["meeting", "matchmaking", "媒合"], "meeting"),
    (["stage", "forum", "論壇"], "stage"),
]


@pytest.mark.parametrize(("text", "category"),
                         [(t, c) for texts, c in AMENITY_QUERIES for t in texts])
def test_amenities_by_everyday_words(searcher: Searcher, text: str, category: str) -> None:
    hits = searcher.search(text)
    assert hits and hits[0].kind == "amenity"
    assert categories_of(hits)[0] == category


@pytest.mark.parametrize("text", ["toilet", "restroom", "廁所", "洗手間"])
def test_toilets_include_accessible_toilets(searcher: Searcher, text: str) -> None:
    cats = categories_of(searcher.search(text))
    assert cats[:4] == ["toilet"] * 4
    assert "toilet.accessible" in cats


@pytest.mark.parametrize("text", ["accessible toilet", "wheelchair", "無障礙廁所"])
def test_accessible_toilets_first(searcher: Searcher, text: str) -> None:
    cats = categories_of(searcher.search(text))
    assert cats[:4] == ["toilet.accessible"] * 4


def test_exit_means_the_doors_visitors_use(searcher: Searcher) -> None:
    cats = categories_of(searcher.search("exit", limit=50))
    assert cats[:4] == ["door"] * 4
    assert "entrance" in cats  # an entrance is a way out too, a little lower
    assert cats.index("emergencyexit") > max(i for i, c in enumerate(cats) if c == "entrance")
    assert "emergencyexit" not in categories_of(searcher.search("exit", category="exit"))


@pytest.mark.parametrize(("text", "kind"), [
    ("escalator", "escalator"), ("escalators", "escalator"), ("電扶梯", "escalator"),
    ("电扶梯", "escalator"), ("手扶梯", "escalator"), ("eskalator", "escalator"),
    ("elevator", "elevator"), ("lift", "elevator"), ("lifts", "elevator"),
    ("電梯", "elevator"), ("电梯", "elevator"), ("stairs", "stairs"), ("staircase", "stairs"),
    ("樓梯", "stairs"), ("楼梯", "stairs"), ("tangga", "stairs"), ("walkway", "walkway"),
    ("連通道", "walkway"), ("Escalator A", "escalator"), ("電扶梯A", "escalator"),
])
def test_connectors_by_name_and_kind(searcher: Searcher, text: str, kind: str) -> None:
    hits = searcher.search(text)
    assert (hits[0].kind, hits[0].id.split("-")[0].lower()) == ("connector", kind)
    assert {h.level for h in hits if h.kind == "connector" and h.id.startswith(kind.upper())} \
        == set(LEVELS.values())


def test_connector_filters(searcher: Searcher) -> None:
    hits = searcher.search("lift", level="H2-4F", category="elevator")
    assert ids(hits) == ["ELEVATOR-A@H2-4F"]
    assert ids(searcher.search("", category="stairs", limit=5)) == [
        "STAIRS-A@H2-1F", "STAIRS-A@H2-4F"]


@pytest.mark.parametrize(("text", "category"), [
    ("toi", "toilet"), ("restr", "toilet"), ("resta", "food"), ("wheel", "toilet.accessible"),
    ("emerg", "emergencyexit"), ("matchm", "meeting"), ("廁", "toilet"), ("無障", "toilet.accessible"),
])
def test_amenities_as_you_type(searcher: Searcher, text: str, category: str) -> None:
    assert categories_of(searcher.search(text))[0] == category


def test_lone_chinese_character_prefers_names(searcher: Searcher) -> None:
    hits = searcher.search("中")
    assert hits[0].id == "EX0001"
    assert "INFORMATION" not in " ".join(ids(hits[:3]))  # 服務中心 is an everyday word


def test_amenity_typo(searcher: Searcher) -> None:
    assert categories_of(searcher.search("toliet"))[0] == "toilet"


def test_amenity_by_id(searcher: Searcher) -> None:
    assert searcher.search("MM-B12")[0].id == "MM-B12"
    assert searcher.search("mm b12")[0].id == "MM-B12"


# ------------------------------------------------------------------------------- ranking


def test_tiers_exact_prefix_word_piece_keywords_typo(searcher: Searcher) -> None:
    hits = searcher.search("lumen", limit=50)
    assert ids(hits, "exhibitor") == ["EX0010", "EX0011", "EX0012", "EX0013", "EX0014",
                                      "EX0015"]
    assert [(h.kind, h.id) for h in hits[:2]] == [("exhibitor", "EX0010"), ("booth", "S2001")]


def test_scores_descend_and_repeat(searcher: Searcher) -> None:
    for text in ["lumen", "toilet", "s10", "中", "chungwha", "smart", "a"]:
        hits = searcher.search(text, limit=100)
        scores = [h.score for h in hits]
        assert scores == sorted(scores, reverse=True)
        assert searcher.search(text, limit=100) == hits
        assert len({(h.kind, h.id) for h in hits}) == len(hits)


def test_ties_ordered_by_kind_then_name(searcher: Searcher) -> None:
    hits = searcher.search("smart", limit=200)
    tier = [h for h in hits if h.score == hits[0].score]
    order = {"exhibitor": 0, "amenity": 1, "booth": 2}
    keys = [(order[h.kind], h.name.casefold()) for h in tier]
    assert keys == sorted(keys)


# ------------------------------------------------------------------------------- filters


def test_level_filter(searcher: Searcher) -> None:
    hits = searcher.search("toilet", level="H2-4F", limit=100)
    assert hits and all(h.level == "H2-4F" for h in hits)
    assert searcher.search("chunghwa", level="H2-1F") == []
    assert ids(searcher.search("chunghwa", level="h2-4f"))[0] == "EX0001"
    assert searcher.search("chunghwa", level="B9") == []


def test_exhibitor_matches_every_level_it_has_booths_on(tmp_path: Path) -> None:
    docs = [SearchDoc("exhibitor", "EX1", "Twin Halls", "", ("Q0001", "S0001"), "H2-1F", (), ""),
            SearchDoc("booth", "Q0001", "Twin Halls", "", ("Q0001",), "H2-1F", (), ""),
            SearchDoc("booth", "S0001", "Twin Halls", "", ("S0001",), "H2-4F", (), "")]
    db = sqlite_utils.Database(tmp_path / "t.db")
    create_index(db, docs)
    s = Searcher(db.conn)
    assert [(h.kind, h.id) for h in s.search("twin", level="H2-4F")] == [
        ("exhibitor", "EX1"), ("booth", "S0001")]


def test_category_filter(searcher: Searcher) -> None:
    toilets = searcher.search("toilet", category="toilet", limit=100)
    assert set(categories_of(toilets)) == {"toilet", "toilet.accessible"}
    assert len(toilets) == len(categories_of(toilets))
    accessible = searcher.search("toilet", category="toilet.accessible", limit=100)
    assert set(categories_of(accessible)) == {"toilet.accessible"}
    assert ids(searcher.search("telecom", category="5g"))[0] == "EX0001"
    assert searcher.search("telecom", category="energy") == []
    assert searcher.search("toilet", category="no-such-thing") == []


def test_filters_ignore_case(searcher: Searcher) -> None:
    assert ids(searcher.search("toilet", category="TOILET.Accessible ", level="h2-1f")) == [
        "TOILET.ACCESSIBLE-H2-1F-1", "TOILET.ACCESSIBLE-H2-1F-2"]


def test_filters_combine(searcher: Searcher) -> None:
    hits = searcher.search("廁所", level="H2-1F", category="toilet.accessible")
    assert ids(hits) == ["TOILET.ACCESSIBLE-H2-1F-1", "TOILET.ACCESSIBLE-H2-1F-2"]


def test_browse_a_filter_with_no_text(searcher: Searcher) -> None:
    hits = searcher.search("", category="firstaid", limit=10)
    assert sorted(ids(hits)) == sorted(f"FIRSTAID-{lv}-{k}" for lv in LEVELS.values()
                                       for k in (1, 2))
    assert searcher.search("   ") == []
    assert searcher.search("") == []


@pytest.mark.parametrize("limit", [0, -1, 1, 3, 1000])
def test_limit(searcher: Searcher, limit: int) -> None:
    hits = searcher.search("smart", limit=limit)
    assert len(hits) == max(0, min(limit, len(hits)))
    if limit > 0:
        assert len(hits) == min(limit, len(searcher.search("smart", limit=10_000)))


# ----------------------------------------------------------------------- the data file


def test_hit_to_dict(searcher: Searcher) -> None:
    d = searcher.search("s1024")[0].to_dict()
    assert d == {"kind": "booth", "id": "S1024", "name": "Chunghwa Telecom",
                 "name_zh": "中華電信", "booths": ["S1024"], "level": "H2-4F",
                 "score": d["score"], "booth": "S1024"}
    assert isinstance(d["score"], float)


def test_index_is_rebuilt_and_rejects_duplicates(tmp_path: Path) -> None:
    db = sqlite_utils.Database(tmp_path / "t.db")
    doc = SearchDoc("booth", "S0001", "", "", ("S0001",), "H2-4F", (), "")
    create_index(db, make_docs(20))
    create_index(db, [doc])
    assert db["search_docs"].count == 1
    with pytest.raises(ValueError, match="S0001"):
        create_index(db, [doc, doc])


QUERIES = ["chunghwa", "中華", "電信", "chungwha", "s-1024", "S10", "q210", "toilet", "廁所",
           "wheelchair", "cordoba", "lumen", "5g", "資安", "street", "smart", "a", "toi"]


@pytest.mark.parametrize("damage", [
    "UPDATE search_meta SET value = '0' WHERE key = 'format'",
    "DROP TABLE search_terms",
    "DELETE FROM search_terms WHERE field = 'kw'",
    "DROP TABLE search_meta",
])
def test_index_of_another_version_is_analysed_again(data_path: Path, searcher: Searcher,
                                                    tmp_path: Path, damage: str) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes(data_path.read_bytes())
    with sqlite3.connect(copy) as conn:
        conn.execute(damage)
    conn.close()
    conn, again = open_searcher(copy)
    for text in QUERIES:
        assert again.search(text, limit=50) == searcher.search(text, limit=50), text
    conn.close()


def test_documents_with_lists_instead_of_tuples(tmp_path: Path) -> None:
    db = sqlite_utils.Database(tmp_path / "t.db")
    create_index(db, [SearchDoc("exhibitor", "EX1", "Acme", "", ["S0001"], "H2-4F",  # type: ignore[arg-type]
                                ["ai"], "")])
    hit = Searcher(db.conn).search("acme", category="ai")[0]
    assert hit.booths == ("S0001",)


def test_missing_index_is_a_plain_error(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "empty.db")
    with pytest.raises(ValueError, match="search index"):
        Searcher(conn)


def test_read_only_file_and_empty_index(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    create_index(sqlite_utils.Database(path), [])
    conn, s = open_searcher(path)
    assert s.search("toilet") == []
    assert s.search("", category="toilet") == []
    conn.close()


# ------------------------------------------------------------------------------ any text

NASTY = ["", " ", "\t\n", "'", '"', "`", "''", '""', "\"'`", "AND", "OR", "NOT", "NEAR",
         "a AND b", "NEAR(a b)", "*", "^", ":", "(", ")", "-", "a*", "^a", "name:x", "-x",
         "\"unterminated", "'; DROP TABLE search_docs; --", "1=1", "%", "_", "\\", "\x00",
         "a\x00b", "\x01\x1f\x7f", "😀", "🏳️‍🌈", "👍🏽 toilet", "\u200b", "\ufeff", "\ud800",
         "x" * 10_000, "中" * 10_000, "chunghwa " * 1200, "S" + "1" * 5000, "s-", "s-1024-",
         "Ω≈ç√∫", "ǅ", "ﬁ", "ß", "İ", "\u0301", "a\u0301" * 100, "q" * 40, "toilet" * 50,
         "NULL", "None", "%s", "{0}", "$(rm -rf /)", "<script>", "a OR 1=1 --"]


@pytest.mark.parametrize("text", NASTY)
def test_nasty_text_never_raises(searcher: Searcher, text: str) -> None:
    hits = searcher.search(text)
    assert isinstance(hits, list)
    assert all(isinstance(h, SearchHit) for h in hits)
    assert len(hits) <= 20


@settings(max_examples=300, deadline=None)
@given(text=st.text(), level=st.none() | st.sampled_from(["H2-1F", "H2-4F"]) | st.text(),
       category=st.none() | st.sampled_from(["toilet", "5g"]) | st.text(),
       limit=st.integers(min_value=-3, max_value=60))
def test_any_text_never_raises(searcher: Searcher, text: str, level: str | None,
                               category: str | None, limit: int) -> None:
    hits = searcher.search(text, level=level, category=category, limit=limit)
    assert len(hits) <= max(limit, 0)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("chunghwa 中華電信S-1024'\"*():^ANDORNT")),
                    max_size=30))
def test_near_misses_never_raise(searcher: Searcher, text: str) -> None:
    assert isinstance(searcher.search(text), list)


# ------------------------------------------------------- services in walking order


def _blue_index(tmp_path: Path) -> Searcher:
    docs = [SearchDoc("exhibitor", "EX1", "Blue Kiosk", "", ("S0001",), "L1", (), ""),
            SearchDoc("booth", "S0001", "Blue Kiosk", "", ("S0001",), "L1", (), ""),
            *(SearchDoc("amenity", f"CAFE-{i}", f"Blue Cafe {i}", "", (), "L1", ("food",), "")
              for i in (1, 2, 3))]
    db = sqlite_utils.Database(tmp_path / "blue.db")
    create_index(db, docs)
    return Searcher(db.conn)


def test_service_key_orders_services_between_exhibitors_and_booths(tmp_path: Path) -> None:
    s = _blue_index(tmp_path)
    assert ids(s.search("blue")) == ["EX1", "CAFE-1", "CAFE-2", "CAFE-3", "S0001"]
    far_first = {"CAFE-1": 3, "CAFE-2": 2, "CAFE-3": 1}
    hits = s.search("blue", service_key=lambda pid, lv: far_first[pid])
    assert ids(hits) == ["EX1", "CAFE-3", "CAFE-2", "CAFE-1", "S0001"]
    assert len({h.score for h in hits}) == 1
    assert ids(s.search("blue", limit=2, service_key=lambda pid, lv: far_first[pid])) == [
        "EX1", "CAFE-3"]
    assert ids(s.search("", category="food", limit=1,
                        service_key=lambda pid, lv: far_first[pid])) == ["CAFE-3"]


def test_related_amenities_count_as_own_when_merged(searcher: Searcher) -> None:
    near = "TOILET.ACCESSIBLE-H2-4F-2"
    key = {near: 0}.get
    plain = searcher.search("toilet", service_key=lambda pid, lv: key(pid, 9))
    assert categories_of(plain)[:4] == ["toilet"] * 4  # related ones stay a little lower
    merged = searcher.search("toilet", service_key=lambda pid, lv: key(pid, 9),
                             merge_related=True)
    assert merged[0].id == near
    assert merged[0].score == merged[1].score
    assert categories_of(searcher.search("accessible toilet", merge_related=True))[:4] == [
        "toilet.accessible"] * 4


# --------------------------------------------------------- on the SCSE data file

SHOW = {"H2-1F", "H2-4F"}


def test_show_levels(nav) -> None:
    assert nav.show_levels == ["H2-1F", "H2-4F"]


@pytest.mark.parametrize("text", ["toilet", "樓梯", "stairs", "escalator", "lift", "exit"])
def test_without_an_origin_services_on_the_shows_levels_come_first(nav, text: str) -> None:
    levels = [h.level for h in nav.search(text, limit=100)]
    assert levels[0] in SHOW
    first_other = next(i for i, lv in enumerate(levels) if lv not in SHOW)
    assert set(levels[:first_other]) == SHOW
    assert all(lv not in SHOW for lv in levels[first_other:first_other + 2])


ORIGINS = ["K-H2-1F-1", "K-H2-4F-3", "S1024", "Q0210", "H2-1F@30,60", "K-H1-1F-1"]


@pytest.mark.parametrize("origin", ORIGINS)
@pytest.mark.parametrize(("text", "kind"), [("toilet", "amenity:toilet"),
                                            ("exit", "exit"), ("lift", "connector:elevator")])
def test_search_from_a_place_ranks_services_by_walking(nav, origin: str, text: str,
                                                       kind: str) -> None:
    hits = nav.search(text, origin=origin, limit=100)
    walking = [n.id for n in nav.nearest(origin=origin, kind=kind, by="walking", limit=100)]
    assert walking
    assert [h.id for h in hits if h.id in set(walking)] == walking
    top = [h for h in hits if h.score == hits[0].score]
    in_use = SHOW | {nav.place(origin).level}
    assert [h.level in in_use for h in top] == sorted((h.level in in_use for h in top),
                                                      reverse=True)


def test_nearest_toilet_by_walking_is_the_first_toilet_found(nav) -> None:
    for origin in ORIGINS:
        first = nav.search("restroom", origin=origin, limit=1)[0]
        best = nav.nearest(origin=origin, kind="amenity:toilet", by="walking", limit=1)[0]
        assert first.id == best.id, origin
    assert nav.search("toilet", origin="K-H2-4F-3", limit=1)[0].level == "H2-4F"


def test_exits_are_the_doors_visitors_use(nav) -> None:
    for origin in ORIGINS:
        hits = nav.search("exit", origin=origin, limit=8)
        doors = [h for h in hits if nav.opening(h.id) is not None]
        assert doors and all(nav.opening(h.id).category == "pedestrian" for h in doors)
        found = nav.nearest(origin=origin, kind="exit", by="walking", limit=10)
        assert found and {n.category for n in found} == {"pedestrian"}
        straight = nav.nearest(origin=origin, kind="exit", limit=10)
        assert {n.category for n in straight} == {"pedestrian"}
    evacuation = nav.nearest(origin="S1024", kind="opening:emergencyexit", by="walking")
    assert evacuation and {n.category for n in evacuation} == {"emergencyexit"}
    assert "emergency" in nav.search("emergency exit")[0].name.lower()


def test_nearest_by_walking_keeps_to_the_levels_in_use(nav) -> None:
    found = nav.nearest(origin="K-H2-1F-1", kind="amenity:toilet", by="walking", limit=50)
    assert {n.level for n in found} == SHOW
    from_hall1 = nav.nearest(origin="K-H1-1F-1", kind="amenity:toilet", by="walking", limit=50)
    assert {n.level for n in from_hall1} == SHOW | {"H1-1F"}


def test_nearest_straight_from_a_place_is_from_its_point(nav) -> None:
    kiosk = nav.place("K-H2-4F-2")
    assert nav.nearest(origin="K-H2-4F-2", kind="amenity") == nav.nearest(
        kiosk.level, kiosk.x, kiosk.y, kind="amenity")
    walking = nav.nearest("H2-4F", kiosk.x, kiosk.y, kind="amenity:toilet", by="walking")
    assert walking == nav.nearest(origin=kiosk, kind="amenity:toilet", by="walking")
    assert walking[0].distance_m >= nav.nearest(origin=kiosk, kind="amenity:toilet")[0].distance_m


def test_nearest_connectors_by_kind(nav) -> None:
    lifts = nav.nearest(origin="S1024", kind="connector:elevator", limit=10)
    assert lifts and {n.id for n in lifts} == {"EL-H2-A", "EL-H2-B"}
    on_foot = nav.nearest(origin="S1024", kind="connector:escalator", by="walking", limit=10)
    assert on_foot and all(n.id.startswith("ES-H2-") for n in on_foot)


def test_nearest_and_search_refuse_bad_input(nav) -> None:
    from exponav.core.errors import NotFound

    with pytest.raises(NotFound, match="straight or walking"):
        nav.nearest(origin="S1024", by="bird")
    with pytest.raises(NotFound, match="Say where from"):
        nav.nearest("H2-1F")
    with pytest.raises(NotFound, match="no place"):
        nav.nearest(origin="nowhere")
    with pytest.raises(NotFound, match="no place"):
        nav.search("toilet", origin="nowhere")
    with pytest.raises(NotFound, match="Unknown kind"):
        nav.nearest(origin="S1024", kind="unicorn", by="walking")


def test_search_walks_once_per_origin(nav, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = nav.router.nearest_by_walking

    def counting(*args, **kwargs):
        calls.append(args[0].id)
        return real(*args, **kwargs)

    monkeypatch.setattr(nav.router, "nearest_by_walking", counting)
    nav.forget_walking_orders()
    for text in ["t", "to", "toi", "toil", "toilet", "exit", "lift"]:
        nav.search(text, origin="K-H2-1F-2")
    assert calls == ["K-H2-1F-2"]


@pytest.mark.parametrize(("text", "name_zh"), [
    ("台北市政府", "臺北市政府願景館"), ("台北市政府願景館", "臺北市政府願景館"),
    ("台北市政府愿景馆", "臺北市政府願景館"), ("中华电信", "中華電信"),
    ("zhonghua dianxin", "中華電信"), ("zhonghuadianxin", "中華電信"), ("zhdx", "中華電信"),
    ("ㄓㄨㄥ ㄏㄨㄚ", "中華電信"), ("鸿海", "鴻海科技集團"),
])
def test_scse_names_in_the_ways_people_type(nav, text: str, name_zh: str) -> None:
    hit = next(h for h in nav.search(text) if h.kind == "exhibitor")
    assert hit.name_zh == name_zh


def test_scse_booth_code_hit_carries_the_typed_booth(nav) -> None:
    exhibitor = nav.exhibitor_at("S1024")
    assert exhibitor.booths[0] != "S1024"  # the case that went wrong: not its first booth
    booth, owner = nav.search("S1024")[:2]
    assert (booth.kind, booth.id, booth.booth) == ("booth", "S1024", "S1024")
    assert (owner.kind, owner.id, owner.booth, owner.booths[0]) == (
        "exhibitor", exhibitor.id, "S1024", "S1024")
    assert nav.place(owner.booths[0]).id == "S1024"


@pytest.mark.parametrize(("text", "category"), [
    ("atm", "atm"), ("提款機", "atm"), ("wifi", "wifi"), ("無線網路", "wifi"),
    ("cloakroom", "cloakroom"), ("寄物", "cloakroom"), ("registration", "registration"),
    ("報到", "registration"), ("pendaftaran", "registration"), ("mrt", "mrt"),
    ("捷運", "mrt"), ("metro", "mrt"), ("taxi", "taxi"), ("計程車", "taxi"), ("taksi", "taxi"),
])
def test_scse_services(nav, text: str, category: str) -> None:
    hits = nav.search(text, origin="K-H2-1F-1")
    assert hits and nav.amenity(hits[0].id).category == category
    assert hits[0].level in SHOW


@pytest.mark.parametrize(("text", "kind"), [
    ("escalator", "escalator"), ("電扶梯", "escalator"), ("eskalator", "escalator"),
    ("lift", "elevator"), ("elevator", "elevator"), ("電梯", "elevator"),
    ("stairs", "stairs"), ("樓梯", "stairs"), ("tangga", "stairs"), ("Escalator B", "escalator"),
    ("電扶梯B", "escalator"), ("walkway", "walkway"),
])
def test_scse_connectors(nav, text: str, kind: str) -> None:
    hit = nav.search(text, origin="S1024")[0]
    assert hit.kind == "connector"
    assert nav.place(hit.id).kind == "connector"
    assert nav.place_category(nav.place(hit.id)) == kind
    connector = next(c for c in nav.venue.connectors if c.id == hit.id.partition("@")[0])
    assert connector.kind == kind
