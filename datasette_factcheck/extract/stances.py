"""Stance claims: who confirmed, denied or stayed silent on which proposition.

A lexicon of surface forms finds the cue; negation turns a confirmation or a
denial into silence ("did not deny"); modality ("may", "kecil kemungkinan")
means no stance at all; the holder is the actor of the cue's clause, the agent
of a passive ("dibantah oleh X"), or for a quotation its speaker.
"""

import re

from ..lexicon import fold, norm, words_pattern
from ..model import ABOUT
from .entities import unknown_names
from .sentences import quote_spans, words
from .stance_time import stance_time, told_as_history


def claims(doc):
    lex, text = doc.lex, doc.text
    last_holders = []
    for i, (s, e) in enumerate(doc.sentences):
        if not (
            lex.re["stance"].search(text, s, e)
            or lex.re["silence_noun"].search(text, s, e)
            or (
                lex.re["speech"].search(text, s, e)
                and (_assertable(lex).search(text, s, e) or _falsity(lex).search(text, s, e))
            )
        ):
            continue  # no cue: most sentences
        quotes = quote_spans(text, s, e)
        parts = doc.clauses(s, e)
        seen = set()
        for value, cs, ce, passive in _cues(doc, s, e, parts):
            clause = next(((a, b) for a, b in parts if a <= cs < b), (s, e))
            refused = _refused(doc, clause[0], cs)
            if _modal(doc, clause[0], cs, without=_refusals(lex)):
                continue  # a conditional stays one with a refusal in it ("if X refuses to confirm")
            when = stance_time(doc, i, cs, ce, told_as_history(doc, s, clause[0], cs, ce))
            if refused and value != "silent":  # "refused to confirm", "could not confirm", "menolak mengonfirmasi"
                value = "denied" if _insisted(doc, clause[0], cs, text[cs:ce]) else "silent"
            if passive and _requested(doc, s, cs):
                continue  # "saat dikonfirmasi, X ...": the reporter asked
            if refused:
                pass
            elif value != "silent" and _negated(doc, clause[0], cs) and not lex.re["negation"].search(text, cs, ce):
                value = "denied" if _insisted(doc, clause[0], cs, text[cs:ce]) else "silent"
            elif value == "confirmed" and _ignorant(doc, ce, clause[1]):
                value = "silent"  # "mengaku belum mengetahui": says it does not know
            quote = next((q for q in quotes if q[0] < cs < q[1]), None)
            if quote:
                holders = _quoted_holders(doc, s, e, quote, last_holders)
            else:
                holders = _holders(doc, s, cs, ce, clause, parts, passive)
            spoken = _spoken(doc, holders, _personal(doc, ce, clause[1]), (s, cs))
            if not spoken:
                continue
            proposition = _proposition(doc, s, e, cs, ce)
            for holder, speaker in spoken.items():
                if (holder, value, proposition) in seen:
                    continue
                seen.add((holder, value, proposition))
                yield doc.claim("stance", i, cs, ce, value, holder, proposition, when, cue=text[cs:ce], speaker=speaker)
            last_holders = list(spoken)
        for value, cs, ce, proposition, quote in _assertions(doc, s, e, parts, quotes):
            clause = next(((a, b) for a, b in parts if a <= cs < b), (s, e))
            found = (
                _quoted_holders(doc, s, e, quote, last_holders)
                if quote
                else _holders(doc, s, cs, ce, clause, parts, False)
            )
            for holder, speaker in _spoken(doc, found, False, (s, cs)).items():
                if any(k[0] == holder and (k[2] == proposition or (k[1] == value and not quote)) for k in seen):
                    continue  # the sentence's own cue already says it
                seen.add((holder, value, proposition))
                when = stance_time(doc, i, cs, ce)
                yield doc.claim("stance", i, cs, ce, value, holder, proposition, when, cue=text[cs:ce], speaker=speaker)


def _spoken(doc, holders, personal, before):
    """{holder: speaker} for the actors of a stance: a person speaking for a
    body they are named with ("Kapolri Jenderal X") makes the body the holder
    and is kept as its speaker, as is such a person named before the cue
    (``before``: the span from the sentence's start to the cue) where the body
    itself is the actor found; a person of no known body is their own speaker
    (other articles may say whom they speak for: ``store.resolve``); a
    personal matter ("his own role") stays the person's, with no speaker."""
    out = {}
    for h in holders:
        body = None if personal else doc.body_of.get(h)
        if body:
            out.setdefault(body, h)
        elif not personal and doc.kind_of(h) == "person":
            out.setdefault(h, h)
        else:
            out.setdefault(h, None if personal else _voice(doc, h, *before))
    return out


