"""Generate the SCSE 2025 seed data in ``db/scse2025/`` from the TaiNEX floor plans.

Usage::

    .venv/bin/python tools/gen_scse.py

Writes ``show.json``, ``categories.csv``, ``exhibitors.csv`` and ``sessions.csv``. The
output is deterministic (one ``random.Random(2025)``). Once written, the CSV files are the
committed source of truth; rerun this only to rebuild them from scratch.

What comes from the public record (see db/README.md for the sources) is written out
by hand below with ``demo=0``; everything else is invented, plausible and marked
``demo=1``: the invented companies (fictional names, websites under ``.example``), the
booth assignment, session times and places, the illustrative forums and every
matchmaking meeting.
"""

from __future__ import annotations

import csv
import json
import math
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "floorplans" / "tainex"
OUT = ROOT / "db" / "scse2025"
HALL2_LEVELS = ["H2-1F", "H2-4F"]
TZ = timezone(timedelta(hours=8))
DAYS = ["2025-03-18", "2025-03-19", "2025-03-20", "2025-03-21"]
OPEN_H, CLOSE_H = 10, 17  # show hours, illustrative
N_MATCHMAKING = 1000

SHOW = {
    "id": "scse2025",
    "names": {"en": "Smart City Summit & Expo 2025", "zh-Hant": "2025智慧城市展"},
    "venue": "tainex",
    "start_date": "2025-03-18",
    "end_date": "2025-03-21",
    "timezone": "Asia/Taipei",
    "url_template": "",
    "levels": HALL2_LEVELS,
    "organisers": [
        {"en": "Taipei Computer Association", "zh-Hant": "台北市電腦商業同業公會"},
        {"en": "Taipei City Government", "zh-Hant": "臺北市政府"},
        {"en": "Kaohsiung City Government", "zh-Hant": "高雄市政府"},
        {"en": "National Development Council", "zh-Hant": "國家發展委員會"},
    ],
}

# ---------------------------------------------------------------------------------------
# Categories
# ---------------------------------------------------------------------------------------

CATEGORIES = [
    ("ai", "Artificial intelligence", "人工智慧"),
    ("iot", "Internet of Things", "物聯網"),
    ("transport", "Smart transportation", "智慧交通"),
    ("energy", "Smart energy", "智慧能源"),
    ("netzero", "Net-zero city", "淨零城市"),
    ("cybersecurity", "Cybersecurity", "資安"),
    ("5g", "5G and networks", "5G與網路通訊"),
    ("healthcare", "Smart healthcare", "智慧醫療"),
    ("education", "Smart education", "智慧教育"),
    ("fintech", "Fintech", "金融科技"),
    ("city", "City pavilions", "城市館"),
    ("international", "International pavilions", "國際館"),
    ("government", "Government", "政府機關"),
    ("manufacturing", "Smart manufacturing", "智慧製造"),
    ("retail", "Smart retail", "智慧零售"),
    ("buildings", "Smart buildings", "智慧建築"),
    ("water", "Smart water", "智慧水務"),
    ("startups", "Startups", "新創"),
    ("robotics", "Robotics and automation", "機器人與自動化"),
    ("safety", "Public safety and disaster prevention", "公共安全與防災"),
    ("agriculture", "Smart agriculture and aquaculture", "智慧農業與養殖"),
    ("associations", "Associations and alliances", "公協會與聯盟"),
]

# ---------------------------------------------------------------------------------------
# Organisations from the public record (demo = 0). Descriptions say only what the
# public record supports.
# ---------------------------------------------------------------------------------------

CHT_PARTNER_EN = ("Shows an all-optical network (IOWN) and smart street lights together with "
                  "Chunghwa Telecom and its partners NTT (Japan), Singtel (Singapore), "
                  "AIS (Thailand) and the IOWN Global Forum.")
CHT_PARTNER_ZH = ("與中華電信及日本NTT、新加坡Singtel、泰國AIS、IOWN全球論壇等夥伴"
                  "共同展示全光網路（IOWN）與智慧路燈。")


@dataclass
class Org:
    key: str
    name_en: str
    name_zh: str
    country: str
    categories: list[str]
    description_en: str
    description_zh: str
    website: str = ""
    demo: int = 1
    size: int = 1  # booth demand in standard units (3 m x 3 m), before scaling
    group: str = ""  # pavilion / zone group: taipei, kaohsiung, netzero, intl:<country>
    booths: list[str] = field(default_factory=list)
    id: str = ""


