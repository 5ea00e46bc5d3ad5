from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "retention"
    verbose_name = "Retensi data pribadi"
    default_auto_field = "django.db.models.BigAutoField"
