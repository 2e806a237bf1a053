"""The tree of congresses: levels, subtrees and ancestors, read from `Congress.path`."""

from django.db.models import Q

from daihoi.organizations.models import Congress

Level = Congress.Level
# National first: a child's level is always lower (a larger rank) than its parent's.
LEVEL_RANK = {Level.NATIONAL: 0, Level.PROVINCE: 1, Level.DISTRICT: 2, Level.GRASSROOTS: 3}


def rank(level: str) -> int:
    return LEVEL_RANK[Level(level)]


def levels_below(level: str) -> list[str]:
    """The levels a subordinate of a congress of `level` may have, nearest first."""
    return [lv for lv, r in LEVEL_RANK.items() if r > rank(level)]


def descendants_q(congress: Congress, prefix: str = "") -> Q:
    """Every congress under `congress` (not itself), reached through `prefix` ("congress__")."""
    return Q(**{f"{prefix}path__startswith": congress.path}) & ~Q(**{f"{prefix}pk": congress.pk})


def is_descendant(congress: Congress, ancestor: Congress) -> bool:
    return congress.pk != ancestor.pk and congress.path.startswith(ancestor.path)


def descendants(congress: Congress):
    return Congress.objects.filter(descendants_q(congress))


def child_of_under(congress: Congress, top: Congress) -> int | None:
    """The id of the child of `top` whose subtree holds `congress` (None when it is not under)."""
    if not is_descendant(congress, top):
        return None
    ids = [int(p) for p in congress.path.strip("/").split("/")]
    return ids[ids.index(top.pk) + 1]
