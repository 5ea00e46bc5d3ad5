"""The five roles. Each is a Django group created by a data migration."""

from django.utils.translation import gettext_lazy as _

ADMIN = "admin"
HR = "hr"
MONITOR = "monitor"
LEADER = "leader"
STAFF = "staff"

# code -> group name shown to people
ROLE_GROUPS: dict[str, str] = {
    ADMIN: "Admin",
    HR: "Petugas BKPSDM",
    MONITOR: "Petugas DKIP",
    LEADER: "Pimpinan",
    STAFF: "Pegawai",
}
ROLE_LABELS = {
    ADMIN: _("Admin"),
    HR: _("Petugas BKPSDM"),
    MONITOR: _("Petugas DKIP"),
    LEADER: _("Pimpinan"),
    STAFF: _("Pegawai"),
}
ALL_ROLES = tuple(ROLE_GROUPS)
