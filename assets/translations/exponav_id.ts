<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>AccessMode</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/access.py" line="+115"/>
        <source>Accessibility</source>
        <translation>Aksesibilitas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accessibility mode</source>
        <translation>Mode aksesibilitas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>High contrast, large text, controls within reach, step-free routes</source>
        <translation>Kontras tinggi, teks besar, tombol mudah dijangkau, rute tanpa tangga</translation>
    </message>
</context>
<context>
    <name>AmenityNames</name>
    <message>
        <location filename="../../app/exponav/ui/common/amenity_names.py" line="+17"/>
        <source>Toilets</source>
        <translation>Toilet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accessible toilet</source>
        <translation>Toilet difabel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information</source>
        <translation>Informasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Food and drink</source>
        <translation>Makanan dan minuman</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First aid</source>
        <translation>P3K</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nursing room</source>
        <translation>Ruang laktasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prayer room</source>
        <translation>Ruang ibadah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charging</source>
        <translation>Isi daya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting table</source>
        <translation>Meja pertemuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stage</source>
        <translation>Panggung</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Entrance</source>
        <translation>Pintu masuk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exit</source>
        <translation>Pintu keluar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emergency exit</source>
        <translation>Pintu darurat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalator</source>
        <translation>Eskalator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elevator</source>
        <translation>Lift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stairs</source>
        <translation>Tangga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ramp</source>
        <translation>Ramp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walkway</source>
        <translation>Jalan penghubung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ATM</source>
        <translation>ATM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cloakroom</source>
        <translation>Penitipan mantel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration</source>
        <translation>Registrasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MRT</source>
        <translation>MRT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taxi</source>
        <translation>Taksi</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/overlays.py" line="+81"/>
        <source>Are you still there?</source>
        <translation>Masih di sana?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Touch the screen to carry on. Otherwise this kiosk starts afresh, and what you looked for is forgotten.</source>
        <translation>Sentuh layar untuk melanjutkan. Jika tidak, kios ini mulai dari awal dan pencarian Anda dihapus.</translation>
    </message>
