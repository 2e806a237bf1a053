"""Roster records built through the services, for the delegates tests."""

import datetime as dt
from typing import Any

from ..models import Delegate, Delegation
from ..services.roster import DelegateFields, delegate_create, delegation_create


def make_delegation(access, name: str = "Đoàn Đảng bộ thành phố Kon Tum", order: int = 1):
    existing = Delegation.objects.filter(congress=access.congress, name=name).first()
    return existing or delegation_create(access=access, name=name, order=order)


def fields(delegation: Delegation, **overrides: Any) -> DelegateFields:
    values: dict[str, Any] = {
        "kind": Delegate.Kind.OFFICIAL,
        "full_name": "Y Ngọc",
        "gender": Delegate.Gender.FEMALE,
        "delegation": delegation,
        "birth_year": 1972,
        "ethnicity": "Xơ Đăng",
        "religion": "Không",
        "education": "12/12",
        "professional_level": Delegate.Professional.MASTER,
        "theory_level": Delegate.Theory.SENIOR,
        "party_joined_on": dt.date(1996, 5, 19),
        "position": "Phó Bí thư Thành ủy",
        "workplace": "Thành ủy Kon Tum",
        "is_ex_officio": False,
        "phone": "0905123456",
    }
    values.update(overrides)
    return DelegateFields(**values)


def make_delegate(access, delegation: Delegation | None = None, **overrides: Any) -> Delegate:
    delegation = delegation or make_delegation(access)
    return delegate_create(access=access, fields=fields(delegation, **overrides))
