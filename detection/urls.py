from django.urls import path

from . import views

app_name = "detection"
urlpatterns = [
    path("bukti/<int:evidence_id>/", views.evidence_results, name="evidence_results"),
    path("bukti/<int:evidence_id>/ulang/", views.requeue, name="requeue"),
    path("proses/<int:run_id>/anotasi.jpg", views.annotated_image, name="annotated_image"),
    path("temuan/<str:kind>/<int:pk>/telaah/", views.review_finding, name="review_finding"),
]
