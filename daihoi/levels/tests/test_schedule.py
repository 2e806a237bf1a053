import datetime as dt

import pytest
from django.urls import reverse

from daihoi.accounts.models import Role
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.levels import selectors, services
from daihoi.levels.models import ScheduleEntry, ScheduleState
from daihoi.levels.permissions import access_from_above
from daihoi.levels.tests.helpers import build_tree
from daihoi.organizations.models import Congress
from daihoi.organizations.permissions import ADMIN, Access

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(world):
    build_tree(world)
    return world


def secretariat(world, congress=None):
    return Access(world.users["secretariat"], congress or world.congress, Role.SECRETARIAT)


def admin(world):
    return Access(world.admin, world.congress, ADMIN)


def test_a_subordinate_congress_sits_under_its_parent_with_its_path(tree):
    district = tree.district
    assert district.parent_id == tree.congress.pk
    assert district.path == f"/{tree.national.pk}/{tree.congress.pk}/{district.pk}/"
    assert district.ancestor_ids == [tree.national.pk, tree.congress.pk]
    assert ScheduleEntry.objects.get(congress=district).state == ScheduleState.NOT_STARTED


def test_a_congress_cannot_become_its_own_ancestor(tree):
    with pytest.raises(BusinessError, match="vòng lặp"):
        services.congress_set_parent(
            access=admin(tree), congress=tree.national, parent=tree.district
        )
    with pytest.raises(BusinessError, match="vòng lặp"):
        services.congress_set_parent(
            access=admin(tree), congress=tree.congress, parent=tree.congress
        )
    tree.national.refresh_from_db()
    assert tree.national.parent_id is None and tree.national.path == f"/{tree.national.pk}/"


def test_moving_a_congress_moves_its_subtree(tree):
    services.congress_set_parent(access=admin(tree), congress=tree.congress, parent=None)
    tree.district.refresh_from_db()
    assert tree.district.path == f"/{tree.congress.pk}/{tree.district.pk}/"


def test_only_the_administrator_sets_a_parent(tree):
    with pytest.raises(PermissionDenied):
        services.congress_set_parent(access=secretariat(tree), congress=tree.congress, parent=None)


def test_a_subordinate_must_be_of_a_lower_level(tree):
    fields = services.SubordinateFields(
        name="Đại hội tỉnh khác",
        organization="Đảng bộ tỉnh khác",
        level=Congress.Level.PROVINCE,
        ordinal=1,
        term_start=2020,
        term_end=2025,
    )
    before = Congress.objects.count()
    with pytest.raises(BusinessError, match="cấp thấp hơn"):
        services.subordinate_create(access=secretariat(tree), fields=fields)
    assert Congress.objects.count() == before


def test_a_schedule_date_after_the_parents_congress_is_refused(tree):
    entry = tree.district.schedule_entry
    with pytest.raises(BusinessError, match="phải trước ngày khai mạc Đại hội cấp trên"):
        services.schedule_update(
            access=secretariat(tree),
            entry=entry,
            fields=services.ScheduleFields(
                planned_date=dt.date(2020, 10, 20), is_pilot=False, state=ScheduleState.PREPARING
            ),
        )
    entry.refresh_from_db()
    assert entry.planned_date == dt.date(2020, 7, 15) and entry.version == 1


def test_held_needs_its_day_and_a_day_needs_held(tree):
    entry = tree.district.schedule_entry
    for state, held in [(ScheduleState.HELD, None), (ScheduleState.PREPARING, dt.date(2020, 7, 1))]:
        with pytest.raises(BusinessError):
            services.schedule_update(
                access=secretariat(tree),
                entry=entry,
                fields=services.ScheduleFields(
                    planned_date=None, is_pilot=False, state=state, held_date=held
                ),
            )