def _voice(doc, body, start, end):
    """The person of ``body`` (``doc.body_of``) named last in text[start:end], if any."""
    text, found = doc.text[start:end], []
    for person, of in doc.body_of.items():
        if of == body:
            at = max((text.rfind(a) for a in doc.new_entities.get(person, {}).get("aliases", ())), default=-1)
            if at >= 0:
                found.append((at, person))
    return max(found)[1] if found else None


def _assertable(lex):
    """The surface forms an actor affirms a proposition by stating: every
    proposition's, but not a bare thing counted ("troops", "senjata"), which
    names no event or state, nor a proposition that is a count ("jumlah
    korban", "death toll": a number claim, not a stance)."""

    def build(lx):
        things = set(lx.noun_of) | set(lx.state_of)
        counts = set(lx.noun_of.values()) | set(lx.state_of.values())
        return words_pattern(
            [w for w, c in lx.proposition_of.items() if w not in things and c not in counts], lx["suffixes"]
        )

    return lex.memo("assertable", build)


def _propositions(doc, pattern, start, end):
    """The matches of ``pattern`` between start and end that name their
    proposition: a form whose proposition needs an object ("downed",
    "dijatuhkan") has one of its object words right before it (a passive's
    subject) or right after it, no preposition between ("downed the
    helicopter"; not "downed a drone", "dijatuhkan dari helikopter")."""
    lex, text = doc.lex, doc.text
    objects = lex.memo(
        "proposition_objects",
        lambda lx: {c: {norm(w) for w in ws} for c, ws in (lx["proposition_objects"] or {}).items()},
    )
    for m in pattern.finditer(text, start, end):
        need = objects.get(lex.lookup(lex.proposition_of, m.group()))
        if not need:
            yield m
            continue
        if any(norm(w) in need for w in m.group().split()):
            yield m
            continue
        lead = max(start, m.start() - 80)
        cut = max([lead] + [lead + x.end() for x in re.finditer(r"[,;:.!?\"“”()]", text[lead : m.start()])])
        before = [norm(w) for _, _, w in words(text, cut, m.start())][-6:]  # "the plane that crashed was shot down"
        after = []
        for k, (_, _, w) in enumerate(words(text, m.end(), end)[:5]):
            w = norm(w)
            if k == 0 and w in lex.sets["object_prepositions"]:
                continue  # "the downing of the helicopter"
            if w in lex.sets["prepositions"] or w in lex.sets["clause_breaks"]:
                break
            after.append(w)
        if any(w in need for w in before + after):
            yield m


def _first_proposition(doc, pattern, start, end):
    return next(_propositions(doc, pattern, start, end), None)


def _negation_reaches(lex, between):
    """Whether a negation in the words between a speech verb and the
    proposition denies it: not one qualifying a manner ("tidak sengaja"), nor
    one of another noun or clause, a preposition or clause word between it and
    the proposition ("tidak ada korban dalam ...", "no one was hurt when ...")."""
    between = _manner(lex).sub(" ", between)
    negs = list(lex.re["negation"].finditer(between))
    if not negs:
        return False
    rest = [norm(w) for w in between[negs[-1].end() :].split()]
    return not any(w in lex.sets["prepositions"] or w in lex.sets["clause_breaks"] for w in rest)


def _denied_after(doc, lex, p_end, clause_end):
    """After the proposition, its predicate calls it false ("... adalah
    rekayasa", "... is untrue") or says it never happened ("... tidak pernah
    terjadi", "... never happened", "... did not take place")."""
    after = [w for _, _, w in words(doc.text, p_end, clause_end)[:8]]
    joined = " ".join(after)
    if _falsity(lex).search(joined):
        return True
    occur = lex.memo("occurrence", lambda lx: words_pattern(lx["occurrence_words"], lx["suffixes"]))
    skip = lex.sets["demonstratives"] | lex.sets["determiners"]
    head = [w for w in after if norm(w) not in skip][:5]
    text = " ".join(head)
    neg = lex.re["negation"].search(text)
    return bool(neg and occur.search(text, neg.end()) and not _manner(lex).search(text))


