"""Catches mistakes in `data.py` before the loader writes anything."""

from daihoi.organizations.models import Membership
from daihoi.planning.models import Area, Phase

from . import data

# A post held is not a name: "Lãnh đạo Sở Tài chính" cannot sign or chair anything.
POST_AS_NAME = ("Lãnh đạo", "Chuyên viên", "Đại diện")


def check_data() -> None:
    """Catches mistakes in `data.py` before anything is written."""
    check_meetings()
    areas, phases = set(Area.values), set(Phase.values)
    for spec in data.CONGRESSES:
        agencies = {a["key"] for a in spec["agencies"]}
        people = {p["full_name"] for p in spec["people"]}
        committees = {c["name"] for c in spec["committees"]}
        plans = {p["key"] for p in spec["plans"]}
        titles = [t["title"] for t in spec["tasks"]]
        where = spec["key"]
        posts = [name for name in people if name.startswith(POST_AS_NAME)]
        if posts:
            raise ValueError(f"{where}: a post used as a person's name: {posts}")
        if len(titles) != len(set(titles)):
            raise ValueError(f"{where}: duplicate task titles")
        if spec["secretariat"] not in agencies:
            raise ValueError(f"{where}: unknown secretariat agency")
        for a in spec["agencies"]:
            if a["parent"] and a["parent"] not in agencies:
                raise ValueError(f"{where}: unknown parent agency {a['parent']!r}")
        for c in spec["committees"]:
            for name, role in c["members"]:
                if name not in people or role not in Membership.Role.values:
                    raise ValueError(f"{where}: bad member {name!r} / {role!r}")
        for p in spec["plans"]:
            if p["parent"] and p["parent"] not in plans:
                raise ValueError(f"{where}: unknown parent plan {p['parent']!r}")
        for t in spec["tasks"]:
            named = [t["lead"], *t.get("coord", []), *filter(None, [t.get("appraise")])]
            named += [e[2]["by"] for e in t["story"] if e[0] == "progress" and e[2]["by"]]
            unknown = [a for a in named if a not in agencies]
            if unknown:
                raise ValueError(f"{where}: {t['title']!r}: unknown agencies {unknown}")
            if t["area"] not in areas or t["phase"] not in phases:
                raise ValueError(f"{where}: {t['title']!r}: bad area or phase")
            if t.get("leader") and t["leader"] not in people:
                raise ValueError(f"{where}: {t['title']!r}: unknown leader")
            if t.get("plan") and t["plan"] not in plans:
                raise ValueError(f"{where}: {t['title']!r}: unknown plan")
            if t.get("committee") and t["committee"] not in committees:
                raise ValueError(f"{where}: {t['title']!r}: unknown committee")
            days = [e[1] for e in t["story"]]
            if days != sorted(days, reverse=True) or any(d < 0 for d in days):
                raise ValueError(
                    f"{where}: {t['title']!r}: story must run oldest first, in the past"
                )


def check_meetings() -> None:
    """Every name a demo meeting uses exists in its congress's tables."""
    from .meetings_data import MEETINGS

    for spec in data.CONGRESSES:
        where = spec["key"]
        agencies = {a["key"] for a in spec["agencies"]}
        people = {p["full_name"] for p in spec["people"]}
        committees = {c["name"] for c in spec["committees"]}
        titles = {t["title"] for t in spec["tasks"]}
        for m in MEETINGS.get(where, []):
            named = [m["chair"], *(m["present"] or []), *m["excused"]]
            if m["notice"]:
                named.append(m["notice"]["signer"])
            unknown = [n for n in named if n not in people]
            unknown += [a for a in m["agencies"] if a not in agencies]
            if m["committee"] and m["committee"] not in committees:
                unknown.append(m["committee"])
            for _, ref in m["conclusions"]:
                if isinstance(ref, str) and ref not in titles:
                    unknown.append(ref)
                elif isinstance(ref, dict) and ref["lead"] not in agencies:
                    unknown.append(ref["lead"])
            if unknown:
                raise ValueError(f"{where}: {m['title']!r}: unknown {unknown}")
