"""Task counts kept by the writes: per (congress, lead agency, area, status class).

What it is. `TaskCount` holds, for each congress, lead agency, area and status class
(`status.StatusClass`), how many live tasks are in it, and among them how many await acceptance
and how many were returned. The dashboard, the agency inbox's counts and the charts' agency
table read these rows (at most agencies × areas × 6 per congress) instead of scanning the tasks;
a national roll-up sums them over many congresses (`cells_of` takes several congress ids).

How it stays current. Every write of a task goes through `Task.save()` / `Task.delete()`
(`models/tasks.py`), which read the row's state before (locked) and call `record_states` with
(before, after): the old cell loses the task, the new cell gains it, in the same transaction,
as one `INSERT … ON CONFLICT DO UPDATE` (cells in key order, so two writers never deadlock on
them). The bulk paths:
- `Task.objects.bulk_create` (the XLSX import, generators) adds the created tasks itself;
- `Task.objects.filter(…).update(<a counted column>=…)` recounts the congresses it touched
  (`rebuild`: a scan of each — fine for the demo loader, not for a hot path);
- `Task.objects.bulk_update` (the congress reschedule) reads the states before and after;
- an agency merge (one UPDATE of `lead_agency`) recounts on `agencies_merged`.
Counts kept outside planning of the tasks still to do (the levels app's guidance counts) follow
the same writes: `record_task_states` and `done_changes` send `signals.tasks_done_changed`, a
plain UPDATE sends `signals.tasks_recounted`, inside the writer's transaction.
`Task.all_objects` (the plain manager) bypasses all this: use it only to read.

Time-dependent classes: a DAILY IDEMPOTENT ROLL FORWARD, not buckets by deadline date.
"Overdue" depends on today, so every row classifies as of its congress's `TaskCountClock.as_of`.
When a reader finds `as_of` older than today it rolls the congress forward under the clock's
row lock: the tasks that were on time at `as_of` and are overdue today (open, not reported in
time, `as_of <= deadline < today`) move from "open_on_time" to "open_overdue" — one range scan
on the deadline index, whatever the size of the congress — and `as_of` becomes today. Running it
twice does nothing (the clock already says today). `run_daily_checks` rolls every congress
forward each morning (`roll_forward_all`), so readers rarely pay for it; correctness never
depends on the job, since every reader checks the clock. Why not cells per deadline date
("bucket by deadline"): that makes one cell per (agency, area, deadline) among open tasks —
tens of thousands of rows for a 100,000-task congress with deadlines spread over the year —
and every read would sum them all; the roll forward keeps each read at ≤ agencies × areas × 6
rows and costs one small scan per congress per day.

Concurrency. A write takes the clock row in SHARE mode (PostgreSQL `FOR SHARE`) before
classifying, a roll forward or rebuild takes it FOR UPDATE: writes run side by side, and a roll
forward waits until the writes that classified against the old day have committed (then its
scan sees them). On SQLite writers are serialised by the database itself. A congress with no
clock row, or a clock row whose `as_of` is NULL, has no summary: writes skip it and the first
read builds it (`rebuild`), after any write that created the NULL row has committed.

Reads for another day than today (tests, reports "as of" a date) get None from `cells_of` and
count the tasks directly (`selectors.dashboard_counts` does both). `direct_cells` is that
direct count in the same shape: the consistency tests compare the two.

Where. `cells.py` keeps the cells (states, the clock, the writes' deltas, rebuild and roll
forward); `reading.py` reads them. Both are re-exported here: callers write
`from daihoi.planning import summary; summary.grouped_counts(...)`.
"""

from .cells import (
    DONE_COLUMNS,
    STATE_COLUMNS,
    SUMMARY_FIELDS,
    Key,
    State,
    bring_to,
    caller_counts,
    counted_by_caller,
    direct_cells,
    done_changes,
    locked_state,
    locked_states,
    not_done,
    rebuild,
    record_states,
    record_task_states,
    roll_forward_all,
    start_counting,
    state_of,
    stored_cells,
    touches,
)
from .reading import GROUPS, SUMMED, Cell, cells_of, grouped_counts

__all__ = [
    "DONE_COLUMNS",
    "GROUPS",
    "STATE_COLUMNS",
    "SUMMARY_FIELDS",
    "SUMMED",
    "Cell",
    "Key",
    "State",
    "bring_to",
    "caller_counts",
    "cells_of",
    "counted_by_caller",
    "direct_cells",
    "done_changes",
    "grouped_counts",
    "locked_state",
    "locked_states",
    "not_done",
    "rebuild",
    "record_states",
    "record_task_states",
    "roll_forward_all",
    "start_counting",
    "state_of",
    "stored_cells",
    "touches",
]
