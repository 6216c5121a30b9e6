"""The lexicon data files: well-formed, checked against the schema, and
language is data; what cannot be data is one morphology module per language."""

import pytest
import yaml
from datasette import hookimpl
from datasette.plugins import pm

from datasette_factcheck import lexicon
from datasette_factcheck.builtins import LEXICONS
from datasette_factcheck.extract import dates, numbers
from datasette_factcheck.lexicon import LexiconError, UndeclaredKey, schema


def test_every_word_is_a_string():
    """YAML turns bare yes/no/on/off/~ into booleans and null; every word must stay a word."""

    def walk(value, where):
        if isinstance(value, dict):
            for k, v in value.items():
                assert isinstance(k, str), f"{where}: key {k!r}"
                walk(v, f"{where}.{k}")
        elif isinstance(value, list):
            for v in value:
                assert isinstance(v, (str, dict)), f"{where}: {v!r}"
                walk(v, where)

    for path in LEXICONS.glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, value in data.items():
            if key not in {"months", "weekdays", "scales", "number_words", "number_multipliers", "vague"}:
                walk(value, f"{path.name}:{key}")


def test_languages_share_one_shape():
    id_keys = set(yaml.safe_load((LEXICONS / "id.yml").read_text(encoding="utf-8")))
    en_keys = set(yaml.safe_load((LEXICONS / "en.yml").read_text(encoding="utf-8")))
    assert id_keys == en_keys


def test_aliases_are_unique_across_entities():
    seen = {}
    for entity in lexicon.entities():
        for alias in entity["aliases"]:
            key = alias.casefold()
            assert seen.setdefault(key, entity["id"]) == entity["id"], alias


def test_contract_alias_groups():
    by_alias = {a.casefold(): e["id"] for e in lexicon.entities() for a in e["aliases"]}
    assert {by_alias[a.casefold()] for a in ["Korea Utara", "Korut", "Pyongyang", "North Korea", "DPRK"]} == {
        "north-korea"
    }
    assert {by_alias[a.casefold()] for a in ["Korea Selatan", "Korsel", "Seoul", "South Korea"]} == {"south-korea"}


# -- the schema --------------------------------------------------------------
SHIPPED = {code: LEXICONS / f"{code}.yml" for code in ("id", "en")}
_alive = []  # registered plugins stay referenced: a reused id() must never pass for an old plugin


class LexiconPlugin:
    def __init__(self, *sources):
        self.sources = list(sources)

    @hookimpl
    def factcheck_lexicons(self):
        return self.sources


@pytest.fixture
def plugin_lexicon():
    """Register a plugin returning the given lexicon sources (paths or dicts) as ``name``."""
    registered = []

    def register(*sources, name="toy-lexicon"):
        plugin = LexiconPlugin(*sources)
        _alive.append(plugin)
        pm.register(plugin, name=name)
        registered.append(plugin)
        lexicon.reset()

    yield register
    for plugin in registered:
        pm.unregister(plugin)
    lexicon.reset()


def load_error():
    with pytest.raises(LexiconError) as caught:
        lexicon.raw()
    return str(caught.value), caught.value


def test_unknown_key_in_a_file_names_the_file_and_the_key(tmp_path, plugin_lexicon):
    path = tmp_path / "kerajaan.yml"
    path.write_text("language: id\ntitels: [baginda, sri paduka]\n", encoding="utf-8")
    plugin_lexicon(path)
    message, error = load_error()
    assert str(path) in message and "'titels'" in message and "did you mean 'titles'" in message
    assert (error.source, error.key) == (str(path), "titels")


