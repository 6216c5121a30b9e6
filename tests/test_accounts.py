"""Accounts, not pairs (issue 13): outlets that agree in a slot on one day
form an account, and a flag stands for one account against another, every
claim of both recorded in ``contradiction_claims``.

Invented coverage (tests/events/): a stadium crush in "Rantewangi" with five
outlets saying 125 dead and three saying 127 on the same day, four more
outlets saying 125 (accounts_more.jsonl), and a flood toll in "Sarowako"
growing day by day with two figures on the last day. Loaded with the real
command line; pages read through Datasette's test client.
"""

import itertools
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette.app import Datasette
from datasette.cli import cli

EVENTS = Path(__file__).parent / "events"


def load(db, *paths):
    result = CliRunner().invoke(cli, ["factcheck", "load", str(db), *map(str, paths), "--silent"])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    return conn


def by_ref(conn):
    return {r["ref"]: r["id"] for r in conn.execute("select id, ref from articles")}


def flagged_pairs(conn, kind="number"):
    """{frozenset of two refs: relations}: every article on one side against every one on the other."""
    out = {}
    for r in conn.execute(
        """select x.relation, aa.ref ra, ab.ref rb from contradictions x
           join contradiction_claims ma on ma.contradiction_id = x.id and ma.side = 'a'
           join contradiction_claims mb on mb.contradiction_id = x.id and mb.side = 'b'
           join claims ca on ca.id = ma.claim_id join claims cb on cb.id = mb.claim_id
           join articles aa on aa.id = ca.article_id join articles ab on ab.id = cb.article_id
           where x.kind = ?""",
        [kind],
    ):
        out.setdefault(frozenset((r["ra"], r["rb"])), set()).add(r["relation"])
    return out


def crush_flags(conn):
    return conn.execute(
        "select x.* from contradictions x join claims c on c.id = x.claim_a "
        "join articles a on a.id = c.article_id where a.ref like 'rw-%'"
    ).fetchall()


def test_many_outlets_make_one_flag_with_every_claim_on_its_side(tmp_path):
    conn = load(tmp_path / "news.db", EVENTS / "accounts.jsonl")
    flags = crush_flags(conn)
    assert len(flags) == 1  # one account (125) against another (127), not 5 x 3 pairs
    flag = flags[0]
    assert flag["relation"] == "conflict"
    assert flag["explanation"].startswith("dead: 5 outlets say 125 (2022-10-02")
    assert "3 outlets say 127 (2022-10-02" in flag["explanation"]
    sides = conn.execute(
        "select m.side, a.ref from contradiction_claims m join claims c on c.id = m.claim_id "
        "join articles a on a.id = c.article_id where m.contradiction_id = ?",
        [flag["id"]],
    ).fetchall()
    side_of = {r["ref"]: r["side"] for r in sides}
    assert {ref for ref, side in side_of.items() if side == "a"} == {f"rw-a{i}" for i in range(5)}
    assert {ref for ref, side in side_of.items() if side == "b"} == {f"rw-b{i}" for i in range(3)}
    # every claim of the slot is on a side, and the representative pair is among them
    dead = {
        r["id"]
        for r in conn.execute(
            "select c.id from claims c join articles a on a.id = c.article_id where a.ref like 'rw-%' and c.predicate = 'dead'"
        )
    }
    assert {
        r[0] for r in conn.execute("select claim_id from contradiction_claims where contradiction_id = ?", [flag["id"]])
    } == dead
    assert {flag["claim_a"], flag["claim_b"]} <= dead
    pairs = flagged_pairs(conn)
    for a, b in itertools.product([f"rw-a{i}" for i in range(5)], [f"rw-b{i}" for i in range(3)]):
        assert pairs[frozenset((a, b))] == {"conflict"}


def test_more_coverage_of_one_account_never_takes_a_flag_away(tmp_path):
    db = tmp_path / "news.db"
    conn = load(db, EVENTS / "accounts.jsonl")
    before = flagged_pairs(conn)
    flag_id = crush_flags(conn)[0]["id"]
    conn = load(db, EVENTS / "accounts_more.jsonl")
    after = flagged_pairs(conn)
    assert set(before) <= set(after)  # every pair flagged before still is
    for a, b in itertools.product([f"rw-c{i}" for i in range(4)], [f"rw-b{i}" for i in range(3)]):
        assert after[frozenset((a, b))] == {"conflict"}  # the new outlets joined the 125 account
    flags = crush_flags(conn)
    assert len(flags) == 1 and "9 outlets say 125" in flags[0]["explanation"]
    assert flags[0]["id"] == flag_id  # the flag keeps its id (and its reviews) as its accounts grow


