"""Serving uploaded files: only the harmless kinds, only to logged-in users, never evidence.

Evidence, letters, certificates, detection previews and import files each have their own view that checks
object access and writes an audit event. Nothing under MEDIA_ROOT is ever served as a plain directory, in
development or production; this view covers the few reference files every logged-in user may see.
"""

import mimetypes
import posixpath

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest

# Upload folders whose files every logged-in user may open (candidate symbols, letterhead logos, training materials).
SHARED_PREFIXES = ("symbols/", "letterheads/", "training/materials/")


@login_required
def shared_media(request: HttpRequest, path: str) -> FileResponse:
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("..") or not path.startswith(SHARED_PREFIXES) or not default_storage.exists(path):
        raise Http404
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(path, "rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    if not content_type.startswith("image/"):
        response["Content-Disposition"] = f'attachment; filename="{posixpath.basename(path)}"'
    return response