REAL = [
    Org("cht", "Chunghwa Telecom", "中華電信", "Taiwan", ["5g", "iot", "ai"],
        "Shows an all-optical network (IOWN) and smart street lights with its international "
        "partners NTT (Japan), Singtel (Singapore), AIS (Thailand) and the IOWN Global Forum.",
        "與日本NTT、新加坡Singtel、泰國AIS及IOWN全球論壇等國際夥伴，展示全光網路（IOWN）"
        "與智慧路燈應用。",
        "https://www.cht.com.tw", 0, 40),
    Org("ntt", "NTT", "日本電信電話（NTT）", "Japan", ["5g", "international"],
        CHT_PARTNER_EN, CHT_PARTNER_ZH, "", 0, 2),
    Org("singtel", "Singtel", "新加坡電信（Singtel）", "Singapore", ["5g", "international"],
        CHT_PARTNER_EN, CHT_PARTNER_ZH, "https://www.singtel.com", 0, 2),
    Org("ais", "AIS", "泰國AIS電信", "Thailand", ["5g", "international"],
        CHT_PARTNER_EN, CHT_PARTNER_ZH, "", 0, 2),
    Org("iowngf", "IOWN Global Forum", "IOWN全球論壇", "International",
        ["5g", "associations", "international"],
        CHT_PARTNER_EN, CHT_PARTNER_ZH, "", 0, 2),
    Org("taipei", "Taipei City Government Vision Pavilion", "臺北市政府願景館", "Taiwan",
        ["city", "government", "ai"],
        "Taipei City Government, a co-organiser of SCSE 2025, runs its Vision Pavilion with "
        "Foxconn (Hon Hai) and presents 17 AI and smart-city services.",
        "SCSE 2025共同主辦單位臺北市政府與鴻海合作設置願景館，展出17項AI與智慧城市服務。",
        "https://www.gov.taipei", 0, 30, "taipei"),
    Org("foxconn", "Foxconn (Hon Hai Technology Group)", "鴻海科技集團", "Taiwan",
        ["ai", "city", "manufacturing"],
        "Runs the Taipei City Government Vision Pavilion together with the city, which "
        "presents 17 AI and smart-city services.",
        "與臺北市政府合作設置臺北市政府願景館，展出17項AI與智慧城市服務。",
        "https://www.foxconn.com", 0, 12, "taipei"),
    Org("kaohsiung", "Kaohsiung City Government", "高雄市政府", "Taiwan",
        ["city", "government"],
        "Co-organiser of SCSE 2025; the show has a Kaohsiung leg from 20 March 2025.",
        "2025智慧城市展共同主辦單位；展會自2025年3月20日起於高雄同步舉辦。",
        "https://www.kcg.gov.tw", 0, 16, "kaohsiung"),
    Org("ndc", "National Development Council", "國家發展委員會", "Taiwan",
        ["government", "ai"],
        "Co-organiser of SCSE 2025. Smart Nation 2.0 was announced at the show by NDC "
        "Deputy Minister Kao Shien-Quey.",
        "2025智慧城市展共同主辦單位；國發會副主委高仙桂於展中發表「智慧國家2.0」。",
        "https://www.ndc.gov.tw", 0, 12),
    Org("tca", "Taipei Computer Association", "台北市電腦商業同業公會", "Taiwan",
        ["associations"],
        "Organiser of SCSE 2025. Signed MoUs at the show with Córdoba (Argentina), RECIA "
        "(Argentina's smart-city network), the ROTA Association (Romania) and Paris East "
        "Marne & Bois (France).",
        "2025智慧城市展主辦單位；展期間與阿根廷哥多華、阿根廷智慧城市網絡RECIA、"
        "羅馬尼亞ROTA協會及法國巴黎東馬恩與布瓦簽署合作備忘錄。",
        "https://www.tca.org.tw", 0, 4),
    Org("tscsa", "Taiwan Smart City Solutions Alliance", "台灣智慧城市產業聯盟", "Taiwan",
        ["associations"],
        "Co-organiser of the Smart City Summit & Expo.",
        "智慧城市展共同主辦單位。", "", 0, 2),
    Org("tairoa", "Taiwan Smart Automation and Robotics Association",
        "台灣智慧自動化與機器人協會", "Taiwan", ["associations", "robotics"],
        "Signed an MoU at SCSE 2025 with the Ho Chi Minh City Computer Association (HCA, "
        "Vietnam).",
        "於2025智慧城市展與越南胡志明市電腦協會（HCA）簽署合作備忘錄。", "", 0, 4),
    Org("montgomery", "Montgomery County, Maryland", "美國馬里蘭州蒙哥馬利郡", "United States",
        ["city", "international"],
        "Signed an MoU with Taipei City at SCSE 2025.",
        "於2025智慧城市展與臺北市簽署合作備忘錄。",
        "https://www.montgomerycountymd.gov", 0, 2, "intl:United States"),
    Org("cordoba", "Córdoba (Argentina)", "阿根廷哥多華", "Argentina",
        ["city", "international"],
        "Signed an MoU with the Taipei Computer Association at SCSE 2025.",
        "於2025智慧城市展與台北市電腦公會簽署合作備忘錄。", "", 0, 2, "intl:Argentina"),
    Org("recia", "RECIA – Argentina's smart city network", "阿根廷智慧城市網絡（RECIA）",
        "Argentina", ["city", "associations", "international"],
        "Argentina's smart-city network; signed an MoU with the Taipei Computer Association "
        "at SCSE 2025.",
        "阿根廷智慧城市網絡；於2025智慧城市展與台北市電腦公會簽署合作備忘錄。",
        "", 0, 2, "intl:Argentina"),
    Org("rota", "ROTA Association (Romania)", "羅馬尼亞ROTA協會", "Romania",
        ["associations", "international"],
        "Signed an MoU with the Taipei Computer Association at SCSE 2025.",
        "於2025智慧城市展與台北市電腦公會簽署合作備忘錄。", "", 0, 2, "intl:Romania"),
    Org("pemb", "Paris East Marne & Bois (France)", "法國巴黎東馬恩與布瓦", "France",
        ["city", "international"],
        "Signed an MoU with the Taipei Computer Association at SCSE 2025.",
        "於2025智慧城市展與台北市電腦公會簽署合作備忘錄。", "", 0, 2, "intl:France"),
    Org("hca", "Ho Chi Minh City Computer Association (HCA)", "胡志明市電腦協會（HCA）",
        "Vietnam", ["associations", "international"],
        "Signed an MoU at SCSE 2025 with the Taiwan Smart Automation and Robotics "
        "Association.",
        "於2025智慧城市展與台灣智慧自動化與機器人協會簽署合作備忘錄。",
        "", 0, 2, "intl:Vietnam"),
]

DELEGATIONS = [
    ("Ukraine", "烏克蘭"), ("Thailand", "泰國"), ("Vietnam", "越南"),
    ("Malaysia", "馬來西亞"), ("United States", "美國"), ("Japan", "日本"),
]
for _country, _zh in DELEGATIONS:
    _extra_en = _extra_zh = ""
    if _country == "Ukraine":
        _extra_en = (" The \"Rebuilding Ukraine with Taiwan\" forum was held in Hall 2 on "
                     "20 March 2025.")
        _extra_zh = "「與台灣攜手重建烏克蘭」論壇於2025年3月20日在南港展覽館2館舉行。"
    REAL.append(Org(
        "del-" + _country.lower().replace(" ", "-"), f"{_country} Delegation", f"{_zh}代表團",
        _country, ["international"],
        f"Delegation from {'the ' * (_country == 'United States')}{_country} to SCSE 2025."
        f"{_extra_en}",
        f"{_zh}訪問團參與2025智慧城市展。{_extra_zh}", "", 0, 4, f"intl:{_country}"))

# ---------------------------------------------------------------------------------------
# Invented companies (demo = 1): coined names from syllables, so that none is a real firm.
# ---------------------------------------------------------------------------------------

ONSETS = [("Ka", "卡"), ("Lu", "路"), ("Vo", "沃"), ("Ze", "澤"), ("No", "諾"), ("Ri", "瑞"),
          ("Ta", "塔"), ("Mi", "米"), ("Sa", "薩"), ("Ve", "維"), ("Qui", "奎"), ("Dra", "德"),
          ("Fle", "弗"), ("Gri", "格"), ("Ha", "哈"), ("Jo", "喬"), ("Ky", "凱"), ("Lo", "洛"),
          ("Ma", "瑪"), ("Ne", "奈"), ("Pe", "佩"), ("Ro", "羅"), ("Su", "蘇"), ("Tre", "崔"),
          ("Ya", "雅"), ("Zi", "齊"), ("Au", "奧"), ("E", "伊"), ("O", "歐"), ("Be", "貝"),
          ("Cae", "凱"), ("Fi", "菲"), ("Hy", "海"), ("Ju", "朱"), ("Ori", "歐")]
MIDDLES = [("ra", "拉"), ("lo", "洛"), ("vi", "維"), ("na", "納"), ("ri", "瑞"), ("ta", "塔"),
           ("mo", "摩"), ("ze", "澤"), ("li", "利"), ("do", "多"), ("sa", "薩"), ("ne", "涅"),
           ("ka", "卡"), ("ve", "薇"), ("to", "托"), ("mi", "米")]
CODAS = [("ris", "瑞斯"), ("nix", "尼克斯"), ("tra", "特拉"), ("via", "維亞"), ("nova", "諾瓦"),
         ("lis", "利斯"), ("dex", "德斯"), ("ron", "隆"), ("tek", "泰克"), ("ria", "莉亞"),
         ("n", "恩"), ("x", "克斯"), ("s", "斯"), ("r", "爾"), ("m", "姆"),
         ("gen", "根"), ("lux", "盧克斯"), ("vo", "沃"), ("ty", "蒂")]
BLOCKED = {"Karamel", "Mitra", "Lumen", "Novatek", "Sonatra", "Veritas", "Qualitek",
           "Datatek", "Matrix", "Sanatex", "Emitra", "Omitek", "Ovitek", "Eviron", "Enetra",
           "Noralux", "Oritra", "Halitek", "Suritek", "Tredos", "Drados", "Caedos", "Dratos"}

