"""Background work of the documents app: the PDF of an issued document."""

import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from django.tasks import task

SOFFICE_TIMEOUT_SECONDS = 120


class ConversionError(RuntimeError):
    pass


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes) -> bytes:
    """LibreOffice headless, with a profile of its own so conversions never share one."""
    soffice = soffice_path()
    if soffice is None:
        raise ConversionError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory(prefix="daihoi-pdf-") as work:
        source = Path(work) / "van-ban.docx"
        source.write_bytes(docx)
        profile = Path(tempfile.gettempdir()) / f"lo-{uuid.uuid4().hex}"
        try:
            result = subprocess.run(
                [
                    soffice,
                    "--headless",
                    "--norestore",
                    f"-env:UserInstallation={profile.as_uri()}",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    work,
                    str(source),
                ],
                capture_output=True,
                timeout=SOFFICE_TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ConversionError(
                f"LibreOffice did not finish within {SOFFICE_TIMEOUT_SECONDS} s"
            ) from None
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        target = source.with_suffix(".pdf")
        if result.returncode != 0 or not target.exists():
            raise ConversionError(result.stderr.decode(errors="replace")[-500:])
        return target.read_bytes()


@task()
def convert_to_pdf(document_id: int) -> None:
    from .models import Document
    from .services import document_store_pdf

    document = Document.objects.filter(pk=document_id).first()
    if document is None or not document.docx:
        return
    with document.docx.open("rb") as handle:
        docx = handle.read()
    document_store_pdf(document_id=document_id, pdf=docx_to_pdf(docx))
