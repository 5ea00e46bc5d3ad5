from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from printing import views as printing_views

from . import media, views

urlpatterns = [
    path("", views.home, name="home"),
    path("dasbor/", views.dashboard, name="dashboard"),
    path("saya/", views.my_home, name="my_home"),
    path("health/", views.health, name="health"),
    path("verify/", printing_views.verify_lookup, name="verify_lookup"),
    path("verify/<str:code>/", printing_views.verify_document, name="verify_document"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("django-rq/", include("django_rq.urls")),
    # The registry moved out of /kasus/ (issue 10); old bookmarks and links land on the new pages.
    re_path(r"^kasus/pegawai/(?P<rest>.*)$", RedirectView.as_view(url="/pegawai/%(rest)s", query_string=True)),
    re_path(r"^kasus/pemilihan/(?P<rest>.*)$", RedirectView.as_view(url="/pemilu/%(rest)s", query_string=True)),
    re_path(r"^kasus/akun-medsos/baru/$", RedirectView.as_view(url="/pegawai/akun-medsos/baru/", query_string=True)),
    path("", include("registry.urls")),
    path("kasus/", include("cases.urls")),
    path("deteksi/", include("detection.urls")),
    path("surat/", include("letters.urls")),
    path("pelatihan/", include("training.urls")),
    path("dasar-hukum/", include("legal.urls")),
    path("", include("outreach.urls")),
]

# Uploaded files are never served as a directory: see netralitas_site/media.py.
urlpatterns.append(path(settings.MEDIA_URL.lstrip("/") + "<path:path>", media.shared_media, name="shared_media"))

handler400 = "netralitas_site.errors.bad_request"
