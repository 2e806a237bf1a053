import pytest

from daihoi.accounts.models import Role
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.core.models import AuditEntry
from daihoi.organizations.permissions import Access
from daihoi.programme.tests.helpers import opening_session

from .. import selectors, services
from ..models import Motion, Participation, RollCallVote
from .helpers import check_in, delegates, motion, presidium, voter

pytestmark = pytest.mark.django_db


def closed(world, m: Motion) -> Motion:
    return services.motion_close(access=presidium(world), motion=m)


def test_a_present_delegate_votes_once_and_a_second_vote_is_refused(world):
    session = opening_session(world)
    [delegate] = delegates(world, 1)
    check_in(world, session, delegate)
    m = motion(world, session, opened=True)
    services.vote_cast(access=voter(world, delegate), motion=m, choice="yes")
    with pytest.raises(BusinessError, match="chỉ biểu quyết một lần"):
        services.vote_cast(access=voter(world, delegate), motion=m, choice="no")
    m.refresh_from_db()
    assert (m.yes_count, m.no_count, m.abstain_count) == (1, 0, 0)
    assert Participation.objects.filter(motion=m).count() == 1


def test_a_delegate_not_checked_in_cannot_vote(world):
    session = opening_session(world)
    present, absent = delegates(world, 2)
    check_in(world, session, present)
    m = motion(world, session, opened=True)
    with pytest.raises(BusinessError, match="chưa được điểm danh"):
        services.vote_cast(access=voter(world, absent), motion=m, choice="yes")
    m.refresh_from_db()
    assert m.voted_count == 0


def test_no_vote_before_opening_or_after_closing(world):
    session = opening_session(world)
    first, second = delegates(world, 2)
    check_in(world, session, first, second)
    m = motion(world, session)
    with pytest.raises(BusinessError, match="chưa mở"):
        services.vote_cast(access=voter(world, first), motion=m, choice="yes")
    services.motion_open(access=presidium(world), motion=m)
    services.vote_cast(access=voter(world, first), motion=m, choice="yes")
    closed(world, m)
    with pytest.raises(BusinessError, match="đã kết thúc"):
        services.vote_cast(access=voter(world, second), motion=m, choice="yes")
    m.refresh_from_db()
    assert m.voted_count == 1


def test_a_delegate_of_another_congress_cannot_vote(world):
    session = opening_session(world)
    [delegate] = delegates(world, 1)
    check_in(world, session, delegate)
    m = motion(world, session, opened=True)
    stranger = Access(world.users["outsider"], world.other, "delegate", delegate_id=delegate.pk)
    with pytest.raises(BusinessError):
        services.vote_cast(access=stranger, motion=m, choice="yes")
    m.refresh_from_db()
    assert m.voted_count == 0


def test_a_staff_account_without_a_delegate_cannot_vote(world):
    m = motion(world, opened=True)
    with pytest.raises(PermissionDenied):
        services.vote_cast(access=presidium(world), motion=m, choice="yes")


def test_an_unknown_choice_is_refused(world):
    session = opening_session(world)
    [delegate] = delegates(world, 1)
    check_in(world, session, delegate)
    m = motion(world, session, opened=True)
    with pytest.raises(BusinessError, match="Xin chọn"):
        services.vote_cast(access=voter(world, delegate), motion=m, choice="maybe")


def test_the_result_counts_shares_and_passes_on_more_than_half_of_the_summoned(world):
    session = opening_session(world)
    people = delegates(world, 6)
    check_in(world, session, *people[:5])  # one summoned delegate is absent
    m = motion(world, session, opened=True)
    for delegate, choice in zip(people[:4], ["yes", "yes", "yes", "no"], strict=True):
        services.vote_cast(access=voter(world, delegate), motion=m, choice=choice)
    m = closed(world, m)
    assert (m.summoned_count, m.present_count) == (6, 5)
    assert (m.yes_count, m.no_count, m.abstain_count) == (3, 1, 0)
    assert m.passed is False  # 3 of 6 summoned is half, not more than half
    rows = selectors.result_rows(m)
    assert [(r.label, r.count, r.of_present, r.of_summoned) for r in rows] == [
        ("Tán thành", 3, "60,00%", "50,00%"),
        ("Không tán thành", 1, "20,00%", "16,67%"),
        ("Không biểu quyết", 0, "0,00%", "0,00%"),
        ("Có mặt nhưng không bấm", 1, "20,00%", "16,67%"),
    ]


def test_four_yes_of_six_summoned_pass(world):
    session = opening_session(world)
    people = delegates(world, 6)
    check_in(world, session, *people)
    m = motion(world, session, opened=True)
    for delegate in people[:4]:
        services.vote_cast(access=voter(world, delegate), motion=m, choice="yes")
    m = closed(world, m)
    assert m.passed is True
    assert m.yes_needed == 4


