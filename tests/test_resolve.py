"""Entity resolution across articles (store.resolve): invented articles
loaded with the real CLI, each merge and each guard, and the same entities
whatever order the articles come in."""

import itertools
import sqlite3

import pytest
from click.testing import CliRunner
from conftest import load, rows
from datasette.cli import cli

from datasette_factcheck.store.resolve import Corpus, Name, misspelt, plan, words

DAYS = itertools.count(1)


def article(folder, name, *sentences, language="id"):
    """An invented article of its own outlet and day, one file."""
    day = next(DAYS)
    header = f"Tanggal: {day} Mar 2021 10:00 WIB" if language == "id" else f"Published: March {day}, 2021"
    path = folder / f"{name}.txt"
    path.write_text(f"Laporan {name}\n\n{header}\n\nWarta {name.title()} – " + " ".join(sentences) + "\n")
    return path


def said(who, language="id"):
    """A sentence in which ``who`` holds a stance (so claims have them as subject)."""
    if language == "id":
        return f"{who} mengatakan baku tembak di gudang itu tidak pernah terjadi."
    return f"{who} said the shootout at the warehouse never happened."


def entity(db, name):
    """The entity a name resolves to, as the shared scorer looks it up."""
    found = rows(db, "select entity_id from entity_aliases where lower(alias) = lower(?)", [name])
    found = found or rows(db, "select id as entity_id from entities where lower(name) = lower(?)", [name])
    return found[0]["entity_id"] if found else None


def loaded(tmp_path, *paths, args=()):
    db = tmp_path / "er.db"
    result = load(db, *paths, args=args)
    assert result.exit_code == 0, result.output
    return db


def test_a_misspelt_surname_is_one_person(tmp_path):
    db = loaded(
        tmp_path,
        article(tmp_path, "satu", said("Dewi Kartika")),
        article(tmp_path, "dua", said("Dewi Kartiko")),
        article(tmp_path, "tiga", said("Dewi Kartiko")),
    )
    # the spelling more articles write is the entity, the other its alias
    assert entity(db, "Dewi Kartika") == entity(db, "Dewi Kartiko") == "dewi-kartiko"
    assert rows(db, "select id from entities where id = 'dewi-kartika'") == []
    alias = rows(db, "select origin, resolved_from from entity_aliases where alias = 'Dewi Kartika'")
    assert alias == [{"origin": "merged", "resolved_from": "dewi-kartika"}]
    claims = rows(db, "select subject, resolved_from, slot from claims where kind = 'stance' order by resolved_from")
    assert {c["subject"] for c in claims} == {"dewi-kartiko"}
    assert {c["slot"] for c in claims} == {"stance|dewi-kartiko|shootout"}
    assert sorted(str(c["resolved_from"]) for c in claims) == ["None", "None", "dewi-kartika"]


def test_a_shorter_form_is_the_one_person_named_in_full(tmp_path):
    db = loaded(
        tmp_path,
        article(tmp_path, "satu", said("Bayu Santosa Wiranegara")),
        article(tmp_path, "dua", said("Bayu Santosa")),
        article(tmp_path, "tiga", "Kombes Santosa tiba di lokasi.", said("Kombes Santosa")),
    )
    ids = {entity(db, n) for n in ("Bayu Santosa Wiranegara", "Bayu Santosa", "Santosa")}
    assert ids == {"bayu-santosa-wiranegara"}
    assert {r["subject"] for r in rows(db, "select subject from claims where kind = 'stance'")} == ids


def test_an_organisation_shortened_or_misspelt_is_one(tmp_path):
    db = loaded(
        tmp_path,
        article(tmp_path, "one", said("Nusantara International Airways", "en"), language="en"),
        article(tmp_path, "two", said("Nusantara Airways", "en"), language="en"),
        article(tmp_path, "three", said("Nusantaran International Airways", "en"), language="en"),
    )
    names = ("Nusantara International Airways", "Nusantara Airways", "Nusantaran International Airways")
    # a tie in articles: the spelling whose words more articles write
    assert {entity(db, n) for n in names} == {"nusantara-international-airways"}


