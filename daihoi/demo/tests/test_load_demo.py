import datetime as dt
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.db.models import F, Q
from django.utils import timezone

from daihoi.accounts.models import Role
from daihoi.core.dates import today
from daihoi.core.models import AuditEntry
from daihoi.demo import data, levels_demo
from daihoi.demo.checks import check_data
from daihoi.demo.loader import load_demo
from daihoi.demo.reset import reset_demo
from daihoi.organizations.models import Congress, Participation
from daihoi.organizations.permissions import access_congress
from daihoi.planning.models import ProgressUpdate, Task, TaskAssignment
from daihoi.planning.selectors import due_soon, open_obstacles
from daihoi.planning.status import StatusClass, status_q

pytestmark = pytest.mark.django_db

BIG_CONGRESSES = [
    ("Đảng bộ tỉnh Kon Tum", 15),
    ("Đảng bộ tỉnh Hải Dương", 17),
    ("Đảng bộ tỉnh Bắc Ninh", 20),
]


def model_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def congress(organization: str, ordinal: int) -> Congress:
    return Congress.objects.get(organization=organization, ordinal=ordinal)


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """Loaded once for the read-only tests of this module, removed again afterwards."""
    with django_db_blocker.unblock():
        load_demo()
    yield
    with django_db_blocker.unblock():
        reset_demo()
        get_user_model().objects.filter(username__in=[u["username"] for u in data.USERS]).delete()


def test_loading_twice_creates_nothing_the_second_time_and_loses_nothing():
    load_demo()
    first = model_counts()
    second_run = load_demo()
    assert second_run.created == {}
    assert model_counts() == first


def test_the_five_congresses_of_the_reports_are_loaded(loaded):
    # Besides the congresses made below them on the schedules (levels_demo).
    titles = set(
        Congress.objects.exclude(organization__in=levels_demo.SUBORDINATES).values_list(
            "organization", "ordinal"
        )
    )
    assert titles == {(spec["organization"], spec["ordinal"]) for spec in data.CONGRESSES}
    hanoi = congress("Đảng Cộng sản Việt Nam", 13)
    assert hanoi.document_rules == Congress.Rules.STATE
    assert hanoi.plans.get().symbol == "268/KH-UBND"
    kon_tum = congress("Đảng bộ tỉnh Kon Tum", 15)
    assert kon_tum.place_name == "Kon Tum"
    assert kon_tum.days_until_opening(today()) == 45
    assert kon_tum.full_title == (
        "Đại hội đại biểu Đảng bộ tỉnh Kon Tum lần thứ XV, nhiệm kỳ 2020–2025"
    )


@pytest.mark.parametrize("organization, ordinal", BIG_CONGRESSES)
def test_every_status_class_has_tasks_in_each_larger_congress(loaded, organization, ordinal):
    tasks = Task.objects.filter(congress=congress(organization, ordinal))
    day = today()
    for status in [*StatusClass.values]:
        if status == StatusClass.CANCELLED and ordinal != 15:
            continue
        assert tasks.filter(status_q(status, day)).exists(), status


def test_every_status_class_is_populated_in_kon_tum(loaded):
    tasks = Task.objects.filter(congress=congress("Đảng bộ tỉnh Kon Tum", 15))
    day = today()
    counts = {s: tasks.filter(status_q(s, day)).count() for s in StatusClass.values}
    assert all(counts.values()), counts
    assert sum(counts.values()) == tasks.count()
    assert 15 <= tasks.count() <= 35


