"""The token owner's private calendar URL (iCalendar feed of their meetings and deadlines)."""

import datetime as dt

from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Schema

from daihoi.meetings import services
from daihoi.meetings.models import CalendarFeed

from ..auth import user_of
from ..common import answers, write

router = Router(tags=["Lịch cá nhân"])


class CalendarOut(Schema):
    """`url`: the secret address a calendar application subscribes to (null: none live)."""

    url: str | None
    created_at: dt.datetime | None


class RenewIn(Schema):
    """`revoke`: true only revokes the current URL; otherwise a new one replaces it."""

    revoke: bool = False


def _out(request: HttpRequest, feed: CalendarFeed | None) -> dict:
    if feed is None:
        return {"url": None, "created_at": None}
    path = reverse("calendar:feed", kwargs={"token": feed.token})
    return {"url": request.build_absolute_uri(path), "created_at": feed.created_at}


@router.get("/calendar/", response=answers(CalendarOut), summary="Đường dẫn lịch cá nhân")
def calendar_current(request: HttpRequest) -> dict:
    return _out(request, services.calendar_feed_current(user_of(request)))


@router.post(
    "/calendar/renew/",
    response=answers(CalendarOut),
    summary="Tạo đường dẫn lịch mới (đường dẫn cũ hết dùng được) hoặc thu hồi",
)
def calendar_renew(request: HttpRequest, payload: RenewIn) -> dict:
    user = user_of(request)
    feed = write(request, lambda: services.calendar_feed_renew(user=user, revoke=payload.revoke))
    return _out(request, feed)
