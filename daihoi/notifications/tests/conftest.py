import datetime as dt

import pytest
from django.core.cache import cache

from daihoi.accounts.models import Role
from daihoi.organizations.models import Participation
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase
from daihoi.testing.factories import UserFactory


@pytest.fixture(autouse=True)
def fresh_cache():
    # The unread counts live in the cache, which outlives each test's database.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def culture_officer(world):
    """The officer of Sở Văn hóa, which coordinates the tasks made by `make_task`."""
    user = UserFactory.create(username="vanhoa", email="vanhoa@kontum.gov.vn")
    Participation.objects.create(
        user=user, congress=world.congress, role=Role.AGENCY_OFFICER, agency=world.agencies["svh"]
    )
    return user


def make_task(access, world, **overrides):
    fields = dict(
        title="Xây dựng chuyên trang tuyên truyền về Đại hội",
        lead_agency=world.agencies["btg"],
        coordinating_agencies=[world.agencies["svh"]],
        area=Area.PROPAGANDA,
        phase=Phase.BEFORE,
        deadline=dt.date(2020, 9, 30),
    )
    fields.update(overrides)
    return planning_services.task_create(
        access=access, fields=planning_services.TaskFields(**fields)
    )


def give_emails(world, *keys):
    for key in keys:
        world.users[key].email = f"{key}@kontum.gov.vn"
        world.users[key].save()


@pytest.fixture
def meeting(world, secretariat_access):
    from django.utils import timezone

    from daihoi.meetings import services as meeting_services

    start = timezone.make_aware(dt.datetime(2020, 10, 5, 8, 0))
    return meeting_services.meeting_plan(
        access=secretariat_access,
        title="Phiên họp thứ ba Tiểu ban Tổ chức phục vụ Đại hội",
        kind="subcommittee",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        place="Phòng họp số 1, Tỉnh ủy",
        chair=world.chair,
        committee=world.committee,
        invited_agencies=[world.agencies["btg"], world.agencies["stc"]],
    )


class ReportRequest:
    """Stands for the reporting app's request in the signal contract."""

    def __init__(self, pk, congress_id, title="Báo cáo quý", deadline=None):
        self.pk, self.congress_id, self.title, self.deadline = pk, congress_id, title, deadline
        self.to_congresses_below = False

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"/yc/{self.pk}/"
