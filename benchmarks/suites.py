"""Public test suites as development checks for numbers and dates (issue 15).

    .venv/bin/python benchmarks/suites.py --build [--duckling DIR] [--dateparser DIR]
    .venv/bin/python benchmarks/suites.py

``--build`` converts facebook/duckling's numeral corpora
(``Duckling/Numeral/ID/Corpus.hs``, ``Duckling/Numeral/EN/Corpus.hs``) and
scrapinghub/dateparser's Indonesian and English test cases into JSONL files
under ``.cache/suites/`` (git-ignored: third-party test data is never copied
into the repository). DIR is a clone or a bare git directory of each
project; by default the mirrors the fetch tool makes
(``/work/.mirror/facebook+duckling/repo``,
``/work/.mirror/scrapinghub+dateparser/repo``). Without ``--build`` the
script reads ``.cache/suites/`` and prints the read-back rate of each suite;
when the folder is missing it says how to build it and exits 0.

A numeral is read back when the extractor, given it before a counted noun
("... warga tercatat", "... people were counted"), finds exactly that value.
A date is read back when the value stored for it (resolved against a fixed
publication day for relative forms) is the expected one at the precision
stated; a week ("3 minggu yang lalu") is stored as the month or year holding
it and counts when that contains the expected day.

Skipped, and why (forms news does not use for a count or a date):

- duckling: zero-padded numerals ("0033", "01,10"); a bare leading decimal
  separator (",77", ".77"); fractions written with a slash ("1/5" is a date
  or a score in news); the "G" (giga) suffix; Indian lakh/crore/koti units;
  quantity words that are not numerals ("a couple", "a pair", "a few",
  "few", "single", "dozen"); digit-by-digit speech ("one twenty two");
  ascending scales ("three thousand millions"); "kosong" (zero read out in
  phone numbers). Indonesian "3M" / "1,2M": duckling reads M as million, but
  Indonesian news writes M for miliar (a billion), which is what we read.
- dateparser: clock times, seconds, minutes and hours (no date claim has that
  precision); forms without a day, month or year named; "in N units"/future
  durations of minutes; dateparser's own relative base cases that need its
  mocked clock and are not a date by the publication.

dateparser's ``search_dates`` cases (``tests/test_search.py``, whole
sentences, Indonesian and English) were kept out of development and are a
held-out check. Where they miss it is a convention, not a reading: a date
without its year ("July 13th", "May 31") dateparser puts in the year of its
base day, even when that lies after it; a news date without its year is the
most recent one before publication, so it is read in the year before.
"""

import argparse
import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "suites"
MIRRORS = Path("/work/.mirror")
DUCKLING = {"id": "Duckling/Numeral/ID/Corpus.hs", "en": "Duckling/Numeral/EN/Corpus.hs"}
DATEPARSER = ["tests/test_languages.py", "tests/test_date_parser.py", "tests/test_search.py"]
BASE = dt.date(2015, 6, 15)  # the publication day relative dates are read against


def read_source(repo, path):
    """A file of a clone or of a bare git directory (its HEAD)."""
    repo = Path(repo)
    if (repo / path).is_file():
        return (repo / path).read_text(encoding="utf-8")
    out = subprocess.run(["git", f"--git-dir={repo}", "show", f"HEAD:{path}"], capture_output=True, text=True)
    if out.returncode:
        out = subprocess.run(
            ["git", f"--git-dir={repo / '.git'}", "show", f"HEAD:{path}"], capture_output=True, text=True
        )
    if out.returncode:
        raise SystemExit(f"cannot read {path} from {repo}: {out.stderr.strip()}")
    return out.stdout


# -- duckling -----------------------------------------------------------------
DUCKLING_SKIPS = [
    (r"^0\d", "zero-padded"),
    (r"^-?\s*[.,]\d", "bare leading decimal separator"),
    (r"^\d+/\d+$", "slash fraction"),
    (r"[Gg]$", "giga suffix"),
    (r"(?i)\b(lakh?s?|lkhs?|lac|crores?|cr|koti|krores?|kr|l)\b", "Indian units"),
    (r"(?i)\b(couple|pair|few|single|dozens?)\b", "quantity word, not a numeral"),
    (r"(?i)^one twenty", "digit-by-digit speech"),
    (r"(?i)thousand millions", "ascending scales"),
    (r"(?i)\b(hundreds|thousands|millions|billions)$", "a plural scale after a numeral"),
    (r"(?i)^kosong$", "zero in read-out digits"),
    (r"(?i)^(naught|nought|nil)$", "zero words of sport scores and old usage"),
    (r"(?i)\d\s+point\s+\d|^point\b", "digits with a spoken decimal point"),
    (r"^-\s+\d", "a minus sign parted from its digits"),
]


