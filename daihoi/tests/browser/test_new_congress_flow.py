"""Setting up a new congress from nothing, in the browser: the congress, its agencies from an
XLSX file, then an agency's officer invited by e-mail who sets a password from the mailed link
and signs in. It chains the steps of the congress set-up and account flows (the committee,
members and duties steps join when the organisation flow's steps are on main)."""

import pytest

from daihoi.organizations.models import Congress, Participation
from daihoi.organizations.tests.helpers import KON_TUM_ROWS, agency_sheet
from daihoi.testing.factories import PASSWORD, UserFactory

from .conftest import login, logout
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
