"""Detection scenarios for issue 4: constructed articles, expected flags.

Every scenario is a folder under ``tests/scenarios/`` holding short invented
articles (Indonesian and English; ``.txt`` with loose header lines, or
``.jsonl`` records).  The scenario is loaded with the real command line,
``datasette factcheck load DB FOLDER --silent``, and the expectation below is
checked against the contract tables only (``articles``, ``entity_aliases``,
``claims``, ``contradictions``, plus ``articles.duplicate_of`` which issue 4
names).

Articles are referred to by ``articles.ref``: the file name for a file, the
record ``id`` for a JSONL record.  Pairs are unordered.

The time rule these tests expect (issue 4, "Time"):

* Two claims in one slot with different values are a ``conflict`` when they
  cannot be separated in time: their dates (an explicit date in the sentence
  wins over the publication date) lie within ``--window-days`` of each other
  and the later one carries no revision word.
* They are a ``change`` when the later one plausibly supersedes the earlier:
  the dates lie further apart than the window, or the later claim carries a
  revision word (diralat, direvisi, diperbarui, kini, menjadi; revised,
  updated, now).
* The default window is assumed to be at least a week (two claims published
  two days apart conflict) and well under four months (claims published in
  July and November are a change).  ``window_days`` pins the rule down with an
  explicit ``--window-days``: a pair ten days apart is a ``change`` with 7 and
  a ``conflict`` with 30.

Claims that agree (``sekitar 1.500`` and ``1,500``; ``lebih dari 600.000`` and
650,000), that count different things (dead / injured / total victims;
troops decided / already deployed; a subset of the dead / all the dead), or
that come from a syndicated copy of the same article are never flagged.
"""

import json
import re
import sqlite3
import traceback
from collections import namedtuple
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette import hookimpl
from datasette.cli import cli
from datasette.plugins import pm

from datasette_factcheck.extension import Rule
from datasette_factcheck.model import Disagreement

SCENARIOS_DIR = Path(__file__).parent / "scenarios"


# ---------------------------------------------------------------------------
# Expectations
# ---------------------------------------------------------------------------

# A flag that must exist between articles a and b (unordered), of this kind and
# relation; when subject is given, one of the two claims must be about the
# entity that alias resolves to; when values is given (a pair of canonical
# values, e.g. ("12000", "10000")), the flag must link claims with exactly
# those values.  The opposite relation must not be there.
Flag = namedtuple("Flag", "a b kind relation subject values", defaults=(None, None))
# A pair of articles: for ``not_conflict`` no conflict of that kind may link
# them (and both must have claims of that kind, or the check proves nothing);
# for ``no_flag`` no flag at all of that kind (kind None: of any kind).  With
# values, only flags between claims with those two values count.
Pair = namedtuple("Pair", "a b kind values", defaults=(None,))
# A claim an article must have for the scenario to mean anything: number
# claims by value_num, date and stance claims by value (stance optionally with
# the subject alias).
Claim = namedtuple("Claim", "ref kind value subject", defaults=(None,))


class Scenario:
    def __init__(self, folder, about, args=(), claims=(), flags=(), not_conflict=(), no_flag=(), same_entity=()):
        self.folder, self.about, self.args = folder, about, list(args)
        self.claims, self.flags = list(claims), list(flags)
        self.not_conflict, self.no_flag = list(not_conflict), list(no_flag)
        self.same_entity = list(same_entity)


def _pairs(refs, kind):
    refs = list(refs)
    return [Pair(a, b, kind) for i, a in enumerate(refs) for b in refs[i + 1 :]]


def _quiet(refs, kind):
    """Every pair of these articles: no conflict, and no flag at all."""
    return {"not_conflict": _pairs(refs, kind), "no_flag": _pairs(refs, kind)}