@pytest.mark.parametrize(
    "text, key, says",
    [
        ("language: id\ntitles: baginda\n", "titles", "expected a list of words"),
        ("language: id\nnegations: [tidak, no]\n", "negations", "boolean False"),  # YAML's bare no
        ("language: id\nmonths:\n  djanuari: 13\n", "months", "'djanuari': expected an integer from 1 to 12, got 13"),
        ("language: id\nvague:\n  segudang: [900, 9]\n", "vague", "low <= high"),
        ("language: id\nhedges:\n  kurang-lebih: [kurleb]\n", "hedges", "unknown name 'kurang-lebih'"),
        ("language: id\nzones:\n  wib: seven\n", "zones", "UTC offset"),
        ("language: id\nheader_patterns:\n  author: '^pengarang: .*$'\n", "header_patterns", "capture the value"),
        ("titles: [baginda]\n", "language", "must say which language"),
        ("entities:\n  - id: zorbania\n    name: Zorbania\n", "entities", "has no 'aliases'"),
    ],
)
def test_a_wrong_typed_value_names_the_file_and_the_key(tmp_path, plugin_lexicon, text, key, says):
    path = tmp_path / "salah.yml"
    path.write_text(text, encoding="utf-8")
    plugin_lexicon(path)
    message, error = load_error()
    assert message.startswith(f"{path}: key {key!r}: ") and says in message, message
    assert error.key == key


def test_a_file_that_is_not_yaml_names_the_file(tmp_path, plugin_lexicon):
    path = tmp_path / "rusak.yml"
    path.write_text("language: id\ntitles: [baginda\n", encoding="utf-8")
    plugin_lexicon(path)
    message, _ = load_error()
    assert message.startswith(f"{path}: not valid YAML")


def test_a_plugin_lexicon_with_a_bad_key_names_the_plugin_and_the_key(plugin_lexicon):
    plugin_lexicon({"language": "id", "prepositons": ["menuju"]}, name="zorbanian-words")
    message, error = load_error()
    assert (
        "plugin 'zorbanian-words'" in message
        and "'prepositons'" in message
        and "did you mean 'prepositions'" in message
    )
    assert error.key == "prepositons"


def test_a_plugin_language_missing_a_required_key_names_the_language_plugin_and_key(plugin_lexicon):
    plugin_lexicon({"language": "zb", "decimal": ",", "group": ".", "titles": ["grand vizier"]}, name="zorbanian")
    message, error = load_error()
    assert message.startswith("the 'zb' lexicon (from plugin 'zorbanian'") and "'months': missing" in message
    assert error.key == "months"


def test_a_plugin_extending_a_language_is_checked_once_merged(plugin_lexicon):
    plugin_lexicon({"language": "id", "attached_only_scales": ["zillion"]}, name="zillions")
    message, error = load_error()
    assert "the 'id' lexicon" in message and "plugin 'zillions'" in message and "id.yml" in message
    assert "'zillion' is not an entry of 'scales'" in message and error.key == "attached_only_scales"


def test_a_good_plugin_lexicon_extends_a_language(plugin_lexicon):
    plugin_lexicon({"language": "id", "titles": ["grand vizier"], "currency_marks": ["Zb$"]})
    assert "grand vizier" in lexicon.get("id")["titles"] and "presiden" in lexicon.get("id")["titles"]
    assert "Zb$" in lexicon.shared()["currency_marks"]


def test_code_asking_for_an_undeclared_key_fails():
    lex = lexicon.get("id")
    with pytest.raises(UndeclaredKey, match="'titels' is not a lexicon key.*did you mean 'titles'"):
        lex["titels"]
    with pytest.raises(UndeclaredKey, match="'titels'"):
        lex.sets["titels"]
    with pytest.raises(UndeclaredKey, match="'titels'"):
        lex.sets.get("titels", set())  # no quiet default either
    with pytest.raises(UndeclaredKey, match="'months' is not a word list"):
        lex.sets["months"]
    with pytest.raises(UndeclaredKey, match="no pattern 'titel'"):
        lex.re["titel"]
    with pytest.raises(UndeclaredKey, match="'titles' is not a shared key"):
        lexicon.shared()["titles"]
    assert issubclass(UndeclaredKey, KeyError)


def test_an_optional_key_left_out_is_its_empty_value(plugin_lexicon):
    declared = {k.name: k for k in schema.LANGUAGE_KEYS}
    minimal = {
        k: yaml.safe_load(SHIPPED["en"].read_text(encoding="utf-8"))[k] for k, v in declared.items() if v.required
    }
    plugin_lexicon(dict(minimal, language="zb"))
    lex = lexicon.get("zb")
    assert lex.code == "zb" and lex["titles"] == [] and lex.sets["titles"] == set()
    assert lex.re["title"].search("President Zorba") is None


