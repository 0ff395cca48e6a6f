<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AmenityNames</name>
    <message>
        <location filename="../../app/exponav/ui/amenity_names.py" line="+17"/>
        <source>Toilets</source>
        <translation>廁所</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accessible toilet</source>
        <translation>無障礙廁所</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information</source>
        <translation>服務台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food and drink</source>
        <translation>餐飲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First aid</source>
        <translation>醫護室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nursing room</source>
        <translation>哺集乳室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prayer room</source>
        <translation>祈禱室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charging</source>
        <translation>充電站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting table</source>
        <translation>洽談桌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage</source>
        <translation>舞台</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Entrance</source>
        <translation>入口</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Emergency exit</source>
        <translation>緊急出口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalator</source>
        <translation>電扶梯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elevator</source>
        <translation>電梯</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stairs</source>
        <translation>樓梯</translation>
    </message>
</context>
<context>
    <name>ExhibitorCard</name>
    <message>
        <location filename="../../app/exponav/ui/panels/exhibitor_card.py" line="+176"/>
        <source>Back to results</source>
        <translation>返回搜尋結果</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Illustrative exhibitor (demo data)</source>
        <translation>示範用展商（虛構資料）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Booth</source>
        <translation>攤位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Booths</source>
        <translation>攤位</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+31"/>
        <location line="+20"/>
        <source>Level</source>
        <translation>樓層</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+26"/>
        <source>Area</source>
        <translation>展區</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Country</source>
        <translation>國家／地區</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Categories</source>
        <translation>類別</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Booth %1</source>
        <translation>攤位 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not yet assigned</source>
        <translation>尚未分配</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Size</source>
        <translation>面積</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 m²</source>
        <translation>%1 平方公尺</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Website</source>
        <translation>網站</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scan with your phone to open it there.</source>
        <translation>用手機掃描即可開啟。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Today, %1</source>
        <translation>今天，%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show day 1, %1</source>
        <translation>展期第一天，%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The show is not on today, so this lists its first day.</source>
        <translation>今天沒有展出，因此列出展期第一天的活動。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing scheduled here on this day.</source>
        <translation>當天這裡沒有安排活動。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>and %1 more</source>
        <translation>另有 %1 場</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../app/exponav/ui/legend.py" line="+124"/>
        <source>Legend</source>
        <translation>圖例</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not yet assigned</source>
        <translation>尚未分配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your selection</source>
        <translation>您的選擇</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/exponav/ui/main_window.py" line="+272"/>
        <source>ExpoNav — %1</source>
        <translation>ExpoNav — %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>%1 m away</source>
        <translation>距離 %1 公尺</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nearest: %1</source>
        <translation>最近的%1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No %1 on any level.</source>
        <translation>各樓層都沒有%1。</translation>
    </message>
</context>
<context>
    <name>NorthArrow</name>
    <message>
        <location filename="../../app/exponav/ui/map_overlays.py" line="+142"/>
        <source>North</source>
        <translation>北</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>N</source>
        <comment>north, one letter</comment>
        <translation>北</translation>
    </message>
</context>
<context>
    <name>ScaleBar</name>
    <message>
        <location line="-57"/>
        <source>%1 m</source>
        <translation>%1 公尺</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../app/exponav/ui/panels/search_panel.py" line="+161"/>
        <source>Search exhibitors, booths or services</source>
        <extracomment>the one-tap buttons: amenity category (``exit`` means emergency exits)</extracomment>
        <translation>搜尋展商、攤位或服務設施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find nearby</source>
        <translation>尋找附近</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse by theme</source>
        <translation>依主題瀏覽</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Toilets</source>
        <translation>廁所</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accessible</source>
        <translation>無障礙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information</source>
        <translation>服務台</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Food</source>
        <translation>餐飲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First aid</source>
        <translation>醫護室</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exits</source>
        <translation>出口</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Nothing found for “%1”. Try a booth code such as S1024, or part of a name.</source>
        <translation>找不到「%1」。請試試攤位編號（例如 S1024）或名稱的一部分。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a company, a booth code or a service. English and 中文 both work.</source>
        <translation>輸入公司名稱、攤位編號或服務設施，中文或英文皆可。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 result</source>
        <translation>1 筆結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 results</source>
        <translation>%1 筆結果</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../app/exponav/ui/panels/results.py" line="+116"/>
        <source>Not yet assigned</source>
        <translation>尚未分配</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exhibitors</source>
        <translation>展商</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Booths</source>
        <translation>攤位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Services</source>
        <translation>服務設施</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 places</source>
        <translation>%1 處</translation>
    </message>
</context>
<context>
    <name>ZoomButtons</name>
    <message>
        <location filename="../../app/exponav/ui/map_overlays.py" line="-39"/>
        <location line="+3"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Show the whole level</source>
        <translation>顯示整層樓</translation>
    </message>
</context>
</TS>
