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
        <location filename="../../app/exponav/ui/panels/exhibitor_card.py" line="+193"/>
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
        <location filename="../../app/exponav/ui/main_window.py" line="+295"/>
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
        <source>%1 away</source>
        <translation>%1 lagi</translation>
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
        <location filename="../../app/exponav/ui/map_overlays.py" line="+157"/>
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
    <name>PickHint</name>
    <message>
        <location filename="../../app/exponav/ui/start_picker.py" line="+116"/>
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
        <location filename="../../app/exponav/ui/route_controller.py" line="+135"/>
        <source>You are here</source>
        <translation>Anda di sini</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Where are you? Choose a kiosk or an entrance, or pick your position on the map.</source>
        <translation>Anda di mana? Pilih kios atau pintu masuk, atau tandai posisi Anda di peta.</translation>
    </message>
    <message>
        <location line="+40"/>
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
        <location line="+32"/>
        <source>From %1</source>
        <translation>Dari %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>To %1</source>
        <translation>Ke %1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>On %1</source>
        <translation>Di %1</translation>
    </message>
    <message>
        <location line="+73"/>
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
        <location filename="../../app/exponav/ui/panels/route_panel.py" line="+156"/>
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
        <location filename="../../app/exponav/ui/map_overlays.py" line="-77"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../app/exponav/ui/panels/search_panel.py" line="+176"/>
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
        <location line="+28"/>
        <source>A visit code: press Enter to load this visit.</source>
        <translation>Kode kunjungan: tekan Enter untuk memuat kunjungan ini.</translation>
    </message>
    <message>
        <location line="+74"/>
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
    <name>StartMenu</name>
    <message>
        <location filename="../../app/exponav/ui/start_picker.py" line="-90"/>
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
        <location filename="../../app/exponav/ui/panels/visit_panel.py" line="+144"/>
        <source>Appointment</source>
        <translation>Janji temu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Be here at a fixed time (a meeting or a session)</source>
        <translation>Harus tiba pada jam tertentu (pertemuan atau sesi)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Appointment time</source>
        <translation>Jam janji temu</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>Remove from the visit</source>
        <translation>Hapus dari kunjungan</translation>
    </message>
</context>
<context>
    <name>VisitBar</name>
    <message>
        <location line="+256"/>
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
        <location filename="../../app/exponav/ui/visit_controller.py" line="+139"/>
        <source>Remove from visit</source>
        <translation>Hapus dari kunjungan</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>This visit cannot be planned: %1</source>
        <translation>Kunjungan ini tidak dapat direncanakan: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planning failed: %1</source>
        <translation>Perencanaan gagal: %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 late</source>
        <translation>terlambat %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ends about %1</source>
        <translation>selesai sekitar %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 appointment at %2 cannot be kept: you would arrive at %3, %4 late.</source>
        <translation>Janji temu pukul %1 di %2 tidak dapat ditepati: Anda akan tiba pukul %3, terlambat %4.</translation>
    </message>
    <message>
        <location line="+90"/>
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
        <location line="+34"/>
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
        <source>%n stop(s)</source>
        <translation>
            <numerusform>%n tempat</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitPanel</name>
    <message>
        <location filename="../../app/exponav/ui/panels/visit_panel.py" line="-103"/>
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
        <location line="+1"/>
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
        <location filename="../../app/exponav/ui/visitor_api.py" line="+51"/>
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
        <location filename="../../app/exponav/ui/walk_text.py" line="+20"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>under 1 min</source>
        <translation>kurang dari 1 menit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min</source>
        <translation>%1 menit</translation>
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
<context>
    <name>HomeScreen</name>
    <message>
        <source>Where would you like to go? Touch to start.</source>
        <translation>Mau ke mana? Sentuh untuk mulai.</translation>
    </message>
    <message>
        <source>Search exhibitors, booths or services</source>
        <translation>Cari peserta pameran, stan, atau layanan</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <source>Nearest to this kiosk</source>
        <translation>Terdekat dari kios ini</translation>
    </message>
    <message>
        <source>Browse by theme</source>
        <translation>Jelajahi menurut tema</translation>
    </message>
    <message>
        <source>Exits</source>
        <translation>Pintu keluar</translation>
    </message>
    <message>
        <source>Today at the show</source>
        <translation>Hari ini di pameran</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Sekarang</translation>
    </message>
    <message>
        <source>Nothing else on the programme today.</source>
        <translation>Tidak ada acara lain hari ini.</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation>Masih di sana?</translation>
    </message>
    <message>
        <source>Touch the screen to carry on. Otherwise this kiosk starts afresh, and what you looked for is forgotten.</source>
        <translation>Sentuh layar untuk melanjutkan. Jika tidak, kios ini mulai dari awal dan pencarian Anda dihapus.</translation>
    </message>
