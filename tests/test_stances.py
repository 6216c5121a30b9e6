"""Stances on invented sentences: who holds them, negation and modality over
the clause, statements of fact as affirmations, propositions by concept."""

import pytest
from conftest import claims_of, of_kind


def stances(text, language="id", published="2024-10-22"):
    return {(c["subject"], c["value"]) for c in of_kind(claims_of(text, language, published), "stance")}


def found(text, language="id", published="2024-10-22"):
    return of_kind(claims_of(text, language, published), "stance")


# -- a proposition stated as fact affirms it -----------------------------------
@pytest.mark.parametrize(
    "text,language,expected",
    [
        ("Japan says a rocket brought down the rescue helicopter over the strait.", "en", {("japan", "confirmed")}),
        (
            "Australia said its radar showed the helicopter was shot down by a rocket.",
            "en",
            {("australia", "confirmed")},
        ),
        ("Jepang menyebut helikopter penyelamat itu ditembak jatuh di atas selat.", "id", {("japan", "confirmed")}),
        (
            "Pemerintah Jerman mengatakan bahwa pasukan Norwegia menembak jatuh helikopter itu.",
            "id",
            {("germany", "confirmed")},
        ),
        # a hedged assessment still affirms
        (
            "French officials said it was very likely that the helicopter was brought down.",
            "en",
            {("france", "confirmed")},
        ),
        # a manner negation ("tanpa sengaja", "tidak sengaja") is not a denial
        (
            "Jepang percaya bahwa Norwegia secara tidak sengaja menjatuhkan helikopter itu.",
            "id",
            {("japan", "confirmed")},
        ),
        # every proposition of the lexicon, not a chosen few
        ("Jepang mengatakan Norwegia mengirim pasukan ke perbatasan.", "id", {("japan", "confirmed")}),
        ("Norway said tear gas was fired at the crowd outside the warehouse.", "en", {("norway", "confirmed")}),
        ("Jepang mengatakan baku tembak di gudang itu tidak menewaskan siapa pun.", "id", {("japan", "confirmed")}),
        ("Norway said it was behind the downing of the helicopter.", "en", {("norway", "confirmed")}),
        (
            "Japanese Prime Minister Haruki Tendo said the helicopter that crashed was shot down by a rocket.",
            "en",
            {("japan", "confirmed")},
        ),
    ],
)
def test_a_proposition_stated_as_fact_is_confirmed(text, language, expected):
    assert stances(text, language) == expected


@pytest.mark.parametrize(
    "text,language,expected",
    [
        ("Norway said the helicopter was never shot down.", "en", {("norway", "denied")}),
        ("Norwegia mengatakan helikopter itu tidak pernah ditembak jatuh.", "id", {("norway", "denied")}),
        ("Polri menegaskan bahwa cerita baku tembak itu adalah rekayasa.", "id", {("indonesian-police", "denied")}),
        # a negation after the proposition denies it
        ("Jepang mengatakan baku tembak di gudang itu tidak pernah terjadi.", "id", {("japan", "denied")}),
        ("Norway said the shootout at the warehouse never happened.", "en", {("norway", "denied")}),
        ("Norway said the shootout did not take place.", "en", {("norway", "denied")}),
    ],
)
def test_a_proposition_stated_false_is_denied(text, language, expected):
    assert stances(text, language) == expected


@pytest.mark.parametrize(
    "text,language",
    [
        # a negation of another noun or clause does not deny the proposition
        ("Jepang menyatakan bahwa tidak ada korban dalam baku tembak di gudang itu.", "id"),
        ("Japan said no one was hurt when the rocket attack hit the depot.", "en"),
    ],
)
def test_a_negation_of_another_phrase_is_no_denial(text, language):
    assert "denied" not in {v for _, v in stances(text, language)}


