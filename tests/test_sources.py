"""Sources: the outlet of an article is the record's own, the masthead of its
dateline or the URL's registered domain; a dateline city, a country or a
person is never an outlet; one outlet under several host names is one
source. Every outlet, place and person here is invented."""

import json

import pytest
from conftest import load, rows

from datasette_factcheck.read import article, read_path, urls
from datasette_factcheck.read.datelines import dateline, masthead

BODY = "Banjir merendam ratusan rumah di Kota Sumber setelah hujan deras. Sebanyak 250 warga mengungsi ke balai desa."


def source_of(text, url=None, author=None, source=None):
    record = {"text": text, "url": url, "author": author, "source": source}
    return article({k: v for k, v in record.items() if v is not None}, "f.jsonl", "r")["source"]


@pytest.mark.parametrize(
    "text,url,expected",
    [
        # a masthead written as a host, in either order with the city
        (f"KOTA SUMBER, WARTACONTOH.COM - {BODY}", None, "wartacontoh.com"),
        (f"WARTACONTOH.COM, KOTA SUMBER – {BODY}", None, "wartacontoh.com"),
        (f"WartaContoh.co.id - {BODY}", None, "wartacontoh.co.id"),
        # two names: the one that is not a place is the outlet
        (f"Jakarta, Warta Lembah - {BODY}", None, "Warta Lembah"),
        (f"Harian Lembah Hijau, Jakarta – {BODY}", None, "Harian Lembah Hijau"),
        (f"KOTA, WARTALEMBAH - {BODY}", None, "WARTALEMBAH"),
        # an agency in parentheses
        ("RIVEREND (Valley Wire) - Floods swept through the town, officials said.", None, "Valley Wire"),
        # a name of several words in mixed case
        (f"Kabar Lembah Hijau – {BODY}", None, "Kabar Lembah Hijau"),
    ],
)
def test_outlet_from_the_dateline(text, url, expected):
    assert source_of(text, url) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"JAKARTA – {BODY}",  # a dateline city alone
        f"Jakarta - {BODY}",
        f"SUKAMAJU – {BODY}",  # a city no list knows: one word alone
        f"TANAH LEMBAH - {BODY}",  # a name in capitals alone
        "TEHRAN, Iran — Floods swept through the town, officials said.",  # city, country
        f"SUKAMAJU, Indonesia - {BODY}",
        "Korea Utara - Banjir merendam ratusan rumah.",  # a country
        f"Jawa Barat - {BODY}",  # a name made of place words
        "Tanah Lembah - Banjir merendam ratusan rumah di Tanah Lembah.",  # the text puts it after a preposition
        "Kapolres Budi Santoso - Banjir merendam ratusan rumah.",  # a person: a title before the name
    ],
)
def test_a_city_country_or_person_is_never_the_outlet(text):
    assert source_of(text) is None
    assert source_of(text, url="https://www.wartacontoh.co.id/berita/banjir") == "wartacontoh.co.id"


def test_the_byline_is_no_outlet():
    assert source_of(f"Budi Santoso - {BODY}") == "Budi Santoso"
    assert source_of(f"Budi Santoso - {BODY}", author="Budi Santoso") is None


def test_a_name_in_capitals_is_the_outlet_on_its_own_domain_written_as_a_reader_writes_it():
    assert source_of(f"KABAR LEMBAH - {BODY}", url="https://www.kabar-lembah.co.id/daerah/banjir") == "Kabar Lembah"
    assert source_of(f"TVK NEWS - {BODY}", url="https://www.tvknews.example/daerah/banjir") == "TVK News"
    assert source_of(f"KABAR LEMBAH - {BODY}", url="https://lain.example/daerah/banjir") == "lain.example"


def test_the_records_own_source_comes_first():
    assert source_of(f"KOTA SUMBER, WARTACONTOH.COM - {BODY}", source="Warta Contoh Daring") == "Warta Contoh Daring"
    assert source_of(BODY, source="news.wartacontoh.co.id") == "wartacontoh.co.id"


def test_the_masthead_may_follow_title_and_byline_lines():
    text = f"Banjir Rendam Kota Sumber\n\nWarga mengungsi ke balai desa\n\nPenulis: Budi Santoso\n\nKota Sumber, Warta Lembah - {BODY}"
    assert source_of(text) == "Warta Lembah"
    head = masthead(text)
    assert text[head.start : head.end] == "Kota Sumber, Warta Lembah - "  # its span: names of no actor of the story
    # the first paragraph ends the search: a dash later in the body is no dateline
    assert source_of(f"{BODY}\n\nWarta Lembah - Berita lain.") is None


