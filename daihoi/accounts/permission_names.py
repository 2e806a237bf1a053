"""Django names each model's permissions in English when it creates them ("Can add văn bản");
the admin shows them when rights are given. After each app's migration they are renamed in
Vietnamese from the model's Vietnamese name; running again changes nothing."""

from typing import Any

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS
from django.utils import translation

VERBS = {"add": "Được thêm", "change": "Được sửa", "delete": "Được xóa", "view": "Được xem"}


def vietnamese_name(codename: str, model_verbose_name: str) -> str | None:
    verb, _, _model = codename.partition("_")
    if verb not in VERBS:
        return None
    return f"{VERBS[verb]} {model_verbose_name}"[:255]


def name_permissions_in_vietnamese(
    sender: AppConfig, using: str = DEFAULT_DB_ALIAS, **kwargs: Any
) -> None:
    """post_migrate receiver: the sender app's default permissions get Vietnamese names."""
    from django.contrib.auth.models import Permission

    if not global_apps.is_installed("django.contrib.auth"):
        return
    changed = []
    permissions = Permission.objects.using(using).filter(
        content_type__app_label=sender.label, name__startswith="Can "
    )
    for permission in permissions.select_related("content_type"):
        model = global_apps.get_model(sender.label, permission.content_type.model, False)
        if (
            model is None
            or permission.codename
            != f"{permission.codename.partition('_')[0]}_{model._meta.model_name}"
        ):
            continue
        with translation.override(settings.LANGUAGE_CODE):  # migrate may run with none active
            name = vietnamese_name(permission.codename, str(model._meta.verbose_name))
        if name and name != permission.name:
            permission.name = name
            changed.append(permission)
    Permission.objects.using(using).bulk_update(changed, ["name"])
