"""Employee and election registry pages: ``/pegawai/…`` and ``/pemilu/…`` (mounted at the site root)."""

from django.urls import path

from . import views

app_name = "registry"

urlpatterns = [
    path("pegawai/", views.employee_list, name="employee_list"),
    path("pegawai/baru/", views.employee_create, name="employee_create"),
    path("pegawai/impor/", views.employee_import, name="employee_import"),
    path("pegawai/impor/konfirmasi/", views.employee_import_confirm, name="employee_import_confirm"),
    path("pegawai/impor/batal/", views.employee_import_cancel, name="employee_import_cancel"),
    path("pegawai/impor/templat.csv", views.employee_import_template, name="employee_import_template"),
    path("pegawai/akun-medsos/baru/", views.social_account_add, name="social_account_add"),
    path("pegawai/<int:pk>/", views.employee_detail, name="employee_detail"),
    path("pegawai/<int:pk>/ubah/", views.employee_edit, name="employee_edit"),
    path("pemilu/", views.election_list, name="election_list"),
    path("pemilu/baru/", views.election_create, name="election_create"),
    path("pemilu/<int:pk>/", views.election_detail, name="election_detail"),
    path("pemilu/<int:pk>/ubah/", views.election_edit, name="election_edit"),
    path("pemilu/<int:election_pk>/paslon/baru/", views.pair_create, name="election_pair_create"),
    path("pemilu/<int:election_pk>/paslon/<int:pk>/", views.pair_edit, name="election_pair_edit"),
    path("pemilu/<int:election_pk>/paslon/<int:pk>/hapus/", views.pair_delete, name="election_pair_delete"),
    path("pemilu/<int:election_pk>/simbol/<int:pk>/hapus/", views.symbol_delete, name="election_symbol_delete"),
]
