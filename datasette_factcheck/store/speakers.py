"""Whom a person speaks for, learned across articles.

Extraction gives a stance to the body a person speaks for when the article
names them with it ("Kapolri Jenderal X", "Juru bicara Polda Y, Kombes Z"),
keeping them as the claim's ``speaker``; a person named alone ("X said")
is their own speaker. Another article often names the same person alone
("the chief said ..."), so their stance there stays theirs and never meets
the body's. ``attribute`` gives those stances to the body too: a person that
the corpus names with exactly one body speaks for it everywhere. A personal
matter (no speaker) stays the person's, and a person named with two bodies
speaks for neither.

Like ``resolve`` (which runs first: a speaker is taken in its resolved
form), it is a pass over the stored claims, recomputed on every detection
from what extraction found: a moved claim keeps its own entity in
``resolved_from``, so one whose person no longer has one body goes back.
"""

import collections

from ..model import slot_key

# The claims a person said as themself: extraction's subject (kept in resolved_from once moved) is the speaker.
OWN = "coalesce(resolved_from, subject) = speaker"


def attribute(conn):
    """Give self-spoken stances to the one body their person speaks for; return the slots changed."""
    canonical = dict(conn.execute("select entity_id, canonical from entity_merges"))
    bodies = collections.defaultdict(set)
    for speaker, body in conn.execute(
        f"select distinct speaker, subject from claims where speaker is not null and not ({OWN})"
    ):
        bodies[canonical.get(speaker, speaker)].add(body)
    body_of = {person: next(iter(found)) for person, found in bodies.items() if len(found) == 1}
    changed, updates = set(), []
    for id, kind, predicate, slot, subject, speaker in conn.execute(
        f"select id, kind, predicate, slot, subject, speaker from claims where speaker is not null and {OWN}"
    ).fetchall():
        person = canonical.get(speaker, speaker)
        want = body_of.get(person, person)
        if want != subject:
            new = slot_key(kind, want, predicate)
            changed.update((slot, new))
            updates.append((want, speaker if want != speaker else None, new, id))
    conn.executemany("update claims set subject = ?, resolved_from = ?, slot = ? where id = ?", updates)
    return changed
