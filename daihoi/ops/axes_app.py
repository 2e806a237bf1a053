from axes.apps import AppConfig as AxesAppConfig


class AxesConfig(AxesAppConfig):
    """django-axes (INSTALLED_APPS names this class) under a Vietnamese name in the admin."""

    verbose_name = "Chống dò mật khẩu"
