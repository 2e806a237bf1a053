import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0003_link_checkin_sessions"),
    ]

    operations = [
        migrations.AlterField(
            model_name="session",
            name="checkin_session",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="programme_session",
                to="delegates.congresssession",
                verbose_name="phiên điểm danh",
            ),
        ),
    ]
