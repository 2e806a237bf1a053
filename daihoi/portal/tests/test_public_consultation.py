import datetime as dt
import io

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from docx import Document as DocxDocument

from daihoi.consultation.models import Comment
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.organizations.permissions import Access

from .. import services
from ..models import Moderation, PublicComment, Sender, Submission
from .helpers import captcha_answer, drafter, editor, open_public

pytestmark = pytest.mark.django_db
XSS = "<script>alert(1)</script>"


def _comment(client, public, section=None, **fields):
    url = reverse("portal:consultation-comment", args=[public.congress_id, public.pk])
    query = f"?muc={section.pk}" if section else ""
    data = {
        "name": "Trần Thị Bình",
        "email": "binh@example.vn",
        "sender": Sender.CITIZEN,
        "organisation": "Phường Quyết Thắng",
        "section": section.pk if section else "",
        "text": "Đề nghị bổ sung chế độ họp bất thường.",
        **captcha_answer(client, url + query),
        **fields,
    }
    return client.post(url + query, data)


def test_a_citizen_comments_on_a_section_and_it_waits_for_an_editor(world, client):
    public = open_public(world)
    section = public.draft.sections.get(label="Điều 3")
    response = _comment(client, public, section)
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.status == Moderation.PENDING
    assert submission.comments.get().section == section
    page_url = reverse("portal:consultation-comment", args=[public.congress_id, public.pk])
    assert "bất thường" not in client.get(f"{page_url}?muc={section.pk}").content.decode()
    services.moderate(
        access=editor(world), model=Submission, ids=[submission.pk], decision="approve"
    )
    assert "bất thường" in client.get(f"{page_url}?muc={section.pk}").content.decode()
    public_page = client.get(reverse("portal:consultation", args=[public.congress_id, public.pk]))
    assert "1 ý kiến đã đăng" in public_page.content.decode()


