"""The list of speakers: registering, ordering, approving, calling, recording."""

import pytest

from daihoi.accounts.models import Role
from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.organizations.permissions import Access
from daihoi.programme.tests.helpers import opening_session, secretariat

from .. import selectors, services
from ..models import Speech
from .helpers import delegates, register

pytestmark = pytest.mark.django_db


def _names(session) -> list[str]:
    return [s.delegate.full_name for s in selectors.queue_of(session).waiting]


def test_registrations_queue_in_the_order_they_arrive_and_moving_one_swaps_neighbours(world):
    access = secretariat(world)
    session = opening_session(world)
    a, b, c = delegates(access)
    register(access, session, a)
    second = register(access, session, b)
    register(access, session, c)
    assert _names(session) == ["A Pớt", "Y Ngọc", "Nguyễn Văn Hùng"]
    services.speech_move(access=access, speech=second, step=-1)
    assert _names(session) == ["Y Ngọc", "A Pớt", "Nguyễn Văn Hùng"]
    services.speech_move(access=access, speech=second, step=1)
    services.speech_move(access=access, speech=second, step=1)
    assert _names(session) == ["A Pớt", "Nguyễn Văn Hùng", "Y Ngọc"]
    with pytest.raises(BusinessError, match="đầu hoặc cuối"):
        services.speech_move(access=access, speech=second, step=1)


def test_a_delegate_registering_twice_in_one_session_is_refused(world):
    access = secretariat(world)
    session = opening_session(world)
    (delegate,) = delegates(access, 1)
    register(access, session, delegate)
    with pytest.raises(BusinessError, match="đã đăng ký phát biểu trong phiên này"):
        register(access, session, delegate, topic="Một chủ đề khác")
    assert Speech.objects.filter(session=session).count() == 1


def test_a_withdrawn_registration_lets_the_delegate_register_again(world):
    access = secretariat(world)
    session = opening_session(world)
    (delegate,) = delegates(access, 1)
    first = register(access, session, delegate)
    services.speech_withdraw(access=access, speech=first)
    again = register(access, session, delegate)
    assert again.position > first.position
    assert _names(session) == ["A Pớt"]


def test_calling_the_next_speaker_takes_the_first_approved_one_in_order(world):
    access = secretariat(world)
    session = opening_session(world)
    a, b, c = delegates(access)
    first = register(access, session, a)
    second = register(access, session, b)
    third = register(access, session, c)
    services.speech_approve(access=access, speech=third)
    services.speech_approve(access=access, speech=second)
    called = services.speech_call_next(access=access, session=session)
    assert called.pk == second.pk
    speaking = selectors.queue_of(session).speaking
    assert speaking is not None and speaking.pk == second.pk
    first.refresh_from_db()
    assert first.state == Speech.State.REQUESTED


def test_calling_next_while_someone_speaks_is_refused_until_the_speech_is_recorded(world):
    access = secretariat(world)
    session = opening_session(world)
    a, b = delegates(access, 2)
    for delegate in (a, b):
        services.speech_approve(access=access, speech=register(access, session, delegate))
    speaking = services.speech_call_next(access=access, session=session)
    with pytest.raises(BusinessError, match="A Pớt đang phát biểu"):
        services.speech_call_next(access=access, session=session)
    services.speech_deliver(access=access, speech=speaking, minutes=8)
    assert services.speech_call_next(access=access, session=session).delegate == b


def test_calling_next_on_an_empty_list_says_so_and_counts_those_awaiting_approval(world):
    access = secretariat(world)
    session = opening_session(world)
    with pytest.raises(BusinessError, match="Không còn đại biểu nào đã được duyệt"):
        services.speech_call_next(access=access, session=session)
    (delegate,) = delegates(access, 1)
    register(access, session, delegate)
    with pytest.raises(BusinessError, match="Còn 1 đăng ký chờ duyệt"):
        services.speech_call_next(access=access, session=session)


def test_a_delivered_speech_keeps_its_minutes_and_is_in_the_record(world):
    access = secretariat(world)
    session = opening_session(world)
    (delegate,) = delegates(access, 1)
    speech = register(access, session, delegate)
    services.speech_approve(access=access, speech=speech)
    services.speech_call_next(access=access, session=session)
    services.speech_deliver(access=access, speech=speech, minutes=9)
    (delivered,) = selectors.delivered_of(session)
    assert (delivered.pk, delivered.minutes) == (speech.pk, 9)
    assert [e.action for e in history_of(speech)][:4] == [
        "speech.delivered",
        "speech.called",
        "speech.approved",
        "speech.registered",
    ]


