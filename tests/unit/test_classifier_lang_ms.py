"""Malay (Bahasa Malaysia) positives and hard negatives, per EVENTS.md.

Every article is written for this test in the manner of Malaysian online
news (Berita Harian, Utusan, Bernama copy), scraper boilerplate included.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH, DIP

# (id, title, text, event type, subtype, a phrase of the sentence that must be the top evidence)
POSITIVES: list[tuple[str, str, str, str, str, str]] = [
    ("visit", "Anwar tiba di Hanoi untuk lawatan rasmi dua hari", """HANOI: Perdana Menteri Datuk Seri Anwar Ibrahim tiba di Hanoi petang semalam bagi memulakan lawatan rasmi dua hari ke Vietnam atas jemputan rakan sejawatnya.
Gambar: BERNAMA/FAIL
Ketibaan Perdana Menteri di Lapangan Terbang Antarabangsa Noi Bai disambut oleh Timbalan Perdana Menteri Vietnam dan Duta Besar Malaysia ke Vietnam.
Iklan
Sepanjang lawatan, Anwar dijadual menyaksikan pertukaran beberapa dokumen kerjasama dalam bidang tenaga boleh baharu dan ekonomi digital.
Baca juga:
Harga minyak sawit naik minggu ini
Kongsi
""", DIP, "visit", "tiba di Hanoi"),
    ("call", "Mohamad Hasan, Araghchi bincang krisis Asia Barat menerusi telefon", """PUTRAJAYA: Menteri Luar Negeri Datuk Seri Mohamad Hasan mengadakan perbualan telefon dengan rakan sejawatnya dari Iran, Abbas Araghchi, malam tadi.
Menurut kenyataan Wisma Putra, kedua-dua menteri bertukar pandangan mengenai perkembangan terkini di Asia Barat dan keselamatan rakyat Malaysia di rantau itu.
Mohamad turut menegaskan pendirian Malaysia agar semua pihak menahan diri.
Berita berkaitan
Wisma Putra pantau keadaan rakyat Malaysia di Tehran
""", DIP, "call", "perbualan telefon"),
    ("agreement", "Malaysia, Brunei meterai MoU kerjasama tenaga", """BANDAR SERI BEGAWAN: Malaysia dan Brunei hari ini memeterai memorandum persefahaman (MoU) mengenai kerjasama dalam sektor minyak dan gas serta tenaga boleh baharu.
MoU itu ditandatangani oleh Menteri Ekonomi Malaysia dan Menteri Tenaga Brunei di hadapan Perdana Menteri Anwar Ibrahim dan Sultan Brunei, Sultan Hassanal Bolkiah.
Iklan
Kerjasama itu dijangka membuka peluang pelaburan bernilai berbilion ringgit dalam tempoh lima tahun akan datang, kata kenyataan bersama kedua-dua negara.
""", DIP, "agreement", "memeterai memorandum persefahaman"),
    ("honour", "Agong kurnia darjah kebesaran kepada Duta Besar Korea Selatan", """KUALA LUMPUR: Yang di-Pertuan Agong berkenan mengurniakan darjah kebesaran Panglima Jasa Negara kepada Duta Besar Korea Selatan ke Malaysia yang akan menamatkan tugasnya bulan depan.
Istiadat pengurniaan itu berlangsung di Istana Negara, disaksikan oleh pegawai kanan Wisma Putra dan kakitangan Kedutaan Besar Korea Selatan.
Penghormatan itu diberikan atas sumbangan beliau mengukuhkan hubungan dua hala kedua-dua negara dalam bidang perdagangan dan pendidikan.
(BERNAMA)
""", DIP, "honour", "mengurniakan darjah kebesaran"),
    ("negotiation", "Rundingan damai selatan Thailand disambung di Kuala Lumpur", """KUALA LUMPUR: Pusingan terbaharu rundingan damai antara kerajaan Thailand dan Barisan Revolusi Nasional (BRN) disambung semula di ibu negara hari ini, dengan Malaysia bertindak sebagai fasilitator.
Panel perunding Thailand diketuai oleh Setiausaha Agung Majlis Keselamatan Negara Thailand, manakala delegasi BRN diketuai oleh ketua perundingnya.
Iklan
Kedua-dua pihak dijadual membincangkan pelan tindakan bersama untuk mengurangkan keganasan di wilayah Pattani, Yala dan Narathiwat.
""", DIP, "negotiation", "rundingan damai"),
    ("meeting", "Anwar, Lawrence Wong adakan pertemuan dua hala di Kuala Lumpur", """KUALA LUMPUR: Perdana Menteri Datuk Seri Anwar Ibrahim mengadakan pertemuan dua hala dengan Perdana Menteri Singapura Lawrence Wong di sela-sela Sidang Kemuncak ASEAN ke-46 di sini hari ini.
