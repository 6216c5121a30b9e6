"""Extraction, one phenomenon at a time, in Indonesian and English."""

import pytest
from conftest import claims_of, of_kind


def numbers(text, language="id", published="2022-10-03"):
    return {c["value_num"]: c for c in of_kind(claims_of(text, language, published), "number")}


def dates(text, language="id", published="2024-10-22"):
    return {c["value"]: c for c in of_kind(claims_of(text, language, published), "date")}


def stances(text, language="id", published="2024-10-22"):
    return {(c["subject"], c["value"]) for c in of_kind(claims_of(text, language, published), "stance")}


# -- numbers ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,language,value",
    [
        ("Pemerintah mengevakuasi 12.000 warga dari desa itu.", "id", 12000),
        ("Sebanyak 1,5 juta warga terdampak banjir.", "id", 1500000),
        ("Lebih dari 600.000 tentara tewas atau terluka.", "id", 600000),
        ("The government evacuated 12,000 residents.", "en", 12000),
        ("About 1.5 million people were displaced.", "en", 1500000),
        ("Officials said 12k people were evacuated.", "en", 12000),
        ("Korut mengirim dua belas ribu tentara.", "id", 12000),
        ("Sebanyak seribu lima ratus prajurit dikerahkan.", "id", 1500),
        ("The country sent twelve thousand troops.", "en", 12000),
        ("Some fifteen hundred soldiers arrived.", "en", 1500),
        ("Dana sebesar Rp 2,5 miliar disiapkan.", "id", 2500000000),
    ],
)
def test_number_conventions(text, language, value):
    assert value in numbers(text, language)


@pytest.mark.parametrize(
    "text,language,value,qualifier",
    [
        ("Sekitar 1.500 tentara telah tiba.", "id", 1500, "approx"),
        ("Setidaknya 125 orang meninggal dunia.", "id", 125, "min"),
        ("Hingga 300 orang luka-luka.", "id", 300, "max"),
        ("At least 125 people died.", "en", 125, "min"),
        ("Nearly 3,000 residents fled.", "en", 3000, "approx"),
        ("Up to 40 homes were damaged.", "en", 40, "max"),
    ],
)
def test_hedges_are_kept(text, language, value, qualifier):
    found = numbers(text, language)
    assert found[value]["qualifier"] == qualifier


@pytest.mark.parametrize(
    "text,language,low,high",
    [
        ("Puluhan warga mengungsi.", "id", 10, 99),
        ("Ribuan pengungsi tiba di kota.", "id", 1000, 9999),
        ("Hundreds of people gathered.", "en", 100, 999),
    ],
)
def test_vague_amounts_are_ranges(text, language, low, high):
    found = of_kind(claims_of(text, language, "2022-10-03"), "number")
    assert [(c["value_low"], c["value_high"], c["qualifier"]) for c in found] == [(low, high, "vague")]


@pytest.mark.parametrize(
    "text,language,not_value",
    [
        ("Laga Arema melawan Persebaya berakhir 2-3 pada 1 Oktober 2022.", "id", 2022),
        ("Laga berakhir dengan skor 2-3.", "id", 3),
        ("Kerusuhan dimulai pukul 22.00 WIB di pintu 13.", "id", 13),
        ("Kerusuhan dimulai pukul 22.00 WIB.", "id", 22),
        ("The crush began at gate 13 at 10:15 pm.", "en", 13),
        ("Hubungi 081234567890 untuk informasi.", "id", 81234567890),
        ("Korea Utara diam seribu bahasa soal itu.", "id", 1000),
        ("Ia adalah salah satu saksi.", "id", 1),
        ("He was one of the witnesses.", "en", 1),
        ("Pada 21 Oktober 2024 pasukan tiba.", "id", 21),
        ("Sejak tahun 2022 hubungan memburuk.", "id", 2022),
    ],
)
def test_not_numbers(text, language, not_value):
    assert not_value not in numbers(text, language)


def test_list_numbering_is_not_a_count():
    text = "Tuntutan warga:\n1. Usut tuntas tragedi.\n2. Bebaskan 20 mahasiswa yang ditahan."
    found = numbers(text)
    assert 20 in found and 1 not in found and 2 not in found


