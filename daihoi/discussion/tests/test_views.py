import io

import docx
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .. import services
from ..models import GroupComment
from .helpers import political_report, record, secretariat, two_groups


@pytest.fixture
def setup(world):
    return political_report(world), two_groups(world)


def _url(name: str, world, **kwargs) -> str:
    return reverse(f"discussion:{name}", kwargs={"congress_id": world.congress.pk, **kwargs})


def test_the_secretariat_records_a_groups_comment_from_the_group_page(world, client, setup):
    draft, groups = setup
    client.force_login(world.users["secretariat"])
    url = _url("group-record", world, discussion_group_id=groups.groups[0].pk)
    section = draft.sections.get(label="III.1")
    response = client.post(
        f"{url}?du_thao={draft.pk}",
        {
            "section": section.pk,
            "text": "Đào tạo cán bộ người dân tộc thiểu số.",
            "supporters": "7",
        },
    )
    assert response.status_code == 302
    comment = GroupComment.objects.get()
    assert (comment.section, comment.supporters, comment.group) == (section, 7, groups.groups[0])
    page = client.get(response["Location"]).content.decode()
    assert "Đào tạo cán bộ người dân tộc thiểu số." in page and "7 đại biểu cùng ý kiến" in page


def test_a_section_of_another_draft_is_an_invalid_choice_and_saves_nothing(world, client, setup):
    draft, groups = setup
    other = political_report(world)
    client.force_login(world.users["secretariat"])
    url = _url("group-record", world, discussion_group_id=groups.groups[0].pk)
    response = client.post(
        f"{url}?du_thao={draft.pk}",
        {"section": other.sections.get(label="I.1").pk, "text": "Ý kiến"},
    )
    assert response.status_code == 200
    assert not GroupComment.objects.exists()


def test_the_synthesis_page_reads_in_a_fixed_number_of_queries(world, client, setup):
    draft, groups = setup
    access = secretariat(world)
    client.force_login(world.users["secretariat"])
    url = _url("synthesis", world, discussed_draft_id=draft.pk)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    record(access, groups.groups[0], draft, "Ý kiến một", "I.1")
    few = count()
    for n in range(12):
        comment = record(access, groups.groups[n % 2], draft, f"Ý kiến số {n}", "II.1")
        if n % 3 == 0:
            services.theme_create(
                access=access, comment_ids=[comment.pk], summary=f"Nhóm {n}", draft_id=draft.pk
            )
    assert count() == few


def test_the_report_reads_back_with_its_title_sections_groups_and_counts(world, client, setup):
    draft, groups = setup
    access = secretariat(world)
    a = record(access, groups.groups[0], draft, "Cần nêu vùng dược liệu.", "II.1")
    b = record(access, groups.groups[1], draft, "Bổ sung sâm Ngọc Linh.", "II.1")
    theme = services.theme_create(
        access=access, comment_ids=[a.pk, b.pk], summary="Làm rõ vùng dược liệu", draft_id=draft.pk
    )
    services.theme_update(
        access=access,
        theme=theme,
        summary=theme.summary,
        resolution="accepted",
        reason="Bổ sung vào mục II.1.",
        version=None,
    )
    loose = record(access, groups.groups[0], draft, "Rút gọn phần mở đầu.")
    services.group_comment_resolve(
        access=access, comment=loose, resolution="explained", reason="Giữ theo hướng dẫn."
    )
    client.force_login(world.users["leader"])
    response = client.get(_url("report-docx", world, discussed_draft_id=draft.pk))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.docx"')
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Tổng hợp ý kiến thảo luận tổ về dự thảo Báo cáo chính trị trình Đại hội" in text
    assert "2 tổ thảo luận đã có 3 ý kiến" in text
    assert "Đã tiếp thu 2 ý kiến, giải trình 1 ý kiến, còn 0 ý kiến chưa xử lý" in text
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert [
        "1",
        "Làm rõ vùng dược liệu",
        "Tổ số 1; Tổ số 2",
        "Tiếp thu: Bổ sung vào mục II.1.",
    ] in rows
    assert ["1", "Rút gọn phần mở đầu.", "Tổ số 1", "Giải trình: Giữ theo hướng dẫn."] in rows
    assert ["1", "Tổ số 1", "2"] in rows and ["2", "Tổ số 2", "1"] in rows


def test_the_overview_lists_the_groups_in_a_fixed_number_of_queries(world, client, setup):
    from daihoi.delegates.services.groups import group_create

    draft, groups = setup
    access = secretariat(world)
    client.force_login(world.users["leader"])
    url = _url("overview", world)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count()
    for n in range(3, 9):
        group = group_create(access=access, name=f"Tổ số {n}", order=n)
        record(access, group, draft, f"Ý kiến của tổ {n}")
    assert count() == few
