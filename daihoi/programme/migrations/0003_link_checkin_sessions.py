"""Each programme session gets its check-in session: the gate's sitting of the same name when
one exists and no other programme session took it, else a new one (its name told apart by the
date and hour when the name is taken). Opening and closing sessions summon guests too."""

from django.db import migrations
from django.utils import timezone

WITH_GUESTS = ("opening", "closing")


def _free_name(title: str, starts_at, taken: set[str]) -> str:
    hour = timezone.localtime(starts_at).strftime("%d/%m %H:%M")
    title = title[:120]
    candidates = [title, f"{title} ({hour})"]
    candidates += [f"{title} ({hour}) – {n}" for n in range(2, 100)]
    return next(name for name in candidates if name.lower() not in taken)


def link(apps, schema_editor):
    Session = apps.get_model("programme", "Session")
    CongressSession = apps.get_model("delegates", "CongressSession")
    for session in Session.objects.filter(checkin_session__isnull=True).order_by("starts_at", "pk"):
        if session.kind in WITH_GUESTS:
            session.audience = "delegates_and_guests"
        sittings = CongressSession.objects.filter(congress_id=session.congress_id)
        linked = set(
            Session.objects.filter(checkin_session__isnull=False).values_list(
                "checkin_session_id", flat=True
            )
        )
        same = [
            s
            for s in sittings.filter(name__iexact=session.title)
            if s.pk not in linked
        ]
        if same:
            session.checkin_session = same[0]
        else:
            taken = {n.lower() for n in sittings.values_list("name", flat=True)}
            session.checkin_session = CongressSession.objects.create(
                congress_id=session.congress_id,
                name=_free_name(session.title, session.starts_at, taken),
                starts_at=session.starts_at,
            )
        session.save(update_fields=["audience", "checkin_session"])


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0002_session_audience_checkin_session"),
        ("delegates", "0002_groups_sessions_badges_checkins"),
    ]

    operations = [migrations.RunPython(link, migrations.RunPython.noop)]
