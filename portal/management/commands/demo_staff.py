import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create or update the demo staff account. The password comes from "
        "DJANGO_SUPERUSER_PASSWORD, or is generated and printed once when the account is new."
    )

    def handle(self, *args, **options):
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
