"""Our hooks on Datasette's plugin manager: a third-party extractor, lexicon and user aliases."""

import pytest
from conftest import claims_of, load, rows
from datasette import hookimpl
from datasette.plugins import pm

from datasette_factcheck import lexicon
from datasette_factcheck.extension import Extractor


class Exclamations(Extractor):
    """Counts exclamation marks as a number claim: silly, but easy to see."""

    name = "exclamations"

    def extract(self, doc):
        for i, (s, e) in enumerate(doc.sentences):
            if doc.text[s:e].endswith("!"):
                yield doc.claim("number", i, e - 1, e, "1", None, "exclamation", value_num=1.0)


class ToyExtractor:
    @hookimpl
    def factcheck_extractors(self):
        return [Exclamations()]


class ToyLexicon:
    @hookimpl
    def factcheck_lexicons(self):
        return [
            {
                "entities": [
                    {
                        "id": "atlantis",
                        "name": "Atlantis",
                        "kind": "country",
                        "aliases": ["Atlantis", "Negeri Atlantis"],
                    }
                ]
            }
        ]


@pytest.fixture
def registered():
    plugins = []

    def register(plugin):
        pm.register(plugin)
        lexicon.reset()
        plugins.append(plugin)

    yield register
    for plugin in plugins:
        pm.unregister(plugin)
    lexicon.reset()


def test_third_party_extractor(registered):
    registered(ToyExtractor())
    found = claims_of("Rusia membantah laporan itu!", "id", "2024-10-22")
    toy = [c for c in found if c["predicate"] == "exclamation"]
    assert len(toy) == 1 and toy[0]["extractor"] == "exclamations"
    assert any(c["kind"] == "stance" for c in found)  # the built-ins still run


def test_third_party_lexicon_adds_an_entity(registered):
    registered(ToyLexicon())
    found = claims_of("Negeri Atlantis membantah laporan itu.", "id", "2024-10-22")
    assert [(c["subject"], c["value"]) for c in found if c["kind"] == "stance"] == [("atlantis", "denied")]


def test_user_alias_applies_on_reload(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Negeri Ginseng membantah laporan pengiriman pasukan.\n", encoding="utf-8")
    db = tmp_path / "a.db"
    assert load(db, folder).exit_code == 0
    before = rows(db, "select subject from claims where kind = 'stance'")
    assert before and before[0]["subject"] != "south-korea"
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("insert or replace into entity_aliases (alias, entity_id) values ('Negeri Ginseng', 'south-korea')")
    conn.commit()
    conn.close()
    assert load(db, folder).exit_code == 0
    after = rows(db, "select subject from claims where kind = 'stance'")
    assert [r["subject"] for r in after] == ["south-korea"]
    # and loading again after that changes nothing
    snapshot = rows(db, "select * from claims order by id")
    assert load(db, folder).exit_code == 0
    assert rows(db, "select * from claims order by id") == snapshot


class Poison(Extractor):
    """Yields a claim the database refuses (no value) for articles saying "POISON"."""

    name = "poison"

    def extract(self, doc):
        if "POISON" in doc.text:
            yield doc.claim("number", 0, 0, 6, None, None, "poison")


class BrokenExtractor:
    @hookimpl
    def factcheck_extractors(self):
        return [Poison()]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_article_the_database_refuses_loses_only_itself(registered, tmp_path, workers):
    """Articles are written a batch per transaction; one that fails rolls back
    alone (its savepoint), reported with its reference, and its neighbours in
    the batch are stored whole."""
    registered(BrokenExtractor())
    lines = [
        '{"id": "a", "text": "Polisi menyebut 12 orang tewas dalam banjir di Kota Sumber."}',
        '{"id": "b", "text": "POISON: 30 orang tewas dalam banjir di Kota Sumber."}',
        '{"id": "c", "text": "Warga menyebut 15 orang tewas dalam banjir di Kota Sumber."}',
    ]
    corpus = tmp_path / "batch.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "f.db"
    result = load(db, corpus, args=["--workers", workers])
    assert result.exit_code == 1
    assert "could not store b" in result.output and "batch.jsonl" in result.output
    stored = rows(db, "select ref from articles order by ref")
    assert [r["ref"] for r in stored] == ["a", "c"]
    assert {
        r["ref"] for r in rows(db, "select distinct a.ref from claims c join articles a on a.id = c.article_id")
    } == {"a", "c"}
    assert rows(db, "select count(*) n from claims where predicate = 'poison'")[0]["n"] == 0
    assert rows(db, "select path, reason from load_errors")[0]["reason"].startswith("could not store b")