@pytest.mark.parametrize("organization, ordinal", BIG_CONGRESSES)
def test_larger_congresses_have_tasks_awaiting_acceptance_due_soon_and_relative_to_opening(
    loaded, organization, ordinal
):
    c = congress(organization, ordinal)
    tasks = Task.objects.filter(congress=c)
    day = today()
    awaiting = tasks.filter(reported_complete_on__isnull=False, accepted=False, cancelled=False)
    assert awaiting.exists()
    assert tasks.filter(deadline_offset_days__isnull=False).exists()
    assert c.opening_date is not None
    for task in tasks.filter(deadline_offset_days__isnull=False):
        assert task.deadline_offset_days is not None
        assert task.deadline == c.opening_date + dt.timedelta(days=task.deadline_offset_days)
    access = access_congress(
        Participation.objects.get(congress=c, user__username="vanphong").user, c.pk
    )
    assert list(due_soon(access, day))
    assert len(open_obstacles(access, limit=None)) >= 1
    assert (
        ProgressUpdate.objects.filter(task__congress=c, percent__lt=100).exclude(text="").exists()
    )
    assert tasks.filter(accepted=True, reported_complete_on__lt=day).exists()


def test_kon_tum_has_several_open_obstacles_raised_by_different_agencies(loaded):
    obstacles = ProgressUpdate.objects.filter(
        task__congress=congress("Đảng bộ tỉnh Kon Tum", 15), obstacle_resolved=False
    ).exclude(obstacle="")
    assert obstacles.count() >= 3
    assert obstacles.values("agency").distinct().count() >= 3


def test_the_dashboard_counts_every_open_obstacle_of_the_demo(loaded, client):
    """The dashboard's figure equals a direct count: raised, not resolved, task not cancelled
    nor deleted, whatever else became of the task (accepted ones included)."""
    for organization, ordinal in BIG_CONGRESSES:
        c = congress(organization, ordinal)
        direct = (
            ProgressUpdate.objects.filter(
                task__congress=c, obstacle_resolved=False, task__cancelled=False
            )
            .exclude(obstacle="")
            .count()
        )
        secretariat = get_user_model().objects.get(username="admin")
        client.force_login(secretariat)
        response = client.get(f"/dai-hoi/{c.pk}/")
        assert response.status_code == 200
        assert response.context["obstacle_count"] == direct
        if direct:
            assert f'<strong class="n">{direct}</strong>' in response.content.decode()
        assert open_obstacles(access_congress(secretariat, c.pk), limit=None).count() == direct


def test_assignment_rows_carry_the_same_state_as_their_task(loaded):
    assert (
        TaskAssignment.objects.exclude(
            Q(accepted=F("task__accepted"))
            & Q(cancelled=F("task__cancelled"))
            & (
                Q(deadline=F("task__deadline"))
                | Q(deadline__isnull=True, task__deadline__isnull=True)
            )
        ).count()
        == 0
    )
    leads = TaskAssignment.objects.filter(role=TaskAssignment.Role.LEAD)
    assert leads.count() == Task.objects.count()
    assert not leads.exclude(agency=F("task__lead_agency")).exists()


def test_completion_dates_are_in_the_past_and_never_after_acceptance(loaded):
    done = Task.objects.filter(accepted=True)
    assert done.exists()
    for task in done:
        assert task.reported_complete_on is not None and task.accepted_at is not None
        assert task.reported_complete_on < today()
        assert task.accepted_at.date() >= task.reported_complete_on


def test_hai_duong_tasks_include_what_the_report_assigns_to_each_agency(loaded):
    tasks = Task.objects.filter(congress=congress("Đảng bộ tỉnh Hải Dương", 17))
    leads = set(tasks.values_list("lead_agency__name", flat=True))
    assert {
        "Ban Tuyên giáo Tỉnh ủy",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Báo Hải Dương",
        "Đài Phát thanh - Truyền hình tỉnh",
        "Văn phòng Tỉnh ủy",
        "Sở Tài chính",
    } <= leads
    propaganda = tasks.filter(lead_agency__name="Ban Tuyên giáo Tỉnh ủy", area="propaganda")
    assert {"before", "after", "throughout"} <= set(propaganda.values_list("phase", flat=True))
    office = tasks.filter(lead_agency__name="Văn phòng Tỉnh ủy")
    assert {"logistics", "security", "health"} <= set(office.values_list("area", flat=True))
    assert tasks.filter(lead_agency__name="Sở Tài chính", area="finance").exists()
    assert tasks.filter(lead_agency__name="Sở Tài chính", lead_agency__is_finance=True).exists()