SCENARIOS = {
    # 1. Number tolerance --------------------------------------------------
    "tolerance_hedge": Scenario(
        "tolerance_hedge",
        "'sekitar 1.500 tentara' (id) agrees with '1,500 troops' (en), same day",
        claims=[Claim("rwanda_id.txt", "number", 1500), Claim("rwanda_en.txt", "number", 1500)],
        **_quiet(["rwanda_id.txt", "rwanda_en.txt"], "number"),
    ),
    "tolerance_lower_bound": Scenario(
        "tolerance_lower_bound",
        "'lebih dari 600.000' (id) agrees with '650,000' (en), same day",
        claims=[Claim("sudan_id.txt", "number", 600000), Claim("sudan_en.txt", "number", 650000)],
        **_quiet(["sudan_id.txt", "sudan_en.txt"], "number"),
    ),
    "tolerance_deaths_same_day": Scenario(
        "tolerance_deaths_same_day",
        "'125 orang meninggal' (id) vs '127 people died' (en), both published 3 Oct 2022",
        claims=[Claim("kanjuruhan_id.txt", "number", 125), Claim("kanjuruhan_en.txt", "number", 127)],
        flags=[Flag("kanjuruhan_id.txt", "kanjuruhan_en.txt", "number", "conflict")],
    ),
    # 2. Subset vs total ---------------------------------------------------
    "subset_total": Scenario(
        "subset_total",
        "'125 di antaranya adalah suporter' / '125 of the dead were supporters' vs '127 dead'",
        claims=[
            Claim("total_and_subset_id.txt", "number", 127),
            Claim("total_and_subset_id.txt", "number", 125),
            Claim("supporters_en.txt", "number", 125),
            Claim("total_en.txt", "number", 127),
        ],
        **_quiet(["total_and_subset_id.txt", "supporters_en.txt", "total_en.txt"], "number"),
    ),
    # 3. Separate slots ----------------------------------------------------
    "slots_casualties": Scenario(
        "slots_casualties",
        "'125 tewas' vs '300 luka-luka' / '300 people were injured' vs 'total korban 425'",
        claims=[
            Claim("dead_id.txt", "number", 125),
            Claim("injured_id.txt", "number", 300),
            Claim("injured_en.txt", "number", 300),
            Claim("total_id.txt", "number", 425),
        ],
        **_quiet(["dead_id.txt", "injured_id.txt", "injured_en.txt", "total_id.txt"], "number"),
    ),
    "slots_troops": Scenario(
        "slots_troops",
        "'memutuskan mengirim 12.000 tentara' / 'decided to send 12,000' vs "
        "'1.500 di antaranya telah dikerahkan' / 'has deployed 1,500 troops'",
        claims=[
            Claim("decided_and_deployed_id.txt", "number", 12000),
            Claim("decided_and_deployed_id.txt", "number", 1500),
            Claim("deployed_en.txt", "number", 1500),
            Claim("decided_en.txt", "number", 12000),
        ],
        **_quiet(["decided_and_deployed_id.txt", "deployed_en.txt", "decided_en.txt"], "number"),
    ),
    # 2b/3b. The same quantities across languages still meet in one slot -----
    "subset_cross_language": Scenario(
        "subset_cross_language",
        "both say 127 dead; '125 di antaranya adalah suporter' vs '120 of the dead were "
        "supporters' (same day): the subsets conflict, subset and total never do",
        claims=[Claim("total_subset_id.txt", "number", v) for v in (127, 125)]
        + [Claim("total_subset_en.txt", "number", v) for v in (127, 120)],
        flags=[Flag("total_subset_id.txt", "total_subset_en.txt", "number", "conflict", values=("125", "120"))],
        not_conflict=[
            Pair("total_subset_id.txt", "total_subset_en.txt", "number", ("127", "120")),
            Pair("total_subset_id.txt", "total_subset_en.txt", "number", ("125", "127")),
            Pair("total_subset_id.txt", "total_subset_en.txt", "number", ("127", "127")),
        ],
    ),
    "slots_cross_language": Scenario(
        "slots_cross_language",
        "'memutuskan mengirim 12.000 tentara ... 1.500 di antaranya telah dikerahkan' vs "
        "'decided to send 10,000 troops ... 3,000 of them have already been deployed' "
        "(same day): decided conflicts with decided, deployed with deployed",
        claims=[Claim("plan_and_deployed_id.txt", "number", v) for v in (12000, 1500)]
        + [Claim("plan_and_deployed_en.txt", "number", v) for v in (10000, 3000)],
        flags=[
            Flag(
                "plan_and_deployed_id.txt", "plan_and_deployed_en.txt", "number", "conflict", values=("12000", "10000")
            ),
            Flag("plan_and_deployed_id.txt", "plan_and_deployed_en.txt", "number", "conflict", values=("1500", "3000")),
        ],
        not_conflict=[
            Pair("plan_and_deployed_id.txt", "plan_and_deployed_en.txt", "number", ("12000", "3000")),
            Pair("plan_and_deployed_id.txt", "plan_and_deployed_en.txt", "number", ("1500", "10000")),
        ],
    ),
    "slots_deployed": Scenario(
        "slots_deployed",
        "'1.500 di antaranya telah dikerahkan' (of 12.000 decided) vs 'has already deployed "
        "3,000 troops' (same day): troops already deployed is one slot, whether or not the "
        "figure is given as a part of the decided total",
        claims=[Claim("plan_and_part_id.txt", "number", v) for v in (12000, 1500)]
        + [Claim("deployed_only_en.txt", "number", 3000)],
        flags=[Flag("plan_and_part_id.txt", "deployed_only_en.txt", "number", "conflict", values=("1500", "3000"))],
        not_conflict=[
            Pair("plan_and_part_id.txt", "deployed_only_en.txt", "number", ("12000", "3000")),
        ],
    ),
    # 4. Cross-language slots ----------------------------------------------
    "stance_cross_language": Scenario(
        "stance_cross_language",
        "'Rusia membantah mengirim pasukan ke Mali' vs 'Russia confirmed it sent troops to Mali', "
        "same day; Mali's own silence is another holder",
        claims=[
            Claim("russia_denied_id.txt", "stance", "denied", "Rusia"),
            Claim("russia_confirmed_en.txt", "stance", "confirmed", "Russia"),
        ],
        flags=[Flag("russia_denied_id.txt", "russia_confirmed_en.txt", "stance", "conflict", "Russia")],
        not_conflict=[
            Pair("russia_denied_id.txt", "mali_silent_en.txt", "stance"),
            Pair("russia_confirmed_en.txt", "mali_silent_en.txt", "stance"),
        ],
        same_entity=[("Russia", "Rusia")],
    ),
    "stance_told_as_history": Scenario(
        "stance_told_as_history",
        "a denial (2 Mar) vs an undated recap that admits and tells the denial as earlier, and an "
        "admission (6 Mar) whose sentence dates only the shooting (1 Mar): both are changes",
        claims=[
            Claim("denied_en.txt", "stance", "denied", "Brazil"),
            Claim("admitted_recap_en.txt", "stance", "confirmed", "Brazil"),
            Claim("admitted_recap_en.txt", "stance", "denied", "Brazil"),
            Claim("admitted_id.txt", "stance", "confirmed", "Brasil"),
        ],
        flags=[
            Flag("denied_en.txt", "admitted_recap_en.txt", "stance", "change", "Brazil"),
            Flag("denied_en.txt", "admitted_id.txt", "stance", "change", "Brazil"),
        ],
        not_conflict=[Pair("admitted_recap_en.txt", "admitted_id.txt", "stance")],
    ),
    "stance_silent_vs_denied": Scenario(
        "stance_silent_vs_denied",
        "'China membantah mengirim senjata ke Rusia' vs 'China declined to comment on reports "
        "that it had sent weapons to Russia', same day: denied vs silent",
        claims=[
            Claim("china_denied_id.txt", "stance", "denied", "China"),
            Claim("china_silent_en.txt", "stance", "silent", "China"),
        ],
        flags=[Flag("china_denied_id.txt", "china_silent_en.txt", "stance", "conflict", "China")],
    ),
    # 5. Date conflict -----------------------------------------------------
    "date_conflict": Scenario(
        "date_conflict",
        "the border closure announced 'Pada 27 April 2025' vs 'on Monday' in an article "
        "published Tuesday 29 April 2025 (= 28 April)",
        claims=[
            Claim("thailand_id.txt", "date", "2025-04-27"),
            Claim("thailand_en.txt", "date", "2025-04-28"),
            Claim("thailand_month_en.txt", "date", "2025-04"),
        ],
        flags=[Flag("thailand_id.txt", "thailand_en.txt", "date", "conflict")],
        # 'In April 2025' is less precise, not different: it agrees with both days.
        not_conflict=[
            Pair("thailand_month_en.txt", "thailand_id.txt", "date"),
            Pair("thailand_month_en.txt", "thailand_en.txt", "date"),
        ],
    ),
    # 6. Conflict vs change ------------------------------------------------
    "change_explicit_dates": Scenario(
        "change_explicit_dates",
        "(a) 'Pada 22 Oktober 2024, Korea Utara membantah' vs 'On April 27, 2025, North Korea "
        "admitted'; the articles were published a day apart, so only the explicit dates "
        "separate them",
        claims=[
            Claim("denied_recap_id.txt", "stance", "denied", "Korea Utara"),
            Claim("admitted_en.txt", "stance", "confirmed", "North Korea"),
        ],
        flags=[Flag("denied_recap_id.txt", "admitted_en.txt", "stance", "change", "North Korea")],
    ),
    "conflict_same_week": Scenario(
        "conflict_same_week",
        "(b) 'membawa 65 orang' (3 Jul 2025) vs 'was carrying 53 people' (5 Jul 2025), " "no revision word",
        claims=[Claim("ferry_id.txt", "number", 65), Claim("ferry_en.txt", "number", 53)],
        flags=[Flag("ferry_id.txt", "ferry_en.txt", "number", "conflict")],
    ),
    "change_revision_words": Scenario(
        "change_revision_words",
        "(c) '127 people died' (2 Oct 2022) vs next-day '125' with 'direvisi menjadi', "
        "'diralat ... kini', 'revised', 'updated ... now'",
        claims=[Claim("first_toll_en.txt", "number", 127)]
        + [
            Claim(ref, "number", 125)
            for ref in ("direvisi_id.txt", "diralat_id.txt", "revised_en.txt", "updated_en.txt")
        ],
        flags=[
            Flag("first_toll_en.txt", ref, "number", "change")
            for ref in ("direvisi_id.txt", "diralat_id.txt", "revised_en.txt", "updated_en.txt")
        ],
        **_quiet(["direvisi_id.txt", "diralat_id.txt", "revised_en.txt", "updated_en.txt"], "number"),
    ),
    "change_months_apart": Scenario(
        "change_months_apart",
        "(d) 'Iran membantah memasok senjata' (published 20 Jul 2022) vs 'Iran admitted it had "
        "supplied weapons' (published 7 Nov 2022), no date in either sentence",
        claims=[
            Claim("iran_denied_id.txt", "stance", "denied", "Iran"),
            Claim("iran_admitted_en.txt", "stance", "confirmed", "Iran"),
        ],
        flags=[Flag("iran_denied_id.txt", "iran_admitted_en.txt", "stance", "change", "Iran")],
    ),
    # 7. Syndicated copies (see also test_syndicated_copy_is_recorded) -------
    "syndicated": Scenario(
        "syndicated",
        "the same wire story from two outlets, new title, one sentence reworded (12 -> 10 "
        "missing); an independent report says 13 dead instead of 11; the wire's next-day "
        "follow-up (half its text new) is not a copy",
        no_flag=[Pair("wire_nusa.txt", "copy_padang_pos.txt", None)],
    ),
    # 8. The incremental batches loaded at once (see test_incremental_equals_full)
    "mine_full": Scenario(
        "incremental",
        "a mine blast in 'Amasra, Turki' (id) / 'Amasra ... in Turkey' (en): 41, 40 and 43 "
        "dead on 15 Oct 2022 disagree; 'revised to 42' on 16 Oct is a change; 11 then 28 "
        "injured a day later is a change: a toll that only grows has moved on",
        claims=[Claim("mine_id.txt", "number", v) for v in (41, 11)]
        + [Claim("mine_en.txt", "number", v) for v in (40, 11)]
        + [Claim("mine-wire-b1", "number", 43), Claim("mine-update-b2", "number", 42)],
        flags=[
            Flag("mine_id.txt", "mine_en.txt", "number", "conflict", values=("41", "40")),
            Flag("mine_id.txt", "mine-wire-b1", "number", "conflict", values=("41", "43")),
            Flag("mine_id.txt", "mine-update-b2", "number", "change", values=("41", "42")),
            Flag("mine-wire-b1", "mine-update-b2", "number", "change", values=("43", "42")),
            # a count of the injured that only grows a day later is the story moving on
            Flag("mine_id.txt", "mine-update-b2", "number", "change", values=("11", "28")),
        ],
        no_flag=[Pair("mine_en.txt", "mine-copy-b3", None)],
    ),
    # 9. --window-days (see also test_detect_window_days_override) ----------
    "window_7": Scenario(
        "window_days",
        "1.200 vs 2.400 evacuees, published 1 and 11 Feb 2024: beyond a 7-day window",
        args=["--window-days", "7"],
        claims=[Claim("demak-early", "number", 1200), Claim("demak-later", "number", 2400)],
        flags=[Flag("demak-early", "demak-later", "number", "change")],
    ),
    "window_30": Scenario(
        "window_days",
        "1.200 vs 2.400 evacuees, published 1 and 11 Feb 2024: within a 30-day window",
        args=["--window-days", "30"],
        claims=[Claim("demak-early", "number", 1200), Claim("demak-later", "number", 2400)],
        flags=[Flag("demak-early", "demak-later", "number", "conflict")],
    ),
}


