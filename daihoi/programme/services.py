"""Every change to the programme: sessions, items, script lines, and publishing a release.

Each write locks the session row (items and script lines are numbered under it) or, to publish,
the congress row (releases are numbered per congress); each is audited on its session, or on
the congress for a release.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max, Model, ProtectedError, QuerySet, RestrictedError
from django.utils import timezone

from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.versioning import check_version
from daihoi.delegates.models import CongressSession
from daihoi.organizations.models import Congress
from daihoi.organizations.permissions import Access

from . import selectors
from .models import Cue, Item, ProgrammeAction, Release, Session
from .permissions import ONLY_ORGANISERS, can_keep_programme

# A session this far from the congress's own days is a typing mistake.
DAYS_AROUND_CONGRESS = 10
MAX_ITEM_MINUTES = 600
CHECKIN_NAME_LENGTH = CongressSession._meta.get_field("name").max_length or 150


@dataclass(frozen=True)
class SessionFields:
    kind: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str = ""
    presidium: str = ""
    secretaries: str = ""
    # Empty: the kind's usual audience (`default_audience`).
    audience: str = ""


SESSION_FIELDS = list(SessionFields.__dataclass_fields__)


@dataclass(frozen=True)
class ItemFields:
    title: str
    starts_at: dt.time | None = None
    minutes: int | None = None
    presenter: str = ""


@dataclass(frozen=True)
class CueFields:
    actor: str
    text: str
    kind: str = Cue.Kind.SPEECH
    at: dt.time | None = None
    note: str = ""


def default_audience(kind: str) -> str:
    """The opening and closing sessions are held before guests (khách mời); the preparatory
    and working sessions are the official delegates' own."""
    if kind in (Session.Kind.OPENING, Session.Kind.CLOSING):
        return Session.Audience.DELEGATES_AND_GUESTS
    return Session.Audience.DELEGATES


def _check_session(congress: Congress, fields: SessionFields) -> None:
    if fields.kind not in Session.Kind.values:
        raise BusinessError("Loại phiên không hợp lệ.", field="kind")
    if fields.audience and fields.audience not in Session.Audience.values:
        raise BusinessError("Thành phần triệu tập không hợp lệ.", field="audience")
    if not fields.title.strip():
        raise BusinessError("Vui lòng nhập tên phiên.", field="title")
    if fields.ends_at <= fields.starts_at:
        raise BusinessError("Giờ kết thúc phải sau giờ bắt đầu.", field="ends_at")
    if congress.opening_date:
        first = congress.opening_date - dt.timedelta(days=DAYS_AROUND_CONGRESS)
        last = (congress.closing_date or congress.opening_date) + dt.timedelta(
            days=DAYS_AROUND_CONGRESS
        )
        day = timezone.localtime(fields.starts_at).date()
        if not first <= day <= last:
            raise BusinessError(
                f"Phiên phải diễn ra trong khoảng {first:%d/%m/%Y} – {last:%d/%m/%Y} "
                "(quanh những ngày Đại hội).",
                field="starts_at",
            )


def _lock_session(access: Access, session: Session) -> Session:
    require(can_keep_programme(access), ONLY_ORGANISERS)
    locked = Session.objects.select_for_update().filter(pk=session.pk).first()
    if locked is None or locked.congress_id != access.congress.pk:
        raise BusinessError("Phiên này không còn trong chương trình.")
    return locked


def _checkin_name(session: Session, taken: set[str]) -> str:
    """The check-in session's name: the programme session's title, told apart by its date and
    hour (then a number) when the congress already has a sitting of that name."""
    hour = timezone.localtime(session.starts_at).strftime("%d/%m %H:%M")
    title = session.title[: CHECKIN_NAME_LENGTH - 30]
    candidates = [title, f"{title} ({hour})"]
    candidates += [f"{title} ({hour}) – {n}" for n in range(2, 100)]
    return next(name for name in candidates if name.lower() not in taken)


def checkin_session_sync(session: Session) -> CongressSession:
    """Makes or updates the check-in session of `session` (name and start follow the
    programme). A new programme session adopts a check-in session of its exact title that the
    gate made before and no programme session has taken. The caller holds the session's lock
    (or creates it) in a transaction."""
    sittings = CongressSession.objects.filter(congress_id=session.congress_id)
    current = session.checkin_session if session.checkin_session_id else None
    if current is None:
        current = (
            sittings.select_for_update(of=("self",))
            .filter(name__iexact=session.title, programme_session__isnull=True)
            .first()
        )
    others = sittings.exclude(pk=current.pk) if current else sittings
    name = _checkin_name(session, {n.lower() for n in others.values_list("name", flat=True)})
    if current is None:
        current = CongressSession.objects.create(
            congress_id=session.congress_id, name=name, starts_at=session.starts_at
        )
    elif (current.name, current.starts_at) != (name, session.starts_at):
        current.name, current.starts_at = name, session.starts_at
        current.save(update_fields=["name", "starts_at"])
    session.checkin_session = current
    return current