# category -> (English name suffixes, Chinese), descriptions (en, zh)
THEMES: dict[str, dict] = {
    "ai": {
        "suffix": [("AI", "人工智慧"), ("Vision", "視覺科技"), ("Analytics", "數據分析"),
                   ("Intelligence", "智能")],
        "desc": [
            ("Computer-vision analytics for intersections, stations and public spaces.",
             "路口、車站與公共空間的電腦視覺分析。"),
            ("Generative-AI assistants for city hotlines and public service counters.",
             "為城市客服專線與服務櫃台打造的生成式AI助理。"),
            ("Edge AI boxes that turn existing CCTV cameras into smart sensors.",
             "讓既有監視器變身智慧感測器的邊緣AI設備。"),
            ("Urban data platforms with AI forecasting for planners.",
             "結合AI預測的城市數據平台，協助都市規劃。"),
            ("AI document processing for permits and public records.",
             "以AI處理許可申請與公文檔案。"),
        ]},
    "iot": {
        "suffix": [("IoT", "物聯網"), ("Sensing", "感測科技"), ("Connect", "聯網科技")],
        "desc": [
            ("LoRaWAN and NB-IoT sensors for air quality, noise and flooding.",
             "監測空氣品質、噪音與淹水的LoRaWAN及NB-IoT感測器。"),
            ("Smart street-furniture controllers and a city-wide device platform.",
             "智慧街道設施控制器與全市裝置管理平台。"),
            ("Asset tracking tags and gateways for public works.",
             "公共工程用的資產追蹤標籤與閘道器。"),
            ("Low-power sensor modules and an open IoT middleware.",
             "低功耗感測模組與開放式物聯網中介軟體。"),
        ]},
    "transport": {
        "suffix": [("Mobility", "智慧移動"), ("Transit", "運輸科技"), ("Traffic", "交通科技"),
                   ("Parking", "停車科技")],
        "desc": [
            ("Adaptive traffic-signal control from real-time video counts.",
             "依即時影像車流計數調整號誌的適應性號誌控制。"),
            ("Smart parking sensors, guidance signs and a payment app.",
             "智慧停車感測器、導引看板與繳費App。"),
            ("Fleet management and on-demand routing for city buses.",
             "市區公車車隊管理與需求反應式路線規劃。"),
            ("Electric-scooter and e-bike sharing with battery swapping.",
             "電動機車與電動自行車共享及換電服務。"),
            ("Digital twins of road networks for incident management.",
             "用於事故管理的道路網數位孿生。"),
        ]},
    "energy": {
        "suffix": [("Energy", "能源"), ("Power", "電力科技"), ("Grid", "電網科技"),
                   ("Solar", "太陽能")],
        "desc": [
            ("Battery storage and energy management for buildings and campuses.",
             "建築與園區的儲能系統與能源管理。"),
            ("Rooftop solar with monitoring and demand response.",
             "屋頂太陽能與監控、需量反應服務。"),
            ("Smart meters and grid-edge analytics for utilities.",
             "電力公司用的智慧電表與配電端分析。"),
            ("EV charging stations with load balancing.",
             "具負載平衡功能的電動車充電站。"),
        ]},
    "netzero": {
        "suffix": [("Carbon", "碳管理"), ("GreenTech", "綠能科技"), ("CleanTech", "淨零科技"),
                   ("Circular", "循環科技")],
        "desc": [
            ("Carbon-inventory software for factories, offices and city departments.",
             "工廠、辦公室與市府局處適用的碳盤查軟體。"),
            ("Carbon-credit registry tools and verification services.",
             "碳權登錄工具與查證服務。"),
            ("Recycling logistics and circular-material tracking.",
             "回收物流與循環材料追蹤。"),
            ("Building retrofits that cut energy use and emissions.",
             "降低能耗與排放的建築節能改善。"),
            ("Low-carbon concrete and green construction materials.",
             "低碳混凝土與綠色建材。"),
        ]},
    "cybersecurity": {
        "suffix": [("Security", "資安"), ("Shield", "資安防護"), ("Cyber", "網路安全")],
        "desc": [
            ("Security operations centre services for municipalities.",
             "為地方政府提供資安監控中心服務。"),
            ("Zero-trust access for operational-technology networks.",
             "工控網路的零信任存取方案。"),
            ("Firmware scanning and hardening for IoT devices.",
             "物聯網裝置韌體檢測與強化。"),
            ("Threat intelligence and incident response for critical infrastructure.",
             "關鍵基礎設施的威脅情資與事件應變。"),
        ]},
    "5g": {
        "suffix": [("Networks", "網通"), ("Wireless", "無線通訊"), ("Telecom Systems", "通訊系統")],
        "desc": [
            ("Private 5G networks for ports, campuses and factories.",
             "港區、園區與工廠的5G專網。"),
            ("Small cells and Open RAN radios for dense city centres.",
             "適用於高密度市區的小型基站與Open RAN設備。"),
            ("Wi-Fi 7 and 5G fixed-wireless access for public venues.",
             "公共場館的Wi-Fi 7與5G固定無線接取。"),
            ("Network slicing and edge computing for public services.",
             "支援公共服務的網路切片與邊緣運算。"),
        ]},
    "healthcare": {
        "suffix": [("Health", "健康科技"), ("MedTech", "醫療科技"), ("Care", "照護科技")],
        "desc": [
            ("Remote patient monitoring for home care and long-term care.",
             "居家照護與長照的遠距生理監測。"),
            ("Fall-detection radar for elderly residents.",
             "長者跌倒偵測雷達。"),
            ("Hospital logistics robots and smart wards.",
             "醫院物流機器人與智慧病房。"),
            ("Telemedicine kiosks for remote townships.",
             "偏鄉遠距醫療服務站。"),
        ]},
    "education": {
        "suffix": [("Learning", "教育科技"), ("EdTech", "智慧教育")],
        "desc": [
            ("Smart classroom displays and lesson analytics.",
             "智慧教室顯示設備與課堂學習分析。"),
            ("AI tutoring in Mandarin, English and Taiwanese.",
             "華語、英語與台語的AI家教。"),
            ("Campus safety and attendance systems.",
             "校園安全與出缺勤系統。"),
        ]},
    "fintech": {
        "suffix": [("Pay", "支付科技"), ("Fintech", "金融科技")],
        "desc": [
            ("Contactless fare and toll payment for transit operators.",
             "大眾運輸與通行費的感應式支付。"),
            ("Digital-identity wallets for citizen services.",
             "市民服務用的數位身分錢包。"),
            ("Payment terminals and settlement for night markets.",
             "夜市攤商的支付終端與清算服務。"),
        ]},
    "manufacturing": {
        "suffix": [("Automation", "自動化"), ("Industrial", "工業科技")],
        "desc": [
            ("Factory digital twins and predictive maintenance.",
             "工廠數位孿生與預測性維護。"),
            ("Machine-vision inspection for production lines.",
             "產線機器視覺檢測。"),
            ("Smart-factory MES with energy monitoring.",
             "整合能源監控的智慧工廠製造執行系統。"),
        ]},
    "retail": {
        "suffix": [("Retail Tech", "零售科技"), ("Commerce", "智慧商務")],
        "desc": [
            ("Unmanned convenience stores and smart vending.",
             "無人商店與智慧販賣機。"),
            ("Footfall analytics for shopping districts.",
             "商圈人流分析。"),
            ("Electronic shelf labels and in-store navigation.",
             "電子貨架標籤與店內導引。"),
        ]},
    "buildings": {
        "suffix": [("Buildings", "建築科技"), ("Facility", "設施管理"), ("Home", "智慧居家")],
        "desc": [
            ("Building management systems with occupancy-based HVAC.",
             "依使用人數調控空調的建築管理系統。"),
            ("Smart access control and visitor management.",
             "智慧門禁與訪客管理。"),
            ("BIM-based facility management for public housing.",
             "以BIM為基礎的社會住宅設施管理。"),
            ("Smart home gateways for social housing.",
             "社會住宅的智慧家庭閘道器。"),
        ]},
    "water": {
        "suffix": [("Water", "水資源科技"), ("Hydro", "水務科技")],
        "desc": [
            ("Leak detection and smart water meters.",
             "漏水偵測與智慧水表。"),
            ("Flood early warning from rain and sewer-level sensors.",
             "結合雨量與下水道水位感測的淹水預警。"),
            ("Water-quality monitoring for reservoirs and rivers.",
             "水庫與河川水質監測。"),
        ]},
    "robotics": {
        "suffix": [("Robotics", "機器人")],
        "desc": [
            ("Service robots for reception, cleaning and delivery.",
             "接待、清潔與配送服務型機器人。"),
            ("Inspection drones and crawlers for bridges and tunnels.",
             "橋梁與隧道巡檢無人機與爬行機器人。"),
            ("Collaborative robot arms for small factories.",
             "適合中小工廠的協作型機械手臂。"),
        ]},
    "safety": {
        "suffix": [("Safety", "安全科技"), ("Guard", "安防科技")],
        "desc": [
            ("Emergency response centre software and dispatch.",
             "緊急應變中心軟體與派遣系統。"),
            ("Earthquake early-warning receivers for schools and offices.",
             "學校與辦公室用的地震預警接收器。"),
            ("Slope and landslide monitoring.",
             "邊坡與土石流監測。"),
        ]},
    "agriculture": {
        "suffix": [("AgriTech", "農業科技"), ("Aqua", "智慧養殖")],
        "desc": [
            ("Smart aquaculture: water-quality sensors and automatic feeders for fish farms.",
             "智慧養殖：魚塭水質感測與自動投餌。"),
            ("Greenhouse climate control and crop analytics.",
             "溫室環控與作物數據分析。"),
            ("Farm drones for spraying and field mapping.",
             "噴灑與農地測繪用無人機。"),
        ]},
}

