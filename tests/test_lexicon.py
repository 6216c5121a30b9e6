"""The lexicon data files: well-formed, and language is data."""
import yaml

from datasette_factcheck import lexicon
from datasette_factcheck.builtins import LEXICONS


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
    assert {by_alias[a.casefold()] for a in ["Korea Utara", "Korut", "Pyongyang", "North Korea", "DPRK"]} == {"north-korea"}
    assert {by_alias[a.casefold()] for a in ["Korea Selatan", "Korsel", "Seoul", "South Korea"]} == {"south-korea"}
