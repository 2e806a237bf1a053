"""A congress set up in the app: created by a secretariat user or the administrator, described
and edited by its secretariat; the dates move through planning's reschedule."""

import datetime as dt

import pytest

from daihoi.accounts.models import Role
from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.organizations.models import Congress, CongressAction, Participation
from daihoi.organizations.services.congresses import (
    CongressDetails,
    congress_create,
    congress_update,
)

DETAILS = CongressDetails(
    name="Đại hội đại biểu Đảng bộ thành phố Kon Tum",
    organization="Đảng bộ thành phố Kon Tum",
    level=Congress.Level.DISTRICT,
    ordinal=12,
    term_start=2020,
    term_end=2025,
    venue="Hội trường Thành ủy",
    place_name="Kon Tum",
)


def test_a_secretariat_user_creates_a_congress_and_becomes_its_secretariat(world):
    user = world.users["secretariat"]
    congress = congress_create(user=user, details=DETAILS, opening_date=dt.date(2020, 7, 20))
    participation = Participation.objects.get(user=user, congress=congress)
    assert participation.role == Role.SECRETARIAT
    assert congress.full_title.endswith("lần thứ XII, nhiệm kỳ 2020–2025")
    assert history_of(congress).get().action == CongressAction.CREATED


@pytest.mark.parametrize("key", ["officer", "leader", "member"])
def test_only_a_secretariat_user_or_the_administrator_creates_a_congress(world, key):
    with pytest.raises(PermissionDenied):
        congress_create(user=world.users[key], details=DETAILS)
    assert not Congress.objects.filter(name=DETAILS.name).exists()
    congress_create(user=world.admin, details=DETAILS)


def test_a_term_ending_before_it_starts_is_refused_and_nothing_is_saved(world):
    bad = CongressDetails(**(DETAILS.__dict__ | {"term_end": 2019}))
    with pytest.raises(BusinessError, match="Năm kết thúc nhiệm kỳ"):
        congress_create(user=world.users["secretariat"], details=bad)
    assert not Congress.objects.filter(name=DETAILS.name).exists()


def test_the_secretariat_edits_the_details_with_the_change_in_history(world, secretariat_access):
    details = CongressDetails(**(DETAILS.__dict__ | {"venue": "Trung tâm Hội nghị tỉnh"}))
    congress = congress_update(access=secretariat_access, details=details)
    assert congress.venue == "Trung tâm Hội nghị tỉnh"
    assert congress.opening_date == dt.date(2020, 10, 14)  # the dates are not touched
    entry = history_of(congress).get()
    assert entry.action == CongressAction.UPDATED
    assert ["Địa điểm", "—", "Trung tâm Hội nghị tỉnh"] in entry.changes


def test_an_officer_cannot_edit_the_congress(world, propaganda_access):
    with pytest.raises(PermissionDenied):
        congress_update(access=propaganda_access, details=DETAILS)


def test_the_create_page_makes_the_congress_and_opens_its_set_up(world, client):
    client.force_login(world.users["secretariat"])
    assert "Tạo Đại hội mới" in client.get("/?chon=1").content.decode()
    form = {
        "name": DETAILS.name,
        "organization": DETAILS.organization,
        "level": "district",
        "ordinal": 12,
        "term_start": 2020,
        "term_end": 2025,
        "document_rules": "party",
        "opening_date": "20/07/2020",
    }
    response = client.post("/dai-hoi/moi/", form | {"closing_date": "19/07/2020"})
    assert "Ngày bế mạc không được trước ngày khai mạc." in response.content.decode()
    assert not Congress.objects.filter(name=DETAILS.name).exists()
    response = client.post("/dai-hoi/moi/", form)
    congress = Congress.objects.get(name=DETAILS.name)
    assert response.url == f"/dai-hoi/{congress.pk}/thiet-lap/"
    page = client.get(response.url).content.decode()
    assert "lần thứ XII" in page and "20/07/2020" in page


def test_the_edit_page_leaves_the_dates_to_the_reschedule_page(world, client):
    client.force_login(world.users["secretariat"])
    page = client.get(f"/dai-hoi/{world.congress.pk}/thiet-lap/sua/").content.decode()
    assert 'name="opening_date"' not in page
    assert f"/dai-hoi/{world.congress.pk}/lich/" in page