def duckling_cases(text, lang):
    for m in re.finditer(r"examples\s*\(NumeralValue\s*\(?\s*(-?[\d.e]+)\s*\)?\)\s*\[(.*?)\]", text, re.S):
        value = float(m.group(1))
        for s in re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(2)):
            skip = next((why for pat, why in DUCKLING_SKIPS if re.search(pat, s)), None)
            if lang == "id" and re.search(r"\dM$", s):
                skip = "M is miliar in Indonesian news"
            yield {"suite": f"duckling-{lang}", "lang": lang, "text": s, "expected": value, "skip": skip}


# -- dateparser ---------------------------------------------------------------
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# the words of an English date; dateparser's English-language file mixes in other languages' cases
ENGLISH = (
    set(MONTHS)
    | {m[:3] for m in MONTHS}
    | set(WEEKDAYS)
    | {w[:3] for w in WEEKDAYS}
    | {"sept", "tues", "thurs", "of", "at", "on", "the", "am", "pm", "gmt", "utc", "st", "nd", "rd", "th", "t", "z"}
)


def expected_from_english(translation):
    """The date (ISO at its precision) an English rendering names, or (None, why)."""
    t = translation.strip().lower()
    if re.search(r"\b(second|minute|hour)s?\b|\d:\d", t) and not re.search(r"\d{4}", t):
        return None, "a time, not a date"
    m = re.fullmatch(r"(?:in )?(\d+) (day|week|month|year) ago", t) or re.fullmatch(
        r"(\d+) (day|week|month|year) ago", t
    )
    if m:
        n, unit = int(m.group(1)), m.group(2)
        if unit == "day":
            return (BASE - dt.timedelta(days=n)).isoformat(), None
        if unit == "week":
            return (BASE - dt.timedelta(weeks=n)).isoformat(), None
        if unit == "month":
            k = BASE.year * 12 + BASE.month - 1 - n
            return f"{k // 12:04d}-{k % 12 + 1:02d}", None
        return f"{BASE.year - n:04d}", None
    if re.search(r"\b(second|minute|hour)s?\b", t):
        return None, "a time, not a date"
    words = re.sub(r"\d{1,2}:\d{2}(:\d{2})?|\b(am|pm)\b|[,.]", " ", t).split()
    words = [
        w for w in words if w not in {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    ]
    month = next((MONTHS.index(w) + 1 for w in words if w in MONTHS), None)
    year = next((int(w) for w in words if re.fullmatch(r"\d{4}", w)), None)
    day = next((int(w) for w in words if re.fullmatch(r"\d{1,2}", w)), None)
    if month and year and day and len(words) <= 4:
        return f"{year:04d}-{month:02d}-{day:02d}", None
    if month and year and not day and len(words) == 2:
        return f"{year:04d}-{month:02d}", None
    return None, "not a date a news text gives"


def dateparser_cases(files):
    langs = files["tests/test_languages.py"]
    for m in re.finditer(r'param\(\s*"(id|en)",\s*"([^"]+)",\s*"([^"]+)"', langs):
        lang, given, translation = m.groups()
        want, skip = expected_from_english(translation)
        yield {"suite": f"dateparser-{lang}", "lang": lang, "text": given, "expected": want, "skip": skip}
    parser = files["tests/test_date_parser.py"]
    for m in re.finditer(r'param\(\s*"([^"]+)",\s*datetime\((\d{4}),\s*(\d{1,2}),\s*(\d{1,2})', parser):
        given = m.group(1)
        english = all(w.lower() in ENGLISH for w in re.findall(r"[^\W\d_]+", given))
        news_like = (
            english
            and re.search(r"\b(1[89]|20)\d\d\b", given)
            and re.search(r"(?i)\b(" + "|".join(x[:3] for x in MONTHS) + r")", given)
        )
        want = f"{int(m.group(2)):04d}-{int(m.group(3)):02d}-{int(m.group(4)):02d}"
        skip = (
            None
            if news_like and not re.search(r"[\[\]]|\d(st|nd|rd|th)\b.*\d(st|nd|rd|th)\b", given)
            else "no month and year named"
        )
        yield {"suite": "dateparser-en-absolute", "lang": "en", "text": given, "expected": want, "skip": skip}


def search_cases(source):
    """dateparser's search_dates cases in Indonesian and English: a sentence and
    the dates found in it (a held-out set: not looked at while writing the finders)."""
    import ast

    def value(node):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "datetime":
            args = [a.value for a in node.args[:3] if isinstance(a, ast.Constant)]
            return dt.date(*args) if len(args) == 3 else None
        return None

    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "param" and len(node.args) >= 3):
            continue
        lang, text, found = node.args[:3]
        if not (isinstance(lang, ast.Constant) and lang.value in ("id", "en") and isinstance(found, ast.List)):
            continue
        try:
            text = ast.literal_eval(text)
        except ValueError:
            continue
        base = next(
            (
                value(kw.value.values[i])
                for kw in node.keywords
                if kw.arg == "settings" and isinstance(kw.value, ast.Dict)
                for i, k in enumerate(kw.value.keys)
                if isinstance(k, ast.Constant) and k.value == "RELATIVE_BASE"
            ),
            None,
        )
        for item in found.elts:
            if not (isinstance(item, ast.Tuple) and len(item.elts) == 2 and isinstance(item.elts[0], ast.Constant)):
                continue
            phrase, when = item.elts[0].value, value(item.elts[1])
            if when is None:
                continue
            named = re.search(r"(?i)\d{4}|\b(" + "|".join(MONTHS + [m[:3] for m in MONTHS] + ["sept"]) + r")\b", phrase)
            skip = None if named else "no year or month named (a time, or a relative phrase)"
            yield {
                "suite": f"dateparser-search-{lang.value}",
                "lang": lang.value,
                "text": text,
                "phrase": phrase,
                "expected": when.isoformat(),
                "base": (base or BASE).isoformat(),
                "skip": skip,
            }


