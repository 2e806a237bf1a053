"""The delegates through the API: the roster kept with the pages' rules and messages, the
import all or nothing, groups, the gate and the headcount, badges asked of the worker,
accounts and duties; another congress's objects answer 404, a read-only token writes nothing,
and every write's audit entry names its token."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from daihoi.api.models import Scope
from daihoi.core.models import AuditEntry
from daihoi.delegates.models import BadgeBatch, CheckIn, Delegate, DiscussionGroup, Duty
from daihoi.delegates.services.checkin import session_create
from daihoi.delegates.services.groups import group_assign, group_create
from daihoi.delegates.tests.helpers import make_delegate, make_delegation
from daihoi.delegates.tests.test_checkin import issue_badge
from daihoi.delegates.tests.test_import import GOOD, xlsx
from daihoi.testing.files import png_upload

from .helpers import ApiClient

BODY = {
    "kind": "official",
    "full_name": "Trần Thị Hồng Nhung",
    "gender": "female",
    "birth_year": 1978,
    "party_joined_on": "03/02/2002",
    "position": "Bí thư Đảng ủy phường",
}


def _base(world) -> str:
    return f"/congresses/{world.congress.pk}"


def _entry(action: str) -> AuditEntry:
    return AuditEntry.objects.filter(action=action).latest("id")


def test_the_secretariat_adds_and_edits_a_delegate_with_its_version(world, secretariat_access):
    delegation = make_delegation(secretariat_access)
    client = ApiClient(world.users["secretariat"])
    base = _base(world) + "/delegates/"

    made = client.post(base, BODY | {"delegation": delegation.pk})
    assert made.status_code == 201, made.content
    delegate = Delegate.objects.get(pk=made.json()["id"])
    assert delegate.full_name == "Trần Thị Hồng Nhung"
    assert delegate.party_joined_on == dt.date(2002, 2, 3)
    assert made.json()["kind_label"] == "Chính thức" and made.json()["version"] == 1
    assert _entry("delegate.created").data["api_token"] == client.token.prefix

    edit = BODY | {"delegation": delegation.pk, "position": "Phó Bí thư", "version": 1}
    saved = client.put(f"{base}{delegate.pk}/", edit)
    assert saved.status_code == 200, saved.content
    assert saved.json()["position"] == "Phó Bí thư" and saved.json()["version"] == 2
    delegate.refresh_from_db()
    assert delegate.position == "Phó Bí thư"
    stale = client.put(f"{base}{delegate.pk}/", edit | {"position": "Ủy viên"})
    assert stale.status_code == 409
    delegate.refresh_from_db()
    assert delegate.position == "Phó Bí thư"
    assert _entry("delegate.updated").data["api_token"] == client.token.prefix
    history = client.all(f"{base}{delegate.pk}/history/")
    assert [e["action"] for e in history] == ["delegate.updated", "delegate.created"]
    assert ["Chức vụ", "Bí thư Đảng ủy phường", "Phó Bí thư"] in history[0]["changes"]


def test_a_delegate_is_refused_with_the_forms_vietnamese_messages(world, secretariat_access):
    delegation = make_delegation(secretariat_access)
    client = ApiClient(world.users["secretariat"])
    base = _base(world) + "/delegates/"

    bad = client.post(base, BODY | {"delegation": delegation.pk, "kind": "x", "birth_year": 1800})
    assert bad.status_code == 400
    errors = bad.json()["errors"]
    assert errors["kind"] == [
        "Hãy chọn một lựa chọn hợp lệ. x không phải là một trong các lựa chọn khả thi."
    ]
    assert errors["birth_year"] == ["Đảm bảo giá trị này lớn hơn hoặc bằng với 1900 ."]
    young = client.post(base, BODY | {"delegation": delegation.pk, "birth_year": 1995})
    assert young.status_code == 400
    assert "chưa đủ 17 tuổi" in young.json()["errors"]["party_joined_on"][0]
    assert not Delegate.objects.filter(congress=world.congress).exists()


def test_the_roster_list_filters_as_the_page_and_hides_personal_data(world, secretariat_access):
    kontum = make_delegation(secretariat_access)
    daktô = make_delegation(secretariat_access, "Đoàn Đảng bộ huyện Đắk Tô", order=2)
    make_delegate(secretariat_access, kontum)
    make_delegate(secretariat_access, daktô, full_name="Nguyễn Văn Ánh", birth_year=1970)
    path = _base(world) + "/delegates/"

    member = ApiClient(world.users["member"])
    rows = member.all(path, {"q": "nguyen van anh"})
    assert [r["full_name"] for r in rows] == ["Nguyễn Văn Ánh"]
    assert "phone" not in rows[0] and "birth_year" not in rows[0]
    assert len(member.all(path, {"delegation": kontum.pk})) == 1
    assert member.all(path, {"kind": "guest"}) == []
    assert ApiClient(world.users["officer"]).get(path).status_code == 403


def test_another_congress_delegate_answers_404_and_a_read_token_writes_nothing(
    world, secretariat_access
):
    delegate = make_delegate(secretariat_access)
    outsider = ApiClient(world.users["outsider"])
    assert outsider.get(f"{_base(world)}/delegates/{delegate.pk}/").status_code == 404
    # The other congress's own secretariat does not reach this delegate through its congress.
    other = f"/congresses/{world.other.pk}/delegates/{delegate.pk}/"
    assert ApiClient(world.admin).get(other).status_code == 404

    reader = ApiClient(world.users["secretariat"], scope=Scope.READ)
    body = BODY | {"delegation": delegate.delegation_id, "position": "Ủy viên"}
    assert reader.put(f"{_base(world)}/delegates/{delegate.pk}/", body).status_code == 403
    assert reader.post(f"{_base(world)}/delegations/", {"name": "Đoàn mới"}).status_code == 403
    delegate.refresh_from_db()
    assert delegate.position == "Phó Bí thư Thành ủy"


def test_an_alternate_replaces_an_official_delegate(world, secretariat_access):
    delegate = make_delegate(secretariat_access)
    alternate = make_delegate(
        secretariat_access, kind="alternate", full_name="A Thư", birth_year=1975
    )
    client = ApiClient(world.users["secretariat"])
    path = f"{_base(world)}/delegates/{delegate.pk}/replace/"
    missing = client.post(path, {"substitute": alternate.pk, "reason": "", "decided_on": "x"})
    assert missing.status_code == 400
    assert set(missing.json()["errors"]) == {"reason", "decided_on"}

    done = client.post(
        path, {"substitute": alternate.pk, "reason": "Chuyển công tác", "decided_on": "01/09/2020"}
    )
    assert done.status_code == 200, done.content
    assert done.json()["substitute"]["kind"] == "official"
    delegate.refresh_from_db()
    alternate.refresh_from_db()
    assert not delegate.is_active and alternate.kind == "official"
    assert _entry("delegate.replaced").data["api_token"] == client.token.prefix


def test_a_photo_is_uploaded_and_read_back_by_the_gate(world, secretariat_access):
    delegate = make_delegate(secretariat_access)
    client = ApiClient(world.users["secretariat"])
    path = f"{_base(world)}/delegates/{delegate.pk}/photo/"
    assert client.get(path).status_code == 404
    wrong = client.post_form(path, {"photo": SimpleUploadedFile("a.txt", b"chu", "text/plain")})
    assert wrong.status_code == 400
    assert wrong.json()["errors"]["photo"] == ["Ảnh đại biểu phải là tệp JPG hoặc PNG."]
    png = png_upload()
    sent = client.post_form(path, {"photo": png})
    assert sent.status_code == 200, sent.content
    assert sent.json()["has_photo"] and sent.json()["full_name"] == delegate.full_name
    got = client.get(path)
    assert got.status_code == 200
    assert b"".join(got.streaming_content).startswith(b"\x89PNG")


def test_the_import_takes_every_row_or_none_and_names_each_problem(world, secretariat_access):
    make_delegation(secretariat_access, "Đoàn Đảng bộ huyện Đắk Tô")
    client = ApiClient(world.users["secretariat"])
    path = _base(world) + "/roster-import/"
    empty = client.post_form(path, {})
    assert empty.status_code == 400 and empty.json()["errors"]["file"]

    bad = client.post_form(path, {"file": xlsx([GOOD, GOOD | {"full_name": ""}])})
    assert bad.status_code == 400
    assert any(line.startswith("Dòng 3: ") for line in bad.json()["errors"]["rows"])
    assert not Delegate.objects.filter(congress=world.congress).exists()

    good = client.post_form(path, {"file": xlsx([GOOD, GOOD | {"full_name": "A Sang"}])})
    assert good.status_code == 201, good.content
    assert good.json() == {"created": 2}
    assert Delegate.objects.filter(congress=world.congress).count() == 2
    assert _entry("delegate.imported").data["api_token"] == client.token.prefix
    template = client.get(path + "template/")
    assert template.status_code == 200 and template.content[:2] == b"PK"


def test_groups_are_made_and_filled_and_members_removed(world, secretariat_access):
    delegate = make_delegate(secretariat_access)
    client = ApiClient(world.users["secretariat"])
    groups = _base(world) + "/discussion-groups/"
    made = client.post(groups, {"name": "Tổ thảo luận số 1"})
    assert made.status_code == 201, made.content
    group = DiscussionGroup.objects.get(pk=made.json()["id"])
    assert [d["id"] for d in client.all(groups + "ungrouped/")] == [delegate.pk]
    twice = client.post(groups, {"name": "Tổ thảo luận số 1"})
    assert twice.json()["errors"]["name"] == ["Đã có “Tổ thảo luận số 1”."]

    placed = client.post(
        f"{groups}{group.pk}/members/", {"delegate": delegate.pk, "role": "leader"}
    )
    assert placed.status_code == 201, placed.content
    assert placed.json()["role_label"] == "Tổ trưởng"
    read = client.get(f"{groups}{group.pk}/")
    assert [m["delegate"]["id"] for m in read.json()["members"]] == [delegate.pk]
    removed = client.delete(f"{groups}{group.pk}/members/{placed.json()['id']}/")
    assert removed.status_code == 204
    assert not group.members.exists()
    whole = client.post(f"{groups}{group.pk}/delegations/", {"delegation": delegate.delegation_id})
    assert whole.json() == {"assigned": 1}
    assert _entry("discussion_group.assigned").data["api_token"] == client.token.prefix
    # The member reads the groups but keeps none.
    member = ApiClient(world.users["member"])
    assert member.get(f"{groups}{group.pk}/").status_code == 200
    assert member.post(groups, {"name": "Tổ 9"}).status_code == 403


def test_the_gate_checks_in_by_code_and_by_name_and_counts_the_headcount(world, secretariat_access):
    delegate = make_delegate(secretariat_access)
    other = make_delegate(secretariat_access, full_name="Lê Văn Tám", birth_year=1970)
    client = ApiClient(world.users["secretariat"])
    sessions = _base(world) + "/checkin-sessions/"
    wrong = client.post(sessions, {"name": "Phiên khai mạc", "day": "31/02/2020"})
    assert wrong.status_code == 400
    assert wrong.json()["errors"]["day"] == [
        "Ngày (dd/mm/yyyy) hoặc giờ (HH:MM) của phiên không hợp lệ."
    ]
    made = client.post(sessions, {"name": "Phiên khai mạc", "day": "01/01/2020", "hour": "07:30"})
    assert made.status_code == 201, made.content
    session = made.json()["id"]

    code = issue_badge(delegate)
    first = client.post(f"{sessions}{session}/scans/", {"code": code})
    assert first.json()["status"] == "ok" and first.json()["name"] == delegate.full_name
    again = client.post(f"{sessions}{session}/scans/", {"code": code})
    assert again.json()["status"] == "again"
    forged = client.post(f"{sessions}{session}/scans/", {"code": "DH1:gia-mao"})
    assert forged.json()["status"] == "refused" and forged.json()["name"] is None
    by_name = client.post(f"{sessions}{session}/check-ins/", {"delegate": other.pk})
    assert by_name.json()["status"] == "ok"
    assert CheckIn.objects.filter(session_id=session).count() == 2
    assert _entry("delegate.checked_in").data["api_token"] == client.token.prefix

    hits = client.get(f"{sessions}{session}/search/", {"q": "le van"})
    assert hits.json() == [
        {
            "id": other.pk,
            "full_name": "Lê Văn Tám",
            "delegation": other.delegation.name,
            "present": True,
        }
    ]
    count = client.get(f"{sessions}{session}/headcount/").json()
    assert (count["present"], count["total"], count["has_quorum"]) == (2, 2, True)
    now = client.get(_base(world) + "/checkin-headcount/").json()
    assert now["session"]["id"] == session
    # Someone without the gate duty is refused with the page's message.
    refused = ApiClient(world.users["member"]).post(f"{sessions}{session}/scans/", {"code": code})
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("Chỉ tổ điểm danh")


def test_badges_are_asked_of_the_worker_followed_and_downloaded(world, secretariat_access):
    make_delegate(secretariat_access)
    client = ApiClient(world.users["secretariat"])
    batches = _base(world) + "/badge-batches/"
    asked = client.post(batches, {})
    assert asked.status_code == 202, asked.content
    assert asked.json()["state"] == "queued" and asked.json()["total"] == 1
    batch = BadgeBatch.objects.get(pk=asked.json()["id"])
    assert client.get(f"{batches}{batch.pk}/pdf/").status_code == 404
    from daihoi.delegates.services.badges import batch_run

    batch_run(batch.pk)
    state = client.get(f"{batches}{batch.pk}/").json()
    assert state["state"] == "done" and state["pdf_ready"]
    pdf = client.get(f"{batches}{batch.pk}/pdf/")
    assert pdf.status_code == 200
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert ApiClient(world.users["member"]).get(f"{batches}{batch.pk}/").status_code == 404


def test_accounts_slips_and_duties_are_the_secretariats(delegate_world):
    world = delegate_world
    from daihoi.accounts.models import Role
    from daihoi.organizations.permissions import Access

    acting = Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)
    newcomer = make_delegate(acting, full_name="Hồ Văn Mới", birth_year=1970)
    client = ApiClient(world.users["secretariat"])
    base = _base(world)
    made = client.post(f"{base}/delegates/{newcomer.pk}/account/", {})
    assert made.status_code == 201, made.content
    assert made.json()["account"]["username"]
    twice = client.post(f"{base}/delegates/{newcomer.pk}/account/", {})
    assert twice.status_code == 400
    assert twice.json()["detail"] == "Đại biểu Hồ Văn Mới đã có tài khoản."
    slips = client.post(f"{base}/delegate-accounts/slips/", {"delegate": newcomer.pk})
    assert slips.status_code == 200 and slips.json()[0]["password"]
    assert client.post(f"{base}/delegate-accounts/create-all/").json() == {"created": 0}

    duty = client.post(
        f"{base}/delegate-duties/", {"user": world.users["member"].pk, "kind": "gate"}
    )
    assert duty.status_code == 201, duty.content
    assert Duty.objects.filter(user=world.users["member"], kind="gate").exists()
    assert _entry("delegate_duty.given").data["api_token"] == client.token.prefix
    wrong = client.post(f"{base}/delegate-duties/", {"user": world.users["member"].pk, "kind": "x"})
    assert wrong.json()["errors"]["kind"] == ["Công việc không hợp lệ."]
    assert client.delete(f"{base}/delegate-duties/{duty.json()['id']}/").status_code == 204
    leader = ApiClient(world.users["leader"])
    assert leader.get(f"{base}/delegate-accounts/").status_code == 403


def test_the_delegate_reads_their_own_area(delegate_world):
    world = delegate_world
    client = ApiClient(world.users["delegate"])
    area = client.get(_base(world) + "/my-delegate-area/")
    assert area.status_code == 200, area.content
    assert area.json()["delegate"]["id"] == world.delegate.pk
    assert area.json()["programme"] is None
    assert (
        ApiClient(world.users["secretariat"]).get(_base(world) + "/my-delegate-area/").status_code
        == 404
    )


LISTS = (
    "/delegates/",
    "/delegations/",
    "/discussion-groups/",
    "/discussion-groups/ungrouped/",
    "/delegate-accounts/",
    "/delegate-duties/",
    "/badge-batches/",
    "/checkin-sessions/",
)


def _grow(world, acting, delegation, group, start: int, count: int) -> None:
    """`count` more delegates, half in the group, each with a badge batch, an account, a
    session and a duty given to another user."""
    from daihoi.delegates.services.accounts import delegate_account_create

    for i in range(start, start + count):
        delegate = make_delegate(
            acting, delegation, full_name=f"Đại biểu số {i}", birth_year=1950 + i
        )
        if i % 2:
            group_assign(access=acting, group=group, delegate=delegate, role="member")
        delegate_account_create(access=acting, delegate=delegate)
        BadgeBatch.objects.create(congress=world.congress, total=1, delegate=delegate)
        session_create(access=acting, name=f"Phiên {i}", starts_at=timezone.now())
    kinds = ("gate", "credentials")
    users = ("officer", "officer2", "member", "leader")
    for i in range(start, start + count):
        user = world.users[users[i % 4]]
        Duty.objects.get_or_create(congress=world.congress, user=user, kind=kinds[i // 4 % 2])


def test_the_lists_take_a_fixed_number_of_queries(
    world, secretariat_access, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    delegation = make_delegation(secretariat_access)
    group = group_create(access=secretariat_access, name="Tổ 1")
    client = ApiClient(world.users["secretariat"])
    base = _base(world)

    def counts() -> dict[str, int]:
        found = {}
        for path in LISTS:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(base + path)
            assert response.status_code == 200, (path, response.content)
            assert response.json()["results"], path
            found[path] = len(queries)
        return found

    _grow(world, secretariat_access, delegation, group, 0, 2)
    client.get(base + "/delegates/")  # the token's first use is recorded once
    few = counts()
    _grow(world, secretariat_access, delegation, group, 2, 6)
    many = counts()
    assert many == few
    for path in LISTS:
        with django_assert_max_num_queries(10):
            client.get(base + path)
