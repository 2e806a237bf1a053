"""Background work of the documents for delegates: a Word file turned into a PDF."""

from django.tasks import task


@task()
def convert_material(material_id: int) -> None:
    from .services import material_convert

    material_convert(material_id=material_id)
