from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "daihoi.core"
    label = "core"

    def ready(self) -> None:
        from daihoi.core.forms import install_text_cleaning

        install_text_cleaning()