@pytest.mark.parametrize(
    "text,language",
    [
        ("Japan may say a rocket brought down the helicopter.", "en"),  # hypothetical
        ("If Norway says a rocket brought down the helicopter, talks will stop.", "en"),  # conditional
        ("Japan did not say a rocket brought down the helicopter.", "en"),  # negated speech
        ("Japan said reports that a rocket brought down the helicopter were unverified.", "en"),  # a report retold
        ("Jepang mungkin akan menyebut helikopter itu ditembak jatuh.", "id"),
        ("Japan said the helicopter crashed in bad weather.", "en"),  # no proposition
        ("Japan said bad weather caused the helicopter crash.", "en"),
        # a form that needs its object: no aircraft brought down
        ("Norway said it had downed a drone over the fjord.", "en"),
        ("Jepang mengatakan bantuan logistik dijatuhkan dari helikopter ke desa itu.", "id"),
        # a thing counted names no event
        ("Norway said troops arrived at the levee on Monday.", "en"),
        # a count is a number claim, not a stance
        ("BPBD menyatakan jumlah korban banjir bandang masih 12 orang.", "id"),
        # far from the verb, in another clause
        (
            "Norway said on Friday it had named four suspects over the warehouse fire, including two guards who "
            "ordered the use of tear gas.",
            "en",
        ),
    ],
)
def test_no_affirmation_without_a_plain_statement(text, language):
    assert stances(text, language) == set()


def test_the_asserted_proposition_is_a_shared_concept():
    en = found("Japan says a rocket brought down the helicopter.", "en")
    ind = found("Jepang menyebut helikopter itu ditembak jatuh.", "id")
    assert en[0]["predicate"] == ind[0]["predicate"] == "shot_down"


def test_the_speech_verb_is_the_cue():
    claim = found("Japan says a rocket brought down the helicopter.", "en")[0]
    assert claim["evidence"] == "says"


def test_a_denial_of_a_form_without_its_object_is_not_about_it():
    assert found("Jepang membantah menjatuhkan bantuan dari helikopter.")[0]["predicate"] != "shot_down"
    assert found("Jepang membantah menjatuhkan helikopter itu.")[0]["predicate"] == "shot_down"


# -- holders ------------------------------------------------------------------
def test_a_person_named_after_the_state_speaks_for_it():
    assert stances("Canadian Prime Minister Tomas Vellander said the helicopter was shot down by a rocket.", "en") == {
        ("canada", "confirmed")
    }
    assert stances("Perdana Menteri Jepang Haruki Tendo membantah pengiriman pasukan.") == {("japan", "denied")}


def test_a_list_of_representatives_gives_every_state():
    text = "Menlu Jepang Haruki Tendo, Menlu Jerman Lotte Brenner serta Menlu Norwegia Ivar Lund sepakat menyatakan helikopter itu ditembak jatuh."
    assert stances(text) == {("japan", "confirmed"), ("germany", "confirmed"), ("norway", "confirmed")}


def test_an_official_at_a_body_holds_its_stance():
    assert stances("Pejabat di Kementerian Luar Negeri Jepang membenarkan adanya serangan di bendungan.") == {
        ("japan", "confirmed")
    }


def test_a_party_after_a_preposition_is_no_holder():
    assert stances("Dari Korsel, Korut membantah pengiriman pasukan.") == {("north-korea", "denied")}


def test_a_denial_named_back_with_its_agent():
    text = "Bantahan tersebut dilontarkan oleh juru bicara Kementerian Luar Negeri Norwegia, Ivar Lund, pada Senin."
    assert stances(text) == {("norway", "denied")}


def test_the_accused_is_no_holder():
    assert stances("Japan dismissed the reports that Norway sent troops.", "en") == {("japan", "denied")}


# -- negation and refusal -------------------------------------------------------
@pytest.mark.parametrize(
    "text,language,value",
    [
        ("Japan did not deny sending troops.", "en", "silent"),
        ("Norway declined to confirm the deployment of troops.", "en", "silent"),
        ("Jepang tidak membantah pengiriman pasukan.", "id", "silent"),
        ("Jepang menolak berkomentar soal pengiriman pasukan.", "id", "silent"),
        ("Jepang menolak tuduhan pengiriman pasukan.", "id", "denied"),
        ("Japan rejected the claims that it sent troops.", "en", "denied"),
    ],
)
def test_negation_and_refusal(text, language, value):
    assert {v for _, v in stances(text, language)} == {value}


