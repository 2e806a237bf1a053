"""The secretariat founds a committee and names its members with their duties; a member signs in
and reads "Trách nhiệm của tôi"."""

import pytest

from daihoi.organizations.models import Committee, Membership, Participation, Person
from daihoi.testing.factories import PASSWORD, TaskFactory, build_world

from .conftest import login, logout
from .organisation_steps import add_member, add_person, congress_url, found_committee

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_secretariat_sets_up_a_committee_and_a_member_reads_their_duties(page, live_server):
    world = build_world()
    cid = world.congress.pk
    login(page, live_server, "secretariat", PASSWORD)
    add_person(
        page,
        live_server,
        cid,
        "Lê Văn Bình",
        "Phó Trưởng Ban Tuyên giáo Tỉnh ủy",
        "Ban Tuyên giáo Tỉnh ủy",
    )
    assert "Đã thêm cán bộ" in page.content()
    found_committee(
        page,
        live_server,
        cid,
        "Tổ biên tập văn kiện",
        "Tổ giúp việc",
        parent="Tiểu ban Tổ chức phục vụ Đại hội",
        functions="Giúp Tiểu ban biên tập các dự thảo văn kiện.",
        duties=["Tổng hợp ý kiến góp ý", "Biên tập dự thảo báo cáo chính trị"],
    )
    assert page.locator("h1").inner_text() == "Tổ biên tập văn kiện"
    add_member(
        page,
        "Nguyễn Hữu Hải",
        "Tổ trưởng",
        duties=["Điều hành chung tổ biên tập"],
        areas=["Văn kiện"],
    )
    add_member(
        page,
        "Lê Văn Bình",
        "Thành viên",
        duties=["Tổng hợp ý kiến góp ý của các sở, ngành"],
        areas=["Tuyên truyền", "Báo chí"],
        agencies=["Sở Văn hóa, Thể thao và Du lịch"],
    )
    assert "Tổng hợp ý kiến góp ý của các sở, ngành" in page.content()
    assert "Theo dõi: SVHTTDL" in page.content()
    group = Committee.objects.get(name="Tổ biên tập văn kiện")
    assert group.parent == world.committee
    assert group.memberships.get(role=Membership.Role.GROUP_LEADER).person == world.chair
    logout(page)

    # The member's account is linked to the person (the accounts pages do that); a task of the
    # agency the member follows is what follows from the duty.
    binh = Person.objects.get(full_name="Lê Văn Bình")
    Participation.objects.filter(user=world.users["member"]).update(person=binh)
    TaskFactory.create(lead_agency=world.agencies["svh"], title="Dựng pano chào mừng Đại hội")
    login(page, live_server, "member", PASSWORD)
    page.goto(congress_url(live_server, cid))
    page.click("nav >> text=Trách nhiệm của tôi")
    assert page.locator("h1").inner_text() == "Trách nhiệm của tôi"
    memberships = page.locator("#my-memberships")
    assert "Tổ biên tập văn kiện" in memberships.inner_text()
    assert "Tổng hợp ý kiến góp ý của các sở, ngành" in memberships.inner_text()
    assert "Tuyên truyền, Báo chí" in memberships.inner_text()
    assert "Dựng pano chào mừng Đại hội" in page.content()
