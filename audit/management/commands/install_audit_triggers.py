from django.core.management.base import BaseCommand
from django.db import connections

from audit import triggers


class Command(BaseCommand):
    help = "(Re)install the append-only triggers of the audit table; the audit.E001 check names this command."
    requires_system_checks = []  # the check would refuse to run exactly when this command is needed

    def add_arguments(self, parser) -> None:
        parser.add_argument("--database", default="default")

    def handle(self, *args, database: str = "default", **options) -> None:
        gone = triggers.install_missing(connections[database])
        self.stdout.write(f"Reinstalled: {', '.join(gone)}" if gone else "All audit triggers were in place.")
