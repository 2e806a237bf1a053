"""Notifications of the token's owner, and text → the draft of tasks (the extraction)."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from daihoi.extraction import extract
from daihoi.intake import readers
from daihoi.meetings.permissions import can_run_meetings
from daihoi.notifications import selectors as notification_selectors
from daihoi.notifications import services as notification_services
from daihoi.notifications.forms import PreferenceForm
from daihoi.notifications.models import NotificationPreference

from ..auth import user_of
from ..common import access, answers, form_data, gate, listed, valid, write

router = Router(tags=["Thông báo, nhập từ văn bản"])

RUNNERS_ONLY = "Chỉ Thường trực / Văn phòng hoặc lãnh đạo tiểu ban mới nhập từ văn bản."


class NotificationOut(Schema):
    id: int
    congress_id: int | None
    kind: str
    title: str
    body: str
    link: str
    created_at: dt.datetime
    read_at: dt.datetime | None


class ReadAllOut(Schema):
    count: int


class PreferenceOut(Schema):
    """`email` (mail and the app's notification centre) or `in_app` (the centre only)."""

    channel: str


class TextIn(Schema):
    text: str
    today: dt.date | None = None


@listed(router, "/notifications/", NotificationOut, "Thông báo của tôi", ordering=("-id",))
def notification_list(request: HttpRequest, unread: bool = False):
    rows = notification_selectors.notifications_for(user_of(request))
    return rows.filter(read_at__isnull=True) if unread else rows


@router.post(
    "/notifications/{notification_id}/read/",
    response=answers(NotificationOut),
    summary="Đánh dấu đã đọc",
)
def notification_read(request: HttpRequest, notification_id: int):
    return notification_services.notification_mark_read(
        user=user_of(request), notification_id=notification_id
    )


@router.post(
    "/notifications/read-all/",
    response=answers(ReadAllOut),
    summary="Đánh dấu mọi thông báo là đã đọc",
)
def notification_read_all(request: HttpRequest) -> dict[str, int]:
    count = notification_services.notifications_mark_all_read(user=user_of(request))
    return {"count": count}


@router.get(
    "/notifications/preferences/",
    response=answers(PreferenceOut),
    summary="Cách nhận thông báo của tôi",
)
def preference_detail(request: HttpRequest) -> NotificationPreference:
    return notification_selectors.preference_for(user_of(request))


@router.put(
    "/notifications/preferences/",
    response=answers(PreferenceOut),
    summary="Đổi cách nhận thông báo",
)
def preference_update(request: HttpRequest, payload: PreferenceOut) -> NotificationPreference:
    form = valid(PreferenceForm(form_data(payload)))
    user = user_of(request)
    return write(
        request,
        lambda: notification_services.preference_set(
            user=user, channel=form.cleaned_data["channel"]
        ),
    )


@router.post(
    "/congresses/{congress_id}/text-to-tasks/",
    response=answers(dict[str, Any]),
    summary="Văn bản → dự thảo nhiệm vụ (chưa lưu gì)",
    description="Đọc thông báo kết luận hoặc báo cáo cuộc họp, trả về cuộc họp, các đơn vị, "
    "vai trò, nhiệm vụ và hạn đề xuất, như `python -m daihoi.extraction`. Không lưu dữ liệu.",
)
def text_to_tasks(request: HttpRequest, congress_id: int, payload: TextIn) -> dict[str, Any]:
    acting = access(request, congress_id)
    gate(can_run_meetings(acting), RUNNERS_ONLY)
    text = readers.check_text(payload.text)
    today = payload.today or timezone.localdate()
    return extract(text, today=today).to_dict()