# ---------------------------------------------------------------------------
# Running the CLI and reading the database
# ---------------------------------------------------------------------------


def factcheck(*args):
    """Run `datasette factcheck ARGS` through click; fail the test on a non-zero exit."""
    args = [str(a) for a in args]
    result = CliRunner().invoke(cli, ["factcheck", *args])
    if result.exit_code != 0:
        tb = ""
        if result.exc_info and not isinstance(result.exception, SystemExit):
            tb = "".join(traceback.format_exception(*result.exc_info))
        pytest.fail(f"datasette factcheck {' '.join(args)} exited {result.exit_code}\n" f"{result.output}\n{tb}")
    return result


def connect(db_path):
    conn = sqlite3.connect(str(db_path))
    conn.row_factory = sqlite3.Row
    return conn


@pytest.fixture(scope="module")
def load_scenario(tmp_path_factory):
    """Load a scenario once per module into its own database; return a connection."""
    cache = {}

    def load(name):
        if name not in cache:
            spec = SCENARIOS[name]
            db = tmp_path_factory.mktemp(name) / "news.db"
            factcheck("load", db, SCENARIOS_DIR / spec.folder, *spec.args, "--silent")
            cache[name] = db
        return connect(cache[name])

    return load


def article_id(conn, ref):
    row = conn.execute("select id from articles where ref = ?", [ref]).fetchone()
    if row is None:
        refs = [r[0] for r in conn.execute("select ref from articles order by ref")]
        pytest.fail(f"article {ref!r} not loaded (articles.ref holds {refs})")
    return row[0]


