"""Reported posts, evidence, cases and notifications (cases/views/posts.py, casework.py), under ``/kasus/``."""

from django.urls import path

from cases.views import casework as case_views
from cases.views import posts as post_views

app_name = "cases"

urlpatterns = [
    path("unggahan/", post_views.post_list, name="post_list"),
    path("unggahan/baru/", post_views.post_create, name="post_create"),
    path("unggahan/<int:pk>/", post_views.post_detail, name="post_detail"),
    path("unggahan/<int:pk>/bukti/", post_views.post_add_evidence, name="post_add_evidence"),
    path("unggahan/<int:pk>/pegawai/", post_views.post_add_subjects, name="post_add_subjects"),
    path("unggahan/<int:pk>/buka-kasus/", post_views.post_open_cases, name="post_open_cases"),
    path("cari-pegawai/", post_views.people_search, name="people_search"),
    path("bukti/<int:pk>/berkas/", post_views.evidence_file, {"kind": "file"}, name="evidence_file"),
    path("bukti/<int:pk>/pratinjau/", post_views.evidence_file, {"kind": "thumb"}, name="evidence_thumb"),
    path("", case_views.case_list, name="case_list"),
    path("ekspor.csv", case_views.case_export, name="case_export"),
    path("tugaskan/", case_views.case_bulk_assign, name="case_bulk_assign"),
    path("<int:pk>/", case_views.case_detail, name="case_detail"),
    path("<int:pk>/status/", case_views.case_transition, name="case_transition"),
    path("<int:pk>/ubah/", case_views.case_update, name="case_update"),
    path("<int:pk>/status-saat-perbuatan/", case_views.case_status_at_act, name="case_status_at_act"),
    path("<int:pk>/petugas/", case_views.case_assign, name="case_assign"),
    path("<int:pk>/bap/", case_views.case_examination, name="case_examination"),
    path("<int:pk>/rekomendasi/", case_views.case_recommendation, name="case_recommendation"),
    path("<int:pk>/keputusan/", case_views.case_decision, name="case_decision"),
    path("<int:pk>/penyampaian/", case_views.case_delivered, name="case_delivered"),
    path("<int:pk>/tindak-lanjut/", case_views.case_follow_up, name="case_follow_up"),
    path("<int:pk>/upaya-administratif/", case_views.case_appeal, name="case_appeal"),
    path("<int:pk>/upaya-administratif/hasil/", case_views.case_appeal_outcome, name="case_appeal_outcome"),
    path("notifikasi/", case_views.notification_list, name="notification_list"),
    path("notifikasi/dibaca/", case_views.notification_read, name="notification_read"),
    path("notifikasi/lencana/", case_views.notification_badge, name="notification_badge"),
    path("saya/<int:pk>/", case_views.my_case_detail, name="my_case_detail"),
]

# --- Atasan langsung (cases/views/supervision.py) ------------------------------------------------
from cases.views import supervision as supervision_views  # noqa: E402

urlpatterns += [
    path("atasan/", supervision_views.duty_list, name="supervision_list"),
    path("atasan/<int:pk>/", supervision_views.duty_detail, name="supervision_detail"),
    path("atasan/<int:pk>/panggilan/", supervision_views.duty_summons, name="supervision_summons"),
    path("atasan/<int:pk>/pemeriksaan/", supervision_views.duty_examined, name="supervision_examined"),
    path("<int:pk>/kelalaian-atasan/", supervision_views.case_from_missed_duty, name="case_missed_duty"),
]