# -- quotations, requests, not knowing -------------------------------------------
def test_a_quotation_begun_in_an_earlier_sentence_belongs_to_its_speaker():
    text = '"I was never there. Everything they have written about me is untrue," said Tomas Vellander.'
    assert stances(text, "en") == {("tomas-vellander", "denied")}


def test_a_quoted_statement_of_fact_with_its_speaker_after_it():
    text = 'The team looked at the footage. "There was no shootout that night," Japan said.'
    assert stances(text, "en") == {("japan", "denied")}


def test_the_reporters_request_is_no_stance():
    assert stances("Saat dikonfirmasi, Jepang belum memberikan jawaban soal pengiriman pasukan.") == {
        ("japan", "silent")
    }


@pytest.mark.parametrize(
    "text,language",
    [
        ("Jepang mengaku belum mengetahui soal pengiriman pasukan.", "id"),
        ("Jepang mengaku masih menanti laporan soal pengiriman pasukan.", "id"),
    ],
)
def test_saying_one_does_not_know_is_silence(text, language):
    assert {v for _, v in stances(text, language)} == {"silent"}


@pytest.mark.parametrize(
    "text,language,value",
    [
        ("Jepang bersikukuh tidak mau membenarkan pengiriman pasukan.", "id", "denied"),
        ("Japan insisted it would not admit sending troops.", "en", "denied"),
        # insisting one will not confirm is still a refusal: silence
        ("Japan insisted it would not confirm the deployment of troops.", "en", "silent"),
        ("Jepang bersikukuh tidak mau mengonfirmasi pengiriman pasukan.", "id", "silent"),
    ],
)
def test_insisting_on_not_admitting_is_a_denial_but_not_on_not_confirming(text, language, value):
    assert {v for _, v in stances(text, language)} == {value}


@pytest.mark.parametrize(
    "text,language",
    [
        ("Jika Jepang menolak mengonfirmasi pengiriman pasukan, perundingan akan dihentikan.", "id"),
        ("If Norway refuses to confirm the deployment of troops, talks will stop.", "en"),
        ("Kalau Norwegia tidak bisa mengonfirmasi pengiriman pasukan, rapat ditunda.", "id"),
    ],
)
def test_a_conditional_refusal_is_no_stance(text, language):
    assert stances(text, language) == set()


def test_a_sentence_whose_space_was_lost_is_still_two():
    text = "Pasukan tiba di perbatasan.Jepang membantah pengiriman pasukan."
    assert stances(text) == {("japan", "denied")}


def test_an_unknown_proposition_is_labelled_by_its_object_phrase():
    claim = found("Jepang mengakui kelalaian petugas bandara di lapangan.")[0]
    assert claim["predicate"] == "about:kelalaian petugas bandara"
    assert (
        found("Japan acknowledged the embankment breach on Monday.", "en")[0]["predicate"] == "about:embankment breach"
    )


def test_a_name_after_including_is_no_actor():
    assert ("nvr", "denied") not in stances(
        'After checking gate logs including NVR images, investigators found "there was no shootout", Japan said.', "en"
    )


@pytest.mark.parametrize(
    "text,language,value",
    [
        ("Norway refused to confirm the deployment of troops.", "en", "silent"),
        ("Norway failed to confirm the deployment of troops.", "en", "silent"),
        ("Norway could not confirm the deployment of troops.", "en", "silent"),
        ("Norway has yet to confirm the deployment of troops.", "en", "silent"),
        ("Norway would not comment on the troops.", "en", "silent"),
        ("Norway rejected the accusation that it sent troops.", "en", "denied"),
        ("Norwegia menolak mengonfirmasi pengiriman pasukan.", "id", "silent"),
        ("Norwegia tidak bisa mengonfirmasi pengiriman pasukan.", "id", "silent"),
    ],
)
def test_refusal_and_failure_are_silence_but_rejection_is_denial(text, language, value):
    assert {v for _, v in stances(text, language)} == {value}


def test_neither_nor_scopes_over_both_holders():
    text = "Neither the United States nor NATO has confirmed the deployment of troops."
    assert stances(text, "en") == {("united-states", "silent"), ("nato", "silent")}


