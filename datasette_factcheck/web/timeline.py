"""The layout of an entity's timeline SVG, computed here so the template only draws it."""

import datetime

from ..detect.labels import predicate_label


def _day(value):
    """The date an ISO string starts with (a year or month means its first day), or None."""
    if not value:
        return None
    for length, suffix in ((10, ""), (7, "-01"), (4, "-01-01")):
        try:
            return datetime.date.fromisoformat(value[:length] + suffix)
        except ValueError:
            continue
    return None


def timeline_chart(claims, flags):
    """Layout of the entity timeline SVG: a lane per (kind, predicate) with time
    across; within a lane, points go into rows so that no two labels overlap."""
    dated = [claim for claim in claims if _day(claim["date"])]
    if not dated:
        return None
    first, last = min(_day(claim["date"]) for claim in dated), max(_day(claim["date"]) for claim in dated)
    if first == last:
        first, last = first - datetime.timedelta(days=1), last + datetime.timedelta(days=1)
    left, width, top, row_height, label_width = 230, 620, 40, 20, 80
    span = (last - first).days

    def x(day):
        return round(left + 16 + (day - first).days / span * (width - 32), 1)

    by_lane = {}
    for claim in sorted(dated, key=lambda claim: (claim["kind"] != "stance", claim["predicate"] or "", claim["date"])):
        by_lane.setdefault((claim["kind"], claim["predicate"] or ""), []).append(claim)
    lanes, points, positions, y = [], [], {}, top
    for (kind, predicate), lane_claims in by_lane.items():
        row_free_at = []
        for claim in lane_claims:
            px = x(_day(claim["date"]))
            row = next((i for i, free_at in enumerate(row_free_at) if px >= free_at), len(row_free_at))
            row_free_at[row : row + 1] = [px + label_width]
            py = y + 14 + row * row_height
            positions[claim["id"]] = (px, py)
            points.append(
                {
                    "x": px,
                    "y": py,
                    "css": f"stance-{claim['value']}" if kind == "stance" else "number",
                    "label": claim["value"] if kind == "stance" else _number(claim),
                    "title": f"{claim['date']} · {claim['source'] or 'unknown source'}: {claim['value']}",
                    "href": claim["page"],
                }
            )
        height = len(row_free_at) * row_height + 8
        label = f"{kind}: {predicate_label(kind, predicate)}"
        lanes.append(
            {
                "y": y,
                "height": height,
                "label_y": y + 18,
                "title": label,
                "label": label if len(label) <= 36 else label[:35] + "…",
            }
        )
        y += height + 6
    links = []
    for flag in flags:
        if flag["claim_a"] in positions and flag["claim_b"] in positions:
            (x1, y1), (x2, y2) = positions[flag["claim_a"]], positions[flag["claim_b"]]
            # Bend every link into an arc so it stays visible along a lane or between stacked points.
            bend = (min(x1, x2) - 24, (y1 + y2) / 2) if abs(x2 - x1) < 30 else ((x1 + x2) / 2, min(y1, y2) - 26)
            links.append(
                {
                    "path": f"M{x1},{y1} Q{bend[0]},{bend[1]} {x2},{y2}",
                    "relation": flag["relation"],
                    "title": flag["explanation"] or flag["relation"],
                    "href": flag["page"],
                }
            )
    ticks = [first + datetime.timedelta(days=round(span * i / 4)) for i in range(5)]
    return {
        "width": left + width + 90,
        "height": y + 30,
        "axis_y": y + 4,
        "left": left,
        "right": left + width,
        "lanes": lanes,
        "points": points,
        "links": links,
        "ticks": [{"x": x(day), "label": day.isoformat()} for day in ticks],
    }


def _number(claim):
    value = claim["value_num"]
    if value is None:
        return claim["value"]
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