@pytest.mark.parametrize("code", sorted(SHIPPED))
def test_every_schema_key_is_present_or_optional_in_the_shipped_languages(code):
    data = yaml.safe_load(SHIPPED[code].read_text(encoding="utf-8"))
    schema.check_source(data, SHIPPED[code].name)
    assert data["language"] == code
    for key in schema.LANGUAGE_KEYS:
        assert key.name in data or not key.required, f"{code}.yml lacks the required key {key.name!r}"
    assert set(data) <= set(schema.LANGUAGE), set(data) - set(schema.LANGUAGE)
    schema.check_language(lexicon.raw()[0][code], code)
    assert all(key in lexicon.get(code).data for key in schema.LANGUAGE)


def test_the_entities_file_fits_the_schema():
    data = yaml.safe_load((LEXICONS / "entities.yml").read_text(encoding="utf-8"))
    schema.check_source(data, "entities.yml")
    assert set(data) == {"entities"}


def test_the_schema_is_checked_once_a_process(monkeypatch):
    from conftest import claims_of

    calls = []
    check = schema.check_source
    monkeypatch.setattr(schema, "check_source", lambda data, source: (calls.append(source), check(data, source)))
    lexicon.reset()
    try:
        for text in ["Zorbania membantah laporan itu.", "Pada Senin (21/10), 12 orang tewas.", "Zorbania denied it."]:
            claims_of(text, "id", "2024-10-22")
        assert len(calls) == len(set(calls)) == len(list(LEXICONS.glob("*.yml")))
    finally:
        lexicon.reset()


def test_language_words_come_from_the_lexicons():
    """Words the extractors used to hold in Python are schema keys now."""
    id_, en = lexicon.get("id"), lexicon.get("en")
    assert {"utara", "north"} <= lexicon.shared().sets["directions"]
    assert "asal" in id_.sets["origin_markers"] and "dari" in id_.sets["hedge_links"] and "of" in en.sets["hedge_links"]
    assert {"rb", "jt", "k", "K", "bn", "m"} <= set(lexicon.shared()["attached_scales"])
    assert {"Rp", "US$"} <= set(lexicon.shared()["currency_marks"])
    assert lexicon.shared()["meridiems"] == {"am": 0, "pm": 12}


def test_one_folding():
    assert lexicon.norm("  STRASSE-Straße\tZorba ") == "strasse strasse zorba"
    assert lexicon.fold("ZORBA-Zorba") == "zorba-zorba"


# -- morphology: one module per language, found by language code --------------
def test_each_language_has_its_morphology_module():
    from datasette_factcheck.lexicon import en as en_morphology
    from datasette_factcheck.lexicon import id as id_morphology
    from datasette_factcheck.lexicon.morphology import Morphology

    assert type(lexicon.get("id").morph) is id_morphology.Morphology
    assert type(lexicon.get("en").morph) is en_morphology.Morphology
    assert morphology_of("zb") is Morphology  # a language without a module of its own


def morphology_of(code):
    from datasette_factcheck.lexicon import morphology

    return morphology.for_language(code)


@pytest.mark.parametrize(
    "after, expected",
    [
        (", gerutunya.", True),  # any word carrying the clitic: said-he
        (" blorongnya kemudian", True),  # an invented verb: the clitic, not the word, says who
        (", dia menggerutu.", True),
        (", mereka berseru.", True),
        (", Blorong menggerutu.", False),  # a name, not a pronoun: the speaker must be named
        (", nya.", False),  # a bare clitic carries nothing
        (", said he.", False),  # English inversion is not Indonesian
    ],
)
def test_indonesian_speaker_pronouns(after, expected):
    assert lexicon.get("id").morph.speaker_pronoun(after) is expected


def test_indonesian_clitics_are_stripped_for_look_ups():
    lex = lexicon.get("id")
    mapping = {"kresek": "bag"}
    assert [lex.lookup(mapping, w) for w in ("kresek", "Kreseknya", "kresekpun", "kreseklah", "kresekny", "nya")] == [
        "bag",
        "bag",
        "bag",
        "bag",
        None,
        None,
    ]
    assert list(lex.morph.stems("zorbanya")) == ["zorbanya", "zorba"]
    assert (
        lex.morph.possessive("Zorbania's utusan", len("Zorbania")) is False
    )  # Indonesian marks no possessive on the name