@pytest.mark.parametrize(
    "url",
    [
        "https://news.wartacontoh.co.id/berita/d-123/banjir",
        "https://m.wartacontoh.co.id/berita/banjir",
        "https://www.wartacontoh.co.id/berita/banjir",
        "http://wartacontoh.co.id/berita/banjir",
        "https://daerah.WartaContoh.co.id:443/banjir",
    ],
)
def test_host_names_of_one_outlet_are_one_source(url):
    assert source_of(BODY, url=url) == "wartacontoh.co.id"
    assert source_of(f"WARTACONTOH.CO.ID - {BODY}", url=url) == "wartacontoh.co.id"


@pytest.mark.parametrize(
    "name,expected",
    [
        ("https://news.example.com/x", "example.com"),
        ("kota24.warta-contoh.com", "warta-contoh.com"),
        ("https://www.contoh.co.uk/2020/01/09/x", "contoh.co.uk"),
        ("https://berita.contoh.go.id/x", "contoh.go.id"),
        ("https://lembah.blogspot.com/2020/01/x.html", "lembah.blogspot.com"),  # each blog its own
        ("http://192.168.1.20/x", "192.168.1.20"),
        ("http://localhost:8001/x", "localhost"),
        ("", None),
    ],
)
def test_registered_domain(name, expected):
    assert urls.registered_domain(name) == expected


@pytest.mark.parametrize(
    "host,expected",
    [
        ("news.contoh.com", "contoh.com"),
        ("m.contoh.co.id", "contoh.co.id"),
        ("www.contoh.co.uk", "contoh.co.uk"),
        ("contoh.id", "contoh.id"),
        ("a.b.contoh.org", "contoh.org"),
    ],
)
def test_registered_domain_without_the_suffix_list(host, expected):
    assert urls._fallback_domain(host) == expected


def test_the_dateline_span_covers_a_city_alone():
    """The prefix is cut from the body for entities and copies even when it names no outlet."""
    text = "TEHRAN, Iran — Floods swept through the town."
    assert dateline(text) == (None, len("TEHRAN, Iran — "))
    assert dateline("Korea Utara tetap diam soal itu.") == (None, 0)
    assert masthead("Judul Saja") is None


def test_sources_through_the_cli(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        f"https://news.wartacontoh.co.id/2024/03/05/banjir\n\nKOTA SUMBER - {BODY}\n", encoding="utf-8"
    )
    (folder / "b.txt").write_text(
        f"Banjir Kota Sumber\n\nKOTA SUMBER, WartaContoh.co.id - {BODY} Jalan desa putus.\n", encoding="utf-8"
    )
    (folder / "c.md").write_text(
        f"# Banjir Kota Sumber\n\nJakarta, Warta Lembah - {BODY} Jembatan rusak.\n", encoding="utf-8"
    )
    (folder / "feed.jsonl").write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {
                    "id": "r1",
                    "url": "https://m.wartacontoh.co.id/berita/banjir-2",
                    "text": f"{BODY} Sekolah diliburkan.",
                },
                {"id": "r2", "text": f"TEHRAN, Iran — {BODY} Pasar tutup."},
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.db"
    result = load(db, folder, args=["--no-detect"])
    assert result.exit_code == 0, result.output
    got = {r["ref"]: r["source"] for r in rows(db, "select ref, source from articles")}
    assert got == {
        "a.txt": "wartacontoh.co.id",
        "b.txt": "wartacontoh.co.id",
        "c.md": "Warta Lembah",
        "r1": "wartacontoh.co.id",
        "r2": None,
    }


def test_read_path_of_an_html_page_keeps_its_site_name(tmp_path):
    f = tmp_path / "p.html"
    f.write_text(
        """<html><head><title>Banjir | Warta Lembah</title>
<meta property="og:site_name" content="www.wartalembah.co.id">
<meta property="article:published_time" content="2024-03-05T08:15:00+07:00">
</head><body><article><h1>Banjir</h1>
<p>Banjir merendam ratusan rumah warga di Kota Sumber sejak Senin malam setelah hujan deras mengguyur kawasan itu.</p>
<p>Badan penanggulangan bencana setempat mencatat sedikitnya 250 warga mengungsi ke balai desa dan masjid terdekat.</p>
</article></body></html>""",
        encoding="utf-8",
    )
    (item,) = read_path(f)
    assert item.item["source"] == "wartalembah.co.id"
