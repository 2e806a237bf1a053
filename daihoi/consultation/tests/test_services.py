import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from daihoi.accounts.models import Role
from daihoi.consultation import services
from daihoi.consultation.models import Comment, Consultation, ConsultationAction, Draft
from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.documents import services as document_services
from daihoi.notifications.models import Kind, Notification
from daihoi.organizations.permissions import Access

from .helpers import in_days, officer, secretariat, send, send_rule

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db(transaction=False)


def _answer(world, consultation, key="btg", label="Điều 2", text="Đề nghị bổ sung."):
    draft = services.current_draft(consultation)
    section = draft.sections.get(label=label) if label else None
    return services.comments_submit(
        access=officer(world, key),
        draft=draft,
        entries=[services.Entry(section.pk if section else None, text)],
    )


def test_sending_a_draft_makes_draft_one_with_its_sections_recipients_and_an_audit_entry(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        consultation = send_rule(world)
    draft = services.current_draft(consultation)
    assert draft.number == 1 and not draft.is_final
    assert [s.label for s in draft.sections.all()] == ["Điều 1", "Điều 2", "Điều 3"]
    assert {r.agency_id for r in draft.recipients.all()} == {
        world.agencies["btg"].pk,
        world.agencies["stc"].pk,
    }
    assert [e.action for e in history_of(consultation)] == [ConsultationAction.SENT]
    told = Notification.objects.filter(kind=Kind.CONSULTATION_SENT)
    assert {n.recipient_id for n in told} == {world.users["officer"].pk, world.users["officer2"].pk}


def test_choosing_a_committee_asks_each_of_its_members(world):
    consultation = send(world, send_to=services.SendTo(committees=[world.committee]))
    rows = services.current_draft(consultation).recipients.all()
    assert [r.person_id for r in rows] == [world.chair.pk]


def test_a_registry_draft_gives_its_title_and_text_when_none_is_typed(world):
    document = document_services.document_create(
        access=secretariat(world),
        kind="KH",
        issuer=world.agencies["vptu"],
        subject="Kế hoạch tổ chức Đại hội",
        body="I. MỤC ĐÍCH\n1. Bảo đảm an toàn",
    )
    consultation = send(world, title="", kind="KH", body="", source_document=document)
    assert consultation.title == "Dự thảo Kế hoạch tổ chức Đại hội"
    draft = services.current_draft(consultation)
    assert [s.label for s in draft.sections.all()] == ["I", "I.1"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"send_to": services.SendTo()}, "ít nhất một cơ quan"),
        ({"body": "   "}, "chưa có nội dung"),
        ({"deadline": dt.date(2020, 1, 1)}, "từ hôm nay"),
        ({"title": " "}, "tên dự thảo"),
    ],
)
def test_a_draft_without_recipients_text_a_future_deadline_or_title_is_refused(
    world, change, message
):
    with pytest.raises(BusinessError, match=message):
        send(world, **change)
    assert not Consultation.objects.exists() and not Draft.objects.exists()


def test_an_agency_drafts_only_for_itself_and_a_member_may_not_send(world):
    member_access = Access(world.users["member"], world.congress, Role.MEMBER)
    with pytest.raises(BusinessError, match="chính đơn vị soạn thảo"):
        send(world, access=officer(world), drafting_agency=world.agencies["stc"])
    with pytest.raises(PermissionDenied):
        send(world, access=member_access)
    assert not Consultation.objects.exists()


def test_a_recipient_comments_per_section_and_on_the_whole_and_the_drafters_are_told(
    world, django_capture_on_commit_callbacks
):
    consultation = send_rule(world)
    draft = services.current_draft(consultation)
    section = draft.sections.get(label="Điều 3")
    with django_capture_on_commit_callbacks(execute=True):
        comments = services.comments_submit(
            access=officer(world),
            draft=draft,
            entries=[
                services.Entry(None, "Nhìn chung nhất trí."),
                services.Entry(section.pk, "Họp hai tuần một lần khi gần Đại hội."),
                services.Entry(draft.sections.all()[0].pk, "   "),
            ],
        )
    assert [c.section_label for c in comments] == ["Toàn văn", "Điều 3"]
    recipient = draft.recipients.get(agency=world.agencies["btg"])
    assert recipient.answered_at is not None and not recipient.agreed
    assert Notification.objects.filter(
        kind=Kind.CONSULTATION_ANSWERED, recipient=world.users["secretariat"]
    ).exists()
    assert history_of(consultation)[0].action == ConsultationAction.COMMENTED


def test_agreeing_without_comments_counts_as_an_answer(world):
    consultation = send_rule(world)
    draft = services.current_draft(consultation)
    assert (
        services.comments_submit(access=officer(world), draft=draft, entries=[], agreed=True) == []
    )
    recipient = draft.recipients.get(agency=world.agencies["btg"])
    assert recipient.agreed and recipient.answered_at is not None


def test_an_empty_comment_is_refused_and_saves_nothing(world):
    consultation = send_rule(world)
    draft = services.current_draft(consultation)
    with pytest.raises(BusinessError, match="Chưa có ý kiến nào"):
        services.comments_submit(
            access=officer(world), draft=draft, entries=[services.Entry(None, "  \n ")]
        )
    assert not Comment.objects.exists()
    assert draft.recipients.get(agency=world.agencies["btg"]).answered_at is None


def test_a_comment_after_the_deadline_is_refused_in_vietnamese(world):
    consultation = send_rule(world, deadline_days=2)
    after = dt.datetime.combine(in_days(3), dt.time(0, 30), tzinfo=HANOI)
    late = r"Đã hết hạn góp ý \(hạn \d\d/\d\d/\d{4}\)"
    with time_machine.travel(after, tick=False), pytest.raises(BusinessError, match=late):
        _answer(world, consultation)
    assert not Comment.objects.exists()


