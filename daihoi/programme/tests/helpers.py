"""A programme built through the services, for the tests of this app and of others."""

import datetime as dt

from django.utils import timezone

from daihoi.accounts.models import Role
from daihoi.organizations.permissions import Access

from .. import services
from ..models import Session


def secretariat(world) -> Access:
    return Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def opening_session(world, access: Access | None = None) -> Session:
    """The opening session on the congress's first day, 07:30–11:30, with two items: the
    flag salute (with its script) and the opening speech."""
    access = access or secretariat(world)
    day = world.congress.opening_date
    session = services.session_create(
        access=access,
        fields=services.SessionFields(
            kind=Session.Kind.OPENING,
            title="Phiên khai mạc",
            starts_at=at(day, 7, 30),
            ends_at=at(day, 11, 30),
            place="Hội trường Trung tâm Hội nghị tỉnh",
            presidium="Đồng chí Bí thư Tỉnh ủy\nĐồng chí Phó Bí thư Thường trực Tỉnh ủy",
        ),
    )
    salute = services.item_save(
        access=access,
        session=session,
        fields=services.ItemFields(title="Nghi thức chào cờ", starts_at=dt.time(7, 30), minutes=5),
    )
    services.cue_save(
        access=access,
        item=salute,
        fields=services.CueFields(
            actor="Người dẫn chương trình",
            text="Kính mời các đồng chí đứng nghiêm làm lễ chào cờ.",
            at=dt.time(7, 30),
        ),
    )
    services.cue_save(
        access=access,
        item=salute,
        fields=services.CueFields(
            actor="Bộ phận âm thanh",
            text="Quốc ca, Quốc tế ca",
            kind="music",
            note="Bật nhạc khi người dẫn dứt lời",
        ),
    )
    services.item_save(
        access=access,
        session=session,
        fields=services.ItemFields(
            title="Diễn văn khai mạc Đại hội",
            starts_at=dt.time(7, 40),
            minutes=15,
            presenter="Đồng chí Bí thư Tỉnh ủy",
        ),
    )
    return session
