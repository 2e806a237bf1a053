"""Take each meeting's chair out of its own invitees.

Safe to do on existing data: the chair's part in the meeting is the `chair` column, and every
reader (visibility, the calendar, the attendance sheet, the invitation's recipients) already
counts the chair through it, so the dropped rows carried nothing that is lost. Invitations
already issued are stored documents and are not rewritten. Going forward `meeting_plan` and
`meeting_update` refuse a chair among the invitees.
"""

from django.db import migrations
from django.db.models import F


def drop_chair_from_invitees(apps, schema_editor):
    Meeting = apps.get_model("meetings", "Meeting")
    Invitation = Meeting.invited_people.through
    Invitation.objects.filter(person_id=F("meeting__chair_id")).delete()


class Migration(migrations.Migration):
    dependencies = [("meetings", "0003_soft_delete")]

    operations = [migrations.RunPython(drop_chair_from_invitees, migrations.RunPython.noop)]
