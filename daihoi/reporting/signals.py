"""Domain events of reporting, sent after the transaction commits (sender=ReportRequest).

Notifications listen; reporting never imports them.
"""

from django.dispatch import Signal

# request, agency_ids (the agencies asked to report), actor
report_requested = Signal()
# submission, comment, actor
submission_returned = Signal()
