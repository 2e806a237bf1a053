"""Each agency takes its congress's layout, and every agency with a code stays able to issue:
documents print exactly as they did when the layout was the congress's."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def forwards(apps, schema_editor):
    Agency = apps.get_model("organizations", "Agency")
    Congress = apps.get_model("organizations", "Congress")
    rules = Congress.objects.filter(pk=OuterRef("congress_id")).values("document_rules")[:1]
    Agency.objects.filter(layout="").update(layout=Subquery(rules))
    Agency.objects.exclude(code="").update(is_issuer=True)


class Migration(migrations.Migration):
    dependencies = [("organizations", "0002_issuers_and_agency_groups")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
