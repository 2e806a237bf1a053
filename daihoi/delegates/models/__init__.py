"""The congress's delegates: roster, delegations, replacements, who keeps it and who checks in."""

from .roster import (
    Delegate,
    DelegateAction,
    Delegation,
    DelegationAction,
    Duty,
    DutyAction,
    Replacement,
)

__all__ = [
    "Delegate",
    "DelegateAction",
    "Delegation",
    "DelegationAction",
    "Duty",
    "DutyAction",
    "Replacement",
]
