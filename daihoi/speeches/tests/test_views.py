"""The presidium's pages: the live list, registering from the paper form, calling, printing."""

import pytest
from django.urls import reverse

from daihoi.programme.tests.helpers import opening_session, secretariat

from .. import services
from ..models import Speech
from .helpers import delegates, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def session_with_list(world):
    """An opening session with five registrations: two approved, one speaking, one delivered."""
    access = secretariat(world)
    session = opening_session(world)
    speeches = [register(access, session, d) for d in delegates(access, 5)]
    for speech in speeches[:4]:
        services.speech_approve(access=access, speech=speech)
    services.speech_call_next(access=access, session=session)
    services.speech_deliver(access=access, speech=speeches[0], minutes=6)
    services.speech_call_next(access=access, session=session)
    return session


def test_the_live_list_is_one_query_for_the_speeches_whatever_their_number(
    world, session_with_list, client, django_assert_max_num_queries
):
    client.force_login(world.users["secretariat"])
    url = reverse("speeches:queue", args=[world.congress.pk, session_with_list.pk])
    with django_assert_max_num_queries(6) as captured:
        live = client.get(url, headers={"HX-Request": "true"})
    body = live.content.decode()
    assert 'id="speech-queue"' in body and "<html" not in body
    assert "Y Ngọc" in body and "Đang phát biểu" in body
    assert sum("speeches_speech" in q["sql"] for q in captured.captured_queries) == 1
    page = client.get(url)
    assert 'hx-trigger="every 5s"' in page.content.decode()


def test_the_secretariat_registers_a_delegate_from_the_paper_form(world, client):
    access = secretariat(world)
    session = opening_session(world)
    (delegate,) = delegates(access, 1)
    client.force_login(world.users["secretariat"])
    url = reverse("speeches:register", args=[world.congress.pk, session.pk])
    form = client.get(url).content.decode()
    assert "A Pớt" in form
    reply = client.post(
        url,
        {
            "delegate": delegate.pk,
            "topic": "Phát triển cây sâm Ngọc Linh",
            "summary": "Đề xuất vùng trồng tập trung và liên kết tiêu thụ.",
        },
    )
    assert reply.status_code == 302
    speech = Speech.objects.get(session=session)
    assert (speech.source, speech.state, speech.registered_by) == (
        Speech.Source.PAPER,
        Speech.State.REQUESTED,
        world.users["secretariat"],
    )
    again = client.post(url, {"delegate": delegate.pk, "topic": "Khác", "summary": "Khác"})
    assert "đã đăng ký phát biểu trong phiên này" in again.content.decode()


def test_calling_next_on_an_empty_list_answers_with_a_message_not_an_error(world, client):
    session = opening_session(world)
    client.force_login(world.users["secretariat"])
    reply = client.post(
        reverse("speeches:call-next", args=[world.congress.pk, session.pk]), follow=True
    )
    assert reply.status_code == 200
    assert "Không còn đại biểu nào đã được duyệt" in reply.content.decode()


def test_the_printed_record_lists_the_delivered_speeches_with_their_minutes(
    world, session_with_list, client
):
    client.force_login(world.users["member"])
    page = client.get(
        reverse("speeches:print-delivered", args=[world.congress.pk, session_with_list.pk])
    )
    body = page.content.decode()
    assert "DANH SÁCH ĐẠI BIỂU ĐÃ PHÁT BIỂU" in body
    assert "A Pớt" in body and "6 phút" in body
    assert "Y Ngọc" not in body