def test_a_comment_on_the_deadline_day_itself_is_taken(world):
    consultation = send_rule(world, deadline_days=2)
    with time_machine.travel(
        dt.datetime.combine(in_days(2), dt.time(23, 30), tzinfo=HANOI), tick=False
    ):
        assert len(_answer(world, consultation)) == 1


def test_a_section_of_another_draft_is_refused(world):
    first = send_rule(world)
    other = send_rule(world)
    foreign = services.current_draft(other).sections.all()[0]
    with pytest.raises(BusinessError, match="không thuộc dự thảo này"):
        services.comments_submit(
            access=officer(world),
            draft=services.current_draft(first),
            entries=[services.Entry(foreign.pk, "Ý kiến lạc chỗ")],
        )
    assert not Comment.objects.exists()


def test_an_agency_that_was_not_asked_cannot_comment(world):
    consultation = send_rule(world, agencies=("btg",))
    with pytest.raises(PermissionDenied, match="không được gửi lấy ý kiến"):
        _answer(world, consultation, key="stc")


def test_explaining_a_comment_needs_a_reason_and_accepting_does_not(world):
    consultation = send_rule(world)
    comment = _answer(world, consultation)[0]
    with pytest.raises(BusinessError, match="Giải trình phải nêu lý do"):
        services.comment_resolve(
            access=secretariat(world), comment=comment, resolution="explained", reason=" "
        )
    comment.refresh_from_db()
    assert comment.is_pending
    services.comment_resolve(
        access=secretariat(world), comment=comment, resolution="accepted", reason=""
    )
    comment.refresh_from_db()
    assert comment.resolution == Comment.Resolution.ACCEPTED
    assert comment.resolved_by == world.users["secretariat"]
    assert history_of(consultation)[0].action == ConsultationAction.RESOLVED


def test_a_recipient_cannot_mark_comments(world):
    consultation = send_rule(world)
    comment = _answer(world, consultation)[0]
    with pytest.raises(PermissionDenied):
        services.comment_resolve(
            access=officer(world), comment=comment, resolution="accepted", reason=""
        )


def test_a_second_draft_goes_to_a_new_round_and_the_first_takes_no_more_comments(world):
    consultation = send_rule(world)
    first = services.current_draft(consultation)
    draft = services.draft_revise(
        access=secretariat(world),
        consultation=consultation,
        body="Điều 1. Phạm vi\nĐiều 2. Chế độ báo cáo",
        deadline=in_days(7),
        send_to=services.SendTo(agencies=[world.agencies["btg"]]),
        note="Bổ sung chế độ báo cáo",
    )
    assert draft.number == 2
    with pytest.raises(BusinessError, match="bản mới hơn"):
        services.comments_submit(
            access=officer(world), draft=first, entries=[services.Entry(None, "Muộn")]
        )


def test_adoption_waits_for_every_comment_then_records_the_chain_and_is_final(
    world, django_capture_on_commit_callbacks
):
    consultation = send_rule(world)
    comment = _answer(world, consultation)[0]
    with pytest.raises(BusinessError, match="Còn 1 ý kiến chưa tiếp thu"):
        services.consultation_adopt(
            access=secretariat(world), consultation=consultation, body="Điều 1. Phạm vi"
        )
    services.comment_resolve(
        access=secretariat(world),
        comment=comment,
        resolution="explained",
        reason="Đã quy định tại Quy chế chung.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        final = services.consultation_adopt(
            access=secretariat(world),
            consultation=consultation,
            body="Điều 1. Phạm vi\nĐiều 2. Nguyên tắc",
            note="Thông qua tại phiên họp ngày 05/9",
        )
    consultation.refresh_from_db()
    assert final.is_final and final.number == 2 and final.deadline is None
    assert consultation.status == Consultation.Status.ADOPTED
    assert [d.label for d in consultation.drafts.all()] == ["Dự thảo lần 1", "Bản thông qua"]
    assert Notification.objects.filter(
        kind=Kind.CONSULTATION_ADOPTED, recipient=world.users["officer"]
    ).exists()
    with pytest.raises(BusinessError, match="đã được thông qua"):
        services.consultation_adopt(
            access=secretariat(world), consultation=consultation, body="Lần nữa"
        )
    assert consultation.drafts.filter(is_final=True).count() == 1
    with pytest.raises(BusinessError, match="đã được thông qua"):
        _answer(world, consultation)


def test_reminding_tells_only_those_who_have_not_answered(
    world, django_capture_on_commit_callbacks
):
    consultation = send_rule(world)
    _answer(world, consultation)
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            services.consultation_remind(access=secretariat(world), consultation=consultation) == 1
        )
    reminded = Notification.objects.filter(kind=Kind.CONSULTATION_REMINDER)
    assert [n.recipient_id for n in reminded] == [world.users["officer2"].pk]
    assert history_of(consultation)[0].action == ConsultationAction.REMINDED


def test_reminding_when_all_have_answered_is_refused(world):
    consultation = send_rule(world, agencies=("btg",))
    _answer(world, consultation)
    with pytest.raises(BusinessError, match="không còn ai để nhắc"):
        services.consultation_remind(access=secretariat(world), consultation=consultation)


def test_the_drafting_agencys_officer_manages_its_own_consultation(world):
    consultation = send(
        world,
        access=officer(world),
        drafting_agency=world.agencies["btg"],
        send_to=services.SendTo(agencies=[world.agencies["stc"]]),
    )
    services.consultation_share(access=officer(world), consultation=consultation, shared=True)
    consultation.refresh_from_db()
    assert consultation.synthesis_shared
    with pytest.raises(PermissionDenied):
        services.consultation_share(
            access=officer(world, "stc"), consultation=consultation, shared=False
        )
