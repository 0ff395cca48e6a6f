<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AccessMode</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/access.py" line="+115"/>
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
        <source>Exit</source>
        <translation>出口</translation>
    </message>
    <message>
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
    <message>
        <location line="+1"/>
        <source>Ramp</source>
        <translation>坡道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walkway</source>
        <translation>連通道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ATM</source>
        <translation>自動櫃員機</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloakroom</source>
        <translation>衣帽間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration</source>
        <translation>報到處</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MRT</source>
        <translation>捷運</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taxi</source>
        <translation>計程車</translation>
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
        <location filename="../../app/exponav/ui/kiosk/directory.py" line="+207"/>
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
        <location line="+65"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>1 exhibitor</source>
        <translation>1 家展商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 exhibitors</source>
        <translation>%1 家展商</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Names under %1</source>
        <translation>%1 開頭的名稱</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <location filename="../../app/exponav/ui/editor/panels.py" line="+47"/>
        <source>Available</source>
        <translation>可租</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reserved</source>
        <translation>已保留</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sold</source>
        <translation>已售出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocked</source>
        <translation>保留不租</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>demo prices</source>
        <translation>示範價格</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule</source>
        <translation>規則</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+34"/>
        <source>Booths</source>
        <translation>攤位</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>What is wrong</source>
        <translation>問題說明</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Error</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+127"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>Area (m²)</source>
        <translation>面積（平方公尺）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>% of net area</source>
        <translation>佔淨面積%</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Whole venue</source>
        <translation>整個場館</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Find an exhibitor</source>
        <translation>搜尋參展商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign to the selected booth</source>
        <translation>分配給選取的攤位</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no booth</source>
        <translation>無攤位</translation>
    </message>
    <message>
        <location line="+57"/>
        <location filename="../../app/exponav/ui/editor/window.py" line="+249"/>
        <source>Booth</source>
        <translation>攤位</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>面積</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exhibitor</source>
        <translation>參展商</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unassign</source>
        <translation>取消分配</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 booths selected</source>
        <translation>已選取%1個攤位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing selected</source>
        <translation>未選取任何攤位</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="-78"/>
        <source>Undo</source>
        <extracomment>how often the recovery copy of unsaved edits is written asks a yes/no question; replaced in tests asks for a folder (title) -&gt; path or None; replaced in tests</extracomment>
        <translation>復原</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>儲存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close</source>
        <translation>關閉</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Split into a and b</source>
        <translation>分割為a與b</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge</source>
        <translation>合併</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>複製</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate 15° left</source>
        <translation>向左旋轉15°</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate 15° right</source>
        <translation>向右旋轉15°</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select and move</source>
        <translation>選取與移動</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw a booth</source>
        <translation>繪製攤位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sales</source>
        <translation>銷售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exhibitors</source>
        <translation>展商</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="+341"/>
        <location filename="../../app/exponav/ui/editor/window.py" line="+0"/>
        <source>Venue rules</source>
        <translation>場館規則</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="+1"/>
        <source>History</source>
        <translation>編輯紀錄</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/files.py" line="+61"/>
        <location filename="../../app/exponav/ui/editor/window.py" line="+4"/>
        <source>As opened</source>
        <translation>開啟時的狀態</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+100"/>
        <location filename="../../app/exponav/ui/editor/start.py" line="+33"/>
        <location line="+14"/>
        <location filename="../../app/exponav/ui/editor/window.py" line="+16"/>
        <location line="+143"/>
        <source>ExpoNav layout editor</source>
        <translation>ExpoNav 展場配置編輯器</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="+7"/>
        <source>These booths are sold: %1. Change them all the same?</source>
        <translation>這些攤位已售出：%1。仍要變更嗎？</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Move %1</source>
        <translation>移動%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Resize %1</source>
        <translation>調整%1大小</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rotate %1</source>
        <translation>旋轉%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete %1</source>
        <translation>刪除%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Split %1</source>
        <translation>分割%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Merge into %1</source>
        <translation>合併為%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Duplicate %1</source>
        <translation>複製%1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Draw %1</source>
        <translation>繪製%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Assign %1 to %2</source>
        <translation>將%1分配給%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select one booth first.</source>
        <translation>請先選取一個攤位。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unassign %1</source>
        <translation>取消分配%1</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/files.py" line="-94"/>
        <location line="+19"/>
        <source>Nothing was saved: %1</source>
        <translation>未儲存任何檔案：%1</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Saved.</source>
        <translation>已儲存。</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>The layout has unsaved changes. Save them?</source>
        <translation>配置有尚未儲存的變更，要儲存嗎？</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="+21"/>
        <source>%1 errors, %2 warnings</source>
        <translation>%1個錯誤、%2個警告</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>%1 m</source>
        <translation>%1 公尺</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/panels.py" line="-207"/>
        <source>%1, %2 open sides</source>
        <translation>%1，%2面開放</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>%1, set for this booth</source>
        <translation>%1（此攤位的指定價格）</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="-42"/>
        <source>A booth needs at least 1 m².</source>
        <translation>攤位面積至少需1平方公尺。</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="+26"/>
        <source>Aisle width (red: under %1 m)</source>
        <translation>走道寬度（紅色：不足%1公尺）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Approved by</source>
        <translation>核准人</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="-260"/>
        <source>As restored from the recovery copy</source>
        <translation>自復原副本還原</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="-13"/>
        <source>Booth layout for the venue&apos;s approval</source>
        <translation>攤位配置圖（送場館審核）</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Column, wall or core</source>
        <translation>柱、牆或核心筒</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/start.py" line="-9"/>
        <source>Discard</source>
        <translation>捨棄</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="-7"/>
        <source>Draw a polygon booth</source>
        <translation>繪製多邊形攤位</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="-13"/>
        <source>Drawing</source>
        <translation>圖名</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Emergency exit</source>
        <translation>緊急出口</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../app/exponav/ui/editor/routes.py" line="+100"/>
        <source>Entrance</source>
        <translation>入口</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="-10"/>
        <source>Export GeoJSON for GIS (WGS84)…</source>
        <translation>匯出GIS用GeoJSON（WGS84）…</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/files.py" line="-52"/>
        <source>Export GeoJSON for GIS to a folder</source>
        <translation>將GIS用GeoJSON匯出至資料夾</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="-1"/>
        <source>Export floor-plan GeoJSON…</source>
        <translation>匯出平面圖GeoJSON…</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/files.py" line="-17"/>
        <source>Export the floor plans to a folder</source>
        <translation>將平面圖匯出至資料夾</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Exported %1 GeoJSON layers to %2.</source>
        <translation>已匯出%1個GeoJSON圖層至%2。</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Exported %1 floor plans to %2.</source>
        <translation>已匯出%1張平面圖至%2。</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/routes.py" line="-3"/>
        <source>From a kiosk or entrance to the selected booth:</source>
        <translation>從導覽機或入口到所選攤位：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kiosk</source>
        <translation>導覽機</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="-13"/>
        <source>Legend</source>
        <translation>圖例</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+60"/>
        <source>Level</source>
        <translation>樓層</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/routes.py" line="+20"/>
        <source>No walking route to %1: %2</source>
        <translation>無法步行抵達%1：%2</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/files.py" line="-2"/>
        <location line="+19"/>
        <source>Nothing was exported: %1</source>
        <translation>未匯出任何檔案：%1</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="+80"/>
        <source>Nothing was written: %1</source>
        <translation>未寫入任何檔案：%1</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Paper</source>
        <translation>紙張</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview and print…</source>
        <translation>預覽並列印…</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/panels.py" line="+198"/>
        <source>Price</source>
        <translation>價格</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="-21"/>
        <location line="+73"/>
        <source>Print for the venue&apos;s approval</source>
        <translation>列印送場館審核</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="+2"/>
        <source>Print for the venue&apos;s approval…</source>
        <translation>列印送場館審核…</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="-114"/>
        <source>Printed</source>
        <translation>列印時間</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/start.py" line="-1"/>
        <source>Restore</source>
        <translation>還原</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="+13"/>
        <source>Route preview</source>
        <translation>路線預覽</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/files.py" line="-38"/>
        <source>Save a copy in an empty folder</source>
        <translation>將副本儲存至空資料夾</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="-16"/>
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="+64"/>
        <location line="+65"/>
        <source>Save as PDF…</source>
        <translation>儲存為PDF…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved %1.</source>
        <translation>已儲存%1。</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/files.py" line="+8"/>
        <source>Saved a copy in %1.</source>
        <translation>已將副本儲存至%1。</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="-140"/>
        <location line="+59"/>
        <source>Scale</source>
        <translation>比例</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>Scale 1:%1 on %2</source>
        <extracomment>paper -&gt; (name, long side, short side in mm), drawn landscape</extracomment>
        <translation>比例1:%1，%2紙張</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/routes.py" line="-3"/>
        <source>Select a booth to see the way to it.</source>
        <translation>選取攤位以查看前往路線。</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="+44"/>
        <location line="+11"/>
        <source>Show</source>
        <translation>展覽</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/start.py" line="-3"/>
        <source>The editor did not close normally last time. A recovery copy of its unsaved edits to this layout was kept at %1. Restore it?</source>
        <translation>編輯器上次未正常關閉。已於%1保留此配置未儲存變更的復原副本。要還原嗎？</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="+277"/>
        <source>The outline crosses itself; draw the corners in order.</source>
        <translation>外框自我交叉；請依序點選各角。</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/files.py" line="+49"/>
        <source>The recovery copy could not be written: %1</source>
        <translation>無法寫入復原副本：%1</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/panels.py" line="-126"/>
        <source>Value (%1)</source>
        <translation>金額（%1）</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="-10"/>
        <source>Venue</source>
        <translation>場館</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/panels.py" line="-84"/>
        <source>corner</source>
        <translation>角攤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>inline</source>
        <translation>一般攤位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>island</source>
        <translation>島型</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="+25"/>
        <source>no violations</source>
        <translation>無違規</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/panels.py" line="-1"/>
        <source>peninsula</source>
        <translation>半島型</translation>
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
        <location line="+41"/>
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
        <location filename="../../app/exponav/ui/kiosk/home.py" line="+409"/>
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
        <location line="+3"/>
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
        <location line="+44"/>
        <source>Now</source>
        <translation>進行中</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing else on the programme today.</source>
        <translation>今天沒有其他活動了。</translation>
    </message>
    <message>
        <location line="-52"/>
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
        <location line="-1"/>
        <source>Today at the show  ›</source>
        <translation>今日展會活動  ›</translation>
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
        <location filename="../../app/exponav/ui/kiosk/window.py" line="+491"/>
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
    <name>LaptopWindow</name>
    <message>
        <location filename="../../app/exponav/ui/visitor/laptop.py" line="+112"/>
        <source>&amp;Visit</source>
        <translation>行程(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as P&amp;DF…</source>
        <translation>另存為 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About ExpoNav</source>
        <translation>關於 ExpoNav(&amp;A)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>About ExpoNav</source>
        <translation>關於 ExpoNav</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ExpoNav %1: an offline navigator and booth planner for exhibition floors.
Showing %2.</source>
        <translation>ExpoNav %1：離線的展場導覽與攤位規劃工具。
目前展覽：%2。</translation>
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
        <location line="+109"/>
        <source>%1 away</source>
        <translation>距離 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 on foot</source>
        <translation>步行 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nearest: %1</source>
        <translation>最近的%1</translation>
    </message>
    <message>
        <location line="+28"/>
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
    <name>Printout</name>
    <message numerus="yes">
        <location filename="../../app/exponav/ui/print/printout.py" line="+107"/>
        <source>%n stop(s)</source>
        <translation>
            <numerusform>%n 站</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Information kiosk</source>
        <translation>導覽機</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A point on the map</source>
        <translation>地圖上的一點</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 · day %2 of %3</source>
        <translation>%1 · 展期第 %2 天（共 %3 天）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 h %2 min</source>
        <translation>%1 小時 %2 分鐘</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Meeting at %1: %2 min late</source>
        <translation>%1 的會議：將遲到 %2 分鐘</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Meeting · arrive %1, %2 early</source>
        <translation>會議 · %1 抵達，提早 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Meeting</source>
        <translation>會議</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Start %1 at %2, %3</source>
        <translation>%1 從%3 %2出發</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 · walk %2 (%3) · done about %4</source>
        <translation>%1 · 步行 %2（%3）· 約 %4 結束</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Total walk %1 · %2</source>
        <translation>總步行 %1 · %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>via %1</source>
        <translation>經由%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your visit</source>
        <translation>您的參觀行程</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step-free route: lifts and ramps only</source>
        <translation>無障礙路線：僅電梯與坡道</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start</source>
        <translation>起點</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan with a phone camera: your stops and times, no network needed.</source>
        <translation>以手機相機掃描：行程各站與時間，免網路即可查看。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Printed at kiosk %1 · %2</source>
        <translation>列印自導覽機 %1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed from %1 · %2</source>
        <translation>列印自 %1 · %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed %1</source>
        <translation>列印於 %1</translation>
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
        <extracomment>the one-tap buttons: amenity category (``exit``: the doors visitors leave by)</extracomment>
        <translation>搜尋展商、攤位或服務設施</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Search</source>
        <translation>搜尋</translation>
    </message>
    <message>
        <location line="+5"/>
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
    <message>
        <location line="-141"/>
        <source>Clear the search</source>
        <translation>清除搜尋</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../app/exponav/ui/panels/results.py" line="+115"/>
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
    <name>SheetLayout</name>
    <message>
        <location filename="../../app/exponav/ui/print/sheet_layout.py" line="+80"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 頁，共 %2 頁</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visit</source>
        <translation>參觀</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Walk</source>
        <translation>步行</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>Map · %1</source>
        <translation>地圖 · %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Your stops in order</source>
        <translation>依序參觀各站</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A meeting</source>
        <translation>會議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your walk</source>
        <translation>步行路線</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To another floor</source>
        <translation>前往其他樓層</translation>
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
        <location filename="../../app/exponav/ui/panels/visit_panel.py" line="+163"/>
        <source>Appointment</source>
        <translation>約定時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Be here at a fixed time (a meeting or a session)</source>
        <translation>須在固定時間到達（洽談或場次）</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Appointment time</source>
        <translation>約定時間</translation>
    </message>
    <message>
        <location line="-44"/>
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
        <location filename="../../app/exponav/ui/panels/visit_panel.py" line="+320"/>
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
        <location line="+53"/>
        <source>%1 late</source>
        <translation>遲到 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>ends about %1</source>
        <translation>約 %1 結束</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/print/printout.py" line="-58"/>
        <location filename="../../app/exponav/ui/visitor/visit_controller.py" line="+2"/>
        <source>The %1 appointment at %2 cannot be kept: you would arrive at %3, %4 late.</source>
        <translation>%2 的 %1 約定無法準時赴約：您將於 %3 抵達，遲到 %4。</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/visitor/visit_controller.py" line="+101"/>
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
        <location line="+38"/>
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
        <location line="-167"/>
        <source>%n stop(s)</source>
        <translation>
            <numerusform>%n 站</numerusform>
        </translation>
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
        <location filename="../../app/exponav/ui/visitor/main_window.py" line="-235"/>
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
        <location filename="../../app/exponav/ui/print/printout.py" line="-116"/>
        <location filename="../../app/exponav/ui/print/sheet_layout.py" line="-17"/>
        <source>%1 m</source>
        <extracomment>English names of the kinds of place a map&apos;s legend and a stop may name (AmenityNames).</extracomment>
        <translation>%1 公尺</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../app/exponav/ui/print/printout.py" line="+6"/>
        <source>under 1 min</source>
        <translation>不到 1 分鐘</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../app/exponav/ui/print/printout.py" line="+1"/>
        <location line="+92"/>
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
