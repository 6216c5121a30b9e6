"""Time: the publication date and URL of an article, from labelled header
lines, the URL's path, a date line under the title, a wire dateline and a
saved page's meta tags. Every article here is invented."""

import datetime as dt
import json

import pytest
from conftest import load, rows

from datasette_factcheck.read import article, read_path
from datasette_factcheck.read.urls import url_date

BODY_ID = (
    "Banjir merendam ratusan rumah di Kota Sumber setelah hujan deras. Sebanyak 250 warga mengungsi ke balai desa."
)
BODY_EN = "Floods swept through the town of Riverend after heavy rain. Some 250 residents fled to a village hall."


def read_one(path):
    (item,) = list(read_path(path))
    return item.item


def txt(tmp_path, text, name="a.txt"):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return read_one(f)


# ------------------------------------------------------- labelled header lines


def test_labelled_headers_in_english(tmp_path):
    a = txt(
        tmp_path,
        (
            "Title: Floods hit Riverend\n"
            "URL: https://www.riverend-courier.example/news/floods-hit-riverend\n"
            "Source: Riverend Courier\n"
            "Published: March 5, 2024 8:15 AM GMT\n\n"
            f"{BODY_EN}\n"
        ),
    )
    assert a["title"] == "Floods hit Riverend"
    assert a["url"] == "https://www.riverend-courier.example/news/floods-hit-riverend"
    assert a["source"] == "Riverend Courier"
    assert a["published"] == "2024-03-05T08:15:00+00:00"
    assert a["text"] == BODY_EN


def test_labelled_headers_in_indonesian(tmp_path):
    a = txt(
        tmp_path,
        (
            "Judul: Banjir Rendam Kota Sumber\n"
            "Tautan: https://warta-contoh.example/daerah/banjir-rendam-kota-sumber\n"
            "Sumber: WartaContoh.com\n"
            "Tanggal: 5 Maret 2024 08:15 WIB\n\n"
            f"{BODY_ID}\n"
        ),
    )
    assert a["title"] == "Banjir Rendam Kota Sumber"
    assert a["url"] == "https://warta-contoh.example/daerah/banjir-rendam-kota-sumber"
    assert a["source"] == "wartacontoh.com"  # a masthead written as a host: its registered domain
    assert a["published"] == "2024-03-05T08:15:00+07:00"
    assert a["text"] == BODY_ID


def test_a_url_line_is_never_the_title_and_its_url_is_kept(tmp_path):
    a = txt(tmp_path, f"URL: https://news.warta-contoh.example/2024/03/05/banjir\n\n{BODY_ID}\n")
    assert a["title"] is None
    assert a["url"] == "https://news.warta-contoh.example/2024/03/05/banjir"
    assert a["published"] == "2024-03-05"
    assert a["source"] == "warta-contoh.example"


def test_a_date_label_in_english(tmp_path):
    a = txt(tmp_path, f"Floods hit Riverend\nDate: 5 March 2024\n{BODY_EN}\n")
    assert a["published"] == "2024-03-05" and a["title"] == "Floods hit Riverend"


def test_labels_in_the_body_are_body(tmp_path):
    """After the header, "Sumber:" names whose figures they are, and a link is another page's."""
    a = txt(
        tmp_path,
        f"Banjir Rendam Kota Sumber\n\n{BODY_ID}\n\nSumber: BPBD Kota Sumber\nhttps://lain.example/2020/01/01/x\n",
    )
    assert a["source"] is None and a["url"] is None and a["published"] is None
    assert a["text"].endswith("Sumber: BPBD Kota Sumber\nhttps://lain.example/2020/01/01/x")


def test_a_read_also_link_is_not_the_articles_url(tmp_path):
    a = txt(tmp_path, f"Banjir Rendam Kota Sumber\nBaca juga: https://lain.example/2020/01/01/x\n\n{BODY_ID}\n")
    assert a["url"] is None and a["published"] is None


