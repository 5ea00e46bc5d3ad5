import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

def add_triggers(apps, schema_editor):
    from audit.triggers import install

    install(schema_editor.connection)


class Migration(migrations.Migration):
    initial = True
    dependencies = [migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name="AuditEvent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("at", models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="waktu")),
                ("action", models.CharField(db_index=True, max_length=80, verbose_name="tindakan")),
                ("subject_type", models.CharField(blank=True, max_length=80, verbose_name="jenis objek")),
                ("subject_id", models.CharField(blank=True, max_length=64, verbose_name="ID objek")),
                ("case_id", models.BigIntegerField(blank=True, db_index=True, null=True, verbose_name="kasus")),
                ("changes", models.JSONField(blank=True, default=dict, verbose_name="perubahan")),
                ("reason", models.TextField(blank=True, verbose_name="alasan")),
                ("ip_address", models.GenericIPAddressField(blank=True, null=True)),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="pelaku",
                    ),
                ),
            ],
            options={
                "verbose_name": "peristiwa audit",
                "verbose_name_plural": "peristiwa audit",
                "ordering": ["-at", "-id"],
                "default_permissions": ("view",),
                "indexes": [models.Index(fields=["subject_type", "subject_id"], name="audit_audit_subject_9d1c3e_idx")],
            },
        ),
        migrations.RunPython(add_triggers, migrations.RunPython.noop),
    ]
