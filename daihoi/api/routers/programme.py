"""The congress's programme: the draft (sessions, their items, the running script under each item),
its published releases, and the printable programme and script (the JSON of the same reads)."""

import datetime as dt
from typing import Any, Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema, Status

from daihoi.organizations.permissions import Access
from daihoi.programme import selectors, services
from daihoi.programme.forms import CueForm, PublishForm, SessionForm
from daihoi.programme.models import Cue, Item, Release, Session
from daihoi.programme.permissions import (
    ONLY_ORGANISERS,
    access_item,
    access_release,
    access_session,
    can_keep_programme,
)

from ..common import (
    access,
    answers,
    display,
    form_data,
    gate,
    listed,
    removal,
    removed,
    valid,
    versioned_put,
    write,
    write_versioned,
)

router = Router(tags=["Chương trình Đại hội"])

P = "/{congress_id}/programme"


# The programme as it prints (a release keeps exactly this) ----------------------------------


class CueLineOut(Schema):
    time: str
    kind: str
    actor: str
    text: str
    note: str


class ItemLineOut(Schema):
    id: int | None = None
    number: int
    time: str
    minutes: int | None
    title: str
    presenter: str
    cues: list[CueLineOut]


class SessionLineOut(Schema):
    id: int | None = None
    kind: str
    title: str
    starts: str
    ends: str
    place: str
    presidium: list[str]
    secretaries: list[str]
    items: list[ItemLineOut]


class DayOut(Schema):
    date: str
    weekday: str
    sessions: list[SessionLineOut]


class ContentOut(Schema):
    """Days (dd/mm/yyyy), each with its sessions, items and script lines, written as printed."""

    days: list[DayOut]


class ReleaseOut(Schema):
    number: int
    published_at: dt.datetime
    published_by: str
    note: str

    @staticmethod
    def resolve_published_by(release: Release) -> str:
        by = release.published_by
        return (by.get_full_name() or by.get_username()) if by else ""


class ReleaseDetailOut(ReleaseOut):
    is_current: bool
    content: ContentOut


class ProgrammeOut(Schema):
    """The draft as it stands, the current release and the earlier ones."""

    content: ContentOut
    current: ReleaseOut | None
    releases: list[ReleaseOut]
    changed: bool
    keeper: bool


class PrintedOut(Schema):
    """What the print pages print: the chosen release, else the current one, else the draft."""

    release: ReleaseOut | None
    is_draft: bool
    content: ContentOut


# The draft's records ------------------------------------------------------------------------


class CueOut(Schema):
    id: int
    item_id: int
    position: int
    at: dt.time | None
    kind: str
    kind_label: str = display("kind")
    actor: str
    text: str
    note: str
    version: int


class ItemOut(Schema):
    id: int
    session_id: int
    position: int
    starts_at: dt.time | None
    minutes: int | None
    title: str
    presenter: str
    version: int
    cues: list[CueOut]


class SessionOut(Schema):
    id: int
    kind: str
    kind_label: str = display("kind")
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    presidium: str
    secretaries: str
    audience: str
    audience_label: str = display("audience")
    checkin_session_id: int
    version: int


class SessionDetailOut(SessionOut):
    items: list[ItemOut]
    summoned_count: int
    present_count: int
    keeper: bool

    @staticmethod
    def resolve_items(session: Session) -> list[Item]:
        return selectors.items_of(session)

    @staticmethod
    def resolve_summoned_count(session: Session) -> int:
        return selectors.summoned_delegates(session).count()

    @staticmethod
    def resolve_present_count(session: Session) -> int:
        return selectors.present_delegates(session).count()


class PublishIn(Schema):
    note: str | None = None


class SessionIn(Schema):
    """As the page "Thêm phiên"; `date` dd/mm/yyyy or yyyy-mm-dd, times HH:MM; `audience` empty:
    by the session's kind."""

    kind: str
    title: str
    date: str
    start_time: str
    end_time: str
    place: str | None = None
    presidium: str | None = None
    secretaries: str | None = None
    audience: str | None = None
    version: int | None = None


class ItemIn(Schema):
    title: str
    starts_at: str | None = None
    minutes: int | None = None
    presenter: str | None = None
    version: int | None = None


class CueIn(Schema):
    actor: str
    text: str
    kind: str | None = None
    at: str | None = None
    note: str | None = None
    version: int | None = None


def cue_form(payload: CueIn) -> CueForm:
    """The page's form, its kind first set to a speech as the page sets it."""
    return valid(CueForm({"kind": Cue.Kind.SPEECH} | form_data(payload)))


class MoveIn(Schema):
    step: Literal["up", "down"]


def _release(release: Release, current: Release | None = None) -> Release:
    """The release, marked whether it is the current programme."""
    release.is_current = current is not None and current.pk == release.pk  # type: ignore[attr-defined]
    return release


def _session_detail(acting: Access, session: Session) -> Session:
    session.keeper = can_keep_programme(acting)  # type: ignore[attr-defined]
    return session


def keeper(request: HttpRequest, congress_id: int) -> Access:
    acting = access(request, congress_id)
    gate(can_keep_programme(acting), ONLY_ORGANISERS)
    return acting


