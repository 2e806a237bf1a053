"""Gap-free numbering: one counter row per register, locked while a number is taken.

The outgoing registry counts per issuing office, kind and year (`NumberSequence`); the register
of documents received per congress and year (`ArrivalSequence`). Both go through `locked_row`,
so two officers numbering at the same moment wait for each other and get consecutive numbers.
"""

from collections.abc import Callable
from typing import Any

from django.db import models


def locked_row[M: models.Model](model: type[M], **key: Any) -> M:
    """The counter row for `key`, created if missing, locked until the transaction ends."""
    # INSERT … ON CONFLICT DO NOTHING: two first numbers of the year cannot both create it.
    model._default_manager.bulk_create([model(**key)], ignore_conflicts=True)
    return model._default_manager.select_for_update().get(**key)


def take_next(
    model: type[models.Model], *, taken: Callable[[int], bool] = lambda n: False, **key: Any
) -> int:
    """Locks the counter for `key` and moves it to the next number that is not `taken`
    (numbers registered by hand may already sit ahead of it); returns that number."""
    row = locked_row(model, **key)
    number = row.last_number + 1  # type: ignore[attr-defined]
    while taken(number):
        number += 1
    row.last_number = number  # type: ignore[attr-defined]
    row.save(update_fields=["last_number"])
    return number
