"""Turkish positives and hard negatives, per EVENTS.md.

Every article here is written for this test in the manner of Turkish wire and
online news (AA-, DHA-style), scraper boilerplate included where sites leave
it. Suffix chains after apostrophes ("Bakü'ye", "Irak'ın") and negation
folded into the verb ("görüşmedi") are exercised on purpose.
"""

# Article fixtures keep one paragraph per line, as scrapers deliver them.
# ruff: noqa: E501

from __future__ import annotations

from tests.unit import classifier_lang_cases as cases
from tests.unit.classifier_lang_cases import CLASH, DIP

# (id, title, text, event type, acceptable subtypes, words of the evidence sentence)
POSITIVES: list[tuple[str, str, str, str, set[str], str]] = [
    ("tr-visit", "Dışişleri Bakanı Tiflis'te", """Ana Sayfa / Dünya
Fotoğraf: AA
ANKARA (AA) - Dışişleri Bakanı, resmi temaslarda bulunmak üzere dün akşam Gürcistan'ın başkenti Tiflis'e gitti.
Bakan, ziyareti kapsamında Gürcü mevkidaşı ve Başbakan ile bir araya gelecek.
İlginizi Çekebilir
Altın fiyatları güne yükselişle başladı
Paylaş""", DIP, {"visit"}, "resmi temaslarda bulunmak üzere"),
    ("tr-call", "Cumhurbaşkanı Ürdün Kralı ile görüştü", """İletişim Başkanlığından yapılan açıklamaya göre, Cumhurbaşkanı bugün Ürdün Kralı ile bir telefon görüşmesi gerçekleştirdi.
Görüşmede Türkiye-Ürdün ilişkileri ve Gazze'deki son gelişmeler ele alındı.
Reklam""", DIP, {"call", "meeting"}, "bir telefon görüşmesi gerçekleştirdi"),
    ("tr-agreement", "Türkiye ile Somali arasında enerji anlaşması", """Ankara'da düzenlenen imza töreninde, Türkiye ile Somali arasında deniz yetki alanlarında hidrokarbon aramayı kapsayan hükümetlerarası anlaşma imzalandı.
Anlaşmayı iki ülkenin enerji bakanları imzaladı.
Kaynak: AA""", DIP, {"agreement"}, "hükümetlerarası anlaşma imzalandı"),
    ("tr-meeting", "Türkiye-Irak Ortak Güvenlik Komitesi Ankara'da toplandı", """Türkiye ile Irak arasındaki Ortak Güvenlik Komitesi'nin dördüncü toplantısı dün Ankara'da yapıldı.
Toplantıya iki ülkenin savunma ve istihbarat yetkilileri katıldı, sınır güvenliği ele alındı.""", DIP, {"meeting"}, "Ortak Güvenlik Komitesi'nin dördüncü toplantısı"),
    ("tr-negotiation", "Rusya ve Ukrayna heyetleri İstanbul'da", """Rusya ile Ukrayna heyetleri arasındaki doğrudan müzakerelerin yeni turu bugün İstanbul'da, Türkiye'nin arabuluculuğunda başladı.
Görüşmelerde esir takası ve ateşkes koşulları masada.""", DIP, {"negotiation"}, "doğrudan müzakerelerin yeni turu"),
    ("tr-strike", "MSB: Irak'ın kuzeyinde hava harekâtı", """Milli Savunma Bakanlığı (MSB), dün gece Irak'ın kuzeyindeki Metina bölgesine düzenlenen hava harekâtında PKK'lı teröristlerin kullandığı sığınak ve mühimmat depolarının imha edildiğini açıkladı.
Harekâtta uçaklarımız üslerine sorunsuz döndü.""", CLASH, {"strike"}, "düzenlenen hava harekâtında"),
    ("tr-territory", "Sudan ordusu kenti geri aldı", """HARTUM - Sudan ordusu, yaklaşık bir yıldır Hızlı Destek Kuvvetleri'nin (HDK) elinde bulunan Bara kentinin kontrolünü geri aldığını açıkladı.
Ordu sözcüsü, kentte temizleme operasyonlarının sürdüğünü belirtti.""", CLASH, {"territory"}, "kontrolünü geri aldığını"),
    ("tr-battle", "Kongo'da M23 ile ordu arasında çatışma", """GOMA - Kongo Demokratik Cumhuriyeti'nin doğusunda M23 isyancıları ile Kongo ordusu arasında bu sabah şiddetli çatışmalar çıktı.
Yerel kaynaklara göre çatışmalarda en az 12 kişi hayatını kaybetti.""", CLASH, {"battle"}, "şiddetli çatışmalar çıktı"),
    ("tr-attack", "Üs bölgesine saldırı girişimi", """Pençe-Kilit Operasyonu bölgesinde bir üs bölgesine saldırı girişiminde bulunan teröristlerle çıkan çatışmada 2 asker şehit oldu, 5 terörist etkisiz hale getirildi.
MSB, bölgede operasyonların sürdüğünü bildirdi.""", CLASH, {"attack", "battle"}, "üs bölgesine saldırı girişiminde"),
]

# Turkish wire copy reports a call in one sentence naming one state ("Cumhurbaşkanı
# ... Ürdün Kralı ile") and then its content in a "Görüşmede Türkiye-Ürdün ..."
# sentence naming both; the core ranks the latter first, so for these the call
# sentence need only be among the evidence (see the report to the lead).
_ANAPHORIC = frozenset({"tr-call"})

