"""Demo content for the outreach pages: public reports (one post reported three times), one SP4N-LAPOR! row
and a BKN recommendation waiting on a demo case. Idempotent."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from cases.models import Case, Recommendation
from workdays.calendar import Calendar

from .models import PublicReport
from .public_reports import submit

DEMO_URLS = (
    "https://www.tiktok.com/@demo.warga/video/7400000000000000001",
    "https://www.facebook.com/demo.pegawai/posts/5500000001",
)


@transaction.atomic
def seed(context: dict) -> None:
    if PublicReport.objects.filter(url__in=DEMO_URLS).exists():
        return
    for i in range(3):  # the same video reported three times: one post, counted 3
        submit(
            url=DEMO_URLS[0] + ("?is_from_webapp=1" if i else ""),
            platform="tiktok",
            description="Pegawai berseragam dinas berpose tiga jari di depan baliho pasangan calon (data demo).",
        )
    submit(
        url=DEMO_URLS[1],
        description="Laporan SP4N-LAPOR!: kepala seksi membagikan ajakan memilih (data demo).",
        channel=PublicReport.Channel.LAPOR,
        lapor_reference="DEMO-4012345",
    )
    case = Case.objects.exclude(status__in=("final", "dismissed")).order_by("pk").first()
    hr = context.get("users", {}).get("hr")
    if case is not None and hr is not None and not case.recommendations.exists():
        received = Calendar().add_working_days(timezone.localdate(), -2)
        Recommendation.objects.create(
            case=case,
            source="bkn",
            number="R-1234/BKN/DWASDAL/2024",
            received_on=received,
            content="Menjatuhkan hukuman disiplin sesuai tingkat pelanggaran dan melaporkan tindak lanjutnya (demo).",
            recorded_by=hr,
        )
