import datetime as dt

import pytest
from django.urls import reverse

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, ConflictError, PermissionDenied
from daihoi.testing.files import pdf_upload

from .. import selectors, services
from ..models import ReadinessArea, ReadinessItem, ReadinessState
from .helpers import accesses, png_upload, readiness_item

pytestmark = pytest.mark.django_db


def test_responsible_agency_reports_ready_with_a_photo_and_it_is_audited(world):
    item = readiness_item(world)
    services.readiness_item_report(
        access=accesses(world)["btg"],
        item=item,
        state=ReadinessState.READY,
        photos=[png_upload("hoi-truong.png")],
    )
    item.refresh_from_db()
    assert item.state == ReadinessState.READY
    assert [p.original_name for p in item.photos.all()] == ["hoi-truong.png"]
    entry = history_of(item)[0]
    assert entry.action == "readiness.reported"
    assert entry.changes == [["Tình trạng", "Chưa triển khai", "Đã sẵn sàng"]]


def test_ready_without_any_photo_is_refused(world):
    item = readiness_item(world)
    with pytest.raises(BusinessError, match="ảnh minh chứng"):
        services.readiness_item_report(
            access=accesses(world)["btg"], item=item, state=ReadinessState.READY
        )
    assert ReadinessItem.objects.get(pk=item.pk).state == ReadinessState.TODO


def test_ready_later_reuses_a_photo_sent_earlier(world):
    item = readiness_item(world)
    btg = accesses(world)["btg"]
    services.readiness_item_report(
        access=btg, item=item, state=ReadinessState.DOING, photos=[pdf_upload("bien-ban.pdf")]
    )
    services.readiness_item_report(access=btg, item=item, state=ReadinessState.READY)
    assert ReadinessItem.objects.get(pk=item.pk).state == ReadinessState.READY


def test_a_problem_needs_a_note(world):
    item = readiness_item(world)
    with pytest.raises(BusinessError, match="vướng mắc"):
        services.readiness_item_report(
            access=accesses(world)["btg"], item=item, state=ReadinessState.PROBLEM
        )


def test_a_text_file_is_not_a_photo_proof(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    item = readiness_item(world)
    with pytest.raises(BusinessError, match="không phải ảnh"):
        services.readiness_item_report(
            access=accesses(world)["btg"],
            item=item,
            state=ReadinessState.DOING,
            photos=[SimpleUploadedFile("ghi-chu.txt", b"xong")],
        )
    assert not item.photos.exists()


def test_another_agency_and_a_plain_member_cannot_report(world):
    item = readiness_item(world)
    for who in ("svh", "member"):
        with pytest.raises(PermissionDenied):
            services.readiness_item_report(
                access=accesses(world)[who], item=item, state=ReadinessState.DOING
            )


def test_only_service_staff_create_items(world):
    fields = services.ItemFields(
        area=ReadinessArea.SECURITY, title="Phương án an ninh", agency=world.agencies["ca"]
    )
    with pytest.raises(PermissionDenied):
        services.readiness_item_create(access=accesses(world)["member"], fields=fields)
    # The leader chairs the service subcommittee: staff.
    item = services.readiness_item_create(access=accesses(world)["leader"], fields=fields)
    assert item.agency == world.agencies["ca"]


def test_an_edit_opened_before_another_save_is_refused(world):
    item = readiness_item(world)
    staff = accesses(world)["secretariat"]
    fields = services.ItemFields(
        area=ReadinessArea.FLAGS, title="Treo cờ trên các tuyến phố", agency=world.agencies["svh"]
    )
    services.readiness_item_update(access=staff, item=item, fields=fields, expected_version=1)
    with pytest.raises(ConflictError):
        services.readiness_item_update(access=staff, item=item, fields=fields, expected_version=1)


def test_summary_counts_ready_problem_and_late_per_area(world):
    staff = accesses(world)["secretariat"]
    today = dt.date(2020, 10, 1)

    def make(area, title, state, deadline):
        item = services.readiness_item_create(
            access=staff,
            fields=services.ItemFields(
                area=area, title=title, agency=world.agencies["svh"], deadline=deadline
            ),
        )
        ReadinessItem.objects.filter(pk=item.pk).update(state=state)

    make(ReadinessArea.HALL, "Phông hội trường", ReadinessState.READY, dt.date(2020, 9, 1))
    make(ReadinessArea.HALL, "Hoa trang trí", ReadinessState.DOING, dt.date(2020, 9, 30))
    make(ReadinessArea.HALL, "Âm thanh", ReadinessState.TODO, dt.date(2020, 10, 1))
    make(ReadinessArea.HEALTH, "Tổ y tế", ReadinessState.PROBLEM, None)
    summary = selectors.readiness_summary(staff, today)
    hall, health = summary.areas
    assert (hall.area, hall.total, hall.ready, hall.problem, hall.late) == ("hall", 3, 1, 0, 1)
    assert hall.percent == 33
    assert (health.total, health.problem, health.late) == (1, 1, 0)
    assert (summary.total, summary.ready, summary.percent) == (4, 1, 25)


def test_officer_reports_through_the_page_with_a_photo(world, client):
    item = readiness_item(world)
    client.force_login(world.users["officer"])
    url = reverse("logistics:readiness-report", args=[world.congress.pk, item.pk])
    response = client.post(url, {"state": "ready", "note": "", "photos": [png_upload()]})
    assert response.status_code == 302
    detail = client.get(response.url)
    assert "Đã sẵn sàng" in detail.content.decode()
    photo = item.photos.get()
    download = client.get(reverse("logistics:readiness-photo", args=[world.congress.pk, photo.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"\x89PNG")


def test_a_refused_report_shows_the_reason_on_the_form(world, client):
    item = readiness_item(world)
    client.force_login(world.users["officer"])
    url = reverse("logistics:readiness-report", args=[world.congress.pk, item.pk])
    response = client.post(url, {"state": "ready", "note": ""})
    assert response.status_code == 200
    assert "Cần ít nhất một ảnh minh chứng" in response.content.decode()


def test_secretariat_adds_an_item_through_the_form(world, client):
    client.force_login(world.users["secretariat"])
    url = reverse("logistics:readiness-create", args=[world.congress.pk])
    response = client.post(
        url,
        {
            "area": "sanitation",
            "title": "Vệ sinh môi trường quanh hội trường",
            "agency": world.agencies["svh"].pk,
            "deadline": "10/10/2020",
        },
    )
    assert response.status_code == 302
    item = ReadinessItem.objects.get(title="Vệ sinh môi trường quanh hội trường")
    assert item.deadline == dt.date(2020, 10, 10)


def test_readiness_list_and_dashboard_block_read_in_few_queries(
    world, client, django_assert_max_num_queries
):
    for n in range(12):
        readiness_item(world, title=f"Hạng mục {n}")
    client.force_login(world.users["member"])
    with django_assert_max_num_queries(12):
        page = client.get(reverse("logistics:readiness-list", args=[world.congress.pk]))
    assert page.content.decode().count("Hạng mục ") >= 12
    with django_assert_max_num_queries(8):
        block = client.get(reverse("logistics:readiness-block", args=[world.congress.pk]))
    assert "0/12" in block.content.decode()
    dashboard = client.get(reverse("planning:dashboard", args=[world.congress.pk]))
    assert (
        reverse("logistics:readiness-block", args=[world.congress.pk]) in dashboard.content.decode()
    )