# ------------------------------------------------------------------ URL dates


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://warta.example/2022/11/21/gempa-kota", ("2022-11-21", "day")),
        ("https://warta.example/news/2022/7/3/banjir", ("2022-07-03", "day")),
        ("https://warta.example/news/2020-01-10/pesawat-jatuh", ("2020-01-10", "day")),
        ("https://warta.example/read/20200111/19/1189/judul", ("2020-01-11", "day")),
        ("https://warta.example/news/20200108125756-7-128535/judul/1", ("2020-01-08", "day")),
        ("https://warta.example/berita/202001081257-judul", ("2020-01-08", "day")),
        ("https://warta.example/world/middle_east/judul/2020/01/09/39c5cd04_story.html", ("2020-01-09", "day")),
        ("https://warta.example/2023/02/judul-tanpa-hari/", ("2023-02", "month")),
        ("https://warta.example/berita/d-6419642/judul", (None, None)),
        ("https://warta.example/amp/200704/judul", (None, None)),
        ("https://warta.example/2022/13/45/judul", (None, None)),
        ("https://warta.example/2022/02/30/judul", (None, None)),
        ("https://warta.example/artikel/20221345/judul", (None, None)),
        ("https://warta.example/news/123319/2099/01/01/x", (None, None)),
        ("https://2022.example/11/21/x", (None, None)),  # the host is no date
    ],
)
def test_url_date_shapes(url, expected):
    assert url_date(url, today=dt.date(2026, 1, 1)) == expected


def test_record_date_from_url():
    a = article({"text": BODY_ID, "url": "https://m.warta.example/news/20200108125756-7-1/judul"}, "f.jsonl", "r1")
    assert a["published"] == "2020-01-08"


# ------------------------------------------ a date line under a record's title


def test_record_date_line_under_the_title():
    text = f"Banjir Rendam Kota Sumber\n\n5 Maret 2024 08:15 WIB | komentar | bagikan\n\n{BODY_ID}"
    a = article({"text": text, "url": "https://warta.example/daerah/banjir-rendam-kota-sumber-1xYz"}, "f.jsonl", "r1")
    assert a["published"] == "2024-03-05T08:15:00+07:00"
    assert a["text"] == text  # a record's text is kept as given: claim offsets point into it


@pytest.mark.parametrize(
    "lines,url,expected",
    [
        # a URL of the month only takes its day from the date line under the title
        (
            "The town is still counting the cost.\n\nA. Writer\nMarch 5, 2024, 06:45 PM",
            "/2024/03/floods-hit-riverend/",
            "2024-03-05T18:45:00",
        ),
        # ... and refuses a date line of another month: the month alone is not stored (the claims' dates are inferred)
        ("April 5, 2023", "/2024/03/floods-hit-riverend/", None),
        # a URL's day outweighs a date line more than a day from it
        ("March 1, 2020", "/2024/03/05/floods", "2024-03-05"),
        ("March 5, 2024 11:30 PM", "/2024/03/06/floods", "2024-03-05T23:30:00"),
    ],
)
def test_url_date_and_date_line_together(lines, url, expected):
    text = f"Floods hit Riverend\n\n{lines}\n\n{BODY_EN}"
    assert article({"text": text, "url": "https://courier.example" + url}, "f.jsonl", "r1")["published"] == expected


def test_a_record_month_bounds_the_text_date():
    text = f"Banjir Rendam Kota Sumber\n\n5 Maret 2024 08:15 WIB\n\n{BODY_ID}"
    assert article({"text": text, "published": "2024-03"}, "f.jsonl", "r1")["published"] == "2024-03-05T08:15:00+07:00"
    assert article({"text": text, "published": "2024-04"}, "f.jsonl", "r2")["published"] is None


def test_a_long_body_line_ends_the_header_search():
    """A date in the body is an event's, not the publication's."""
    text = (
        "Floods swept through the town of Riverend after heavy rain, officials said on Tuesday, and the water "
        "kept rising through the night as rescuers moved from house to house.\n\nMarch 1, 2020\n"
    )
    assert article({"text": text}, "f.jsonl", "r1")["published"] is None


def test_record_url_line_in_the_text():
    text = f"Banjir Rendam Kota Sumber\nURL: https://warta.example/2024/03/05/banjir\n\n{BODY_ID}"
    a = article({"text": text}, "f.jsonl", "r1")
    assert a["url"] == "https://warta.example/2024/03/05/banjir" and a["published"] == "2024-03-05"


