"""A congress's accounts through the API: the secretariat invites, changes roles, locks,
unlocks, resets, invites again and removes, with the pages' forms, services and messages;
others are refused, another congress's account is not found."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from daihoi.accounts.models import Invitation, Role, User
from daihoi.organizations.models import Participation
from daihoi.organizations.permissions import ACCOUNTS_MANAGERS_ONLY
from daihoi.organizations.services import accounts as services
from daihoi.testing.factories import UserFactory

from .helpers import ApiClient


def test_the_secretariat_invites_an_officer_and_runs_every_button_of_the_account(world):
    api = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}/accounts/"
    no_agency = api.post(
        base,
        {
            "email": "dau.moi@kontum.gov.vn",
            "full_name": "Trần Văn Mới",
            "role": Role.AGENCY_OFFICER,
        },
    )
    assert no_agency.status_code == 400
    assert services.OFFICER_NEEDS_AGENCY in str(no_agency.json()["errors"])
    made = api.post(
        base,
        {
            "email": "Dau.Moi@KonTum.gov.vn",
            "full_name": "Trần Văn Mới",
            "role": Role.AGENCY_OFFICER,
            "agency": world.agencies["svh"].pk,
        },
    )
    assert made.status_code == 201, made.content
    account = made.json()
    assert account["username"] == "dau.moi@kontum.gov.vn" and account["state"] == "invited"
    assert account["history"] and account["can_change"] is True
    taken = api.post(
        base, {"email": "dau.moi@kontum.gov.vn", "role": Role.MEMBER, "full_name": "X"}
    )
    assert taken.status_code == 400 and taken.json()["errors"]["email"] == [services.EMAIL_TAKEN]
    one = f"{base}{account['id']}/"
    assert api.post(f"{one}reinvite/").status_code == 200
    assert Invitation.objects.filter(user_id=account["id"]).count() == 2
    refused = api.post(f"{one}password-reset/")
    assert refused.status_code == 400
    assert refused.json()["detail"] == "Tài khoản chưa đặt mật khẩu; hãy gửi lại lời mời."
    changed = api.put(one, {"role": Role.MEMBER})
    assert changed.status_code == 200 and changed.json()["role"] == Role.MEMBER
    locked = api.post(f"{one}deactivate/")
    assert locked.status_code == 200 and locked.json()["state"] == "locked"
    assert not User.objects.get(pk=account["id"]).is_active
    assert api.post(f"{one}reactivate/").json()["state"] == "invited"
    assert api.delete(one).status_code == 204
    assert not Participation.objects.filter(user_id=account["id"], congress=world.congress).exists()
    assert api.get(one).status_code == 404


def test_no_one_changes_their_own_account_and_others_are_refused(world):
    api = ApiClient(world.users["secretariat"])
    own = f"/congresses/{world.congress.pk}/accounts/{world.users['secretariat'].pk}/"
    refused = api.post(f"{own}deactivate/")
    assert refused.status_code == 403 and refused.json()["detail"] == services.NOT_OWN_ACCOUNT
    assert api.put(own, {"role": Role.MEMBER}).status_code == 403
    assert User.objects.get(pk=world.users["secretariat"].pk).is_active
    officer = ApiClient(world.users["officer"])
    listed = officer.get(f"/congresses/{world.congress.pk}/accounts/")
    assert listed.status_code == 403 and listed.json()["detail"] == ACCOUNTS_MANAGERS_ONLY
    # An account of another congress only: not found here.
    outside = api.get(f"/congresses/{world.congress.pk}/accounts/{world.users['outsider'].pk}/")
    assert outside.status_code == 404
    assert (
        ApiClient(world.users["outsider"])
        .get(f"/congresses/{world.congress.pk}/accounts/")
        .status_code
        == 404
    )


def test_the_account_list_reads_in_a_fixed_number_of_queries(world):
    api = ApiClient(world.users["secretariat"])
    path = f"/congresses/{world.congress.pk}/accounts/"

    def add(n: int) -> None:
        for _ in range(n):
            Participation.objects.create(
                user=UserFactory.create(), congress=world.congress, role=Role.MEMBER
            )

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert api.get(path).status_code == 200
        return len(ctx.captured_queries)

    queries()  # the token's first use of the minute also notes when it was used
    few = queries()
    add(15)
    assert queries() == few
    rows = api.all(path)
    assert len(rows) == Participation.objects.filter(congress=world.congress).count()
    assert {r["state"] for r in rows} >= {"active"}
