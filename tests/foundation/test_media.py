from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


def test_evidence_is_never_served_as_a_plain_media_file(client, hr_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    name = default_storage.save("evidence/ab/abcdef.jpg", ContentFile(b"\xff\xd8fake"))
    client.force_login(hr_user)
    assert client.get(f"/media/{name}").status_code == 404
    assert client.get("/media/../manage.py").status_code == 404


def test_shared_reference_files_need_a_login(client, staff_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    name = default_storage.save("symbols/logo.png", ContentFile(b"\x89PNG\r\n"))
    assert client.get(f"/media/{name}").status_code == 302
    client.force_login(staff_user)
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
