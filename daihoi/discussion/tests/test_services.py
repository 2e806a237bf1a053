import pytest

from daihoi.consultation.models import Resolution
from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, ConflictError, PermissionDenied

from .. import selectors, services
from ..models import GroupComment, Theme
from .helpers import political_report, record, secretariat, two_groups


@pytest.fixture
def setup(world):
    return political_report(world), two_groups(world)


def test_recording_a_comment_keeps_its_section_session_supporters_and_an_audit_entry(world, setup):
    draft, groups = setup
    from daihoi.programme.tests.helpers import opening_session

    session = opening_session(world)
    comment = services.group_comment_record(
        access=secretariat(world),
        group=groups.groups[0],
        fields=services.CommentFields(
            draft_id=draft.pk,
            section=draft.sections.get(label="II.1"),
            session=session,
            text="  Đề nghị làm rõ vùng trồng sâm Ngọc Linh.  ",
            supporters=12,
        ),
    )
    comment.refresh_from_db()
    assert comment.text == "Đề nghị làm rõ vùng trồng sâm Ngọc Linh."
    assert comment.section is not None and comment.section.label == "II.1"
    assert (comment.session, comment.supporters) == (session, 12)
    assert comment.resolution == Resolution.PENDING
    assert [e.action for e in history_of(comment)] == ["group_comment.recorded"]


def test_an_empty_comment_a_foreign_section_or_zero_supporters_is_refused(world, setup):
    draft, groups = setup
    other = political_report(world)
    access = secretariat(world)
    cases = [
        services.CommentFields(draft.pk, None, None, "   "),
        services.CommentFields(draft.pk, other.sections.first(), None, "Ý kiến"),
        services.CommentFields(draft.pk, None, None, "Ý kiến", supporters=0),
    ]
    for fields in cases:
        with pytest.raises(BusinessError):
            services.group_comment_record(access=access, group=groups.groups[0], fields=fields)
    assert not GroupComment.objects.exists()


def test_an_adopted_draft_takes_no_more_comments(world, setup):
    draft, groups = setup
    from daihoi.consultation import services as consultation_services

    consultation_services.consultation_adopt(
        access=secretariat(world), consultation=draft.consultation, body="Bản cuối.", note=""
    )
    with pytest.raises(BusinessError, match="không còn lấy ý kiến"):
        record(secretariat(world), groups.groups[0], draft, "Ý kiến muộn")


def test_a_theme_gathers_two_groups_comments_and_its_resolution_reaches_each_comment(world, setup):
    draft, groups = setup
    access = secretariat(world)
    first = record(access, groups.groups[0], draft, "Cần nêu vùng dược liệu.", "II.1")
    second = record(access, groups.groups[1], draft, "Bổ sung sâm Ngọc Linh.", "II.1")
    theme = services.theme_create(
        access=access,
        comment_ids=[first.pk, second.pk],
        summary="Làm rõ vùng trồng dược liệu",
        draft_id=draft.pk,
    )
    services.theme_update(
        access=access,
        theme=theme,
        summary=theme.summary,
        resolution=Resolution.EXPLAINED,
        reason="Đã nêu trong đề án riêng của tỉnh.",
        version=theme.version,
    )
    assert set(GroupComment.objects.values_list("resolution", flat=True)) == {"explained"}
    found = selectors.synthesis_of(draft)
    assert found.totals == {"pending": 0, "accepted": 0, "explained": 2, "all": 2}
    assert found.by_group == [("Tổ số 1", 1), ("Tổ số 2", 1)]
    [block] = found.blocks
    assert block.section is not None and block.section.label == "II.1"
    assert [t.pk for t in block.themes] == [theme.pk]
    assert not block.loose


def test_explaining_without_a_reason_is_refused_and_changes_nothing(world, setup):
    draft, groups = setup
    access = secretariat(world)
    comment = record(access, groups.groups[0], draft, "Cần nêu vùng dược liệu.")
    with pytest.raises(BusinessError, match="lý do"):
        services.group_comment_resolve(
            access=access, comment=comment, resolution="explained", reason=" "
        )
    comment.refresh_from_db()
    assert comment.is_pending


def test_a_theme_takes_only_comments_on_one_section_not_already_grouped(world, setup):
    draft, groups = setup
    access = secretariat(world)
    a = record(access, groups.groups[0], draft, "Ý kiến mục I.1", "I.1")
    b = record(access, groups.groups[1], draft, "Ý kiến mục II.1", "II.1")
    with pytest.raises(BusinessError, match="cùng một mục"):
        services.theme_create(
            access=access, comment_ids=[a.pk, b.pk], summary="S", draft_id=draft.pk
        )
    services.theme_create(access=access, comment_ids=[a.pk], summary="S", draft_id=draft.pk)
    with pytest.raises(BusinessError, match="nhóm khác"):
        services.theme_create(access=access, comment_ids=[a.pk], summary="S", draft_id=draft.pk)
    assert Theme.objects.count() == 1


def test_dissolving_a_theme_puts_its_comments_back_to_pending(world, setup):
    draft, groups = setup
    access = secretariat(world)
    a = record(access, groups.groups[0], draft, "Ý kiến", "I.1")
    theme = services.theme_create(access=access, comment_ids=[a.pk], summary="S", draft_id=draft.pk)
    theme = services.theme_update(
        access=access, theme=theme, summary="S", resolution="accepted", reason="", version=None
    )
    assert services.theme_dissolve(access=access, theme=theme) == 1
    a.refresh_from_db()
    assert (a.theme_id, a.resolution) == (None, "pending")
    assert not Theme.objects.exists()


def test_a_stale_theme_form_is_refused_as_a_conflict(world, setup):
    draft, groups = setup
    access = secretariat(world)
    a = record(access, groups.groups[0], draft, "Ý kiến", "I.1")
    theme = services.theme_create(access=access, comment_ids=[a.pk], summary="S", draft_id=draft.pk)
    services.theme_update(
        access=access, theme=theme, summary="S2", resolution="pending", reason="", version=1
    )
    with pytest.raises(ConflictError):
        services.theme_update(
            access=access, theme=theme, summary="S3", resolution="pending", reason="", version=1
        )


def test_a_resolved_comment_can_no_longer_be_deleted(world, setup):
    draft, groups = setup
    access = secretariat(world)
    comment = record(access, groups.groups[0], draft, "Ý kiến")
    services.group_comment_resolve(access=access, comment=comment, resolution="accepted", reason="")
    with pytest.raises(BusinessError):
        services.group_comment_delete(access=access, comment=comment)
    assert GroupComment.objects.filter(pk=comment.pk).exists()


def test_a_member_reads_but_may_not_group_or_mark_comments(world, setup):
    from daihoi.accounts.models import Role
    from daihoi.organizations.permissions import Access

    draft, groups = setup
    comment = record(secretariat(world), groups.groups[0], draft, "Ý kiến")
    member = Access(world.users["member"], world.congress, Role.MEMBER)
    with pytest.raises(PermissionDenied):
        services.group_comment_resolve(
            access=member, comment=comment, resolution="accepted", reason=""
        )
    with pytest.raises(PermissionDenied):
        services.theme_create(
            access=member, comment_ids=[comment.pk], summary="S", draft_id=draft.pk
        )
