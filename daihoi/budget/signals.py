"""Domain events of the budget, sent after the transaction commits.

The notifications app listens and tells the right people; the budget never imports it.
Every signal is sent with `sender=Estimate` and the keyword arguments named below.
"""

from django.dispatch import Signal

# estimate, over_norm_lines (how many lines pass their norm), actor
estimate_submitted = Signal()
# estimate, comment, actor
estimate_returned = Signal()
# estimate, actor
estimate_approved = Signal()
