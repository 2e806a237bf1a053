from django.apps import AppConfig


class MaterialsConfig(AppConfig):
    name = "daihoi.materials"
    label = "materials"
    verbose_name = "Tài liệu Đại hội cho đại biểu"

    def ready(self) -> None:
        from daihoi.delegates.area import DelegateLink, register_delegate_link

        register_delegate_link(
            DelegateLink(
                url_name="materials:my-list",
                label="Tài liệu",
                description="Văn kiện, tài liệu các phiên đồng chí dự",
                order=10,
            )
        )