def _assertions(doc, s, e, parts, quotes):
    """(value, start, end, proposition) for a speech verb stating an assertable
    proposition as fact: "X says the levee was breached" affirms it (the
    speech verb is the cue); "X said the levee was never breached", "X
    menegaskan bahwa ... adalah rekayasa", "X mengatakan ... tidak pernah
    terjadi" deny it. A hedge ("highly likely"), a report
    ("reports that"), a stance of someone else in between or a negated,
    modal or quoted speech verb give nothing."""
    lex, text = doc.lex, doc.text
    found = []
    for m in lex.re["speech"].finditer(text, s, e):
        if any(q[0] < m.start() < q[1] for q in quotes):
            continue
        quote = next((q for q in quotes if q[1] <= m.start() and _speaker_gap(text[q[1] : m.start()])), None)
        if quote:  # "“... there was no shootout ...”, X said": the quotation is what was said
            p = _first_proposition(doc, _assertable(lex), quote[0], quote[1])
            if p and len(words(text, quote[0], p.start())) <= 5:  # the quotation states it: "there was no ..."
                between = " ".join(w for _, _, w in words(text, quote[0], p.start()))
                if not (lex.re["modality"].search(_hedges(lex).sub(" ", between)) or lex.re["stance"].search(between)):
                    denied = _negation_reaches(lex, between) or _denied_after(doc, lex, p.end(), quote[1])
                    found.append(
                        (
                            "denied" if denied else "confirmed",
                            m.start(),
                            m.end(),
                            _refined(doc, p, quote[1]),
                            quote,
                        )
                    )
            continue
        p = _first_proposition(doc, _assertable(lex), m.end(), e)
        if not p:
            called = _called_false(doc, m, s, e, parts, quotes)
            if called:
                found.append(called)
            continue
        if any(q[0] < p.start() < q[1] for q in quotes):
            continue  # a quotation is its own speaker's
        clause = next(((a, b) for a, b in parts if a <= m.start() < b), (s, e))
        if _modal(doc, clause[0], m.start()) or _negated(doc, clause[0], m.start()):
            continue
        between = words(text, m.end(), p.start())
        if len(between) > 16:
            continue  # far from the verb: another clause's matter ("..., including officers who ordered ...")
        between = " ".join(w for _, _, w in between)
        named = {norm(w) for w in between.split()}
        hedge = _hedges(lex).sub(" ", between)
        if (
            lex.re["modality"].search(hedge)
            or lex.re["stance"].search(between)
            or lex.re["speech"].search(between)
            or named & _reported(lex)
        ):
            continue  # hedged, someone else's stance, or a report retold
        p_clause = next(((a, b) for a, b in parts if a <= p.start() < b), (p.start(), e))
        denied = _negation_reaches(lex, between) or _denied_after(doc, lex, p.end(), p_clause[1])
        proposition = _refined(doc, p, p_clause[1])
        found.append(("denied" if denied else "confirmed", m.start(), m.end(), proposition, None))
    return found


FALSITY_WORDS = 14  # how close after a speech verb a falsity word calls its matter false


def _called_false(doc, m, s, e, parts, quotes):
    """(value, start, end, proposition, None) for a speech verb calling a matter
    the lexicon does not know false ("X menegaskan bahwa kabar itu rekayasa",
    "X said the claims were untrue"): a denial of it, labelled by its phrase;
    None when no falsity word follows closely, or the verb is quoted, negated,
    hedged or followed by someone else's stance."""
    lex, text = doc.lex, doc.text
    if any(q[0] < m.start() < q[1] for q in quotes):
        return None
    after = words(text, m.end(), e)[:FALSITY_WORDS]
    false = next((w for w in after if _falsity(lex).match(text, w[0])), None)
    if not false or any(q[0] < false[0] < q[1] for q in quotes):
        return None
    clause = next(((a, b) for a, b in parts if a <= m.start() < b), (s, e))
    between = text[m.end() : false[0]]
    if (
        _modal(doc, clause[0], m.start())
        or _negated(doc, clause[0], m.start())
        or lex.re["stance"].search(between)
        or lex.re["speech"].search(between)
        or lex.re["modality"].search(_hedges(lex).sub(" ", between))
    ):
        return None
    opening = lex.sets["clause_breaks"] | lex.sets["generic_objects"] | lex.sets["stopwords"]
    opening |= lex.sets["determiners"] | lex.sets["prepositions"] | lex.sets["demonstratives"]
    start = next((a for a, _, w in after if a < false[0] and norm(w) not in opening), false[0])
    label = _without_fillers(doc, _object_phrase(doc, start, false[0]))
    return ("denied", m.start(), m.end(), f"{ABOUT}{label}" if label else doc.topic, None)


