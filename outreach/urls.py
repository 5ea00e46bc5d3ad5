from django.urls import path

from . import views_officer, views_public, views_queue

app_name = "outreach"
urlpatterns = [
    # public (no login)
    path("pengaduan/", views_public.report, name="report"),
    path("pengaduan/lacak/", views_public.track, name="track"),
    path("statistik/", views_public.statistics_page, name="statistics"),
    path("statistik/data.json", views_public.statistics_json, name="statistics_json"),
    path("statistik/data.csv", views_public.statistics_csv, name="statistics_csv"),
    # monitors' queue
    path("antrean-pengaduan/", views_queue.queue, name="queue"),
    path("antrean-pengaduan/<int:post_pk>/telaah/", views_queue.take_up, name="take_up"),
    path("antrean-pengaduan/<int:post_pk>/selesai/", views_queue.close, name="close"),
    path("antrean-pengaduan/impor-lapor/", views_queue.lapor_upload, name="lapor_upload"),
    # officers: referral bundles and recommendation follow-up
    path("kasus/<int:pk>/rujukan/", views_officer.bundle_build, name="bundle_build"),
    path("rujukan/<int:pk>/unduh/", views_officer.bundle_download, name="bundle_download"),
    path("rujukan/<int:pk>/dikirim/", views_officer.bundle_sent, name="bundle_sent"),
    path(
        "kasus/<int:pk>/rekomendasi/<int:rec_pk>/tindak-lanjut/",
        views_officer.recommendation_follow_up,
        name="recommendation_follow_up",
    ),
]
