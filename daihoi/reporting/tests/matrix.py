"""The task import's pages in the permission matrix (see `daihoi/testing/matrix.py`): secretariat
work, refused (403) to every other role of the congress."""

from daihoi.testing.matrix import MANAGERS_ONLY, expect

from ..models import TaskImportJob

ROWS = {
    "reporting:task-import-job": ("get", expect(200, **MANAGERS_ONLY)),
    "reporting:task-import-progress": ("get", expect(200, **MANAGERS_ONLY)),
    # The first manager's confirmation queues the saving; the second is told it is no longer
    # waiting: both are sent back to the job's page.
    "reporting:task-import-confirm": ("post", expect(302, **MANAGERS_ONLY)),
}

KWARG_KEYS = [["congress_id", "import_job_id"]]


def objects(world, base: dict) -> dict:
    job = TaskImportJob.objects.create(
        congress=world.congress,
        created_by=world.users["secretariat"],
        file_name="nhiem-vu.xlsx",
        state=TaskImportJob.State.PREVIEWED,
        total=1,
        done=1,
        new_count=1,
        rows=[
            {
                "line": 2,
                "title": "In pano chào mừng",
                "lead_id": world.agencies["btg"].pk,
                "lead_name": world.agencies["btg"].name,
                "area": "propaganda",
                "phase": "before",
            }
        ],
    )
    return {"import_job_id": job.pk}