def test_a_misspelling_of_a_lexicon_entity_joins_it(tmp_path):
    db = loaded(tmp_path, article(tmp_path, "one", said("The World Health Organisation", "en"), language="en"))
    assert entity(db, "World Health Organisation") == "who"
    assert rows(db, "select id from entities where id = 'world-health-organisation'") == []  # merged away


def test_a_shorter_form_two_people_share_merges_with_neither(tmp_path):
    db = loaded(
        tmp_path,
        article(tmp_path, "satu", said("Bayu Santosa Wiranegara")),
        article(tmp_path, "dua", said("Bayu Santosa Hartono")),
        article(tmp_path, "tiga", said("Bayu Santosa")),
    )
    ids = [entity(db, n) for n in ("Bayu Santosa Wiranegara", "Bayu Santosa Hartono", "Bayu Santosa")]
    assert len(set(ids)) == 3


def test_people_sharing_a_first_name_stay_apart(tmp_path):
    db = loaded(
        tmp_path,
        article(tmp_path, "satu", said("Bayu Santosa")),
        article(tmp_path, "dua", said("Bayu Hartono")),
        article(tmp_path, "tiga", "Kombes Bayu tiba di lokasi.", said("Kombes Bayu")),
    )
    assert len({entity(db, n) for n in ("Bayu Santosa", "Bayu Hartono", "Bayu")}) == 3


def test_relatives_sharing_a_surname_stay_apart(tmp_path):
    db = loaded(
        tmp_path,
        article(tmp_path, "satu", said("Andi Wiranegara")),
        article(tmp_path, "dua", said("Sari Wiranegara")),
        article(tmp_path, "tiga", said("Dewa Wiranegara")),
        article(tmp_path, "empat", said("Dewi Wiranegara")),  # a brother and a sister, not a misspelling
        article(tmp_path, "lima", "Kombes Wiranegara tiba di lokasi.", said("Kombes Wiranegara")),
    )
    names = ("Andi Wiranegara", "Sari Wiranegara", "Dewa Wiranegara", "Dewi Wiranegara", "Wiranegara")
    assert len({entity(db, n) for n in names}) == 5


def test_two_names_one_article_writes_are_two_people(tmp_path):
    db = loaded(
        tmp_path,
        article(tmp_path, "satu", said("Rudi Kartiko"), said("Rudi Kartika")),
        article(tmp_path, "dua", said("Rudi Kartika")),
    )
    assert entity(db, "Rudi Kartiko") != entity(db, "Rudi Kartika")


def test_two_places_one_letter_apart_that_coverage_keeps_writing_stay_apart(tmp_path):
    for k in range(3):
        article(tmp_path, f"a{k}", said("Polres Mangabu"), "Banjir melanda Mangabu.")
        article(tmp_path, f"b{k}", said("Polres Mangasu"), "Banjir melanda Mangasu.")
    db = loaded(tmp_path, *sorted(tmp_path.glob("*.txt")))
    assert entity(db, "Polres Mangabu") != entity(db, "Polres Mangasu")


def test_two_spellings_of_a_common_word_are_one_name(tmp_path):
    sentences = ("The agency's international desk said so.", "Sebuah lembaga internasional hadir.")
    for k in range(3):
        article(tmp_path, f"a{k}", said("Nusantara International Airways", "en"), *sentences, language="en")
        article(tmp_path, f"b{k}", said("Nusantara Internasional Airways"), *sentences)
    db = loaded(tmp_path, *sorted(tmp_path.glob("*.txt")))
    assert entity(db, "Nusantara International Airways") == entity(db, "Nusantara Internasional Airways")


def test_direction_words_and_acronyms_keep_organisations_apart(tmp_path):
    db = loaded(
        tmp_path,
        article(tmp_path, "one", said("Kartaraya Power Company", "en"), language="en"),
        article(tmp_path, "two", said("Kartaraya South Power Company", "en"), language="en"),
        article(tmp_path, "three", said("KPAI", "en"), said("KPAI Kartaraya", "en"), language="en"),
    )
    assert entity(db, "Kartaraya Power Company") != entity(db, "Kartaraya South Power Company")
    assert entity(db, "KPAI") != entity(db, "KPAI Kartaraya")


