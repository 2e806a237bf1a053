"""Accounts of a congress: invitations, roles, locking, resets, the list and the history."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from daihoi.accounts import services as account_services
from daihoi.accounts.models import AccountAction, Invitation, Role, User
from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.organizations.models import Participation, Person
from daihoi.organizations.permissions import Access
from daihoi.organizations.services import accounts as services
from daihoi.testing.factories import PASSWORD, UserFactory
from daihoi.testing.mail import link_in, sent_to

pytestmark = pytest.mark.django_db

INVITE_PREFIX = "/tai-khoan/loi-moi/"


def invite(access, django_capture_on_commit_callbacks, **fields):
    """Invites through the service and runs the mailing job's work; returns the
    participation and the link's path read from the mail."""
    fields = {"full_name": "Trần Văn Mới", "role": Role.MEMBER, **fields}
    with django_capture_on_commit_callbacks(execute=True):
        participation = services.account_invite(access, **fields)
    invitation = Invitation.objects.filter(user=participation.user).latest("created_at")
    assert account_services.invitation_email_send(invitation_id=invitation.pk)
    return participation, link_in(sent_to(fields["email"].lower())[-1], INVITE_PREFIX)


def account_url(world, name, user, congress=None):
    congress_id = (congress or world.congress).pk
    return reverse(f"organizations:{name}", args=[congress_id, user.pk])


# Invitation ------------------------------------------------------------------------------------


def test_the_secretariat_invites_an_officer_who_gets_a_one_time_link_by_mail(
    world, secretariat_access, django_capture_on_commit_callbacks
):
    participation, link = invite(
        secretariat_access,
        django_capture_on_commit_callbacks,
        email="Dau.Moi@KonTum.gov.vn",
        role=Role.AGENCY_OFFICER,
        agency=world.agencies["svh"],
    )
    user = participation.user
    assert user.username == user.email == "dau.moi@kontum.gov.vn"
    assert not user.has_usable_password()
    assert participation.agency == world.agencies["svh"]
    message = sent_to("dau.moi@kontum.gov.vn")[0]
    assert "Sở Văn hóa, Thể thao và Du lịch" in message.body
    assert "Đầu mối cơ quan" in message.body
    # Only the token's hash is kept.
    token = link.removeprefix(INVITE_PREFIX).strip("/")
    invitation = Invitation.objects.get(user=user)
    assert invitation.token_hash == account_services.token_digest(token) != token
    assert invitation.expires_at and invitation.sent_at
    assert invitation.expires_at - invitation.sent_at == dt.timedelta(hours=72)
    entry = history_of(user).get()
    assert entry.action == AccountAction.INVITED and entry.congress_id == world.congress.pk


def test_the_mailing_job_sends_an_invitation_only_once(
    world, secretariat_access, django_capture_on_commit_callbacks
):
    participation, _ = invite(
        secretariat_access, django_capture_on_commit_callbacks, email="mot@kontum.gov.vn"
    )
    invitation = Invitation.objects.get(user=participation.user)
    assert not account_services.invitation_email_send(invitation_id=invitation.pk)
    assert len(sent_to("mot@kontum.gov.vn")) == 1


def test_an_invitation_to_an_email_that_already_has_an_account_is_refused_and_saves_nothing(
    world, secretariat_access
):
    UserFactory.create(username="cu", email="da.co@kontum.gov.vn")
    counts = (User.objects.count(), Participation.objects.count(), Invitation.objects.count())
    with pytest.raises(BusinessError, match="đã có tài khoản") as refused:
        services.account_invite(
            secretariat_access, email="DA.CO@kontum.gov.vn", full_name="Ai đó", role=Role.MEMBER
        )
    assert refused.value.field == "email"
    after = (User.objects.count(), Participation.objects.count(), Invitation.objects.count())
    assert after == counts


def test_an_agency_officer_invited_without_an_agency_is_refused(world, secretariat_access):
    with pytest.raises(BusinessError, match="phải gắn với một cơ quan"):
        services.account_invite(
            secretariat_access, email="x@kontum.gov.vn", full_name="X", role=Role.AGENCY_OFFICER
        )
    assert not User.objects.filter(email="x@kontum.gov.vn").exists()


