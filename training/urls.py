from django.urls import path

from . import views
from . import views_manage as m

app_name = "training"
urlpatterns = [
    # staff
    path("saya/", views.my_training, name="my_training"),
    path("program/<int:pk>/", views.programme_detail, name="programme_detail"),
    path("materi/<int:pk>/selesai/", views.material_done, name="material_done"),
    path("sesi/<int:pk>/hadir/", views.checkin, name="checkin"),
    path("kuis/<int:pk>/", views.quiz_detail, name="quiz_detail"),
    path("kuis/<int:pk>/mulai/", views.quiz_start, name="quiz_start"),
    path("percobaan/<int:pk>/", views.attempt_page, name="attempt"),
    path("percobaan/<int:pk>/simpan/", views.attempt_save, name="attempt_save"),
    path("percobaan/<int:pk>/kirim/", views.attempt_submit, name="attempt_submit"),
    path("percobaan/<int:pk>/hasil/", views.attempt_result, name="attempt_result"),
    path("sertifikat/<int:pk>/unduh/", views.certificate_download, name="certificate_download"),
    path("pakta/<int:pk>/", views.pact_detail, name="pact_detail"),
    path("pengingat/<int:pk>/dibaca/", views.reminder_read, name="reminder_read"),
    # officers
    path("kelola/", m.manage_home, name="manage_home"),
    path("kelola/program/baru/", m.programme_edit, name="programme_create"),
    path("kelola/program/<int:pk>/", m.programme_manage, name="programme_manage"),
    path("kelola/program/<int:pk>/ubah/", m.programme_edit, name="programme_edit"),
    path("kelola/program/<int:programme_pk>/materi/baru/", m.material_edit, name="material_create"),
    path("kelola/program/<int:programme_pk>/materi/<int:pk>/", m.material_edit, name="material_edit"),
    path("kelola/sesi/baru/", m.session_edit, name="session_create"),
    path("kelola/sesi/<int:pk>/", m.session_manage, name="session_manage"),
    path("kelola/sesi/<int:pk>/ubah/", m.session_edit, name="session_edit"),
    path("kelola/sesi/<int:pk>/kode/", m.session_code, name="session_code"),
    path("kelola/sesi/<int:pk>/tandai/", m.session_bulk_mark, name="session_bulk_mark"),
    path("kelola/kuis/baru/", m.quiz_edit, name="quiz_create"),
    path("kelola/kuis/<int:pk>/ubah/", m.quiz_edit, name="quiz_edit"),
    path("kelola/topik/baru/", m.topic_edit, name="topic_create"),
    path("kelola/soal/", m.question_list, name="question_list"),
    path("kelola/soal/baru/", m.question_edit, name="question_create"),
    path("kelola/soal/<int:pk>/", m.question_edit, name="question_edit"),
    path("kelola/kampanye/baru/", m.campaign_edit, name="campaign_create"),
    path("kelola/kampanye/<int:pk>/", m.campaign_manage, name="campaign_manage"),
    path("kelola/kampanye/<int:pk>/ubah/", m.campaign_edit, name="campaign_edit"),
    path("kelola/kampanye/<int:pk>/aksi/", m.campaign_action, name="campaign_action"),
    path("kelola/pakta/baru/", m.pact_edit, name="pact_create"),
    path("kelola/pakta/<int:pk>/ubah/", m.pact_edit, name="pact_edit"),
    path("kelola/apel/baru/", m.apel_script_edit, name="apel_script_create"),
    path("kelola/apel/<int:pk>/", m.apel_script, name="apel_script"),
    path("kelola/apel/<int:pk>/ubah/", m.apel_script_edit, name="apel_script_edit"),
    path("kelola/apel/catat/", m.apel_reading_add, name="apel_reading_add"),
    # reports
    path("kepatuhan/", m.compliance, name="compliance"),
    path("kepatuhan/ekspor.<str:fmt>", m.compliance_export, name="compliance_export"),
]