def test_every_demo_login_exists_and_authenticates_with_the_printed_password(loaded):
    for spec in data.USERS:
        user = authenticate(username=spec["username"], password=data.PASSWORD)
        assert user is not None, spec["username"]
        assert user.full_name
    admin = authenticate(username="admin", password=data.PASSWORD)
    assert admin is not None and admin.is_superuser


def test_each_login_has_its_role_in_kon_tum(loaded):
    kon_tum = congress("Đảng bộ tỉnh Kon Tum", 15)
    roles = dict(
        Participation.objects.filter(congress=kon_tum)
        .exclude(role=Role.DELEGATE)
        .values_list("user__username", "role")
    )
    delegates = Participation.objects.filter(congress=kon_tum, role=Role.DELEGATE)
    # Every delegate of the roster has an account; "daibieu" is the printed demo login.
    assert delegates.filter(user__username="daibieu", delegate__isnull=False).exists()
    assert roles == {
        "vanphong": Role.SECRETARIAT,
        "truongtieuban": Role.COMMITTEE_LEADER,
        "donvi": Role.AGENCY_OFFICER,
        "donvi2": Role.AGENCY_OFFICER,
        "thanhvien": Role.MEMBER,
        "bientap": Role.EDITOR,
    }
    assert Participation.objects.filter(user__username="vanphong").count() == 5
    leader = Participation.objects.get(congress=kon_tum, user__username="truongtieuban")
    assert leader.person is not None and leader.person.full_name == "Nguyễn Hữu Hải"


def test_the_agency_officer_leads_and_coordinates_open_tasks(loaded):
    kon_tum = congress("Đảng bộ tỉnh Kon Tum", 15)
    officer = Participation.objects.get(congress=kon_tum, user__username="donvi")
    assert officer.agency is not None
    assert officer.agency.name == "Ban Tuyên giáo Tỉnh ủy"
    open_rows = TaskAssignment.objects.filter(
        agency=officer.agency, accepted=False, cancelled=False, task__paused=False
    )
    assert open_rows.filter(role=TaskAssignment.Role.LEAD).exists()
    assert open_rows.filter(role=TaskAssignment.Role.COORDINATE).exists()
    finance = Participation.objects.get(congress=kon_tum, user__username="donvi2").agency
    assert finance is not None and finance.is_finance
    assert TaskAssignment.objects.filter(
        agency=finance, role=TaskAssignment.Role.LEAD, accepted=False
    ).exists()


def test_reset_reloads_the_demo_without_duplicates():
    load_demo()
    first = model_counts()
    load_demo(reset=True)
    after = model_counts()

    # Notifications follow committed events, which this test's transaction never reaches.
    def live(counts):
        return {
            k: v for k, v in counts.items() if "Historical" not in k and "notifications." not in k
        }

    assert live(after) == live(first)


def test_the_command_prints_the_logins_in_vietnamese():
    out = StringIO()
    call_command("load_demo", stdout=out)
    text = out.getvalue()
    assert "Tên đăng nhập" in text and "Mật khẩu" in text
    for spec in data.USERS:
        assert spec["username"] in text
    assert data.PASSWORD in text
    assert "đang thực hiện quá hạn" in text


def test_audit_entries_of_the_stories_are_dated_on_the_story_days(loaded):
    kon_tum = congress("Đảng bộ tỉnh Kon Tum", 15)
    entries = AuditEntry.objects.filter(congress_id=kon_tum.pk)
    assert all(e.created_at.date() <= today() for e in entries)
    if entries.exists():
        assert entries.dates("created_at", "day").count() > 1


