"""Domain events of the documents app, sent after the transaction commits.

Apps further up (the API's webhooks) listen; documents never imports them.
Every signal is sent with `sender=Document` and keyword arguments named below.
"""

from django.dispatch import Signal

# document (just issued: numbered, its DOCX made), actor
document_issued = Signal()
