"""Stances on invented sentences: who holds them, negation and modality over
the clause, statements of fact as affirmations, propositions by concept."""
import pytest

from conftest import claims_of, of_kind


def stances(text, language="id", published="2024-10-22"):
    return {(c["subject"], c["value"]) for c in of_kind(claims_of(text, language, published), "stance")}


def found(text, language="id", published="2024-10-22"):
    return of_kind(claims_of(text, language, published), "stance")


# -- a proposition stated as fact affirms it -----------------------------------
@pytest.mark.parametrize("text,language,expected", [
    ("Japan says a missile downed the cargo plane over the strait.", "en", {("japan", "confirmed")}),
    ("Australia said its intelligence showed the airliner was shot down by a rocket.", "en", {("australia", "confirmed")}),
    ("Jepang menyebut pesawat kargo itu dijatuhkan oleh rudal.", "id", {("japan", "confirmed")}),
    ("Pemerintah Jerman mengatakan bahwa pasukan Norwegia menembak jatuh helikopter itu.", "id", {("germany", "confirmed")}),
    # a hedged assessment still affirms
    ("French officials said it was highly likely that a missile downed the jet.", "en", {("france", "confirmed")}),
    # a manner negation ("tidak sengaja") is not a denial
    ("Jepang percaya bahwa Norwegia secara tidak sengaja menembak jatuh pesawat itu.", "id", {("japan", "confirmed")}),
])
def test_a_proposition_stated_as_fact_is_confirmed(text, language, expected):
    assert stances(text, language) == expected


@pytest.mark.parametrize("text,language,expected", [
    ("Norway said no missile hit the plane.", "en", {("norway", "denied")}),
    ("Norwegia mengatakan tidak ada rudal yang menembak jatuh pesawat itu.", "id", {("norway", "denied")}),
    ("Polri menegaskan bahwa cerita baku tembak itu adalah rekayasa.", "id", {("indonesian-police", "denied")}),
    ("Norway ruled out a missile strike as the cause of the crash.", "en", {("norway", "denied")}),
])
def test_a_proposition_stated_false_is_denied(text, language, expected):
    assert stances(text, language) == expected


@pytest.mark.parametrize("text,language", [
    ("Japan may say a missile downed the plane.", "en"),                        # hypothetical
    ("If Norway says a missile downed the plane, talks will stop.", "en"),       # conditional
    ("Japan did not say a missile downed the plane.", "en"),                    # negated speech
    ("Japan said reports that a missile downed the plane were unverified.", "en"),  # a report retold
    ("Jepang mungkin akan menyebut pesawat itu dijatuhkan oleh rudal.", "id"),
    ("Japan said the plane crashed in bad weather.", "en"),                      # no assertable proposition
])
def test_no_affirmation_without_a_plain_statement(text, language):
    assert stances(text, language) == set()


def test_the_asserted_proposition_is_a_shared_concept():
    en = found("Japan says a missile downed the plane.", "en")
    ind = found("Jepang menyebut pesawat itu ditembak jatuh.", "id")
    assert en[0]["predicate"] == ind[0]["predicate"] == "shot_down"


def test_the_speech_verb_is_the_cue():
    claim = found("Japan says a missile downed the plane.", "en")[0]
    assert claim["evidence"] == "says"


# -- holders ------------------------------------------------------------------
def test_a_person_named_after_the_state_speaks_for_it():
    assert stances("Canadian Prime Minister Tomas Vellander said the jet was shot down by a missile.", "en") \
        == {("canada", "confirmed")}
    assert stances("Perdana Menteri Jepang Haruki Tendo membantah pengiriman pasukan.") == {("japan", "denied")}


def test_a_list_of_representatives_gives_every_state():
    text = "PM Jepang Haruki Tendo, PM Jerman Lotte Brenner dan PM Norwegia Ivar Lund kompak menyebut pesawat itu ditembak jatuh."
    assert stances(text) == {("japan", "confirmed"), ("germany", "confirmed"), ("norway", "confirmed")}


def test_an_official_at_a_body_holds_its_stance():
    assert stances("Pejabat di Mabes Polri membenarkan adanya baku tembak.") == {("indonesian-police", "confirmed")}


def test_a_party_after_a_preposition_is_no_holder():
    assert stances("Dari Korsel, Korut membantah pengiriman pasukan.") == {("north-korea", "denied")}


