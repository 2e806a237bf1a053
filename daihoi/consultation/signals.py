"""Domain events of consultations, sent after the transaction commits (sender=Consultation)."""

from django.dispatch import Signal

# draft (a new round or the first), actor
draft_sent = Signal()
# draft, recipient_ids (those not yet answered), actor
answers_reminded = Signal()
# draft, recipient, count (comments given), actor
draft_answered = Signal()
# consultation, final (the adopted Draft), actor
consultation_adopted = Signal()
