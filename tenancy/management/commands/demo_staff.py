import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from tenancy import demo as tenancy_demo


class Command(BaseCommand):
    help = (
        "Create or update the demo staff accounts: the province administrator, who also "
        "administers the first ward, and an editor of the second demo ward only. The "
        "administrator's password comes from DJANGO_SUPERUSER_PASSWORD; a new account's is "
        "otherwise generated and printed once."
    )

    def handle(self, *args, **options):
        administrator = self.administrator()
        editor, password = tenancy_demo.seed_staff(administrator)
        if password:
            self.stdout.write(
                self.style.WARNING(
                    f"Staff account created: username '{editor.username}', password "
                    f"'{password}', editor of the second demo ward"
                    " (host localhost) only (shown only now)."
                )
            )
        elif editor:
            self.stdout.write(
                f"Staff account '{editor.username}' exists, editor of the second ward."
            )

    def administrator(self):
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME", "admin")
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD", "")
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": os.environ.get("DJANGO_SUPERUSER_EMAIL", "")}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        if password:
            user.set_password(password)
            self.stdout.write(
                f"Staff account '{username}': password from DJANGO_SUPERUSER_PASSWORD."
            )
        elif created:
            password = secrets.token_urlsafe(12)
            user.set_password(password)
            self.stdout.write(
                self.style.WARNING(
                    f"Staff account created: username '{username}', password '{password}' "
                    "(shown only now; set DJANGO_SUPERUSER_PASSWORD and run again to change it)."
                )
            )
        else:
            self.stdout.write(
                f"Staff account '{username}' exists; its password is unchanged "
                "(set DJANGO_SUPERUSER_PASSWORD to reset it)."
            )
        user.save()
        return user
