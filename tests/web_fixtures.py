"""A small factcheck database built by hand, and Datasette instances over it, for the web tests.

Five articles about North Korean troops in Russia (three Indonesian, one
English, one carrying XSS payloads), a duplicate, and five flags: a stance
conflict, a stance change, a number conflict, a date conflict and a flag on
the hostile article. Offsets are computed from the text, as extraction would.
"""

import pytest
from datasette.app import Datasette

from datasette_factcheck import store
from datasette_factcheck.web import compat

XSS_TITLE = '<script>alert("title")</script> Breaking'
XSS_TEXT_BIT = "<img src=x onerror=alert(1)>"
XSS_URL = "javascript:alert(document.cookie)"

ARTICLES = [
    {
        "id": "a-jepara",
        "ref": "001_jepara.txt",
        "path": "seeds/001_jepara.txt",
        "url": "https://jepara.example/korut-bungkam",
        "title": "Korut Tetap Bungkam Soal Pasukan ke Rusia",
        "source": "Jepara Pos",
        "published": "2024-10-21",
        "language": "id",
        "text": (
            "Korea Utara tetap bungkam mengenai pengiriman pasukan ke Rusia.\n"
            "Badan intelijen Korea Selatan mengatakan Korut mengirim 12.000 tentara ke Rusia."
        ),
    },
    {
        "id": "a-prabumulih",
        "ref": "003_prabumulih.txt",
        "path": "seeds/003_prabumulih.txt",
        "url": "https://prabumulih.example/korut-membantah",
        "title": "Korea Utara Membantah Kirim Pasukan",
        "source": "Koran Prabumulih Pos",
        "published": "2024-10-22T19:08:00+07:00",
        "language": "id",
        "text": (
            "Korea Utara telah membantah laporan pengiriman pasukan ke Rusia.\n"
            "Menurut sumber lain, Korut mengirim 11.000 tentara ke Rusia."
        ),
    },
    {
        "id": "a-times",
        "ref": "times.jsonl:7",
        "path": "feeds/times.jsonl",
        "url": "https://times.example/nk-admits",
        "title": "North Korea admits sending troops to Russia",
        "source": "Example Times",
        "published": "2025-04-28",
        "language": "en",
        "text": "On 27 April 2025 North Korea admitted that it had sent troops to Russia.",
    },
    {
        "id": "a-wartanusa",
        "ref": "002_wartanusa.txt",
        "path": "seeds/002_wartanusa.txt",
        "url": "http://wartanusa.example/akui",
        "title": "Akhirnya, Korea Utara Akui Kirim Pasukan",
        "source": "Wartanusa",
        "published": "2025-04-29T10:21:00+07:00",
        "language": "id",
        "text": "Pada 28 April 2025, Korea Utara mengakui telah mengirim pasukan ke Rusia.",
    },
    {
        "id": "a-evil",
        "ref": "evil.html",
        "path": "evil.html",
        "url": XSS_URL,
        "title": XSS_TITLE,
        "source": "<b>Evil Outlet</b>",
        "published": "2024-10-23",
        "language": "en",
        "author": '"><svg onload=alert(2)>',
        "text": f"Pyongyang denied it sent troops {XSS_TEXT_BIT} to Russia <script>alert(3)</script>.",
    },
    {
        "id": "a-jepara-copy",
        "ref": "001_jepara_copy.txt",
        "path": "mirror/001_jepara_copy.txt",
        "url": "https://mirror.example/korut-bungkam",
        "title": "Korut Tetap Bungkam (salinan)",
        "source": "Mirror News",
        "published": "2024-10-21",
        "language": "id",
        "text": "Korea Utara tetap bungkam mengenai pengiriman pasukan ke Rusia.",
        "duplicate_of": "a-jepara",
    },
]

ENTITIES = [
    {
        "id": "north-korea",
        "name": "Korea Utara",
        "kind": "country",
        "aliases": ["Korea Utara", "Korut", "Pyongyang", "North Korea", "DPRK"],
    },
    {
        "id": "south-korea",
        "name": "Korea Selatan",
        "kind": "country",
        "aliases": ["Korea Selatan", "Korsel", "Seoul", "South Korea"],
    },
    {"id": "russia", "name": "Rusia", "kind": "country", "aliases": ["Rusia", "Russia", "Moskow"]},
]

TROOPS = "sent troops to Russia"
# (id, article, kind, predicate, value, value_num, as_of, as_of_source, evidence)
CLAIMS = [
    ("k-jepara-silent", "a-jepara", "stance", TROOPS, "silent", None, "2024-10-21", "published", "tetap bungkam"),
    (
        "k-jepara-12000",
        "a-jepara",
        "number",
        "troops sent to Russia",
        "12000",
        12000.0,
        "2024-10-18",
        "inferred",
        "12.000 tentara",
    ),
    ("k-prabu-denied", "a-prabumulih", "stance", TROOPS, "denied", None, "2024-10-22", "published", "telah membantah"),
    (
        "k-prabu-11000",
        "a-prabumulih",
        "number",
        "troops sent to Russia",
        "11000",
        11000.0,
        "2024-10-18",
        "inferred",
        "11.000 tentara",
    ),
    ("k-times-confirmed", "a-times", "stance", TROOPS, "confirmed", None, "2025-04-27", "sentence", "admitted"),
    (
        "k-times-date",
        "a-times",
        "date",
        "North Korea acknowledged sending troops",
        "2025-04-27",
        None,
        None,
        None,
        "27 April 2025",
    ),
    (
        "k-wartanusa-date",
        "a-wartanusa",
        "date",
        "North Korea acknowledged sending troops",
        "2025-04-28",
        None,
        None,
        None,
        "28 April 2025",
    ),
    ("k-wartanusa-confirmed", "a-wartanusa", "stance", TROOPS, "confirmed", None, "2025-04-28", "sentence", "mengakui"),
    ("k-evil-denied", "a-evil", "stance", TROOPS, "denied", None, "2024-10-23", "published", "denied"),
]