def test_percentages_are_kept_as_percentages():
    found = numbers("Sebanyak 35 persen warga menolak. Turnout reached 64%.", "id")
    assert found[35]["predicate"].startswith("percent:")


def test_counted_slots_differ():
    text = "Sebanyak 125 orang meninggal dunia dan 300 orang luka-luka."
    found = numbers(text)
    assert found[125]["predicate"] == "dead"
    assert found[300]["predicate"] == "injured"


def test_planned_and_subset_slots():
    text = "Korut memutuskan mengirim 12.000 tentara ke Rusia, dengan sekitar 1.500 di antaranya telah dikerahkan."
    found = numbers(text)
    assert found[12000]["predicate"] == "troops:planned"
    assert found[1500]["predicate"] == "troops"  # already in place: one slot, part or not
    assert found[12000]["subject"] == found[1500]["subject"] == "north-korea"


def test_cross_language_count_concepts_meet():
    ind = numbers("Sebanyak 1.500 tentara Korea Utara tiba.")
    eng = numbers("Some 1,500 North Korean troops arrived.", "en")
    assert ind[1500]["predicate"] == eng[1500]["predicate"] == "troops"


# -- dates --------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,language,published,value",
    [
        ("Pada 21 Oktober 2024, Korut tetap bungkam.", "id", None, "2024-10-21"),
        ("Pada Rabu, 30 Oktober 2024, menteri itu tiba.", "id", None, "2024-10-30"),
        ("Pada Jumat (18/10), badan intelijen mengungkapkan temuan.", "id", "2024-10-22", "2024-10-18"),
        ("Sebelumnya pada Senin (28/10/2024), NATO mengungkapkan hal itu.", "id", None, "2024-10-28"),
        ("Perjanjian ditandatangani pada Juni 2024.", "id", None, "2024-06"),
        ("Invasi dimulai pada tahun 2022.", "id", None, "2022"),
        ("The ministry announced it on October 21, 2024.", "en", None, "2024-10-21"),
        ("The ministry announced it on Oct. 21.", "en", "2024-10-23", "2024-10-21"),
        ("The treaty was signed on 21 October 2024.", "en", None, "2024-10-21"),
        ("The pact was signed in June 2024.", "en", None, "2024-06"),
        ("The war began in 2022.", "en", None, "2022"),
        ("The ministry announced the move on Monday.", "en", "2025-04-29", "2025-04-28"),
        ("Kementerian mengumumkan hal itu pada hari Senin.", "id", "2025-04-29", "2025-04-28"),
        ("Laporan itu diterbitkan 21/10/2024.", "id", None, "2024-10-21"),
    ],
)
def test_dates(text, language, published, value):
    assert value in dates(text, language, published)


def test_year_without_publication_comes_from_matching_weekday():
    # 18 October fell on a Friday in 2024.
    assert "2024-10-18" in dates("Pada hari Jumat (18/10), badan intelijen mengungkapkan temuan.", "id", None)


def test_year_less_date_resolves_to_the_past_of_publication():
    assert "2023-12-28" in dates("Korut mengumumkan hal itu pada 28 Desember.", "id", "2024-01-03")


def test_weekday_that_contradicts_the_date_is_noticed():
    found = dates("Pada Senin (18/10/2024), badan intelijen mengungkapkan temuan.", "id", None)
    assert found["2024-10-18"]["qualifier"] == "weekday_mismatch"


def test_minggu_meaning_week_is_not_sunday():
    assert dates("Ini kunjungan keduanya dalam enam minggu terakhir.", "id", "2024-10-22") == {}


