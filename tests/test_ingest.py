"""Reading inputs: formats, header lines, encodings, metadata."""

import json

import pytest
from conftest import load, rows

from datasette_factcheck.read import article, read_path
from datasette_factcheck.read.datelines import dateline_source
from datasette_factcheck.read.decode import InputError, decode

BODY = "Korea Utara telah membantah laporan pengiriman pasukan ke Rusia. Rusia tidak memberikan komentar resmi."


def read_one(path):
    items = list(read_path(path))
    assert len(items) == 1
    return items[0][2]


def test_text_header_lines_are_metadata(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(
        "Judul Berita yang Cukup Panjang\n\nSelasa 22 Oct 2024 - 19:08 WIB\nReporter : Tedy\nEditor : Tedy\n\n"
        f"KORANKITA.COM - {BODY}\n\nBACA JUGA: Berita lain yang tidak terkait\n\nKategori :\n",
        encoding="utf-8",
    )
    a = read_one(f)
    assert a["title"] == "Judul Berita yang Cukup Panjang"
    assert a["published"] == "2024-10-22T19:08:00+07:00"
    assert a["author"] == "Tedy"
    assert a["source"] == "korankita.com"  # a masthead written as a host: its registered domain
    assert a["language"] == "id"
    assert a["text"].startswith("KORANKITA.COM - Korea Utara")
    assert "BACA JUGA" not in a["text"] and "Kategori" not in a["text"] and "Reporter" not in a["text"]
    assert a["ref"] == "a.txt"


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Tanggal: 29 Apr 2025 10:21 wib.", "2025-04-29T10:21:00+07:00"),
        ("Published: October 3, 2022 9:10 AM GMT", "2022-10-03T09:10:00+00:00"),
        ("Senin, 3 Oktober 2022 | 14:05 WITA", "2022-10-03T14:05:00+08:00"),
        ("3/10/2022 07:30 WIT", "2022-10-03T07:30:00+09:00"),
    ],
)
def test_datelines(tmp_path, line, expected):
    f = tmp_path / "a.txt"
    f.write_text(f"Sebuah Judul\n{line}\n{BODY}\n", encoding="utf-8")
    assert read_one(f)["published"] == expected


def test_url_line_and_date_in_url(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"https://news.example.com/2024/10/22/korut-bantah\n{BODY}\n", encoding="utf-8")
    a = read_one(f)
    assert a["url"] == "https://news.example.com/2024/10/22/korut-bantah"
    assert a["published"] == "2024-10-22"
    assert a["source"] == "example.com"  # the registered domain, whatever the host


@pytest.mark.parametrize(
    "text,source",
    [
        ("Jepara Pos – Korea Utara tetap diam.", "Jepara Pos"),
        ("JAKARTA, KORANKITA.com - Polisi membantah.", "KORANKITA.com"),
        ("JAKARTA (NUSAWIRE) - Polisi membantah.", "NUSAWIRE"),
        ("SEOUL (Newswire) - North Korea denied.", "Newswire"),
        ("geosurvey.co.id – Menteri tiba.", "geosurvey.co.id"),
        ("Korea Utara tetap diam soal itu.", None),
    ],
)
def test_dateline_source(text, source):
    assert dateline_source(text) == source


def test_records_with_flexible_fields(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {
                    "guid": "r1",
                    "content": "Russia denied sending troops to the front.",
                    "pubDate": "2024-10-22T10:00:00Z",
                    "link": "https://x.example/a",
                    "headline": "Denial",
                },
                {"id": "r2", "body": "Rusia membantah mengirim pasukan.", "date": "22 Oktober 2024", "outlet": "Koran"},
            ]
        ),
        encoding="utf-8",
    )
    items = {item.ref: item.item for item in read_path(f)}
    assert items["r1"]["published"] == "2024-10-22T10:00:00+00:00"
    assert items["r1"]["url"] == "https://x.example/a" and items["r1"]["title"] == "Denial"
    assert items["r1"]["language"] == "en"
    assert items["r2"]["published"] == "2024-10-22" and items["r2"]["source"] == "Koran"
    assert items["r2"]["language"] == "id"


def test_json_list_and_csv(tmp_path):
    j = tmp_path / "a.json"
    j.write_text(json.dumps([{"id": "j1", "text": BODY}]), encoding="utf-8")
    c = tmp_path / "a.csv"
    c.write_text('id,text,published\nc1,"Russia denied it, again.",2024-10-22\n', encoding="utf-8")
    assert [item.ref for item in read_path(j)] == ["j1"]
    ((_, ref, a, _),) = read_path(c)
    assert ref == "c1" and a["text"] == "Russia denied it, again." and a["published"] == "2024-10-22"


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("cp1252", b"")])
def test_encodings(tmp_path, encoding, bom):
    text = "Kepala “Polisi” membantah—café résumé. " + BODY
    f = tmp_path / "a.txt"
    f.write_bytes(bom + text.encode(encoding))
    assert read_one(f)["text"] == text


