from django.urls import path  # noqa: F401

app_name = "cases"
urlpatterns: list = []

# --- Employee and election registry (cases/views/registry.py) ---------------------------------------
from cases.views import registry as registry_views  # noqa: E402

urlpatterns += [
    path("pegawai/", registry_views.employee_list, name="employee_list"),
    path("pegawai/baru/", registry_views.employee_create, name="employee_create"),
    path("pegawai/impor/", registry_views.employee_import, name="employee_import"),
    path("pegawai/impor/konfirmasi/", registry_views.employee_import_confirm, name="employee_import_confirm"),
    path("pegawai/impor/batal/", registry_views.employee_import_cancel, name="employee_import_cancel"),
    path("pegawai/impor/templat.csv", registry_views.employee_import_template, name="employee_import_template"),
    path("pegawai/<int:pk>/", registry_views.employee_detail, name="employee_detail"),
    path("pegawai/<int:pk>/ubah/", registry_views.employee_edit, name="employee_edit"),
    path("pemilihan/", registry_views.election_list, name="election_list"),
    path("pemilihan/baru/", registry_views.election_create, name="election_create"),
    path("pemilihan/<int:pk>/", registry_views.election_detail, name="election_detail"),
    path("pemilihan/<int:pk>/ubah/", registry_views.election_edit, name="election_edit"),
    path("pemilihan/<int:election_pk>/paslon/baru/", registry_views.pair_create, name="election_pair_create"),
    path("pemilihan/<int:election_pk>/paslon/<int:pk>/", registry_views.pair_edit, name="election_pair_edit"),
    path(
        "pemilihan/<int:election_pk>/paslon/<int:pk>/hapus/", registry_views.pair_delete, name="election_pair_delete"
    ),
    path(
        "pemilihan/<int:election_pk>/simbol/<int:pk>/hapus/",
        registry_views.symbol_delete,
        name="election_symbol_delete",
    ),
]
