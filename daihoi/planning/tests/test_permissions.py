"""Fetch-and-authorise: another congress's or another agency's object answers 404 like a missing
one, so its existence does not leak."""

import pytest
from django.http import Http404

from daihoi.accounts.models import Role
from daihoi.organizations.permissions import Access
from daihoi.planning import permissions, services
from daihoi.planning.models import Area, Attachment, Phase, Plan, ProgressUpdate, Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def btg_task(world, secretariat_access) -> Task:
    return services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Treo băng rôn",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
        ),
    )


@pytest.fixture
def update(btg_task, propaganda_access) -> ProgressUpdate:
    return services.task_report_progress(
        access=propaganda_access, task=btg_task, text="Đang in", percent=20, obstacle="Thiếu vải"
    )


def outsider_in(world, congress) -> Access:
    return Access(world.users["officer2"], congress, Role.AGENCY_OFFICER, world.agencies["ca"].pk)


def test_access_task_answers_the_lead_and_the_whole_congress(
    btg_task, propaganda_access, secretariat_access
):
    assert permissions.access_task(propaganda_access, btg_task.pk) == btg_task
    assert permissions.access_task(secretariat_access, btg_task.pk) == btg_task


def test_access_task_answers_404_for_another_agency_another_congress_and_a_missing_task(
    world, btg_task, secretariat_access
):
    for access in (
        outsider_in(world, world.congress),
        Access(world.users["secretariat"], world.other, Role.SECRETARIAT),
    ):
        with pytest.raises(Http404):
            permissions.access_task(access, btg_task.pk)
    with pytest.raises(Http404):
        permissions.access_task(secretariat_access, 999_999)


def test_access_progress_update_and_attachment_answer_404_outside_the_task(
    world, update, propaganda_access
):
    attachment = Attachment.objects.create(
        update=update, file="progress/x.pdf", original_name="x.pdf", size=1
    )
    assert permissions.access_progress_update(propaganda_access, update.pk) == update
    assert permissions.access_attachment(propaganda_access, attachment.pk) == attachment
    for access in (
        outsider_in(world, world.congress),
        Access(world.users["secretariat"], world.other, Role.SECRETARIAT),
    ):
        with pytest.raises(Http404):
            permissions.access_progress_update(access, update.pk)
        with pytest.raises(Http404):
            permissions.access_attachment(access, attachment.pk)


def test_access_plan_answers_404_for_another_congress(world, secretariat_access):
    plan: Plan = world.plan
    assert permissions.access_plan(secretariat_access, plan.pk) == plan
    with pytest.raises(Http404):
        permissions.access_plan(
            Access(world.users["secretariat"], world.other, Role.SECRETARIAT), plan.pk
        )
