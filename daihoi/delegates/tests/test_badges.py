import re

import pytest
from django.urls import reverse

from daihoi.testing.mail import run_worker

from ..badge_pdf import BadgeFace, render_badges
from ..models import Badge
from ..services.badges import badges_print
from .helpers import make_delegate, make_delegation

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_prints_a_delegations_badges_and_a_reprint_revokes_the_old(
    world, secretariat_access, client
):
    city = make_delegation(secretariat_access)
    other = make_delegation(secretariat_access, "Đoàn Đảng bộ huyện Sa Thầy", order=2)
    people = [make_delegate(secretariat_access, city, full_name=f"Đại biểu {i}") for i in range(3)]
    make_delegate(secretariat_access, other, full_name="Người đoàn khác")
    batch = badges_print(access=secretariat_access, delegation=city)
    assert batch.total == 3 and not Badge.objects.exists()
    run_worker()
    batch.refresh_from_db()
    assert batch.state == "done" and batch.done == 3
    with batch.pdf.open("rb") as handle:
        pdf = handle.read()
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type /Page\b(?!s)", pdf)) == 3
    first = Badge.objects.get(delegate=people[0])
    assert first.revoked_at is None and len(first.token_hash) == 64
    badges_print(access=secretariat_access, delegate=people[0])
    run_worker()
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert Badge.objects.filter(delegate=people[0], revoked_at__isnull=True).count() == 1
    assert Badge.objects.filter(revoked_at__isnull=True).count() == 3
    client.force_login(world.users["secretariat"])
    page = client.get(reverse("delegates:badge-list", args=[world.congress.pk])).content.decode()
    assert "Tải PDF" in page
    download = client.get(reverse("delegates:badge-pdf", args=[world.congress.pk, batch.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_the_pdf_has_one_a6_page_per_badge():
    faces = [
        BadgeFace(f"tok{i}", "Y Ngọc", "official", "Bí thư", "Đoàn thành phố", None)
        for i in range(4)
    ]
    pdf = render_badges(faces, "Đại hội đại biểu Đảng bộ tỉnh Kon Tum")
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type /Page\b(?!s)", pdf)) == 4
    assert b"/MediaBox [ 0 0 297.6378 419.5276 ]" in pdf