# (id, claim_a, claim_b, kind, relation, status, score, explanation)
FLAGS = [
    (
        "f-stance-conflict",
        "k-jepara-silent",
        "k-prabu-denied",
        "stance",
        "conflict",
        "open",
        0.9,
        "Jepara Pos (21 Oct 2024) says Korea Utara stayed silent on sending troops to Russia; "
        "Koran Prabumulih Pos (22 Oct 2024) says it denied it.",
    ),
    (
        "f-stance-change",
        "k-prabu-denied",
        "k-times-confirmed",
        "stance",
        "change",
        "open",
        0.8,
        "Korea Utara denied sending troops to Russia on 22 Oct 2024 (Koran Prabumulih Pos) "
        "and admitted it on 27 Apr 2025 (Example Times).",
    ),
    (
        "f-number-conflict",
        "k-jepara-12000",
        "k-prabu-11000",
        "number",
        "conflict",
        "confirmed",
        0.7,
        "Jepara Pos says 12,000 troops were sent to Russia; Koran Prabumulih Pos says 11,000, both as of 18 Oct 2024.",
    ),
    (
        "f-date-conflict",
        "k-times-date",
        "k-wartanusa-date",
        "date",
        "conflict",
        "open",
        0.6,
        "Example Times dates the acknowledgement to 27 Apr 2025; Wartanusa to 28 Apr 2025.",
    ),
    (
        "f-evil",
        "k-evil-denied",
        "k-times-confirmed",
        "stance",
        "change",
        "open",
        0.5,
        '<script>alert("explanation")</script> denied vs confirmed',
    ),
]

REVIEWS = [
    {
        "contradiction_id": "f-number-conflict",
        "actor": "alice",
        "verdict": "confirmed",
        "note": "Checked both: different intelligence briefings.",
        "created": "2024-11-02T09:00:00+00:00",
    },
]


def _claim_row(claim_id, article_id, kind, predicate, value, value_num, as_of, as_of_source, cue, texts):
    text = texts[article_id]
    start = text.index(cue)
    sentence_start = text.rfind("\n", 0, start) + 1
    sentence_end = text.find("\n", start)
    sentence = text[sentence_start : sentence_end if sentence_end != -1 else len(text)]
    subject = "north-korea"
    return {
        "id": claim_id,
        "article_id": article_id,
        "kind": kind,
        "subject": subject,
        "predicate": predicate,
        "value": value,
        "value_num": value_num,
        "as_of": as_of,
        "as_of_source": as_of_source,
        "sentence": sentence,
        "start": start,
        "end": start + len(cue),
        "sentence_start": sentence_start,
        "cue": cue if kind == "stance" else None,
        "revision": 0,
        "extractor": "test",
    }


def build_database(path):
    """Create a factcheck database at path with the rows above; return the path."""
    db = store.open_db(str(path))
    store.save_entities(db, ENTITIES)
    db["articles"].insert_all(ARTICLES, pk="id", alter=True)
    texts = {article["id"]: article["text"] for article in ARTICLES}
    claims = {row[0]: _claim_row(*row, texts) for row in CLAIMS}
    db["claims"].insert_all(claims.values(), pk="id")
    db["contradictions"].insert_all(
        [
            {
                "id": id,
                "claim_a": a,
                "claim_b": b,
                "kind": kind,
                "relation": relation,
                "status": status,
                "score": score,
                "explanation": explanation,
                "slot": f"{kind}:north-korea:{claims[a]['predicate']}",
                "article_a": claims[a]["article_id"],
                "article_b": claims[b]["article_id"],
                "rule": "test",
            }
            for id, a, b, kind, relation, status, score, explanation in FLAGS
        ],
        pk="id",
    )
    db["reviews"].insert_all(REVIEWS)
    db.conn.close()
    return path


def make_datasette(paths, plugin_config=None, immutable=False, database_config=None, permissions=None, settings=None):
    """A Datasette over these files, configured the way each Datasette line expects."""
    config = {}
    if plugin_config is not None:
        config["plugins"] = {compat.PLUGIN: plugin_config}
    if database_config:
        config["databases"] = database_config
    if permissions:
        config["permissions"] = permissions
    kwargs = {"immutables": paths} if immutable else {"files": paths}
    kwargs["settings"] = settings
    if compat.ACTIONS_API:
        return Datasette(config=config, **kwargs)
    return Datasette(metadata=config, **kwargs)


def actor_cookies(datasette, actor_id):
    return {"ds_actor": datasette.sign({"a": {"id": actor_id}}, "actor")}


@pytest.fixture
def db_path(tmp_path):
    return str(build_database(tmp_path / "fc.db"))


@pytest.fixture
def ds(db_path):
    return make_datasette([db_path], plugin_config={"allow_review": {"id": ["alice"]}})
