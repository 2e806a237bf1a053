"""The XLSX task import as background work: the request stores the file and queues a job; the
worker reads and checks every row (the preview, with its progress), and once a manager confirms,
saves every row or none. Each step moves the job from one state to the next with a conditional
update, so a job run twice (a retried worker, a second click) does its work once."""

from dataclasses import asdict

from django.core.files import File
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.spreadsheets import MAX_BYTES
from daihoi.organizations.permissions import Access, access_congress

from . import imports
from .models import TaskImportAction, TaskImportJob
from .permissions import can_import_tasks

MANAGERS_ONLY = "Chỉ Thường trực / Văn phòng mới nhập được nhiệm vụ từ tệp Excel."
NOT_WAITING = "Lần nhập này không còn chờ xác nhận (đã lưu, đang lưu hoặc có lỗi)."
UNEXPECTED = "Lỗi hệ thống khi xử lý tệp; chưa lưu nhiệm vụ nào. Hãy thử lại hoặc báo quản trị."
State = TaskImportJob.State


def task_import_start(*, access: Access, upload) -> TaskImportJob:
    """Stores the uploaded sheet and queues its reading (`tasks.preview_task_import`)."""
    from .tasks import preview_task_import

    require(can_import_tasks(access), MANAGERS_ONLY)
    size = getattr(upload, "size", 0) or 0
    if size > MAX_BYTES:  # refused before it is stored; the worker checks the rest
        raise BusinessError(
            f"Tệp quá lớn ({size // 1024} KB); tối đa {MAX_BYTES // (1024 * 1024)} MB.",
            field="file",
        )
    name = (getattr(upload, "name", "") or "nhiem-vu.xlsx")[-255:]
    with transaction.atomic():
        job = TaskImportJob(congress=access.congress, created_by=access.user, file_name=name)
        job.file.save(name, upload, save=False)
        job.save()
        record(access, TaskImportAction.UPLOADED, job, data={"file": name})
        transaction.on_commit(lambda: preview_task_import.enqueue(job.pk))
    return job


def task_import_confirm(*, access: Access, job: TaskImportJob) -> None:
    """Queues the saving of a previewed import; a second confirmation is refused."""
    from .tasks import save_task_import

    require(can_import_tasks(access), MANAGERS_ONLY)
    with transaction.atomic():
        moved = TaskImportJob.objects.filter(
            pk=job.pk, congress=access.congress, state=State.PREVIEWED
        ).update(state=State.SAVING, confirmed_by=access.user)
        if not moved:
            raise BusinessError(NOT_WAITING)
        record(access, TaskImportAction.SAVE_ASKED, job, data={"rows": job.total})
        transaction.on_commit(lambda: save_task_import.enqueue(job.pk))


def job_preview(job_id: int) -> str:
    """The worker's reading: every row checked, the rows and their errors kept on the job.
    A job already read (or saved) is left as it is."""
    job = TaskImportJob.objects.select_related("congress").defer("rows").filter(pk=job_id).first()
    if job is None or job.state not in (State.QUEUED, State.READING):
        return job.state if job else "missing"
    TaskImportJob.objects.filter(pk=job.pk).update(state=State.READING, done=0)

    def progress(done: int, total: int) -> None:
        TaskImportJob.objects.filter(pk=job.pk, state=State.READING).update(done=done, total=total)

    try:
        with job.file.open("rb") as handle:
            result = imports.read_tasks(File(handle, name=job.file_name), job.congress, progress)
    except OSError:
        _fail(job.pk, State.READING, ["Không đọc được tệp đã tải lên; hãy tải lên lại."])
        return State.FAILED
    except Exception:
        _fail(job.pk, State.READING, [UNEXPECTED])  # the page stops waiting; the log has why
        raise
    state = State.PREVIEWED if result.ok else State.REJECTED
    TaskImportJob.objects.filter(pk=job.pk, state=State.READING).update(
        state=state,
        rows=[asdict(row) for row in result.rows],
        errors=result.errors + result.row_errors,
        total=len(result.rows),
        done=len(result.rows),
        new_count=result.new_count,
        changed_count=result.changed_count,
        finished_at=timezone.now() if state == State.REJECTED else None,
    )
    return state


def job_save(job_id: int) -> str:
    """The worker's saving: every row or none, as the manager who confirmed it (their rights
    checked again now). The job is locked and marked saved in the same transaction as the
    tasks, so a retried job finds it saved and does nothing."""
    job = TaskImportJob.objects.defer("rows").filter(pk=job_id).first()
    if job is None or job.state != State.SAVING:
        return job.state if job else "missing"
    try:
        if job.confirmed_by is None:
            raise Http404
        access = access_congress(job.confirmed_by, job.congress_id)
    except Http404:
        _fail(job.pk, State.SAVING, ["Người xác nhận không còn quyền trong Đại hội này."])
        return State.FAILED
    try:
        with transaction.atomic():
            locked = TaskImportJob.objects.select_for_update().filter(pk=job.pk).first()
            if locked is None or locked.state != State.SAVING:
                return locked.state if locked else "missing"
            rows = [imports.ImportRow(**item) for item in locked.rows]
            created, updated = imports.tasks_import(access=access, rows=rows)
            TaskImportJob.objects.filter(pk=job.pk).update(
                state=State.SAVED,
                created_count=len(created),
                updated_count=len(updated),
                done=len(rows),
                finished_at=timezone.now(),
            )
    except imports.TaskImportError as error:
        _fail(job.pk, State.SAVING, [error.message, *error.errors])
        return State.FAILED
    except BusinessError as error:  # PermissionDenied included
        _fail(job.pk, State.SAVING, [error.message])
        return State.FAILED
    except Exception:
        _fail(job.pk, State.SAVING, [UNEXPECTED])
        raise
    return State.SAVED


def _fail(job_id: int, state_from: str, errors: list[str]) -> None:
    TaskImportJob.objects.filter(pk=job_id, state=state_from).update(
        state=State.FAILED, errors=errors, finished_at=timezone.now()
    )
