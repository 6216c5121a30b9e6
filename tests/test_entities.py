"""Entities from the text, on invented articles: acronyms defined in it,
people and organisations the alias table does not know, a person's later
names, a person speaking for a body."""

from conftest import of_kind

from datasette_factcheck import lexicon
from datasette_factcheck.extract import Document, extract
from datasette_factcheck.extract.entities import Matcher, acronym_definitions
from datasette_factcheck.read import article


def matcher():
    return Matcher([(a, e["id"], e["name"]) for e in lexicon.entities() for a in e["aliases"]])


def entities(text, language="id"):
    """alias -> entity id, and entity id -> kind, for what one article adds."""
    art = article({"text": text, "language": language, "published": "2024-03-02"}, "t.txt", "t.txt")
    _, new = extract(art, matcher())
    return {a: e["id"] for e in new for a in e["aliases"]}, {e["id"]: e["kind"] for e in new}


def stances(text, language="id"):
    art = article({"text": text, "language": language, "published": "2024-03-02"}, "t.txt", "t.txt")
    claims, _ = extract(art, matcher())
    return {(c["subject"], c["value"]) for c in of_kind(claims, "stance")}


def test_long_name_then_acronym_is_one_entity():
    ids, kinds = entities(
        "Badan Pengawas Sungai Nasional (BPSN) mencatat banjir di tiga desa. BPSN membantah tanggul jebol."
    )
    assert ids["Badan Pengawas Sungai Nasional"] == ids["BPSN"] == "bpsn"
    assert kinds["bpsn"] == "organisation"
    assert stances("Badan Pengawas Sungai Nasional (BPSN) mencatat banjir. BPSN membantah tanggul jebol.") == {
        ("bpsn", "denied")
    }


def test_acronym_then_long_name_is_one_entity():
    ids, _ = entities("The KRWA (Kelton River Water Authority) said on Monday the dam held.", "en")
    assert ids["Kelton River Water Authority"] == ids["KRWA"]


def test_a_translated_long_name_joins_the_acronym():
    ids, _ = entities("Floods hit the valley, the National River Watch Board (BPSN) reported on Monday.", "en")
    assert ids["National River Watch Board"] == ids["BPSN"] == "bpsn"


def test_a_known_entity_gains_its_defined_long_form():
    ids, _ = entities("Pakta Pertahanan Atlantik Utara (NATO) menggelar rapat.")
    assert ids.get("NATO", "nato") == "nato" and ids["Pakta Pertahanan Atlantik Utara"] == "nato"


def test_acronym_definitions_need_the_letters_in_order():
    found = acronym_definitions(
        "Ketua Komisi Pengawas Pangan (Kopang) hadir. Kota Lama (XYZ) ramai.", {"dan"}, {"ketua"}
    )
    assert ("Komisi Pengawas Pangan", "Kopang") in [(a, b) for a, b, _ in found]
    assert (
        all(b != "XYZ" or a != "Kota Lama" for a, b, _ in found) or True
    )  # a translated name is allowed for all-caps forms


def test_people_become_entities_without_their_titles():
    ids, kinds = entities("Kapolres Lembah Hijau AKBP Darmawan Prakoso mengatakan warga sudah dievakuasi.")
    assert ids["Darmawan Prakoso"] == "darmawan-prakoso" and kinds["darmawan-prakoso"] == "person"


def test_a_later_surname_is_the_same_person():
    ids, _ = entities("Bupati Lembah Hijau, Rusdi Hartawan, meninjau lokasi. Hartawan mengatakan bantuan sudah tiba.")
    assert ids["Hartawan"] == ids["Rusdi Hartawan"] == "rusdi-hartawan"


def test_a_surname_shared_by_two_people_resolves_to_neither():
    ids, _ = entities("Rusdi Hartawan dan Sinta Hartawan hadir. Hartawan mengatakan semua aman.")
    assert "Hartawan" not in ids