Kedua-dua pemimpin membincangkan kemajuan projek Sistem Transit Aliran Johor Bahru-Singapura dan Zon Ekonomi Khas Johor-Singapura.
Baca juga:
Cuaca panas dijangka berterusan minggu ini
""", DIP, "meeting", "mengadakan pertemuan dua hala"),
    ("battle", "Pertempuran sengit di Rakhine, puluhan terbunuh", """YANGON: Pertempuran sengit antara tentera junta Myanmar dan Tentera Arakan berterusan di sekitar bandar Kyaukphyu, negeri Rakhine, sejak Sabtu lalu, menurut penduduk tempatan.
Foto: AFP/STR
Kedua-dua pihak berbalas tembakan dengan senjata berat sepanjang malam, memaksa ribuan penduduk melarikan diri ke kawasan pergunungan.
Iklan
Tentera Arakan mendakwa anggotanya membunuh sekurang-kurangnya 30 askar kerajaan, namun junta belum mengeluarkan sebarang kenyataan.
""", CLASH, "battle", "Pertempuran sengit antara tentera junta"),
    ("attack", "Konvoi tentera diserang hendap di Yala, tiga askar maut", """YALA: Tiga anggota tentera Thailand terbunuh apabila konvoi mereka diserang hendap oleh sekumpulan militan bersenjata di daerah Bannang Sata, wilayah Yala, awal pagi tadi.
Militan meletupkan bom di tepi jalan sebelum melepaskan tembakan ke arah kenderaan tentera yang terhenti.
Baca juga:
Dua pekerja ladang cedera dalam kejadian tembak di Pattani
Operasi memburu penyerang sedang dijalankan oleh pasukan keselamatan dengan bantuan helikopter.
""", CLASH, "attack", "diserang hendap"),
    ("strike", "Junta lancar serangan udara ke atas kedudukan pemberontak di Sagaing", """NAYPYIDAW: Pesawat pejuang junta tentera Myanmar melancarkan serangan udara ke atas kedudukan Pasukan Pertahanan Rakyat (PDF) di wilayah Sagaing malam tadi, sehari selepas kumpulan itu menyerang sebuah pos tentera berhampiran.
Gambar: REUTERS/FAIL
Jurucakap PDF berkata bedilan artileri turut menyasarkan kubu mereka di pinggir bandar Kale.
Iklan
""", CLASH, "strike", "melancarkan serangan udara"),
    ("territory", "Tentera Arakan tawan pangkalan tentera terakhir di Ann", """SITTWE: Tentera Arakan hari ini mendakwa telah berjaya menawan ibu pejabat Komando Wilayah Barat tentera Myanmar di bandar Ann selepas mengepungnya selama beberapa minggu.
Kumpulan pemberontak itu berkata ratusan askar junta berundur dari pangkalan tersebut.
Kongsi artikel ini
""", CLASH, "territory", "berjaya menawan ibu pejabat"),
]

# (id, title, text, event types that must not be detected)
NEGATIVES: list[tuple[str, str, str, tuple[str, ...]]] = [
    ("sports", "Harimau Malaya sedia berperang di Bukit Jalil", """KUALA LUMPUR: Skuad kebangsaan Harimau Malaya bersedia untuk 'berperang' habis-habisan menentang Thailand dalam perlawanan kelayakan Piala Asia di Stadium Nasional Bukit Jalil malam ini.
Jurulatih kebangsaan berkata pemainnya sudah bersedia untuk menyerang dari awal perlawanan dan menjaringkan gol pantas.
Iklan
"Ini pertempuran yang penting. Kami mahu menang di hadapan penyokong sendiri," katanya dalam sidang media semalam.
""", (CLASH, DIP)),
    ("figurative", "Perang mulut ahli politik memanas", """KUALA LUMPUR: Perang mulut antara dua pemimpin parti pembangkang semakin memanas apabila masing-masing saling menyerang di media sosial sejak minggu lalu.
Pertembungan pendapat itu tercetus susulan cadangan penggabungan dua parti menjelang pilihan raya negeri.
Penganalisis politik berkata pertelingkahan politik itu mungkin menjejaskan peluang gabungan tersebut.
""", (CLASH,)),
    ("unrest", "Polis sembur gas pemedih mata bersurai penunjuk perasaan", """KUALA LUMPUR: Polis menggunakan gas pemedih mata dan meriam air untuk menyuraikan ratusan penunjuk perasaan yang berhimpun di hadapan Parlimen petang tadi.
