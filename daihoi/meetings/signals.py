"""Domain events of meetings, sent after the transaction commits (sender=Meeting)."""

from django.dispatch import Signal

# meeting, document (the Giấy mời), actor
meeting_invitation_issued = Signal()