# category weights for invented companies' primary category
PRIMARY_WEIGHTS = {
    "ai": 48, "iot": 44, "transport": 40, "energy": 34, "netzero": 40, "cybersecurity": 24,
    "5g": 18, "healthcare": 30, "education": 14, "fintech": 12, "manufacturing": 22,
    "retail": 14, "buildings": 28, "water": 14, "robotics": 12, "safety": 16,
    "agriculture": 10,
}

# plausible second lines of business for each primary category
RELATED = {
    "ai": ["iot", "transport", "safety", "healthcare", "retail", "cybersecurity"],
    "iot": ["ai", "energy", "water", "buildings", "safety"],
    "transport": ["ai", "iot", "energy", "fintech"],
    "energy": ["netzero", "buildings", "iot"],
    "netzero": ["energy", "buildings", "manufacturing", "agriculture"],
    "cybersecurity": ["ai", "5g", "fintech"],
    "5g": ["iot", "ai", "cybersecurity"],
    "healthcare": ["ai", "iot", "robotics"],
    "education": ["ai", "iot"],
    "fintech": ["retail", "transport", "cybersecurity"],
    "manufacturing": ["robotics", "ai", "netzero", "iot"],
    "retail": ["ai", "fintech", "iot"],
    "buildings": ["energy", "iot", "netzero", "safety"],
    "water": ["iot", "safety", "agriculture"],
    "robotics": ["manufacturing", "ai", "healthcare"],
    "safety": ["iot", "ai", "water"],
    "agriculture": ["iot", "water", "netzero"],
}

TW_CITIES = [("Taipei", "台北"), ("New Taipei", "新北"), ("Taoyuan", "桃園"), ("Hsinchu", "新竹"),
             ("Taichung", "台中"), ("Tainan", "台南"), ("Kaohsiung", "高雄"), ("Keelung", "基隆"),
             ("Yilan", "宜蘭"), ("Changhua", "彰化")]

# country -> (Chinese name, cities [(en, zh)], number of invented companies)
COUNTRIES = {
    "Taiwan": ("台灣", TW_CITIES, 0),  # the rest
    "Japan": ("日本", [("Tokyo", "東京"), ("Osaka", "大阪"), ("Fukuoka", "福岡"),
                       ("Yokohama", "橫濱")], 18),
    "United States": ("美國", [("San Jose", "聖荷西"), ("Austin", "奧斯汀"),
                                ("Boston", "波士頓"), ("Seattle", "西雅圖")], 14),
    "Thailand": ("泰國", [("Bangkok", "曼谷"), ("Chiang Mai", "清邁")], 12),
    "Vietnam": ("越南", [("Ho Chi Minh City", "胡志明市"), ("Hanoi", "河內"),
                          ("Da Nang", "峴港")], 12),
    "Malaysia": ("馬來西亞", [("Kuala Lumpur", "吉隆坡"), ("Penang", "檳城"),
                              ("Johor Bahru", "新山")], 12),
    "Ukraine": ("烏克蘭", [("Kyiv", "基輔"), ("Lviv", "利維夫"), ("Dnipro", "聶伯")], 10),
    "Singapore": ("新加坡", [("Singapore", "新加坡")], 6),
    "South Korea": ("韓國", [("Seoul", "首爾"), ("Busan", "釜山")], 5),
    "Philippines": ("菲律賓", [("Manila", "馬尼拉"), ("Cebu", "宿霧")], 4),
    "Indonesia": ("印尼", [("Jakarta", "雅加達"), ("Surabaya", "泗水")], 4),
    "India": ("印度", [("Bengaluru", "班加羅爾"), ("Pune", "浦那")], 3),
    "Germany": ("德國", [("Munich", "慕尼黑"), ("Berlin", "柏林")], 4),
    "France": ("法國", [("Paris", "巴黎"), ("Lyon", "里昂")], 3),
    "Netherlands": ("荷蘭", [("Eindhoven", "恩荷芬"), ("Amsterdam", "阿姆斯特丹")], 3),
    "Poland": ("波蘭", [("Warsaw", "華沙"), ("Kraków", "克拉科夫")], 3),
    "Lithuania": ("立陶宛", [("Vilnius", "維爾紐斯")], 2),
    "Czech Republic": ("捷克", [("Prague", "布拉格"), ("Brno", "布爾諾")], 2),
    "Romania": ("羅馬尼亞", [("Bucharest", "布加勒斯特"), ("Cluj-Napoca", "克盧日")], 2),
    "Argentina": ("阿根廷", [("Córdoba", "哥多華"), ("Buenos Aires", "布宜諾斯艾利斯")], 2),
    "United Arab Emirates": ("阿拉伯聯合大公國", [("Dubai", "杜拜"), ("Abu Dhabi", "阿布達比")], 3),
    "Saudi Arabia": ("沙烏地阿拉伯", [("Riyadh", "利雅德")], 2),
    "Israel": ("以色列", [("Tel Aviv", "特拉維夫")], 3),
    "Australia": ("澳洲", [("Melbourne", "墨爾本"), ("Brisbane", "布里斯本")], 2),
    "Canada": ("加拿大", [("Toronto", "多倫多"), ("Vancouver", "溫哥華")], 2),
    "United Kingdom": ("英國", [("London", "倫敦"), ("Manchester", "曼徹斯特")], 3),
}
# Middle East partners lean to cybersecurity (public record: cybersecurity with Middle
# East partners); Southeast Asia to carbon inventory, emergency response and aquaculture.
COUNTRY_BIAS = {
    "United Arab Emirates": ["cybersecurity"], "Saudi Arabia": ["cybersecurity"],
    "Israel": ["cybersecurity"], "Indonesia": ["5g", "retail"],
    "Malaysia": ["netzero", "safety", "agriculture"], "Thailand": ["netzero", "agriculture"],
    "Philippines": ["netzero", "safety"], "Singapore": ["netzero", "fintech"],
    "Ukraine": ["cybersecurity", "energy", "safety"],
}
COUNTRY_ZH = {c: v[0] for c, v in COUNTRIES.items()}
COUNTRY_ZH.update({"International": "國際"})

