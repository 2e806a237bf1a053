import datetime as dt
import secrets

import pytest
from django.urls import reverse
from django.utils import timezone

from daihoi.core.exceptions import PermissionDenied

from ..badge_pdf import QR_PREFIX
from ..models import Badge, CheckIn, Duty, token_hash
from ..selectors import headcount
from ..services.checkin import check_in_by_name, check_in_scan, session_create
from .helpers import make_delegate, make_delegation


def issue_badge(delegate) -> str:
    token = secrets.token_urlsafe(18)
    Badge.objects.create(
        congress=delegate.congress, delegate=delegate, token_hash=token_hash(token)
    )
    return QR_PREFIX + token


@pytest.fixture
def opening(secretariat_access):
    return session_create(
        access=secretariat_access,
        name="Phiên khai mạc",
        starts_at=timezone.make_aware(dt.datetime(2020, 10, 14, 7, 30)),
    )


def test_a_scan_checks_in_once_and_a_second_scan_says_so(secretariat_access, opening):
    delegate = make_delegate(secretariat_access)
    code = issue_badge(delegate)
    first = check_in_scan(access=secretariat_access, session=opening, code=code)
    again = check_in_scan(access=secretariat_access, session=opening, code=code)
    assert first.status == "ok" and first.delegate == delegate
    assert again.status == "again" and "Đã điểm danh lúc" in again.message
    assert CheckIn.objects.filter(session=opening).count() == 1


def test_forged_revoked_and_foreign_badges_are_refused_without_a_name(
    world, secretariat_access, admin_access, opening
):
    delegate = make_delegate(secretariat_access)
    revoked = issue_badge(delegate)
    Badge.objects.filter(delegate=delegate).update(revoked_at=timezone.now())
    issue_badge(delegate)
    from daihoi.organizations.permissions import Access

    other = Access(world.admin, world.other, "admin")
    foreigner = make_delegate(other, make_delegation(other, "Đoàn Đảng bộ thành phố Hải Dương"))
    foreign = issue_badge(foreigner)
    for code, reason in [
        (QR_PREFIX + "gia-mao-khong-co-that", "không hợp lệ"),
        ("https://example.com/khong-phai-the", "không hợp lệ"),
        (revoked, "thu hồi"),
        (foreign, "không hợp lệ"),
    ]:
        result = check_in_scan(access=secretariat_access, session=opening, code=code)
        assert result.status == "refused" and reason in result.message
        assert result.delegate is None and "Y Ngọc" not in result.message
    assert not CheckIn.objects.exists()


def test_gate_staff_check_in_by_name_and_others_cannot(
    world, secretariat_access, member_access, opening
):
    delegate = make_delegate(secretariat_access)
    with pytest.raises(PermissionDenied):
        check_in_by_name(access=member_access, session=opening, delegate=delegate)
    Duty.objects.create(congress=world.congress, user=world.users["member"], kind="gate")
    assert check_in_by_name(access=member_access, session=opening, delegate=delegate).status == "ok"


def test_the_headcount_counts_official_delegates_per_delegation_against_two_thirds(
    secretariat_access, opening
):
    city = make_delegation(secretariat_access)
    district = make_delegation(secretariat_access, "Đoàn Đảng bộ huyện Đắk Hà", order=2)
    people = [make_delegate(secretariat_access, city, full_name=f"TP {i}") for i in range(3)]
    people += [make_delegate(secretariat_access, district, full_name=f"ĐH {i}") for i in range(3)]
    guest = make_delegate(secretariat_access, city, full_name="Khách", kind="guest")
    for d in [*people[:3], people[3], guest]:
        check_in_by_name(access=secretariat_access, session=opening, delegate=d)
    count = headcount(opening)
    assert (count.present, count.total, count.quorum_needed) == (4, 6, 4)
    assert count.has_quorum
    assert [(r.name, r.present, r.total, r.absent) for r in count.rows] == [
        ("Đoàn Đảng bộ thành phố Kon Tum", 3, 3, 0),
        ("Đoàn Đảng bộ huyện Đắk Hà", 1, 3, 2),
    ]


def test_the_scan_endpoint_answers_json_and_the_headcount_page_reads_few_queries(
    world, secretariat_access, opening, client, django_assert_max_num_queries
):
    delegate = make_delegate(secretariat_access)
    code = issue_badge(delegate)
    Duty.objects.create(congress=world.congress, user=world.users["member"], kind="gate")
    client.force_login(world.users["member"])
    url = reverse("delegates:scan", args=[world.congress.pk, opening.pk])
    answer = client.post(url, {"code": code}, content_type="application/json").json()
    assert answer == {
        "status": "ok",
        "message": answer["message"],
        "name": "Y Ngọc",
        "delegation": "Đoàn Đảng bộ thành phố Kon Tum",
        "photo": "",
    }
    assert (
        client.post(url, {"code": code}, content_type="application/json").json()["status"]
        == "again"
    )
    with django_assert_max_num_queries(10):
        page = client.get(reverse("delegates:headcount", args=[world.congress.pk, opening.pk]))
    assert "Có mặt 1 / 1" in page.content.decode()
    search = client.get(
        reverse("delegates:gate-search", args=[world.congress.pk, opening.pk]), {"q": "ngoc"}
    )
    assert "Y Ngọc" in search.content.decode() and "đã điểm danh" in search.content.decode()
    client.force_login(world.users["officer"])
    assert client.post(url, {"code": code}, content_type="application/json").status_code == 403


def test_an_agency_officer_given_the_gate_duty_finds_the_gate_on_the_today_page(
    world, secretariat_access, opening, client
):
    today = reverse("workspace:today", args=[world.congress.pk])
    gate = reverse("delegates:gate", args=[world.congress.pk])
    client.force_login(world.users["officer"])
    assert gate not in client.get(today).content.decode()
    assert client.get(gate).status_code == 403
    Duty.objects.create(congress=world.congress, user=world.users["officer"], kind="gate")
    page = client.get(today).content.decode()
    assert f'href="{gate}"' in page and "Điểm danh đại biểu" in page
    assert "Phiên khai mạc" in client.get(gate).content.decode()
    # Another congress's officer does not learn that this congress has a gate page.
    client.force_login(world.users["outsider"])
    assert client.get(gate).status_code == 404


def test_a_member_without_duty_reaches_the_headcount_of_the_session_under_way_from_a_tab(
    world, secretariat_access, opening, client
):
    later = session_create(
        access=secretariat_access,
        name="Phiên bế mạc",
        starts_at=timezone.now() + dt.timedelta(days=3),
    )
    now = reverse("delegates:headcount-now", args=[world.congress.pk])
    client.force_login(world.users["member"])
    roster = client.get(reverse("delegates:delegate-list", args=[world.congress.pk]))
    assert f'href="{now}"' in roster.content.decode()
    response = client.get(now)
    assert response["Location"] == reverse(
        "delegates:headcount", args=[world.congress.pk, opening.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "Sĩ số đại biểu — Phiên khai mạc" in page
    assert reverse("delegates:headcount", args=[world.congress.pk, later.pk]) in page
    client.force_login(world.users["officer"])
    assert client.get(now).status_code == 403
