from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "daihoi.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .permission_names import name_permissions_in_vietnamese

        # After auth's own receiver has made the permissions (auth is installed before us).
        post_migrate.connect(name_permissions_in_vietnamese, dispatch_uid="vietnamese-permissions")
