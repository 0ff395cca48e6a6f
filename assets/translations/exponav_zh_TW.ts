<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AccessMode</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/access.py" line="+105"/>
        <source>Accessibility</source>
        <translation>無障礙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accessibility mode</source>
        <translation>無障礙模式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>High contrast, large text, controls within reach, step-free routes</source>
        <translation>高對比、大字體、按鈕在伸手可及處、無階梯路線</translation>
    </message>
</context>
<context>
    <name>AmenityNames</name>
    <message>
        <location filename="../../app/exponav/ui/common/amenity_names.py" line="+17"/>
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
    <name>CountdownOverlay</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/overlays.py" line="+81"/>
        <source>Are you still there?</source>
        <translation>您還在嗎？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Touch the screen to carry on. Otherwise this kiosk starts afresh, and what you looked for is forgotten.</source>
        <translation>請觸碰螢幕繼續使用。否則查詢機將重新開始，您查詢的內容都會清除。</translation>
    </message>
</context>
<context>
    <name>DirectoryPanel</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/directory.py" line="+203"/>
        <source>Country or region</source>
        <translation>國家或地區</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pavilion</source>
        <translation>展區</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme</source>
        <translation>主題</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>樓層</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>‹ Back</source>
        <translation>‹ 返回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exhibitors A–Z</source>
        <translation>展商名錄</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>1 exhibitor</source>
        <translation>1 家展商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 exhibitors</source>
        <translation>%1 家展商</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Names under %1</source>
        <translation>%1 開頭的名稱</translation>
    </message>
</context>
<context>
    <name>ExhibitorCard</name>
    <message>
        <location filename="../../app/exponav/ui/panels/exhibitor_card.py" line="+187"/>
        <source>Back to results</source>
        <translation>返回搜尋結果</translation>
    </message>
    <message>
        <location line="+63"/>
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
        <location line="+18"/>
        <source>Level</source>
        <translation>樓層</translation>
    </message>
    <message>
        <location line="-40"/>
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
        <location line="+29"/>
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
    <name>HomeScreen</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/home.py" line="+384"/>
        <source>Where would you like to go? Touch to start.</source>
        <extracomment>the service tiles: amenity category (``exit``: the nearest exits)</extracomment>
        <translation>您想去哪裡？請點選開始。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search exhibitors, booths or services</source>
        <translation>搜尋展商、攤位或服務設施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exhibitors A–Z</source>
        <translation>展商名錄</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Programme</source>
        <translation>活動議程</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Nearest to this kiosk</source>
        <translation>離這台查詢機最近</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse by theme</source>
        <translation>依主題瀏覽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exits</source>
        <translation>出口</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Today at the show  ›</source>
        <translation>今日展會活動  ›</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Now</source>
        <translation>進行中</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing else on the programme today.</source>
        <translation>今天沒有其他活動了。</translation>
    </message>
</context>
<context>
    <name>KioskVisit</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/visit.py" line="+113"/>
        <source>Print my visit</source>
        <extracomment>the most stops a scanned visit may have: a long day at a show, planned in well under a second; more is not a visit a person walks</extracomment>
        <translation>列印我的參觀行程</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>This visit has %1 stops; a kiosk plans at most %2. Ask at the information desk, or plan a shorter visit.</source>
        <translation>此行程有 %1 個停留點，查詢機最多可規劃 %2 個。請洽服務台，或規劃較短的行程。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This code is not an ExpoNav visit.</source>
        <translation>此條碼不是 ExpoNav 參觀行程。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This code cannot be used here</source>
        <translation>此條碼無法在這裡使用</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/window.py" line="+489"/>
        <source>Home</source>
        <translation>首頁</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>You are here: %1</source>
        <translation>您在這裡：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Print my visit (%1)</source>
        <translation>列印我的行程（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print my visit</source>
        <translation>列印我的行程</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../app/exponav/ui/map/legend.py" line="+124"/>
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
    <name>LevelSwitcher</name>
    <message>
        <location filename="../../app/exponav/ui/map/level_switcher.py" line="+160"/>
        <source>not part of this show</source>
        <translation>非本展會場</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/exponav/ui/visitor/main_window.py" line="+319"/>
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
        <location line="+89"/>
        <source>%1 away</source>
        <translation>距離 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nearest: %1</source>
        <translation>最近的%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No %1 on any level.</source>
        <translation>各樓層都沒有%1。</translation>
    </message>
</context>
<context>
    <name>NorthArrow</name>
    <message>
        <location filename="../../app/exponav/ui/map/overlays.py" line="+157"/>
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
    <name>NoticeOverlay</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/overlays.py" line="+94"/>
        <source>OK</source>
        <translation>確定</translation>
    </message>
