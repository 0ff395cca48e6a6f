<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>AmenityNames</name>
    <message>
        <location filename="../../app/exponav/ui/amenity_names.py" line="+17"/>
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
</context>
<context>
    <name>ExhibitorCard</name>
    <message>
        <location filename="../../app/exponav/ui/panels/exhibitor_card.py" line="+176"/>
        <source>Back to results</source>
        <translation>Kembali ke hasil</translation>
    </message>
    <message>
        <location line="+64"/>
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
        <location line="+20"/>
        <source>Level</source>
        <translation>Lantai</translation>
    </message>
    <message>
        <location line="-42"/>
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
        <location line="+31"/>
        <source>Website</source>
        <translation>Situs web</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scan with your phone to open it there.</source>
        <translation>Pindai dengan ponsel untuk membukanya di sana.</translation>
    </message>
    <message>
        <location line="+34"/>
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
    <name>Legend</name>
    <message>
        <location filename="../../app/exponav/ui/legend.py" line="+124"/>
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
        <translation>Bahasa</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>%1 m away</source>
        <translation>%1 m lagi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nearest: %1</source>
        <translation>Terdekat: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No %1 on any level.</source>
        <translation>Tidak ada %1 di lantai mana pun.</translation>
    </message>
</context>
<context>
    <name>NorthArrow</name>
    <message>
        <location filename="../../app/exponav/ui/map_overlays.py" line="+142"/>
        <source>North</source>
        <translation>Utara</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>N</source>
        <comment>north, one letter</comment>
        <translation>U</translation>
    </message>
</context>
<context>
    <name>ScaleBar</name>
    <message>
        <location line="-57"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../app/exponav/ui/panels/search_panel.py" line="+161"/>
        <source>Search exhibitors, booths or services</source>
        <extracomment>the one-tap buttons: amenity category (``exit`` means emergency exits)</extracomment>
        <translation>Cari peserta pameran, stan, atau layanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+93"/>
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
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../app/exponav/ui/panels/results.py" line="+116"/>
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
    <name>ZoomButtons</name>
    <message>
        <location filename="../../app/exponav/ui/map_overlays.py" line="-39"/>
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