def entity(conn, alias):
    row = conn.execute("select entity_id from entity_aliases where lower(alias) = lower(?)", [alias]).fetchone()
    return row[0] if row else None


def claims_of(conn, ref, kind=None):
    sql = "select * from claims where article_id = ?"
    params = [article_id(conn, ref)]
    if kind:
        sql += " and kind = ?"
        params.append(kind)
    return conn.execute(sql, params).fetchall()


# A flag stands for one account against another: every claim on side a
# against every claim on side b (contradiction_claims, CONTRACT.md), the
# representative pair claim_a/claim_b among them.
FLAGS_SQL = """
select x.*, a.article_id as aa, b.article_id as ab, a.subject as sa, b.subject as sb,
       a.value as va, b.value as vb, a.kind as ka, b.kind as kb
from contradictions x
join contradiction_claims ma on ma.contradiction_id = x.id and ma.side = 'a'
join contradiction_claims mb on mb.contradiction_id = x.id and mb.side = 'b'
join claims a on a.id = ma.claim_id
join claims b on b.id = mb.claim_id
"""


def flags_between(conn, ref_a, ref_b, kind=None, subject=None, values=None):
    """Flags whose two claims come from these two articles, in either order."""
    ids = {article_id(conn, ref_a), article_id(conn, ref_b)}
    ent = entity(conn, subject) if subject else None
    out = []
    for row in conn.execute(FLAGS_SQL):
        if {row["aa"], row["ab"]} != ids or row["aa"] == row["ab"]:
            continue
        if kind and row["kind"] != kind:
            continue
        if subject and (ent is None or ent not in (row["sa"], row["sb"])):
            continue
        if values and sorted([row["va"], row["vb"]]) != sorted(values):
            continue
        out.append(row)
    return out


