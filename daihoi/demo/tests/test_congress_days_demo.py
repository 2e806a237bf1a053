"""Kon Tum's congress days in the demo: the delegate `daibieu` finds the documents of their
sessions (real PDFs, stamped with their name), the Mật personnel list among them, a withdrawn
draft gone; their registration to speak carries a Word text; the board opens on the speakers."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from pypdf import PdfReader

from daihoi.demo import data
from daihoi.demo.loader import load_demo
from daihoi.demo.reset import reset_demo
from daihoi.materials.models import Material
from daihoi.organizations.models import Congress
from daihoi.speeches.models import Speech

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo()
    yield
    with django_db_blocker.unblock():
        reset_demo()
        get_user_model().objects.filter(username__in=[u["username"] for u in data.USERS]).delete()


@pytest.fixture
def kon_tum(loaded) -> Congress:
    return Congress.objects.get(organization="Đảng bộ tỉnh Kon Tum", ordinal=15)


def _text(pdf: bytes) -> str:
    return " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages
    )


def test_kon_tum_has_its_documents_per_session_with_their_marks(kon_tum):
    rows = list(Material.objects.filter(congress=kon_tum).select_related("session"))
    kinds = {m.kind for m in rows}
    assert {"political_report", "review_report", "resolution", "personnel", "rules"} <= kinds
    (personnel,) = [m for m in rows if m.kind == "personnel"]
    assert personnel.is_secret and personnel.session.title == "Phiên bầu cử"
    assert [m.withdrawal_reason for m in rows if m.is_withdrawn] == [
        "Thay bằng bản đã tiếp thu ý kiến thảo luận tổ."
    ]
    # The Word drafts wait for the worker, which `make demo` runs beside the server.
    assert {m.title for m in rows if m.state == Material.State.CONVERTING} == {
        "Dự thảo Quy chế làm việc của Đại hội",
        "Dự thảo Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XV",
    }
    report = next(m for m in rows if m.kind == "political_report")
    assert report.pages >= 2


def test_daibieu_reads_the_documents_stamped_with_their_name(kon_tum, client):
    client.login(username="daibieu", password=data.PASSWORD)
    page = client.get(reverse("materials:my-list", args=[kon_tum.pk])).content.decode()
    assert "Dự thảo Báo cáo chính trị" in page and "Danh sách nhân sự đề cử" in page
    assert "bản trình lần thứ nhất" not in page  # withdrawn
    report = Material.objects.get(congress=kon_tum, kind="political_report")
    answer = client.get(reverse("materials:my-pdf", args=[kon_tum.pk, report.pk]))
    text = _text(answer.content)
    assert "BÁO CÁO CHÍNH TRỊ" in text and "sâm Ngọc Linh" in text
    user = get_user_model().objects.get(username="daibieu")
    assert user.full_name in text


def test_daibieu_has_a_registration_with_its_text_and_can_register_again(kon_tum, client):
    client.login(username="daibieu", password=data.PASSWORD)
    page = client.get(reverse("speeches:mine", args=[kon_tum.pk])).content.decode()
    assert "Giữ vững tỷ lệ che phủ rừng" in page and "tham-luan-giu-rung.docx" in page
    mine = Speech.objects.get(congress=kon_tum, topic__startswith="Giữ vững tỷ lệ che phủ rừng")
    assert mine.source == Speech.Source.DELEGATE and mine.state == Speech.State.APPROVED
    download = client.get(reverse("speeches:mine-text", args=[kon_tum.pk, mine.pk]))
    assert download.status_code == 200
    assert "Phiên khai mạc" in page  # sessions open for a new registration


def test_the_board_opens_on_the_opening_sessions_speakers(kon_tum, client):
    client.login(username="vanphong", password=data.PASSWORD)
    page = client.get(reverse("speeches:board", args=[kon_tum.pk])).content.decode()
    assert "Sĩ số — Phiên khai mạc" in page
    assert "Tham luận của các đoàn đại biểu" in page
    assert "Giảm nghèo bền vững ở các xã đặc biệt khó khăn" in page