def test_an_agency_of_another_congress_is_refused(world, secretariat_access):
    with pytest.raises(BusinessError, match="không thuộc Đại hội này"):
        services.account_invite(
            secretariat_access,
            email="x@kontum.gov.vn",
            full_name="X",
            role=Role.AGENCY_OFFICER,
            agency=world.other_agency,
        )
    assert not User.objects.filter(email="x@kontum.gov.vn").exists()


def test_the_account_links_to_the_chosen_person_and_takes_the_persons_name(
    world, secretariat_access, django_capture_on_commit_callbacks
):
    participation, _ = invite(
        secretariat_access,
        django_capture_on_commit_callbacks,
        email="hai@kontum.gov.vn",
        full_name="",
        role=Role.COMMITTEE_LEADER,
        person=Person.objects.create(congress=world.congress, full_name="Lê Thị Hà"),
    )
    assert participation.person.full_name == participation.user.full_name == "Lê Thị Hà"


def test_without_a_chosen_person_the_account_links_to_the_one_person_of_that_name(
    world, secretariat_access, django_capture_on_commit_callbacks
):
    ha = Person.objects.create(congress=world.congress, full_name="Lê Thị Hà")
    Person.objects.create(congress=world.other, full_name="Lê Thị Hà")  # another congress
    twice = [Person.objects.create(congress=world.congress, full_name="Trần Văn Nam") for _ in "ab"]
    linked, _ = invite(
        secretariat_access,
        django_capture_on_commit_callbacks,
        email="ha@kontum.gov.vn",
        full_name="Lê  Thị Hà",
    )
    ambiguous, _ = invite(
        secretariat_access,
        django_capture_on_commit_callbacks,
        email="nam@kontum.gov.vn",
        full_name="Trần Văn Nam",
    )
    assert linked.person == ha
    assert ambiguous.person is None and len(twice) == 2


def test_a_person_who_already_has_an_account_is_refused(world, secretariat_access):
    # The leader's account is linked to the chair (the fixtures).
    with pytest.raises(BusinessError, match="đã gắn với một tài khoản khác"):
        services.account_invite(
            secretariat_access,
            email="chu.tri@kontum.gov.vn",
            full_name="",
            role=Role.MEMBER,
            person=world.chair,
        )
    assert not User.objects.filter(email="chu.tri@kontum.gov.vn").exists()