def test_each_section_shows_its_heading_once_and_its_text_under_it(world, client):
    public = open_public(world)
    section = public.draft.sections.get(label="Điều 3")
    pages = [
        reverse("portal:consultation", args=[public.congress_id, public.pk]),
        reverse("portal:consultation-comment", args=[public.congress_id, public.pk])
        + f"?muc={section.pk}",
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert "Chế độ họp</h" in html and "<p>Điều 3. Chế độ họp</p>" not in html, url
        assert "<p>Tiểu ban họp định kỳ mỗi tháng một lần.</p>" in html, url
    whole = client.get(pages[1].split("?")[0])
    assert whole.status_code == 200 and "Toàn văn dự thảo" in whole.content.decode()


def test_a_comment_after_the_closing_day_is_refused(world, client):
    public = open_public(world, days=1)
    url = reverse("portal:consultation-comment", args=[public.congress_id, public.pk])
    with time_machine.travel(dt.datetime.now() + dt.timedelta(days=3)):
        response = client.post(url, {"name": "A", "email": "a@example.vn", "text": "Muộn"})
        assert response.status_code == 400
        assert "Đã hết hạn góp ý" in response.content.decode()
        assert 'name="captcha_1"' not in client.get(url).content.decode()
        with pytest.raises(BusinessError, match="Đã hết hạn góp ý"):
            services.public_comment_post(
                public=public,
                section=None,
                sent=services.Sent("A", "a@example.vn"),
                sender=Sender.CITIZEN,
                text="Muộn",
            )
    assert not Submission.objects.exists()


def test_script_in_every_public_field_of_a_draft_comment_is_escaped(world, client):
    public = open_public(world)
    _comment(client, public, name=XSS, organisation=XSS, title=XSS, text=XSS)
    submission = Submission.objects.get()
    services.moderate(
        access=editor(world), model=Submission, ids=[submission.pk], decision="approve"
    )
    url = reverse("portal:consultation-comment", args=[public.congress_id, public.pk])
    html = client.get(url).content.decode()
    assert XSS not in html and "&lt;script&gt;" in html
    client.force_login(world.users["secretariat"])
    manage = client.get(reverse("portal:public-manage", args=[public.congress_id, public.pk]))
    assert XSS not in manage.content.decode()


def test_spam_bursts_on_a_draft_are_limited_per_address(world, client, settings):
    settings.DAIHOI_PORTAL_COMMENT_RATE = "2/m"
    public = open_public(world)
    statuses = [_comment(client, public, text=f"Ý kiến {n}").status_code for n in range(4)]
    assert statuses == [302, 302, 429, 429]
    assert _comment(Client(REMOTE_ADDR="10.2.2.2"), public).status_code == 302


def test_the_front_enters_its_consolidated_comments_as_one_submission(world):
    public = open_public(world)
    sections = list(public.draft.sections.order_by("position"))
    submission = services.front_submission_enter(
        access=drafter(world),
        public=public,
        name="Ủy ban MTTQ Việt Nam tỉnh Kon Tum",
        email="mttq@kontum.example.vn",
        organisation="Báo cáo số 12/BC-MTTQ",
        entries=[
            services.FrontEntry(None, "Nhân dân nhất trí với bố cục dự thảo."),
            services.FrontEntry(sections[0].pk, "Làm rõ phạm vi điều chỉnh."),
            services.FrontEntry(sections[1].pk, "   "),
        ],
    )
    assert submission.sender == Sender.FRONT and submission.status == Moderation.APPROVED
    assert submission.comments.count() == 2
    with pytest.raises(PermissionDenied):
        services.front_submission_enter(
            access=Access(world.users["member"], world.congress, "member"),
            public=public,
            name="X",
            email="x@example.vn",
            entries=[services.FrontEntry(None, "Y")],
        )


def _approved(public, sender, section, text, name="Người góp ý"):
    submission = Submission.objects.create(
        consultation=public,
        sender=sender,
        name=name,
        email="g@example.vn",
        status=Moderation.APPROVED,
    )
    return PublicComment.objects.create(submission=submission, section=section, text=text)


def test_the_subcommittee_groups_comments_and_marks_each_group(world):
    public = open_public(world)
    section = public.draft.sections.get(label="Điều 3")
    a = _approved(public, Sender.CITIZEN, section, "Họp hai lần mỗi tháng.")
    b = _approved(public, Sender.DELEGATE, section, "Tăng số lần họp.")
    pending = PublicComment.objects.create(
        submission=Submission.objects.create(consultation=public, name="P", email="p@example.vn"),
        text="Chưa duyệt",
    )
    access = drafter(world)
    theme = services.theme_create(
        access=access, public=public, title="Tăng số lần họp", comment_ids=[a.pk, b.pk, pending.pk]
    )
    assert theme.section == section
    assert set(theme.comments.values_list("pk", flat=True)) == {a.pk, b.pk}
    with pytest.raises(BusinessError, match="lý do"):
        services.theme_resolve(
            access=access, public=public, theme=theme, resolution="explained", reason=" "
        )
    services.theme_resolve(
        access=access,
        public=public,
        theme=theme,
        resolution=Comment.Resolution.EXPLAINED,
        reason="Giữ họp định kỳ mỗi tháng; họp bất thường khi cần.",
    )
    theme.refresh_from_db()
    assert theme.resolution == Comment.Resolution.EXPLAINED
    with pytest.raises(PermissionDenied):
        services.theme_resolve(
            access=Access(
                world.users["officer"], world.congress, "agency", world.agencies["btg"].pk
            ),
            public=public,
            theme=theme,
            resolution=Comment.Resolution.ACCEPTED,
            reason="",
        )


def test_the_synthesis_report_counts_per_section_and_group_of_commenters(world, client):
    public = open_public(world)
    sections = list(public.draft.sections.order_by("position"))
    a = _approved(public, Sender.CITIZEN, sections[0], "Ý kiến một")
    _approved(public, Sender.CITIZEN, sections[0], "Ý kiến hai")
    _approved(public, Sender.AGENCY, sections[2], "Ý kiến ba")
    front = "Ủy ban MTTQ Việt Nam huyện Đắk Hà"
    _approved(public, Sender.FRONT, None, "Ý kiến của Mặt trận", name=front)
    theme = services.theme_create(
        access=drafter(world), public=public, title="Phạm vi điều chỉnh", comment_ids=[a.pk]
    )
    services.theme_resolve(
        access=drafter(world), public=public, theme=theme, resolution="accepted", reason="Đã sửa."
    )
    client.force_login(world.users["secretariat"])
    response = client.get(reverse("portal:synthesis-docx", args=[public.congress_id, public.pk]))
    assert response.status_code == 200
    doc = DocxDocument(io.BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "TỔNG HỢP" in text.upper() and "4 ý kiến" in text
    # The draft is named once, by its own title (not the public call's "Lấy ý kiến…" again).
    assert "góp ý dự thảo Quy chế làm việc của Tiểu ban Tổ chức phục vụ Đại hội" in text
    assert text.lower().count("lấy ý kiến nhân dân") == 1
    tables = {
        t.rows[0].cells[0].text: [[c.text for c in r.cells] for r in t.rows] for t in doc.tables
    }
    counts = tables["Mục"]
    assert counts[0] == [
        "Mục",
        "Nhân dân",
        "Đại biểu",
        "Cơ quan, tổ chức",
        "Mặt trận Tổ quốc (tổng hợp)",
        "Cộng",
    ]
    assert counts[1] == ["Toàn văn", "0", "0", "0", "1", "1"]
    assert counts[2][0].startswith("Điều 1") and counts[2][1:] == ["2", "0", "0", "0", "2"]
    assert counts[-1] == ["Tổng cộng", "2", "0", "1", "1", "4"]
    themes = tables["STT"]
    assert themes[1][2] == "Phạm vi điều chỉnh" and themes[1][4] == "Tiếp thu: Đã sửa."
    assert "Còn 3 ý kiến chưa được phân nhóm" in text
    heading = next(p for p in doc.paragraphs if p.text.startswith("II. TIẾP THU"))
    assert heading.paragraph_format.keep_with_next  # never alone at the foot of a page
    # The Front's committee that sent its comments receives the report (and no other level's).
    cells = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert front in text + cells and "MTTQ Việt Nam tỉnh" not in text + cells


def test_a_draft_is_opened_to_the_public_once_and_only_by_its_drafting_side(world):
    public = open_public(world)
    with pytest.raises(BusinessError, match="đã được công bố"):
        services.public_consultation_open(
            access=drafter(world), draft=public.draft, title="", closes_on=public.closes_on
        )
    with pytest.raises(PermissionDenied):
        services.public_consultation_open(
            access=Access(world.users["member"], world.congress, "member"),
            draft=public.draft,
            title="",
            closes_on=public.closes_on,
        )


def test_the_drafting_side_pages_list_and_group(world, client, django_assert_max_num_queries):
    public = open_public(world)
    for n in range(3):
        _approved(public, Sender.CITIZEN, None, f"Ý kiến {n}")
    client.force_login(world.users["secretariat"])
    with django_assert_max_num_queries(20):
        page = client.get(reverse("portal:public-manage", args=[public.congress_id, public.pk]))
    assert page.status_code == 200 and page.content.decode().count('name="ids"') == 3
    with django_assert_max_num_queries(15):
        assert (
            client.get(reverse("portal:public-list", args=[public.congress_id])).status_code == 200
        )
    ids = list(PublicComment.objects.values_list("pk", flat=True))
    response = client.post(
        reverse("portal:theme-save", args=[public.congress_id, public.pk]),
        {"ids": [str(i) for i in ids], "title": "Ý kiến chung"},
    )
    assert response.status_code == 302
    assert PublicComment.objects.filter(theme__title="Ý kiến chung").count() == 3
