"""The picture library moved to its own app (library); its table and rows stay where they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0015_site_on_news")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Picture")], database_operations=[]
        )
    ]
