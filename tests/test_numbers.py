"""Numbers in the forms the issue names: the number-word grammar, written
abbreviations, signs, ordinals, hedges both ways, and what is a name not a count."""

import pytest
from conftest import claims_of, of_kind

from datasette_factcheck import lexicon
from datasette_factcheck.extract import numbers


def values(text, language="id", published="2023-05-02"):
    return {c["value_num"]: c for c in of_kind(claims_of(text, language, published), "number")}


def read(text, language):
    return [(n.value, n.ordinal) for n in numbers.find(text, 0, len(text), lexicon.get(language))]


@pytest.mark.parametrize(
    "text,language,value",
    [
        ("Sebanyak lima puluh sembilan rumah rusak berat.", "id", 59),
        ("Petugas mencatat seratus dua puluh dua pengungsi.", "id", 122),
        ("Ada tujuh ratus dua puluh satu ribu dua belas pemilih terdaftar.", "id", 721012),
        ("Sejuta warga kehilangan listrik.", "id", 1000000),
        ("Anggaran mencapai satu koma lima triliun rupiah.", "id", 1.5e12),
        ("Fifty-nine homes were flattened.", "en", 59),
        ("Police counted one hundred and twenty-two arrests.", "en", 122),
        ("A thousand and twelve voters signed the petition.", "en", 1012),
        ("Two point five million people lost power.", "en", 2.5e6),
        ("Satu rumah terbakar.", "id", 1),
        ("Nol korban jiwa dilaporkan.", "id", 0),
        ("Hanya dua kapal yang selamat.", "id", 2),
        ("Three judges heard the case.", "en", 3),
    ],
)
def test_spelled_numbers_are_counts(text, language, value):
    assert value in values(text, language)


@pytest.mark.parametrize(
    "text,language,value",
    [
        ("Donasi terkumpul 5 rb rupiah per orang.", "id", 5000),
        ("Bantuan sebesar 1,2 jt rupiah diberikan.", "id", 1.2e6),
        ("Kerugian ditaksir Rp 2,5 M.", "id", 2.5e9),
        ("The video drew 100K viewers.", "en", 100000),
        ("The fund raised $1.5m in a week.", "en", 1.5e6),
        ("Losses reached $2bn last year.", "en", 2e9),
        ("Losses reached $3 mn.", "en", 3e6),
    ],
)
def test_abbreviated_scales_by_language(text, language, value):
    assert value in values(text, language)


def test_m_is_read_by_language():
    assert 2.5e9 in values("Kerugian ditaksir Rp 2,5 M.", "id")
    assert 2.5e6 in values("Losses were put at $2.5M.", "en")


def test_signed_figures():
    assert -2.5 in values("Ekonomi tumbuh -2,5 persen tahun itu.", "id")
    assert -3 in values("Temperatures fell to minus 3 degrees overnight.", "en")
    assert -3 not in values("Skor akhir 2-3 untuk tim tamu.", "id")


@pytest.mark.parametrize(
    "text,language,value",
    [
        ("Ini peringatan kedua puluh satu tragedi itu.", "id", 21),
        ("It was the twenty-first anniversary of the crash.", "en", 21),
        ("Ia menjadi presiden ke-21.", "id", 21),
        ("She finished 21st in the race.", "en", 21),
        ("Kunjungan pertama dilakukan bulan lalu.", "id", 1),
    ],
)
def test_ordinals_are_read_but_are_not_counts(text, language, value):
    assert (value, True) in read(text, language)
    assert value not in values(text, language)


@pytest.mark.parametrize(
    "text,language,value,qualifier",
    [
        ("Kurang dari 50 orang hadir.", "id", 50, "max"),
        ("Di bawah 40 warga tersisa.", "id", 40, "max"),
        ("Less than 30 people attended.", "en", 30, "max"),
        ("Fewer than 20 suspects were charged.", "en", 20, "max"),
        ("Under 500 homes had power.", "en", 500, "max"),
        ("Nearly 300 people fled.", "en", 300, "approx"),
        ("Hampir 300 warga mengungsi.", "id", 300, "approx"),
        ("Lebih dari 300 warga mengungsi.", "id", 300, "min"),
        ("More than 300 residents fled.", "en", 300, "min"),
    ],
)
def test_hedges_and_bounds_both_ways(text, language, value, qualifier):
    assert values(text, language)[value]["qualifier"] == qualifier


@pytest.mark.parametrize(
    "text,language,value",
    [
        ("Pesawat jenis Antariksa 390 itu jatuh di laut. Produksi 390 dihentikan.", "id", 390),
        ("The Skyliner 390 jet came down at sea, and the 390 fleet was grounded.", "en", 390),
        ("Penerbangan Nusantara Air 418 mendarat darurat di Makassar.", "id", 418),
        ("Korban selamat, Dimas (7), ditemukan di bawah reruntuhan.", "id", 7),
        ("Witness Maria (52) said the roof fell.", "en", 52),
        ("XP 10 is no longer supported by this page.", "en", 10),
    ],
)
def test_identifiers_and_ages_are_not_counts(text, language, value):
    assert value not in values(text, language)