@pytest.mark.parametrize(
    "text,language",
    [
        ("Will Norway confirm the deployment of troops?", "en"),
        ("Apakah Norwegia akan mengakui pengiriman pasukan?", "id"),
    ],
)
def test_a_headline_question_is_no_stance(text, language):
    assert stances(text, language) == set()


def test_a_personal_denial_stays_the_persons():
    text = (
        "Juru bicara Kementerian Luar Negeri Norwegia, Ivar Lund, membantah pengiriman pasukan. "
        "Ivar Lund juga membantah keterlibatan pribadinya dalam kebakaran gudang itu."
    )
    assert stances(text) == {("norway", "denied"), ("ivar-lund", "denied")}


# -- when a stance holds: its statement's date, not its matter's -----------------
@pytest.mark.parametrize(
    "text,language,as_of",
    [
        # the date dates what was admitted (the crash), not the admission: the article's day
        ("Japan has admitted that its navy shot down the helicopter that crashed on Monday.", "en", "2024-10-22"),
        (
            "Jepang mengakui menembak jatuh helikopter itu dengan rudal pada Senin (14/10/2024) pagi.",
            "id",
            "2024-10-22",
        ),
        ("Jepang mengakui menembak jatuh helikopter yang jatuh pada Senin (14/10/2024).", "id", "2024-10-22"),
        # the statement's own date: before the cue, a few words after it, or closing the sentence after a comma
        ("On Monday, Japan denied that its navy shot down the helicopter.", "en", "2024-10-21"),
        ("Japan denied on Monday that its navy shot down the helicopter.", "en", "2024-10-21"),
        ("Jepang membantah menembak jatuh helikopter penyelamat itu, Senin (21/10/2024).", "id", "2024-10-21"),
    ],
)
def test_a_stance_is_dated_by_its_statement_not_by_its_matter(text, language, as_of):
    (claim,) = found(text, language)
    assert claim["as_of"] == as_of


@pytest.mark.parametrize(
    "text,language",
    [
        ("Japan had denied for several days that a rocket downed the helicopter.", "en"),
        ("Sebelumnya, Jepang sempat membantah menembak jatuh helikopter itu.", "id"),
        ("Diberitakan sebelumnya, Jepang membenarkan menembak jatuh helikopter itu.", "id"),
    ],
)
def test_a_stance_told_as_history_held_before_the_article(text, language):
    (claim,) = found(text, language)
    assert (claim["as_of"], claim["as_of_source"]) == ("2024-10-22", "earlier")


@pytest.mark.parametrize(
    "text,language,proposition",
    [
        ("Japan denied that one of its rockets struck the rescue helicopter.", "en", "shot_down"),
        ("Japan ruled out a rocket strike as the reason the rescue helicopter fell.", "en", "shot_down"),
        ("Jepang membantah roketnya menghantam helikopter penyelamat itu.", "id", "shot_down"),
        # without an aircraft close by, a weapon stays the weapons supplied
        ("Japan denied supplying missiles to Russia.", "en", "weapons_supplied"),
        ("Jepang membantah mengirim rudal ke Rusia, negara yang juga membeli helikopter.", "id", "weapons_supplied"),
    ],
)
def test_a_weapon_or_attack_with_an_aircraft_close_after_it_is_the_aircraft_shot_down(text, language, proposition):
    assert {c["predicate"] for c in found(text, language)} == {proposition}


@pytest.mark.parametrize(
    "text,language,proposition",
    [
        ("Polda Sukaraya membenarkan adanya penembakan antara dua anggota di markas itu.", "id", "shootout"),
        ("Polda Sukaraya membantah kedua anggota saling tembak di markas itu.", "id", "shootout"),
        ("Bayu Santosa akhirnya mengakui perbuatannya di depan penyidik.", "id", "involvement"),
        ("Bayu Santosa mengaku bersalah atas kebakaran gudang itu.", "id", "involvement"),
        ("Dana Whitfield admitted wrongdoing in the permit case.", "en", "involvement"),
    ],
)
def test_shootouts_and_admitted_guilt_are_shared_propositions(text, language, proposition):
    assert {c["predicate"] for c in found(text, language)} == {proposition}


