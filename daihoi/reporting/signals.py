"""Domain events of reporting, sent after the transaction commits.

Apps further down (notifications) listen; reporting never imports them. Send them with
`transaction.on_commit(lambda: signal.send(sender=<model class>, ...))` and the keyword
arguments named below.

What listeners read from the objects:
- a report request: `pk`, `congress_id`, `str(request)` (its title), `deadline` (a date or
  None), `to_congresses_below` (asked of congresses below, whose secretariats answer) and
  `get_absolute_url()`;
- a submission: `pk`, `agency_id`, `request` (as above) and `get_absolute_url()`.
"""

from django.dispatch import Signal

# request, agency_ids (the agencies asked to report), actor
report_requested = Signal()
# submission, comment (why it is returned for revision), actor
submission_returned = Signal()