</context>
<context>
    <name>DirectoryPanel</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/directory.py" line="+207"/>
        <source>Country or region</source>
        <translation>Negara atau wilayah</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pavilion</source>
        <translation>Paviliun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>Lantai</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>‹ Back</source>
        <translation>‹ Kembali</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exhibitors A–Z</source>
        <translation>Peserta pameran A–Z</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>1 exhibitor</source>
        <translation>1 peserta pameran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 exhibitors</source>
        <translation>%1 peserta pameran</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Names under %1</source>
        <translation>Nama berawalan %1</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <location filename="../../app/exponav/ui/editor/panels.py" line="+47"/>
        <source>Available</source>
        <translation>Tersedia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reserved</source>
        <translation>Dipesan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sold</source>
        <translation>Terjual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocked</source>
        <translation>Diblokir</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>demo prices</source>
        <translation>harga contoh</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Severity</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule</source>
        <translation>Aturan</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+34"/>
        <source>Booths</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>What is wrong</source>
        <translation>Masalahnya</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Error</source>
        <translation>Galat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warning</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+127"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>Area (m²)</source>
        <translation>Luas (m²)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>% of net area</source>
        <translation>% luas bersih</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Whole venue</source>
        <translation>Seluruh tempat</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Find an exhibitor</source>
        <translation>Cari peserta pameran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assign to the selected booth</source>
        <translation>Berikan ke stan terpilih</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no booth</source>
        <translation>tanpa stan</translation>
    </message>
    <message>
        <location line="+57"/>
        <location filename="../../app/exponav/ui/editor/window.py" line="+249"/>
        <source>Booth</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Luas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exhibitor</source>
        <translation>Peserta pameran</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unassign</source>
        <translation>Batalkan pemberian</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 booths selected</source>
        <translation>%1 stan dipilih</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing selected</source>
        <translation>Tidak ada yang dipilih</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="-78"/>
        <source>Undo</source>
        <extracomment>how often the recovery copy of unsaved edits is written asks a yes/no question; replaced in tests asks for a folder (title) -&gt; path or None; replaced in tests</extracomment>
        <translation>Urungkan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>Ulangi</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tools</source>
        <translation>&amp;Alat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tools</source>
        <translation>Alat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Split into a and b</source>
        <translation>Bagi menjadi a dan b</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge</source>
        <translation>Gabungkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>Gandakan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate 15° left</source>
        <translation>Putar 15° ke kiri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate 15° right</source>
        <translation>Putar 15° ke kanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select and move</source>
        <translation>Pilih dan pindahkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw a booth</source>
        <translation>Gambar stan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sales</source>
        <translation>Penjualan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exhibitors</source>
        <translation>Peserta pameran</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="+341"/>
        <location filename="../../app/exponav/ui/editor/window.py" line="+0"/>
        <source>Venue rules</source>
        <translation>Aturan tempat</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="+1"/>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/files.py" line="+61"/>
        <location filename="../../app/exponav/ui/editor/window.py" line="+4"/>
        <source>As opened</source>
        <translation>Seperti saat dibuka</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+100"/>
        <location filename="../../app/exponav/ui/editor/start.py" line="+33"/>
        <location line="+14"/>
        <location filename="../../app/exponav/ui/editor/window.py" line="+16"/>
        <location line="+143"/>
        <source>ExpoNav layout editor</source>
        <translation>Penyunting tata letak ExpoNav</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="+7"/>
        <source>These booths are sold: %1. Change them all the same?</source>
        <translation>Stan ini sudah terjual: %1. Tetap ubah?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Move %1</source>
        <translation>Pindahkan %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Resize %1</source>
        <translation>Ubah ukuran %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rotate %1</source>
        <translation>Putar %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete %1</source>
        <translation>Hapus %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Split %1</source>
        <translation>Bagi %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Merge into %1</source>
        <translation>Gabungkan menjadi %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Duplicate %1</source>
        <translation>Gandakan %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Draw %1</source>
        <translation>Gambar %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Assign %1 to %2</source>
        <translation>Berikan %1 kepada %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select one booth first.</source>
        <translation>Pilih satu stan dahulu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unassign %1</source>
        <translation>Batalkan pemberian %1</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/files.py" line="-94"/>
        <location line="+19"/>
        <source>Nothing was saved: %1</source>
        <translation>Tidak ada yang disimpan: %1</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>The layout has unsaved changes. Save them?</source>
        <translation>Tata letak memiliki perubahan yang belum disimpan. Simpan?</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="+21"/>
        <source>%1 errors, %2 warnings</source>
        <translation>%1 kesalahan, %2 peringatan</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/panels.py" line="-207"/>
        <source>%1, %2 open sides</source>
        <translation>%1, %2 sisi terbuka</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>%1, set for this booth</source>
        <translation>%1, ditetapkan untuk stan ini</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="-42"/>
        <source>A booth needs at least 1 m².</source>
        <translation>Stan harus setidaknya 1 m².</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="+26"/>
        <source>Aisle width (red: under %1 m)</source>
        <translation>Lebar lorong (merah: kurang dari %1 m)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Approved by</source>
        <translation>Disetujui oleh</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="-260"/>
        <source>As restored from the recovery copy</source>
        <translation>Seperti dipulihkan dari salinan pemulihan</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="-13"/>
        <source>Booth layout for the venue&apos;s approval</source>
        <translation>Tata letak stan untuk persetujuan tempat</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Column, wall or core</source>
        <translation>Kolom, dinding atau inti bangunan</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/start.py" line="-9"/>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="-7"/>
        <source>Draw a polygon booth</source>
        <translation>Gambar stan poligon</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="-13"/>
        <source>Drawing</source>
        <translation>Gambar</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Emergency exit</source>
        <translation>Pintu darurat</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../app/exponav/ui/editor/routes.py" line="+100"/>
        <source>Entrance</source>
        <translation>Pintu masuk</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="-10"/>
        <source>Export GeoJSON for GIS (WGS84)…</source>
        <translation>Ekspor GeoJSON untuk GIS (WGS84)…</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/files.py" line="-52"/>
        <source>Export GeoJSON for GIS to a folder</source>
        <translation>Ekspor GeoJSON untuk GIS ke folder</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="-1"/>
        <source>Export floor-plan GeoJSON…</source>
        <translation>Ekspor GeoJSON denah…</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/files.py" line="-17"/>
        <source>Export the floor plans to a folder</source>
        <translation>Ekspor denah ke folder</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Exported %1 GeoJSON layers to %2.</source>
        <translation>%1 lapisan GeoJSON diekspor ke %2.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Exported %1 floor plans to %2.</source>
        <translation>%1 denah diekspor ke %2.</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/routes.py" line="-3"/>
        <source>From a kiosk or entrance to the selected booth:</source>
        <translation>Dari kios atau pintu masuk ke stan terpilih:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kiosk</source>
        <translation>Kios</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="-13"/>
        <source>Legend</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+60"/>
        <source>Level</source>
        <translation>Lantai</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/routes.py" line="+20"/>
        <source>No walking route to %1: %2</source>
        <translation>Tidak ada rute jalan kaki ke %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/files.py" line="-2"/>
        <location line="+19"/>
        <source>Nothing was exported: %1</source>
        <translation>Tidak ada yang diekspor: %1</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="+80"/>
        <source>Nothing was written: %1</source>
        <translation>Tidak ada yang ditulis: %1</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Paper</source>
        <translation>Kertas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview and print…</source>
        <translation>Pratinjau dan cetak…</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/panels.py" line="+198"/>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="-21"/>
        <location line="+73"/>
        <source>Print for the venue&apos;s approval</source>
        <translation>Cetak untuk persetujuan tempat</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="+2"/>
        <source>Print for the venue&apos;s approval…</source>
        <translation>Cetak untuk persetujuan tempat…</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="-114"/>
        <source>Printed</source>
        <translation>Dicetak</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/start.py" line="-1"/>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="+13"/>
        <source>Route preview</source>
        <translation>Pratinjau rute</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/files.py" line="-38"/>
        <source>Save a copy in an empty folder</source>
        <translation>Simpan salinan di folder kosong</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="-16"/>
        <source>Save a copy…</source>
        <translation>Simpan salinan…</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="+64"/>
        <location line="+65"/>
        <source>Save as PDF…</source>
        <translation>Simpan sebagai PDF…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved %1.</source>
        <translation>%1 disimpan.</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/files.py" line="+8"/>
        <source>Saved a copy in %1.</source>
        <translation>Salinan disimpan di %1.</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="-140"/>
        <location line="+59"/>
        <source>Scale</source>
        <translation>Skala</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>Scale 1:%1 on %2</source>
        <extracomment>paper -&gt; (name, long side, short side in mm), drawn landscape</extracomment>
        <translation>Skala 1:%1 pada %2</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/routes.py" line="-3"/>
        <source>Select a booth to see the way to it.</source>
        <translation>Pilih stan untuk melihat jalan ke sana.</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="+44"/>
        <location line="+11"/>
        <source>Show</source>
        <translation>Pameran</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/start.py" line="-3"/>
        <source>The editor did not close normally last time. A recovery copy of its unsaved edits to this layout was kept at %1. Restore it?</source>
        <translation>Editor tidak ditutup dengan benar terakhir kali. Salinan pemulihan dari suntingan yang belum disimpan pada tata letak ini disimpan pada %1. Pulihkan?</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/window.py" line="+277"/>
        <source>The outline crosses itself; draw the corners in order.</source>
        <translation>Garis tepi memotong dirinya sendiri; gambar sudut-sudutnya berurutan.</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/files.py" line="+49"/>
        <source>The recovery copy could not be written: %1</source>
        <translation>Salinan pemulihan tidak dapat ditulis: %1</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/panels.py" line="-126"/>
        <source>Value (%1)</source>
        <translation>Nilai (%1)</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="-10"/>
        <source>Venue</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/panels.py" line="-84"/>
        <source>corner</source>
        <translation>sudut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>inline</source>
        <translation>sebaris</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>island</source>
        <translation>pulau</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/approval_print.py" line="+25"/>
        <source>no violations</source>
        <translation>tidak ada pelanggaran</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/editor/panels.py" line="-1"/>
        <source>peninsula</source>
        <translation>semenanjung</translation>
    </message>
