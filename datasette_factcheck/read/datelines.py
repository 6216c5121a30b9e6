"""The dateline prefix of a news text: "Outlet –", "KOTA, OUTLET -", "CITY (Agency) -"."""
import re

DATELINE = [
    re.compile(r"^[A-Z][A-Za-z .'-]{1,40}?\s*\(([^)]{2,40})\)\s*[-–—]+\s"),  # JAKARTA (ANTARA) -
    re.compile(r"^[A-Z][A-Z .'-]{1,40},\s*([\w.&' -]{2,40}?)\s*[-–—]+\s"),  # JAKARTA, KOMPAS.com -
    re.compile(r"^((?:[A-Z][\w.&'-]*|[a-z][\w-]*\.[a-z.]{2,12})(?: [A-Z][\w.&'-]*){0,4})\s+[-–—]+\s"),  # Jepara Pos – / detik.com -
]


def dateline(text):
    """(outlet, end of the prefix) for a dateline such as "Outlet –" or "KOTA, OUTLET -", or (None, 0)."""
    lead = len(text) - len(text.lstrip())
    for pattern in DATELINE:
        m = pattern.match(text[lead:lead + 120])
        if m:
            return m.group(1).strip(), lead + m.end()
    return None, 0


def dateline_source(text):
    return dateline(text)[0]
