"""Navigation per role: the menu only lists what the user may open."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .access import can, roles_of
from .roles import ROLE_LABELS

# (label, url name, capability)
MENU = [
    (_("Dasbor"), "dashboard", "dashboard.view"),
    (_("Beranda saya"), "my_home", "self.view"),
    (_("Laporan unggahan"), "cases:post_list", "posts.view"),
    (_("Kasus"), "cases:case_list", "cases.view_all"),
    (_("Pegawai"), "cases:employee_list", "employees.view"),
    (_("Pemilihan"), "cases:election_list", "elections.view"),
    (_("Surat"), "letters:letter_list", "letters.view_all"),
    (_("Pelatihan"), "training:manage_home", "training.manage"),
    (_("Kepatuhan"), "training:compliance", "training.reports"),
    (_("Notifikasi"), "cases:notification_list", "self.view"),
]


def navigation(request):
    user = request.user
    items = []
    if user.is_authenticated:
        for label, url_name, capability in MENU:
            if not can(user, capability):
                continue
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                continue  # the page is not there yet
            items.append({"label": label, "url": url, "active": request.path.startswith(url) and url != "/"})
    return {
        "nav_items": items,
        "user_roles": [ROLE_LABELS[r] for r in sorted(roles_of(user))],
    }
