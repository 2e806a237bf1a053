"""The presidium's pages: a motion created from the form, opened, closed, its result shown."""

import pytest
from django.urls import reverse

from daihoi.programme.tests.helpers import opening_session
from daihoi.testing.conflicts import CONFLICT, edit_meanwhile

from .. import services
from ..models import Motion
from .helpers import check_in, delegates, motion, presidium, voter

pytestmark = pytest.mark.django_db


def _url(name: str, world, m: Motion | None = None) -> str:
    kwargs = {"congress_id": world.congress.pk}
    if m is not None:
        kwargs["motion_id"] = m.pk
    return reverse(f"voting:{name}", kwargs=kwargs)


def test_the_presidium_creates_opens_and_closes_a_motion_from_its_pages(world, client):
    session = opening_session(world)
    [delegate] = delegates(world, 1)
    check_in(world, session, delegate)
    client.force_login(world.users["secretariat"])
    response = client.post(
        _url("motion-create", world),
        {
            "session": session.pk,
            "kind": "rules",
            "title": "Thông qua Quy chế làm việc của Đại hội",
            "roll_call": "on",
        },
    )
    m = Motion.objects.get(title="Thông qua Quy chế làm việc của Đại hội")
    assert response.status_code == 302 and m.roll_call and m.is_draft
    client.post(_url("motion-open", world, m))
    page = client.get(_url("motion-detail", world, m)).content.decode()
    assert "0</strong> / 1 đại biểu có mặt đã biểu quyết" in page
    services.vote_cast(access=voter(world, delegate), motion=m, choice="yes")
    live = client.get(_url("motion-live", world, m)).content.decode()
    assert "1</strong> / 1 đại biểu có mặt đã biểu quyết" in live
    client.post(_url("motion-close", world, m))
    page = client.get(_url("motion-detail", world, m)).content.decode()
    assert "Được thông qua" in page
    assert "100,00%" in page
    assert delegate.full_name in page  # the roll call of an open vote
    assert client.get(_url("motion-live", world, m)).headers["HX-Refresh"] == "true"


def test_a_secret_vote_shows_counts_and_no_names(world, client):
    session = opening_session(world)
    people = delegates(world, 3)
    check_in(world, session, *people)
    m = motion(world, session, opened=True)
    for d, choice in zip(people, ["yes", "no", "yes"], strict=True):
        services.vote_cast(access=voter(world, d), motion=m, choice=choice)
    services.motion_close(access=presidium(world), motion=m)
    client.force_login(world.users["member"])
    page = client.get(_url("motion-detail", world, m)).content.decode()
    assert "Được thông qua" in page and "66,67%" in page
    assert not any(d.full_name in page for d in people)


def test_two_presidium_members_editing_one_motion_do_not_overwrite_each_other(world, client):
    session = opening_session(world)
    m = motion(world, session)
    client.force_login(world.users["secretariat"])
    data = {"session": m.session_id, "kind": m.kind, "title": "Thông qua Chương trình (sửa)"}

    def meanwhile():
        services.motion_update(
            access=presidium(world),
            motion=m,
            fields=services.MotionFields(session=session, kind="rules", title="Bản khác"),
        )

    stale, again = edit_meanwhile(
        client,
        _url("motion-edit", world, m),
        data,
        meanwhile,
        lambda: Motion.objects.get(pk=m.pk).title == "Bản khác",
    )
    assert CONFLICT in stale.content.decode()
    assert again.status_code == 302


def test_the_motion_list_reads_in_a_fixed_number_of_queries(
    world, client, django_assert_max_num_queries
):
    session = opening_session(world)
    for n in range(8):
        motion(world, session, title=f"Nội dung biểu quyết số {n + 1}")
    motion(world, session, opened=True)
    client.force_login(world.users["secretariat"])
    with django_assert_max_num_queries(9):
        response = client.get(_url("motion-list", world))
    assert response.status_code == 200
    assert "Nội dung biểu quyết số 8" in response.content.decode()
