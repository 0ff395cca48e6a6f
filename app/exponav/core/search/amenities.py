"""Everyday words for amenity categories in English and Chinese, and the phrases by which
an amenity of a category is found: its own words, and a little lower its relatives'.

>>> own, related = amenity_phrases("toilet.accessible")
>>> own[0], related[0]
(('accessible toilet', ('accessible', 'toilet')), ('toilet', ('toilet',)))
"""

from __future__ import annotations

from exponav.core.search.text import canon, doc_terms, fold, tokens

__all__ = ["AMENITY_RELATED", "AMENITY_WORDS", "amenity_phrases"]

#: Everyday words for amenity categories (an amenity's category id is always one too).
AMENITY_WORDS: dict[str, tuple[str, ...]] = {
    "toilet": (
        "toilet", "toilets", "restroom", "restrooms", "rest room", "rest rooms", "wc",
        "bathroom", "bathrooms", "loo", "loos", "lavatory", "lavatories", "washroom",
        "washrooms", "water closet", "gents", "ladies", "men's room", "women's room",
        "廁所", "洗手間", "化妝室", "盥洗室", "衛生間", "厕所", "洗手间", "卫生间"),
    "toilet.accessible": (
        "accessible toilet", "accessible toilets", "accessible restroom", "accessible wc",
        "accessible bathroom", "disabled toilet", "disabled", "wheelchair",
        "wheelchair accessible", "handicap", "handicapped", "barrier free", "無障礙廁所",
        "無障礙洗手間", "無障礙", "身障廁所", "殘障廁所", "无障碍厕所", "无障碍"),
    "information": (
        "information", "info", "information desk", "information counter", "info desk",
        "help", "help desk", "helpdesk", "service desk", "service counter", "enquiries",
        "inquiries", "inquiry", "reception", "customer service", "服務台", "服務臺",
        "詢問處", "服務中心", "諮詢台", "詢問台", "服务台", "询问处"),
    "food": (
        "food", "cafe", "cafes", "coffee", "restaurant", "restaurants", "eat", "eating",
        "dining", "lunch", "snack", "snacks", "drink", "drinks", "food court", "canteen",
        "cafeteria", "food and drink", "餐廳", "美食", "餐飲", "咖啡", "美食街", "用餐",
        "飲食", "餐厅", "餐饮"),
    "firstaid": (
        "first aid", "firstaid", "medical", "medical room", "medical centre",
        "medical center", "medic", "clinic", "doctor", "nurse", "infirmary", "醫護室",
        "急救", "急救站", "醫務室", "醫療站", "医护室", "医务室"),
    "nursing": (
        "nursing", "nursing room", "baby", "babies", "baby care", "baby room",
        "breastfeeding", "lactation", "diaper", "diapers", "baby changing", "哺乳室",
        "哺集乳室", "集乳室", "哺乳", "育嬰室", "尿布台", "育婴室"),
    "charging": (
        "charging", "charging station", "charge", "charger", "phone", "phone charging",
        "mobile charging", "power bank", "usb", "充電", "充電站", "充電區", "手機充電",
        "充电", "充电站"),
    "meeting": (
        "meeting", "meetings", "meeting table", "meeting tables", "matchmaking",
        "business matchmaking", "b2b", "business meeting", "媒合", "商務媒合", "媒合區",
        "商談", "洽談", "洽談桌", "會議"),
    "stage": (
        "stage", "stages", "forum", "forums", "talk", "talks", "seminar", "seminars",
        "theater", "theatre", "keynote", "presentation", "論壇", "舞台", "舞臺", "講座",
        "演講", "研討會", "论坛"),
    "exit": (
        "exit", "exits", "emergency exit", "emergency exits", "way out", "出口", "緊急出口",
        "逃生口", "安全門", "紧急出口"),
    "entrance": ("entrance", "entrances", "entry", "way in", "入口", "大門"),
    "prayer": ("prayer", "prayer room", "prayer rooms", "chapel", "祈禱室", "禱告室"),
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
