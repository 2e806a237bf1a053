"""Setting up a new congress from nothing, in the browser, as the issue asks: the congress, its
agencies from an XLSX file, a committee with members and their duties, then an agency's officer
invited by e-mail who sets a password from the mailed link and signs in. It chains the steps of
the congress set-up, organisation and account flows."""

import pytest

from daihoi.organizations.models import Committee, Congress, Participation
from daihoi.organizations.tests.helpers import KON_TUM_ROWS, agency_sheet
from daihoi.testing.factories import PASSWORD, UserFactory

from .conftest import login, logout
from .organisation_steps import add_member, add_person, found_committee
from .test_account_invitation_flow import accept_invitation, invitation_link, invite_officer
from .test_congress_setup_flow import create_congress, import_agencies

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_new_congress_is_set_up_from_nothing_to_an_officers_first_sign_in(
    page, live_server, tmp_path
):
    UserFactory.create(username="quantri", is_superuser=True, is_staff=True)
    sheet = tmp_path / "co-quan.xlsx"
    sheet.write_bytes(agency_sheet(KON_TUM_ROWS).read())
    login(page, live_server, "quantri", PASSWORD)

    base = create_congress(page, live_server)
    congress = Congress.objects.get()
    import_agencies(page, base, sheet)

    add_person(
        page, live_server, congress.pk, "A Pớt", "Phó Bí thư Thường trực Tỉnh ủy", "Tỉnh ủy Kon Tum"
    )
    add_person(
        page,
        live_server,
        congress.pk,
        "Y Ngọc",
        "Chánh Văn phòng Tỉnh ủy",
        "Văn phòng Tỉnh ủy Kon Tum",
    )
    found_committee(
        page,
        live_server,
        congress.pk,
        "Tiểu ban Tổ chức phục vụ Đại hội",
        "Tiểu ban Tổ chức phục vụ",
        functions="Tham mưu công tác tổ chức, phục vụ Đại hội.",
        duties=["Xây dựng kế hoạch phục vụ Đại hội", "Bảo đảm cơ sở vật chất, hậu cần"],
    )
    add_member(page, "A Pớt", "Trưởng Tiểu ban", duties=["Chỉ đạo chung hoạt động của Tiểu ban"])
    add_member(
        page,
        "Y Ngọc",
        "Phó Trưởng Tiểu ban",
        duties=["Điều hành công tác hậu cần, phục vụ"],
        agencies=["Sở Tài chính tỉnh Kon Tum"],
    )
    committee = Committee.objects.get(congress=congress)
    assert committee.memberships.count() == 2
    assert "Điều hành công tác hậu cần, phục vụ" in page.content()

    invite_officer(
        page, base, "Sở Tài chính tỉnh Kon Tum", "van.phong.stc@kontum.gov.vn", "Trần Thu Hà"
    )
    logout(page)

    accept_invitation(
        page, invitation_link(live_server, "van.phong.stc@kontum.gov.vn"), "Tai-chinh-2025!"
    )
    assert "Nhiệm vụ của đơn vị" in page.content()
    officer = Participation.objects.select_related("agency").get(
        user__email="van.phong.stc@kontum.gov.vn"
    )
    assert officer.congress == congress
    assert officer.agency and officer.agency.name == "Sở Tài chính tỉnh Kon Tum"
