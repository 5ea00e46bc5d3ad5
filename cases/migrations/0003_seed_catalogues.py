from django.db import migrations


def forwards(apps, schema_editor):
    from cases.catalogue import seed

    seed(apps)


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_cases")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
