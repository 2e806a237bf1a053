from .roster import delegate_list

__all__ = ["delegate_list"]
