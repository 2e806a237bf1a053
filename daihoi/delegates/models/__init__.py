"""The congress's delegates: roster, delegations, replacements, discussion groups, badges and
check-in, and the duties that open them."""

from .checkin import (
    Badge,
    BadgeBatch,
    CheckIn,
    CheckInAction,
    CongressSession,
    token_hash,
)
from .groups import DiscussionGroup, GroupAction, GroupMember
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
    "Badge",
    "BadgeBatch",
    "CheckIn",
    "CheckInAction",
    "CongressSession",
    "Delegate",
    "DelegateAction",
    "Delegation",
    "DelegationAction",
    "DiscussionGroup",
    "Duty",
    "DutyAction",
    "GroupAction",
    "GroupMember",
    "Replacement",
    "token_hash",
]