def describe(conn, refs):
    """What the engine stored for these articles: their claims and the flags between them."""
    lines = []
    ids = {}
    for ref in refs:
        row = conn.execute("select id, published, language, duplicate_of from articles where ref = ?", [ref]).fetchone()
        if row is None:
            lines.append(f"  {ref}: NOT LOADED")
            continue
        ids[row["id"]] = ref
        lines.append(
            f"  {ref}: id={row['id']} published={row['published']} lang={row['language']}"
            f" duplicate_of={row['duplicate_of']}"
        )
        for c in conn.execute("select * from claims where article_id = ?", [row["id"]]):
            lines.append(
                f"    {c['kind']:6} subject={c['subject']} predicate={c['predicate']!r} "
                f"value={c['value']} as_of={c['as_of']} | {(c['sentence'] or '')[:90]!r}"
            )
    for x in conn.execute(FLAGS_SQL):
        if x["aa"] in ids and x["ab"] in ids:
            lines.append(
                f"  flag {x['kind']}/{x['relation']}: {ids[x['aa']]}={x['va']} ~ "
                f"{ids[x['ab']]}={x['vb']} | {x['explanation']!r}"
            )
    return "\n".join(lines)


def has_claim(conn, want):
    rows = claims_of(conn, want.ref, want.kind)
    ent = entity(conn, want.subject) if want.subject else None
    for c in rows:
        if want.subject and (ent is None or c["subject"] != ent):
            continue
        if want.kind == "number":
            if c["value_num"] is not None and abs(c["value_num"] - want.value) < 1e-9:
                return True
        elif c["value"] == want.value:
            return True
    return False


# ---------------------------------------------------------------------------
# Is every flag well-formed? (both values in the explanation, two articles)
# ---------------------------------------------------------------------------

MONTHS = {
    1: ["january", "jan", "januari"],
    2: ["february", "feb", "februari"],
    3: ["march", "mar", "maret"],
    4: ["april", "apr"],
    5: ["may", "mei"],
    6: ["june", "jun", "juni"],
    7: ["july", "jul", "juli"],
    8: ["august", "aug", "agustus", "agu", "agt"],
    9: ["september", "sep", "sept"],
    10: ["october", "oct", "oktober", "okt"],
    11: ["november", "nov"],
    12: ["december", "dec", "desember", "des"],
}
STANCE_WORDS = {
    "confirmed": ["confirm", "admit", "acknowledg", "mengaku", "mengakui", "membenarkan", "konfirmasi"],
    "denied": ["denied", "deny", "denies", "denial", "membantah", "bantah", "menyangkal", "rejected"],
    "silent": ["silent", "silence", "declin", "no comment", "bungkam", "diam", "neither"],
}


def renderings(claim, text):
    """Ways an explanation may spell a claim's value."""
    value = str(claim["value"])
    out = {value}
    if text and claim["start"] is not None and claim["end"] is not None:
        evidence = text[claim["start"] : claim["end"]].strip()
        if len(evidence) >= 3:
            out.add(evidence)
    if claim["kind"] == "number":
        x = claim["value_num"] if claim["value_num"] is not None else float(value)
        if float(x).is_integer():
            i = int(x)
            out |= {str(i), f"{i:,}", f"{i:,}".replace(",", ".")}
        else:
            out |= {repr(float(x)), repr(float(x)).replace(".", ",")}
    elif claim["kind"] == "date":
        parts = value[:10].split("-")
        if len(parts) >= 2 and parts[1].isdigit():
            month = int(parts[1])
            for name in MONTHS.get(month, []):
                if len(parts) == 3 and parts[2].isdigit():
                    day = int(parts[2])
                    out |= {f"{day} {name}", f"{name} {day}", f"{day:02d} {name}"}
                else:
                    out |= {f"{name} {parts[0]}"}
            if len(parts) == 3:
                out.add(f"{int(parts[2])}/{month}")
    elif claim["kind"] == "stance":
        out |= set(STANCE_WORDS.get(value, []))
    return {s.lower() for s in out if s and s.strip()}