def test_indonesian_clitic_gives_the_quote_to_the_previous_holder():
    from conftest import claims_of

    found = claims_of(
        'Negeri Zorba membantah laporan pengiriman pasukan. "Kami tidak pernah mengirim pasukan," gerutunya.',
        "id",
        "2024-10-22",
    )
    stances = [(c["subject"], c["value"]) for c in found if c["kind"] == "stance"]
    assert stances == [("negeri-zorba", "denied"), ("negeri-zorba", "denied")]


@pytest.mark.parametrize(
    "after, expected",
    [
        (", said she.", True),  # inversion
        (", she grumbled.", True),
        (", it announced.", True),
        (", grumbled they.", True),
        (", said it.", False),  # "it" only before its verb
        (", Zorba said.", False),
        (", gerutunya.", False),  # the Indonesian clitic is not English
    ],
)
def test_english_speaker_pronouns(after, expected):
    assert lexicon.get("en").morph.speaker_pronoun(after) is expected


def test_english_possessive_and_suffixes():
    lex = lexicon.get("en")
    assert lex.morph.possessive("Zorbania's envoy", len("Zorbania")) is True
    assert lex.morph.possessive("Zorbania’s envoy", len("Zorbania")) is True
    assert lex.morph.possessive("Zorbania envoy", len("Zorbania")) is False
    assert lex.morph.possessive("Zorbania'sx", len("Zorbania")) is False
    assert lex.lookup({"zorbanian": 1}, "Zorbanian's") == 1


def test_english_ordinal_days_and_indonesian_days():
    en, id_ = lexicon.get("en"), lexicon.get("id")

    def first(text, lex):
        found = dates.find(text, 0, len(text), lex)
        return found[0].value if found and dates.resolve(found[0]) else None

    assert first("Zorba landed on the 23rd of March 2031.", en) == "2031-03-23"
    assert first("Zorba landed on March 2nd, 2031.", en) == "2031-03-02"
    assert first("Zorba mendarat pada 23 Maret 2031.", id_) == "2031-03-23"
    assert first("Zorba mendarat pada 23rd Maret 2031.", id_) == "2031-03"  # no English ordinals in Indonesian


def test_scale_abbreviations_written_onto_the_digits():
    en, id_ = lexicon.get("en"), lexicon.get("id")

    def values(text, lex):
        return [n.value for n in numbers.find(text, 0, len(text), lex)]

    assert values("Zorbania sent 5m zorbs.", en) == [5_000_000]
    assert values("Zorbania sent 5 m of rope.", en) == [5]  # five metres, not five million
    assert values("Zorbania sent 10k zorbs and 2bn zorbs.", en) == [10_000, 2_000_000_000]
    assert values("Zorbania mengirim 3rb zorb dan 4jt zorb.", id_) == [3_000, 4_000_000]
    assert values("At 19.00 WIB, 12 Zorbanians arrived.", en) == [12]  # a time word of any lexicon
    assert values("Pukul 9.30 p.m., 7 warga Zorba tiba.", id_) == [7]
    assert [n.percent for n in numbers.find("Naik 5 persen.", 0, 14, id_)] == [True]


def test_a_clock_time_with_a_meridiem():
    lexes = [lexicon.get(c) for c in lexicon.languages()]
    assert dates.parse_datetime("March 3, 2031 12:05 a.m. GMT", lexes) == "2031-03-03T00:05:00+00:00"
    assert dates.parse_datetime("March 3, 2031 12:05 PM", lexes) == "2031-03-03T12:05:00"
    assert dates.parse_datetime("3 Maret 2031 7.15 pm WIB", lexes) == "2031-03-03T19:15:00+07:00"


def test_direction_words_guard_fuzzy_names():
    from datasette_factcheck.extract.entities import Matcher

    matcher = Matcher(
        [
            ("Zorbania Utara", "north-zorbania", "North Zorbania"),
            ("Zorbania Selatan", "south-zorbania", "South Zorbania"),
        ]
    )
    assert matcher.fuzzy("Zorbanai Utara") == "north-zorbania"  # a misspelt name
    assert matcher.fuzzy("Zorbania Utarra") is None  # a direction is never gained or lost, even misspelt
