"""The e-mail for one notification; the meeting invitation carries the meeting as .ics."""

from django.conf import settings
from django.core.mail import EmailMessage

from .models import Kind, Notification

FOOTER = (
    "Thư này được gửi tự động từ hệ thống Điều hành Đại hội. Đồng chí có thể chọn chỉ nhận "
    "thông báo trong hệ thống tại mục Thông báo › Cài đặt nhận thông báo."
)


def build_email(notification: Notification) -> EmailMessage:
    recipient = notification.recipient
    parts = [f"Kính gửi đồng chí {recipient.display_name},", notification.body]
    if notification.kind == Kind.MEETING_INVITATION and notification.meeting_id:
        parts.append("Lịch họp được đính kèm (tệp .ics) để thêm vào lịch của đồng chí.")
    if notification.link:
        # Without SITE_URL the link stays relative; set it where mail leaves the building.
        parts.append(f"Xem chi tiết: {getattr(settings, 'SITE_URL', '')}{notification.link}")
    parts.append(FOOTER)
    message = EmailMessage(
        subject=notification.title,
        body="\n\n".join(p for p in parts if p),
        to=[recipient.email],
    )
    if notification.kind == Kind.MEETING_INVITATION and notification.meeting_id:
        from daihoi.meetings import ics
        from daihoi.meetings.models import Meeting

        meeting = Meeting.objects.select_related("chair").filter(pk=notification.meeting_id).first()
        if meeting is not None:
            message.attach(
                "giay-moi.ics", ics.meeting_invitation(meeting), "text/calendar; method=REQUEST"
            )
    return message