def mentions(text, spelling):
    """Is spelling in text? Numbers must not be part of a longer number (125 is not in 1250)."""
    if spelling[:1].isdigit():
        return re.search(r"(?<![0-9])" + re.escape(spelling) + r"(?![0-9])", text) is not None
    return spelling in text


def check_flags_well_formed(conn):
    rows = conn.execute("""select x.*, a.article_id aa, b.article_id ab, a.kind ka, b.kind kb
           from contradictions x
           left join claims a on a.id = x.claim_a
           left join claims b on b.id = x.claim_b""").fetchall()
    problems = []
    for x in rows:
        label = f"flag {x['id']} ({x['kind']}/{x['relation']})"
        if x["aa"] is None or x["ab"] is None:
            problems.append(f"{label}: claim_a/claim_b not in claims")
            continue
        if x["aa"] == x["ab"]:
            problems.append(f"{label}: both claims from article {x['aa']}")
        if not (x["kind"] == x["ka"] == x["kb"]):
            problems.append(f"{label}: kind {x['kind']} but claims are {x['ka']}/{x['kb']}")
        if x["relation"] not in ("conflict", "change"):
            problems.append(f"{label}: relation {x['relation']!r}")
        if x["status"] not in ("open", "confirmed", "dismissed"):
            problems.append(f"{label}: status {x['status']!r}")
        explanation = (x["explanation"] or "").strip()
        if not explanation:
            problems.append(f"{label}: empty explanation")
            continue
        low = explanation.lower()
        for side in ("claim_a", "claim_b"):
            claim = conn.execute("select * from claims where id = ?", [x[side]]).fetchone()
            text = conn.execute("select text from articles where id = ?", [claim["article_id"]]).fetchone()[0]
            spelled = renderings(claim, text)
            if not any(mentions(low, s) for s in spelled):
                problems.append(
                    f"{label}: explanation does not mention {side} value {claim['value']!r} "
                    f"(looked for {sorted(spelled)}): {explanation!r}"
                )
    return rows, problems


# ---------------------------------------------------------------------------
# The scenario tests
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_scenario(load_scenario, name):
    spec = SCENARIOS[name]
    conn = load_scenario(name)
    refs = sorted(
        {c.ref for c in spec.claims}
        | {r for f in spec.flags for r in (f.a, f.b)}
        | {r for p in spec.not_conflict + spec.no_flag for r in (p.a, p.b)}
    )
    state = f"\nscenario {name}: {spec.about}\nstored:\n" + describe(conn, refs)
    errors = []

    for group in spec.same_entity:
        ids = {alias: entity(conn, alias) for alias in group}
        if None in ids.values() or len(set(ids.values())) != 1:
            errors.append(f"aliases should be one entity: {ids}")

    for want in spec.claims:
        if not has_claim(conn, want):
            errors.append(
                f"missing claim {want.kind}={want.value} in {want.ref}"
                + (f" about {want.subject}" if want.subject else "")
            )

    for f in spec.flags:
        rels = [r["relation"] for r in flags_between(conn, f.a, f.b, f.kind, f.subject, f.values)]
        if f.relation not in rels:
            errors.append(
                f"expected {f.kind} {f.relation} between {f.a} and {f.b}"
                + (f" (subject {f.subject})" if f.subject else "")
                + (f" (values {' vs '.join(f.values)})" if f.values else "")
                + f"; got {rels}"
            )
        other = {"conflict": "change", "change": "conflict"}[f.relation]
        if other in rels:
            errors.append(f"{f.a} ~ {f.b} is a {f.relation}, but also flagged {other}")

    for p in spec.not_conflict:
        if not (claims_of(conn, p.a, p.kind) and claims_of(conn, p.b, p.kind)):
            errors.append(f"no {p.kind} claims on both sides of {p.a} ~ {p.b}: nothing to check")
        rels = [r["relation"] for r in flags_between(conn, p.a, p.b, p.kind, values=p.values)]
        if "conflict" in rels:
            errors.append(
                f"false conflict ({p.kind}) between {p.a} and {p.b}"
                + (f" ({' vs '.join(p.values)})" if p.values else "")
            )

    for p in spec.no_flag:
        rows = flags_between(conn, p.a, p.b, p.kind, values=p.values)
        if rows:
            errors.append(
                f"{p.a} ~ {p.b} must not be flagged"
                + (f" ({p.kind})" if p.kind else "")
                + f"; got {[(r['kind'], r['relation'], r['va'], r['vb']) for r in rows]}"
            )

    assert not errors, "\n".join(errors) + state


FLAGGING = [name for name, spec in SCENARIOS.items() if spec.flags]


@pytest.mark.parametrize("name", FLAGGING)
def test_flags_are_explained(load_scenario, name):
    """Every flag names both values and links claims of two different articles."""
    conn = load_scenario(name)
    rows, problems = check_flags_well_formed(conn)
    assert rows, f"scenario {name} expects flags but none were stored"
    assert not problems, "\n".join(problems)


