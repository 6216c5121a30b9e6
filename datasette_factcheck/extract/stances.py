"""Stance claims: who confirmed, denied or stayed silent on which proposition.

A lexicon of surface forms finds the cue; negation turns a confirmation or a
denial into silence ("did not deny"); modality ("may", "kecil kemungkinan")
means no stance at all; the holder is the actor of the cue's clause, the agent
of a passive ("dibantah oleh X"), or for a quotation its speaker.
"""
import re

from .sentences import clauses, quote_spans, words

PRONOUN_SPEECH = re.compile(r"^\s*[,.]?\s*(?:\w+nya\b|(?:he|she|they|it|ia|dia|mereka)\s+\w+|\w+\s+(?:he|she|they))", re.I)


def claims(doc):
    lex, text = doc.lex, doc.text
    last_holders = []
    for i, (s, e) in enumerate(doc.sentences):
        quotes = quote_spans(text, s, e)
        parts = clauses(text, s, e, lex)
        seen = set()
        for value, cs, ce, passive in _cues(doc, s, e, parts):
            clause = next(((a, b) for a, b in parts if a <= cs < b), (s, e))
            if _modal(doc, clause[0], cs):
                continue
            if value != "silent" and _negated(doc, clause[0], cs) and not lex.re["negation"].search(text, cs, ce):
                value = "silent"
            quote = next((q for q in quotes if q[0] < cs < q[1]), None)
            if quote:
                holders = _quoted_holders(doc, s, e, quote, last_holders)
            else:
                holders = _holders(doc, s, cs, ce, clause, parts, passive)
            if not holders:
                continue
            proposition = _proposition(doc, s, e, cs, ce)
            for holder in holders:
                if (holder, value, proposition) in seen:
                    continue
                seen.add((holder, value, proposition))
                yield doc.claim("stance", i, cs, ce, value, holder, proposition, cue=text[cs:ce])
            last_holders = holders


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


def _modal(doc, clause_start, cue_start):
    return bool(doc.lex.re["modality"].search(" ".join(_window(doc, clause_start, cue_start, 8))))


def _negated(doc, clause_start, cue_start):
    return bool(doc.lex.re["negation"].search(" ".join(_window(doc, clause_start, cue_start, 4))))


def _actor_before(doc, start, end):
    """The entities acting before ``end``: the nearest mention not governed by a
    preposition ("dari Korsel", "to the United Nations") unless possessive
    ("Iran's mission"), with those coordinated with it."""
    lex, text = doc.lex, doc.text
    mentions = doc.entities_in(start, end)
    chosen = None
    for k in range(len(mentions) - 1, -1, -1):
        m_start, m_end = mentions[k][0], mentions[k][1]
        if re.match(r"['’]s\b", text[m_end:m_end + 3]):
            chosen = k
            break
        prev = [w.lower() for _, _, w in words(text, max(start, m_start - 40), m_start)]
        while prev and prev[-1] in lex.sets["determiners"]:
            prev.pop()
        if prev and prev[-1] in lex.sets["prepositions"]:
            continue
        chosen = k
        break
    if chosen is None:
        return []
    group = [mentions[chosen][2]]
    k = chosen
    while k > 0:
        gap = text[mentions[k - 1][1]:mentions[k][0]]
        gap_words = [w.lower() for w in re.findall(r"\w+", gap)]
        if all(w in lex.sets["coordinators"] for w in gap_words) and re.fullmatch(r"[\w\s,()]*", gap):
            group.insert(0, mentions[k - 1][2])
            k -= 1
        else:
            break
    return list(dict.fromkeys(group))


def _holders(doc, s, cs, ce, clause, parts, passive):
    if passive:  # "dibantah oleh X", "bantahan X", "reaksi resmi dari X"
        after = doc.entities_in(ce, clause[1])
        if after:
            return [after[0][2]]
        name = doc.holder_from_name(ce, clause[1], last=False)
        if name:
            return [name]
        return _actor_before(doc, clause[0], cs) or _named(doc, clause[0], cs)
    found = _actor_before(doc, clause[0], cs)
    # a name no alias knows, closer to the verb than the known one, is the actor:
    # "the Indonesian football association PSSI declined"
    known_end = max((m[1] for m in doc.entities_in(clause[0], cs) if m[2] in found), default=clause[0])
    name = _named(doc, known_end, cs)
    if name:
        return name
    if found:
        return found
    earlier = [p for p in parts if p[1] <= clause[0]]
    for a, b in reversed(earlier):
        found = _actor_before(doc, a, b)
        if found:
            return found
    for a, b in reversed(earlier):
        name = _named(doc, a, b)
        if name:
            return name
    return []


def _named(doc, start, end):
    entity = doc.holder_from_name(start, end)
    return [entity] if entity else []


def _quoted_holders(doc, s, e, quote, last_holders):
    """A quotation's stance belongs to its speaker: named before the quote, or
    after it ("kata X", "X said"), or the previous holder for "ujarnya", "he said"."""
    found = _actor_before(doc, s, quote[0])
    if found:
        return found
    after = doc.entities_in(quote[1], min(e, quote[1] + 60))
    if after:
        return [after[0][2]]
    if PRONOUN_SPEECH.match(doc.text[quote[1]:e]):
        return list(last_holders)
    return []


def _proposition(doc, s, e, cs, ce):
    lex, text = doc.lex, doc.text
    after = lex.re["proposition"].search(text, ce, e)
    if after:
        return lex.lookup(lex.proposition_of, after.group())
    before = list(lex.re["proposition"].finditer(text, s, cs))
    if before:
        return lex.lookup(lex.proposition_of, before[-1].group())
    return doc.topic
