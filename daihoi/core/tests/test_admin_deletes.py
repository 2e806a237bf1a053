"""The admin deletes nothing that the application keeps: no delete page, no bulk action."""

import datetime as dt

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Model

from daihoi.organizations.models import Committee, Congress, Membership
from daihoi.planning import services
from daihoi.planning.models import Area, Phase, Plan, Task

pytestmark = pytest.mark.django_db

# Rows that are no business record: the job queue and one-time invitations; a failed-login
# record (axes), whose deletion is how the administrator unlocks an account.
DELETABLE = {"django_tasks_db.dbtaskresult", "accounts.invitation"}


def test_every_business_model_in_the_admin_refuses_deletion(world, rf):
    request = rf.get("/admin/")
    request.user = get_user_model().objects.get(username="quantri")
    checked = []
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        if label in DELETABLE or model._meta.app_label in {"auth", "contenttypes", "axes"}:
            continue
        assert not model_admin.has_delete_permission(request), label
        assert "delete_selected" not in model_admin.get_actions(request), label
        checked.append(label)
    assert {"planning.task", "planning.plan", "organizations.committee"} <= set(checked)


def test_a_task_committee_or_congress_survives_the_admins_delete_address(
    world, client, secretariat_access
):
    task = services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Trang trí hội trường",
            lead_agency=world.agencies["btg"],
            area=Area.CEREMONY,
            phase=Phase.BEFORE,
            deadline=dt.date(2020, 10, 1),
        ),
    )
    client.force_login(get_user_model().objects.get(username="quantri"))
    cases: list[tuple[str, type[Model], int]] = [
        ("planning/task", Task, task.pk),
        ("planning/plan", Plan, Plan.objects.get().pk),
        ("organizations/committee", Committee, world.committee.pk),
        ("organizations/congress", Congress, world.congress.pk),
    ]
    for path, model, pk in cases:
        response = client.post(f"/quan-tri/{path}/{pk}/delete/", {"post": "yes"})
        assert response.status_code == 403, path
        assert model._default_manager.filter(pk=pk).exists(), path
    assert Membership.objects.filter(committee=world.committee).exists()