</context>
<context>
    <name>PrintedOverlay</name>
    <message>
        <source>Printing your visit</source>
        <translation>Mencetak kunjungan Anda</translation>
    </message>
    <message>
        <source>Take your receipt from the slot below the screen.</source>
        <translation>Ambil struk Anda dari celah di bawah layar.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>The printer is not working just now</source>
        <translation>Printer sedang tidak berfungsi</translation>
    </message>
    <message>
        <source>Scan this code with your phone's camera instead: it holds your whole visit and needs no network.</source>
        <translation>Pindai kode ini dengan kamera ponsel Anda: berisi seluruh kunjungan Anda dan tidak perlu jaringan.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Home</source>
        <translation>Beranda</translation>
    </message>
    <message>
        <source>You are here: %1</source>
        <translation>Anda di sini: %1</translation>
    </message>
    <message>
        <source>Print my visit (%1)</source>
        <translation>Cetak kunjungan saya (%1)</translation>
    </message>
    <message>
        <source>Print my visit</source>
        <translation>Cetak kunjungan saya</translation>
    </message>
</context>
<context>
    <name>Printout</name>
    <message numerus="yes">
        <source>%n stop(s)</source>
        <translation>
            <numerusform>%n tempat</numerusform>
        </translation>
    </message>
    <message>
        <source>Information kiosk</source>
        <translation>Kios informasi</translation>
    </message>
    <message>
        <source>A point on the map</source>
        <translation>Titik di peta</translation>
    </message>
    <message>
        <source>%1 · day %2 of %3</source>
        <translation>%1 · hari ke-%2 dari %3</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 jam %2 menit</translation>
    </message>
    <message>
        <source>Meeting at %1: %2 min late</source>
        <translation>Rapat pukul %1: terlambat %2 menit</translation>
    </message>
    <message>
        <source>Meeting · arrive %1, %2 early</source>
        <translation>Rapat · tiba %1, %2 lebih awal</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Rapat</translation>
    </message>
    <message>
        <source>Start %1 at %2, %3</source>
        <translation>Mulai pukul %1 di %2, %3</translation>
    </message>
    <message>
        <source>%1 · walk %2 (%3) · done about %4</source>
        <translation>%1 · jalan kaki %2 (%3) · selesai sekitar %4</translation>
    </message>
    <message>
        <source>Total walk %1 · %2</source>
        <translation>Total jalan kaki %1 · %2</translation>
    </message>
    <message>
        <source>via %1</source>
        <translation>lewat %1</translation>
    </message>
    <message>
        <source>Your visit</source>
        <translation>Kunjungan Anda</translation>
    </message>
    <message>
        <source>Step-free route: lifts and ramps only</source>
        <translation>Rute bebas tangga: hanya lift dan jalur landai</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Scan with a phone camera: your stops and times, no network needed.</source>
        <translation>Pindai dengan kamera ponsel: tempat dan waktu kunjungan Anda, tanpa jaringan.</translation>
    </message>
    <message>
        <source>Printed at kiosk %1 · %2</source>
        <translation>Dicetak di kios %1 · %2</translation>
    </message>
    <message>
        <source>Printed from %1 · %2</source>
        <translation>Dicetak dari %1 · %2</translation>
    </message>
    <message>
        <source>Printed %1</source>
        <translation>Dicetak %1</translation>
    </message>
</context>
<context>
    <name>SheetLayout</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>Halaman %1 dari %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Kunjungan</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>Jalan kaki</translation>
    </message>
    <message>
        <source>Map · %1</source>
        <translation>Peta · %1</translation>
    </message>
    <message>
        <source>Your stops in order</source>
        <translation>Tempat tujuan Anda, berurutan</translation>
    </message>
    <message>
        <source>A meeting</source>
        <translation>Rapat</translation>
    </message>
    <message>
        <source>Your walk</source>
        <translation>Rute jalan kaki Anda</translation>
    </message>
    <message>
        <source>To another floor</source>
        <translation>Ke lantai lain</translation>
    </message>