def build(duckling, dateparser):
    CACHE.mkdir(parents=True, exist_ok=True)
    cases = []
    for lang, path in DUCKLING.items():
        cases += list(duckling_cases(read_source(duckling, path), lang))
    files = {p: read_source(dateparser, p) for p in DATEPARSER}
    cases += list(dateparser_cases(files))
    cases += list(search_cases(files["tests/test_search.py"]))
    by_suite = {}
    for c in cases:
        by_suite.setdefault(c["suite"].split("-")[0], []).append(c)
    for name, items in by_suite.items():
        with open(CACHE / f"{name}.jsonl", "w", encoding="utf-8") as fp:
            for c in items:
                fp.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"wrote {len(cases)} cases to {CACHE.relative_to(ROOT)}/ ({', '.join(f'{k}.jsonl' for k in by_suite)})")


# -- reading back -----------------------------------------------------------------
def read_number(case):
    from datasette_factcheck import lexicon
    from datasette_factcheck.extract import numbers

    lex = lexicon.get(case["lang"])
    text = case["text"] + (" warga tercatat." if case["lang"] == "id" else " people were counted.")
    found = [n.value for n in numbers.find(text, 0, len(text), lex) if not n.ordinal]
    # "forty-five (45)": the figure and its digits are one value
    return bool(found) and all(abs(v - case["expected"]) <= 1e-9 * max(1, abs(case["expected"])) for v in found)


def read_date(case):
    from datasette_factcheck import lexicon
    from datasette_factcheck.extract import dates

    lex = lexicon.get(case["lang"])
    if "phrase" in case:  # a whole sentence of dateparser's search cases, as it is
        text, base = case["text"], dt.date.fromisoformat(case["base"])
    else:
        text, base = ("Banjir melanda pada " if case["lang"] == "id" else "It happened on ") + case["text"] + ".", BASE
    got = [m.value for m in dates.find(text, 0, len(text), lex) if dates.resolve(m, base)]
    want = case["expected"]
    return want in got or any(
        len(g) < len(want) and want.startswith(g) and " week" in text.replace("minggu", " week") for g in got
    )


def report():
    files = sorted(CACHE.glob("*.jsonl")) if CACHE.is_dir() else []
    if not files:
        print(
            f"{CACHE.relative_to(ROOT)}/ is missing: fetch github:facebook/duckling and github:scrapinghub/dateparser "
            "(the fetch tool puts them under /work/.mirror/), then run\n"
            "    .venv/bin/python benchmarks/suites.py --build [--duckling DIR] [--dateparser DIR]"
        )
        return 0
    sys.path.insert(0, str(ROOT))
    results = {}
    for path in files:
        for line in path.open(encoding="utf-8"):
            case = json.loads(line)
            r = results.setdefault(case["suite"], {"ok": 0, "total": 0, "skipped": 0, "misses": []})
            if case["skip"]:
                r["skipped"] += 1
                continue
            ok = read_number(case) if case["suite"].startswith("duckling") else read_date(case)
            r["total"] += 1
            r["ok"] += ok
            if not ok:
                r["misses"].append(case.get("phrase", case["text"]))
    print(f"{'suite':24} {'read back':>10} {'cases':>6} {'skipped':>8}")
    for name, r in sorted(results.items()):
        rate = r["ok"] / r["total"] if r["total"] else float("nan")
        print(f"{name:24} {rate:10.3f} {r['total']:6} {r['skipped']:8}")
    for name, r in sorted(results.items()):
        if r["misses"]:
            print(f"  {name} misses: " + "; ".join(r["misses"][:12]))
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", action="store_true", help="convert the suites into .cache/suites/ first")
    ap.add_argument("--duckling", default=MIRRORS / "facebook+duckling" / "repo", type=Path)
    ap.add_argument("--dateparser", default=MIRRORS / "scrapinghub+dateparser" / "repo", type=Path)
    args = ap.parse_args(argv)
    if args.build:
        build(args.duckling, args.dateparser)
    return report()


if __name__ == "__main__":
    sys.exit(main())
