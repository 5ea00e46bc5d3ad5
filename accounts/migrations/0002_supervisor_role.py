from django.db import migrations

NAME = "Atasan Langsung"


def create(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=NAME)


def remove(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_roles")]
    operations = [migrations.RunPython(create, remove)]
