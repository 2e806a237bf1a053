"""Domain events of organizations, for apps above it that keep data derived from agencies.

`agencies_merged` is sent INSIDE the merge's transaction (not after commit), so a receiver's
writes commit or roll back with the merge: congress_id, source_id (the duplicate, deleted),
target_id (kept). Planning recounts its task summary on it.
"""

from django.dispatch import Signal

agencies_merged = Signal()
