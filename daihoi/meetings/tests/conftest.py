import datetime as dt

import pytest
from django.utils import timezone

from daihoi.meetings import services


@pytest.fixture
def meeting(world, secretariat_access):
    start = timezone.make_aware(dt.datetime(2020, 10, 5, 8, 0))
    return services.meeting_plan(
        access=secretariat_access,
        title="Phiên họp thứ ba Tiểu ban Tổ chức phục vụ Đại hội",
        kind="subcommittee",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        place="Phòng họp số 1, Tỉnh ủy",
        chair=world.chair,
        committee=world.committee,
        invited_agencies=[world.agencies["btg"], world.agencies["stc"]],
        agenda=["Đánh giá tiến độ Kế hoạch 06", "Bàn phương án trang trí"],
    )


@pytest.fixture
def held_meeting(meeting, world, secretariat_access):
    """The meeting above, recorded as held (the chair present): a notice may be issued for it."""
    return services.meeting_record(
        access=secretariat_access,
        meeting=meeting,
        attendance={world.chair.pk: "present"},
        minutes="Các thành viên báo cáo tiến độ.",
    )
