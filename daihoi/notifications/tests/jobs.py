"""A job for the queue test only: it records each run in a table whose key forbids a second."""

import os
import time

from django.db import connection
from django.tasks import task

RUNS_TABLE = "notifications_test_job_run"


@task
def record_run(number: int) -> int:
    time.sleep(0.1)  # long enough for both workers to be busy at once
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {RUNS_TABLE} (number, worker_pid) VALUES (%s, %s)",
            [number, os.getpid()],
        )
    return number
