"""Change history: every save a service makes names who acted and which business action it was."""


def audit(obj, access, reason: str) -> None:
    """The history row written by the next save of `obj` names `access.user` and `reason`."""
    obj._change_reason = reason
    obj._history_user = access.user
