"""Seeded generator of synthetic news for the benchmarks.

    .venv/bin/python benchmarks/generate.py N OUT.jsonl [--seed 1]

Writes N articles, one JSON object a line, with the fields
``id, text, title, published, source, language, url``. The same N and seed
always give the same bytes.

What is in it, and why:

* Stories of a few kinds (a troop deployment, a weapons shipment, a flood, a
  stadium crush, an air strike), each with its own actors drawn from
  ``datasette_factcheck/lexicons/entities.yml``, its own invented places and
  organisations, a true figure per slot, competing figures, a toll that grows
  over the days, and stances that turn (denied, then confirmed).
  Stories are sized like real coverage: most have a few dozen articles, a few
  have hundreds. The number of stories grows with N, so a bigger corpus has
  more slots, not only fuller ones.
* Indonesian (about 60 %) and English articles. Numbers in both conventions
  (12.000 / 12,000 / 1,5 juta / 1.5 million / number words), with hedges
  (sekitar, lebih dari, about, more than) and vague amounts (ribuan, hundreds).
  Dates in every supported form (21 Oktober 2024, Jumat (18/10), Senin
  (28/10/2024), October 21, 2024, Oct. 18, Juni 2024, tahun 2022, on Monday).
  Month and weekday names, entity aliases and stance verbs come from the
  lexicons.
* Controlled contradictions: an outlet reports a competing figure for the same
  slot, a stance contrary to what others report, or a different date for the
  same event; later articles revise the toll ("bertambah menjadi").
* Near-duplicates: about one article in eight is an earlier article of the same
  story re-published by another outlet with small edits; its ``copy_of`` names
  the original, the truth the copy finder is scored on.
* Things that are not claims: clock times, scores, gate numbers, phone numbers,
  years in background sentences.

The generator only writes text; it does not import the package, so it can run
against any version of it.
"""

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

import yaml

LEXICONS = Path(__file__).resolve().parent.parent / "datasette_factcheck" / "lexicons"

OUTLETS = {
    "id": [
        ("Kabar Lembah", "kabarlembah.com"),
        ("Suara Banua", "suarabanua.com"),
        ("Harian Nusantara", "hariannusantara.id"),
        ("Warta Timur", "wartatimur.co.id"),
        ("Jepara Pos", "jeparapos.com"),
        ("Koran Prabumulih Pos", "prabumulihpos.id"),
        ("Kabar Global", "kabarglobal.id"),
        ("Tribun Rawa", "tribunrawa.com"),
        ("Berita Andalas", "beritaandalas.co.id"),
        ("Sinar Pagi", "sinarpagi.id"),
        ("Detak Kota", "detakkota.com"),
        ("Radar Selatan", "radarselatan.id"),
    ],
    "en": [
        ("The Archipelago Post", "archipelagopost.com"),
        ("Global Affairs Daily", "globalaffairsdaily.com"),
        ("Seoul Observer", "seoulobserver.com"),
        ("Borneo Herald", "borneoherald.com"),
        ("Example Times", "times.example"),
        ("Pacific Wire", "pacificwire.net"),
        ("The Morning Ledger", "morningledger.com"),
        ("Asia Desk", "asiadesk.org"),
    ],
}

# The name an outlet of each language would use first for an entity; other
# aliases from entities.yml are used now and then.
PRIMARY = {
    "id": {
        "north-korea": "Korea Utara",
        "south-korea": "Korea Selatan",
        "russia": "Rusia",
        "ukraine": "Ukraina",
        "united-states": "Amerika Serikat",
        "china": "China",
        "japan": "Jepang",
        "iran": "Iran",
        "israel": "Israel",
        "belarus": "Belarus",
        "united-kingdom": "Inggris",
        "france": "Prancis",
        "germany": "Jerman",
        "nato": "NATO",
        "united-nations": "PBB",
        "european-union": "Uni Eropa",
        "indonesian-police": "Polri",
        "indonesian-military": "TNI",
        "hamas": "Hamas",
        "palestine": "Palestina",
    },
    "en": {},
}

SYLLABLES = [
    "ba",
    "ra",
    "wa",
    "ti",
    "ma",
    "su",
    "ka",
    "lo",
    "nga",
    "de",
    "ja",
    "pu",
    "sa",
    "rim",
    "tan",
    "ge",
    "lang",
    "bu",
    "sin",
    "do",
]

PLACE_WORDS = ["Tanah", "Sungai", "Bukit", "Muara", "Teluk", "Padang", "Rawa", "Lembah", "Tanjung", "Kota"]


