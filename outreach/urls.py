from django.urls import path

from . import views_officer

app_name = "outreach"
urlpatterns = [
    path("kasus/<int:pk>/rujukan/", views_officer.bundle_build, name="bundle_build"),
    path("rujukan/<int:pk>/unduh/", views_officer.bundle_download, name="bundle_download"),
    path("rujukan/<int:pk>/dikirim/", views_officer.bundle_sent, name="bundle_sent"),
    path(
        "kasus/<int:pk>/rekomendasi/<int:rec_pk>/tindak-lanjut/",
        views_officer.recommendation_follow_up,
        name="recommendation_follow_up",
    ),
]
