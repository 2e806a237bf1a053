"""The meeting's invitation and conclusion notice go through the official document registry."""

import io

import pytest
from docx import Document as Docx

from daihoi.core.exceptions import BusinessError
from daihoi.documents.models import Document, DocumentKind
from daihoi.meetings import services
from daihoi.planning.models import Area, Phase

pytestmark = pytest.mark.django_db


def docx_text(document) -> str:
    document.docx.open("rb")
    parsed = Docx(io.BytesIO(document.docx.read()))
    document.docx.close()
    texts = [p.text for p in parsed.paragraphs]
    for table in parsed.tables:
        for row in table.rows:
            for cell in row.cells:
                texts += [p.text for p in cell.paragraphs]
    return "\n".join(texts)


def issue_notice(world, access, meeting, **overrides):
    kwargs = dict(
        access=access,
        meeting=meeting,
        issuer=world.agencies["vptu"],
        signer=world.chair,
        signer_title="Trưởng Tiểu ban",
        authority="T/M TIỂU BAN",
        recipients="- Như trên;\n- Lưu: VT.",
    )
    kwargs.update(overrides)
    return services.meeting_issue_notice(**kwargs)


def test_notice_is_numbered_registered_and_carries_the_conclusions(
    world, secretariat_access, held_meeting
):
    meeting = held_meeting
    first = services.conclusion_add(
        access=secretariat_access, meeting=meeting, text="Ban Tuyên giáo hoàn thành pano."
    )
    services.conclusion_add(
        access=secretariat_access, meeting=meeting, text="Sở Tài chính bố trí kinh phí."
    )
    services.conclusion_to_task(
        access=secretariat_access,
        conclusion=first,
        lead_agency=world.agencies["btg"],
        coordinating_agencies=[world.agencies["svh"]],
        area=Area.PROPAGANDA,
        phase=Phase.BEFORE,
    )

    document = issue_notice(world, secretariat_access, meeting)

    meeting.refresh_from_db()
    assert meeting.notice == document
    assert document.kind == DocumentKind.TB and document.status == Document.Status.ISSUED
    assert document.number == 1
    assert document.subject.startswith("Kết luận của đồng chí Nguyễn Hữu Hải")
    # The agencies invited and those given tasks may read it.
    assert {a.name for a in document.recipient_agencies.all()} == {
        "Ban Tuyên giáo Tỉnh ủy",
        "Sở Tài chính",
        "Sở Văn hóa, Thể thao và Du lịch",
    }
    text = docx_text(document)
    assert "THÔNG BÁO" in text
    assert "1. Ban Tuyên giáo hoàn thành pano." in text
    assert "2. Sở Tài chính bố trí kinh phí." in text
    assert document.symbol in text


def test_notice_without_conclusions_or_signer_is_refused_and_nothing_is_issued(
    world, secretariat_access, held_meeting
):
    meeting = held_meeting
    from daihoi.documents.models import Document

    with pytest.raises(BusinessError, match="chưa có kết luận"):
        issue_notice(world, secretariat_access, meeting)
    services.conclusion_add(access=secretariat_access, meeting=meeting, text="Một việc")
    with pytest.raises(BusinessError):
        issue_notice(world, secretariat_access, meeting, signer=None)
    meeting.refresh_from_db()
    assert meeting.notice is None
    assert not Document.objects.filter(status="issued").exists()


def test_second_invitation_supersedes_the_first(
    world, secretariat_access, meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = services.meeting_issue_invitation(
            access=secretariat_access,
            meeting=meeting,
            issuer=world.agencies["vptu"],
            signer=world.chair,
            recipients="- Như thành phần mời;\n- Lưu: VT.",
        )
        second = services.meeting_issue_invitation(
            access=secretariat_access,
            meeting=meeting,
            issuer=world.agencies["vptu"],
            signer=world.chair,
            recipients="- Như thành phần mời;\n- Lưu: VT.",
        )
    first.refresh_from_db()
    assert first.kind == DocumentKind.GM and first.status == Document.Status.SUPERSEDED
    assert second.replaces == first and second.number == 2
    assert "Đánh giá tiến độ Kế hoạch 06" in docx_text(second)
