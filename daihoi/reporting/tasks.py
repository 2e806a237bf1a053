"""Background work of reporting: the daily snapshot behind the charts over time, the XLSX task
import (reading, then saving)."""

import datetime as dt

from django.tasks import task

from daihoi.core.dates import today as local_today


def take_snapshots(day: dt.date | None = None) -> int:
    """Today's counts for every congress in preparation; safe to run any number of times a day."""
    from daihoi.organizations.models import Congress

    from .services import snapshot_take

    day = day or local_today()
    taken = 0
    for congress in Congress.objects.filter(is_active=True).order_by("pk"):
        snapshot_take(congress=congress, day=day)
        taken += 1
    return taken


@task()
def take_daily_snapshot() -> int:
    return take_snapshots()


@task()
def preview_task_import(job_id: int) -> str:
    from .import_jobs import job_preview

    return job_preview(job_id)


@task()
def save_task_import(job_id: int) -> str:
    from .import_jobs import job_save

    return job_save(job_id)