Pertembungan antara penunjuk perasaan dan anggota polis berlaku apabila kumpulan itu cuba merempuh sekatan.
Iklan
Seramai 20 orang ditahan dalam perhimpunan tersebut.
""", (CLASH,)),
    ("crime", "Dua perompak maut berbalas tembakan dengan polis", """JOHOR BAHRU: Dua lelaki yang dipercayai anggota geng rompakan bersenjata maut selepas berbalas tembakan dengan polis di sebuah stesen minyak di Skudai awal pagi tadi.
Ketua Polis Daerah berkata suspek melepaskan tembakan ke arah anggota polis yang cuba menahan kereta mereka.
Iklan
Polis merampas dua pucuk pistol dan wang tunai dipercayai hasil rompakan.
""", (CLASH,)),
    ("exercise", "Latihan bersama tentera Malaysia-Indonesia bermula di Sabah", """KOTA KINABALU: Lebih 1,500 anggota Tentera Darat Malaysia dan Indonesia menyertai latihan bersama di Sabah bermula hari ini.
Latihan tempur selama dua minggu itu mensimulasikan serangan ke atas pangkalan musuh serta operasi menawan semula pekan yang diduduki pengganas.
Iklan
Panglima Tentera Darat berkata latihan itu mengukuhkan koordinasi antara kedua-dua angkatan.
""", (CLASH,)),
    ("purchase", "TUDM terima jet pejuang baharu", """SUBANG: Tentera Udara Diraja Malaysia (TUDM) menerima dua jet pejuang baharu di bawah kontrak perolehan bernilai RM4 bilion, kata Menteri Pertahanan.
Pesawat pejuang ringan itu dilengkapi peluru berpandu udara ke udara dan bom berpandu.
Perolehan itu sebahagian pelan pemodenan aset pertahanan negara.
""", (CLASH,)),
    ("anniversary", "Veteran kenang pertempuran Bukit Kepong", """MUAR: Ratusan veteran dan penduduk hadir memperingati ulang tahun ke-75 pertempuran di balai polis Bukit Kepong semalam.
Dalam pertempuran bersejarah pada 1950 itu, anggota polis dan keluarga mereka bertempur dengan pengganas komunis selama berjam-jam.
Sejarah itu terus dikenang sebagai simbol keberanian.
""", (CLASH,)),
    ("threat", "Korea Utara beri amaran akan serang", """SEOUL: Korea Utara memberi amaran akan melancarkan serangan balas ke atas pangkalan tentera Amerika Syarikat di Korea Selatan jika latihan ketenteraan bersama diteruskan.
Kenyataan itu dikeluarkan melalui agensi berita rasmi negara itu semalam.
""", (CLASH,)),
    ("speculated", "Anwar mungkin bertemu Trump di sidang kemuncak", """KUALA LUMPUR: Perdana Menteri Anwar Ibrahim mungkin bertemu Presiden Amerika Syarikat di sela-sela sidang kemuncak APEC bulan depan, menurut sumber.
Wisma Putra bagaimanapun berkata tiada sebarang pertemuan dua hala dijadualkan setakat ini.
Iklan
""", (DIP,)),
    ("cancelled", "Lawatan Presiden Indonesia ke Malaysia ditangguhkan", """PUTRAJAYA: Lawatan rasmi Presiden Indonesia ke Malaysia yang sepatutnya berlangsung minggu ini ditangguhkan atas sebab yang tidak dapat dielakkan, kata Wisma Putra.
Tarikh baharu lawatan itu akan diumumkan kelak.
""", (DIP,)),
    ("statement", "Wisma Putra bantah pencerobohan kapal pengawal pantai asing", """PUTRAJAYA: Wisma Putra hari ini membantah keras pencerobohan berulang kapal pengawal pantai asing di perairan Beting Patinggi Ali, Sarawak, dan menyifatkannya sebagai mencabul kedaulatan negara.
Kenyataan itu menegaskan Malaysia akan terus mempertahankan hak kedaulatannya mengikut undang-undang antarabangsa.
Iklan
""", (DIP, CLASH)),
    ("jets", "Pesawat pejuang baharu tiba di Butterworth", """BUTTERWORTH: Dua pesawat pejuang baharu milik TUDM tiba di Pangkalan Udara Butterworth semalam.
Pesawat itu dilengkapi radar moden serta mampu membawa peluru berpandu dan bom berpandu laser.
Jurucakap TUDM berkata juruterbang pejuang negara akan menjalani latihan selama enam bulan.
""", (CLASH,)),
    ("domestic", "PM pengerusikan mesyuarat kabinet", """PUTRAJAYA: Perdana Menteri mempengerusikan mesyuarat kabinet mingguan hari ini yang membincangkan kenaikan kos sara hidup dan persiapan Belanjawan 2026.