def test_a_country_a_company_named_after_it_and_a_person_stay_apart(tmp_path):
    db = loaded(
        tmp_path,
        article(tmp_path, "one", said("Norway", "en"), said("Norway Coastal Airlines", "en"), language="en"),
        article(tmp_path, "two", said("Coastal Airlines", "en"), language="en"),
        article(tmp_path, "three", said("Yayasan Bayu Santosa"), said("Bayu Santosa")),
    )
    ids = [entity(db, n) for n in ("Norway", "Norway Coastal Airlines", "Coastal Airlines")]
    assert ids[0] == "norway" and len(set(ids)) == 3
    assert entity(db, "Yayasan Bayu Santosa") != entity(db, "Bayu Santosa")


def test_a_company_with_or_without_its_legal_form_is_one(tmp_path):
    db = loaded(
        tmp_path,
        article(tmp_path, "satu", said("PT Lontar Jaya Lines"), said("Sinar Laut Shipping Tbk")),
        article(tmp_path, "two", said("Lontar Jaya Lines", "en"), said("Sinar Laut Shipping", "en"), language="en"),
        article(tmp_path, "tiga", said("Yayasan Bayu Santosa"), said("Direktur PT Bayu Santosa")),
        article(tmp_path, "empat", said("Bayu Santosa")),
    )
    assert entity(db, "PT Lontar Jaya Lines") == entity(db, "Lontar Jaya Lines") == "pt-lontar-jaya-lines"
    assert entity(db, "Sinar Laut Shipping Tbk") == entity(db, "Sinar Laut Shipping")
    # a company named after a person stays apart from them
    assert entity(db, "PT Bayu Santosa") != entity(db, "Bayu Santosa")


def test_an_acronym_defined_in_two_languages_is_one_body(tmp_path):
    db = loaded(
        tmp_path,
        article(tmp_path, "satu", "Badan Pengawas Sungai Nasional (BPSN) membantah tanggul jebol."),
        article(tmp_path, "two", "Indonesia's National River Watch Board (BPSN) denied the dam broke.", language="en"),
    )
    names = ("Badan Pengawas Sungai Nasional", "BPSN", "National River Watch Board")
    assert {entity(db, n) for n in names} == {"bpsn"}


def test_an_entity_a_user_gave_an_alias_is_never_merged_away(tmp_path):
    db = loaded(tmp_path, article(tmp_path, "satu", said("Bayu Santosa")))
    assert rows(db, "select id from entities where id = 'bayu-santosa'")
    conn = sqlite3.connect(db)
    conn.execute("insert into entity_aliases (alias, entity_id, origin) values ('Pak Bayu', 'bayu-santosa', 'user')")
    conn.commit()
    conn.close()
    load(db, article(tmp_path, "dua", said("Bayu Santosa Wiranegara")))
    # the user's entity stays; the longer name is not merged into it either (it is no shorter form)
    assert entity(db, "Bayu Santosa") == "bayu-santosa"
    assert entity(db, "Bayu Santosa Wiranegara") == "bayu-santosa-wiranegara"


def snapshot(db):
    """What resolution decides, without the ids that depend on load order (rowids, flag ids)."""
    return {
        "entities": rows(db, "select id, name, kind from entities order by id"),
        "aliases": rows(db, "select alias, entity_id, origin, resolved_from from entity_aliases order by alias"),
        "merges": rows(db, "select * from entity_merges order by entity_id"),
        "claims": rows(
            db,
            "select a.ref, c.start, c.subject, c.resolved_from, c.slot from claims c "
            "join articles a on a.id = c.article_id order by a.ref, c.start",
        ),
        "flags": rows(
            db,
            "select x.slot, x.relation, min(a.ref, b.ref) as one, max(a.ref, b.ref) as other from contradictions x "
            "join articles a on a.id = x.article_a join articles b on b.id = x.article_b order by 1, 3, 4",
        ),
    }