def test_a_secret_vote_keeps_no_trace_of_who_chose_what(world):
    session = opening_session(world)
    first, second = delegates(world, 2)
    check_in(world, session, first, second)
    m = motion(world, session, opened=True)
    services.vote_cast(access=voter(world, first), motion=m, choice="yes")
    services.vote_cast(access=voter(world, second), motion=m, choice="no")
    closed(world, m)
    assert not RollCallVote.objects.filter(motion=m).exists()
    assert selectors.roll_call_of(m) == []
    assert selectors.my_roll_call_choice(m, first.pk) == ""
    participation_columns = {f.column for f in Participation._meta.concrete_fields}
    assert participation_columns == {"id", "motion_id", "delegate_id"}
    entries = AuditEntry.objects.filter(object_id=m.pk, action__startswith="motion.")
    assert not entries.filter(action="motion.roll_call_vote").exists()
    assert all("yes" not in str(e.data.get("choice", "")) for e in entries)


def test_a_roll_call_vote_keeps_and_shows_who_voted_how_once_closed(world):
    session = opening_session(world)
    first, second = delegates(world, 2)
    check_in(world, session, first, second)
    m = motion(world, session, roll_call=True, opened=True)
    services.vote_cast(access=voter(world, first), motion=m, choice="yes")
    services.vote_cast(access=voter(world, second), motion=m, choice="abstain")
    assert selectors.roll_call_of(m) == []  # not while open
    m = closed(world, m)
    assert {(v.delegate_id, v.choice) for v in selectors.roll_call_of(m)} == {
        (first.pk, "yes"),
        (second.pk, "abstain"),
    }
    assert selectors.my_roll_call_choice(m, second.pk) == "Không biểu quyết"
    assert AuditEntry.objects.filter(action="motion.roll_call_vote", object_id=m.pk).count() == 2


def test_a_closed_result_cannot_be_edited_deleted_or_reopened(world):
    session = opening_session(world)
    m = closed(world, motion(world, session, opened=True))
    fields = services.MotionFields(session=session, kind=m.kind, title="Sửa lại")
    with pytest.raises(BusinessError, match="không sửa"):
        services.motion_update(access=presidium(world), motion=m, fields=fields)
    with pytest.raises(BusinessError, match="không sửa"):
        services.motion_delete(access=presidium(world), motion=m)
    with pytest.raises(BusinessError):
        services.motion_open(access=presidium(world), motion=m)
    m.refresh_from_db()
    assert m.title != "Sửa lại" and m.is_closed


def test_only_one_motion_is_open_at_a_time(world):
    session = opening_session(world)
    motion(world, session, opened=True)
    second = motion(world, session, title="Thông qua Quy chế làm việc")
    with pytest.raises(BusinessError, match="khác đang biểu quyết"):
        services.motion_open(access=presidium(world), motion=second)
    now_open = selectors.open_vote(world.congress)
    assert now_open is not None and now_open.title.startswith("Thông qua Chương trình")


def test_only_the_presidium_creates_opens_and_closes(world, member_access):
    session = opening_session(world)
    fields = services.MotionFields(session=session, kind="rules", title="Quy chế")
    with pytest.raises(PermissionDenied):
        services.motion_create(access=member_access, fields=fields)
    m = motion(world, session)
    with pytest.raises(PermissionDenied):
        services.motion_open(access=member_access, motion=m)
    services.motion_open(access=presidium(world), motion=m)
    with pytest.raises(PermissionDenied):
        services.motion_close(access=member_access, motion=m)


def test_a_motion_needs_a_session_of_its_own_congress(world):
    other = Access(world.users["outsider"], world.other, Role.SECRETARIAT)
    foreign = opening_session(world, access=other)
    fields = services.MotionFields(session=foreign, kind="rules", title="Quy chế")
    with pytest.raises(BusinessError):
        services.motion_create(access=presidium(world), fields=fields)


def test_every_presidium_step_is_audited(world):
    m = motion(world, opened=True)
    closed(world, m)
    actions = list(
        AuditEntry.objects.filter(object_id=m.pk, action__startswith="motion.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["motion.created", "motion.opened", "motion.closed"]


def test_the_motion_list_reads_in_one_query(world, django_assert_num_queries):
    session = opening_session(world)
    for n in range(5):
        motion(world, session, title=f"Nội dung {n}")
    with django_assert_num_queries(1):
        titles = [
            (m.title, m.session and m.session.title) for m in selectors.motions_of(world.congress)
        ]
    assert len(titles) == 5
