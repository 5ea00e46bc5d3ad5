"""Existing databases: the content types (and with them permissions and admin log entries) of the moved models
follow them from cases to registry. Fresh databases have none yet; post_migrate creates them under registry."""

from django.db import migrations

MOVED = ["orgunit", "employee", "socialaccount", "election", "candidatepair", "candidatesymbol"]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not ContentType.objects.filter(app_label="registry", model=model).exists():
            ContentType.objects.filter(app_label="cases", model=model).update(app_label="registry")


def backwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not ContentType.objects.filter(app_label="cases", model=model).exists():
            ContentType.objects.filter(app_label="registry", model=model).update(app_label="cases")


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
