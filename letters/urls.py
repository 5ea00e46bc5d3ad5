from django.urls import path

from . import views

app_name = "letters"
urlpatterns = [
    path("", views.letter_list, name="letter_list"),
    path("kotak-masuk/", views.inbox, name="inbox"),
    path("baru/", views.letter_create, name="letter_create"),
    path("<int:pk>/", views.letter_detail, name="letter_detail"),
    path("<int:pk>/ubah/", views.letter_edit, name="letter_edit"),
    path("<int:pk>/ajukan/", views.letter_submit, name="letter_submit"),
    path("<int:pk>/paraf/", views.letter_initial, name="letter_initial"),
    path("<int:pk>/kembalikan/", views.letter_return, name="letter_return"),
    path("<int:pk>/tandatangani/", views.letter_approve, name="letter_approve"),
    path("<int:pk>/batalkan/", views.letter_cancel, name="letter_cancel"),
    path("<int:pk>/ralat/", views.letter_correct, name="letter_correct"),
    path("<int:pk>/tanda-terima/", views.letter_receipt, name="letter_receipt"),
    path("<int:pk>/pratinjau.pdf", views.letter_preview, name="letter_preview"),
    path("<int:pk>/surat.pdf", views.letter_pdf, name="letter_pdf"),
    path("cetak-massal/", views.bulk_print, name="bulk_print"),
    path("cetak-massal/<int:pk>/", views.bulk_status, name="bulk_status"),
    path("cetak-massal/<int:pk>/unduh/", views.bulk_download, name="bulk_download"),
    path("saya/", views.my_letters, name="my_letters"),
    path("saya/<int:pk>/surat.pdf", views.my_letter_pdf, name="my_letter_pdf"),
    path("saya/<int:pk>/terima/", views.my_letter_ack, name="my_letter_ack"),
    path("kop-surat/", views.letterhead_edit, name="letterhead_edit"),
]