@transaction.atomic
def session_create(*, access: Access, fields: SessionFields) -> Session:
    """Adds a session and its check-in session (see `checkin_session_sync`)."""
    require(can_keep_programme(access), ONLY_ORGANISERS)
    _check_session(access.congress, fields)
    session = Session(congress=access.congress, **_stripped(fields))
    session.audience = fields.audience or default_audience(fields.kind)
    checkin_session_sync(session)
    session.save()
    record(
        access,
        ProgrammeAction.SESSION_CREATED,
        session,
        data={"title": session.title, "checkin_session": session.checkin_session.name},
    )
    return session


@transaction.atomic
def session_update(
    *,
    access: Access,
    session: Session,
    fields: SessionFields,
    expected_version: int | None = None,
) -> Session:
    session = _lock_session(access, session)
    check_version(session, expected_version, "Phiên")
    _check_session(access.congress, fields)
    before = snapshot(session, SESSION_FIELDS)
    for name, value in _stripped(fields).items():
        setattr(session, name, value)
    session.audience = fields.audience or default_audience(fields.kind)
    checkin_session_sync(session)
    session.save()
    record(access, ProgrammeAction.SESSION_UPDATED, session, changes=changes_since(session, before))
    return session


@transaction.atomic
def session_delete(*, access: Access, session: Session) -> None:
    """Deletes the session; its check-in session goes with it unless delegates were checked in
    to it (the gate's record of who came stays)."""
    session = _lock_session(access, session)
    record(access, ProgrammeAction.SESSION_DELETED, access.congress, data={"title": session.title})
    checkin = session.checkin_session
    try:
        with transaction.atomic():
            session.delete()
    except (ProtectedError, RestrictedError):
        # Documents, speeches or votes of the congress days hang on the session.
        raise BusinessError(
            "Phiên đã có tài liệu hoặc hoạt động của những ngày Đại hội gắn vào; không xóa được."
        ) from None
    if not checkin.check_ins.exists():
        checkin.delete()


def _stripped(fields: SessionFields | ItemFields | CueFields) -> dict:
    return {k: v.strip() if isinstance(v, str) else v for k, v in asdict(fields).items()}


def _check_item(session: Session, fields: ItemFields) -> None:
    if not fields.title.strip():
        raise BusinessError("Vui lòng nhập nội dung của mục.", field="title")
    if fields.minutes is not None and not 1 <= fields.minutes <= MAX_ITEM_MINUTES:
        raise BusinessError(f"Thời lượng phải từ 1 đến {MAX_ITEM_MINUTES} phút.", field="minutes")
    if fields.starts_at is not None:
        start = timezone.localtime(session.starts_at).time()
        end = timezone.localtime(session.ends_at)
        same_day = end.date() == timezone.localtime(session.starts_at).date()
        if fields.starts_at < start or (same_day and fields.starts_at > end.time()):
            raise BusinessError(
                f"Giờ của mục phải trong giờ của phiên ({start:%H:%M} – {end:%H:%M}).",
                field="starts_at",
            )


def _next_position(rows: QuerySet) -> int:
    return (rows.aggregate(last=Max("position"))["last"] or 0) + 1


def _write_row[R: Model](
    session: Session,
    rows: QuerySet[R],
    row: R | None,
    make: Callable[[int], R],
    fields: ItemFields | CueFields,
    *,
    expected_version: int | None,
    noun: str,
    missing: str,
) -> tuple[R, dict[str, Any]]:
    """Sets `fields` on a new row at the end of `rows` (`make(position)`), or on `row` read
    again from `rows` under the session's lock (a move meanwhile changed its position) and
    checked against `expected_version`; saves it. Returns it and, for an edit, its values
    before (`snapshot`), else {}."""
    if row is None:
        row = make(_next_position(rows))
    else:
        row = rows.filter(pk=row.pk).first()
        if row is None:
            raise BusinessError(missing)
        check_version(row, expected_version, noun, trail=session)
    before = snapshot(row, list(type(fields).__dataclass_fields__)) if row.pk else {}
    for name, value in _stripped(fields).items():
        setattr(row, name, value)
    row.save()
    return row, before