@pytest.fixture
def story(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    return {
        "a": article(folder, "satu", said("Bayu Santosa"), said("Dewi Kartiko")),
        "b": article(folder, "dua", said("Bayu Santosa Wiranegara"), said("Dewi Kartika")),
        "c": article(folder, "tiga", said("Bayu Santosa Hartono"), said("Dewi Kartika")),
    }


def test_a_merge_that_later_coverage_makes_ambiguous_is_undone(tmp_path, story):
    db = tmp_path / "later.db"
    load(db, story["a"], story["b"])
    assert entity(db, "Bayu Santosa") == "bayu-santosa-wiranegara"
    load(db, story["c"])
    assert entity(db, "Bayu Santosa") == "bayu-santosa"
    assert rows(db, "select name from entities where id = 'bayu-santosa'") == [{"name": "Bayu Santosa"}]
    claims = rows(db, "select subject, resolved_from from claims where sentence like '%Bayu Santosa mengatakan%'")
    assert claims == [{"subject": "bayu-santosa", "resolved_from": None}]


@pytest.mark.parametrize("order", ["abc", "cba", "bca", "acb"])
def test_the_same_entities_whatever_the_load_order(tmp_path, story, order):
    together = loaded(tmp_path, *story.values())
    one_by_one = tmp_path / "one_by_one.db"
    for key in order:  # a load each, with detection: merges made early are undone when coverage makes them ambiguous
        assert load(one_by_one, story[key]).exit_code == 0
    assert snapshot(one_by_one) == snapshot(together)
    assert entity(one_by_one, "Bayu Santosa") not in (
        entity(one_by_one, "Bayu Santosa Wiranegara"),
        entity(one_by_one, "Bayu Santosa Hartono"),
    )
    assert entity(one_by_one, "Dewi Kartiko") == entity(one_by_one, "Dewi Kartika") == "dewi-kartika"


def test_a_later_load_recompares_the_slots_resolution_changed(tmp_path):
    db = tmp_path / "inc.db"
    assert load(db, article(tmp_path, "satu", said("Dewi Kartika"))).exit_code == 0
    confirmed = "Dewi Kartiko mengatakan baku tembak di gudang itu memang terjadi."
    assert load(db, article(tmp_path, "dua", confirmed)).exit_code == 0
    flags = rows(db, "select slot, relation from contradictions where kind = 'stance'")
    assert flags and {f["slot"] for f in flags} == {"stance|dewi-kartika|shootout"}


def test_detect_alone_resolves(tmp_path):
    db = loaded(
        tmp_path,
        article(tmp_path, "satu", said("Dewi Kartika")),
        article(tmp_path, "dua", said("Dewi Kartiko")),
        args=["--no-detect"],
    )
    assert entity(db, "Dewi Kartika") != entity(db, "Dewi Kartiko")
    result = CliRunner().invoke(cli, ["factcheck", "detect", str(db)])
    assert result.exit_code == 0, result.output
    assert entity(db, "Dewi Kartika") == entity(db, "Dewi Kartiko")


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("Dewi Kartika", "Dewi Kartiko", True),
        ("Rudi Hermawan", "Rudi Hermawaan", True),  # a letter doubled
        ("Andi Wiranegara", "Sari Wiranegara", False),  # another given name
        ("Dewa Wiranegara", "Dewi Wiranegara", False),  # a given name's last letter: siblings
        ("Bayu Budi", "Bayu Bude", False),  # a word too short to tell a misspelling
        ("Bayu Santosa", "Bayu Hartono", False),
        ("Kartaraya Utara", "Kartaraya Utari", False),  # a direction word
        ("Dewi Kartika", "Dewi Kartika Sari", False),  # a word more is no misspelling
    ],
)
def test_misspelt(a, b, same):
    assert bool(misspelt(words(a), words(b), {"utara", "north"})) is same


def person(name, fixed=False):
    return Name(name.lower().replace(" ", "-"), name, "person", fixed, (words(name),))


def test_plan_never_merges_an_acronym_or_a_fixed_entity():
    nobody = Corpus(lambda *names: 0, lambda word: False)
    names = [person("TG BS"), person("TG BS Wiranegara"), person("Bayu Santosa", fixed=True)]
    names += [person("Bayu Santosa Putra"), person("Santosa Putra")]
    # the acronym stays; the shorter form joins the one longer name, whose user-fixed prefix stays itself
    assert plan(names, nobody) == {
        "tg-bs": "tg-bs",
        "tg-bs-wiranegara": "tg-bs-wiranegara",
        "bayu-santosa-putra": "bayu-santosa-putra",
        "santosa-putra": "bayu-santosa-putra",
    }