N_TOTAL = 450
N_TAIPEI_MEMBERS = 20  # Taipei-based companies exhibiting in the Taipei Vision Pavilion
N_KAOHSIUNG_MEMBERS = 8


def coined_names(rng: random.Random, n: int) -> list[tuple[str, str]]:
    seen: set[str] = set()
    seen_zh: set[str] = set()
    out: list[tuple[str, str]] = []
    while len(out) < n:
        a, b, c = rng.choice(ONSETS), rng.choice(MIDDLES), rng.choice(CODAS)
        en, zh = a[0] + b[0] + c[0], a[1] + b[1] + c[1]
        en = en[0].upper() + en[1:].lower()
        if en in seen or zh in seen_zh or en in BLOCKED or len(en) < 6 or len(zh) > 5:
            continue
        seen.add(en)
        seen_zh.add(zh)
        out.append((en, zh))
    return out


def weighted_choice(rng: random.Random, weights: dict[str, int]) -> str:
    keys = sorted(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys], k=1)[0]


def invented_orgs(rng: random.Random, n: int) -> list[Org]:
    names = coined_names(rng, n)
    countries: list[str] = []
    for c, (_zh, _cities, k) in COUNTRIES.items():
        countries += [c] * k
    countries += ["Taiwan"] * (n - len(countries))
    rng.shuffle(countries)
    # the pavilion members: Taipei and Kaohsiung companies are Taiwanese
    tw_idx = [i for i, c in enumerate(countries) if c == "Taiwan"]
    groups = {i: "" for i in range(n)}
    for i in tw_idx[:N_TAIPEI_MEMBERS]:
        groups[i] = "taipei"
    for i in tw_idx[N_TAIPEI_MEMBERS:N_TAIPEI_MEMBERS + N_KAOHSIUNG_MEMBERS]:
        groups[i] = "kaohsiung"
    orgs = []
    used_sites: set[str] = set()
    for i, ((stem, stem_zh), country) in enumerate(zip(names, countries, strict=True)):
        group = groups[i]
        bias = COUNTRY_BIAS.get(country)
        if bias and rng.random() < 0.6:
            primary = rng.choice(bias)
        else:
            primary = weighted_choice(rng, PRIMARY_WEIGHTS)
        cats = [primary]
        if rng.random() < 0.55:
            cats.append(rng.choice(RELATED[primary]))
        if rng.random() < 0.08:
            cats.append("startups")
        if group:
            cats.append("city")
        if country != "Taiwan":
            cats.append("international")
        theme = THEMES[primary]
        suf_en, suf_zh = rng.choice(theme["suffix"])
        d_en, d_zh = rng.choice(theme["desc"])
        if len(cats) > 1 and cats[1] in THEMES and rng.random() < 0.5:
            d2_en, d2_zh = rng.choice(THEMES[cats[1]]["desc"])
            if d2_en[1].islower():
                d2_en = d2_en[0].lower() + d2_en[1:]
            d_en, d_zh = f"{d_en} Also: {d2_en}", f"{d_zh}另提供{d2_zh}"
        country_zh, cities, _ = COUNTRIES[country]
        if group == "taipei":
            city_en, city_zh = "Taipei", "台北"
        elif group == "kaohsiung":
            city_en, city_zh = "Kaohsiung", "高雄"
        else:
            city_en, city_zh = rng.choice(cities)
        if country == "Taiwan" or city_en == country:
            where_en, where_zh = f"Based in {city_en}.", f"總部位於{city_zh}。"
        else:
            where_en, where_zh = (f"Based in {city_en}, {country}.",
                                  f"總部位於{country_zh}{city_zh}。")
        if group == "taipei":
            where_en += " Exhibits in the Taipei City Government Vision Pavilion."
            where_zh += "於臺北市政府願景館參展。"
        elif group == "kaohsiung":
            where_en += " Exhibits with the Kaohsiung City Government."
            where_zh += "於高雄市政府展區參展。"
        name_en = f"{stem} {suf_en}"
        name_zh = f"{stem_zh}{suf_zh}"
        if country != "Taiwan" and rng.random() < 0.5:
            legal = {"Japan": " Co., Ltd.", "United States": " Inc.", "Germany": " GmbH",
                     "Vietnam": " JSC", "Malaysia": " Sdn Bhd", "Ukraine": " LLC",
                     "Singapore": " Pte Ltd", "Thailand": " Co., Ltd."}.get(country, "")
            name_en += legal
        site = stem.lower()
        if site in used_sites:
            site = f"{site}-{suf_en.split()[0].lower()}"
        used_sites.add(site)
        # booth demand in standard units: mostly 1-4, a few large stands
        r = rng.random()
        size = (rng.choice([12, 16, 18, 24]) if r < 0.04 else
                rng.choice([6, 8, 9]) if r < 0.16 else
                rng.choice([2, 3, 4]) if r < 0.62 else 1)
        orgs.append(Org(
            key=f"inv{i}", name_en=name_en, name_zh=name_zh, country=country,
            categories=list(dict.fromkeys(cats)),
            description_en=f"{d_en} {where_en}", description_zh=f"{d_zh}。{where_zh}"
            .replace("。。", "。"),
            website=f"https://www.{site}.example", demo=1, size=size, group=group))
    return orgs


# ---------------------------------------------------------------------------------------
# Floor plans
# ---------------------------------------------------------------------------------------


@dataclass
class BoothRec:
    code: str
    level: str
    type: str
    zone: str
    area: float
    cx: float
    cy: float
    owner: str = ""

    @property
    def units(self) -> int:
        return max(1, round(self.area / 9.0))


def polygon_area_centroid(geom: dict) -> tuple[float, float, float]:
    ring = geom["coordinates"][0] if geom["type"] == "Polygon" else geom["coordinates"][0][0]
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    a *= 0.5
    if abs(a) < 1e-9:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(a), cx / (6 * a), cy / (6 * a)