def test_a_denial_named_back_with_its_agent():
    text = "Bantahan ini disampaikan oleh juru bicara Kementerian Luar Negeri Norwegia, Ivar Lund."
    assert stances(text) == {("norway", "denied")}


def test_the_accused_is_no_holder():
    assert stances("Japan dismissed the reports that Norway sent troops.", "en") == {("japan", "denied")}


# -- negation and refusal -------------------------------------------------------
@pytest.mark.parametrize("text,language,value", [
    ("Japan did not deny sending troops.", "en", "silent"),
    ("Norway declined to confirm the deployment of troops.", "en", "silent"),
    ("Jepang tidak membantah pengiriman pasukan.", "id", "silent"),
    ("Jepang menolak berkomentar soal pengiriman pasukan.", "id", "silent"),
    ("Jepang menolak tuduhan pengiriman pasukan.", "id", "denied"),
    ("Japan rejected the claims that it sent troops.", "en", "denied"),
])
def test_negation_and_refusal(text, language, value):
    assert {v for _, v in stances(text, language)} == {value}


# -- quotations, requests, not knowing -------------------------------------------
def test_a_quotation_begun_in_an_earlier_sentence_belongs_to_its_speaker():
    text = '"I was never at the depot. I repeat, all of these accusations are untrue," said Tomas Vellander.'
    assert stances(text, "en") == {("tomas-vellander", "denied")}


def test_a_quoted_statement_of_fact_with_its_speaker_after_it():
    text = 'The team looked at the footage. "There was no shootout that night," Japan said.'
    assert stances(text, "en") == {("japan", "denied")}


def test_the_reporters_request_is_no_stance():
    assert stances("Saat dikonfirmasi, Jepang belum memberikan jawaban soal pengiriman pasukan.") == {("japan", "silent")}


@pytest.mark.parametrize("text,language", [
    ("Jepang mengaku belum mengetahui soal pengiriman pasukan.", "id"),
    ("Jepang mengaku masih menunggu informasi soal pengiriman pasukan.", "id"),
])
def test_saying_one_does_not_know_is_silence(text, language):
    assert {v for _, v in stances(text, language)} == {"silent"}


def test_insisting_on_not_admitting_is_a_denial():
    assert {v for _, v in stances("Jepang bersikeras tidak mau mengakui pengiriman pasukan.")} == {"denied"}


def test_a_sentence_whose_space_was_lost_is_still_two():
    text = "Pasukan tiba di perbatasan.Jepang membantah pengiriman pasukan."
    assert stances(text) == {("japan", "denied")}


def test_an_unknown_proposition_is_labelled_by_its_object_phrase():
    claim = found("Jepang mengakui kelalaian petugas bandara di lapangan.")[0]
    assert claim["predicate"] == "about:kelalaian petugas bandara"
    assert found("Japan acknowledged the embankment breach on Monday.", "en")[0]["predicate"] == "about:embankment breach"


def test_a_name_after_including_is_no_actor():
    assert ("cctv", "denied") not in stances(
        'After a review of records including CCTV footage, it was concluded that "there was no shootout", Japan said.', "en")


@pytest.mark.parametrize("text,language,value", [
    ("Norway refused to confirm the deployment of troops.", "en", "silent"),
    ("Norway failed to confirm the deployment of troops.", "en", "silent"),
    ("Norway could not confirm the deployment of troops.", "en", "silent"),
    ("Norway has yet to confirm the deployment of troops.", "en", "silent"),
    ("Norway would not comment on the troops.", "en", "silent"),
    ("Norway rejected the accusation that it sent troops.", "en", "denied"),
    ("Norwegia menolak mengonfirmasi pengiriman pasukan.", "id", "silent"),
    ("Norwegia tidak bisa mengonfirmasi pengiriman pasukan.", "id", "silent"),
])
def test_refusal_and_failure_are_silence_but_rejection_is_denial(text, language, value):
    assert {v for _, v in stances(text, language)} == {value}


def test_neither_nor_scopes_over_both_holders():
    text = "Neither the United States nor NATO has confirmed the deployment of troops."
    assert stances(text, "en") == {("united-states", "silent"), ("nato", "silent")}


@pytest.mark.parametrize("text,language", [
    ("Will Norway confirm the deployment of troops?", "en"),
    ("Apakah Norwegia akan mengakui pengiriman pasukan?", "id"),
])
def test_a_headline_question_is_no_stance(text, language):
    assert stances(text, language) == set()
