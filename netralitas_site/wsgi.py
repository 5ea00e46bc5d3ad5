import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netralitas_site.settings")
application = get_wsgi_application()

# gunicorn runs no system checks: refuse to serve while the audit trail could be rewritten (audit.E001).
from audit.checks import assert_protected  # noqa: E402

assert_protected()
