"""The fixed values of claims and contradictions that the pages offer as filters and label."""
KINDS = ("number", "date", "stance")
RELATIONS = ("conflict", "change")
STATUSES = ("open", "confirmed", "dismissed")
STANCES = {"confirmed": "✔ confirmed", "denied": "✘ denied", "silent": "… silent"}
