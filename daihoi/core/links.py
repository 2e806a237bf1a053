"""The app's links, made fast: a page of the staff has its menu (some 25 links) and often a row
of links per listed record, and Django's `reverse` costs tens of microseconds a call.

`link(name, *ids)` reverses each URL name once per number of ids, with stand-in numbers, and
then puts the real ids in place of the stand-ins: the same string `reverse` gives, for a few
string replacements. Anything else (no id, a text argument, a stand-in the pattern would not
take) goes to `reverse` itself. `daihoi/core/templatetags/vn.py` makes the template's `{% url %}`
use it; `tests/test_links.py` checks it against `reverse` for every URL name of the app."""

from functools import lru_cache

from django.urls import NoReverseMatch, get_script_prefix, reverse

# Stand-ins no real id reaches, and none a substring of another.
_STAND_IN = 987_654_301


@lru_cache(maxsize=4096)
def _shape(prefix: str, name: str, count: int) -> str | None:
    """The URL with stand-ins for its `count` ids, or None when the pattern does not take them
    as written (then each link is reversed). Keyed by the script prefix (the app mounted under
    a path); the app has one URL configuration (nothing sets a request's own `urlconf`)."""
    stand_ins = [str(_STAND_IN + i) for i in range(count)]
    try:
        shaped = reverse(name, args=[_STAND_IN + i for i in range(count)])
    except NoReverseMatch:
        return None
    if any(shaped.count(s) != 1 for s in stand_ins):
        return None
    return shaped


def link(name: str, *args: object) -> str:
    """`reverse(name, args=args)`, without its cost when every argument is an id."""
    if args and all(type(a) is int and a >= 0 for a in args):
        shaped = _shape(get_script_prefix(), name, len(args))
        if shaped is not None:
            for i, value in enumerate(args):
                shaped = shaped.replace(str(_STAND_IN + i), str(value), 1)
            return shaped
    elif not args:
        shaped = _shape(get_script_prefix(), name, 0)
        if shaped is not None:
            return shaped
    return reverse(name, args=args)