def test_syndicated_copy_is_recorded(load_scenario):
    """7. One copy points at the other; the independent report is still compared."""
    conn = load_scenario("syndicated")
    rows = {r["ref"]: r for r in conn.execute("select id, ref, duplicate_of from articles")}
    assert {"wire_nusa.txt", "copy_padang_pos.txt", "independent_id.txt"} <= set(rows), rows.keys()
    a, b = rows["wire_nusa.txt"], rows["copy_padang_pos.txt"]
    marked = [(r["ref"], r["duplicate_of"]) for r in (a, b) if r["duplicate_of"]]
    assert (a["duplicate_of"], b["duplicate_of"]) in (
        (None, a["id"]),
        (b["id"], None),
    ), f"exactly one copy should carry duplicate_of = the other's id; got {marked}"
    assert rows["independent_id.txt"]["duplicate_of"] is None, "an independent report is not a copy"
    assert (
        rows["follow_up_nusa.txt"]["duplicate_of"] is None
    ), "a follow-up that shares two of four sentences is a new article, not a copy"
    # 13 dead (independent) vs 11 dead (the wire story): a same-day conflict,
    # whichever copy stands for the wire story.
    found = flags_between(conn, "independent_id.txt", "wire_nusa.txt", "number") + flags_between(
        conn, "independent_id.txt", "copy_padang_pos.txt", "number"
    )
    assert "conflict" in [
        r["relation"] for r in found
    ], "13 vs 11 dead climbers, same day, should conflict\n" + describe(
        conn, ["wire_nusa.txt", "copy_padang_pos.txt", "independent_id.txt"]
    )
    # The follow-up: 11 dead (4 Dec) 'bertambah menjadi 23' (5 Dec): a change.
    found = flags_between(conn, "follow_up_nusa.txt", "wire_nusa.txt", "number") + flags_between(
        conn, "follow_up_nusa.txt", "copy_padang_pos.txt", "number"
    )
    assert "change" in [r["relation"] for r in found] and "conflict" not in [
        r["relation"] for r in found
    ], "11 dead then, a day later, 'bertambah menjadi 23': a change\n" + describe(
        conn, ["wire_nusa.txt", "copy_padang_pos.txt", "follow_up_nusa.txt"]
    )
    _, problems = check_flags_well_formed(conn)
    assert not problems, "\n".join(problems)


# ---------------------------------------------------------------------------
# 8. Incremental detection equals a full `detect`
# ---------------------------------------------------------------------------


def flag_set(db_path):
    """The contradictions as comparable values, independent of generated ids."""
    conn = connect(db_path)
    key = {}
    for c in conn.execute(
        "select c.id, a.ref, c.kind, c.start, c.end, c.value, c.predicate, c.subject "
        "from claims c join articles a on a.id = c.article_id"
    ):
        key[c["id"]] = (c["ref"], c["kind"], c["start"], c["end"], c["value"], c["predicate"], c["subject"])
    out = set()
    for x in conn.execute(
        "select ma.claim_id as claim_a, mb.claim_id as claim_b, x.kind, x.relation from contradictions x "
        "join contradiction_claims ma on ma.contradiction_id = x.id and ma.side = 'a' "
        "join contradiction_claims mb on mb.contradiction_id = x.id and mb.side = 'b'"
    ):
        out.add(
            (
                frozenset([key.get(x["claim_a"], x["claim_a"]), key.get(x["claim_b"], x["claim_b"])]),
                x["kind"],
                x["relation"],
            )
        )
    return out


def test_incremental_equals_full(tmp_path):
    batch_a = SCENARIOS_DIR / "incremental" / "batch_a"
    batch_b = SCENARIOS_DIR / "incremental" / "batch_b"

    inc = tmp_path / "incremental.db"
    factcheck("load", inc, batch_a, "--silent")
    factcheck("load", inc, batch_b, "--silent")

    full = tmp_path / "full.db"
    factcheck("load", full, batch_a, batch_b, "--no-detect", "--silent")
    undetected = connect(full).execute("select count(*) from contradictions").fetchone()[0]
    assert undetected == 0, f"--no-detect still stored {undetected} contradictions"
    factcheck("detect", full)

    together = tmp_path / "together.db"
    factcheck("load", together, batch_a, batch_b, "--silent")

    want = flag_set(full)
    assert want, "a full detect found no contradictions at all\n" + describe(
        connect(full), ["mine_id.txt", "mine_en.txt", "mine-wire-b1", "mine-update-b2", "mine-copy-b3"]
    )
    got = flag_set(inc)
    assert got == want, (
        f"incremental load differs from a full detect\nonly incremental: {sorted(map(str, got - want))}"
        f"\nonly full: {sorted(map(str, want - got))}"
    )
    assert flag_set(together) == want, "one load of both batches differs from load --no-detect + detect"
    parallel = tmp_path / "parallel.db"
    factcheck("load", parallel, batch_a, batch_b, "--no-detect", "--silent")
    factcheck("detect", parallel, "--workers", "2")
    assert flag_set(parallel) == want, "detect --workers 2 differs from detect"

    conn = connect(inc)
    # The second batch must actually have been compared with the first.
    rels = [r["relation"] for r in flags_between(conn, "mine_id.txt", "mine-wire-b1", "number")]
    assert "conflict" in rels, "41 vs 43 dead, same day, across batches\n" + describe(
        conn, ["mine_id.txt", "mine-wire-b1"]
    )
    # A syndicated copy arriving in a later batch is still never flagged against its original.
    dup = flags_between(conn, "mine_en.txt", "mine-copy-b3")
    assert not dup, "a later syndicated copy was flagged against its original\n" + describe(
        conn, ["mine_en.txt", "mine-copy-b3"]
    )

    # Loading the same input again changes nothing.
    factcheck("load", inc, batch_b, "--silent")
    assert flag_set(inc) == want, "reloading batch_b changed the contradictions"


