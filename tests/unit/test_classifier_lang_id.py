"""Indonesian cue rows for general causes found on unseen articles, per EVENTS.md.

The broad Indonesian tables live in test_classifier_examples.py; these rows
pin the cue lists added for civilians shot by gunmen and for meetings whose
date is not yet set, each written for this test in the manner of Indonesian
online news.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH, DIP

# (id, title, text, event type, subtype, a phrase of the sentence that must be the top evidence)
POSITIVES: list[tuple[str, str, str, str, str, str]] = [
    # The state's name for the rebels, "kelompok kriminal bersenjata", is no crime report.
    ("battle", "Kontak Tembak TNI dan KKB di Puncak", """Jayapura -- Kontak tembak antara prajurit TNI dan kelompok kriminal bersenjata (KKB) terjadi di Distrik Gome, Kabupaten Puncak, Kamis pagi. Satu anggota KKB dilaporkan tewas.
ADVERTISEMENT
Baku tembak berlangsung sekitar 30 menit sebelum kelompok itu melarikan diri ke hutan, kata Kapendam.
Baca juga:
Harga Beras di Puncak Naik
""", CLASH, "battle", "Kontak tembak antara prajurit TNI"),
    ("meeting-bilateral", "Menlu RI dan Menlu Australia Gelar Pertemuan Bilateral di Canberra", """Canberra - Menteri Luar Negeri Sugiono menggelar pertemuan bilateral dengan Menteri Luar Negeri Australia Penny Wong di Parliament House, Canberra, Senin (9/3).
Kedua menteri membahas kerja sama keamanan maritim dan penanganan penyelundupan manusia.
(rds/dna)
""", DIP, "meeting", "pertemuan bilateral"),
]

# (id, title, text, event types that must not be detected)
NEGATIVES: list[tuple[str, str, str, tuple[str, ...]]] = [
    # Victims and workers shot by gunmen with no armed opponent: an attack on civilians.
    ("korban-ditembak", "Dua Pekerja Bangunan Tewas Ditembak di Yahukimo", """Jayapura -- Komandan Satgas mengatakan kedua korban ditembak saat beristirahat di lokasi proyek jalan di Distrik Dekai, Senin sore.
Pelaku langsung melarikan diri dan hingga kini masih diburu aparat.
""", (CLASH,)),
    # A date not yet set: nothing scheduled.
    ("belum-ditentukan", "Jadwal Pertemuan Komisi Bersama RI-Malaysia Belum Ditentukan", """Jakarta -- Kementerian Luar Negeri menyatakan jadwal pertemuan Komisi Bersama Indonesia-Malaysia tahun ini belum ditentukan.
Kedua negara masih berkoordinasi melalui kedutaan masing-masing.
""", (DIP,)),
    # Perundingan yang mandek tidak sedang berlangsung.
    ("perundingan-mandek", "Perundingan dagang dengan Uni Eropa belum ada kemajuan", """Perundingan perdagangan bebas antara Indonesia dan Uni Eropa masih mandek karena perbedaan pandangan soal minyak sawit dan deforestasi.
Para eksportir berharap ada terobosan sebelum akhir tahun.
""", (DIP,)),
    # A navy patrol with warships ("kapal perang"): no war, no fighting.
    ("kapal-perang", "TNI AL Tambah Kapal Perang di Perairan Natuna", """Jakarta -- TNI AL menyatakan telah meningkatkan patroli di perairan Natuna dengan mengerahkan tiga kapal perang tambahan, Kamis (5/6).
Langkah itu diambil setelah kapal penangkap ikan asing kembali terlihat di zona ekonomi eksklusif.
""", (CLASH,)),
    # "TNI AU" is the Air Force, not the African Union: a minister among his own troops.
    ("tni-au", "Menhan Tinjau Pangkalan Udara di Natuna", """Natuna -- Menteri Pertahanan meninjau kesiapan pasukan di Pangkalan Udara Raden Sadjad, Natuna, Rabu (17/6).
Dalam kunjungannya, Menhan memeriksa barisan prajurit gabungan TNI AD, AL dan AU serta melihat kesiapan pesawat intai.
""", (DIP,)),
]


test_positive, test_hard_negative = cases.language_tests(
    "id", [cases.positive(*r) for r in POSITIVES],
    [cases.negative(*r) for r in NEGATIVES])