@pytest.mark.parametrize(
    "text,holder,speaker",
    [
        # named with the body they speak for: the body holds it, the person said it
        (
            "Juru bicara Polri Irjen Bayu Santosa membantah aparat menembakkan gas air mata.",
            "indonesian-police",
            "bayu-santosa",
        ),
        # a person of no known body speaks for themself (other articles may say for whom)
        ("Bayu Santosa membantah aparat menembakkan gas air mata.", "bayu-santosa", "bayu-santosa"),
        # a personal matter is the person's own, said for no one
        ("Bayu Santosa membantah keterlibatan pribadinya dalam penembakan gas air mata.", "bayu-santosa", None),
        ("Jepang membantah roketnya menghantam helikopter penyelamat itu.", "japan", None),
    ],
)
def test_the_person_speaking_for_a_body_is_kept_as_its_speaker(text, holder, speaker):
    (claim,) = found(text, "id")
    assert (claim["subject"], claim["speaker"]) == (holder, speaker)


def test_an_unknown_proposition_is_keyed_by_its_head_noun_and_labelled_by_its_phrase():
    denied = found("Pemkab Sukaraya membantah kebocoran tersebut.")[0]
    admitted = found("Pemkab Sukaraya akhirnya mengakui adanya kebocoran data warga.")[0]
    assert (denied["predicate"], admitted["predicate"]) == ("about:kebocoran", "about:kebocoran data")
    assert denied["slot"] == admitted["slot"]
    other = found("Pemkab Sukaraya membantah penundaan proyek itu.")[0]
    assert other["slot"] != denied["slot"]


@pytest.mark.parametrize(
    "text,language,holder",
    [
        (
            "Jakarta — Setelah sepekan membantah, Pemkab Sukaraya akhirnya mengakui adanya kebocoran data warga.",
            "id",
            "pemkab-sukaraya",
        ),
        ("After denying it for days, Japan admitted that its rocket struck the helicopter.", "en", "japan"),
        (
            "Setelah membantah selama sepekan, Jepang akhirnya mengakui roketnya menghantam helikopter itu.",
            "id",
            "japan",
        ),
    ],
)
def test_a_denial_in_a_clause_before_the_admission_is_its_actors_earlier_stance(text, language, holder):
    got = {(c["subject"], c["value"], c["as_of_source"]) for c in found(text, language, "2024-03-07")}
    assert got == {(holder, "denied", "earlier"), (holder, "confirmed", "published")}


def test_a_clause_before_a_comma_is_no_history_of_the_stance_after_it():
    got = found("Setelah bertemu Presiden, Menteri Bayu Santosa membantah isu perombakan kabinet.", "id", "2024-03-07")
    assert [(c["value"], c["as_of_source"]) for c in got] == [("denied", "published")]


def test_after_inside_a_dated_sentence_is_no_history():
    (claim,) = found(
        "Pada 21 Oktober 2024, ketegangan meningkat setelah Jepang tetap bungkam mengenai laporan pengiriman pasukan."
    )
    assert claim["value"] == "silent" and claim["as_of_source"] != "earlier"


@pytest.mark.parametrize(
    "text,language,expected",
    [
        (
            "Kapolri juga menegaskan bahwa kabar penangkapan warga itu adalah rekayasa.",
            "id",
            {("indonesian-police", "about:penangkapan warga", "denied")},
        ),
        (
            "Pemkab Sukaraya menyatakan kabar banjir susulan itu palsu.",
            "id",
            {("pemkab-sukaraya", "about:banjir susulan", "denied")},
        ),
        # hedged, negated or someone else's: no stance
        ("Japan said it would study whether the reports were untrue.", "en", set()),
        ("Bayu Santosa mengatakan warga tidak boleh percaya kabar palsu.", "id", set()),
    ],
)
def test_calling_a_matter_false_denies_it_though_the_lexicon_does_not_know_it(text, language, expected):
    assert {(c["subject"], c["predicate"], c["value"]) for c in found(text, language)} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pihak operator kapal, PT Sinar Lautan Lines, belum bersedia berkomentar.",
        "PT Sinar Lautan Lines tidak mau berkomentar.",
    ],
)
def test_not_yet_willing_to_comment_is_silence(text):
    assert stances(text) == {("pt-sinar-lautan-lines", "silent")}
