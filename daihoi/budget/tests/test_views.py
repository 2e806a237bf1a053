import pytest
from django.urls import reverse

from daihoi.accounts.models import Role
from daihoi.organizations.models import Participation
from daihoi.testing.factories import UserFactory

from .. import services
from ..models import Estimate, EstimateLine
from .helpers import accesses, approved_estimate_with_spending, make_norm

pytestmark = pytest.mark.django_db


def url(name, world, **kwargs):
    return reverse(f"budget:{name}", kwargs={"congress_id": world.congress.pk, **kwargs})


@pytest.fixture
def draft(world):
    a = accesses(world)
    estimate = services.estimate_create(access=a["btg"], title="Dự trù tuyên truyền")
    services.estimate_line_add(
        access=a["btg"],
        estimate=estimate,
        content="In pano",
        quantity=2,
        unit_price=1_000_000,
        unit="tấm",
    )
    return estimate


@pytest.fixture
def svh_officer(world):
    user = UserFactory.create(username="svh")
    Participation.objects.create(
        user=user, congress=world.congress, role=Role.AGENCY_OFFICER, agency=world.agencies["svh"]
    )
    return user


def test_another_agency_never_sees_an_estimate_in_any_state(world, client, draft, svh_officer):
    client.force_login(svh_officer)
    detail = url("estimate-detail", world, estimate_id=draft.pk)
    assert client.get(detail).status_code == 404
    services.estimate_submit(access=accesses(world)["btg"], estimate=draft)
    assert client.get(detail).status_code == 404
    assert client.get(url("spending", world, estimate_id=draft.pk)).status_code == 404
    assert "Dự trù tuyên truyền" not in client.get(url("estimate-list", world)).content.decode()


def test_a_draft_is_private_to_its_agency_but_the_secretariat_may_read_it(world, client, draft):
    detail = url("estimate-detail", world, estimate_id=draft.pk)
    client.force_login(world.users["officer2"])  # Finance sees it only once submitted
    assert client.get(detail).status_code == 404
    client.force_login(world.users["secretariat"])
    response = client.get(detail)
    assert response.status_code == 200 and "In pano" in response.content.decode()