def _hedges(lex):
    return lex.memo("assessment_hedges", lambda lx: words_pattern(lx["assessment_hedges"], lx["suffixes"]))


def _manner(lex):
    """A negation with the manner word it qualifies ("tidak sengaja")."""
    return lex.memo(
        "manner_negations",
        lambda lx: re.compile(
            lex.re["negation"].pattern + r"\s+" + words_pattern(lx["manner_negations"]).pattern, re.IGNORECASE
        ),
    )


def _speaker_gap(gap):
    """Between a quotation and its speech verb: nothing, or the speaker's name ("”, Japan said")."""
    gap = gap.strip(" ,")
    return not gap or (
        len(gap) <= 40 and len(gap.split()) <= 4 and gap[0].isupper() and not re.search(r"[.!?;:\"“”]", gap)
    )


def _falsity(lex):
    return lex.memo("falsity", lambda lx: words_pattern(lx["falsity_words"], lx["suffixes"]))


def _reported(lex):
    """Objects that make a statement a report retold ("reports that ...")."""
    return lex.memo(
        "reported",
        lambda lx: lx.sets["generic_objects"]
        - lx.sets["stopwords"]
        - lx.sets["prepositions"]
        - lx.sets["determiners"]
        - lx.sets["demonstratives"]
        - lx.sets["clause_breaks"],
    )


def _cues(doc, s, e, parts):
    """(value, start, end, holder_follows) for every stance cue in the sentence."""
    lex, text = doc.lex, doc.text
    out = []
    for m in lex.re["stance"].finditer(text, s, e):
        value = lex.lookup(lex.stance_of, m.group())
        passive = lex.lookup({k: True for k in lex.sets["holder_after"]}, m.group()) or False
        out.append((value, m.start(), m.end(), passive))
    for m in lex.re["silence_noun"].finditer(text, s, e):
        clause = next(((a, b) for a, b in parts if a <= m.start() < b), (s, e))
        before = words(text, clause[0], m.start())[-4:]
        after = words(text, m.end(), clause[1])[:6]
        if any(lex.re["negation"].fullmatch(w) for _, _, w in before + after):
            if not any(c[1] <= m.start() < c[2] for c in out):
                out.append(("silent", m.start(), m.end(), True))
    return sorted(out, key=lambda c: c[1])


def _window(doc, start, end, n):
    return [w for _, _, w in words(doc.text, start, end)[-n:]]


def _modal(doc, clause_start, cue_start, without=None):
    """A modal word in the eight words before the cue; ``without`` a pattern
    whose matches are no modality there (a refusal's "tidak bisa", "could not")."""
    window = " ".join(_window(doc, clause_start, cue_start, 8))
    if without is not None:
        window = without.sub(" ", window)
    return bool(doc.lex.re["modality"].search(window))


def _refusals(lex):
    return lex.memo("refusals", lambda lx: words_pattern(lx["refusals"], lx["suffixes"]))


def _refused(doc, clause_start, cue_start):
    """A refusal or failure right before the cue (within three words)."""
    window = " ".join(_window(doc, clause_start, cue_start, 3))
    return bool(_refusals(doc.lex).search(window))


def _personal(doc, ce, end):
    """The cue's object is the speaker's own matter ("keterlibatan pribadinya",
    "his own role"): the stance is the person's, not the body's they speak for."""
    lex = doc.lex
    pattern = lex.memo("personal", lambda lx: words_pattern(lx["personal_words"], lx["suffixes"]))
    return bool(pattern.search(" ".join(w for _, _, w in words(doc.text, ce, end)[:6])))


def _requested(doc, clause_start, cue_start):
    """A passive cue right after a request frame ("saat dikonfirmasi")."""
    before = _window(doc, clause_start, cue_start, 2)
    return bool(before) and norm(before[-1]) in doc.lex.sets["request_frames"]


def _insisted(doc, clause_start, cue_start, cue):
    """ "bersikukuh tidak mau membenarkan", "insisted he would not admit": a
    denial, for an admission only; insisting one will not confirm is silence."""
    lex = doc.lex
    admits = lex.memo("admissions", lambda lx: words_pattern(lx["admissions"], lx["suffixes"]))
    return bool(admits.fullmatch(cue)) and any(
        norm(w) in lex.sets["insistence_words"] for w in _window(doc, clause_start, cue_start, 6)
    )