@pytest.mark.parametrize(
    "text,language,value",
    [
        ("Pesawat penerbangan 418 tertunda. Penumpang 418 menunggu kabar.", "id", 418),
        ("The type 390 drone was recalled, and the 390 line ended.", "en", 390),
        ("Flight 418 landed late; 418 was then cleaned.", "en", 418),
    ],
)
def test_a_flight_or_type_word_names_the_number_throughout(text, language, value):
    assert value not in values(text, language)


@pytest.mark.parametrize(
    "text,language,value",
    [
        ("Kepala BPBD Arif 12 tahun menjabat. Korban tewas 12 orang.", "id", 12),
        ("Pesawat Airbus 320 mendarat darurat. Sebanyak 320 warga dievakuasi.", "id", 320),
        ("The Skyliner 390 came down near the coast. Officials said 390 people were evacuated.", "en", 390),
        ("Penerbangan 418 dibatalkan. Akibat banjir, 418 orang mengungsi.", "id", 418),
        ("Flight 418 was cancelled as 418 residents fled the flood.", "en", 418),
    ],
)
def test_a_number_followed_by_what_it_counts_is_a_count_even_after_a_name(text, language, value):
    assert value in values(text, language)


def test_a_number_after_a_name_with_a_unit_is_not_a_name():
    assert 12 in values("Kepala Dinas Arif 12 tahun menjabat. Sebanyak 12 rumah rusak.", "id")


def test_a_headline_capitalising_every_word_still_counts():
    assert 250 in values("Korban Banjir Bertambah Menjadi 250 Orang", "id")


@pytest.mark.parametrize(
    "text,language,value,predicate",
    [
        # a number hyphen-joined to a word measures that word
        ("A 6.1-magnitude earthquake that killed at least 90 people struck the valley.", "en", 6.1, "magnitude"),
        ("Gempa ber-magnitudo 5,8 itu menewaskan 40 warga.", "id", 40, "dead"),
        ("The 12-kilometre levee that failed left 30 people dead.", "en", 12, "kilometre"),
        # an unknown noun right after the number is what it counts, not a state further on
        ("The province named four clinics in Sukaraya to treat the injured.", "en", 4, "clinics"),
        ("Pemkab menyiapkan lima posko di Sukaraya untuk merawat korban luka.", "id", 5, "posko"),
        ("Sebanyak 12 penambang tewas dalam longsor itu.", "id", 12, "dead"),
        ("Officials said 40 people were injured on Monday.", "en", 40, "injured"),
        # parts after a part marker, the total before it whole
        ("Sebanyak 39 orang hilang itu terdiri atas 32 warga Desa Sukamaju.", "id", 32, "missing:part"),
        ("Sebanyak 39 orang hilang itu terdiri atas 32 warga Desa Sukamaju.", "id", 39, "missing"),
        ("Korban tewas 120 orang, termasuk 12 anak-anak.", "id", 120, "dead"),
        # a frequency or a span of time counts itself, never what follows
        ("Ia berdalih Bayu menembak Anton sebanyak lima kali hingga tewas.", "id", 5, "span:kali"),
        ("The flood came less than two months after 40 people died in a fire.", "en", 2, "span:months"),
        ("The flood came less than two months after 40 people died in a fire.", "en", 40, "dead"),
        ("Ekonomi tumbuh 2,5 persen tahun itu.", "id", 2.5, "percent:tahun"),
        # the people on board are a count of their own; bare people a vague one
        ("Kapal feri yang tenggelam membawa 65 orang, kata petugas.", "id", 65, "aboard"),
        ("The ferry that sank was carrying 53 people, officials said.", "en", 53, "aboard"),
        ("All 140 people on board were killed.", "en", 140, "dead"),
        ("Sebanyak 25 orang tertimbun reruntuhan di Desa Sukamaju.", "id", 25, "people"),
    ],
)
def test_what_a_number_counts(text, language, value, predicate):
    assert values(text, language)[value]["predicate"] == predicate


def test_a_nationality_counted_is_that_countrys_figure_not_the_total():
    found = values("Officials said four Britons died, and all 140 on board, including 30 Brazilians.", "en")
    assert (found[4]["subject"], found[30]["subject"]) == ("united-kingdom", "brazil")


def test_a_measure_is_no_count_a_later_bare_number_refers_back_to():
    found = values("A 5.6-magnitude quake struck. The number of damaged houses had increased to 8,151.", "en")
    assert found[8151]["predicate"] != "magnitude"


def test_an_age_between_commas_after_a_name_is_no_count():
    found = values("Dewi Lestari, 54, said 30 houses were damaged.", "en")
    assert 54 not in found and found[30]["predicate"] == "homes"


@pytest.mark.parametrize(
    "text,language,value",
    [
        ("Sementara korban meninggal yang dapat diidentifikasi ada 165 jenazah.", "id", 165),
        ("Lalu, ada 68 orang mengalami luka berat yang kini dirawat.", "id", 68),
        ("More than 300 people were seriously injured in the collapse.", "en", 300),
    ],
)
def test_identified_bodies_and_the_seriously_injured_are_parts_of_a_toll(text, language, value):
    assert values(text, language)[value]["predicate"].endswith(":part")