def load_plans() -> dict:
    venue = json.loads((PLANS / "venue.json").read_text(encoding="utf-8"))
    files = {lv["id"]: lv["file"] for lv in venue["levels"]}
    booths: dict[str, BoothRec] = {}
    zones: dict[str, dict] = {}
    amenities: dict[str, dict] = {}
    for level in HALL2_LEVELS:
        doc = json.loads((PLANS / files[level]).read_text(encoding="utf-8"))
        for f in doc["features"]:
            p = f.get("properties") or {}
            kind = p.get("kind")
            if kind == "booth":
                area, cx, cy = polygon_area_centroid(f["geometry"])
                booths[p["code"]] = BoothRec(p["code"], level, p.get("type", "standard"),
                                             p.get("zone") or "", area, cx, cy)
            elif kind == "zone":
                names = p.get("names") or {}
                zones[p["id"]] = {"id": p["id"], "level": level,
                                  "category": p.get("category", "zone"),
                                  "en": names.get("en", p.get("name", "")),
                                  "zh": names.get("zh-Hant", "")}
            elif kind == "amenity":
                x, y = f["geometry"]["coordinates"][:2]
                amenities[p["id"]] = {"id": p["id"], "level": level,
                                      "category": p.get("category", ""), "x": x, "y": y,
                                      "en": p.get("name", ""), "zh": p.get("name_zh", "")}
    return {"booths": booths, "zones": zones, "amenities": amenities}


# ---------------------------------------------------------------------------------------
# Booth assignment
# ---------------------------------------------------------------------------------------

INTL_COUNTRIES = [c for c in COUNTRIES if c != "Taiwan"]
# the zones of floorplans/tainex (see its README); unknown zones fall back to zone_role()
ZONE_ROLES = {
    "ZONE-TAIPEI": "taipei", "ZONE-KAOHSIUNG": "kaohsiung", "ZONE-SMARTNATION": "smartnation",
    "ZONE-NETZERO": "netzero", "ZONE-INTL-JP": "intl:Japan", "ZONE-INTL-TH": "intl:Thailand",
    "ZONE-INTL-UA": "intl:Ukraine", "ZONE-INTL-MY": "intl:Malaysia",
    "ZONE-INTL-VN": "intl:Vietnam", "ZONE-INTL-US": "intl:United States",
}
CHT_PARTNERS = ("ntt", "singtel", "ais", "iowngf")
TCA_NEIGHBOURS = ("cordoba", "recia", "rota", "pemb", "tscsa", "tairoa")


def zone_role(z: dict) -> str:
    """What a zone is for: taipei, kaohsiung, smartnation, netzero, intl:<country> or ''."""
    if z["id"] in ZONE_ROLES:
        return ZONE_ROLES[z["id"]]
    text = f"{z['id']} {z['en']}".lower()
    for word, role in (("taipei", "taipei"), ("kaohsiung", "kaohsiung"),
                       ("smart nation", "smartnation"), ("net-zero", "netzero")):
        if word in text:
            return role
    for c in INTL_COUNTRIES:
        if c.lower() in text:
            return f"intl:{c}"
    if "usa" in text.split():
        return "intl:United States"
    return ""


def dist(a: BoothRec, b: BoothRec) -> float:
    return math.hypot(a.cx - b.cx, a.cy - b.cy) + (0 if a.level == b.level else 1e6)


def nearest_free(pool: list[BoothRec], to: BoothRec) -> BoothRec | None:
    free = [b for b in pool if not b.owner and b.level == to.level]
    return min(free, key=lambda b: (dist(b, to), b.code)) if free else None


def take_cluster(pool: list[BoothRec], o: Org, units: int, seed: BoothRec,
                 reach: float = 13.0) -> None:
    """Give ``o`` the ``seed`` booth and then the nearest free booths of ``pool`` (within
    ``reach`` metres of the seed, on its level) until about ``units`` standard units."""
    seed.owner = o.key
    o.booths.append(seed.code)
    got = seed.units
    while got < units:
        nxt = nearest_free(pool, seed)
        if nxt is None or dist(nxt, seed) > reach or got + nxt.units > units + 1:
            break
        nxt.owner = o.key
        o.booths.append(nxt.code)
        got += nxt.units


def fill_zone(pool: list[BoothRec], leaders: list[tuple[Org, int]], members: list[Org]) -> None:
    """A pavilion: each leader ``(org, units)`` takes the largest free spaces that fit in
    ``units`` standard units, members one booth each, largest exhibitors first; what is left goes
    round the members again, each time to the free booth nearest one they already hold."""
    def free() -> list[BoothRec]:
        return sorted((b for b in pool if not b.owner), key=lambda b: (-b.area, b.code))

    for o, leader_units in leaders:
        got = 0
        for b in free():
            if got == 0 or got + b.units <= leader_units:
                b.owner = o.key
                o.booths.append(b.code)
                got += b.units
            if got >= leader_units:
                break
    members = sorted(members, key=lambda o: (-o.size, o.key))
    for o in members:
        if not free():
            return
        take_cluster(pool, o, 1, free()[0])
    holders = [o for o in members if o.booths] or [o for o, _ in leaders if o.booths]
    i = 0
    while free() and holders:
        o = holders[i % len(holders)]
        i += 1
        have = [b for b in pool if b.owner == o.key]
        b = min(free(), key=lambda b: (min(dist(b, h) for h in have), b.code))
        b.owner = o.key
        o.booths.append(b.code)


