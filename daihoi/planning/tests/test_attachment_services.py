"""Files attached to progress reports: kept under their names, checked before saving."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.core.exceptions import BusinessError
from daihoi.planning import services
from daihoi.planning.models import ProgressUpdate

from .test_services import make_task

pytestmark = pytest.mark.django_db


def pdf(name="bao-cao.pdf", size=100):
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n\n%%EOF" + b"0" * size, content_type="application/pdf"
    )


def test_attachments_are_stored_with_their_original_names(
    world, secretariat_access, propaganda_access
):
    task = make_task(secretariat_access, world)
    update = services.task_report_progress(
        access=propaganda_access,
        task=task,
        text="Gửi kèm kế hoạch",
        percent=30,
        attachments=[pdf("Kế hoạch chi tiết.pdf")],
    )
    attachment = update.attachments.get()
    assert attachment.original_name == "Kế hoạch chi tiết.pdf"
    assert attachment.file.read().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("virus.exe", b"MZ...."), "không đúng định dạng"),
        (SimpleUploadedFile("gia.pdf", b"MZ not a pdf"), "không khớp"),
        (SimpleUploadedFile("rong.pdf", b""), "rỗng"),
    ],
)
def test_bad_attachments_are_refused_and_the_report_is_not_saved(
    world, secretariat_access, propaganda_access, upload, message
):
    task = make_task(secretariat_access, world)
    with pytest.raises(BusinessError, match=message):
        services.task_report_progress(
            access=propaganda_access, task=task, text="x", percent=10, attachments=[upload]
        )
    assert not ProgressUpdate.objects.exists()


def test_oversized_attachment_is_refused(world, secretariat_access, propaganda_access, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    task = make_task(secretariat_access, world)
    with pytest.raises(BusinessError, match="vượt quá dung lượng"):
        services.task_report_progress(
            access=propaganda_access,
            task=task,
            text="x",
            percent=10,
            attachments=[pdf(size=2 * 1024 * 1024)],
        )
    assert not ProgressUpdate.objects.exists()