@transaction.atomic
def item_save(
    *,
    access: Access,
    session: Session,
    fields: ItemFields,
    item: Item | None = None,
    expected_version: int | None = None,
) -> Item:
    """Adds an item at the end of the session, or edits one."""
    session = _lock_session(access, session)
    _check_item(session, fields)
    item, before = _write_row(
        session,
        session.items.all(),
        item,
        lambda position: Item(session=session, position=position),
        fields,
        expected_version=expected_version,
        noun="Mục chương trình",
        missing="Mục này không thuộc phiên đã chọn.",
    )
    record(
        access,
        ProgrammeAction.ITEM_SAVED,
        session,
        data={"item": item.pk, "title": item.title},
        changes=changes_since(item, before) if before else None,
    )
    return item


@transaction.atomic
def item_delete(*, access: Access, item: Item) -> None:
    session = _lock_session(access, item.session)
    record(access, ProgrammeAction.ITEM_DELETED, session, data={"title": item.title})
    item.delete()
    _renumber(session.items.order_by("position"))


@transaction.atomic
def item_move(*, access: Access, item: Item, step: int) -> None:
    """Moves the item one place up (`step` -1) or down (+1) in its session."""
    session = _lock_session(access, item.session)
    items = list(session.items.order_by("position"))
    index = next(i for i, row in enumerate(items) if row.pk == item.pk)
    target = index + (1 if step > 0 else -1)
    if not 0 <= target < len(items):
        raise BusinessError("Mục đã ở đầu hoặc cuối phiên.")
    items[index], items[target] = items[target], items[index]
    _renumber(items)
    record(
        access, ProgrammeAction.ITEM_MOVED, session, data={"title": item.title, "to": target + 1}
    )


def _renumber(rows: QuerySet | list) -> None:
    """Positions 1, 2, 3… in the given order; first moved out of the way, so the unique
    (parent, position) constraint never sees two rows at one place."""
    rows = list(rows)
    model: type[Model] = type(rows[0]) if rows else Item
    offset = 1000
    for row in rows:
        model._default_manager.filter(pk=row.pk).update(position=row.position + offset)
    for number, row in enumerate(rows, start=1):
        model._default_manager.filter(pk=row.pk).update(position=number)
        row.position = number


def _check_cue(fields: CueFields) -> None:
    if fields.kind not in Cue.Kind.values:
        raise BusinessError("Loại dòng kịch bản không hợp lệ.", field="kind")
    if not fields.actor.strip():
        raise BusinessError("Vui lòng nhập người thực hiện.", field="actor")
    if not fields.text.strip():
        raise BusinessError("Vui lòng nhập lời dẫn hoặc việc làm.", field="text")


@transaction.atomic
def cue_save(
    *,
    access: Access,
    item: Item,
    fields: CueFields,
    cue: Cue | None = None,
    expected_version: int | None = None,
) -> Cue:
    """Adds a script line at the end of the item, or edits one."""
    session = _lock_session(access, item.session)
    _check_cue(fields)
    cue, before = _write_row(
        session,
        item.cues.all(),
        cue,
        lambda position: Cue(item=item, position=position),
        fields,
        expected_version=expected_version,
        noun="Dòng kịch bản",
        missing="Dòng này không thuộc mục đã chọn.",
    )
    record(
        access,
        ProgrammeAction.CUE_SAVED,
        session,
        data={"item": item.title, "actor": cue.actor, "text": cue.text[:200]},
        changes=changes_since(cue, before) if before else None,
    )
    return cue


@transaction.atomic
def cue_delete(*, access: Access, cue: Cue) -> None:
    session = _lock_session(access, cue.item.session)
    record(
        access,
        ProgrammeAction.CUE_DELETED,
        session,
        data={"item": cue.item.title, "actor": cue.actor, "text": cue.text[:200]},
    )
    item = cue.item
    cue.delete()
    _renumber(item.cues.order_by("position"))


@transaction.atomic
def programme_publish(*, access: Access, note: str = "") -> Release:
    """Freezes the draft as the next numbered release, which becomes the current programme."""
    require(can_keep_programme(access), ONLY_ORGANISERS)
    congress = Congress.objects.select_for_update().get(pk=access.congress.pk)
    content = selectors.programme_content(congress)
    if not content["days"]:
        raise BusinessError("Chương trình chưa có phiên nào để ban hành.")
    current = selectors.current_release(congress)
    if current is not None and selectors.without_ids(current.content) == selectors.without_ids(
        content
    ):
        raise BusinessError(
            f"Chương trình không thay đổi so với bản số {current.number} đang hiện hành."
        )
    release = Release.objects.create(
        congress=congress,
        number=(current.number if current else 0) + 1,
        published_by=access.user,
        note=note.strip(),
        content=content,
    )
    record(
        access,
        ProgrammeAction.PUBLISHED,
        congress,
        data={"number": release.number, "note": release.note},
    )
    return release