def test_the_editor_login_writes_kon_tums_portal(loaded):
    kon_tum = congress("Đảng bộ tỉnh Kon Tum", 15)
    editor = Participation.objects.get(role=Role.EDITOR)
    assert editor.user.username == "bientap" and editor.congress == kon_tum
    from daihoi.portal.models import Article, PublicConsultation

    published = Article.objects.published().filter(congress=kon_tum)
    assert published.count() == 4 and published.filter(image__gt="").count() == 2
    # The exhibition's news is scheduled; the results wait as a draft.
    assert Article.objects.filter(congress=kon_tum, is_published=True).count() == 5
    public = PublicConsultation.objects.get(congress=kon_tum)
    assert public.is_open and public.submissions.filter(sender="front").count() == 1


def test_kon_tums_installed_propaganda_items_carry_a_photo_with_its_time_and_place(loaded):
    from daihoi.propaganda.models import ItemPhoto, ItemState, VisualItem

    installed = VisualItem.objects.filter(
        congress=congress("Đảng bộ tỉnh Kon Tum", 15), state=ItemState.INSTALLED
    )
    assert installed.exists()
    for item in installed:
        photo = item.photos.get()
        assert photo.taken_from == ItemPhoto.TakenFrom.EXIF
        assert timezone.localtime(photo.taken_at).date() == item.installed_on
        assert (photo.latitude, photo.longitude) == (item.latitude, item.longitude)


def test_people_are_named_as_people_and_the_check_refuses_a_post_as_a_name(monkeypatch):
    for spec in data.CONGRESSES:
        for p in spec["people"]:
            assert not p["full_name"].startswith("Lãnh đạo"), p
            assert len(p["full_name"].split()) >= 3, p
    bad = dict(data.CONGRESSES[0])
    bad["people"] = [*bad["people"], data.person("Lãnh đạo Sở Tài chính", "Giám đốc Sở Tài chính")]
    monkeypatch.setattr(data, "CONGRESSES", [bad, *data.CONGRESSES[1:]])
    with pytest.raises(ValueError, match="post used as a person's name"):
        check_data()


def test_a_login_left_by_an_earlier_demo_is_deactivated_and_loses_its_roles(monkeypatch):
    monkeypatch.setattr(data, "RETIRED_USERS", ["cu"])
    load_demo()
    kon_tum = congress("Đảng bộ tỉnh Kon Tum", 15)
    old = get_user_model().objects.create_user(username="cu", password=data.PASSWORD)
    Participation.objects.create(user=old, congress=kon_tum, role=Role.MEMBER)
    assert load_demo().created == {"retired users": 1}
    old.refresh_from_db()
    assert not old.is_active and not old.participations.exists()
    assert authenticate(username="cu", password=data.PASSWORD) is None
    assert load_demo().created == {}


def test_kon_tum_has_a_roster_with_a_replacement_and_a_gate_officer(loaded):
    from daihoi.delegates.models import Delegate, Delegation, Duty

    congress = Congress.objects.get(organization="Đảng bộ tỉnh Kon Tum")
    assert Delegation.objects.filter(congress=congress).count() == 8
    active = Delegate.objects.filter(congress=congress, is_active=True)
    assert active.filter(kind="official").count() == 32
    assert active.filter(kind="alternate").count() == 2 and active.filter(kind="guest").count() == 2
    replaced = Delegate.objects.get(congress=congress, is_active=False)
    assert replaced.replacement.substitute.kind == "official"
    assert Duty.objects.filter(congress=congress, kind="gate", user__username="thanhvien").exists()
    from daihoi.delegates.models import Badge, CheckIn

    assert Badge.objects.filter(congress=congress, revoked_at__isnull=True).count() == 36
    assert CheckIn.objects.filter(congress=congress, session__name="Phiên trù bị").count() == 14


def test_kon_tum_has_an_election_counted_to_the_end_with_a_ballot_entered_again(loaded):
    from daihoi.ballots.models import Election
    from daihoi.ballots.selectors import tally_of

    election = Election.objects.get(congress=congress("Đảng bộ tỉnh Kon Tum", 15))
    tally = tally_of(election)
    assert tally.final and tally.invalid == 3 and tally.mismatched == []
    assert len(tally.elected) == election.seats and not tally.tied
    assert election.entries.filter(number=58).count() == 4  # read differently, then agreed
