import pytest
from django.contrib.auth import get_user_model

from daihoi.core.dates import today
from daihoi.demo import data, levels_demo
from daihoi.demo.loader import load_demo
from daihoi.demo.reset import reset_demo
from daihoi.levels import selectors
from daihoi.levels.models import ScheduleState
from daihoi.levels.permissions import access_from_above
from daihoi.organizations.models import Congress
from daihoi.organizations.permissions import access_congress

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo()
    yield
    with django_db_blocker.unblock():
        reset_demo()
        names = [u["username"] for u in data.USERS] + [u[0] for u in levels_demo.LOGINS]
        get_user_model().objects.filter(username__in=names).delete()


def test_ha_noi_and_kon_tum_sit_under_the_national_xiii_congress(loaded):
    national = Congress.objects.get(organization="Đảng Cộng sản Việt Nam", ordinal=13)
    names = set(Congress.objects.filter(parent=national).values_list("organization", flat=True))
    assert {"Đảng bộ thành phố Hà Nội", "Đảng bộ tỉnh Kon Tum"} <= names


def test_kon_tum_has_two_districts_with_grassroots_congresses_and_one_is_behind(loaded):
    kon_tum = Congress.objects.get(organization="Đảng bộ tỉnh Kon Tum", ordinal=15)
    districts = Congress.objects.filter(parent=kon_tum, level=Congress.Level.DISTRICT)
    assert districts.count() == 2
    assert Congress.objects.filter(parent__in=districts).count() == 3
    counts = selectors.state_counts(kon_tum)
    assert counts[ScheduleState.HELD] == 1 and sum(counts.values()) == 5
    ngochoi = get_user_model().objects.get(username="ngochoi")
    ngoc_hoi = districts.get(organization="Đảng bộ huyện Ngọc Hồi")
    rows = selectors.schedule_rows(access_congress(ngochoi, ngoc_hoi.pk), today())
    assert [r.behind for r in rows] == [True]  # Bờ Y's planned day has passed


def test_a_district_login_sees_nothing_above_it(loaded):
    from django.http import Http404

    dakha = get_user_model().objects.get(username="dakha")
    kon_tum = Congress.objects.get(organization="Đảng bộ tỉnh Kon Tum", ordinal=15)
    with pytest.raises(Http404):
        access_from_above(dakha, kon_tum.pk)


def test_kon_tums_guidance_reached_both_districts_and_dak_ha_reported_on_it(loaded):
    from daihoi.levels.models import Guidance, GuidanceTask

    guidance = Guidance.objects.get(title=levels_demo.GUIDANCE_TITLE)
    assert guidance.recipients.filter(delivered_at__isnull=False).count() == 2
    links = GuidanceTask.objects.filter(item__guidance=guidance)
    assert links.count() == 6
    reported = links.get(
        recipient__congress__organization="Đảng bộ huyện Đắk Hà", item__title__startswith="Treo"
    ).task
    assert reported.progress == 70
    kon_tum = Congress.objects.get(organization="Đảng bộ tỉnh Kon Tum", ordinal=15)
    assert selectors.open_guidance_tasks(kon_tum) == [(guidance, 6)]


def test_kon_tum_asked_its_districts_for_a_report_and_one_has_answered(loaded):
    from daihoi.levels.rollup import rollup
    from daihoi.reporting.models import ReportRequest

    kon_tum = Congress.objects.get(organization="Đảng bộ tỉnh Kon Tum", ordinal=15)
    request = ReportRequest.objects.get(congress=kon_tum, title=levels_demo.REPORT_TITLE)
    sent = {s.answerer_name: s.is_submitted for s in request.submissions.all()}
    assert sorted(sent.values()) == [False, True]
    assert sum(r.unanswered for r in rollup(kon_tum, today()).rows) == 1
