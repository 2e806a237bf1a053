"""Background work of the ballots app: the minutes' PDF."""

from django.tasks import task


@task()
def make_minutes_pdf(election_id: int) -> None:
    from daihoi.documents.tasks import docx_to_pdf

    from . import selectors, services
    from .minutes import minutes_docx
    from .models import Election

    election = Election.objects.select_related("congress").filter(pk=election_id).first()
    if election is None:
        return
    tally = selectors.tally_of(election)
    docx = minutes_docx(election, tally, selectors.board_of(election))
    services.minutes_store_pdf(
        election_id=election_id, pdf=docx_to_pdf(docx), fingerprint=tally.fingerprint
    )