</context>
<context>
    <name>ExhibitorCard</name>
    <message>
        <location filename="../../app/exponav/ui/panels/exhibitor_card.py" line="+187"/>
        <source>Back to results</source>
        <translation>Kembali ke hasil</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Illustrative exhibitor (demo data)</source>
        <translation>Peserta ilustrasi (data demo)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Booth</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Booths</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+31"/>
        <location line="+18"/>
        <source>Level</source>
        <translation>Lantai</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+26"/>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Country</source>
        <translation>Negara</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Categories</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Booth %1</source>
        <translation>Stan %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not yet assigned</source>
        <translation>Belum terisi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Size</source>
        <translation>Luas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 m²</source>
        <translation>%1 m²</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Website</source>
        <translation>Situs web</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scan with your phone to open it there.</source>
        <translation>Pindai dengan ponsel untuk membukanya di sana.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Today, %1</source>
        <translation>Hari ini, %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show day 1, %1</source>
        <translation>Hari pertama pameran, %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The show is not on today, so this lists its first day.</source>
        <translation>Pameran tidak berlangsung hari ini, jadi ini daftar hari pertamanya.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing scheduled here on this day.</source>
        <translation>Tidak ada acara di sini pada hari ini.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>and %1 more</source>
        <translation>dan %1 lagi</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/home.py" line="+409"/>
        <source>Where would you like to go? Touch to start.</source>
        <extracomment>the service tiles: amenity category (``exit``: the nearest exits)</extracomment>
        <translation>Mau ke mana? Sentuh untuk mulai.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search exhibitors, booths or services</source>
        <translation>Cari peserta pameran, stan, atau layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nearest to this kiosk</source>
        <translation>Terdekat dari kios ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse by theme</source>
        <translation>Jelajahi menurut tema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exits</source>
        <translation>Pintu keluar</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Now</source>
        <translation>Sekarang</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing else on the programme today.</source>
        <translation>Tidak ada acara lain hari ini.</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Exhibitors A–Z</source>
        <translation>Peserta pameran A–Z</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Programme</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Today at the show  ›</source>
        <translation>Hari ini di pameran  ›</translation>
    </message>
