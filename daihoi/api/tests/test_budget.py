"""Budget estimates through the API: the agency's officer drafts lines and sends them, Finance
returns with a reason and approves line by line; the pages' forms, messages and rules."""

from daihoi.api.models import Scope
from daihoi.budget.models import Estimate
from daihoi.budget.tests.helpers import accesses, make_norm
from daihoi.core.models import AuditEntry

from .helpers import ApiClient


def _line(**changes):
    return {
        "content": "Bồi dưỡng cộng tác viên tuyên truyền",
        "quantity": 10,
        "unit_price": "200.000",
        "unit": "người/ngày",
    } | changes


def test_an_estimate_is_drafted_sent_returned_corrected_and_approved(world):
    officer = ApiClient(world.users["officer"])
    finance = ApiClient(world.users["officer2"])
    base = f"/congresses/{world.congress.pk}/estimates/"
    norm = make_norm(world)

    created = officer.post(base, {"title": "Dự trù kinh phí tuyên truyền", "note": "Năm 2020"})
    assert created.status_code == 201, created.content
    estimate = created.json()
    assert estimate["status"] == "draft" and estimate["lines"] == []
    path = f"{base}{estimate['id']}/"
    again = officer.post(base, {"title": "Dự trù thứ hai"})
    assert again.status_code == 400 and "đã có dự trù" in again.json()["detail"]

    empty = officer.post(path + "submit/")
    assert empty.status_code == 400
    assert empty.json()["detail"] == (
        "Dự trù chưa có dòng nào; hãy thêm nội dung chi trước khi gửi."
    )
    wrong = officer.post(path + "lines/", _line(quantity=0, unit_price="-5"))
    assert wrong.status_code == 400
    assert wrong.json()["errors"]["quantity"] == ["Số lượng phải lớn hơn 0."]
    assert wrong.json()["errors"]["unit_price"] == ["Số tiền không được âm."]
    over = officer.post(path + "lines/", _line(norm=norm.pk, unit_price="250.000"))
    assert over.status_code == 400
    assert "vượt mức tối đa" in over.json()["errors"]["notes"][0]
    added = officer.post(path + "lines/", _line(norm=norm.pk))
    assert added.status_code == 201, added.content
    line = added.json()
    assert line["amount"] == 2_000_000 and line["category"] == norm.category
    assert finance.get(path).status_code == 404  # a draft is its agency's own

    sent = officer.post(path + "submit/")
    assert sent.status_code == 200, sent.content
    assert sent.json()["status"] == "submitted" and sent.json()["requested_total"] == 2_000_000
    locked = officer.put(f"{path}lines/{line['id']}/", _line(quantity=5))
    assert locked.status_code == 400 and "không thể sửa" in locked.json()["detail"]

    assert officer.post(path + "return/", {"comment": "Tự trả"}).status_code == 403
    silent = finance.post(path + "return/", {"comment": " "})
    assert silent.status_code == 400
    assert silent.json()["errors"]["comment"] == ["Khi trả lại dự trù phải ghi rõ ý kiến."]
    returned = finance.post(path + "return/", {"comment": "Giảm số người bồi dưỡng"})
    assert returned.status_code == 200, returned.content
    assert returned.json()["status"] == "returned"
    assert returned.json()["return_comment"] == "Giảm số người bồi dưỡng"

    stale = officer.put(
        f"{path}lines/{line['id']}/", _line(quantity=8, version=line["version"] - 1)
    )
    assert stale.status_code == 409
    edited = officer.put(f"{path}lines/{line['id']}/", _line(quantity=8, version=line["version"]))
    assert edited.status_code == 200, edited.content
    assert edited.json()["amount"] == 1_600_000
    extra = officer.post(path + "lines/", _line(content="Nước uống", quantity=1, unit="lô"))
    assert officer.delete(f"{path}lines/{extra.json()['id']}/").status_code == 204
    assert officer.post(path + "submit/").status_code == 200

    stranger = finance.post(path + "approve/", {"lines": [{"line": 999999, "approved_amount": 1}]})
    assert stranger.status_code == 400
    assert stranger.json()["errors"]["lines"] == ["Dòng 999999 không thuộc dự trù này."]
    unexplained = finance.post(
        path + "approve/", {"lines": [{"line": line["id"], "approved_amount": 1_000_000}]}
    )
    assert unexplained.status_code == 400
    assert "phải ghi lý do" in unexplained.json()["detail"]
    approved = finance.post(
        path + "approve/",
        {"lines": [{"line": line["id"], "approved_amount": "1.000.000", "reason": "Theo thực tế"}]},
    )
    assert approved.status_code == 200, approved.content
    body = approved.json()
    assert body["status"] == "approved" and body["approved_total"] == 1_000_000
    assert body["lines"][0]["approval_reason"] == "Theo thực tế"

    supplement = officer.post(path + "supplements/", {})
    assert supplement.status_code == 201, supplement.content
    assert supplement.json()["title"] == "Dự trù kinh phí bổ sung lần 1"
    assert supplement.json()["supplement_to_id"] == estimate["id"]

    actions = list(
        AuditEntry.objects.filter(object_id=estimate["id"], action__startswith="estimate.")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions[0] == "estimate.created" and "estimate.approved" in actions
    entry = AuditEntry.objects.filter(
        object_id=estimate["id"], action__startswith="estimate."
    ).latest("id")
    assert entry.data.get("api_token") == finance.token.prefix


def test_another_congress_and_a_read_only_token_are_refused(world):
    a = accesses(world)
    from daihoi.budget import services

    estimate = services.estimate_create(access=a["btg"], title="Dự trù kinh phí tuyên truyền")
    path = f"/congresses/{world.congress.pk}/estimates/{estimate.pk}/"
    outsider = ApiClient(world.users["outsider"])
    assert outsider.post(path + "lines/", _line()).status_code == 404
    other = f"/congresses/{world.other.pk}/estimates/{estimate.pk}/"
    assert outsider.post(other + "lines/", _line()).status_code == 404
    assert outsider.get(other).status_code == 404

    reader = ApiClient(world.users["officer"], scope=Scope.READ)
    assert reader.get(path).status_code == 200
    refused = reader.post(path + "lines/", _line())
    assert refused.status_code == 403
    assert "chỉ có quyền đọc" in refused.json()["detail"]
    assert reader.post(path + "submit/").status_code == 403
    assert not Estimate.objects.get(pk=estimate.pk).lines.exists()


def test_the_estimate_list_takes_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    from daihoi.budget import services
    from daihoi.organizations.permissions import Access

    for key in ("btg", "svh", "ca", "vptu"):
        agency = world.agencies[key]
        officer = Access(world.users["officer"], world.congress, "agency", agency.pk)
        services.estimate_create(access=officer, title=f"Dự trù của {agency.name}")
    secretariat = ApiClient(world.users["secretariat"])
    with django_assert_max_num_queries(6):
        response = secretariat.get(f"/congresses/{world.congress.pk}/estimates/")
    assert response.status_code == 200 and len(response.json()["results"]) == 4