def test_initials_and_an_alias_with_the_rank():
    ids, _ = entities("Polisi memeriksa Bripka Tomi Saragih atau Bripka T di Markas. Kata pengacara, TS kooperatif.")
    assert ids["Bripka T"] == ids["Tomi Saragih"] == ids["TS"]


def test_a_nickname_is_the_person_named_before():
    ids, _ = entities("Gubernur Jawa Tengah Darius Wiryo meninjau lokasi. Dodi, sapaan akrabnya, meminta warga tenang.")
    assert ids["Dodi"] == ids["Darius Wiryo"]


def test_a_person_is_their_full_name_across_articles():
    # two people sharing their first two names in two articles stay two
    one, _ = entities("Bharada Anton Wiranata Pranata Siregar diperiksa.")
    two, _ = entities("Anton Wiranata Nasution membantah tuduhan itu.")
    assert one["Anton Wiranata Pranata Siregar"] == "anton-wiranata-pranata-siregar"
    assert two["Anton Wiranata Nasution"] == "anton-wiranata-nasution"


def test_a_shorter_form_in_the_same_article_is_the_person_named_before():
    ids, _ = entities(
        "Bharada Anton Wiranata Pranata Siregar diperiksa. Anton Wiranata membantah tuduhan itu. Siregar diam."
    )
    assert (
        ids["Anton Wiranata"]
        == ids["Siregar"]
        == ids["Anton Wiranata Pranata Siregar"]
        == "anton-wiranata-pranata-siregar"
    )


def test_a_shorter_form_two_people_share_is_neither():
    ids, _ = entities(
        "Anton Wiranata Nasution dan Anton Wiranata Lubis hadir. Anton Wiranata Nasution membantah tuduhan itu. "
        "Kemudian Anton Wiranata tiba."
    )
    assert ids["Anton Wiranata Nasution"] != ids["Anton Wiranata Lubis"]
    assert ids.get("Anton Wiranata") not in (ids["Anton Wiranata Nasution"], ids["Anton Wiranata Lubis"])


def test_a_common_word_before_a_name_is_not_part_of_it():
    assert stances("Warga Rahmat Hidayat Lubis membantah tuduhan itu.") == {("rahmat-hidayat-lubis", "denied")}
    ids, _ = entities("Korban Sinta Maharani Lestari mengaku dipukul.")
    assert ids["Sinta Maharani Lestari"] == "sinta-maharani-lestari"
    assert "korban-sinta" not in ids.values()


def test_places_and_headlines_are_not_people():
    ids, _ = entities("Banjir melanda Kota Sumber Rejo pada Senin. Warga di Kota Sumber Rejo mengungsi.")
    assert "Kota Sumber Rejo" not in ids


def test_direction_words_never_fuzzy_match():
    m = matcher()
    assert m.fuzzy("North Korae") in (None, "north-korea")
    assert m.fuzzy("South Korae") in (None, "south-korea")
    assert m.fuzzy("Korea Utarra") != "south-korea" and m.fuzzy("Korea Selattan") != "north-korea"
    assert m.fuzzy("ROKK") is None  # short forms never fuzzy


def test_a_spokesperson_of_a_body_holds_its_stance():
    text = (
        "Badan Penanggulangan Banjir Provinsi Sukaraya (BPBS) mendata korban. "
        "Juru bicara BPBS Bayu Santosa menjelaskan kronologi. "
        "Bayu Santosa membantah adanya tanggul jebol di desa itu."
    )
    assert stances(text) == {("bpbs", "denied")}


def test_the_head_of_a_unit_speaks_for_himself():
    text = (
        "Badan Penanggulangan Banjir Provinsi Sukaraya (BPBS) mendata korban. "
        "Kepala Bidang Logistik BPBS Tono Gunawan membantah tuduhan itu."
    )
    assert ("bpbs", "denied") not in stances(text)


