import datetime as dt

import pytest
from django.http import Http404

from daihoi.audit.permissions import access_deleted, access_trash_kind, can_use_trash
from daihoi.audit.trash import KINDS
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase

pytestmark = pytest.mark.django_db


def _task(access, agency: Agency):
    return planning_services.task_create(
        access=access,
        fields=planning_services.TaskFields(
            title="In pano tuyên truyền",
            lead_agency=agency,
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=dt.date(2020, 9, 30),
        ),
    )


def test_access_deleted_returns_a_deleted_record_of_the_congress(world, secretariat_access):
    task = _task(secretariat_access, world.agencies["btg"])
    planning_services.task_delete(access=secretariat_access, task=task)
    assert access_deleted(secretariat_access, KINDS["task"], task.pk).pk == task.pk


def test_access_deleted_answers_404_for_a_record_not_in_the_trash(world, secretariat_access):
    task = _task(secretariat_access, world.agencies["btg"])
    with pytest.raises(Http404):
        access_deleted(secretariat_access, KINDS["task"], task.pk)


def test_access_deleted_answers_404_for_another_congresss_deleted_record(
    world, secretariat_access, admin_access
):
    other = Access(admin_access.user, world.other, admin_access.role)
    task = _task(other, world.other_agency)
    planning_services.task_delete(access=other, task=task)
    with pytest.raises(Http404):
        access_deleted(secretariat_access, KINDS["task"], task.pk)


def test_an_unknown_kind_answers_404_and_only_the_secretariat_uses_the_trash(
    secretariat_access, leader_access, propaganda_access
):
    with pytest.raises(Http404):
        access_trash_kind("khac")
    assert can_use_trash(secretariat_access)
    assert not can_use_trash(leader_access) and not can_use_trash(propaganda_access)