# (id, text, event type that must NOT be detected)
NEGATIVES: list[tuple[str, str, str]] = [
    ("tr-sport-clash", """İSTANBUL - Süper Lig'in 34. haftasında Galatasaray ile Fenerbahçe arasındaki derbi 2-2 berabere sona erdi. Maçta iki takım da hücum futbolu oynadı, sahada sert çarpışmalar yaşandı.
Teknik direktör karşılaşmanın ardından taraftarlara teşekkür etti.""", CLASH),
    ("tr-figurative", """ANKARA - TBMM Genel Kurulu'nda vergi düzenlemesi görüşülürken milletvekilleri arasında laf dalaşı yaşandı. Muhalefet, teklifi orta sınıfa yönelik bir saldırı olarak nitelendirdi.
Uzmanlar ise kamu maliyesinde bir çıkar çatışması olduğunu söyledi.""", CLASH),
    ("tr-protest", """İSTANBUL - Taksim'e yürümek isteyen göstericiler ile polis arasında arbede çıktı. Polis, protestoculara biber gazı ve tazyikli su ile müdahale etti.
Olaylarda çok sayıda kişi gözaltına alındı.""", CLASH),
    ("tr-crime", """İZMİR - Bir kuyumcuyu soymaya çalışan silahlı şüpheliler ile polis arasında çatışma çıktı. Soygun girişiminde bulunan iki şüpheli yakalandı.
Cumhuriyet Başsavcılığı soruşturma başlattı.""", CLASH),
    ("tr-exercise", """İZMİR - Türk Silahlı Kuvvetleri, müttefik ülkelerin katılımıyla Ege'de Efes-2025 tatbikatını icra etti. Tatbikatta senaryo gereği düşman mevzilerine çıkarma yapıldı ve topçu atışları gerçekleştirildi.
Tatbikatı Milli Savunma Bakanı da izledi.""", CLASH),
    ("tr-arms-purchase", """ANKARA - Savunma Sanayii Başkanlığı, Hava Kuvvetleri için yeni SİHA ve füze tedariki amacıyla yerli firmayla sözleşme imzaladı. Teslimatların gelecek yıl başlaması bekleniyor.""", CLASH),
    ("tr-anniversary", """ÇANAKKALE - Çanakkale Kara Savaşları'nın 110. yıl dönümü dolayısıyla Şehitler Abidesi'nde anma töreni düzenlendi.
1915'te Anafartalar'da Osmanlı askerleri ile İngiliz birlikleri arasında şiddetli çatışmalar yaşanmıştı.""", CLASH),
    ("tr-threat", """TAHRAN - İran Devrim Muhafızları komutanı, İsrail'in olası bir saldırısı halinde bölgedeki üslere füzelerle karşılık vereceklerini söyleyerek İsrail'i tehdit etti.
Komutan, misillemenin çok sert olacağını uyardı.""", CLASH),
    ("tr-speculated-meeting", """ANKARA - Diplomatik kulislerde, Cumhurbaşkanı ile ABD Başkanı'nın önümüzdeki aylarda bir araya gelebileceği konuşuluyor.
Görüşmenin tarihi henüz netleşmedi.""", DIP),
    ("tr-cancelled-visit", """ANKARA - Yunanistan Dışişleri Bakanı'nın gelecek hafta Ankara'ya yapması planlanan ziyaret iptal edildi.
Bakanlık, ertelemenin nedenini açıklamadı.""", DIP),
    ("tr-trade-stats", """ANKARA - TÜİK verilerine göre Türkiye ile Almanya arasındaki dış ticaret hacmi ilk çeyrekte yüzde 6 artarak 12 milyar dolara ulaştı.
Almanya'ya ihracat yıllık bazda yüzde 4 yükseldi.""", DIP),
    ("tr-domestic", """ANKARA - Kabine Toplantısı Cumhurbaşkanlığı Külliyesi'nde toplandı. Toplantıda ekonomi, deprem bölgesindeki konut çalışmaları ve yerel seçim takvimi ele alındı.
Bakanlar, illerdeki çalışmalar hakkında bilgi verdi.""", DIP),
    ("tr-negated-meeting", """ANKARA - Dışişleri Bakanı, NATO toplantısı sırasında Yunan mevkidaşı ile görüşmedi.
Bakanlık sözcüsü, iki bakanın yalnızca resmi yemekte selamlaştığını belirtti.""", DIP),
]

# (id, title, text, types that must not be detected)
TITLED_NEGATIVES: list[tuple[str, str, str, tuple[str, ...]]] = [
    # A trial about an old raid: the case file, not a new clash.
    ("trial-case-file", "Karakol baskını davasında sanıklara hapis cezası", """Diyarbakır Ağır Ceza Mahkemesi, 2015 yılında bir jandarma karakoluna düzenlenen silahlı saldırıya ilişkin davada üç sanığa hapis cezası verdi.
Dava dosyasına göre saldırganlar askerlerle saatlerce çatışmıştı.
Paylaş
""", (CLASH,)),
]


def test_demonyms_and_suffixed_names_make_parties() -> None:
    """"Rus mevkidaşı" and "Bakü'de" name the states without CLDR's exact form."""
    result = cases.classify("Dışişleri Bakanı Bakü'de Azerbaycanlı mevkidaşı ile bir araya geldi. "
                      "İki bakan bölgesel gelişmeleri ele aldı.")
    assert DIP in {d.event_type for d in result.detections}


test_positive, test_hard_negative = cases.language_tests(
    "tr", [cases.positive(*r, anywhere=r[0] in _ANAPHORIC) for r in POSITIVES],
    [cases.negative(r[0], "", r[1], r[2]) for r in NEGATIVES]
    + [cases.negative(*r) for r in TITLED_NEGATIVES])
