"""Where a claim's evidence stands in its sentence and in its article, for highlighting."""


def evidence(sentence, start, end, sentence_start):
    """Split a claim's sentence around its evidence: before, evidence, after."""
    sentence = sentence or ""
    if None in (start, end, sentence_start):
        return {"before": sentence, "text": "", "after": ""}
    s, e = start - sentence_start, end - sentence_start
    if not 0 <= s <= e <= len(sentence):
        return {"before": sentence, "text": "", "after": ""}
    return {"before": sentence[:s], "text": sentence[s:e], "after": sentence[e:]}


def segments(text, claims):
    """The article text cut into plain and claim-highlighted pieces (overlapping claims skipped)."""
    segments, position = [], 0
    for claim in sorted(claims, key=lambda claim: (claim["start"] or 0, -(claim["end"] or 0))):
        start, end = claim["start"], claim["end"]
        if start is None or end is None or start < position or end > len(text) or start >= end:
            continue
        segments.append({"text": text[position:start], "claim": None})
        segments.append({"text": text[start:end], "claim": claim})
        position = end
    segments.append({"text": text[position:], "claim": None})
    return [segment for segment in segments if segment["text"]]