def test_an_officer_cannot_invite(world, propaganda_access, client):
    with pytest.raises(PermissionDenied):
        services.account_invite(
            propaganda_access, email="x@kontum.gov.vn", full_name="X", role=Role.MEMBER
        )
    client.force_login(world.users["officer"])
    url = reverse("organizations:account-invite", args=[world.congress.pk])
    response = client.post(url, {"full_name": "X", "email": "x@kontum.gov.vn", "role": "member"})
    assert response.status_code == 403
    assert not User.objects.filter(email="x@kontum.gov.vn").exists()


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({"email": "khong-phai-email"}, "Địa chỉ e-mail không hợp lệ."),
        ({"email": ""}, "Trường này là bắt buộc."),
        ({"role": "agency", "agency": ""}, "phải gắn với một cơ quan"),
        ({"role": "quan-tri"}, "không phải là một trong các lựa chọn"),
        ({"full_name": "", "person": ""}, "Đề nghị nhập họ và tên"),
    ],
)
def test_the_invite_form_refuses_bad_input_in_vietnamese_and_saves_nothing(
    world, client, posted, message
):
    client.force_login(world.users["secretariat"])
    users = User.objects.count()
    data = {"full_name": "Nguyễn Văn Thử", "email": "thu@kontum.gov.vn", "role": "member"}
    response = client.post(
        reverse("organizations:account-invite", args=[world.congress.pk]), data | posted
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.count() == users


def test_the_invite_page_creates_the_account_and_opens_it(world, client):
    client.force_login(world.users["secretariat"])
    response = client.post(
        reverse("organizations:account-invite", args=[world.congress.pk]),
        {
            "full_name": "Phạm Thu",
            "email": "thu@kontum.gov.vn",
            "role": "agency",
            "agency": world.agencies["ca"].pk,
        },
    )
    user = User.objects.get(email="thu@kontum.gov.vn")
    assert response.status_code == 302
    assert response["Location"] == account_url(world, "account-detail", user)
    page = client.get(response["Location"]).content.decode()
    assert "Chờ đặt mật khẩu" in page and "Mời tạo tài khoản" in page


# The link ---------------------------------------------------------------------------------------


def test_the_link_sets_the_password_and_signs_in(
    world, secretariat_access, client, django_capture_on_commit_callbacks
):
    participation, link = invite(
        secretariat_access, django_capture_on_commit_callbacks, email="moi@kontum.gov.vn"
    )
    page = client.get(link).content.decode()
    assert "moi@kontum.gov.vn" in page
    response = client.post(
        link, {"new_password1": "Dai-hoi-2025!", "new_password2": "Dai-hoi-2025!"}
    )
    assert response.status_code == 302
    assert client.get(reverse("organizations:home")).status_code == 302  # signed in: to Hôm nay
    user = User.objects.get(pk=participation.user_id)
    assert user.check_password("Dai-hoi-2025!")
    assert [e.action for e in history_of(user)] == [
        AccountAction.INVITATION_ACCEPTED,
        AccountAction.INVITED,
    ]
    client.logout()
    assert client.login(username="moi@kontum.gov.vn", password="Dai-hoi-2025!")


def test_a_reused_link_says_it_was_used_and_changes_nothing(
    world, secretariat_access, client, django_capture_on_commit_callbacks
):
    participation, link = invite(
        secretariat_access, django_capture_on_commit_callbacks, email="moi@kontum.gov.vn"
    )
    client.post(link, {"new_password1": "Dai-hoi-2025!", "new_password2": "Dai-hoi-2025!"})
    client.logout()
    response = client.post(link, {"new_password1": "Khac-han-99", "new_password2": "Khac-han-99"})
    assert "đã được dùng để đặt mật khẩu" in response.content.decode()
    assert User.objects.get(pk=participation.user_id).check_password("Dai-hoi-2025!")


def test_an_expired_link_says_it_expired_and_saves_nothing(
    world, secretariat_access, client, django_capture_on_commit_callbacks
):
    participation, link = invite(
        secretariat_access, django_capture_on_commit_callbacks, email="moi@kontum.gov.vn"
    )
    Invitation.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    assert "Liên kết đã hết hạn" in client.get(link).content.decode()
    response = client.post(
        link, {"new_password1": "Dai-hoi-2025!", "new_password2": "Dai-hoi-2025!"}
    )
    assert "Liên kết đã hết hạn" in response.content.decode()
    assert not User.objects.get(pk=participation.user_id).has_usable_password()
    assert "_auth_user_id" not in client.session


def test_a_made_up_link_is_refused(client, db):
    response = client.get(reverse("accounts:invitation-accept", args=["bia-dat" * 30]))
    assert "Liên kết không hợp lệ" in response.content.decode()


def test_a_password_refused_by_the_rules_is_explained_and_not_saved(
    world, secretariat_access, client, django_capture_on_commit_callbacks
):
    participation, link = invite(
        secretariat_access, django_capture_on_commit_callbacks, email="moi@kontum.gov.vn"
    )
    mismatch = client.post(link, {"new_password1": "Dai-hoi-2025!", "new_password2": "khac"})
    assert "Hai lần nhập mật khẩu không khớp nhau." in mismatch.content.decode()
    short = client.post(link, {"new_password1": "12345", "new_password2": "12345"})
    assert "quá ngắn" in short.content.decode()
    assert not User.objects.get(pk=participation.user_id).has_usable_password()
    assert Invitation.objects.get().accepted_at is None


def test_sending_again_retires_the_older_link(
    world, secretariat_access, client, django_capture_on_commit_callbacks
):
    participation, old_link = invite(
        secretariat_access, django_capture_on_commit_callbacks, email="moi@kontum.gov.vn"
    )
    with django_capture_on_commit_callbacks(execute=True):
        fresh = services.account_invitation_resend(secretariat_access, participation)
    account_services.invitation_email_send(invitation_id=fresh.pk)
    new_link = link_in(sent_to("moi@kontum.gov.vn")[-1], INVITE_PREFIX)
    assert new_link != old_link
    assert "Liên kết đã hết hạn" in client.get(old_link).content.decode()
    assert "Đặt mật khẩu và đăng nhập" in client.get(new_link).content.decode()
    assert history_of(participation.user)[0].action == AccountAction.INVITATION_RESENT


def test_a_locked_account_cannot_use_its_invitation(
    world, secretariat_access, client, django_capture_on_commit_callbacks
):
    participation, link = invite(
        secretariat_access, django_capture_on_commit_callbacks, email="moi@kontum.gov.vn"
    )
    services.account_deactivate(secretariat_access, participation)
    assert "đã bị khóa" in client.get(link).content.decode()


# Roles ------------------------------------------------------------------------------------------


def participation_of(world, key):
    return Participation.objects.select_related("user").get(
        user=world.users[key], congress=world.congress
    )


def test_the_secretariat_changes_a_role_and_the_history_shows_what_changed(
    world, secretariat_access, client
):
    services.account_role_change(
        secretariat_access,
        participation_of(world, "member"),
        role=Role.AGENCY_OFFICER,
        agency=world.agencies["ca"],
    )
    member = participation_of(world, "member")
    assert member.role == Role.AGENCY_OFFICER and member.agency == world.agencies["ca"]
    entry = history_of(world.users["member"]).get()
    assert entry.action == AccountAction.ROLE_CHANGED
    assert ["Vai trò", "Thành viên", "Đầu mối cơ quan"] in entry.changes
    client.force_login(world.users["secretariat"])
    page = client.get(account_url(world, "account-detail", world.users["member"])).content
    assert "Đổi vai trò" in page.decode() and "Công an tỉnh" in page.decode()


def test_the_role_form_refuses_an_officer_without_agency_and_saves_nothing(world, client):
    client.force_login(world.users["secretariat"])
    response = client.post(
        account_url(world, "account-role", world.users["member"]), {"role": "agency"}
    )
    assert "phải gắn với một cơ quan" in response.content.decode()
    assert participation_of(world, "member").role == Role.MEMBER


def test_a_secretary_cannot_change_their_own_role(world, secretariat_access, client):
    with pytest.raises(PermissionDenied):
        services.account_role_change(
            secretariat_access, participation_of(world, "secretariat"), role=Role.MEMBER
        )
    client.force_login(world.users["secretariat"])
    url = account_url(world, "account-role", world.users["secretariat"])
    assert client.post(url, {"role": "member"}).status_code == 403
    assert participation_of(world, "secretariat").role == Role.SECRETARIAT


def test_removing_the_role_shuts_the_congress_to_the_user(world, secretariat_access, client):
    services.account_role_remove(secretariat_access, participation_of(world, "member"))
    client.force_login(world.users["member"])
    assert client.get(f"/dai-hoi/{world.congress.pk}/").status_code == 404
    assert history_of(world.users["member"]).get().action == AccountAction.ROLE_REMOVED


def test_a_secretariat_of_another_congress_gets_404_for_this_congress_accounts(world, client):
    other_secretary = UserFactory.create(username="vp-hai-duong")
    Participation.objects.create(user=other_secretary, congress=world.other, role=Role.SECRETARIAT)
    client.force_login(other_secretary)
    member = world.users["member"]
    # Through its own congress's URLs: the member is not one of its accounts.
    for name in ["account-detail", "account-role"]:
        assert client.get(account_url(world, name, member, world.other)).status_code == 404
    for name in ["account-deactivate", "account-remove", "account-password-reset"]:
        assert client.post(account_url(world, name, member, world.other)).status_code == 404
    # Through this congress's URLs: not its congress.
    assert client.get(account_url(world, "account-detail", member)).status_code == 404
    assert User.objects.get(pk=member.pk).is_active
    assert participation_of(world, "member").role == Role.MEMBER


# Locking and resets -----------------------------------------------------------------------------


def test_a_locked_account_cannot_sign_in_and_its_session_ends(world, secretariat_access, client):
    client.force_login(world.users["member"])
    assert client.get(f"/dai-hoi/{world.congress.pk}/").status_code == 200
    services.account_deactivate(secretariat_access, participation_of(world, "member"))
    assert client.get(f"/dai-hoi/{world.congress.pk}/").status_code == 302  # to the login
    client.logout()
    response = client.post(reverse("accounts:login"), {"username": "member", "password": PASSWORD})
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    assert "_auth_user_id" not in client.session
    services.account_reactivate(secretariat_access, participation_of(world, "member"))
    assert client.login(username="member", password=PASSWORD)
    assert [e.action for e in history_of(world.users["member"])] == [
        AccountAction.REACTIVATED,
        AccountAction.DEACTIVATED,
    ]


def test_an_account_working_in_another_congress_is_not_locked_by_one_secretariat(
    world, secretariat_access
):
    Participation.objects.create(user=world.users["member"], congress=world.other, role=Role.MEMBER)
    with pytest.raises(BusinessError, match="còn làm việc ở Đại hội khác"):
        services.account_deactivate(secretariat_access, participation_of(world, "member"))
    assert User.objects.get(pk=world.users["member"].pk).is_active
    admin = Access(world.admin, world.congress, "admin")
    services.account_deactivate(admin, participation_of(world, "member"))
    assert not User.objects.get(pk=world.users["member"].pk).is_active


def test_the_lock_button_tells_why_it_was_refused(world, client):
    client.force_login(world.users["secretariat"])
    url = account_url(world, "account-reactivate", world.users["member"])
    response = client.post(url, follow=True)
    assert "Tài khoản đang hoạt động." in response.content.decode()


def test_the_secretariat_sends_a_password_reset_the_user_follows(
    world, secretariat_access, client, django_capture_on_commit_callbacks
):
    member = world.users["member"]
    member.email = "thanh.vien@kontum.gov.vn"
    member.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.account_password_reset_send(secretariat_access, participation_of(world, "member"))
    assert account_services.password_reset_email_send(user_id=member.pk)
    link = link_in(sent_to("thanh.vien@kontum.gov.vn")[0], "/tai-khoan/dat-lai-mat-khau/")
    form_page = client.get(link, follow=True)
    assert "Lưu mật khẩu mới" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Moi-hon-2025!", "new_password2": "Moi-hon-2025!"},
    )
    assert done["Location"] == reverse("accounts:login")
    assert client.login(username="member", password="Moi-hon-2025!")
    assert [e.action for e in history_of(member)] == [
        AccountAction.PASSWORD_RESET_DONE,
        AccountAction.PASSWORD_RESET_SENT,
    ]