def test_a_speech_without_its_minutes_is_timed_from_the_call(world):
    access = secretariat(world)
    session = opening_session(world)
    (delegate,) = delegates(access, 1)
    speech = register(access, session, delegate)
    services.speech_approve(access=access, speech=speech)
    services.speech_call_next(access=access, session=session)
    assert services.speech_deliver(access=access, speech=speech).minutes == 1


def test_a_declined_registration_cannot_be_called_nor_approved_again(world):
    access = secretariat(world)
    session = opening_session(world)
    (delegate,) = delegates(access, 1)
    speech = register(access, session, delegate)
    services.speech_decline(access=access, speech=speech, reason="Trùng nội dung đã phát biểu")
    with pytest.raises(BusinessError, match="Không duyệt"):
        services.speech_approve(access=access, speech=speech)
    with pytest.raises(BusinessError, match="Không còn đại biểu"):
        services.speech_call_next(access=access, session=session)


def test_only_the_presidiums_helpers_run_the_list(world):
    session = opening_session(world)
    (delegate,) = delegates(secretariat(world), 1)
    officer = Access(
        world.users["officer"], world.congress, Role.AGENCY_OFFICER, world.agencies["btg"].pk
    )
    with pytest.raises(PermissionDenied):
        register(officer, session, delegate)
    speech = register(secretariat(world), session, delegate)
    with pytest.raises(PermissionDenied):
        services.speech_approve(access=officer, speech=speech)
    with pytest.raises(PermissionDenied):
        services.speech_call_next(access=officer, session=session)


def test_a_guest_or_a_delegate_of_another_congress_cannot_be_registered(world):
    access = secretariat(world)
    session = opening_session(world)
    from daihoi.delegates.models import Delegate
    from daihoi.delegates.tests.helpers import make_delegate

    guest = make_delegate(access, full_name="Đinh Văn Khách", kind=Delegate.Kind.GUEST)
    with pytest.raises(BusinessError, match="Chỉ đại biểu chính thức"):
        register(access, session, guest)
    other = Access(world.admin, world.other, "admin")
    stranger = make_delegate(other, full_name="Lê Văn Ngoài")
    with pytest.raises(BusinessError, match="không có trong danh sách"):
        register(access, session, stranger)


def test_an_item_of_another_session_is_refused(world):
    access = secretariat(world)
    session = opening_session(world)
    other_session = opening_session(world)
    (delegate,) = delegates(access, 1)
    with pytest.raises(BusinessError, match="không thuộc phiên này"):
        services.speech_register(
            access=access,
            session=session,
            delegate=delegate,
            fields=services.SpeechFields(
                topic="Giáo dục", summary="Tóm tắt", item=other_session.items.first()
            ),
        )


def _as_delegate(world, delegate) -> Access:
    return Access(world.users["member"], world.congress, "delegate", delegate_id=delegate.pk)


def test_a_delegate_registers_only_themself_and_may_withdraw_before_being_called(world):
    access = secretariat(world)
    session = opening_session(world)
    me, other = delegates(access, 2)
    mine = services.speech_register(
        access=_as_delegate(world, me),
        session=session,
        delegate=me,
        fields=services.SpeechFields(topic="Giáo dục vùng cao", summary="Trường bán trú."),
        source=Speech.Source.DELEGATE,
    )
    assert (mine.source, mine.state) == (Speech.Source.DELEGATE, Speech.State.REQUESTED)
    with pytest.raises(PermissionDenied):
        services.speech_register(
            access=_as_delegate(world, me),
            session=session,
            delegate=other,
            fields=services.SpeechFields(topic="Thay người khác", summary="Không được."),
            source=Speech.Source.DELEGATE,
        )
    with pytest.raises(PermissionDenied):
        services.speech_approve(access=_as_delegate(world, me), speech=mine)
    services.speech_withdraw(access=_as_delegate(world, me), speech=mine)
    mine.refresh_from_db()
    assert mine.state == Speech.State.WITHDRAWN


def test_a_delegate_cannot_withdraw_once_called_to_speak(world):
    access = secretariat(world)
    session = opening_session(world)
    (me,) = delegates(access, 1)
    speech = register(access, session, me)
    services.speech_approve(access=access, speech=speech)
    services.speech_call_next(access=access, session=session)
    with pytest.raises(BusinessError, match="Đang phát biểu"):
        services.speech_withdraw(access=_as_delegate(world, me), speech=speech)
