"""Background jobs of the meetings app (Django Tasks API, run by the database worker)."""

from django.core.mail import EmailMessage
from django.tasks import task
from django.utils import timezone

from daihoi.core.dates import format_date

from . import ics
from .models import Meeting


def invitees_with_email(meeting: Meeting) -> list:
    """Users linked to an invited person or officers of an invited agency, with an address."""
    from daihoi.organizations.models import Participation

    person_ids = list(meeting.invited_people.values_list("pk", flat=True)) + [meeting.chair_id]
    agency_ids = list(meeting.invited_agencies.values_list("pk", flat=True))
    rows = Participation.objects.filter(congress=meeting.congress).select_related("user")
    rows = rows.filter(person_id__in=person_ids) | rows.filter(agency_id__in=agency_ids)
    users = {p.user for p in rows if p.user.email and p.user.is_active}
    return sorted(users, key=lambda u: u.email)


@task
def send_meeting_invitation(meeting_id: int) -> int:
    """Emails each invitee once, with the meeting as an .ics attachment. Returns mails sent."""
    meeting = Meeting.objects.select_related("chair", "congress").get(pk=meeting_id)
    attachment = ics.meeting_invitation(meeting)
    local = timezone.localtime(meeting.starts_at)
    sent = 0
    for user in invitees_with_email(meeting):
        body = (
            f"Kính gửi đồng chí {user.display_name},\n\n"
            f"Trân trọng kính mời đồng chí dự {meeting.title}.\n"
            f"Thời gian: {local:%H giờ %M}, ngày {format_date(local.date())}.\n"
            f"Địa điểm: {meeting.place}.\n"
            f"Chủ trì: {meeting.chair.full_name}.\n\n"
            "Lịch họp được đính kèm (tệp .ics) để thêm vào lịch của đồng chí."
        )
        message = EmailMessage(subject=f"Giấy mời: {meeting.title}", body=body, to=[user.email])
        message.attach("giay-moi.ics", attachment, "text/calendar; method=REQUEST")
        message.send()
        sent += 1
    return sent