# --------------------------------------------------------------- wire datelines


def test_wire_dateline_date_with_the_year_from_the_url():
    text = "RIVEREND, Oct. 21 (Valley Wire) -- Floods swept through the town after heavy rain, officials said."
    a = article({"text": text, "url": "https://valleywire.example/2023/10/floods"}, "f.jsonl", "r1")
    assert a["published"] == "2023-10-21" and a["source"] == "Valley Wire"


def test_wire_dateline_date_with_the_year_from_the_text():
    text = (
        "RIVEREND, Oct. 21 (Valley Wire) -- Floods swept through the town after heavy rain on October 19, 2023, "
        "officials said."
    )
    a = article({"text": text}, "f.jsonl", "r1")
    assert a["published"] == "2023-10-21"


def test_wire_dateline_in_indonesian():
    text = "KOTA SUMBER, 21 Okt (Kantor Berita Lembah) - Banjir merendam ratusan rumah pada 20 Oktober 2023."
    a = article({"text": text}, "f.jsonl", "r1")
    assert a["published"] == "2023-10-21" and a["source"] == "Kantor Berita Lembah"


def test_wire_dateline_without_any_year_gives_no_date():
    text = "RIVEREND, Oct. 21 (Valley Wire) -- Floods swept through the town after heavy rain, officials said."
    assert article({"text": text}, "f.jsonl", "r1")["published"] is None


def test_a_masthead_dateline_carries_no_date(tmp_path):
    a = txt(tmp_path, "JAKARTA, WARTACONTOH.COM - Banjir merendam ratusan rumah. Sebanyak 250 warga mengungsi.\n")
    assert a["published"] is None and a["source"] == "wartacontoh.com"


# ------------------------------------------------------------------- HTML pages


def test_html_json_ld_date_and_canonical_url(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(
        """<html><head><title>Banjir Rendam Kota Sumber | Warta Contoh</title>
<link rel="canonical" href="https://www.warta-contoh.example/berita/banjir-rendam-kota-sumber">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Banjir Rendam Kota Sumber", "datePublished": "2024-03-05T08:15:00+07:00"}</script>
</head><body><article><h1>Banjir Rendam Kota Sumber</h1>
<p>Banjir merendam ratusan rumah warga di Kota Sumber sejak Senin malam setelah hujan deras mengguyur kawasan itu.</p>
<p>Badan penanggulangan bencana setempat mencatat sedikitnya 250 warga mengungsi ke balai desa dan masjid terdekat.</p>
<p>Petugas masih mendata kerugian akibat banjir yang juga merusak jalan dan jembatan di tiga kecamatan.</p>
</article></body></html>""",
        encoding="utf-8",
    )
    a = read_one(f)
    assert a["published"] == "2024-03-05T08:15:00+07:00"
    assert a["url"] == "https://www.warta-contoh.example/berita/banjir-rendam-kota-sumber"


# --------------------------------------------------------------- through the CLI


def test_cli_stores_time_and_url(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        f"URL: https://news.warta-contoh.example/2024/03/05/banjir\n\nKOTA SUMBER, WARTACONTOH.COM - {BODY_ID}\n",
        encoding="utf-8",
    )
    (folder / "feed.jsonl").write_text(
        json.dumps(
            {
                "id": "r1",
                "url": "https://courier.example/2024/03/floods-hit-riverend/",
                "text": f"Floods hit Riverend\n\nA. Writer\nMarch 6, 2024, 09:10 AM\n\n{BODY_EN}",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "m.db"
    result = load(db, folder, args=["--no-detect"])
    assert result.exit_code == 0, result.output
    got = {r["ref"]: r for r in rows(db, "select ref, url, title, source, published from articles")}
    assert got["a.txt"] == {
        "ref": "a.txt",
        "url": "https://news.warta-contoh.example/2024/03/05/banjir",
        "title": None,
        "source": "wartacontoh.com",
        "published": "2024-03-05",
    }
    assert got["r1"]["published"] == "2024-03-06T09:10:00" and got["r1"]["source"] == "courier.example"
