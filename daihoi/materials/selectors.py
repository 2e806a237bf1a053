"""Reads of the congress's documents for delegates."""

from itertools import groupby

from django.db.models import QuerySet

from daihoi.delegates.models import Delegate
from daihoi.organizations.models import Congress
from daihoi.programme.models import Session
from daihoi.programme.selectors import sessions_summoning

from .models import Material


def materials_of(congress: Congress) -> QuerySet[Material]:
    """Every document of the congress, withdrawn ones included, with its session (keepers)."""
    return (
        Material.objects.filter(congress=congress)
        .select_related("session", "uploaded_by", "withdrawn_by")
        .order_by("session__starts_at", "session_id", "withdrawn_at", "position", "pk")
    )


def materials_for(delegate: Delegate) -> QuerySet[Material]:
    """The documents the delegate may read: ready, not withdrawn, of the sessions they are
    summoned to, in the programme's order (one query)."""
    return (
        Material.objects.filter(
            session__in=sessions_summoning(delegate),
            withdrawn_at__isnull=True,
            state=Material.State.READY,
        )
        .select_related("session")
        .order_by("session__starts_at", "session_id", "position", "pk")
    )


def by_session(materials: QuerySet[Material] | list[Material]) -> list[tuple[Session, list]]:
    """Documents grouped under their session, keeping the order they came in."""
    return [(session, list(rows)) for session, rows in groupby(materials, key=lambda m: m.session)]