def test_a_reset_for_an_account_without_a_password_yet_asks_to_invite_again(
    world, secretariat_access, django_capture_on_commit_callbacks
):
    participation, _ = invite(
        secretariat_access, django_capture_on_commit_callbacks, email="moi@kontum.gov.vn"
    )
    with pytest.raises(BusinessError, match="gửi lại lời mời"):
        services.account_password_reset_send(secretariat_access, participation)


# The list and the history ------------------------------------------------------------------------


def test_the_account_list_shows_roles_agencies_last_login_and_state(world, client):
    world.users["officer"].last_login = timezone.make_aware(dt.datetime(2020, 9, 1, 8, 30))
    world.users["officer"].save()
    world.users["officer2"].is_active = False
    world.users["officer2"].save()
    client.force_login(world.users["secretariat"])
    page = client.get(reverse("organizations:account-list", args=[world.congress.pk]))
    text = page.content.decode()
    assert "Ban Tuyên giáo Tỉnh ủy" in text and "01/09/2020" in text
    assert "Đã khóa" in text and "Đang hoạt động" in text
    assert "tinhkhac" not in text  # the other congress's officer


def _many_accounts(world, n):
    for i in range(n):
        user = UserFactory.create(username=f"dong-chi-{i}")
        Participation.objects.create(
            user=user,
            congress=world.congress,
            role=Role.AGENCY_OFFICER,
            agency=world.agencies["ca"],
        )
        Invitation.objects.create(user=user, intro="")


