import pytest

from ..demo import load_budget_demo
from ..models import Estimate, Norm, Spending

pytestmark = pytest.mark.django_db


def test_budget_demo_loads_once_and_a_second_load_adds_nothing(world):
    first = load_budget_demo(world.congress)
    assert first == {"norms": 7, "estimates": 3, "spendings": 1}
    statuses = dict(Estimate.objects.values_list("agency__short_name", "status"))
    assert statuses == {"BTGTU": "approved", "VPTU": "submitted", "SVHTTDL": "returned"}
    assert load_budget_demo(world.congress) == {"norms": 0, "estimates": 0, "spendings": 0}
    assert Norm.objects.count() == 7 and Spending.objects.count() == 1
