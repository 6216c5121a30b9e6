"""Our own pluggy hooks: a third-party extractor, lexicon and user aliases."""
import pytest

from conftest import claims_of, load, rows
from datasette_factcheck import lexicon
from datasette_factcheck.hookspecs import hookimpl
from datasette_factcheck.plugins import pm


class ToyExtractor:
    """Counts exclamation marks as a number claim: silly, but easy to see."""

    @hookimpl
    def factcheck_extractors(self):
        def exclamations(doc):
            for i, (s, e) in enumerate(doc.sentences):
                if doc.text[s:e].endswith("!"):
                    yield doc.claim("number", i, e - 1, e, "1", None, "exclamation", value_num=1.0)
        return [exclamations]


class ToyLexicon:
    @hookimpl
    def factcheck_lexicons(self):
        return [{"entities": [{"id": "atlantis", "name": "Atlantis", "kind": "country", "aliases": ["Atlantis", "Negeri Atlantis"]}]}]


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
    assert len(toy) == 1 and toy[0]["extractor"].endswith("test_plugins")
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