# ---------------------------------------------------------------------------
# 9. detect --window-days re-decides the relation
# ---------------------------------------------------------------------------


def test_detect_window_days_override(tmp_path):
    db = tmp_path / "window.db"
    factcheck("load", db, SCENARIOS_DIR / "window_days", "--window-days", "7", "--silent")

    def relations():
        return sorted(r["relation"] for r in flags_between(connect(db), "demak-early", "demak-later", "number"))

    assert relations() == ["change"], "10 days apart, 7-day window\n" + describe(
        connect(db), ["demak-early", "demak-later"]
    )
    factcheck("detect", db, "--window-days", "30")
    assert relations() == ["conflict"], "10 days apart, 30-day window\n" + describe(
        connect(db), ["demak-early", "demak-later"]
    )
    factcheck("detect", db, "--window-days", "7")
    assert relations() == ["change"], "back to a 7-day window"


# ---------------------------------------------------------------------------
# Housekeeping: every scenario folder has an expectation
# ---------------------------------------------------------------------------


def test_every_scenario_folder_is_checked():
    folders = {p.name for p in SCENARIOS_DIR.iterdir() if p.is_dir()}
    covered = {spec.folder for spec in SCENARIOS.values()} | {"incremental"}
    assert folders == covered, f"unchecked: {folders - covered}; missing: {covered - folders}"
    for p in SCENARIOS_DIR.rglob("*.jsonl"):
        for line in p.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert {"id", "text", "published", "language"} <= set(record), (p, record)


# ---------------------------------------------------------------------------
# 10. A third-party contradiction rule through the project's pluggy hooks
# ---------------------------------------------------------------------------


class SameFigure(Rule):
    """A toy rule no built-in has: two articles giving the very same figure.

    Each article is its own account, so every pair of articles meets; a
    pair sharing a figure is a disagreement. Conflict or change and the
    explanation are detection's, as for the built-ins."""

    name, kind = "same-figure", "number"

    def __init__(self):
        super().__init__()
        self.calls = []

    def account(self, claims):
        self.calls.append([dict(c) for c in claims])
        return claims[0]["group"]

    def disagreement(self, claims_a, claims_b):
        for a in claims_a:
            for b in claims_b:
                if a["value"] == b["value"]:
                    return Disagreement(a, b, 0.01)
        return None


class SameFigurePlugin:
    def __init__(self):
        self.rule = SameFigure()

    @hookimpl
    def factcheck_rules(self):
        return [self.rule]


def test_third_party_rule(tmp_path):
    db = tmp_path / "toy.db"
    factcheck("load", db, SCENARIOS_DIR / "tolerance_hedge", "--silent")
    assert not flags_between(
        connect(db), "rwanda_id.txt", "rwanda_en.txt"
    ), "the built-in rules should not flag 'sekitar 1.500' against '1,500'"

    toy = SameFigurePlugin()
    pm.register(toy, name="toy-same-figure")
    try:
        factcheck("detect", db)
        conn = connect(db)
        found = [
            r for r in flags_between(conn, "rwanda_id.txt", "rwanda_en.txt", "number") if r["rule"] == "same-figure"
        ]
        assert len(found) == 1, "the third-party rule's flag was not stored\n" + describe(
            conn, ["rwanda_id.txt", "rwanda_en.txt"]
        )
        assert found[0]["relation"] == "conflict"
        _, problems = check_flags_well_formed(conn)
        assert not problems, "\n".join(problems)
        # The hookspec's promise to rules: each call gets one slot, claims from
        # more than one article.
        assert toy.rule.calls, "the rule was never called"
        for claims in toy.rule.calls:
            slots = {(c["kind"], c["subject"], c["predicate"]) for c in claims}
            assert len(slots) == 1 and claims[0]["kind"] == "number", slots
            assert len({c["group"] for c in claims}) == 1, claims
    finally:
        pm.unregister(toy)

    factcheck("detect", db)
    left = [r for r in connect(db).execute("select rule from contradictions") if r["rule"] == "same-figure"]
    assert not left, "after unregistering, a fresh detect still stores the toy rule's flags"
