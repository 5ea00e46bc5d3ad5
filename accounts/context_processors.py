"""Navigation per role: the menu only lists what the user may open."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .access import can, roles_of
from .roles import ROLE_LABELS

# (label, url name, capability the user needs, capability that hides the entry because a fuller page covers it)
MENU = [
    (_("Dasbor"), "dashboard", "dashboard.view", None),
    (_("Beranda saya"), "my_home", "self.view", None),
    (_("Laporan unggahan"), "cases:post_list", "posts.view", None),
    (_("Pengaduan masyarakat"), "outreach:queue", "reports.triage", None),
    (_("Kasus"), "cases:case_list", "cases.view_all", None),
    (_("Pegawai"), "registry:employee_list", "employees.view", None),
    (_("Pemilihan"), "registry:election_list", "elections.view", None),
    (_("Surat"), "letters:letter_list", "letters.view_all", None),
    (_("Surat saya"), "letters:my_letters", "self.view", "letters.view_all"),
    (_("Pelatihan"), "training:manage_home", "training.manage", None),
    (_("Pelatihan saya"), "training:my_training", "training.take", "training.manage"),
    (_("Kepatuhan"), "training:compliance", "training.reports", None),
    (_("Notifikasi"), "cases:notification_list", "self.view", None),
    (_("Dasar hukum"), "legal:basis", "legal.view", None),
    (_("Tugas atasan"), "cases:supervision_list", "supervision.view", None),
]


def navigation(request):
    # An error page for a request refused before AuthenticationMiddleware ran (e.g. a bad Host header) has no user.
    user = getattr(request, "user", None)
    items = []
    if user is not None and user.is_authenticated:
        for label, url_name, needed, hidden_by in MENU:
            if not can(user, needed) or (hidden_by and can(user, hidden_by)):
                continue
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                continue  # the page is not there yet
            items.append({"label": label, "url": url, "active": False})
        # The longest menu URL that prefixes the current path is the active one (/kasus/notifikasi/ is not /kasus/).
        matching = [item for item in items if request.path.startswith(item["url"]) and item["url"] != "/"]
        if matching:
            max(matching, key=lambda item: len(item["url"]))["active"] = True
    return {
        "nav_items": items,
        "user_roles": [ROLE_LABELS[r] for r in sorted(roles_of(user))],
    }