def test_a_toll_that_only_grows_is_a_change_and_two_figures_one_day_a_conflict(tmp_path):
    conn = load(tmp_path / "news.db", EVENTS / "growing.jsonl")
    pairs = flagged_pairs(conn)
    assert pairs[frozenset(("sw-0", "sw-1"))] == {"change"}  # 40, then 46 a day later
    assert pairs[frozenset(("sw-1", "sw-2"))] == {"change"}  # 46, then 52
    assert pairs[frozenset(("sw-2", "sw-3"))] == {"conflict"}  # 52 and 49 on the same day
    assert pairs[frozenset(("sw-1", "sw-3"))] == {"change"}  # 46, then 49 a day later
    explanation = conn.execute("select explanation from contradictions where relation = 'change' limit 1").fetchone()[0]
    assert "larger, as a toll grows" in explanation


def test_a_smaller_figure_a_day_later_is_still_a_conflict(tmp_path):
    # only growth supersedes: a toll that falls without a revision word is a disagreement
    lines = [
        '{"id": "t1", "title": "Banjir Sarowako", "published": "2023-05-10", "source": "A", "language": "id", '
        '"text": "Banjir bandang di Lembah Sarowako menewaskan 52 orang, menurut petugas."}',
        '{"id": "t2", "title": "Sarowako floods", "published": "2023-05-11", "source": "B", "language": "en", '
        '"text": "Flash floods in the Sarowako valley have killed 40 people, rescuers said."}',
    ]
    path = tmp_path / "falling.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert flagged_pairs(load(tmp_path / "news.db", path))[frozenset(("t1", "t2"))] == {"conflict"}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    db = tmp_path_factory.mktemp("accounts") / "news.db"
    load(db, EVENTS / "accounts.jsonl", EVENTS / "growing.jsonl")
    return Datasette([str(db)]), sqlite3.connect(db)


@pytest.mark.asyncio
async def test_the_index_shows_a_flag_as_two_accounts(served):
    ds, _ = served
    html = (await ds.client.get("/-/factcheck/news")).text
    assert "<strong>5 outlets</strong>: 125 dead (2 Oct 2022)" in html
    assert "<strong>3 outlets</strong>: 127 dead (2 Oct 2022)" in html
    data = (await ds.client.get("/-/factcheck/news.json")).json()
    crush = next(f for f in data["rows"] if f["summary"].startswith("5 outlets"))
    assert crush["summary"] == "5 outlets: 125 dead (2 Oct 2022) vs 3 outlets: 127 dead (2 Oct 2022)"
    assert crush["accounts"]["a"]["outlet_count"] == 5 and crush["accounts"]["b"]["outlet_count"] == 3


@pytest.mark.asyncio
async def test_the_detail_page_lists_every_source_on_both_sides(served):
    ds, conn = served
    (flag_id,) = conn.execute(
        "select x.id from contradictions x join claims c on c.id = x.claim_a join articles a on a.id = c.article_id "
        "where a.ref like 'rw-%'"
    ).fetchone()
    html = (await ds.client.get(f"/-/factcheck/news/contradiction/{flag_id}")).text
    for source in (
        "Suara Rantau",
        "Harian Tepian",
        "Gema Timur",
        "Valley Post",
        "Coast Herald",
        "Kabar Kota",
        "Metro Wire",
        "Berita Lereng",
    ):
        assert source in html
    data = (await ds.client.get(f"/-/factcheck/news/contradiction/{flag_id}.json")).json()
    assert len(data["accounts"]["a"]["articles"]) == 5 and len(data["accounts"]["b"]["articles"]) == 3


@pytest.mark.asyncio
async def test_an_article_page_shows_the_accounts_it_belongs_to(served):
    ds, conn = served
    # rw-a2 is neither claim of the representative pair, yet it is in the 125 account
    (article_id,) = conn.execute("select id from articles where ref = 'rw-a2'").fetchone()
    html = (await ds.client.get(f"/-/factcheck/news/article/{article_id}")).text
    assert "Flags (1)" in html
    assert 'this article is in the account of <span class="fc-account"><strong>5 outlets</strong>: 125 dead' in html
    assert 'against <span class="fc-account"><strong>3 outlets</strong>: 127 dead' in html
