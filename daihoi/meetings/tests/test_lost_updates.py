"""Two people editing one meeting: the second save is refused and shown what the first changed."""

import pytest

from daihoi.meetings import services
from daihoi.meetings.models import Meeting
from daihoi.testing.conflicts import CONFLICT, edit_meanwhile

pytestmark = pytest.mark.django_db


def test_a_stale_meeting_form_is_refused_shows_the_change_then_saves_knowingly(
    world, client, meeting, secretariat_access
):
    client.force_login(world.users["secretariat"])
    url = f"/dai-hoi/{world.congress.pk}/cuoc-hop/{meeting.pk}/sua/"
    data = {
        "title": meeting.title,
        "kind": meeting.kind,
        "committee": world.committee.pk,
        "date": "05/10/2020",
        "start_time": "08:00",
        "end_time": "11:00",
        "place": "Hội trường lớn, Tỉnh ủy",
        "chair": world.chair.pk,
        "invited_agencies": [world.agencies["btg"].pk],
    }

    def move_it() -> None:
        services.meeting_update(
            access=secretariat_access,
            meeting=Meeting.objects.get(pk=meeting.pk),
            title=meeting.title,
            kind=meeting.kind,
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            place="Phòng họp số 2, UBND tỉnh",
            chair=world.chair,
            committee=world.committee,
            invited_agencies=[world.agencies["btg"], world.agencies["stc"]],
        )

    stale, again = edit_meanwhile(
        client,
        url,
        data,
        move_it,
        lambda: Meeting.objects.get(pk=meeting.pk).place == "Phòng họp số 2, UBND tỉnh",
    )
    body = stale.content.decode()
    assert stale.status_code == 200 and CONFLICT in body and "Phòng họp số 2, UBND tỉnh" in body
    assert again.status_code == 302
    assert Meeting.objects.get(pk=meeting.pk).place == "Hội trường lớn, Tỉnh ủy"