def test_a_stale_schedule_form_is_refused(tree):
    entry = tree.district.schedule_entry
    fields = services.ScheduleFields(
        planned_date=dt.date(2020, 7, 20), is_pilot=True, state=ScheduleState.PREPARING
    )
    services.schedule_update(
        access=secretariat(tree), entry=entry, fields=fields, expected_version=1
    )
    with pytest.raises(BusinessError, match="vừa được người khác lưu"):
        services.schedule_update(
            access=secretariat(tree), entry=entry, fields=fields, expected_version=1
        )


def test_behind_schedule_is_flagged_when_the_planned_day_passed_unheld(tree):
    rows = selectors.schedule_rows(secretariat(tree), dt.date(2020, 7, 20))
    assert [r.behind for r in rows] == [True]
    rows = selectors.schedule_rows(secretariat(tree), dt.date(2020, 7, 1))
    assert [r.behind for r in rows] == [False]
    services.schedule_update(
        access=secretariat(tree),
        entry=tree.district.schedule_entry,
        fields=services.ScheduleFields(
            planned_date=dt.date(2020, 9, 15), is_pilot=False, state=ScheduleState.PREPARING
        ),
    )
    # Planned after the parent's own deadline for districts (31/08/2020).
    assert selectors.schedule_rows(secretariat(tree), dt.date(2020, 7, 1))[0].behind


def test_state_counts_cover_the_whole_subtree(tree):
    counts = selectors.state_counts(tree.national)
    assert counts[ScheduleState.NOT_STARTED] == 3  # Kon Tum, Hải Dương, Đắk Hà


def test_the_parents_secretariat_reads_from_above_and_a_sibling_does_not(tree):
    access = access_from_above(tree.users["parent"], tree.district.pk)
    assert access.is_overseer and access.sees_whole_congress and not access.can_manage
    from django.http import Http404

    with pytest.raises(Http404):
        access_from_above(tree.users["sibling"], tree.district.pk)
    with pytest.raises(Http404):
        # A lower level sees nothing above it.
        access_from_above(tree.users["secretariat"], tree.national.pk)


def test_the_schedule_page_lists_the_subordinates(tree, client, django_assert_max_num_queries):
    client.force_login(tree.users["secretariat"])
    url = reverse("levels:schedule", kwargs={"congress_id": tree.congress.pk})
    with django_assert_max_num_queries(25):
        response = client.get(url)
    assert "Đại hội đại biểu Đảng bộ huyện Đắk Hà" in response.content.decode()


def test_the_secretariat_adds_a_subordinate_through_the_form(tree, client):
    client.force_login(tree.users["secretariat"])
    url = reverse("levels:subordinate-create", kwargs={"congress_id": tree.congress.pk})
    response = client.post(
        url,
        {
            "name": "Đại hội Đảng bộ huyện Sa Thầy",
            "organization": "Đảng bộ huyện Sa Thầy",
            "level": "district",
            "ordinal": "17",
            "term_start": "2020",
            "term_end": "2025",
            "planned_date": "20/07/2020",
        },
    )
    assert response.status_code == 302
    child = Congress.objects.get(name="Đại hội Đảng bộ huyện Sa Thầy")
    assert child.parent_id == tree.congress.pk and child.schedule_entry.planned_date == dt.date(
        2020, 7, 20
    )


def test_a_deadline_is_removed_only_by_its_own_congress_and_another_gets_404(tree, client):
    from daihoi.levels.models import LevelDeadline

    deadline = LevelDeadline.objects.get(congress=tree.congress)
    client.force_login(tree.users["sibling"])
    url = reverse("levels:deadline-remove", args=[tree.other.pk, deadline.pk])
    assert client.post(url).status_code == 404
    assert LevelDeadline.objects.filter(pk=deadline.pk).exists()

    client.force_login(tree.users["secretariat"])
    url = reverse("levels:deadline-remove", args=[tree.congress.pk, deadline.pk])
    assert client.post(url).status_code == 302
    assert not LevelDeadline.objects.filter(pk=deadline.pk).exists()