# -- stances ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,language,expected",
    [
        ("Korea Utara telah membantah laporan pengiriman pasukan.", "id", {("north-korea", "denied")}),
        ("Laporan itu dibantah oleh Rusia.", "id", {("russia", "denied")}),
        ("Korut tetap bungkam soal pengiriman pasukan.", "id", {("north-korea", "silent")}),
        ("Korut diam seribu bahasa soal pengiriman pasukan.", "id", {("north-korea", "silent")}),
        (
            "Pemerintah Korea Utara belum memberikan konfirmasi atau penyangkalan resmi.",
            "id",
            {("north-korea", "silent")},
        ),
        ("Korea Utara akhirnya mengakui telah mengirim pasukan.", "id", {("north-korea", "confirmed")}),
        ("NATO mengonfirmasi bahwa pasukan Korea Utara berada di Kursk.", "id", {("nato", "confirmed")}),
        ("Rusia tidak membantah laporan itu.", "id", {("russia", "silent")}),
        ("Russia denied sending troops.", "en", {("russia", "denied")}),
        ("Moscow did not deny the report.", "en", {("russia", "silent")}),
        ("The Kremlin declined to comment on the troops.", "en", {("russia", "silent")}),
        ("North Korea acknowledged sending troops for the first time.", "en", {("north-korea", "confirmed")}),
        ("Pyongyang dismissed the claims as groundless rumours.", "en", {("north-korea", "denied")}),
        (
            "Both Moscow and Pyongyang have neither confirmed nor denied the deployment.",
            "en",
            {("russia", "silent"), ("north-korea", "silent")},
        ),
    ],
)
def test_stances(text, language, expected):
    assert stances(text, language) == expected


@pytest.mark.parametrize(
    "text,language",
    [
        ("Kecil kemungkinan Korea Utara akan mengonfirmasi hal ini.", "id"),
        ("Pengamat menilai Korut mungkin kesulitan untuk membantah pengiriman pasukan.", "id"),
        ("It would be difficult for North Korea to deny the deployment.", "en"),
        ("Pyongyang is unlikely to confirm the report.", "en"),
    ],
)
def test_modality_is_no_stance(text, language):
    assert stances(text, language) == set()


def test_holder_is_who_takes_the_stance_not_who_is_reported():
    assert stances("Rusia membantah bahwa Korea Utara mengirim pasukan.") == {("russia", "denied")}
    assert stances("Seoul said Russia denied that North Korea sent troops.", "en") == {("russia", "denied")}


def test_quoted_denial_belongs_to_the_speaker():
    text = 'Pemerintah Pyongyang menyebut klaim dari Korea Selatan sebagai "rumor yang tidak berdasar."'
    assert stances(text) == {("north-korea", "denied")}


def test_state_organs_count_as_the_state():
    assert stances("Kementerian Luar Negeri Rusia membantah laporan itu.") == {("russia", "denied")}
    assert stances("KCNA confirmed the deployment of troops.", "en") == {("north-korea", "confirmed")}


def test_propositions_do_not_mix():
    found = of_kind(
        claims_of("Korut membantah mengirim pasukan, tetapi mengakui pasokan senjata ke Rusia.", "id", "2024-10-22"),
        "stance",
    )
    assert {(c["value"], c["predicate"]) for c in found} == {
        ("denied", "troops_sent"),
        ("confirmed", "weapons_supplied"),
    }


def test_unknown_holder_becomes_an_entity():
    found = of_kind(claims_of("Kapolda Jawa Timur membantah penggunaan gas air mata.", "id", "2022-10-03"), "stance")
    assert found and found[0]["value"] == "denied" and found[0]["subject"] == "kapolda-jawa-timur"
    assert found[0]["predicate"] == "tear_gas"


def test_cross_language_propositions_meet():
    ind = of_kind(claims_of("Rusia membantah pengiriman pasukan.", "id", "2024-10-22"), "stance")
    eng = of_kind(claims_of("Russia denied sending troops.", "en", "2024-10-22"), "stance")
    assert ind[0]["predicate"] == eng[0]["predicate"] == "troops_sent"


# -- evidence -----------------------------------------------------------------
def test_evidence_spans_point_into_the_sentence():
    text = "Korut tetap bungkam. Pada Jumat (18/10), intelijen Korsel mengungkapkan 12.000 tentara dikirim."
    for c in claims_of(text, "id", "2024-10-22"):
        assert c["sentence"] in text
        s = c["sentence_start"]
        assert s <= c["start"] < c["end"] <= s + len(c["sentence"])
        assert c["evidence"] == text[c["start"] : c["end"]]