</context>
<context>
    <name>PickHint</name>
    <message>
        <location filename="../../app/exponav/ui/panels/start_picker.py" line="+120"/>
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
    <name>PrintedOverlay</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/overlays.py" line="-42"/>
        <source>Printing your visit</source>
        <translation>正在列印您的行程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take your receipt from the slot below the screen.</source>
        <translation>請從螢幕下方的出紙口取走您的行程單。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OK</source>
        <translation>好</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The printer is not working just now</source>
        <translation>印表機目前無法使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan this code with your phone&apos;s camera instead: it holds your whole visit and needs no network.</source>
        <translation>請改用手機相機掃描此條碼：內含完整行程，不需網路。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>ProgrammePanel</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/programme.py" line="+176"/>
        <source>January</source>
        <translation>1月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>February</source>
        <translation>2月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>March</source>
        <translation>3月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>April</source>
        <translation>4月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>June</source>
        <translation>6月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>July</source>
        <translation>7月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>August</source>
        <translation>8月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>September</source>
        <translation>9月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>October</source>
        <translation>10月</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>November</source>
        <translation>11月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>December</source>
        <translation>12月</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>‹ Back</source>
        <translation>‹ 返回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme</source>
        <translation>活動議程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show me the way</source>
        <translation>帶我過去</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to my visit</source>
        <translation>加入我的行程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No public sessions on this day.</source>
        <translation>這一天沒有公開活動。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Now</source>
        <translation>進行中</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>Next</source>
        <translation>下一場</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On now</source>
        <translation>正在進行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where: %1</source>
        <translation>地點：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With %1</source>
        <translation>參與單位：%1</translation>
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
        <location filename="../../app/exponav/ui/visitor/route_controller.py" line="+145"/>
        <source>You are here</source>
        <translation>您在這裡</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Where are you? Choose a kiosk or an entrance, or pick your position on the map.</source>
        <translation>您在哪裡？請選擇一台導覽機或一個入口，或在地圖上點選您的位置。</translation>
    </message>
    <message>
        <location line="+41"/>
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
        <location line="+174"/>
        <source>From %1</source>
        <translation>從%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To %1</source>
        <translation>前往%1</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>On %1</source>
        <translation>在%1</translation>
    </message>
    <message>
        <location line="+83"/>
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
        <location filename="../../app/exponav/ui/panels/route_panel.py" line="+150"/>
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
        <location filename="../../app/exponav/ui/map/overlays.py" line="-77"/>
        <source>%1 m</source>
        <translation>%1 公尺</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../app/exponav/ui/panels/search_panel.py" line="+167"/>
        <source>Search exhibitors, booths or services</source>
        <extracomment>the one-tap buttons: amenity category (``exit`` means emergency exits)</extracomment>
        <translation>搜尋展商、攤位或服務設施</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the search</source>
        <translation>清除搜尋</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+49"/>
        <source>A visit code: press Enter to load this visit.</source>
        <translation>這是參觀行程代碼：按 Enter 載入行程。</translation>
    </message>
    <message>
        <location line="+76"/>
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
        <location filename="../../app/exponav/ui/panels/results.py" line="+104"/>
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
    <name>StaffPanel</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/staff.py" line="+59"/>
        <location line="+115"/>
        <source>Leave kiosk mode</source>
        <translation>離開查詢機模式</translation>
    </message>
    <message>
        <location line="-111"/>
        <location line="+112"/>
        <source>Back to the kiosk</source>
        <translation>回到查詢機</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Staff PIN</source>
        <translation>工作人員密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No staff PIN is set</source>
        <translation>尚未設定工作人員密碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>工作人員</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set one on this machine with `exponav kiosk set-pin`. Until then this kiosk stays locked.</source>
        <translation>請在本機以 `exponav kiosk set-pin` 設定密碼。設定前，本查詢機將保持鎖定。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Wrong PIN.</source>
        <translation>密碼錯誤。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Wrong PIN. Try again in %1 s.</source>
        <translation>密碼錯誤，請於 %1 秒後再試。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Try again.</source>
        <translation>請再試一次。</translation>
    </message>
</context>
<context>
    <name>StartMenu</name>
    <message>
        <location filename="../../app/exponav/ui/panels/start_picker.py" line="-90"/>
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
        <location filename="../../app/exponav/ui/panels/visit_panel.py" line="+162"/>
        <source>Appointment</source>
        <translation>約定時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Be here at a fixed time (a meeting or a session)</source>
        <translation>須在固定時間到達（洽談或場次）</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Appointment time</source>
        <translation>約定時間</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+1"/>
        <source>Remove from the visit</source>
        <translation>從行程移除</translation>
    </message>
</context>
<context>
    <name>TimePicker</name>
    <message>
        <location filename="../../app/exponav/ui/panels/time_picker.py" line="+105"/>
        <source>Hour</source>
        <translation>時</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes</source>
        <translation>分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 o&apos;clock</source>
        <translation>%1 點</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 minutes past</source>
        <translation>%1 分</translation>
    </message>
</context>
<context>
    <name>VisitBar</name>
    <message>
        <location filename="../../app/exponav/ui/panels/visit_panel.py" line="+318"/>
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
        <location filename="../../app/exponav/ui/visitor/visit_controller.py" line="+146"/>
        <source>Remove from visit</source>
        <translation>從行程移除</translation>
    </message>
    <message>
        <location line="+96"/>
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
        <location line="+16"/>
        <source>1 stop</source>
        <translation>1 站</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 stops</source>
        <translation>%1 站</translation>
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
        <location line="+101"/>
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
        <location line="+35"/>
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
</context>
<context>
    <name>VisitPanel</name>
    <message>
        <location filename="../../app/exponav/ui/panels/visit_panel.py" line="-129"/>
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
        <location line="-61"/>
        <location line="+62"/>
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
        <location filename="../../app/exponav/ui/visitor/main_window.py" line="-200"/>
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
        <location filename="../../app/exponav/ui/common/walk_text.py" line="+29"/>
        <source>%1 m</source>
        <translation>%1 公尺</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>under 1 min</source>
        <translation>不到 1 分鐘</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min</source>
        <translation>%1 分鐘</translation>
    </message>
</context>
<context>
    <name>ZoomButtons</name>
    <message>
        <location filename="../../app/exponav/ui/map/overlays.py" line="-39"/>
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