def test_unicode_is_normalised(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Cafe\u0301\u00a0dan\u200b Rusia membantah laporan itu.", encoding="utf-8")
    assert read_one(f)["text"] == "Café dan Rusia membantah laporan itu."


@pytest.mark.parametrize("data,reason", [(b"", "empty"), (b"\x00\x01\x02\x03" * 50, "binary"), (b"   \n", "empty")])
def test_refused_bytes(data, reason):
    with pytest.raises(InputError, match=reason):
        decode(data)


def test_oversized_file_is_refused(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(BODY * 10, encoding="utf-8")
    ((_, _, err, _),) = read_path(f, max_bytes=100)
    assert isinstance(err, InputError) and "over the limit" in err.reason


def test_html_page(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(
        """<html><head><title>Korut Bantah Kirim Pasukan | Koran Contoh</title>
<meta property="og:site_name" content="Koran Contoh">
<meta property="article:published_time" content="2024-10-22T19:08:00+07:00">
<meta name="author" content="Tedy">
</head><body><nav><a href="/">Beranda</a> <a href="/dunia">Dunia</a></nav>
<article><h1>Korut Bantah Kirim Pasukan</h1>
<p>Korea Utara telah membantah laporan yang menyebutkan bahwa mereka mengirimkan pasukan ke Rusia untuk mendukung perang di Ukraina.</p>
<p>Pemerintah Pyongyang menyebut klaim yang berasal dari Korea Selatan itu sebagai rumor yang tidak berdasar dan bermotif politik.</p>
<p>Rusia tidak memberikan konfirmasi maupun bantahan terkait laporan pengiriman pasukan tersebut hingga Selasa malam.</p>
</article><footer>Hak cipta Koran Contoh. Semua hak dilindungi.</footer></body></html>""",
        encoding="utf-8",
    )
    a = read_one(f)
    assert a["published"] == "2024-10-22T19:08:00+07:00"
    assert a["source"] == "Koran Contoh"
    assert "membantah" in a["text"] and "Beranda" not in a["text"] and "Hak cipta" not in a["text"]


def test_article_id_is_by_content():
    a = article({"text": "Rusia membantah."}, "x.txt", "x.txt")
    b = article({"text": "Rusia  membantah.\n"}, "y.txt", "y.txt")
    assert a["id"] == b["id"]


def test_stdin_jsonl(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "s.db"
    line = json.dumps({"id": "s1", "text": "Russia denied sending troops.", "language": "en"})
    run = subprocess.run(
        [sys.executable, "-m", "datasette", "factcheck", "load", str(db), "-"],
        input=line,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert rows(db, "select ref from articles") == [{"ref": "s1"}]


def test_english_article_end_to_end(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Denial\nPublished: October 22, 2024\nSEOUL (Newswire) - North Korea denied sending troops to Russia on Tuesday.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Silence\nPublished: October 23, 2024\nLONDON (Example) - Pyongyang has remained silent about sending troops to Russia.\n",
        encoding="utf-8",
    )
    db = tmp_path / "e.db"
    assert load(db, folder).exit_code == 0
    got = rows(
        db,
        "select x.relation, x.kind, ca.value va, cb.value vb from contradictions x join claims ca on ca.id = x.claim_a join claims cb on cb.id = x.claim_b",
    )
    assert got == [{"relation": "conflict", "kind": "stance", "va": "denied", "vb": "silent"}]
    assert {r["language"] for r in rows(db, "select language from articles")} == {"en"}


def test_published_of_invisible_characters_is_missing_not_empty():
    """A date field holding only a zero-width space (found by test_fuzz) is no date."""
    from datasette_factcheck.read import article

    art = article({"text": "Sebanyak 10 orang tewas.", "published": "\u200b"}, "x.jsonl", "x")
    assert art["published"] is None


def test_jsonl_line_may_hold_a_raw_line_separator(tmp_path):
    """JSON allows U+2028 unescaped inside a string; it does not end the record."""
    from datasette_factcheck.read import read_path

    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"id": "a", "text": "Dua orang tewas.\u2028Tiga luka."}\n{"id": "b", "text": "Satu lagi."}\n', encoding="utf-8"
    )
    got = list(read_path(path))
    assert [item.ref for item in got] == ["a", "b"]
    assert "\u2028" in got[0][2]["text"] or "Tiga luka." in got[0][2]["text"]


def test_jsonl_streamed_from_disk_reads_as_the_whole_file_would(tmp_path):
    """A JSONL file on disk is read line by line (a big feed is never held
    whole); BOM, CRLF, a Windows-1252 line and blank lines read as before."""
    import json

    from datasette_factcheck.read import article, read_path
    from datasette_factcheck.read.decode import clean, decode
    from datasette_factcheck.read.formats import read_jsonl

    lines = [
        json.dumps({"id": f"r{i}", "text": f"Sebanyak {i} orang tewas di Kota Sumber, kata polisi."}).encode()
        for i in range(200)
    ]
    lines.insert(3, b"")
    lines.insert(
        7,
        json.dumps({"id": "cp", "text": "Polisi menyebut 5 orang tewas \u2013 caf\u00e9."}, ensure_ascii=False).encode(
            "cp1252"
        ),
    )
    data = b"\xef\xbb\xbf" + b"\r\n".join(lines) + b"\r\n{oops\r\n"
    path = tmp_path / "feed.jsonl"
    path.write_bytes(data)
    assert path.stat().st_size > 4096

    streamed = list(read_path(path))
    whole = [
        (n, r if not isinstance(r, dict) else article(r, str(path), r.get("id") or f"feed.jsonl:{n}"))
        for n, r in read_jsonl(clean(decode(data)))
    ]
    assert len(streamed) == len(whole) == 202
    texts = [item.item["text"] for item in streamed[:-1]]
    assert texts[:6] + texts[7:] == [a["text"] for _, a in whole[:-1]][:6] + [a["text"] for _, a in whole[:-1]][7:]
    assert (
        texts[6] == "Polisi menyebut 5 orang tewas \u2013 caf\u00e9."
    )  # decoded line by line: better than the whole file
    assert streamed[-1][1] == "feed.jsonl:203" and "malformed JSON" in streamed[-1][2].reason