Mesyuarat itu turut dihadiri Menteri Besar dan Ketua Menteri beberapa negeri.
Iklan
""", (DIP,)),
    ("trade", "Eksport Malaysia ke China naik 8 peratus", """KUALA LUMPUR: Eksport Malaysia ke China meningkat 8.2 peratus tahun ke tahun kepada RM15.6 bilion pada Mei, menurut Jabatan Perangkaan Malaysia.
Jumlah dagangan dengan Amerika Syarikat pula susut 3.1 peratus manakala lebihan dagangan negara mencecah RM12 bilion.
""", (DIP,)),
    # A date not yet finalised and officials still trying to find one: nothing scheduled.
    ("ms-belum-dimuktamadkan", "Tarikh mesyuarat suruhanjaya bersama belum dimuktamadkan", """KUALA LUMPUR: Mesyuarat Suruhanjaya Bersama Malaysia-Indonesia kali ke-19 masih belum dimuktamadkan, kata Wisma Putra hari ini.
Pegawai kedua-dua negara sedang berusaha mencari tarikh yang sesuai untuk pertemuan menteri luar itu.
Iklan""", (DIP,)),
    # "Sudah tiba masanya" is "the time has come", not an arrival.
    ("time-has-come", "Menteri: Sudah tiba masanya kerjasama serantau diperkukuh", """KUALA LUMPUR: Menteri Luar Datuk Seri Mohamad Hasan berkata sudah tiba masanya negara ASEAN dan Jepun memperkukuh kerjasama keselamatan maritim di rantau ini.
Beliau berkata demikian ketika berucap di sebuah forum anjuran institut pemikir di ibu negara, hari ini.
Kongsi artikel ini
""", (DIP,)),
    # Troops landing in a war retold are no visitors.
    ("troops-landed-1945", "Kenangan pendaratan tentera Australia di Labuan", """LABUAN: Pada Jun 1945, tentera Australia mendarat di pantai Brown Beach dan bertempur dengan tentera Jepun selama beberapa hari sebelum pulau itu ditawan.
Sambutan memperingati peristiwa itu diadakan di tugu peringatan Labuan semalam dengan kehadiran veteran dan pelajar sekolah.
Gambar: Fail
""", (DIP, CLASH)),
    # A 21-gun salute greets a guest; nobody fights.
    ("gun-salute", "Sultan Brunei disambut di Istana Negara", """KUALA LUMPUR: Sultan Brunei Sultan Hassanal Bolkiah disambut dengan 21 das tembakan meriam ketika tiba di Istana Negara bagi memulakan lawatan negara dua hari ke Malaysia.
Baginda kemudian memeriksa kawalan kehormatan yang dianggotai anggota Rejimen Askar Melayu Diraja.
Kongsi
""", (CLASH,)),
    # Rundingan yang menemui jalan buntu tidak sedang berlangsung.
    ("rundingan-buntu", "Isu sempadan maritim: tiada perkembangan baharu", """Rundingan sempadan maritim antara Malaysia dan Indonesia di Laut Sulawesi masih menemui jalan buntu walaupun beberapa pusingan telah diadakan.
Nelayan tempatan meminta kedua-dua kerajaan menyelesaikan isu itu segera.
""", (DIP,)),
    # "Diraja" (royal, as in the police"s name) is no official of a second state.
    ("diraja-domestic", "Ketua Polis Negara bertemu peniaga pasar malam", """Ketua Polis Negara mengadakan pertemuan dengan wakil peniaga pasar malam di Shah Alam bagi membincangkan kes kecurian yang meningkat.
Pertemuan itu turut dihadiri pegawai kanan Polis Diraja Malaysia dan Majlis Bandaraya Shah Alam.
""", (DIP,)),
    # A call to suspend a member from meetings is no meeting.
    ("gantung-penyertaan", "NGO gesa ASEAN gantung penyertaan Myanmar", """KUALA LUMPUR: Sebuah pertubuhan bukan kerajaan hak asasi menggesa ASEAN menggantung penyertaan Myanmar dalam semua mesyuarat peringkat tinggi sehingga tahanan politik dibebaskan.
Kenyataan itu dikeluarkan menjelang sidang kemuncak bulan depan.
""", (DIP,)),
]


def test_boilerplate_is_not_evidence() -> None:
    result = cases.classify(POSITIVES[0][2], POSITIVES[0][1])
    assert "Iklan" not in result.cleaned_text.splitlines()
    assert "Harga minyak sawit" not in result.cleaned_text
    assert "BERNAMA/FAIL" not in result.cleaned_text


test_positive, test_hard_negative = cases.language_tests(
    "ms", [cases.positive(*r) for r in POSITIVES],
    [cases.negative(*r) for r in NEGATIVES])
