"""Create (idempotently) the demo Pemda, its people, election and one account per role."""

from importlib import import_module

from django.core.management.base import BaseCommand

from accounts.demo import DEMO_ACCOUNTS, otpauth_uri, seed_accounts
from registry.demo import seed_registry

# Apps add their demo content here; each module has seed(context) -> None.
DEMO_MODULES = ("cases.demo_authorities", "cases.demo_cases", "training.demo", "letters.demo", "outreach.demo")


class Command(BaseCommand):
    help = "Isi data demo (idempoten) dan cetak akun demo."

    def add_arguments(self, parser):
        parser.add_argument("--employees", type=int, default=60)

    def handle(self, *args, employees: int, **options):
        users = seed_accounts()
        context = seed_registry(users, employees=employees)
        context["users"] = users
        for module_name in DEMO_MODULES:
            try:
                module = import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name != module_name:
                    raise
                continue
            module.seed(context)
        self.stdout.write(self.style.SUCCESS("Data demo siap. Akun demo:"))
        for acc in DEMO_ACCOUNTS:
            line = f"  {acc.role:<8} username={acc.username:<9} password={acc.password}"
            if acc.totp_secret:
                line += f"  TOTP secret={acc.totp_secret}\n           {otpauth_uri(acc)}"
            self.stdout.write(line)
        self.stdout.write("  Kode TOTP sekali pakai: python manage.py totp_code USERNAME")