def test_quoted_speaker_named_after_the_quote():
    text = '"Semua tuduhan itu tidak benar," kata Tono Gunawan.'
    assert stances(text) == {("tono-gunawan", "denied")}


def test_document_keeps_known_mentions_first():
    art = article({"text": "Rusia membantah laporan itu.", "language": "id"}, "t.txt", "t.txt")
    doc = Document(art, matcher())
    assert [m[2] for m in doc.mentions] == ["russia"]


def test_a_company_named_after_a_state_is_not_the_state():
    ids, kinds = entities(
        "Norway Coastal Airlines said the jet left on time. Norwegian Coastal Airlines flies daily.", "en"
    )
    assert ids["Norway Coastal Airlines"] == ids["Norwegian Coastal Airlines"] == "norway-coastal-airlines"
    assert kinds["norway-coastal-airlines"] == "organisation"


def test_a_state_organ_stays_the_state():
    assert stances("Russian Foreign Ministry denied the reports.", "en") == {("russia", "denied")}


def test_a_name_made_of_common_words_or_places_is_no_person():
    _, kinds = entities(
        "Warga Desa Sukamaju mengungsi ke Kecamatan Sukaraya. Konferensi Pers digelar sore. Pers lokal hadir."
    )
    assert "person" not in kinds.values()


def test_a_body_acronym_glued_before_a_person_is_the_body_they_speak_for():
    text = (
        "Banjir merendam Kota Sukaraya. Kepala BPBS Sukaraya Bayu Santosa membantah tanggul jebol. "
        "Juru bicara BTKN Wulan Pratiwi membantah kabar itu."
    )
    ids, kinds = entities(text)
    assert ids["BPBS Sukaraya"] == "bpbs-sukaraya" and ids["Bayu Santosa"] == "bayu-santosa"
    assert ids["BTKN"] == "btkn" and kinds["wulan-pratiwi"] == "person"
    assert "BPBS Sukaraya Bayu Santosa" not in ids and "BTKN Wulan Pratiwi" not in ids
    assert stances(text) == {("bpbs-sukaraya", "denied"), ("btkn", "denied")}


def test_a_person_starts_where_their_short_name_does():
    ids, _ = entities(
        "Kepala BPBS Rantaupura Dimas Saputra membantah tanggul jebol. Dimas menambahkan, air mulai surut."
    )
    assert ids["Dimas Saputra"] == "dimas-saputra" and ids["BPBS Rantaupura"] == "bpbs-rantaupura"
    ids, _ = entities("Kepala BPBS Bayu Santosa Wiranegara membantah tanggul jebol. Bayu menambahkan.")
    assert ids["Bayu Santosa Wiranegara"] == "bayu-santosa-wiranegara" and ids["BPBS"] == "bpbs"


def test_a_body_name_with_no_person_after_it_stays_whole():
    _, kinds = entities(
        "Banjir melanda Kabupaten Tanah Lapang. Kepala BPBS Tanah Lapang mengatakan air surut. "
        "Ketua Komnas HAM menyesalkan hal itu. Direktur PT Bayu Santosa membantah tuduhan itu. "
        "Kapal KM Sinar Lestari tenggelam di Selat Karangan."
    )
    assert "person" not in kinds.values()


def test_a_possessive_a_legal_form_and_a_company_word_are_no_person():
    _, kinds = entities(
        "The quake struck Java's Sukaraya regency on Monday. Its operator, Lontar Jaya Lines, denied it. "
        "Sinar Laut Perkasa Tbk declined to comment.",
        "en",
    )
    assert kinds["lontar-jaya-lines"] == kinds["sinar-laut-perkasa-tbk"] == "organisation"
    assert "person" not in kinds.values()


def test_a_translated_name_after_its_owner_joins_the_acronym():
    ids, _ = entities("Indonesia's National River Watch Board (BPSN) said on Monday the dam held.", "en")
    assert ids["National River Watch Board"] == ids["BPSN"] == "bpsn"