def _ignorant(doc, ce, end):
    """A negation and a word of knowing right after a confirmation cue."""
    after = [norm(w) for _, _, w in words(doc.text, ce, end)[:4]]
    if any(w in doc.lex.sets["pending_words"] for w in after[:2]):
        return True  # "mengaku masih menanti laporan"
    return any(w in doc.lex.sets["negations"] for w in after[:2]) and any(
        w in doc.lex.sets["ignorance_words"] for w in after
    )


def _negated(doc, clause_start, cue_start):
    return bool(doc.lex.re["negation"].search(" ".join(_window(doc, clause_start, cue_start, 4))))


def _holders(doc, s, cs, ce, clause, parts, passive):
    if passive:  # "dibantah oleh X", "bantahan X", "reaksi resmi dari X"
        agent = _agent_span(doc, ce, clause[1])
        if _anaphoric(doc, ce, clause[1]) and not agent:
            return []  # "Bantahan itu disampaikan di ...": the earlier stance, already counted
        if agent:
            after = doc.entities_in(*agent)
            if after:
                return [after[0][2]]
            name = doc.holder_from_name(*agent, last=False)
            if name:
                return [name]
        found = doc.actor_before(clause[0], cs) or _named(doc, clause[0], cs)
        return found or _earlier(doc, clause, parts)
    found = doc.actor_before(clause[0], cs)
    # a name no alias knows, closer to the verb than the known one, is the actor:
    # "the Indonesian football association PSSI declined"
    known_end = max((m.end for m in doc.entities_in(clause[0], cs) if m.entity in found), default=clause[0])
    name = None if found and _representative(doc, known_end, cs) else _named(doc, known_end, cs)
    if name:
        return name
    return found or _main_clause_actor(doc, s, clause, parts) or _earlier(doc, clause, parts)


def _main_clause_actor(doc, s, clause, parts):
    """For a cue in a clause opened by a subordinator and naming no actor
    ("Setelah sepekan membantah, BRKN akhirnya mengakui", "After denying it
    for days, the ministry admitted"), the actor of the main clause after it."""
    before = [p for p in parts if p[1] <= clause[0]]
    opening = words(doc.text, *before[-1]) if before else []  # clause words are parts of their own
    opening = (opening if len(opening) == 1 else []) or words(doc.text, clause[0], clause[1])[:1]
    if not opening or norm(opening[0][2]) not in doc.lex.sets["subordinators"]:
        return []
    later = [p for p in parts if p[0] >= clause[1]]
    if not later:
        return []
    return doc.actor_before(*later[0]) or _named(doc, *later[0])


def _earlier(doc, clause, parts):
    """The actor of an earlier clause of the sentence ("X, saat dikonfirmasi, belum ..."),
    never the dateline's city ("Jakarta — Setelah ...")."""
    earlier = [p for p in parts if p[1] <= clause[0] and p[0] >= doc.dateline_end]
    for a, b in reversed(earlier):
        found = doc.actor_before(a, b)
        if found:
            return found
    for a, b in reversed(earlier):
        name = _named(doc, a, b)
        if name:
            return name
    return []


def _representative(doc, known_end, cs):
    """Whether the name after the known body names a person speaking for it,
    titles between ("PM Jepang Haruki Tendo", "Japanese Prime Minister
    Haruki Tendo", "Kadiv Humas Polda, Irjen Bayu"): the body holds the stance."""
    lex, text = doc.lex, doc.text
    stop = lex.sets["stopwords"] | lex.sets["modality"] | set(lex.stance_of)
    names = unknown_names(text, known_end, cs, stop)
    if not names:
        return False
    body = next((m for m in doc.mentions if m.end == known_end), None)
    if body and not doc.voice_of(body):
        return False
    gap = [norm(w) for _, _, w in words(text, known_end, names[0][0])]
    return all(w in doc._title_words() for w in gap) and not re.search(r"[^\w\s,.'’-]", text[known_end : names[0][0]])


def _anaphoric(doc, ce, end):
    """A nominal cue pointing back ("Bantahan itu", "Pengakuan tersebut")."""
    nxt = words(doc.text, ce, end)[:1]
    return bool(nxt) and norm(nxt[0][2]) in doc.lex.sets["demonstratives"]


def _agent_span(doc, ce, end):
    """Where the agent of a passive or nominal cue can be: right after it
    ("bantahan Korut", "dibantah Moskow"), or after an agent word ("oleh X",
    "by X"); never after a place word ("di Jakarta")."""
    after = words(doc.text, ce, end)
    for k, (a, b, w) in enumerate(after[:8]):
        lw = norm(w)
        if lw in doc.lex.sets["agent_markers"]:
            return b, end
        if lw in doc.lex.sets["prepositions"]:
            return None
        if k == 0 and (w[0].isupper() or any(m.start == a for m in doc.mentions)):
            return a, end
    return None