@pytest.mark.parametrize(
    ("quantity", "price", "message"),
    [
        ("-2", "100.000", "Số lượng phải lớn hơn 0."),
        ("2000000000", "100.000", "Số lượng quá lớn"),
        ("abc", "100.000", "Số lượng phải là số nguyên."),
        ("2", "12a000", "Số tiền không hợp lệ"),
        ("2", "-5.000", "Số tiền không được âm."),
        ("2", "", "Vui lòng nhập đơn giá."),
    ],
)
def test_bad_line_input_gets_a_vietnamese_message_and_saves_nothing(
    world, client, draft, quantity, price, message
):
    client.force_login(world.users["officer"])
    response = client.post(
        url("line-add", world, estimate_id=draft.pk),
        {"content": "Thuê hội trường", "quantity": quantity, "unit_price": price, "unit": "ngày"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert draft.lines.count() == 1


@pytest.mark.parametrize("price", ["1.234.567", "1234567", "1,234,567"])
def test_prices_are_accepted_with_dots_commas_or_plain_digits(world, client, draft, price):
    client.force_login(world.users["officer"])
    response = client.post(
        url("line-add", world, estimate_id=draft.pk),
        {"content": "Thuê hội trường", "quantity": "2", "unit_price": price, "unit": "ngày"},
    )
    assert response.status_code == 302
    assert draft.lines.get(content="Thuê hội trường").amount == 2_469_134


def test_a_price_over_the_norm_without_explanation_is_explained_on_the_form(world, client, draft):
    norm = make_norm(world)
    client.force_login(world.users["officer"])
    data = {"content": "Bồi dưỡng", "quantity": "5", "unit_price": "300.000", "norm": norm.pk}
    response = client.post(url("line-add", world, estimate_id=draft.pk), data)
    assert "vượt mức tối đa 200.000 đ/người/ngày" in response.content.decode()
    data["notes"] = "Mời chuyên gia"
    assert client.post(url("line-add", world, estimate_id=draft.pk), data).status_code == 302
    response = client.get(url("estimate-detail", world, estimate_id=draft.pk))
    assert "Vượt định mức" in response.content.decode()


def test_an_estimate_edited_after_submission_is_refused_with_a_message(world, client, draft):
    services.estimate_submit(access=accesses(world)["btg"], estimate=draft)
    line = draft.lines.get()
    client.force_login(world.users["officer"])
    response = client.post(
        url("line-edit", world, estimate_id=draft.pk, line_id=line.pk),
        {"content": "Sửa", "quantity": "1", "unit_price": "1"},
        follow=True,
    )
    assert "Dự trù đã gửi Sở Tài chính, không thể sửa." in response.content.decode()
    response = client.post(
        url("line-delete", world, estimate_id=draft.pk, line_id=line.pk), follow=True
    )
    assert "không thể sửa" in response.content.decode()
    assert EstimateLine.objects.get(pk=line.pk).content == "In pano"


def test_an_approval_larger_than_the_request_without_a_reason_is_refused(world, client, draft):
    services.estimate_submit(access=accesses(world)["btg"], estimate=draft)
    line = draft.lines.get()
    client.force_login(world.users["officer2"])
    page = url("estimate-approve", world, estimate_id=draft.pk)
    response = client.post(page, {f"approved_{line.pk}": "3.000.000", f"reason_{line.pk}": ""})
    assert "lớn hơn số đề nghị 2.000.000 đ; phải ghi lý do" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Estimate.Status.SUBMITTED
    response = client.post(
        page, {f"approved_{line.pk}": "3.000.000", f"reason_{line.pk}": "Thêm 1 tấm"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.approved_total == 3_000_000


def test_the_compilation_docx_and_xlsx_download(world, client):
    approved_estimate_with_spending(world)
    client.force_login(world.users["officer2"])
    docx = client.get(url("compilation-docx", world))
    assert docx["Content-Type"].endswith("wordprocessingml.document")
    assert docx.content[:2] == b"PK"
    xlsx = client.get(url("compilation-xlsx", world))
    assert xlsx["Content-Type"].endswith("spreadsheetml.sheet")


def test_the_budget_dashboard_shows_approved_and_spent(world, client):
    approved_estimate_with_spending(world)
    client.force_login(world.users["leader"])
    html = client.get(url("overview", world)).content.decode()
    assert "2.000.000 đ" in html and "1.500.000 đ" in html


def _many_estimates(world, n=6):
    from daihoi.organizations.models import Agency

    for i in range(n):
        agency = Agency.objects.create(congress=world.congress, name=f"Đơn vị {i}")
        estimate = Estimate.objects.create(
            congress=world.congress,
            agency=agency,
            title=f"Dự trù {i}",
            status="submitted",
            requested_total=100,
        )
        EstimateLine.objects.create(
            estimate=estimate, content="x", unit="bộ", quantity=1, unit_price=100, amount=100
        )


@pytest.mark.parametrize(
    "name", ["overview", "estimate-list", "compilation", "norm-list", "compilation-xlsx"]
)
def test_budget_lists_do_not_grow_queries_with_rows(
    world, client, name, django_assert_max_num_queries
):
    approved_estimate_with_spending(world)
    client.force_login(world.users["officer2"])
    with django_assert_max_num_queries(30) as small:
        client.get(url(name, world))
    _many_estimates(world, 12)
    for i in range(12):
        make_norm(world, code=f"N{i:02d}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url(name, world)).status_code == 200


def test_the_estimate_page_does_not_grow_queries_with_lines(
    world, client, draft, django_assert_max_num_queries
):
    client.force_login(world.users["officer"])
    page = url("estimate-detail", world, estimate_id=draft.pk)
    with django_assert_max_num_queries(40) as small:
        client.get(page)
    a = accesses(world)
    for i in range(10):
        services.estimate_line_add(
            access=a["btg"],
            estimate=draft,
            content=f"Khoản {i}",
            quantity=1,
            unit_price=1000,
            unit="bộ",
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(page)