</context>
<context>
    <name>KioskVisit</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/visit.py" line="+113"/>
        <source>Print my visit</source>
        <extracomment>the most stops a scanned visit may have: a long day at a show, planned in well under a second; more is not a visit a person walks</extracomment>
        <translation>Cetak kunjungan saya</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>This visit has %1 stops; a kiosk plans at most %2. Ask at the information desk, or plan a shorter visit.</source>
        <translation>Kunjungan ini memiliki %1 perhentian; kios merencanakan paling banyak %2. Tanyakan di meja informasi, atau rencanakan kunjungan yang lebih singkat.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This code is not an ExpoNav visit.</source>
        <translation>Kode ini bukan kunjungan ExpoNav.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This code cannot be used here</source>
        <translation>Kode ini tidak dapat digunakan di sini</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/window.py" line="+491"/>
        <source>Home</source>
        <translation>Beranda</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>You are here: %1</source>
        <translation>Anda di sini: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Print my visit (%1)</source>
        <translation>Cetak kunjungan saya (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print my visit</source>
        <translation>Cetak kunjungan saya</translation>
    </message>
</context>
<context>
    <name>LaptopWindow</name>
    <message>
        <location filename="../../app/exponav/ui/visitor/laptop.py" line="+112"/>
        <source>&amp;Visit</source>
        <translation>&amp;Kunjungan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>&amp;Cetak…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as P&amp;DF…</source>
        <translation>Simpan sebagai P&amp;DF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About ExpoNav</source>
        <translation>&amp;Tentang ExpoNav</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>About ExpoNav</source>
        <translation>Tentang ExpoNav</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ExpoNav %1: an offline navigator and booth planner for exhibition floors.
Showing %2.</source>
        <translation>ExpoNav %1: navigator luring dan perencana stan untuk area pameran.
Menampilkan %2.</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../app/exponav/ui/map/legend.py" line="+124"/>
        <source>Legend</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not yet assigned</source>
        <translation>Belum terisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your selection</source>
        <translation>Pilihan Anda</translation>
    </message>
</context>
<context>
    <name>LevelSwitcher</name>
    <message>
        <location filename="../../app/exponav/ui/map/level_switcher.py" line="+160"/>
        <source>not part of this show</source>
        <translation>bukan bagian dari pameran ini</translation>
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
        <translation>Bahasa</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>%1 away</source>
        <translation>%1 lagi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 on foot</source>
        <translation>%1 berjalan kaki</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nearest: %1</source>
        <translation>Terdekat: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>No %1 on any level.</source>
        <translation>Tidak ada %1 di lantai mana pun.</translation>
    </message>
</context>
<context>
    <name>NorthArrow</name>
    <message>
        <location filename="../../app/exponav/ui/map/overlays.py" line="+157"/>
        <source>North</source>
        <translation>Utara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>North: the map is turned so that up is the way you face</source>
        <translation>Utara: peta diputar sehingga arah atas adalah arah yang Anda hadapi</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>N</source>
        <comment>north, one letter</comment>
        <translation>U</translation>
    </message>
</context>
<context>
    <name>NoticeOverlay</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/overlays.py" line="+94"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>PickHint</name>
    <message>
        <location filename="../../app/exponav/ui/panels/start_picker.py" line="+120"/>
        <source>Tap the map where you are</source>
        <translation>Ketuk peta di posisi Anda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>PrintedOverlay</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/overlays.py" line="-42"/>
        <source>Printing your visit</source>
        <translation>Mencetak kunjungan Anda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take your receipt from the slot below the screen.</source>
        <translation>Ambil struk Anda dari celah di bawah layar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The printer is not working just now</source>
        <translation>Printer sedang tidak berfungsi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan this code with your phone&apos;s camera instead: it holds your whole visit and needs no network.</source>
        <translation>Pindai kode ini dengan kamera ponsel Anda: berisi seluruh kunjungan Anda dan tidak perlu jaringan.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
</context>
<context>
    <name>Printout</name>
    <message numerus="yes">
        <location filename="../../app/exponav/ui/print/printout.py" line="+107"/>
        <source>%n stop(s)</source>
        <translation>
            <numerusform>%n tempat</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Information kiosk</source>
        <translation>Kios informasi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A point on the map</source>
        <translation>Titik di peta</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 · day %2 of %3</source>
        <translation>%1 · hari ke-%2 dari %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 h %2 min</source>
        <translation>%1 jam %2 menit</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Meeting at %1: %2 min late</source>
        <translation>Rapat pukul %1: terlambat %2 menit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Meeting · arrive %1, %2 early</source>
        <translation>Rapat · tiba %1, %2 lebih awal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Meeting</source>
        <translation>Rapat</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Start %1 at %2, %3</source>
        <translation>Mulai pukul %1 di %2, %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 · walk %2 (%3) · done about %4</source>
        <translation>%1 · jalan kaki %2 (%3) · selesai sekitar %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Total walk %1 · %2</source>
        <translation>Total jalan kaki %1 · %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>via %1</source>
        <translation>lewat %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your visit</source>
        <translation>Kunjungan Anda</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step-free route: lifts and ramps only</source>
        <translation>Rute bebas tangga: hanya lift dan jalur landai</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scan with a phone camera: your stops and times, no network needed.</source>
        <translation>Pindai dengan kamera ponsel: tempat dan waktu kunjungan Anda, tanpa jaringan.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Printed at kiosk %1 · %2</source>
        <translation>Dicetak di kios %1 · %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Printed from %1 · %2</source>
        <translation>Dicetak dari %1 · %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed %1</source>
        <translation>Dicetak %1</translation>
    </message>
</context>
<context>
    <name>ProgrammePanel</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/programme.py" line="+176"/>
        <source>January</source>
        <translation>Januari</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>February</source>
        <translation>Februari</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>March</source>
        <translation>Maret</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>May</source>
        <translation>Mei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>June</source>
        <translation>Juni</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>July</source>
        <translation>Juli</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>August</source>
        <translation>Agustus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>October</source>
        <translation>Oktober</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>December</source>
        <translation>Desember</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>‹ Back</source>
        <translation>‹ Kembali</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programme</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show me the way</source>
        <translation>Tunjukkan jalannya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to my visit</source>
        <translation>Tambahkan ke kunjungan saya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No public sessions on this day.</source>
        <translation>Tidak ada sesi umum pada hari ini.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Now</source>
        <translation>Sekarang</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>Next</source>
        <translation>Berikutnya</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On now</source>
        <translation>Sedang berlangsung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where: %1</source>
        <translation>Tempat: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With %1</source>
        <translation>Bersama %1</translation>
    </message>
</context>
<context>
    <name>RouteBar</name>
    <message>
        <location filename="../../app/exponav/ui/panels/route_bar.py" line="+72"/>
        <location line="+1"/>
        <source>Clear the route</source>
        <translation>Hapus rute</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Part %1 of %2</source>
        <translation>Bagian %1 dari %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>◂ Back to %1</source>
        <translation>◂ Kembali ke %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue on %1 ▸</source>
        <translation>Lanjut di %1 ▸</translation>
    </message>
</context>
<context>
    <name>RouteController</name>
    <message>
        <location filename="../../app/exponav/ui/visitor/route_controller.py" line="+145"/>
        <source>You are here</source>
        <translation>Anda di sini</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Where are you? Choose a kiosk or an entrance, or pick your position on the map.</source>
        <translation>Anda di mana? Pilih kios atau pintu masuk, atau tandai posisi Anda di peta.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No step-free route reaches %1 from here. Turn off step-free to include stairs and escalators.</source>
        <translation>Tidak ada rute bebas tangga ke %1 dari sini. Matikan bebas tangga untuk memakai tangga dan eskalator.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sorry, no walking route reaches %1 from here. Please ask at an information desk.</source>
        <translation>Maaf, tidak ada rute jalan kaki ke %1 dari sini. Silakan tanya di meja informasi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The route could not be worked out: %1</source>
        <translation>Rute tidak dapat dihitung: %1</translation>
    </message>
    <message>
        <location line="+174"/>
        <source>From %1</source>
        <translation>Dari %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>To %1</source>
        <translation>Ke %1</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>On %1</source>
        <translation>Di %1</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Kiosk %1</source>
        <translation>Kios %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a point on the map</source>
        <translation>sebuah titik di peta</translation>
    </message>
</context>
<context>
    <name>RoutePanel</name>
    <message>
        <location filename="../../app/exponav/ui/panels/route_panel.py" line="+150"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change start</source>
        <translation>Ubah titik awal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step-free (lifts and ramps only)</source>
        <translation>Bebas tangga (hanya lift dan jalur landai)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear route</source>
        <translation>Hapus rute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding the way…</source>
        <translation>Mencari jalan…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Route to %1</source>
        <translation>Rute ke %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From %1</source>
        <translation>Dari %1</translation>
    </message>
</context>
<context>
    <name>ScaleBar</name>
    <message>
        <location filename="../../app/exponav/ui/map/overlays.py" line="-77"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../app/exponav/ui/panels/search_panel.py" line="+167"/>
        <source>Search exhibitors, booths or services</source>
        <extracomment>the one-tap buttons: amenity category (``exit``: the doors visitors leave by)</extracomment>
        <translation>Cari peserta pameran, stan, atau layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Find nearby</source>
        <translation>Cari di sekitar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse by theme</source>
        <translation>Jelajahi menurut tema</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Toilets</source>
        <translation>Toilet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accessible</source>
        <translation>Difabel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information</source>
        <translation>Informasi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Food</source>
        <translation>Makanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First aid</source>
        <translation>P3K</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exits</source>
        <translation>Pintu keluar</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>A visit code: press Enter to load this visit.</source>
        <translation>Kode kunjungan: tekan Enter untuk memuat kunjungan ini.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Nothing found for “%1”. Try a booth code such as S1024, or part of a name.</source>
        <translation>Tidak ditemukan “%1”. Coba kode stan seperti S1024, atau sebagian nama.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a company, a booth code or a service. English and 中文 both work.</source>
        <translation>Ketik nama perusahaan, kode stan, atau layanan. Bahasa Inggris dan 中文 bisa dipakai.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 result</source>
        <translation>1 hasil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 results</source>
        <translation>%1 hasil</translation>
    </message>
    <message>
        <location line="-141"/>
        <source>Clear the search</source>
        <translation>Hapus pencarian</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../app/exponav/ui/panels/results.py" line="+115"/>
        <source>Not yet assigned</source>
        <translation>Belum terisi</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exhibitors</source>
        <translation>Peserta pameran</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Booths</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Services</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 places</source>
        <translation>%1 tempat</translation>
    </message>
</context>
<context>
    <name>SheetLayout</name>
    <message>
        <location filename="../../app/exponav/ui/print/sheet_layout.py" line="+80"/>
        <source>Page %1 of %2</source>
        <translation>Halaman %1 dari %2</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visit</source>
        <translation>Kunjungan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Walk</source>
        <translation>Jalan kaki</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>Map · %1</source>
        <translation>Peta · %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Your stops in order</source>
        <translation>Tempat tujuan Anda, berurutan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A meeting</source>
        <translation>Rapat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your walk</source>
        <translation>Rute jalan kaki Anda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To another floor</source>
        <translation>Ke lantai lain</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <location filename="../../app/exponav/ui/kiosk/staff.py" line="+59"/>
        <location line="+115"/>
        <source>Leave kiosk mode</source>
        <translation>Keluar dari mode kios</translation>
    </message>
    <message>
        <location line="-111"/>
        <location line="+112"/>
        <source>Back to the kiosk</source>
        <translation>Kembali ke kios</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Staff PIN</source>
        <translation>PIN staf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No staff PIN is set</source>
        <translation>PIN staf belum diatur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>Staf</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set one on this machine with `exponav kiosk set-pin`. Until then this kiosk stays locked.</source>
        <translation>Atur PIN di mesin ini dengan `exponav kiosk set-pin`. Sampai saat itu kios ini tetap terkunci.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Wrong PIN.</source>
        <translation>PIN salah.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Wrong PIN. Try again in %1 s.</source>
        <translation>PIN salah. Coba lagi dalam %1 detik.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Try again.</source>
        <translation>Coba lagi.</translation>
    </message>
</context>
<context>
    <name>StartMenu</name>
    <message>
        <location filename="../../app/exponav/ui/panels/start_picker.py" line="-90"/>
        <source>Kiosk %1</source>
        <translation>Kios %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+3"/>
        <source>Where are you?</source>
        <translation>Anda di mana?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick on the map</source>
        <translation>Tandai di peta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kiosks</source>
        <translation>Kios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entrances</source>
        <translation>Pintu masuk</translation>
    </message>
</context>
<context>
    <name>StopRow</name>
    <message>
        <location filename="../../app/exponav/ui/panels/visit_panel.py" line="+163"/>
        <source>Appointment</source>
        <translation>Janji temu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Be here at a fixed time (a meeting or a session)</source>
        <translation>Harus tiba pada jam tertentu (pertemuan atau sesi)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Appointment time</source>
        <translation>Jam janji temu</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+1"/>
        <source>Remove from the visit</source>
        <translation>Hapus dari kunjungan</translation>
    </message>
</context>
<context>
    <name>TimePicker</name>
    <message>
        <location filename="../../app/exponav/ui/panels/time_picker.py" line="+105"/>
        <source>Hour</source>
        <translation>Jam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes</source>
        <translation>Menit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 o&apos;clock</source>
        <translation>Pukul %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 minutes past</source>
        <translation>Lewat %1 menit</translation>
    </message>
</context>
<context>
    <name>VisitBar</name>
    <message>
        <location filename="../../app/exponav/ui/panels/visit_panel.py" line="+320"/>
        <source>My visit · 1 stop  ▸</source>
        <translation>Kunjungan saya · 1 tempat  ▸</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My visit · %1 stops  ▸</source>
        <translation>Kunjungan saya · %1 tempat  ▸</translation>
    </message>
</context>
<context>
    <name>VisitController</name>
    <message>
        <location filename="../../app/exponav/ui/visitor/visit_controller.py" line="+146"/>
        <source>Remove from visit</source>
        <translation>Hapus dari kunjungan</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>This visit cannot be planned: %1</source>
        <translation>Kunjungan ini tidak dapat direncanakan: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planning failed: %1</source>
        <translation>Perencanaan gagal: %1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 late</source>
        <translation>terlambat %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>ends about %1</source>
        <translation>selesai sekitar %1</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/print/printout.py" line="-58"/>
        <location filename="../../app/exponav/ui/visitor/visit_controller.py" line="+2"/>
        <source>The %1 appointment at %2 cannot be kept: you would arrive at %3, %4 late.</source>
        <translation>Janji temu pukul %1 di %2 tidak dapat ditepati: Anda akan tiba pukul %3, terlambat %4.</translation>
    </message>
    <message>
        <location filename="../../app/exponav/ui/visitor/visit_controller.py" line="+101"/>
        <source>This code is not an ExpoNav visit.</source>
        <translation>Kode ini bukan kunjungan ExpoNav.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This visit was planned for another show.</source>
        <translation>Kunjungan ini direncanakan untuk pameran lain.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This visit names a place this map does not have.</source>
        <translation>Kunjungan ini menyebut tempat yang tidak ada di peta ini.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This visit has no stops.</source>
        <translation>Kunjungan ini tidak memiliki tempat tujuan.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Print your visit</source>
        <translation>Cetak kunjungan Anda</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A4 page (*.pdf)</source>
        <translation>Halaman A4 (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>80 mm receipt (*.pdf)</source>
        <translation>Struk 80 mm (*.pdf)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save your visit as PDF</source>
        <translation>Simpan kunjungan Anda sebagai PDF</translation>
    </message>
    <message numerus="yes">
        <location line="-167"/>
        <source>%n stop(s)</source>
        <translation>
            <numerusform>%n tempat</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitPanel</name>
    <message>
        <location filename="../../app/exponav/ui/panels/visit_panel.py" line="-129"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My visit</source>
        <translation>Kunjungan saya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change start</source>
        <translation>Ubah titik awal</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+62"/>
        <source>Start at</source>
        <translation>Mulai pukul</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step-free</source>
        <translation>Bebas tangga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lifts and ramps only, walking at an easy pace</source>
        <translation>Hanya lift dan jalur landai, dengan langkah santai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your visit is empty. Add exhibitors with “Add to visit” on their card, or with + beside a search result.</source>
        <translation>Kunjungan Anda masih kosong. Tambahkan peserta pameran dengan “Tambah ke kunjungan” di kartunya, atau dengan + di samping hasil pencarian.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Planning…</source>
        <translation>Merencanakan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimise order</source>
        <translation>Optimalkan urutan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The order that walks least and keeps every appointment</source>
        <translation>Urutan dengan jalan kaki paling sedikit yang menepati setiap janji temu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>Simpan PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear visit</source>
        <translation>Hapus kunjungan</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>From %1</source>
        <translation>Dari %1</translation>
    </message>
</context>
<context>
    <name>VisitorApi</name>
    <message>
        <location filename="../../app/exponav/ui/visitor/main_window.py" line="-235"/>
        <source>Route here</source>
        <translation>Rute ke sini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to visit</source>
        <translation>Tambah ke kunjungan</translation>
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
        <translation>%1 m</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../app/exponav/ui/print/printout.py" line="+6"/>
        <source>under 1 min</source>
        <translation>kurang dari 1 menit</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../app/exponav/ui/print/printout.py" line="+1"/>
        <location line="+92"/>
        <source>%1 min</source>
        <translation>%1 menit</translation>
    </message>
</context>
<context>
    <name>ZoomButtons</name>
    <message>
        <location filename="../../app/exponav/ui/map/overlays.py" line="-39"/>
        <location line="+3"/>
        <source>Zoom in</source>
        <translation>Perbesar</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Zoom out</source>
        <translation>Perkecil</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>Show the whole level</source>
        <translation>Tampilkan seluruh lantai</translation>
    </message>
</context>
</TS>
