"""Everyday words for amenity and connector categories in English, Chinese and Indonesian,
and the phrases by which one of a category is found: its own words, and a little lower its
relatives'.

>>> own, related = amenity_phrases("toilet.accessible")
>>> own[0], related[0]
(('accessible toilet', ('accessible', 'toilet')), ('toilet', ('toilet',)))
"""

from __future__ import annotations

from exponav.core.search.text import canon, doc_terms, fold, tokens

__all__ = ["AMENITY_RELATED", "AMENITY_WORDS", "amenity_phrases"]

#: Everyday words for amenity and connector categories in English, Chinese (traditional and
#: simplified) and Indonesian (a category id is always one too).
AMENITY_WORDS: dict[str, tuple[str, ...]] = {
    "toilet": (
        "toilet", "toilets", "restroom", "restrooms", "rest room", "rest rooms", "wc",
        "bathroom", "bathrooms", "loo", "loos", "lavatory", "lavatories", "washroom",
        "washrooms", "water closet", "gents", "ladies", "men's room", "women's room",
        "廁所", "洗手間", "化妝室", "盥洗室", "衛生間", "厕所", "洗手间", "卫生间",
        "kamar kecil", "kamar mandi", "toilet umum"),
    "toilet.accessible": (
        "accessible toilet", "accessible toilets", "accessible restroom", "accessible wc",
        "accessible bathroom", "disabled toilet", "disabled", "wheelchair",
        "wheelchair accessible", "handicap", "handicapped", "barrier free", "無障礙廁所",
        "無障礙洗手間", "無障礙", "身障廁所", "殘障廁所", "无障碍厕所", "无障碍",
        "toilet difabel", "difabel", "disabilitas", "kursi roda"),
    "information": (
        "information", "info", "information desk", "information counter", "info desk",
        "help", "help desk", "helpdesk", "service desk", "service counter", "enquiries",
        "inquiries", "inquiry", "reception", "customer service", "服務台", "服務臺",
        "詢問處", "服務中心", "諮詢台", "詢問台", "服务台", "询问处", "informasi",
        "pusat informasi", "meja informasi", "bantuan"),
    "food": (
        "food", "cafe", "cafes", "coffee", "restaurant", "restaurants", "eat", "eating",
        "dining", "lunch", "snack", "snacks", "drink", "drinks", "food court", "canteen",
        "cafeteria", "food and drink", "餐廳", "美食", "餐飲", "咖啡", "美食街", "用餐",
        "飲食", "餐厅", "餐饮", "makan", "makanan", "minuman", "kafe", "restoran", "kantin"),
    "firstaid": (
        "first aid", "firstaid", "medical", "medical room", "medical centre",
        "medical center", "medic", "clinic", "doctor", "nurse", "infirmary", "醫護室",
        "急救", "急救站", "醫務室", "醫療站", "医护室", "医务室", "pertolongan pertama",
        "p3k", "klinik", "medis", "dokter"),
    "nursing": (
        "nursing", "nursing room", "baby", "babies", "baby care", "baby room",
        "breastfeeding", "lactation", "diaper", "diapers", "baby changing", "哺乳室",
        "哺集乳室", "集乳室", "哺乳", "育嬰室", "尿布台", "育婴室", "ruang menyusui",
        "menyusui", "ruang laktasi", "bayi"),
    "charging": (
        "charging", "charging station", "charge", "charger", "phone", "phone charging",
        "mobile charging", "power bank", "usb", "充電", "充電站", "充電區", "手機充電",
        "充电", "充电站", "isi daya", "pengisian daya", "colokan"),
    "meeting": (
        "meeting", "meetings", "meeting table", "meeting tables", "matchmaking",
        "business matchmaking", "b2b", "business meeting", "媒合", "商務媒合", "媒合區",
        "商談", "洽談", "洽談桌", "會議", "pertemuan", "rapat", "temu bisnis"),
    "stage": (
        "stage", "stages", "forum", "forums", "talk", "talks", "seminar", "seminars",
        "theater", "theatre", "keynote", "presentation", "論壇", "舞台", "舞臺", "講座",
        "演講", "研討會", "论坛", "panggung"),
    "exit": (
        "exit", "exits", "way out", "出口", "離開", "keluar", "pintu keluar", "jalan keluar"),
    "emergencyexit": (
        "emergency exit", "emergency exits", "emergency", "fire exit", "fire exits",
        "evacuation", "緊急出口", "逃生口", "逃生門", "安全門", "逃生", "紧急出口", "逃生门",
        "pintu darurat", "darurat", "jalur evakuasi"),
    "entrance": ("entrance", "entrances", "entry", "way in", "入口", "大門", "pintu masuk",
                 "masuk"),
    "prayer": ("prayer", "prayer room", "prayer rooms", "chapel", "祈禱室", "禱告室",
               "musala", "mushola", "musholla", "ruang ibadah", "ruang doa", "salat", "sholat"),
    "atm": (
        "atm", "atms", "cash", "cash machine", "cashpoint", "money", "withdraw cash",
        "自動提款機", "提款機", "提款", "領錢", "自动提款机", "提款机", "取款机",
        "anjungan tunai mandiri", "tarik tunai", "uang tunai"),
    "wifi": (
        "wifi", "wi-fi", "wi fi", "free wifi", "wireless", "wlan", "hotspot",
        "無線網路", "無線上網", "免費無線網路", "無線網絡", "无线网络", "无线上网",
        "wifi gratis", "nirkabel", "jaringan nirkabel"),
    "cloakroom": (
        "cloakroom", "cloakrooms", "cloak room", "coat check", "coat room", "luggage",
        "left luggage", "baggage", "bag storage", "bag drop", "locker", "lockers",
        "寄物處", "寄物", "行李寄放", "寄放", "衣帽間", "置物櫃", "寄存", "寄物处",
        "行李寄存", "衣帽间", "penitipan barang", "penitipan tas", "penitipan", "loker"),
    "registration": (
        "registration", "register", "registration desk", "badge", "badges",
        "badge pickup", "check in", "check-in", "ticket", "tickets", "ticketing",
        "visitor registration", "報到處", "報到", "登記", "登錄", "註冊", "售票處",
        "票務", "报到处", "报到", "登记", "registrasi", "pendaftaran", "daftar", "tiket",
        "loket"),
    "mrt": (
        "mrt", "mrt station", "metro", "metro station", "subway", "underground", "train",
        "station", "捷運", "捷運站", "地鐵", "地鐵站", "南港展覽館站", "捷运", "地铁",
        "stasiun", "stasiun mrt", "kereta"),
    "taxi": (
        "taxi", "taxis", "taxi stand", "taxi rank", "cab", "cabs", "計程車", "計程車招呼站",
        "計程車站", "叫車", "出租車", "的士", "出租车", "计程车", "taksi", "pangkalan taksi"),
    "escalator": (
        "escalator", "escalators", "moving stairs", "電扶梯", "手扶梯", "扶梯", "自動扶梯",
        "电扶梯", "自动扶梯", "eskalator", "tangga berjalan"),
    "elevator": (
        "elevator", "elevators", "lift", "lifts", "電梯", "升降梯", "昇降機", "电梯",
        "升降机"),
    "stairs": (
        "stairs", "stair", "staircase", "stairway", "stairwell", "steps", "樓梯", "階梯",
        "楼梯", "阶梯", "tangga"),
    "walkway": (
        "walkway", "skybridge", "sky bridge", "bridge", "passage", "passageway",
        "connecting walkway", "連通道", "連通步道", "天橋", "空橋", "连通道", "天桥",
        "jembatan", "jembatan penghubung", "lorong"),
    "ramp": ("ramp", "ramps", "坡道", "斜坡", "landai", "jalur landai"),
}

#: Categories whose words also find another category, a little lower: an entrance is a
#: way out too. A dotted category also inherits from its parent (toilet.accessible).
AMENITY_RELATED: dict[str, tuple[str, ...]] = {"entrance": ("exit",)}


def amenity_phrases(category: str) -> tuple[list[tuple[str, tuple[str, ...]]], ...]:
    """(own, related) amenity phrases of a category: (folded phrase, its index terms)."""
    cat = category.strip().casefold()
    parts = cat.split(".")
    related_cats = [".".join(parts[:i]) for i in range(1, len(parts))]
    related_cats += AMENITY_RELATED.get(cat, ())
    own = list(AMENITY_WORDS.get(cat, ())) + [cat.replace(".", " ")]
    related = [p for c in related_cats for p in AMENITY_WORDS.get(c, (c,))]

    def analyse(phrases: list[str]) -> list[tuple[str, tuple[str, ...]]]:
        out = []
        for p in dict.fromkeys(phrases):
            toks = tokens(fold(p))
            if toks:
                out.append((canon(toks), tuple(doc_terms(toks))))
        return out

    return analyse(own), analyse(related)
