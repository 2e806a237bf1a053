"""Each budget service writes exactly one audit entry with its action code; the estimate page
shows them."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.core.models import AuditEntry

from .. import selectors, services, spreadsheets
from ..models import Estimate, EstimateAction
from .helpers import accesses, make_norm

pytestmark = pytest.mark.django_db


def codes_since(count: int) -> list[str]:
    return list(AuditEntry.objects.order_by("id").values_list("action", flat=True)[count:])


def test_each_service_writes_one_entry_with_its_action_code(world):
    a = accesses(world)
    n = AuditEntry.objects.count()
    norm = make_norm(world)
    assert codes_since(n) == [EstimateAction.NORM_CREATED]
    n = AuditEntry.objects.count()
    services.norm_update(access=a["finance"], norm=norm, max_unit_price=250_000)
    assert codes_since(n) == [EstimateAction.NORM_UPDATED]
    entry = AuditEntry.objects.latest("id")
    assert entry.actor == world.users["officer2"]
    assert entry.data["changes"] == [["Mức chi tối đa (đồng)", "200000", "250000"]]

    steps = [
        (
            EstimateAction.CREATED,
            lambda: services.estimate_create(access=a["btg"], title="Dự trù tuyên truyền"),
        ),
    ]
    n = AuditEntry.objects.count()
    estimate = steps[0][1]()
    assert codes_since(n) == [EstimateAction.CREATED]

    def once(code: EstimateAction, action: Callable[[], Any]) -> Any:
        before = AuditEntry.objects.count()
        result = action()
        assert codes_since(before) == [code]
        return result

    once(
        EstimateAction.UPDATED,
        lambda: services.estimate_update(access=a["btg"], estimate=estimate, title="Dự trù mới"),
    )
    line = once(
        EstimateAction.LINE_ADDED,
        lambda: services.estimate_line_add(
            access=a["btg"],
            estimate=estimate,
            content="In pano",
            quantity=2,
            unit_price=1,
            unit="tấm",
        ),
    )
    once(
        EstimateAction.LINE_UPDATED,
        lambda: services.estimate_line_update(
            access=a["btg"], line=line, content="In pano", quantity=3, unit_price=1, unit="tấm"
        ),
    )
    extra = services.estimate_line_add(
        access=a["btg"], estimate=estimate, content="Hoa", quantity=1, unit_price=1, unit="lẵng"
    )
    once(
        EstimateAction.LINE_DELETED,
        lambda: services.estimate_line_delete(access=a["btg"], line=extra),
    )
    once(
        EstimateAction.SUBMITTED,
        lambda: services.estimate_submit(access=a["btg"], estimate=estimate),
    )
    once(
        EstimateAction.RETURNED,
        lambda: services.estimate_return(access=a["finance"], estimate=estimate, comment="Bổ sung"),
    )
    services.estimate_submit(access=a["btg"], estimate=estimate)
    once(
        EstimateAction.APPROVED,
        lambda: services.estimate_approve(
            access=a["finance"],
            estimate=estimate,
            decisions=[services.LineDecision(line.pk, 3)],
        ),
    )
    once(
        EstimateAction.SPENDING_RECORDED,
        lambda: services.spending_record(
            access=a["btg"], line=line, amount=2, spent_on=dt.date(2020, 9, 1), content="Chi"
        ),
    )


def test_a_norm_import_writes_one_entry_per_norm_it_touches(world):
    finance = accesses(world)["finance"]
    make_norm(world)
    make_norm(world, code="DM02", name="Hoa tươi")
    content = spreadsheets.export_norms(selectors.norms_of(finance))
    n = AuditEntry.objects.count()
    services.norms_import(access=finance, upload=SimpleUploadedFile("x.xlsx", content))
    assert codes_since(n) == [EstimateAction.NORM_IMPORTED] * 2


def test_the_estimate_page_shows_its_history_with_the_return_comment(world, client):
    a = accesses(world)
    estimate = services.estimate_create(access=a["btg"], title="Dự trù tuyên truyền")
    services.estimate_line_add(
        access=a["btg"], estimate=estimate, content="In pano", quantity=2, unit_price=1, unit="tấm"
    )
    services.estimate_submit(access=a["btg"], estimate=estimate)
    services.estimate_return(access=a["finance"], estimate=estimate, comment="Giảm số lượng pano")
    client.force_login(world.users["officer"])
    page = client.get(f"/dai-hoi/{world.congress.pk}/kinh-phi/du-tru/{estimate.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    history = html[html.index('id="history"') :]
    for label in ("Lập dự trù kinh phí", "Thêm khoản chi", "Gửi Sở Tài chính"):
        assert label in history
    assert "Trả lại để hoàn thiện: Giảm số lượng pano" in history
    assert Estimate.objects.get(pk=estimate.pk).status == Estimate.Status.RETURNED