def assign_booths(orgs: list[Org], plans: dict, rng: random.Random) -> list[str]:
    """Give Hall 2 booths to exhibitors; returns notes on what could not be done."""
    notes: list[str] = []
    booths = [plans["booths"][c] for c in sorted(plans["booths"])]
    roles = {zid: zone_role(z) for zid, z in plans["zones"].items()}
    by_role: dict[str, list[BoothRec]] = defaultdict(list)
    open_floor: list[BoothRec] = []
    for b in booths:
        role = roles.get(b.zone, "") if b.zone else ""
        (by_role[role] if role else open_floor).append(b)
    byk = {o.key: o for o in orgs}

    def group(role: str) -> list[BoothRec]:
        if role not in by_role:
            notes.append(f"no zone for {role} in the floor plans: its members stand on "
                         "the open floor")
        return by_role.get(role, [])

    # 1. Chunghwa Telecom on the largest island(s) of the open floor, partners beside it
    cht = byk["cht"]
    islands = sorted((b for b in open_floor if b.type == "island"),
                     key=lambda b: (-b.area, b.code))
    if not islands:
        notes.append("no island booth on the open floor for Chunghwa Telecom")
        islands = sorted(open_floor, key=lambda b: (-b.area, b.code))
    seed = islands[0]
    seed.owner = cht.key
    cht.booths.append(seed.code)
    twin = [b for b in islands[1:] if b.level == seed.level and dist(b, seed) < 15]
    for b in twin[:1]:
        b.owner = cht.key
        cht.booths.append(b.code)
    for key in CHT_PARTNERS:
        b = nearest_free(open_floor, seed)
        if b is not None:
            take_cluster(open_floor, byk[key], 1, b)

    # 2. Pavilions and areas
    fill_zone(group("smartnation"), [(byk["ndc"], 999)], [])
    fill_zone(group("taipei"), [(byk["taipei"], 50), (byk["foxconn"], 35)],
              [o for o in orgs if o.group == "taipei" and o.demo])
    fill_zone(group("kaohsiung"), [(byk["kaohsiung"], 35)],
              [o for o in orgs if o.group == "kaohsiung" and o.demo])
    for role in sorted(r for r in by_role if r.startswith("intl:")):
        country = role.split(":", 1)[1]
        people = [o for o in orgs if o.country == country and not o.booths
                  and o.key not in CHT_PARTNERS]
        leaders = [o for o in people if o.key.startswith("del-")]
        real = [o for o in people if not o.demo and o not in leaders]
        invented = sorted((o for o in people if o.demo), key=lambda o: (-o.size, o.key))
        pool = by_role[role]
        room = max(0, len(pool) - len(leaders) - len(real))
        fill_zone(pool, [(o, 2) for o in leaders], real + invented[:room])
    zero = [o for o in orgs if o.demo and not o.booths and o.categories[0] == "netzero"]
    fill_zone(group("netzero"), [], zero)

    # 3. The open floor. Keep about one stand in twelve unlet, spread over the floor, and
    #    scale the stand sizes wanted to the space that is left.
    unlet = [b for b in open_floor if not b.owner and b.type in ("standard", "corner")
             and rng.random() < 0.085]
    for b in unlet:
        b.owner = "~"
    rest = [o for o in orgs if not o.booths]
    free_units = sum(b.units for b in open_floor if not b.owner)
    scale = 0.97 * free_units / max(1, sum(o.size for o in rest))

    def want(o: Org) -> int:
        return max(1, round(o.size * scale))

    def free() -> list[BoothRec]:
        return [b for b in open_floor if not b.owner]

    # the organiser's stand, with the MoU partners and alliances beside it
    tca = byk["tca"]
    big = sorted((b for b in free() if b.type == "peninsula"), key=lambda b: b.code)
    if big:
        take_cluster(open_floor, tca, want(tca), big[0])
        for key in TCA_NEIGHBOURS:
            b = nearest_free(open_floor, big[0])
            if b is not None and not byk[key].booths:
                take_cluster(open_floor, byk[key], want(byk[key]), b)
    rest = [o for o in orgs if not o.booths]
    # large stands first: islands and peninsulas
    large = sorted((o for o in rest if want(o) >= 6), key=lambda o: (-o.size, o.key))
    for o in large:
        cands = [b for b in free() if b.type in ("island", "peninsula")]
        if not cands:
            cands = free()
        if not cands:
            break
        seed = max(cands, key=lambda b: (b.area, b.code))
        take_cluster(open_floor, o, want(o), seed)
    # then everyone else by theme, sweeping the floor in booth-code order; each takes its
    # share of what is left, so that the floor fills evenly to the end
    rest = [o for o in orgs if not o.booths]
    rng.shuffle(rest)
    rest.sort(key=lambda o: (o.categories[0] if o.categories else "", o.country != "Taiwan"))
    demand = sum(o.size for o in rest)
    for o in rest:
        f = sorted(free(), key=lambda b: b.code)
        if not f:
            notes.append(f"{o.name_en} got no booth: the floor is full")
            continue
        w = max(1, round(o.size * sum(b.units for b in f) / max(1, demand)))
        demand -= o.size
        take_cluster(open_floor, o, w, f[0], reach=7.0)

    for b in unlet:
        b.owner = ""
    # 4. A few exhibitors take a second stand elsewhere (another row or the other level)
    multi = [o for o in orgs if o.demo and not o.group and len(o.booths) >= 2]
    rng.shuffle(multi)
    for o in multi[:14]:
        first = plans["booths"][o.booths[0]]
        far = [b for b in free() if b.level != first.level or abs(b.cy - first.cy) > 8]
        if far:
            b = rng.choice(far)
            b.owner = o.key
            o.booths.append(b.code)

    # 5. Some of what is still free goes to a neighbouring exhibitor; the rest
    #    stays unlet, as on a real floor
    for b in sorted(free(), key=lambda b: b.code):
        if rng.random() < 0.6:
            continue
        neighbours = [n for n in open_floor if n.owner and n.level == b.level
                      and dist(n, b) < 4.5 and byk[n.owner].demo]
        if neighbours:
            n = min(neighbours, key=lambda n: (dist(n, b), n.code))
            b.owner = n.owner
            byk[n.owner].booths.append(b.code)
    for o in orgs:
        o.booths.sort(key=lambda c: (plans["booths"][c].level, c))
        # the main stand first: the largest
        o.booths.sort(key=lambda c: -plans["booths"][c].area)
    return notes


# ---------------------------------------------------------------------------------------
# Sessions
# ---------------------------------------------------------------------------------------


FORUMS = [  # (title_en, title_zh, category, hours)
    ("AI for Urban Governance", "AI賦能城市治理論壇", "ai", 2.5),
    ("Smart Mobility and Traffic Safety", "智慧交通與交通安全論壇", "transport", 2.5),
    ("Grid Resilience and Smart Energy", "電網韌性與智慧能源論壇", "energy", 2),
    ("Net-Zero Cities: Carbon Inventory and Carbon Credits", "淨零城市：碳盤查與碳權論壇",
     "netzero", 3),
    ("Cybersecurity for Critical Infrastructure", "關鍵基礎設施資安論壇", "cybersecurity", 2),
    ("5G Private Networks in Public Spaces", "公共場域5G專網論壇", "5g", 2),
    ("Smart Healthcare for Ageing Cities", "高齡城市智慧醫療論壇", "healthcare", 2.5),
    ("Digital Learning Cities", "數位學習城市論壇", "education", 2),
    ("Smart Buildings and Facility Management", "智慧建築與設施管理論壇", "buildings", 2),
    ("Water Resilience and Smart Aquaculture", "水資源韌性與智慧養殖論壇", "water", 2),
    ("Emergency Response Centres and Disaster Prevention", "緊急應變中心與智慧防災論壇",
     "safety", 2),
    ("Smart City Startup Pitch", "智慧城市新創競賽", "startups", 3),
    ("Smart Manufacturing and Robotics", "智慧製造與機器人論壇", "manufacturing", 2),
    ("Fintech and Digital Identity for Citizens", "金融科技與市民數位身分論壇", "fintech", 2),
    ("Smart Retail and Shopping Districts", "智慧零售與商圈論壇", "retail", 2),
    ("International Smart City Partnerships", "國際智慧城市合作論壇", "international", 2.5),
]

MM_COUNTRIES = [c for c, _ in DELEGATIONS]
MM_CATS = {"ai", "iot", "transport", "energy"}