class Lex:
    """What the generator takes from the package's lexicons."""

    def __init__(self):
        self.data = {
            code: yaml.safe_load((LEXICONS / f"{code}.yml").read_text(encoding="utf-8")) for code in ("id", "en")
        }
        self.entities = {
            e["id"]: e for e in yaml.safe_load((LEXICONS / "entities.yml").read_text(encoding="utf-8"))["entities"]
        }
        self.months = {}
        self.month_abbr = {}
        self.weekdays = {}
        for code, data in self.data.items():
            by_number = {}
            for name, number in data["months"].items():
                by_number.setdefault(number, []).append(name)
            self.months[code] = {n: max(names, key=len).capitalize() for n, names in by_number.items()}
            self.month_abbr[code] = {n: min(names, key=len).capitalize() for n, names in by_number.items()}
            by_day = {}
            for name, number in data["weekdays"].items():
                by_day.setdefault(number, []).append(name)
            self.weekdays[code] = {
                n: max((w for w in names if "'" not in w), key=len).capitalize() for n, names in by_day.items()
            }
        self.stances = {code: data["stances"] for code, data in self.data.items()}

    def stance_words(self, code, value, allowed):
        """The lexicon's cue words for a stance that fit our sentence frames."""
        cues = set(self.stances[code][value])
        words = [w for w in allowed if w in cues or w.rsplit(" ", 1)[0] in cues]
        return words or list(allowed)

    def name(self, rng, code, entity_id):
        primary = PRIMARY[code].get(entity_id) or self.entities[entity_id]["name"]
        if rng.random() < 0.25:
            aliases = [
                a for a in self.entities[entity_id]["aliases"] if len(a) > 3 and "(" not in a and not _adjective(a)
            ]
            if aliases:
                return rng.choice(aliases)
        return primary


def _adjective(alias):
    """'French', 'Russian', 'Korean': a lexicon alias that is not a noun phrase we can put in a frame."""
    return alias.split()[-1].endswith(("ian", "ese", "ish", "ench", "ean", "can"))


# Stance verbs that fit "X <verb> <proposition>" (id) and "X <verb> <proposition>" (en).
# (Lists, not sets: iteration order must not depend on hash randomisation.)
ID_VERBS = {
    "confirmed": ["mengakui", "membenarkan", "mengonfirmasi", "mengkonfirmasi"],
    "denied": ["membantah", "menyangkal", "menepis"],
    "silent": [
        "bungkam soal",
        "membisu soal",
        "tutup mulut soal",
        "menolak berkomentar soal",
        "enggan berkomentar soal",
        "belum berkomentar soal",
    ],
}
EN_VERBS = {
    "confirmed": ["confirmed", "acknowledged", "admitted"],
    "denied": ["denied", "rejected reports of", "dismissed reports of"],
    "silent": ["declined to comment on", "stayed silent on", "has not commented on", "remained silent on"],
}

# ----------------------------------------------------------------------------
# Numbers and dates in each language's conventions


def group_digits(n, sep):
    return f"{n:,}".replace(",", sep)


def fmt_number(rng, code, n, allow_words=True):
    """A count as a reporter would write it."""
    if allow_words and n <= 11 and rng.random() < 0.4:
        words = {v: k for k, v in LEX.data[code]["number_words"].items() if isinstance(v, int) and k not in ("a",)}
        if n in words:
            return words[n]
    if n >= 1_000_000 and n % 100_000 == 0:
        m = n / 1_000_000
        text = f"{m:g}"
        return (text.replace(".", ",") + " juta") if code == "id" else (text + " million")
    if n >= 10_000 and n % 1000 == 0 and rng.random() < 0.15:
        return f"{n // 1000} ribu" if code == "id" else f"{n // 1000},000"
    return group_digits(n, "." if code == "id" else ",")


HEDGES = {
    "id": [("", 6), ("sekitar ", 3), ("lebih dari ", 2), ("sedikitnya ", 2), ("hampir ", 1), ("kurang lebih ", 1)],
    "en": [("", 6), ("about ", 3), ("more than ", 2), ("at least ", 2), ("nearly ", 1), ("some ", 1)],
}


def hedged(rng, code, n):
    words, weights = zip(*HEDGES[code])
    return rng.choices(words, weights)[0] + fmt_number(rng, code, n)


def fmt_date(rng, code, d, ref=None, form=None):
    """A date in one of the supported forms; ``ref`` is the publication date."""
    months, abbr, weekdays = LEX.months[code], LEX.month_abbr[code], LEX.weekdays[code]
    forms = ["full", "full", "weekday_paren", "weekday_paren_year", "abbr"]
    if ref is not None and 0 <= (ref - d).days <= 5:
        forms += ["weekday", "weekday"]
    form = form or rng.choice(forms)
    wd = weekdays[d.weekday()]
    if form == "weekday_paren":
        return f"{wd} ({d.day}/{d.month})" if code == "id" else f"{wd} ({d.day} {months[d.month]})"
    if form == "weekday_paren_year":
        return f"{wd} ({d.day}/{d.month}/{d.year})" if code == "id" else f"{wd}, {months[d.month]} {d.day}, {d.year}"
    if form == "abbr":
        return f"{d.day} {abbr[d.month]} {d.year}" if code == "id" else f"{abbr[d.month]}. {d.day}"
    if form == "weekday":
        return f"hari {wd}" if code == "id" else f"on {wd}"
    if form == "month":
        return f"{months[d.month]} {d.year}"
    return f"{d.day} {months[d.month]} {d.year}" if code == "id" else f"{months[d.month]} {d.day}, {d.year}"


def on_date(code, text):
    """'pada 21 Oktober 2024' / 'on October 21, 2024', leaving 'hari Senin' / 'on Monday' alone."""
    if text.startswith(("hari ", "on ")):
        return text
    return ("pada " if code == "id" else "on ") + text


# ----------------------------------------------------------------------------
# Stories


def invented_place(rng):
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()
    return f"{rng.choice(PLACE_WORDS)} {word}"


