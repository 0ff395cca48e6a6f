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
        <location filename="../../app/exponav/ui/panels/exhibitor_card.py" line="+193"/>
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
        <location filename="../../app/exponav/ui/main_window.py" line="+295"/>
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
        <source>%1 away</source>
        <translation>距離 %1</translation>
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
        <location filename="../../app/exponav/ui/map_overlays.py" line="+157"/>
        <source>North</source>
        <translation>北</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>North: the map is turned so that up is the way you face</source>
        <translation>北方：地圖已旋轉，上方即您面對的方向</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>N</source>
        <comment>north, one letter</comment>
        <translation>北</translation>
    </message>
</context>
<context>
    <name>PickHint</name>
    <message>
        <location filename="../../app/exponav/ui/start_picker.py" line="+116"/>
        <source>Tap the map where you are</source>
        <translation>請在地圖上點選您的位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RouteBar</name>
    <message>
        <location filename="../../app/exponav/ui/panels/route_bar.py" line="+72"/>
        <location line="+1"/>
        <source>Clear the route</source>
        <translation>清除路線</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Part %1 of %2</source>
        <translation>第 %1 段，共 %2 段</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>◂ Back to %1</source>
        <translation>◂ 回到 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue on %1 ▸</source>
        <translation>繼續前往 %1 ▸</translation>
    </message>
</context>
<context>
    <name>RouteController</name>
    <message>
        <location filename="../../app/exponav/ui/route_controller.py" line="+135"/>
        <source>You are here</source>
        <translation>您在這裡</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Where are you? Choose a kiosk or an entrance, or pick your position on the map.</source>
        <translation>您在哪裡？請選擇一台導覽機或一個入口，或在地圖上點選您的位置。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No step-free route reaches %1 from here. Turn off step-free to include stairs and escalators.</source>
        <translation>從這裡沒有無障礙路線可到達 %1。關閉「無障礙」即可改走樓梯與電扶梯。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sorry, no walking route reaches %1 from here. Please ask at an information desk.</source>
        <translation>抱歉，從這裡沒有步行路線可到達 %1。請洽服務台。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The route could not be worked out: %1</source>
        <translation>無法規劃路線：%1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>From %1</source>
        <translation>從%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To %1</source>
        <translation>前往%1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>On %1</source>
        <translation>在%1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Kiosk %1</source>
        <translation>導覽機 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a point on the map</source>
        <translation>地圖上的一點</translation>
    </message>
</context>
<context>
    <name>RoutePanel</name>
    <message>
        <location filename="../../app/exponav/ui/panels/route_panel.py" line="+156"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change start</source>
        <translation>更改起點</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step-free (lifts and ramps only)</source>
        <translation>無障礙（僅電梯與坡道）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear route</source>
        <translation>清除路線</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding the way…</source>
        <translation>正在規劃路線…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Route to %1</source>
        <translation>前往%1的路線</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From %1</source>
        <translation>從%1</translation>
    </message>
</context>
<context>
    <name>ScaleBar</name>
    <message>
        <location filename="../../app/exponav/ui/map_overlays.py" line="-77"/>
        <source>%1 m</source>
        <translation>%1 公尺</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../app/exponav/ui/panels/search_panel.py" line="+176"/>
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
        <location line="+28"/>
        <source>A visit code: press Enter to load this visit.</source>
        <translation>這是參觀行程代碼：按 Enter 載入行程。</translation>
    </message>
    <message>
        <location line="+74"/>
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
    <name>StartMenu</name>
    <message>
        <location filename="../../app/exponav/ui/start_picker.py" line="-90"/>
        <source>Kiosk %1</source>
        <translation>導覽機 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+3"/>
        <source>Where are you?</source>
        <translation>您在哪裡？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick on the map</source>
        <translation>在地圖上點選</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kiosks</source>
        <translation>導覽機</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrances</source>
        <translation>入口</translation>
    </message>
</context>
<context>
    <name>StopRow</name>
    <message>
        <location filename="../../app/exponav/ui/panels/visit_panel.py" line="+144"/>
        <source>Appointment</source>
        <translation>約定時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Be here at a fixed time (a meeting or a session)</source>
        <translation>須在固定時間到達（洽談或場次）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Appointment time</source>
        <translation>約定時間</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>Remove from the visit</source>
        <translation>從行程移除</translation>
    </message>
