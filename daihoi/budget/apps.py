from django.apps import AppConfig


class BudgetConfig(AppConfig):
    name = "daihoi.budget"
    label = "budget"
    verbose_name = "Kinh phí"