def _named(doc, start, end):
    entity = doc.holder_from_name(start, end)
    return [entity] if entity else []


def _quoted_holders(doc, s, e, quote, last_holders):
    """A quotation's stance belongs to its speaker: named before the quote, or
    after it ("kata X", "X said"), or the previous holder for "ujarnya", "he said"."""
    found = doc.actor_before(s, quote[0])
    if found:
        return found
    after = doc.entities_in(quote[1], min(e, quote[1] + 60))
    if after:
        return [after[0][2]]
    name = doc.holder_from_name(quote[1], min(e, quote[1] + 60), last=False)
    if name:  # "..., said Tono Gunawan"
        return [name]
    if doc.lex.morph.speaker_pronoun(doc.text[quote[1] : e]):
        return list(last_holders)
    return []


def _proposition(doc, s, e, cs, ce):
    """What the stance is about: a known proposition in the sentence (after the
    cue first); else the cue's own object ("mengakui kelalaian" -> about:kelalaian);
    else, for a bare cue or a generic object ("membantah laporan itu"), the
    article's main proposition."""
    lex = doc.lex
    after = _first_proposition(doc, lex.re["proposition"], ce, e)
    if after:
        return _refined(doc, after, e)
    before = list(_propositions(doc, lex.re["proposition"], s, cs))
    if before:
        return _refined(doc, before[-1], e)
    label = _without_fillers(doc, _object_phrase(doc, ce, e))
    return f"{ABOUT}{label}" if label else doc.topic


def _without_fillers(doc, label):
    """An object phrase without the words that open it without naming anything
    ("adanya kebocoran data" -> "kebocoran data"): its first word is then its
    head noun, which keys the proposition's slot (``model.slot_key``), so
    "membantah kebocoran tersebut" and "mengakui adanya kebocoran data" meet."""
    words = label.split()
    while words and norm(words[0]) in doc.lex.sets["object_fillers"]:
        words.pop(0)
    return " ".join(words)


REFINING_WORDS = 10  # how close after a general proposition the specific one's object word names it


def _refined(doc, match, e):
    """The proposition ``match`` names, or the more specific one it refines
    to where that one's object word follows closely ("a rocket struck the
    helicopter": weapons -> shot down; see the lexicon's proposition_refinements)."""
    lex = doc.lex
    found = lex.lookup(lex.proposition_of, match.group())
    specific = (lex["proposition_refinements"] or {}).get(found)
    if specific:
        objects = {norm(w) for w in (lex["proposition_objects"] or {}).get(specific, ())}
        stop = re.search(r"[,;:.!?\"“”()]", doc.text[match.end() : e])
        end = match.end() + stop.start() if stop else e
        if any(norm(w) in objects for _, _, w in words(doc.text, match.end(), end)[:REFINING_WORDS]):
            return specific
    return found


def _object_phrase(doc, ce, e, most=3):
    """The cue's object noun phrase, up to ``most`` words ("kelalaian petugas",
    "the embankment breach"): a readable label for a proposition the lexicon
    does not know. It opens with a lower-case word that is not a generic
    object ("laporan itu") and ends at punctuation, a clause word, a
    preposition, a negation, another cue or a demonstrative."""
    lex, text = doc.lex, doc.text
    skip = lex.sets["stopwords"] | lex.sets["determiners"] | lex.sets["negations"] | lex.sets["prepositions"]
    stop = (
        lex.sets["stopwords"]
        | lex.sets["prepositions"]
        | lex.sets["clause_breaks"]
        | lex.sets["negations"]
        | lex.sets["demonstratives"]
        | lex.sets["speech_verbs"]
        | lex.sets["generic_objects"]
    )
    label, last = [], ce
    for k, (a, b, word) in enumerate(words(text, ce, e)[:8]):
        key = norm(word)
        if label and (
            re.search(r"[^\w\s'’-]", text[last:a])
            or key in stop
            or key in lex.stance_of
            or not word.replace("-", "").isalpha()
        ):
            break
        if not label:
            if k < 3 and (key in skip or key in lex.stance_of):
                last = b
                continue
            if key in lex.sets["generic_objects"] or not word.isalpha() or word[0].isupper():
                break
        label.append(fold(word))
        last = b
        if len(label) == most:
            break
    return " ".join(label)