@pytest.mark.parametrize("rows", [2, 20])
def test_the_account_list_reads_in_a_fixed_number_of_queries(
    world, client, django_assert_max_num_queries, rows
):
    _many_accounts(world, rows)
    client.force_login(world.users["secretariat"])
    url = reverse("organizations:account-list", args=[world.congress.pk])
    with django_assert_max_num_queries(9):
        response = client.get(url)
    assert response.content.decode().count("dong-chi-") == rows


def test_the_history_page_shows_only_this_congress_entries(world, client):
    other_secretary = UserFactory.create(username="vp-hai-duong")
    Participation.objects.create(user=other_secretary, congress=world.other, role=Role.SECRETARIAT)
    Participation.objects.create(user=world.users["member"], congress=world.other, role=Role.MEMBER)
    other_access = Access(other_secretary, world.other, Role.SECRETARIAT)
    services.account_role_change(
        other_access,
        Participation.objects.get(user=world.users["member"], congress=world.other),
        role=Role.COMMITTEE_LEADER,
    )
    client.force_login(world.users["secretariat"])
    page = client.get(account_url(world, "account-detail", world.users["member"]))
    assert "Đổi vai trò" in page.content.decode()  # the button
    assert "Lãnh đạo tiểu ban" not in page.content.decode()  # the other congress's change
