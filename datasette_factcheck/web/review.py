"""Reviews: an append-only log; contradictions.status follows the latest entry."""

import datetime

VERDICTS = ("confirmed", "dismissed", "open")  # "open" re-opens a reviewed flag
MAX_NOTE = 2000


class InvalidReview(ValueError):
    pass


def validate(data):
    """Return (verdict, note) from submitted form or JSON data."""
    verdict = (data.get("verdict") or "").strip()
    if verdict not in VERDICTS:
        raise InvalidReview(f"verdict must be one of {', '.join(VERDICTS)}")
    note = (data.get("note") or "").strip()
    if len(note) > MAX_NOTE:
        raise InvalidReview(f"note is longer than {MAX_NOTE} characters")
    return verdict, note or None


async def record(db, contradiction_id, actor_id, verdict, note):
    """Append a review and set the flag's status to it, in one transaction."""
    created = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")

    def write(conn):
        with conn:
            cursor = conn.execute(
                "insert into reviews (contradiction_id, actor, verdict, note, created) " "values (?, ?, ?, ?, ?)",
                [contradiction_id, actor_id, verdict, note, created],
            )
            conn.execute("update contradictions set status = ? where id = ?", [verdict, contradiction_id])
        return {
            "id": cursor.lastrowid,
            "contradiction_id": contradiction_id,
            "actor": actor_id,
            "verdict": verdict,
            "note": note,
            "created": created,
        }

    return await db.execute_write_fn(write)


async def history(db, contradiction_id):
    """Every review of a flag, oldest first."""
    result = await db.execute(
        "select id, actor, verdict, note, created from reviews " "where contradiction_id = ? order by id",
        [contradiction_id],
    )
    return [dict(row) for row in result.rows]
