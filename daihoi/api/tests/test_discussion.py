"""The group discussion through the API: a group's secretary (from the delegate's account) and
the Document subcommittee record comments, the subcommittee marks them and gathers them into
themes, readers of the whole congress read the synthesis and its report; the pages' rules."""

import io

import pytest
from docx import Document as DocxDocument

from daihoi.accounts.models import Role
from daihoi.api.models import Scope
from daihoi.consultation.models import Resolution
from daihoi.core.models import AuditEntry
from daihoi.discussion.models import GroupComment, Theme
from daihoi.discussion.tests.helpers import political_report, record, secretariat, two_groups
from daihoi.organizations.models import Participation

from .helpers import ApiClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(world):
    return political_report(world), two_groups(world)


def _d(world) -> str:
    return f"/congresses/{world.congress.pk}/discussion/"


def test_a_secretary_records_for_their_own_group_only(world, setup):
    draft, groups = setup
    user = world.users["member"]
    Participation.objects.filter(user=user, congress=world.congress).delete()
    Participation.objects.create(
        user=user, congress=world.congress, role=Role.DELEGATE, delegate=groups.secretaries[0]
    )
    secretary = ApiClient(user)
    overview = secretary.get(_d(world))
    assert overview.status_code == 200, overview.content
    assert overview.json()["reads_all"] is False
    assert [g["name"] for g in overview.json()["mine"]] == ["Tổ số 1"]
    assert [d["id"] for d in overview.json()["drafts"]] == [draft.pk]

    own = f"{_d(world)}groups/{groups.groups[0].pk}/comments/"
    made = secretary.post(own, {"draft": draft.pk, "text": "Ý kiến của tổ 1", "supporters": 4})
    assert made.status_code == 201, made.content
    assert made.json()["section"] == "Toàn văn dự thảo"
    entry = AuditEntry.objects.get(object_id=made.json()["id"], action="group_comment.recorded")
    assert entry.data.get("api_token") == secretary.token.prefix
    empty = secretary.post(own, {"draft": draft.pk, "supporters": 0})
    assert empty.status_code == 400
    assert set(empty.json()["errors"]) == {"text", "supporters"}
    other = f"{_d(world)}groups/{groups.groups[1].pk}/comments/"
    refused = secretary.post(other, {"draft": draft.pk, "text": "Ghi hộ"})
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("Chỉ thư ký của tổ")
    assert [c["text"] for c in secretary.all(own)] == ["Ý kiến của tổ 1"]
    assert list(GroupComment.objects.values_list("group__name", flat=True)) == ["Tổ số 1"]


def test_a_comment_is_corrected_with_its_version_marked_and_deleted(world, setup):
    draft, groups = setup
    comment = record(secretariat(world), groups.groups[0], draft, "Bổ sung chỉ tiêu.", "I.1")
    office = ApiClient(world.users["secretariat"])
    url = f"{_d(world)}comments/{comment.pk}/"
    read = office.get(url)
    assert read.status_code == 200 and read.json()["section"].startswith("I.1")
    body = {"text": "Bổ sung chỉ tiêu thu ngân sách.", "version": read.json()["version"]}
    assert office.put(url, body).status_code == 200
    comment.refresh_from_db()
    assert comment.text == "Bổ sung chỉ tiêu thu ngân sách." and comment.section is None
    assert office.put(url, body).status_code == 409

    no_reason = office.post(url + "resolve/", {"resolution": "explained"})
    assert no_reason.status_code == 400 and "reason" in no_reason.json()["errors"]
    marked = office.post(url + "resolve/", {"resolution": "accepted", "reason": "Đã bổ sung."})
    assert marked.status_code == 200 and marked.json()["resolution_label"] == "Tiếp thu"
    refused = office.delete(url)
    assert refused.status_code == 400
    assert "không xóa được nữa" in refused.json()["detail"]

    loose = record(secretariat(world), groups.groups[1], draft, "Ý kiến ghi nhầm")
    assert office.delete(f"{_d(world)}comments/{loose.pk}/").status_code == 204
    assert not GroupComment.objects.filter(pk=loose.pk).exists()
    read_only = ApiClient(world.users["secretariat"], scope=Scope.READ)
    assert read_only.delete(url).status_code == 403


def test_themes_are_gathered_marked_and_dissolved_and_the_report_reads_them(world, setup):
    draft, groups = setup
    office = secretariat(world)
    first = record(office, groups.groups[0], draft, "Nêu rõ vùng dược liệu.", "II.1")
    second = record(office, groups.groups[1], draft, "Quy hoạch vùng dược liệu.", "II.1")
    api = ApiClient(world.users["secretariat"])
    themes = f"{_d(world)}drafts/{draft.pk}/themes/"
    made = api.post(themes, {"comments": [first.pk, second.pk], "summary": "Vùng dược liệu"})
    assert made.status_code == 201, made.content
    assert [c["group"] for c in made.json()["comments"]] == ["Tổ số 1", "Tổ số 2"]
    theme_url = f"{_d(world)}themes/{made.json()['id']}/"
    marked = api.put(
        theme_url,
        {"summary": "Làm rõ vùng dược liệu", "resolution": "accepted", "version": 1},
    )
    assert marked.status_code == 200, marked.content
    assert set(GroupComment.objects.values_list("resolution", flat=True)) == {Resolution.ACCEPTED}

    leader = ApiClient(world.users["leader"])
    synthesis = leader.get(f"{_d(world)}drafts/{draft.pk}/")
    assert synthesis.status_code == 200 and synthesis.json()["synthesiser"] is False
    [block] = synthesis.json()["blocks"]
    assert block["themes"][0]["summary"] == "Làm rõ vùng dược liệu" and block["count"] == 2
    assert synthesis.json()["totals"]["accepted"] == 2
    docx = leader.get(f"{_d(world)}drafts/{draft.pk}/report/docx/")
    assert docx.status_code == 200
    text = "\n".join(
        cell.text
        for table in DocxDocument(io.BytesIO(docx.content)).tables
        for row in table.rows
        for cell in row.cells
    )
    assert "Làm rõ vùng dược liệu" in text
    assert leader.post(theme_url + "dissolve/").status_code == 403

    dissolved = api.post(theme_url + "dissolve/")
    assert dissolved.status_code == 200
    assert dissolved.json()["detail"] == "Đã bỏ nhóm; 2 ý kiến trở lại chưa xử lý."
    assert not Theme.objects.exists()
    officer = ApiClient(world.users["officer"])
    assert officer.get(f"{_d(world)}drafts/{draft.pk}/").status_code == 403
    outsider = ApiClient(world.users["outsider"])
    assert (
        outsider.get(f"/congresses/{world.other.pk}/discussion/drafts/{draft.pk}/").status_code
        == 404
    )


def test_a_groups_comments_read_in_a_fixed_number_of_queries(
    world, setup, django_assert_max_num_queries
):
    draft, groups = setup
    office = ApiClient(world.users["secretariat"])
    url = f"{_d(world)}groups/{groups.groups[0].pk}/comments/"
    record(secretariat(world), groups.groups[0], draft, "Ý kiến 0", "I.1")
    with django_assert_max_num_queries(14) as few:
        assert len(office.all(url, {"draft": draft.pk})) == 1
    for n in range(1, 5):
        record(secretariat(world), groups.groups[0], draft, f"Ý kiến {n}", "I.1")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(office.all(url, {"draft": draft.pk})) == 5
