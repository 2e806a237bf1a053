"""The delegate's own page "Đăng ký phát biểu": registering, the place in the queue, withdrawing."""

import pytest
from django.urls import reverse

from daihoi.programme.tests.helpers import opening_session, secretariat
from daihoi.testing.factories import build_world

from .. import services
from ..models import Speech
from .helpers import delegates, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def delegate_world():
    return build_world(with_delegate=True)


def test_a_delegate_registers_to_speak_and_sees_their_place_in_the_queue(
    delegate_world, client, django_assert_max_num_queries
):
    world = delegate_world
    access = secretariat(world)
    session = opening_session(world)
    first, second = delegates(access, 2)
    register(access, session, first)
    register(access, session, second)
    client.force_login(world.users["delegate"])
    form = reverse("speeches:mine-register", args=[world.congress.pk, session.pk])
    answer = client.post(form, {"topic": "Phát triển cây dược liệu", "summary": "Ba đề xuất."})
    assert answer.status_code == 302
    mine = Speech.objects.get(delegate=world.delegate)
    assert (mine.source, mine.state) == (Speech.Source.DELEGATE, Speech.State.REQUESTED)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("speeches:mine", args=[world.congress.pk])).content.decode()
    assert "Phát triển cây dược liệu" in page
    assert "Thứ tự trong danh sách: <strong>3</strong>" in page
    assert "trước đồng chí còn 2 đại biểu" in page


def test_a_delegate_withdraws_their_own_registration_but_never_another_delegates(
    delegate_world, client
):
    world = delegate_world
    access = secretariat(world)
    session = opening_session(world)
    (other,) = delegates(access, 1)
    theirs = register(access, session, other)
    mine = register(access, session, world.delegate)
    client.force_login(world.users["delegate"])
    refused = client.post(reverse("speeches:mine-withdraw", args=[world.congress.pk, theirs.pk]))
    assert refused.status_code == 404
    client.post(reverse("speeches:mine-withdraw", args=[world.congress.pk, mine.pk]))
    states = dict(Speech.objects.values_list("pk", "state"))
    assert states == {theirs.pk: Speech.State.REQUESTED, mine.pk: Speech.State.WITHDRAWN}


def test_once_called_a_delegate_can_no_longer_withdraw_from_their_page(delegate_world, client):
    world = delegate_world
    access = secretariat(world)
    session = opening_session(world)
    mine = register(access, session, world.delegate)
    services.speech_approve(access=access, speech=mine)
    services.speech_call_next(access=access, session=session)
    client.force_login(world.users["delegate"])
    answer = client.post(
        reverse("speeches:mine-withdraw", args=[world.congress.pk, mine.pk]), follow=True
    )
    assert Speech.objects.get(pk=mine.pk).state == Speech.State.CALLED
    assert answer.status_code == 200


def test_the_page_and_form_are_the_delegates_own_and_others_meet_404(delegate_world, client):
    world = delegate_world
    session = opening_session(world)
    client.force_login(world.users["secretariat"])
    assert client.get(reverse("speeches:mine", args=[world.congress.pk])).status_code == 404
    form = reverse("speeches:mine-register", args=[world.congress.pk, session.pk])
    assert client.get(form).status_code == 404
    client.force_login(world.users["delegate"])
    assert client.get(form).status_code == 200