def fresh_item(acting: Access, item_id: int) -> Item:
    """The item as it now stands, with its script lines (three queries)."""
    item = access_item(acting, item_id)
    return selectors.items_of(item.session)[item.position - 1]


# The programme and its releases -------------------------------------------------------------


@router.get(P + "/", response=answers(ProgrammeOut), summary="Chương trình Đại hội (bản nháp)")
def programme_read(request: HttpRequest, congress_id: int) -> dict[str, Any]:
    acting = access(request, congress_id)
    content = selectors.programme_content(acting.congress)
    releases = list(selectors.releases_of(acting.congress))
    current = releases[0] if releases else None
    changed = current is None or selectors.without_ids(current.content) != selectors.without_ids(
        content
    )
    return {
        "content": content,
        "current": current,
        "releases": releases,
        "changed": changed and bool(content["days"]),
        "keeper": can_keep_programme(acting),
    }


@router.get(
    P + "/printed/",
    response=answers(PrintedOut),
    summary="Chương trình, kịch bản điều hành để in",
    description="Bản hiện hành, hoặc bản số `release` đã chọn; chưa ban hành bản nào thì bản "
    "nháp (`is_draft`), như trang in chương trình và trang in kịch bản.",
)
def programme_printed(
    request: HttpRequest, congress_id: int, release: int | None = None
) -> dict[str, Any]:
    acting = access(request, congress_id)
    chosen = (
        access_release(acting, release)
        if release is not None
        else selectors.current_release(acting.congress)
    )
    if chosen is None:
        content = selectors.programme_content(acting.congress)
        return {"release": None, "is_draft": True, "content": content}
    return {"release": chosen, "is_draft": False, "content": chosen.content}


@listed(router, P + "/releases/", ReleaseOut, "Các bản chương trình đã ban hành", ordering=("-id",))
def programme_releases(request: HttpRequest, congress_id: int) -> QuerySet[Release]:
    return selectors.releases_of(access(request, congress_id).congress).order_by()


@router.post(
    P + "/releases/",
    response=answers(ReleaseDetailOut, 201),
    summary="Ban hành chương trình (bản nháp thành bản số tiếp theo)",
)
def programme_publish(request: HttpRequest, congress_id: int, payload: PublishIn) -> Status:
    acting = keeper(request, congress_id)
    form = valid(PublishForm(form_data(payload)))
    release = write(
        request,
        lambda: services.programme_publish(access=acting, note=form.cleaned_data["note"]),
    )
    return Status(201, _release(release, release))


@router.get(
    P + "/releases/{release_number}/",
    response=answers(ReleaseDetailOut),
    summary="Một bản chương trình đã ban hành",
)
def programme_release(request: HttpRequest, congress_id: int, release_number: int) -> Release:
    acting = access(request, congress_id)
    release = access_release(acting, release_number)
    return _release(release, selectors.current_release(acting.congress))


# Sessions -----------------------------------------------------------------------------------


@listed(router, P + "/sessions/", SessionOut, "Các phiên của Đại hội")
def programme_sessions(request: HttpRequest, congress_id: int) -> QuerySet[Session]:
    return Session.objects.filter(congress=access(request, congress_id).congress).order_by()


@router.post(P + "/sessions/", response=answers(SessionDetailOut, 201), summary="Thêm phiên")
def programme_session_create(request: HttpRequest, congress_id: int, payload: SessionIn) -> Status:
    acting = keeper(request, congress_id)
    form = valid(SessionForm(form_data(payload)))
    session = write(
        request, lambda: services.session_create(access=acting, fields=form.session_fields())
    )
    return Status(201, _session_detail(acting, session))


@router.get(
    P + "/sessions/{programme_session_id}/",
    response=answers(SessionDetailOut),
    summary="Một phiên: các mục, kịch bản, số đại biểu triệu tập và có mặt",
)
def programme_session(request: HttpRequest, congress_id: int, programme_session_id: int) -> Session:
    acting = access(request, congress_id)
    return _session_detail(acting, access_session(acting, programme_session_id))


@versioned_put(router, P + "/sessions/{programme_session_id}/", SessionDetailOut, "Sửa phiên")
def programme_session_update(
    request: HttpRequest, congress_id: int, programme_session_id: int, payload: SessionIn
) -> Session:
    acting = access(request, congress_id)
    session = access_session(acting, programme_session_id)
    gate(can_keep_programme(acting), ONLY_ORGANISERS)
    form = valid(SessionForm(form_data(payload)))
    saved = write_versioned(
        request,
        services.session_update,
        form,
        access=acting,
        session=session,
        fields=form.session_fields(),
    )
    return _session_detail(acting, saved)


@removal(router, P + "/sessions/{programme_session_id}/", "Xóa phiên khỏi bản nháp chương trình")
def programme_session_delete(
    request: HttpRequest, congress_id: int, programme_session_id: int
) -> Status:
    acting = access(request, congress_id)
    session = access_session(acting, programme_session_id)
    gate(can_keep_programme(acting), ONLY_ORGANISERS)
    return removed(request, lambda: services.session_delete(access=acting, session=session))
