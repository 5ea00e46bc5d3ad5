"""The roles. Each is a Django group created by a data migration (0001 the first five, 0002 the supervisor)."""

from django.utils.translation import gettext_lazy as _

ADMIN = "admin"
HR = "hr"
MONITOR = "monitor"
LEADER = "leader"
STAFF = "staff"
SUPERVISOR = "supervisor"  # atasan langsung: sees only the duties for the staff they supervise

# code -> group name shown to people
ROLE_GROUPS: dict[str, str] = {
    ADMIN: "Admin",
    HR: "Petugas BKPSDM",
    MONITOR: "Petugas DKIP",
    LEADER: "Pimpinan",
    STAFF: "Pegawai",
    SUPERVISOR: "Atasan Langsung",
}
ROLE_LABELS = {
    ADMIN: _("Admin"),
    HR: _("Petugas BKPSDM"),
    MONITOR: _("Petugas DKIP"),
    LEADER: _("Pimpinan"),
    STAFF: _("Pegawai"),
    SUPERVISOR: _("Atasan langsung"),
}
ALL_ROLES = tuple(ROLE_GROUPS)
