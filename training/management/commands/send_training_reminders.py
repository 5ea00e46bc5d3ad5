import datetime as dt

from django.core.management.base import BaseCommand

from training.reminders import send_training_reminders


class Command(BaseCommand):
    help = "Kirim pengingat pelatihan (in-app dan email) sebelum/sesudah batas waktu. Aman dijalankan berulang."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="YYYY-MM-DD (uji)")
        parser.add_argument("--no-sync", action="store_true", help="Jangan tambahkan pegawai sasaran baru")

    def handle(self, *args, today=None, no_sync=False, **options):
        stats = send_training_reminders(today=today, sync=not no_sync)
        self.stdout.write(
            f"penugasan baru={stats['new_assignments']} pengingat baru={stats['created']} email={stats['emailed']}"
        )