def test_as_of_prefers_the_sentence_date():
    found = of_kind(
        claims_of("Pada 21 Oktober 2024, Korut tetap bungkam. Rusia juga bungkam.", "id", "2024-10-25"), "stance"
    )
    by = {c["subject"]: c for c in found}
    assert (by["north-korea"]["as_of"], by["north-korea"]["as_of_source"]) == ("2024-10-21", "sentence")
    assert (by["russia"]["as_of"], by["russia"]["as_of_source"]) == ("2024-10-25", "published")


def test_hyphenated_hundreds():
    assert 1500 in numbers("Some 15-hundred soldiers arrived.", "en")


# -- entities -------------------------------------------------------------------
def test_misspelt_long_name_is_accepted_under_guards():
    assert stances("Pyongyag membantah laporan pengiriman pasukan.") == {("north-korea", "denied")}


def test_fuzzy_never_crosses_direction_words():
    from datasette_factcheck import lexicon
    from datasette_factcheck.extract.entities import Matcher

    matcher = Matcher([(a, e["id"], e["name"]) for e in lexicon.entities() for a in e["aliases"]])
    assert matcher.fuzzy("Korea Selatn") in (None, "south-korea")
    assert matcher.fuzzy("North Koreaa") == "north-korea"
    assert matcher.fuzzy("Korsell") is None  # short forms are never guessed


def test_aliases_casefold_and_hyphens():
    assert stances("KOREA UTARA membantah laporan itu.") == {("north-korea", "denied")}
    assert stances("Korea-Utara membantah laporan itu.") == {("north-korea", "denied")}


def test_unknown_propositions_keep_their_object():
    found = of_kind(
        claims_of(
            "Polri mengakui kelalaian petugas. Polri membantah laporan itu.",
            "id",
            "2022-10-03",
            title="Polri bantah tembakkan gas air mata",
        ),
        "stance",
    )
    by_value = {c["value"]: c["predicate"] for c in found}
    assert by_value["confirmed"] == "about:kelalaian petugas"  # its object noun phrase, not one word (issue 14)
    assert by_value["denied"] == "tear_gas"  # a generic object ("laporan itu") takes the article's proposition


def test_a_person_is_one_entity_whatever_the_rank_before_the_name():
    ind = of_kind(
        claims_of("Irjen Bayu Santosa mengakui aparat menembakkan gas air mata.", "id", "2022-10-04"), "stance"
    )
    eng = of_kind(
        claims_of("National police spokesman Bayu Santosa denied that officers fired tear gas.", "en", "2022-10-04"),
        "stance",
    )
    assert ind[0]["subject"] == eng[0]["subject"] == "bayu-santosa"
    # named after the body he speaks for, the body holds the stance (issue 14)
    body = of_kind(
        claims_of("Juru bicara Polri Irjen Bayu Santosa mengakui aparat menembakkan gas air mata.", "id", "2022-10-04"),
        "stance",
    )
    assert body[0]["subject"] == "indonesian-police"


def test_money_is_counted_by_what_it_is_for():
    found = numbers("Pemerintah menjanjikan santunan Rp 50 juta kepada setiap keluarga korban.")
    assert found[50000000]["predicate"] == "money:compensation"


def test_a_stance_told_as_history_is_kept_as_earlier_not_as_the_current_account():
    found = of_kind(
        claims_of(
            "Russia acknowledged on Monday that its instructors were in Mali, days after the Kremlin denied any deployment.",
            "en",
            "2022-01-18",
        ),
        "stance",
    )
    when = {c["value"]: (c["as_of"], c["as_of_source"]) for c in found if c["subject"] == "russia"}
    assert when == {"confirmed": ("2022-01-17", "sentence"), "denied": ("2022-01-18", "earlier")}
    told = of_kind(claims_of("Kapolri sebelumnya membantah bahwa polisi menembakkan gas air mata.", "id"), "stance")
    assert [(c["value"], c["as_of"], c["as_of_source"]) for c in told] == [("denied", None, "earlier")]


def test_foreign_fighters_are_troops_of_their_country():
    found = numbers("A UN report said about 1,000 Russian fighters were operating in the country.", "en")
    assert (found[1000]["subject"], found[1000]["predicate"]) == ("russia", "troops")