def build_sessions(orgs: list[Org], plans: dict, rng: random.Random) -> tuple[list[dict],
                                                                             list[str]]:
    notes: list[str] = []
    amen = plans["amenities"]
    stages = sorted(a["id"] for a in amen.values() if a["category"] == "stage")
    tables = sorted(a["id"] for a in amen.values() if a["category"] == "meeting")
    byk = {o.key: o for o in orgs}
    if not stages:
        notes.append("no stage amenities in Hall 2; forums are placed at booths")
        stages = [byk["ndc"].booths[0]] if byk["ndc"].booths else []
    main = next((s for s in stages if "MAIN" in s.upper()), stages[0] if stages else "")

    def stage(pref: str) -> str:
        return pref if pref in stages else next((s for s in stages if s != main), main)
    rows: list[dict] = []
    busy: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)

    def free_at(place: str, s: datetime, e: datetime) -> bool:
        return all(e <= a or s >= b for a, b in busy[place])

    def add(kind: str, en: str, zh: str, place: str, day: str, h: float, dur_h: float,
            exhibitor: str = "", demo: int = 1) -> bool:
        s = datetime.fromisoformat(day).replace(tzinfo=TZ) + timedelta(hours=h)
        e = s + timedelta(hours=dur_h)
        if not free_at(place, s, e):
            return False
        busy[place].append((s, e))
        rows.append({"kind": kind, "title_en": en, "title_zh": zh, "place": place,
                     "start": s.isoformat(), "end": e.isoformat(),
                     "exhibitor": byk[exhibitor].id if exhibitor else "", "demo": demo})
        return True

    # from the public record: the opening (time illustrative -> demo 1), the two forums
    add("opening", "Opening ceremony of SCSE 2025 and the Net-Zero City Expo",
        "2025智慧城市展暨淨零城市展開幕典禮", main, DAYS[0], 10, 1, "tca", demo=1)
    add("forum", "Smart Nation 2.0 forum (National Development Council)",
        "智慧國家2.0論壇（國家發展委員會）", stage("STAGE-H2-1F-A"), DAYS[0], 13.5, 2, "ndc", demo=0)
    add("forum", "Rebuilding Ukraine with Taiwan", "與台灣攜手重建烏克蘭論壇",
        stage("STAGE-H2-4F-B"),
        DAYS[2], 14, 2, "del-ukraine", demo=0)
    # MoU signings are on the public record; their dates, times and places are not
    add("ceremony", "MoU signing: Taipei City Government and Montgomery County, Maryland",
        "合作備忘錄簽署：臺北市政府與美國馬里蘭州蒙哥馬利郡", main, DAYS[0], 11.5, 0.5,
        "taipei")
    add("ceremony", "MoU signings: Taipei Computer Association with Córdoba, RECIA, ROTA "
        "Association and Paris East Marne & Bois",
        "合作備忘錄簽署：台北市電腦公會與哥多華、RECIA、ROTA協會及巴黎東馬恩與布瓦",
        main, DAYS[1], 11, 1, "tca")
    add("ceremony", "MoU signing: Taiwan Smart Automation and Robotics Association and the "
        "Ho Chi Minh City Computer Association",
        "合作備忘錄簽署：台灣智慧自動化與機器人協會與胡志明市電腦協會", main, DAYS[1], 16,
        0.5, "tairoa")
    # illustrative forums, hosted by an invented exhibitor of the theme
    for en, zh, cat, dur in FORUMS:
        hosts = [o for o in orgs if o.demo and o.booths and cat in o.categories]
        host = rng.choice(hosts).key if hosts else ""
        for _ in range(200):
            day = rng.choice(DAYS)
            h = rng.choice([10, 10.5, 13, 13.5, 14])
            if h + dur > CLOSE_H:
                continue
            if add("forum", en, zh, rng.choice(stages), day, h, dur, host):
                break
        else:
            notes.append(f"no stage time left for the forum {en!r}")

    # matchmaking: 30-minute slots at the tables, no table or exhibitor double-booked
    if not tables:
        notes.append("no matchmaking tables (amenity category meeting) in Hall 2")
        return rows, notes
    slots = [(d, OPEN_H + i * 0.5) for d in DAYS for i in range((CLOSE_H - OPEN_H) * 2)]
    cells = [(t, d, h) for t in tables for d, h in slots]
    if len(cells) < N_MATCHMAKING:
        notes.append(f"only {len(cells)} table slots for {N_MATCHMAKING} meetings")
    sellers = [o for o in orgs if o.demo and o.booths and MM_CATS & set(o.categories)]
    rng.shuffle(cells)
    seller_busy: dict[str, set] = defaultdict(set)
    count = 0
    for t, d, h in cells:
        if count >= N_MATCHMAKING:
            break
        for _ in range(20):
            o = rng.choice(sellers)
            if (d, h) not in seller_busy[o.key] and len(seller_busy[o.key]) < 8:
                break
        else:
            continue
        buyer = rng.choice([c for c in MM_COUNTRIES if c != o.country])
        bzh = COUNTRY_ZH[buyer]
        if add("matchmaking", f"Business matchmaking: {o.name_en} × {buyer} buyer delegation",
               f"商機媒合：{o.name_zh} × {bzh}買主團", t, d, h, 0.5, o.key):
            seller_busy[o.key].add((d, h))
            count += 1
    rows.sort(key=lambda r: (r["start"], {"opening": 0, "ceremony": 1, "forum": 2,
                                          "matchmaking": 3}[r["kind"]], r["place"]))
    for i, r in enumerate(rows, 1):
        r["id"] = f"SE{i:04d}"
    return rows, notes


# ---------------------------------------------------------------------------------------


def write_csv(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header)
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in header})


def main() -> None:
    rng = random.Random(2025)
    orgs = list(REAL)
    for o in orgs:
        o.booths = []
    orgs += invented_orgs(rng, N_TOTAL - len(REAL))
    for i, o in enumerate(orgs, 1):
        o.id = f"EX{i:04d}"
    plans = load_plans()
    notes = assign_booths(orgs, plans, rng)
    sessions, snotes = build_sessions(orgs, plans, rng)
    notes += snotes

    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "show.json").write_text(json.dumps(SHOW, ensure_ascii=False, indent=2) + "\n",
                                   encoding="utf-8")
    write_csv(OUT / "categories.csv", ["id", "name_en", "name_zh"],
              [{"id": a, "name_en": b, "name_zh": c} for a, b, c in CATEGORIES])
    write_csv(OUT / "exhibitors.csv",
              ["id", "name_en", "name_zh", "country", "categories", "booths",
               "description_en", "description_zh", "website", "demo"],
              [{"id": o.id, "name_en": o.name_en, "name_zh": o.name_zh, "country": o.country,
                "categories": ";".join(o.categories), "booths": ";".join(o.booths),
                "description_en": o.description_en, "description_zh": o.description_zh,
                "website": o.website, "demo": o.demo} for o in orgs])
    write_csv(OUT / "sessions.csv",
              ["id", "kind", "title_en", "title_zh", "place", "start", "end", "exhibitor",
               "demo"], sessions)

    hall2 = list(plans["booths"].values())
    let = sum(1 for b in hall2 if b.owner)
    kinds: dict[str, int] = defaultdict(int)
    for s in sessions:
        kinds[s["kind"]] += 1
    print(f"exhibitors: {len(orgs)} ({sum(1 for o in orgs if not o.demo)} real, "
          f"{sum(1 for o in orgs if o.demo)} demo), without booth: "
          f"{sum(1 for o in orgs if not o.booths)}")
    print(f"Hall 2 booths: {len(hall2)}, assigned {let}, unassigned {len(hall2) - let}")
    print("sessions:", dict(sorted(kinds.items())))
    for n in notes:
        print("note:", n)


if __name__ == "__main__":
    main()