</context>
<context>
    <name>VisitBar</name>
    <message>
        <location line="+256"/>
        <source>My visit · 1 stop  ▸</source>
        <translation>我的行程 · 1 站  ▸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My visit · %1 stops  ▸</source>
        <translation>我的行程 · %1 站  ▸</translation>
    </message>
</context>
<context>
    <name>VisitController</name>
    <message>
        <location filename="../../app/exponav/ui/visit_controller.py" line="+139"/>
        <source>Remove from visit</source>
        <translation>從行程移除</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>This visit cannot be planned: %1</source>
        <translation>無法規劃此行程：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planning failed: %1</source>
        <translation>規劃失敗：%1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 late</source>
        <translation>遲到 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ends about %1</source>
        <translation>約 %1 結束</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 appointment at %2 cannot be kept: you would arrive at %3, %4 late.</source>
        <translation>%2 的 %1 約定無法準時赴約：您將於 %3 抵達，遲到 %4。</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>This code is not an ExpoNav visit.</source>
        <translation>這個代碼不是 ExpoNav 參觀行程。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This visit was planned for another show.</source>
        <translation>這個行程是為另一個展覽規劃的。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This visit names a place this map does not have.</source>
        <translation>這個行程包含本地圖沒有的地點。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This visit has no stops.</source>
        <translation>這個行程沒有任何一站。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Print your visit</source>
        <translation>列印您的行程</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A4 page (*.pdf)</source>
        <translation>A4 頁面 (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>80 mm receipt (*.pdf)</source>
        <translation>80 公釐收據 (*.pdf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save your visit as PDF</source>
        <translation>將行程儲存為 PDF</translation>
    </message>
    <message numerus="yes">
        <source>%n stop(s)</source>
        <translation>
            <numerusform>%n 站</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitPanel</name>
    <message>
        <location filename="../../app/exponav/ui/panels/visit_panel.py" line="-103"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My visit</source>
        <translation>我的行程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change start</source>
        <translation>更改起點</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start at</source>
        <translation>出發時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step-free</source>
        <translation>無障礙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifts and ramps only, walking at an easy pace</source>
        <translation>僅走電梯與坡道，以輕鬆的步速計算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your visit is empty. Add exhibitors with “Add to visit” on their card, or with + beside a search result.</source>
        <translation>您的行程還是空的。請在展商資訊卡上按「加入行程」，或按搜尋結果旁的 +。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Planning…</source>
        <translation>規劃中…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimise order</source>
        <translation>最佳化順序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order that walks least and keeps every appointment</source>
        <translation>步行最少且準時赴約的順序</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>列印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>儲存為 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear visit</source>
        <translation>清除行程</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>From %1</source>
        <translation>從%1</translation>
    </message>
</context>
<context>
    <name>VisitorApi</name>
    <message>
        <location filename="../../app/exponav/ui/visitor_api.py" line="+51"/>
        <source>Route here</source>
        <translation>規劃路線</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to visit</source>
        <translation>加入行程</translation>
    </message>
</context>
<context>
    <name>WalkText</name>
    <message>
        <location filename="../../app/exponav/ui/walk_text.py" line="+20"/>
        <source>%1 m</source>
        <translation>%1 公尺</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>under 1 min</source>
        <translation>不到 1 分鐘</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 分鐘</translation>
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
<context>
    <name>HomeScreen</name>
    <message>
        <source>Where would you like to go? Touch to start.</source>
        <translation>您想去哪裡？請點選開始。</translation>
    </message>
    <message>
        <source>Search exhibitors, booths or services</source>
        <translation>搜尋展商、攤位或服務設施</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <source>Nearest to this kiosk</source>
        <translation>離這台查詢機最近</translation>
    </message>
    <message>
        <source>Browse by theme</source>
        <translation>依主題瀏覽</translation>
    </message>
    <message>
        <source>Exits</source>
        <translation>出口</translation>
    </message>
    <message>
        <source>Today at the show</source>
        <translation>今日展會活動</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>進行中</translation>
    </message>
    <message>
        <source>Nothing else on the programme today.</source>
        <translation>今天沒有其他活動了。</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation>您還在嗎？</translation>
    </message>
    <message>
        <source>Touch the screen to carry on. Otherwise this kiosk starts afresh, and what you looked for is forgotten.</source>
        <translation>請觸碰螢幕繼續使用。否則查詢機將重新開始，您查詢的內容都會清除。</translation>
    </message>
</context>
<context>
    <name>PrintedOverlay</name>
    <message>
        <source>Printing your visit</source>
        <translation>正在列印您的行程</translation>
    </message>
    <message>
        <source>Take your receipt from the slot below the screen.</source>
        <translation>請從螢幕下方的出紙口取走您的行程單。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>好</translation>
    </message>
    <message>
        <source>The printer is not working just now</source>
        <translation>印表機目前無法使用</translation>
    </message>
    <message>
        <source>Scan this code with your phone's camera instead: it holds your whole visit and needs no network.</source>
        <translation>請改用手機相機掃描此條碼：內含完整行程，不需網路。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Home</source>
        <translation>首頁</translation>
    </message>
    <message>
        <source>You are here: %1</source>
        <translation>您在這裡：%1</translation>
    </message>
    <message>
        <source>Print my visit (%1)</source>
        <translation>列印我的行程（%1）</translation>
    </message>
    <message>
        <source>Print my visit</source>
        <translation>列印我的行程</translation>
    </message>
</context>
<context>
    <name>Printout</name>
    <message numerus="yes">
        <source>%n stop(s)</source>
        <translation>
            <numerusform>%n 站</numerusform>
        </translation>
    </message>
    <message>
        <source>Information kiosk</source>
        <translation>導覽機</translation>
    </message>
    <message>
        <source>A point on the map</source>
        <translation>地圖上的一點</translation>
    </message>
    <message>
        <source>%1 · day %2 of %3</source>
        <translation>%1 · 展期第 %2 天（共 %3 天）</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小時 %2 分鐘</translation>
    </message>
    <message>
        <source>Meeting at %1: %2 min late</source>
        <translation>%1 的會議：將遲到 %2 分鐘</translation>
    </message>
    <message>
        <source>Meeting · arrive %1, %2 early</source>
        <translation>會議 · %1 抵達，提早 %2</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>會議</translation>
    </message>
    <message>
        <source>Start %1 at %2, %3</source>
        <translation>%1 從%3 %2出發</translation>
    </message>
    <message>
        <source>%1 · walk %2 (%3) · done about %4</source>
        <translation>%1 · 步行 %2（%3）· 約 %4 結束</translation>
    </message>
    <message>
        <source>Total walk %1 · %2</source>
        <translation>總步行 %1 · %2</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>經由%1</translation>
    </message>
    <message>
        <source>Your visit</source>
        <translation>您的參觀行程</translation>
    </message>
    <message>
        <source>Step-free route: lifts and ramps only</source>
        <translation>無障礙路線：僅電梯與坡道</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起點</translation>
    </message>
    <message>
        <source>Scan with a phone camera: your stops and times, no network needed.</source>
        <translation>以手機相機掃描：行程各站與時間，免網路即可查看。</translation>
    </message>
    <message>
        <source>Printed at kiosk %1 · %2</source>
        <translation>列印自導覽機 %1 · %2</translation>
    </message>
    <message>
        <source>Printed from %1 · %2</source>
        <translation>列印自 %1 · %2</translation>
    </message>
    <message>
        <source>Printed %1</source>
        <translation>列印於 %1</translation>
    </message>
</context>
<context>
    <name>SheetLayout</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 頁，共 %2 頁</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>參觀</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>步行</translation>
    </message>
    <message>
        <source>Map · %1</source>
        <translation>地圖 · %1</translation>
    </message>
    <message>
        <source>Your stops in order</source>
        <translation>依序參觀各站</translation>
    </message>
    <message>
        <source>A meeting</source>
        <translation>會議</translation>
    </message>
    <message>
        <source>Your walk</source>
        <translation>步行路線</translation>
    </message>
    <message>
        <source>To another floor</source>
        <translation>前往其他樓層</translation>
    </message>
</context>
<context>
    <name>LaptopWindow</name>
    <message>
        <source>&amp;Visit</source>
        <translation>行程(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存為 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ExpoNav</source>
        <translation>關於 ExpoNav(&amp;A)</translation>
    </message>
    <message>
        <source>About ExpoNav</source>
        <translation>關於 ExpoNav</translation>
    </message>
    <message>
        <source>ExpoNav %1: an offline navigator and booth planner for exhibition floors.
Showing %2.</source>
        <translation>ExpoNav %1：離線的展場導覽與攤位規劃工具。
目前展覽：%2。</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>% of net area</source>
        <translation>佔淨面積%</translation>
    </message>
    <message>
        <source>%1 booths selected</source>
        <translation>已選取%1個攤位</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>面積（平方公尺）</translation>
    </message>
    <message>
        <source>As opened</source>
        <translation>開啟時的狀態</translation>
    </message>
    <message>
        <source>Assign %1 to %2</source>
        <translation>將%1分配給%2</translation>
    </message>
    <message>
        <source>Assign to the selected booth</source>
        <translation>分配給選取的攤位</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可租</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>保留不租</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>攤位</translation>
    </message>
    <message>
        <source>Booths</source>
        <translation>攤位</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>刪除%1</translation>
    </message>
    <message>
        <source>Draw %1</source>
        <translation>繪製%1</translation>
    </message>
    <message>
        <source>Draw a booth</source>
        <translation>繪製攤位</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation>複製%1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <source>Exhibitor</source>
        <translation>參展商</translation>
    </message>
    <message>
        <source>Exhibitors</source>
        <translation>參展商</translation>
    </message>
    <message>
        <source>ExpoNav layout editor</source>
        <translation>ExpoNav 展場配置編輯器</translation>
    </message>
    <message>
        <source>Find an exhibitor</source>
        <translation>搜尋參展商</translation>
    </message>
    <message>
        <source>History</source>
        <translation>編輯紀錄</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合併</translation>
    </message>
    <message>
        <source>Merge into %1</source>
        <translation>合併為%1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移動%1</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未選取任何攤位</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>未儲存任何檔案：%1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已保留</translation>
    </message>
    <message>
        <source>Resize %1</source>
        <translation>調整%1大小</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>銷售</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <source>Select and move</source>
        <translation>選取與移動</translation>
    </message>
    <message>
        <source>Select one booth first.</source>
        <translation>請先選取一個攤位。</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已售出</translation>
    </message>
    <message>
        <source>Split %1</source>
        <translation>分割%1</translation>
    </message>
    <message>
        <source>Split into a and b</source>
        <translation>分割為a與b</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>The layout has unsaved changes. Save them?</source>
        <translation>配置有尚未儲存的變更，要儲存嗎？</translation>
    </message>
    <message>
        <source>These booths are sold: %1. Change them all the same?</source>
        <translation>這些攤位已售出：%1。仍要變更嗎？</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Unassign</source>
        <translation>取消分配</translation>
    </message>
    <message>
        <source>Unassign %1</source>
        <translation>取消分配%1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>復原</translation>
    </message>
    <message>
        <source>Venue rules</source>
        <translation>場館規則</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>問題說明</translation>
    </message>
    <message>
        <source>Whole venue</source>
        <translation>整個場館</translation>
    </message>
    <message>
        <source>no booth</source>
        <translation>無攤位</translation>
    </message>
    <message>
        <source>Rotate 15° left</source>
        <translation>向左旋轉15°</translation>
    </message>
    <message>
        <source>Rotate 15° right</source>
        <translation>向右旋轉15°</translation>
    </message>
    <message>
        <source>Rotate %1</source>
        <translation>旋轉%1</translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings</source>
        <translation>%1個錯誤、%2個警告</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 公尺</translation>
    </message>
    <message>
        <source>%1, %2 open sides</source>
        <translation>%1，%2面開放</translation>
    </message>
    <message>
        <source>%1, set for this booth</source>
        <translation>%1（此攤位的指定價格）</translation>
    </message>
    <message>
        <source>A booth needs at least 1 m².</source>
        <translation>攤位面積至少需1平方公尺。</translation>
    </message>
    <message>
        <source>Aisle width (red: under %1 m)</source>
        <translation>走道寬度（紅色：不足%1公尺）</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>核准人</translation>
    </message>
    <message>
        <source>As restored from the recovery copy</source>
        <translation>自復原副本還原</translation>
    </message>
    <message>
        <source>Booth layout for the venue's approval</source>
        <translation>攤位配置圖（送場館審核）</translation>
    </message>
    <message>
        <source>Column, wall or core</source>
        <translation>柱、牆或核心筒</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>捨棄</translation>
    </message>
    <message>
        <source>Draw a polygon booth</source>
        <translation>繪製多邊形攤位</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>圖名</translation>
    </message>
    <message>
        <source>Emergency exit</source>
        <translation>緊急出口</translation>
    </message>
    <message>
        <source>Entrance</source>
        <translation>入口</translation>
    </message>
    <message>
        <source>Export GeoJSON for GIS (WGS84)…</source>
        <translation>匯出GIS用GeoJSON（WGS84）…</translation>
    </message>
    <message>
        <source>Export GeoJSON for GIS to a folder</source>
        <translation>將GIS用GeoJSON匯出至資料夾</translation>
    </message>
    <message>
        <source>Export floor-plan GeoJSON…</source>
        <translation>匯出平面圖GeoJSON…</translation>
    </message>
    <message>
        <source>Export the floor plans to a folder</source>
        <translation>將平面圖匯出至資料夾</translation>
    </message>
    <message>
        <source>Exported %1 GeoJSON layers to %2.</source>
        <translation>已匯出%1個GeoJSON圖層至%2。</translation>
    </message>
    <message>
        <source>Exported %1 floor plans to %2.</source>
        <translation>已匯出%1張平面圖至%2。</translation>
    </message>
    <message>
        <source>From a kiosk or entrance to the selected booth:</source>
        <translation>從導覽機或入口到所選攤位：</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>導覽機</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>圖例</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>樓層</translation>
    </message>
    <message>
        <source>No walking route to %1: %2</source>
        <translation>無法步行抵達%1：%2</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>未匯出任何檔案：%1</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>未寫入任何檔案：%1</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>紙張</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>預覽並列印…</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>價格</translation>
    </message>
    <message>
        <source>Print for the venue's approval</source>
        <translation>列印送場館審核</translation>
    </message>
    <message>
        <source>Print for the venue's approval…</source>
        <translation>列印送場館審核…</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>列印時間</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>還原</translation>
    </message>
    <message>
        <source>Route preview</source>
        <translation>路線預覽</translation>
    </message>
    <message>
        <source>Save a copy in an empty folder</source>
        <translation>將副本儲存至空資料夾</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>儲存為PDF…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已儲存%1。</translation>
    </message>
    <message>
        <source>Saved a copy in %1.</source>
        <translation>已將副本儲存至%1。</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Scale 1:%1 on %2</source>
        <translation>比例1:%1，%2紙張</translation>
    </message>
    <message>
        <source>Select a booth to see the way to it.</source>
        <translation>選取攤位以查看前往路線。</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>展覽</translation>
    </message>
    <message>
        <source>The editor did not close normally last time. A recovery copy of its unsaved edits to this layout was kept at %1. Restore it?</source>
        <translation>編輯器上次未正常關閉。已於%1保留此配置未儲存變更的復原副本。要還原嗎？</translation>
    </message>
    <message>
        <source>The outline crosses itself; draw the corners in order.</source>
        <translation>外框自我交叉；請依序點選各角。</translation>
    </message>
    <message>
        <source>The recovery copy could not be written: %1</source>
        <translation>無法寫入復原副本：%1</translation>
    </message>
    <message>
        <source>Value (%1)</source>
        <translation>金額（%1）</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>場館</translation>
    </message>
    <message>
        <source>corner</source>
        <translation>角攤</translation>
    </message>
    <message>
        <source>demo prices</source>
        <translation>示範價格</translation>
    </message>
    <message>
        <source>inline</source>
        <translation>一般攤位</translation>
    </message>
    <message>
        <source>island</source>
        <translation>島型</translation>
    </message>
    <message>
        <source>no violations</source>
        <translation>無違規</translation>
    </message>
    <message>
        <source>peninsula</source>
        <translation>半島型</translation>
    </message>
</context>
</TS>
