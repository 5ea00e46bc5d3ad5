"""Create staff accounts for employees that have none, and email each a link to set a password."""

from django.core.management.base import BaseCommand, CommandError

from accounts.roles import ROLE_GROUPS, STAFF
from accounts.services import account_create_for_employee, send_password_link
from registry.models import Employee


class Command(BaseCommand):
    help = "Buat akun untuk pegawai yang belum punya akun (opsional: per unit), lalu kirim tautan atur kata sandi."

    def add_arguments(self, parser):
        parser.add_argument("--unit", help="Kode unit kerja (termasuk sub-unit)")
        parser.add_argument("--role", default=STAFF, choices=list(ROLE_GROUPS))
        parser.add_argument("--no-email", action="store_true")

    def handle(self, *args, unit=None, role=STAFF, no_email=False, **options):
        qs = Employee.objects.filter(user__isnull=True, is_active=True).select_related("unit")
        if unit:
            from registry.models import OrgUnit

            try:
                qs = qs.filter(unit_id__in=OrgUnit.objects.get(code=unit).descendant_ids())
            except OrgUnit.DoesNotExist:
                raise CommandError(f"Unit {unit!r} tidak ditemukan")
        created = 0
        for employee in qs:
            user = account_create_for_employee(employee=employee, role=role, acting_user=None)
            created += 1
            if user.email and not no_email:
                send_password_link(user)
        self.stdout.write(self.style.SUCCESS(f"{created} akun dibuat."))