</context>
<context>
    <name>LaptopWindow</name>
    <message>
        <source>&amp;Visit</source>
        <translation>&amp;Kunjungan</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Cetak…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Simpan sebagai P&amp;DF…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <source>&amp;About ExpoNav</source>
        <translation>&amp;Tentang ExpoNav</translation>
    </message>
    <message>
        <source>About ExpoNav</source>
        <translation>Tentang ExpoNav</translation>
    </message>
    <message>
        <source>ExpoNav %1: an offline navigator and booth planner for exhibition floors.
Showing %2.</source>
        <translation>ExpoNav %1: navigator luring dan perencana stan untuk area pameran.
Menampilkan %2.</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>% of net area</source>
        <translation>% luas bersih</translation>
    </message>
    <message>
        <source>%1 booths selected</source>
        <translation>%1 stan dipilih</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Alat</translation>
    </message>
    <message>
        <source>Area (m²)</source>
        <translation>Luas (m²)</translation>
    </message>
    <message>
        <source>As opened</source>
        <translation>Seperti saat dibuka</translation>
    </message>
    <message>
        <source>Assign %1 to %2</source>
        <translation>Berikan %1 kepada %2</translation>
    </message>
    <message>
        <source>Assign to the selected booth</source>
        <translation>Berikan ke stan terpilih</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Tersedia</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Diblokir</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Booths</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Hapus %1</translation>
    </message>
    <message>
        <source>Draw %1</source>
        <translation>Gambar %1</translation>
    </message>
    <message>
        <source>Draw a booth</source>
        <translation>Gambar stan</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Gandakan</translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation>Gandakan %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Galat</translation>
    </message>
    <message>
        <source>Exhibitor</source>
        <translation>Peserta pameran</translation>
    </message>
    <message>
        <source>Exhibitors</source>
        <translation>Peserta pameran</translation>
    </message>
    <message>
        <source>ExpoNav layout editor</source>
        <translation>Penyunting tata letak ExpoNav</translation>
    </message>
    <message>
        <source>Find an exhibitor</source>
        <translation>Cari peserta pameran</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Gabungkan</translation>
    </message>
    <message>
        <source>Merge into %1</source>
        <translation>Gabungkan menjadi %1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Pindahkan %1</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Tidak ada yang dipilih</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Tidak ada yang disimpan: %1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ulangi</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>Dipesan</translation>
    </message>
    <message>
        <source>Resize %1</source>
        <translation>Ubah ukuran %1</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Aturan</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Penjualan</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
    <message>
        <source>Select and move</source>
        <translation>Pilih dan pindahkan</translation>
    </message>
    <message>
        <source>Select one booth first.</source>
        <translation>Pilih satu stan dahulu.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Terjual</translation>
    </message>
    <message>
        <source>Split %1</source>
        <translation>Bagi %1</translation>
    </message>
    <message>
        <source>Split into a and b</source>
        <translation>Bagi menjadi a dan b</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The layout has unsaved changes. Save them?</source>
        <translation>Tata letak memiliki perubahan yang belum disimpan. Simpan?</translation>
    </message>
    <message>
        <source>These booths are sold: %1. Change them all the same?</source>
        <translation>Stan ini sudah terjual: %1. Tetap ubah?</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Alat</translation>
    </message>
    <message>
        <source>Unassign</source>
        <translation>Batalkan pemberian</translation>
    </message>
    <message>
        <source>Unassign %1</source>
        <translation>Batalkan pemberian %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <source>Venue rules</source>
        <translation>Aturan tempat</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Masalahnya</translation>
    </message>
    <message>
        <source>Whole venue</source>
        <translation>Seluruh tempat</translation>
    </message>
    <message>
        <source>no booth</source>
        <translation>tanpa stan</translation>
    </message>
    <message>
        <source>Rotate 15° left</source>
        <translation>Putar 15° ke kiri</translation>
    </message>
    <message>
        <source>Rotate 15° right</source>
        <translation>Putar 15° ke kanan</translation>
    </message>
    <message>
        <source>Rotate %1</source>
        <translation>Putar %1</translation>
    </message>
    <message>
        <source>%1 errors, %2 warnings</source>
        <translation>%1 kesalahan, %2 peringatan</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>%1, %2 open sides</source>
        <translation>%1, %2 sisi terbuka</translation>
    </message>
    <message>
        <source>%1, set for this booth</source>
        <translation>%1, ditetapkan untuk stan ini</translation>
    </message>
    <message>
        <source>A booth needs at least 1 m².</source>
        <translation>Stan harus setidaknya 1 m².</translation>
    </message>
    <message>
        <source>Aisle width (red: under %1 m)</source>
        <translation>Lebar lorong (merah: kurang dari %1 m)</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Disetujui oleh</translation>
    </message>
    <message>
        <source>As restored from the recovery copy</source>
        <translation>Seperti dipulihkan dari salinan pemulihan</translation>
    </message>
    <message>
        <source>Booth layout for the venue's approval</source>
        <translation>Tata letak stan untuk persetujuan tempat</translation>
    </message>
    <message>
        <source>Column, wall or core</source>
        <translation>Kolom, dinding atau inti bangunan</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Draw a polygon booth</source>
        <translation>Gambar stan poligon</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>Gambar</translation>
    </message>
    <message>
        <source>Emergency exit</source>
        <translation>Pintu darurat</translation>
    </message>
    <message>
        <source>Entrance</source>
        <translation>Pintu masuk</translation>
    </message>
    <message>
        <source>Export GeoJSON for GIS (WGS84)…</source>
        <translation>Ekspor GeoJSON untuk GIS (WGS84)…</translation>
    </message>
    <message>
        <source>Export GeoJSON for GIS to a folder</source>
        <translation>Ekspor GeoJSON untuk GIS ke folder</translation>
    </message>
    <message>
        <source>Export floor-plan GeoJSON…</source>
        <translation>Ekspor GeoJSON denah…</translation>
    </message>
    <message>
        <source>Export the floor plans to a folder</source>
        <translation>Ekspor denah ke folder</translation>
    </message>
    <message>
        <source>Exported %1 GeoJSON layers to %2.</source>
        <translation>%1 lapisan GeoJSON diekspor ke %2.</translation>
    </message>
    <message>
        <source>Exported %1 floor plans to %2.</source>
        <translation>%1 denah diekspor ke %2.</translation>
    </message>
    <message>
        <source>From a kiosk or entrance to the selected booth:</source>
        <translation>Dari kios atau pintu masuk ke stan terpilih:</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kios</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Lantai</translation>
    </message>
    <message>
        <source>No walking route to %1: %2</source>
        <translation>Tidak ada rute jalan kaki ke %1: %2</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>Tidak ada yang diekspor: %1</translation>
    </message>
    <message>
        <source>Nothing was written: %1</source>
        <translation>Tidak ada yang ditulis: %1</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Kertas</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>Pratinjau dan cetak…</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <source>Print for the venue's approval</source>
        <translation>Cetak untuk persetujuan tempat</translation>
    </message>
    <message>
        <source>Print for the venue's approval…</source>
        <translation>Cetak untuk persetujuan tempat…</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Dicetak</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <source>Route preview</source>
        <translation>Pratinjau rute</translation>
    </message>
    <message>
        <source>Save a copy in an empty folder</source>
        <translation>Simpan salinan di folder kosong</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Simpan salinan…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Simpan sebagai PDF…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 disimpan.</translation>
    </message>
    <message>
        <source>Saved a copy in %1.</source>
        <translation>Salinan disimpan di %1.</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Skala</translation>
    </message>
    <message>
        <source>Scale 1:%1 on %2</source>
        <translation>Skala 1:%1 pada %2</translation>
    </message>
    <message>
        <source>Select a booth to see the way to it.</source>
        <translation>Pilih stan untuk melihat jalan ke sana.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Pameran</translation>
    </message>
    <message>
        <source>The editor did not close normally last time. A recovery copy of its unsaved edits to this layout was kept at %1. Restore it?</source>
        <translation>Editor tidak ditutup dengan benar terakhir kali. Salinan pemulihan dari suntingan yang belum disimpan pada tata letak ini disimpan pada %1. Pulihkan?</translation>
    </message>
    <message>
        <source>The outline crosses itself; draw the corners in order.</source>
        <translation>Garis tepi memotong dirinya sendiri; gambar sudut-sudutnya berurutan.</translation>
    </message>
    <message>
        <source>The recovery copy could not be written: %1</source>
        <translation>Salinan pemulihan tidak dapat ditulis: %1</translation>
    </message>
    <message>
        <source>Value (%1)</source>
        <translation>Nilai (%1)</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>corner</source>
        <translation>sudut</translation>
    </message>
    <message>
        <source>demo prices</source>
        <translation>harga contoh</translation>
    </message>
    <message>
        <source>inline</source>
        <translation>sebaris</translation>
    </message>
    <message>
        <source>island</source>
        <translation>pulau</translation>
    </message>
    <message>
        <source>no violations</source>
        <translation>tidak ada pelanggaran</translation>
    </message>
    <message>
        <source>peninsula</source>
        <translation>semenanjung</translation>
    </message>
</context>
</TS>
