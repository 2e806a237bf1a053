"""Reads: whom to tell, and what a user sees."""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import models
from django.db.models import QuerySet

from daihoi.accounts.models import Role
from daihoi.organizations.models import Participation

from .models import Notification, NotificationPreference


def agency_officers(congress_id: int, agency_ids: Iterable[int]) -> QuerySet:
    """Active users who are officers of these agencies in this congress."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            participations__congress_id=congress_id,
            participations__role=Role.AGENCY_OFFICER,
            participations__agency_id__in=list(agency_ids),
        )
        .distinct()
    )


def finance_officers(congress_id: int) -> QuerySet:
    """Active officers of the agency marked Finance (Sở Tài chính) in this congress."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            participations__congress_id=congress_id,
            participations__role=Role.AGENCY_OFFICER,
            participations__agency__is_finance=True,
        )
        .distinct()
    )


def officers_by_agency(congress_ids: Iterable[int], agency_ids: Iterable[int]) -> dict[int, list]:
    """{agency id: [users]} in one query, for the daily checks over many agencies."""
    rows = Participation.objects.filter(
        congress_id__in=set(congress_ids),
        role=Role.AGENCY_OFFICER,
        agency_id__in=set(agency_ids),
        user__is_active=True,
    ).select_related("user")
    result: dict[int, list] = {}
    for row in rows:
        if row.agency_id is not None:
            result.setdefault(row.agency_id, []).append(row.user)
    return result


def secretariats_by_congress(congress_ids: Iterable[int]) -> dict[int, list]:
    """{congress id: [users of its secretariat]} in one query (a level above tells many)."""
    rows = Participation.objects.filter(
        congress_id__in=set(congress_ids), role=Role.SECRETARIAT, user__is_active=True
    ).select_related("user")
    result: dict[int, list] = {}
    for row in rows:
        result.setdefault(row.congress_id, []).append(row.user)
    return result


def congress_overseers(congress_id: int) -> QuerySet:
    """The secretariat and the subcommittee leaders, who follow every task."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            participations__congress_id=congress_id,
            participations__role__in=[Role.SECRETARIAT, Role.COMMITTEE_LEADER],
        )
        .distinct()
    )


def people_and_officers(
    congress_id: int, person_ids: Iterable[int], agency_ids: Iterable[int]
) -> QuerySet:
    """Active users linked to one of these people, and the officers of these agencies."""
    rows = Participation.objects.filter(congress_id=congress_id)
    user_ids = rows.filter(person_id__in=list(person_ids)) | rows.filter(
        role=Role.AGENCY_OFFICER, agency_id__in=list(agency_ids)
    )
    return (
        get_user_model()
        .objects.filter(is_active=True, pk__in=user_ids.values("user_id"))
        .order_by("pk")
    )


def committee_overseers(congress_id: int, committee_id: int | None) -> QuerySet:
    """The secretariat and the leaders of the committee that follows the work (every committee
    leader when it names no committee): who approves an agency's detailed plan."""
    leaders = models.Q(participations__role=Role.COMMITTEE_LEADER)
    if committee_id is not None:
        leaders &= models.Q(participations__person__memberships__committee_id=committee_id)
    return (
        get_user_model()
        .objects.filter(
            models.Q(is_active=True, participations__congress_id=congress_id)
            & (models.Q(participations__role=Role.SECRETARIAT) | leaders)
        )
        .distinct()
    )


def meeting_invitees(meeting) -> QuerySet:
    """Users linked to an invited person or the chair, and officers of an invited agency."""
    person_ids = [*meeting.invited_people.values_list("pk", flat=True), meeting.chair_id]
    agency_ids = list(meeting.invited_agencies.values_list("pk", flat=True))
    return people_and_officers(meeting.congress_id, person_ids, agency_ids)


def consultation_recipients(recipients: QuerySet) -> QuerySet:
    """The users who answer for these recipient rows of a draft for comment."""
    rows = list(recipients.values_list("person_id", "agency_id"))
    congress_id = recipients.values_list("draft__consultation__congress_id", flat=True).first()
    return people_and_officers(
        congress_id or 0, [p for p, _ in rows if p], [a for _, a in rows if a]
    )


def consultation_drafters(consultation) -> QuerySet:
    """Who follows a draft for comment: the drafting agency's officers and whoever sent it."""
    officers = agency_officers(consultation.congress_id, [consultation.drafting_agency_id])
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(models.Q(pk__in=officers.values("pk")) | models.Q(pk=consultation.created_by_id))
        .order_by("pk")
    )


def email_user_ids(user_ids: Iterable[int]) -> set[int]:
    """Of these users, those who have an address and have not chosen in-app only."""
    user_ids = set(user_ids)
    if not user_ids:
        return set()
    in_app_only = NotificationPreference.objects.filter(
        user_id__in=user_ids, channel=NotificationPreference.Channel.IN_APP
    ).values("user_id")
    return set(
        get_user_model()
        .objects.filter(pk__in=user_ids, is_active=True)
        .exclude(email="")
        .exclude(pk__in=in_app_only)
        .values_list("pk", flat=True)
    )


def wants_email(user) -> bool:
    if not user.email or not user.is_active:
        return False
    return not NotificationPreference.objects.filter(
        user=user, channel=NotificationPreference.Channel.IN_APP
    ).exists()


def preference_for(user) -> NotificationPreference:
    return NotificationPreference.objects.filter(user=user).first() or NotificationPreference(
        user=user
    )


def notifications_for(user) -> QuerySet:
    return Notification.objects.filter(recipient=user).select_related("congress")


UNREAD_CACHE_SECONDS = 60


def unread_cache_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def cached_unread_count(user) -> int | None:
    """The count if the cache has it; pages never query for it (the badge loads it if not)."""
    return cache.get(unread_cache_key(user.pk))


def unread_count(user) -> int:
    """One count over the partial index of unread rows, kept in the shared cache for a minute;
    the services drop it whenever it changes."""
    count = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
    cache.set(unread_cache_key(user.pk), count, UNREAD_CACHE_SECONDS)
    return count


def forget_unread_counts(user_ids) -> None:
    cache.delete_many([unread_cache_key(pk) for pk in set(user_ids)])