COUNTRIES = [
    "north-korea",
    "russia",
    "iran",
    "china",
    "united-states",
    "israel",
    "belarus",
    "south-korea",
    "ukraine",
    "japan",
    "united-kingdom",
    "france",
    "germany",
]
OBSERVERS = [
    "united-states",
    "south-korea",
    "nato",
    "united-nations",
    "european-union",
    "japan",
    "united-kingdom",
    "ukraine",
    "china",
    "germany",
]


class Story:
    """One news event: its actors, slots, true figures and how coverage unfolds."""

    def __init__(self, rng, number):
        self.rng = rng
        self.number = number
        self.kind = rng.choices(["deployment", "weapons", "flood", "crush", "strike"], [3, 2, 3, 2, 2])[0]
        self.start = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(0, 6 * 365))
        # Coverage sizes: lognormal, median ~30, a long tail of big stories.
        self.size = max(3, min(600, int(rng.lognormvariate(3.4, 0.9))))
        self.place = invented_place(rng)
        self.days = max(3, int(rng.expovariate(1 / 20)))
        self.turn_day = rng.randrange(2, self.days + 2)  # when the actor changes its stance
        if self.kind in ("deployment", "weapons", "strike"):
            self.actor, self.target = rng.sample(COUNTRIES, 2)
            self.observers = [o for o in rng.sample(OBSERVERS, 3) if o not in (self.actor, self.target)]
        else:
            self.actor = self.target = None
            self.observers = []
        if self.kind == "deployment":
            self.truth = {"troops": rng.choice([1500, 3000, 8000, 10000, 12000, 15000, 1_500_000 // 100])}
        elif self.kind == "weapons":
            self.truth = {"missiles": rng.choice([200, 400, 1300, 40, 2500]), "launchers": rng.choice([12, 40, 60])}
        elif self.kind == "flood":
            self.truth = {
                "dead": rng.randrange(3, 60),
                "missing": rng.randrange(1, 15),
                "evacuees": rng.choice([800, 1500, 2100, 4500, 12000, 30000]),
                "homes": rng.choice([600, 1200, 12000, 25000]),
                "affected": rng.choice([600_000, 1_500_000, 250_000]),
            }
            self.company = f"PT {self.place.split()[1]} Energi"
        elif self.kind == "crush":
            self.truth = {
                "dead": rng.randrange(20, 140),
                "injured": rng.randrange(100, 500),
                "suspects": rng.randrange(3, 9),
            }
            self.stadium = f"Stadion {self.place.split()[1]}"
        else:
            self.truth = {"dead": rng.randrange(5, 90), "injured": rng.randrange(20, 300)}
        # Competing figures some outlets report instead of the truth.
        self.rival = {k: max(1, int(v * rng.choice([0.8, 0.9, 1.2, 1.5, 2]))) for k, v in self.truth.items()}
        self.event_date = self.start
        self.rival_event_date = self.start - dt.timedelta(days=rng.choice([1, 2, 3]))
        word = self.place.split()[1]
        self.people = [f"{rng.choice(FIRST_NAMES)} {surname(rng)}" for _ in range(rng.randrange(2, 5))]
        self.agencies = {code: [a.format(w=word) for a in rng.sample(AGENCIES[code], 3)] for code in AGENCIES}
        self.sent = []  # (language, text, title, day, source, id) of earlier articles, for near-duplicates
        self.copies = set()  # (index in sent, outlet) already republished

    def figure(self, slot, day):
        """The figure an outlet reports for a slot on a day: mostly the truth,
        tolls grow over time, now and then a rival figure."""
        value = self.truth[slot]
        if slot in ("dead", "injured") and day > 0:
            value = int(value * (1 + 0.15 * min(day, 6)))
        r = self.rng.random()
        if r < 0.15:
            value = self.rival[slot]
        return value

    def stance(self, day):
        """The actor's stance on the day, as most outlets report it; some outlets get it wrong."""
        value = "denied" if day < self.turn_day else "confirmed"
        r = self.rng.random()
        if r < 0.12:
            value = "silent"
        elif r < 0.2:
            value = "confirmed" if value == "denied" else "denied"
        return value


def pick(rng, options):
    return rng.choice(options)


def para_deployment(rng, code, s, day, ref):
    actor, target = LEX.name(rng, code, s.actor), LEX.name(rng, code, s.target)
    troops = hedged(rng, code, s.figure("troops", day))
    when = fmt_date(rng, code, s.rival_event_date if rng.random() < 0.1 else s.event_date, ref)
    obs = LEX.name(rng, code, s.observers[0]) if s.observers else "NATO"
    stance = s.stance(day)
    if code == "id":
        verb = pick(rng, LEX.stance_words("id", stance, ID_VERBS[stance]))
        body = [
            f"Badan intelijen {obs} mengatakan {actor} telah mengirim {troops} tentara ke {target}.",
            f"Menurut {obs}, gelombang pertama pasukan tiba {on_date(code, when)}.",
            pick(
                rng,
                [
                    f"{actor} {verb} pengiriman pasukan ke {target}.",
                    f"Pemerintah {actor} {verb} laporan pengiriman pasukan tersebut.",
                ],
            ),
        ]
        if rng.random() < 0.5:
            body.append(
                f"Sebanyak {fmt_number(rng, code, max(1, s.truth['troops'] // 10))} di antaranya disebut merupakan pasukan khusus."
            )
    else:
        verb = pick(rng, LEX.stance_words("en", stance, EN_VERBS[stance]))
        body = [
            f"{obs}'s intelligence service said {actor} had sent {troops} troops to {target}.",
            f"The first units arrived {on_date(code, when)}, according to {obs}.",
            pick(
                rng,
                [
                    f"{actor} {verb} sending troops to {target}.",
                    f"A spokesperson for {actor} {verb} the troop deployment.",
                ],
            ),
        ]
    return body


def para_weapons(rng, code, s, day, ref):
    actor, target = LEX.name(rng, code, s.actor), LEX.name(rng, code, s.target)
    missiles = hedged(rng, code, s.figure("missiles", day))
    launchers = hedged(rng, code, s.figure("launchers", day))
    when = fmt_date(rng, code, s.event_date, ref, form=rng.choice(["full", "abbr", "month"]))
    stance = s.stance(day)
    if code == "id":
        verb = pick(rng, LEX.stance_words("id", stance, ID_VERBS[stance]))
        return [
            f"{actor} dilaporkan mengirimkan {missiles} rudal balistik ke {target} sejak {when}.",
            f"Pengiriman itu juga mencakup {launchers} peluncur.",
            f"{actor} {verb} pasokan senjata ke {target}.",
        ]
    verb = pick(rng, LEX.stance_words("en", stance, EN_VERBS[stance]))
    return [
        f"{actor} has shipped {missiles} ballistic missiles to {target} since {when}, officials said.",
        f"The shipment also included {launchers} launchers.",
        f"{actor} {verb} the weapons supply to {target}.",
    ]


def para_flood(rng, code, s, day, ref):
    when = fmt_date(rng, code, s.rival_event_date if rng.random() < 0.1 else s.event_date, ref)
    dead, missing = fmt_number(rng, code, s.figure("dead", day)), fmt_number(rng, code, s.figure("missing", day))
    evac, homes = hedged(rng, code, s.figure("evacuees", day)), hedged(rng, code, s.figure("homes", day))
    affected = hedged(rng, code, s.figure("affected", day))
    stance = s.stance(day)
    later = day > 3
    if code == "id":
        verb = pick(rng, LEX.stance_words("id", stance, ID_VERBS[stance]))
        return [
            f"Banjir bandang menerjang Kabupaten {s.place} {on_date(code, when)} malam setelah hujan deras mengguyur wilayah itu.",
            (
                f"Jumlah korban meninggal kini bertambah menjadi {dead} orang, sementara {missing} orang masih hilang."
                if later
                else f"Sedikitnya {dead} orang dilaporkan meninggal dunia dan {missing} orang masih hilang."
            ),
            f"{evac.capitalize()} warga terpaksa mengungsi, dan {homes} rumah terendam.",
            f"Kepala BPBD {s.place} mengatakan {affected} jiwa terdampak.",
            f"{s.company} {verb} jebolnya tanggul bendungan.",
        ]
    verb = pick(rng, LEX.stance_words("en", stance, EN_VERBS[stance]))
    return [
        f"Flash floods swept through {s.place} regency {on_date(code, when)} after torrential rain.",
        (
            f"The death toll has now risen to {dead}, with {missing} people still missing."
            if later
            else f"At least {dead} people were killed and {missing} people are missing."
        ),
        f"{evac[0].upper() + evac[1:]} residents were evacuated and {homes} houses were submerged.",
        f"Officials estimate that {affected} people were affected.",
        f"{s.company} {verb} the collapse of the dam.",
    ]


def para_crush(rng, code, s, day, ref):
    when = fmt_date(rng, code, s.rival_event_date if rng.random() < 0.1 else s.event_date, ref)
    dead, injured = fmt_number(rng, code, s.figure("dead", day)), fmt_number(rng, code, s.figure("injured", day))
    suspects = fmt_number(rng, code, s.figure("suspects", day))
    stance = s.stance(day)
    police = LEX.name(rng, code, "indonesian-police")
    if code == "id":
        verb = pick(rng, LEX.stance_words("id", stance, ID_VERBS[stance]))
        return [
            f"Tragedi di {s.stadium} terjadi {on_date(code, when)} seusai pertandingan yang berakhir dengan skor 2-3.",
            f"Jumlah korban jiwa tercatat {dead} orang, sedangkan {injured} orang luka-luka.",
            "Penonton berdesakan di pintu 13 ketika aparat menembakkan gas air mata ke tribun selatan sekitar pukul 22.00 WIB.",
            f"{police} telah menetapkan {suspects} tersangka.",
            f"{police} {verb} penggunaan gas air mata di dalam stadion.",
        ]
    verb = pick(rng, LEX.stance_words("en", stance, EN_VERBS[stance]))
    return [
        f"The crush at {s.stadium} took place {on_date(code, when)} after a match that ended 2-3.",
        f"The death toll stands at {dead}, and {injured} people were injured.",
        "Fans were crushed at gate 13 when officers fired tear gas into the south stand at around 10 p.m.",
        f"{police} named {suspects} suspects.",
        f"{police} {verb} the use of tear gas inside the stadium.",
    ]


def para_strike(rng, code, s, day, ref):
    actor, target = LEX.name(rng, code, s.actor), LEX.name(rng, code, s.target)
    when = fmt_date(rng, code, s.rival_event_date if rng.random() < 0.1 else s.event_date, ref)
    dead, injured = hedged(rng, code, s.figure("dead", day)), fmt_number(rng, code, s.figure("injured", day))
    stance = s.stance(day)
    if code == "id":
        verb = pick(rng, LEX.stance_words("id", stance, ID_VERBS[stance]))
        return [
            f"Serangan udara menghantam kota {s.place} di {target} {on_date(code, when)}.",
            f"Otoritas setempat menyebut {dead} orang tewas dan {injured} lainnya luka-luka.",
            f"{actor} {verb} serangan tersebut.",
        ]
    verb = pick(rng, LEX.stance_words("en", stance, EN_VERBS[stance]))
    return [
        f"An air strike hit the city of {s.place} in {target} {on_date(code, when)}.",
        f"Local authorities said {dead} people were killed and {injured} were wounded.",
        f"{actor} {verb} the attack.",
    ]


PARAGRAPHS = {
    "deployment": para_deployment,
    "weapons": para_weapons,
    "flood": para_flood,
    "crush": para_crush,
    "strike": para_strike,
}

# Filler: what surrounds the claims. Templates expand "{a|b|c}" choices and
# story-level names, so phrasing varies the way reporters' phrasing does and
# shared 5-grams stay within a story (plus each outlet's own footer).
FILLER = {
    "id": [
        "Situasi di {place} {masih terus|hingga kini masih|terus} dipantau oleh {agency}.",
        "{person}, {role}, {menilai|memperkirakan|mengingatkan bahwa} peristiwa {ini|tersebut} {akan berdampak panjang|bisa berdampak luas|dapat memicu ketegangan baru} bagi {kawasan|warga|wilayah} {place}.",
        "Warga yang membutuhkan bantuan dapat menghubungi posko {agency} di nomor {phone}.",
        "Rapat koordinasi {digelar|berlangsung|diadakan} di kantor {agency} pukul {hh}.{mm} WIB.",
        "Peristiwa serupa pernah terjadi pada tahun {year}, {namun skalanya jauh lebih kecil|meski tidak separah kali ini|dan sempat memicu protes warga}.",
        "{Pemerintah daerah|Pemkab|Pemerintah provinsi} {berjanji|menyatakan siap|memastikan akan} {menyalurkan bantuan secepatnya|menambah personel di lapangan|membuka dapur umum}.",
        "Hingga berita ini diturunkan, {person} belum {memberikan keterangan tambahan|dapat dihubungi|menjawab pertanyaan wartawan}.",
        "Tim gabungan dari {agency} {terus melakukan pendataan|masih menyisir lokasi|mendirikan posko} di {place}.",
        "Sejak {year}, {place} {beberapa kali menjadi sorotan|kerap disebut dalam laporan} {media internasional|lembaga pemantau|organisasi kemanusiaan}.",
        "Baca juga: {Kronologi|Rangkuman|Fakta-fakta} {peristiwa di|situasi terkini} {place}.",
        "Situasi keamanan di sekitar {place} dilaporkan {berangsur kondusif|masih tegang|mulai pulih}.",
        "{person} mengingatkan bahwa data yang beredar {masih dapat berubah|belum final|perlu diverifikasi ulang}.",
        "Wartawan {outlet} di lokasi melaporkan {antrean panjang kendaraan|arus pengungsi|penjagaan ketat aparat} di {jalur utama menuju|pintu masuk|sekitar} {place}.",
        "Konferensi pers {dijadwalkan|akan digelar} di {kantor|aula} {agency} pada {weekday} {pagi|siang|sore}.",
        "{Sejumlah|Beberapa} organisasi masyarakat sipil di {place} mendesak adanya penyelidikan yang {transparan|independen|menyeluruh}.",
        "Informasi yang beredar di media sosial {belum seluruhnya dapat diverifikasi|sebagian terbukti keliru|masih simpang siur}, kata {person}.",
        "{person}, {role}, menyatakan terus berkoordinasi dengan {agency}.",
        "Anggota DPRD dari {place} meminta pemerintah {bergerak lebih cepat|membuka data secara lengkap|mengevaluasi penanganan}.",
        "Harga kebutuhan pokok di pasar {place} dilaporkan {naik|melonjak|tidak stabil} sejak {weekday} lalu.",
        "{person} mengatakan pihaknya {masih menunggu laporan resmi|akan menggelar evaluasi|telah menyiapkan langkah lanjutan}.",
    ],
    "en": [
        "The situation in {place} {is still being|continues to be|remains} monitored by {agency}.",
        "{person}, {role}, {said|warned that|argued that} the events {could have lasting consequences|may fuel new tensions|would be felt for months} {in|across|beyond} {place}.",
        "A hotline run by {agency} has been set up at {phone_en} for families.",
        "Officials {met|gathered|held talks} at the offices of {agency} at {hh_en}:{mm} p.m. local time.",
        "A smaller incident took place in {year}, {according to local records|residents recalled|though it drew little attention}.",
        "Aid agencies {said they were preparing to scale up their response|appealed for more funding|set up field kitchens} in {place}.",
        "{person} {could not be reached for further comment|did not immediately reply to questions|said more details would follow}.",
        "Teams from {agency} are still {collecting data|searching the area|setting up shelters} in {place}.",
        "Since {year}, {place} has {repeatedly drawn international attention|featured in monitoring reports|been a concern for humanitarian groups}.",
        "Read more: {a timeline of|key facts about|the latest on} events in {place}.",
        "Security around {place} was reported to be {returning to normal|still tense|slowly improving}.",
        "{person} cautioned that the figures {could still change|were not final|needed to be checked again}.",
        "A {outlet} correspondent in {place} reported {long queues of vehicles|a steady flow of displaced people|a heavy security presence}.",
        "A press conference was scheduled at the offices of {agency} on {weekday_en}.",
        "Civil society groups in {place} called for a {transparent|independent|thorough} investigation.",
        "Claims circulating on social media {could not be independently verified|were partly false|remained unconfirmed}, {person} said.",
        "{person}, {role}, said officials were coordinating closely with {agency}.",
        "Lawmakers from {place} urged the government to {move faster|publish full data|review its response}.",
        "Prices of staple goods in {place} markets have {risen|jumped|fluctuated} since last {weekday_en}.",
        "{person} said the team was {still waiting for an official report|planning a review|preparing next steps}.",
    ],
}

FOOTER = {
    "id": [
        "Simak berita terkini lainnya hanya di {outlet}.",
        "Dapatkan update berita pilihan setiap hari dari {outlet}.",
        "Ikuti {outlet} untuk informasi terbaru.",
    ],
    "en": [
        "Follow {outlet} for the latest news.",
        "Sign up for the {outlet} morning briefing.",
        "Copyright {outlet}. All rights reserved.",
    ],
}

QUOTES = {
    "id": [
        '"Kami masih {mengumpulkan data|memverifikasi laporan} dan akan menyampaikan perkembangan terbaru secara berkala," {ujar|kata} {person}.',
        '"Semua pihak kami minta menahan diri dan tidak menyebarkan informasi yang belum terverifikasi," kata {person}, {role}.',
        '"Ini situasi yang sangat serius dan membutuhkan penanganan bersama," tegas {person} kepada wartawan di {place}.',
        '"Prioritas kami saat ini adalah {keselamatan warga|pemulihan|kejelasan informasi}," ungkap {person} dalam konferensi pers.',
    ],
    "en": [
        '"We are still {gathering information|verifying reports} and will provide updates regularly," {person} said.',
        '"We ask everyone to refrain from spreading unverified information," {person}, {role}, told reporters.',
        '"This is a very serious situation that requires a joint response," {person} said in {place}.',
        '"Our priority right now is {the safety of residents|recovery|getting the facts right}," {person} told a news conference.',
    ],
}

FIRST_NAMES = [
    "Ahmad",
    "Budi",
    "Siti",
    "Rina",
    "Yusuf",
    "Dewi",
    "Agus",
    "Hendra",
    "Maria",
    "Kevin",
    "Nur",
    "Rizky",
    "Putri",
    "Bambang",
    "Lestari",
    "Andi",
    "Wahyu",
    "Fitri",
    "Daniel",
    "Sarah",
    "Min-ji",
    "Joon",
    "Olena",
    "Ivan",
]
ROLES = {
    "id": [
        "juru bicara",
        "kepala bidang kedaruratan",
        "pengamat hubungan internasional",
        "analis keamanan",
        "anggota DPRD setempat",
        "koordinator relawan",
        "peneliti senior",
    ],
    "en": [
        "a spokesperson",
        "the head of emergency operations",
        "an international relations analyst",
        "a security analyst",
        "a regional lawmaker",
        "a volunteer coordinator",
        "a senior researcher",
    ],
}
AGENCIES = {
    "id": ["BPBD {w}", "Pemkab {w}", "Posko Terpadu {w}", "Dinas Sosial {w}", "Kodim {w}", "Polres {w}"],
    "en": [
        "the {w} disaster agency",
        "the {w} regency office",
        "the {w} relief centre",
        "the {w} social affairs office",
    ],
}


def expand(rng, template, **names):
    """Pick one of each {a|b|c} choice, then fill the named slots."""
    out, i = [], 0
    while True:
        j = template.find("{", i)
        if j < 0:
            out.append(template[i:])
            break
        k = template.index("}", j)
        out.append(template[i:j])
        body = template[j + 1 : k]
        if "|" in body:
            out.append(rng.choice(body.split("|")))
        else:
            value = names[body]
            out.append(str(value(rng) if callable(value) else value))
        i = k + 1
    text = "".join(out)
    return text[0].upper() + text[1:]


def surname(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))).capitalize()


BACKGROUND = {
    "deployment": {
        "id": [
            "Hubungan kedua negara semakin erat sejak penandatanganan pakta pertahanan pada {month}.",
            "Para analis menilai keterlibatan militer asing dapat memperluas konflik ke kawasan lain.",
            "Kementerian luar negeri sejumlah negara telah memanggil duta besar untuk meminta penjelasan.",
        ],
        "en": [
            "Ties between the two countries have deepened since they signed a defence pact in {month}.",
            "Analysts warn that foreign military involvement could widen the conflict.",
            "Several foreign ministries have summoned ambassadors to demand an explanation.",
        ],
    },
    "weapons": {
        "id": [
            "Isu pasokan senjata ini pertama kali mencuat pada {month} melalui laporan intelijen.",
            "Sanksi tambahan tengah dibahas oleh sejumlah negara Barat.",
            "Pakar militer menyebut rudal jenis tersebut memiliki jangkauan hingga ratusan kilometer.",
        ],
        "en": [
            "The question of arms supplies first surfaced in {month} in intelligence reports.",
            "Western governments are discussing additional sanctions.",
            "Military experts say the missiles have a range of several hundred kilometres.",
        ],
    },
    "flood": {
        "id": [
            "BMKG sebenarnya telah mengeluarkan peringatan dini cuaca ekstrem sejak {month}.",
            "Usulan normalisasi sungai sudah diajukan pemerintah kabupaten beberapa tahun terakhir.",
            "Jalan provinsi yang menghubungkan dua kecamatan terputus akibat longsor.",
        ],
        "en": [
            "The weather agency had issued extreme weather warnings since {month}.",
            "Plans to dredge the river had been proposed by the regency for several years.",
            "A provincial road linking two districts was cut off by a landslide.",
        ],
    },
    "crush": {
        "id": [
            "Regulasi FIFA melarang penggunaan gas air mata di dalam stadion.",
            "Kompetisi liga sempat dihentikan sementara sejak {month} hingga evaluasi selesai.",
            "Komnas HAM menyatakan telah meminta keterangan dari puluhan saksi.",
        ],
        "en": [
            "FIFA regulations ban the use of tear gas inside stadiums.",
            "The league was suspended in {month} pending a review.",
            "The national human rights commission said it had questioned dozens of witnesses.",
        ],
    },
    "strike": {
        "id": [
            "Serangan serupa pernah terjadi pada {month} dan menewaskan sejumlah warga sipil.",
            "PBB menyerukan penyelidikan independen atas serangan tersebut.",
            "Rumah sakit setempat dilaporkan kewalahan menangani korban.",
        ],
        "en": [
            "A similar strike in {month} killed several civilians.",
            "The United Nations called for an independent investigation into the strike.",
            "Local hospitals were reported to be overwhelmed.",
        ],
    },
}


TITLES = {
    "deployment": {
        "id": [
            "{actor} Dilaporkan Kirim {n} Tentara ke {target}",
            "Soal Pasukan ke {target}, {actor} Akhirnya Buka Suara",
        ],
        "en": [
            "{actor} sent {n} troops to {target}, intelligence says",
            "{actor} under pressure over troops in {target}",
        ],
    },
    "weapons": {
        "id": ["{actor} Kirim {n} Rudal ke {target}", "Pasokan Senjata {actor} ke {target} Jadi Sorotan"],
        "en": [
            "{actor} shipped {n} missiles to {target}, officials say",
            "Questions mount over {actor} arms for {target}",
        ],
    },
    "flood": {
        "id": ["Banjir Bandang Terjang {place}, {n} Warga Mengungsi", "Korban Banjir {place} Bertambah"],
        "en": ["Flash floods hit {place}, {n} evacuated", "Death toll rises in {place} floods"],
    },
    "crush": {
        "id": ["Tragedi {place}: {n} Orang Meninggal", "Polisi Tetapkan Tersangka Tragedi {place}"],
        "en": ["{n} dead in {place} stadium crush", "Police name suspects over {place} crush"],
    },
    "strike": {
        "id": ["Serangan Udara di {place}, {n} Orang Tewas", "{actor} Dituding Serang {place}"],
        "en": ["Air strike on {place} kills {n}", "{actor} blamed for strike on {place}"],
    },
}


def filler_names(rng, story, code, outlet):
    word = story.place.split()[1]
    return {
        "place": story.place,
        "outlet": outlet,
        "person": lambda r: r.choice(story.people),
        "role": lambda r: r.choice(ROLES[code]),
        "agency": lambda r: r.choice(story.agencies[code]),
        "year": lambda r: story.start.year - r.randrange(1, 6),
        "hh": lambda r: f"{r.randrange(7, 22):02d}",
        "hh_en": lambda r: r.randrange(1, 11),
        "mm": lambda r: r.choice(("00", "15", "30", "45")),
        "phone": lambda r: f"0{r.randrange(21, 779)}-{r.randrange(1000, 9999)}-{r.randrange(1000, 9999)}",
        "phone_en": lambda r: f"+62 {r.randrange(21, 779)} {r.randrange(1000, 9999)} {r.randrange(1000, 9999)}",
        "weekday": lambda r: LEX.weekdays["id"][r.randrange(7)],
        "weekday_en": lambda r: LEX.weekdays["en"][r.randrange(7)],
        "word": word,
    }


def article_for(rng, story, code, day, outlet):
    """The paragraphs of one article of the story, as reported on the day."""
    ref = story.start + dt.timedelta(days=day)
    main = PARAGRAPHS[story.kind](rng, code, story, day, ref)
    names = filler_names(rng, story, code, outlet)
    fillers = [expand(rng, f, **names) for f in rng.sample(FILLER[code], 14)]
    month = fmt_date(rng, code, story.start - dt.timedelta(days=rng.randrange(60, 400)), form="month")
    background = [b.format(month=month) for b in BACKGROUND[story.kind][code]]
    rng.shuffle(background)
    dateline = story.place.upper().split()[-1]
    paragraphs = [f"{dateline} - " + " ".join(main[:2])]
    paragraphs.append(expand(rng, rng.choice(QUOTES[code]), **names) + " " + fillers.pop())
    for sentence in main[2:]:
        paragraphs.append(sentence + (" " + fillers.pop() if rng.random() < 0.5 else ""))
    paragraphs.append(" ".join(background[: rng.randrange(1, 4)]))
    # A second take (another official's figures): more claims, and sometimes a rival one.
    extra = PARAGRAPHS[story.kind](rng, code, story, day, ref)
    paragraphs.append(" ".join(rng.sample(extra, min(2, len(extra)))))
    paragraphs.append(expand(rng, rng.choice(QUOTES[code]), **names) + " " + fillers.pop())
    # Long-form pieces carry more background and quotes.
    for _ in range(rng.choice((1, 2, 2, 3, 5))):
        if len(fillers) >= 2:
            paragraphs.append(fillers.pop() + " " + fillers.pop())
    paragraphs.append(" ".join(fillers[:2]))
    # The outlet's own footer, on every one of its articles.
    paragraphs.append(FOOTER[code][sum(map(ord, outlet)) % len(FOOTER[code])].format(outlet=outlet))
    return paragraphs


def title_for(rng, story, code, day):
    template = rng.choice(TITLES[story.kind][code])
    slot = next(iter(story.truth))
    return template.format(
        actor=LEX.name(rng, code, story.actor) if story.actor else "",
        target=LEX.name(rng, code, story.target) if story.target else "",
        place=getattr(story, "stadium", None) if story.kind == "crush" else story.place,
        n=fmt_number(rng, code, story.figure(slot, day), allow_words=False),
    )


EDITS = {
    "id": [
        ("mengatakan", "menyatakan"),
        ("telah", "sudah"),
        ("warga", "penduduk"),
        ("terjadi", "berlangsung"),
        ("Sejumlah", "Beberapa"),
    ],
    "en": [
        ("said", "told reporters"),
        ("were", "had been"),
        ("officials", "authorities"),
        ("The ", "The "),
        ("Analysts", "Experts"),
    ],
}


CREDIT = {"id": "Artikel ini telah tayang di {source}.", "en": "This article first appeared in {source}."}


def near_duplicate(rng, code, text, source, outlet):
    """The same article with small edits, as a syndicating outlet republishes it:
    its own name in the dateline, a credit line, a word or two changed."""
    dateline, sep, rest = text.partition(" - ")
    if sep:
        text = f"{dateline}, {outlet.upper()} - {rest}"
    for old, new in rng.sample(EDITS[code], 2):
        text = text.replace(old, new, 1)
    if rng.random() < 0.5:
        text = text.rsplit("\n\n", 1)[0]  # dropped the last paragraph
    return text + "\n\n" + CREDIT[code].format(source=source)


def generate(n, seed=1):
    """Yield n article dicts, deterministically for the seed."""
    rng = random.Random(seed)
    produced = 0
    story_number = 0
    while produced < n:
        story = Story(random.Random(rng.getrandbits(64)), story_number)
        story_number += 1
        srng = story.rng
        for _ in range(min(story.size, n - produced)):
            code = "id" if srng.random() < 0.6 else "en"
            day = min(story.days, int(srng.expovariate(1 / max(1, story.days / 3))))
            source, domain = srng.choice(OUTLETS[code])
            article_id = f"s{seed}-{produced:07d}"
            same_lang = [i for i, x in enumerate(story.sent) if x[0] == code]
            copy = None
            if same_lang and srng.random() < 0.125:
                copy = srng.choice(same_lang[-50:])
                _, original, title, day0, first_source, original_id = story.sent[copy]
                while source == first_source:
                    source, domain = srng.choice(OUTLETS[code])
                if (copy, source) in story.copies:  # that outlet already ran it
                    copy = None
            if copy is not None:
                story.copies.add((copy, source))
                text = near_duplicate(srng, code, original, first_source, source)
                day = day0
            else:
                paragraphs = article_for(srng, story, code, day, source)
                text = "\n\n".join(paragraphs)
                title = title_for(srng, story, code, day)
                story.sent.append((code, text, title, day, source, article_id))
            published = dt.datetime.combine(
                story.start + dt.timedelta(days=day), dt.time(srng.randrange(6, 23), srng.choice((0, 15, 30, 45)))
            )
            stamp = published.isoformat() + ("+07:00" if code == "id" else "+00:00")
            slug_text = "-".join(w.lower() for w in title.split()[:6] if w.isalnum())
            yield {
                "id": article_id,
                "title": title,
                "text": text,
                "published": stamp,
                "source": source,
                "language": code,
                "url": f"https://{domain}/{published:%Y/%m/%d}/{slug_text}-{produced}",
                "copy_of": original_id if copy is not None else None,  # the truth the copy finder is scored on
            }
            produced += 1


LEX = None


def _lex():
    global LEX
    if LEX is None:
        LEX = Lex()
    return LEX


def write(n, path, seed=1):
    """Write n articles to path as JSONL; returns the number of bytes written."""
    _lex()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fp:
        for article in generate(n, seed):
            fp.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path.stat().st_size


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", help="output JSONL path (- for stdout)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    _lex()
    if args.out == "-":
        for article in generate(args.n, args.seed):
            sys.stdout.write(json.dumps(article, ensure_ascii=False) + "\n")
    else:
        size = write(args.n, args.out, args.seed)
        print(f"{args.n} articles, {size / 1e6:.1f} MB -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
