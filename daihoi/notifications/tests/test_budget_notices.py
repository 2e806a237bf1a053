"""Budget events reach Finance's officers or the agency's officers, and nobody else; the
preference change is audited; a notification is only ever its recipient's."""

import pytest
from django.http import Http404

from daihoi.budget import services as budget_services
from daihoi.budget.tests.helpers import accesses
from daihoi.core.models import AuditEntry
from daihoi.notifications import services
from daihoi.notifications.models import Kind, Notification, NotificationAction
from daihoi.notifications.permissions import access_notification

pytestmark = pytest.mark.django_db


def recipients(kind: str) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


@pytest.fixture
def submitted(world, django_capture_on_commit_callbacks):
    a = accesses(world)
    estimate = budget_services.estimate_create(access=a["btg"], title="Dự trù tuyên truyền")
    line = budget_services.estimate_line_add(
        access=a["btg"],
        estimate=estimate,
        content="In pano",
        quantity=2,
        unit_price=500_000,
        unit="tấm",
    )
    with django_capture_on_commit_callbacks(execute=True):
        budget_services.estimate_submit(access=a["btg"], estimate=estimate)
    return estimate, line


def test_a_submitted_estimate_reaches_finance_officers_only(world, submitted):
    estimate, _ = submitted
    assert recipients(Kind.ESTIMATE_SUBMITTED) == {"officer2"}
    notice = Notification.objects.get(kind=Kind.ESTIMATE_SUBMITTED)
    assert notice.title == "Ban Tuyên giáo Tỉnh ủy gửi dự trù 1.000.000 đ."
    assert notice.link == f"/dai-hoi/{world.congress.pk}/kinh-phi/du-tru/{estimate.pk}/"


def test_a_return_and_then_an_approval_reach_the_agencys_officers(
    world, submitted, django_capture_on_commit_callbacks
):
    estimate, line = submitted
    a = accesses(world)
    with django_capture_on_commit_callbacks(execute=True):
        budget_services.estimate_return(access=a["finance"], estimate=estimate, comment="Giảm pano")
    assert recipients(Kind.ESTIMATE_RETURNED) == {"officer"}
    returned = Notification.objects.get(kind=Kind.ESTIMATE_RETURNED)
    assert returned.title == "Sở Tài chính trả lại dự trù: Giảm pano"
    with django_capture_on_commit_callbacks(execute=True):
        budget_services.estimate_submit(access=a["btg"], estimate=estimate)
    # Sent again: a new event for Finance, not swallowed by the first one's key.
    assert Notification.objects.filter(kind=Kind.ESTIMATE_SUBMITTED).count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        budget_services.estimate_approve(
            access=a["finance"],
            estimate=estimate,
            decisions=[budget_services.LineDecision(line.pk, line.amount)],
        )
    assert recipients(Kind.ESTIMATE_APPROVED) == {"officer"}
    approved = Notification.objects.get(kind=Kind.ESTIMATE_APPROVED)
    assert approved.title == "Sở Tài chính đã thẩm định dự trù: 1.000.000 đ."


def test_access_notification_answers_404_for_another_users_notice(world, submitted):
    notice = Notification.objects.get(kind=Kind.ESTIMATE_SUBMITTED)
    assert access_notification(world.users["officer2"], notice.pk) == notice
    with pytest.raises(Http404):
        access_notification(world.users["officer"], notice.pk)
    with pytest.raises(Http404):
        access_notification(world.users["officer2"], notice.pk + 1000)


def test_a_preference_change_writes_one_entry_with_the_change(world):
    user = world.users["officer"]
    before = AuditEntry.objects.count()
    services.preference_set(user=user, channel="in_app")
    entries = list(AuditEntry.objects.order_by("id")[before:])
    assert [e.action for e in entries] == [NotificationAction.PREFERENCE_CHANGED]
    assert entries[0].actor == user
    assert entries[0].data["changes"] == [
        [
            "Cách nhận thông báo",
            "Thư điện tử và thông báo trong hệ thống",
            "Chỉ thông báo trong hệ thống",
        ]
    ]
