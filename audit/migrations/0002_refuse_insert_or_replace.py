from django.db import migrations


def install(apps, schema_editor):
    from audit.triggers import install_missing

    install_missing(schema_editor.connection)  # adds the SQLite INSERT OR REPLACE guard to existing databases


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
