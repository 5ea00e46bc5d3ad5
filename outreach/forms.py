"""Forms of the outreach app (officer side). The public report form lives in public_forms.py."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ReferralBundle


class BundleForm(forms.Form):
    recipient = forms.ChoiceField(label=_("Tujuan"), choices=ReferralBundle.Recipient.choices)


class BundleSentForm(forms.Form):
    sent_on = forms.DateField(
        label=_("Tanggal dikirim"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )
    reference = forms.CharField(label=_("Nomor surat pengantar"), max_length=200, required=False)


class FollowUpForm(forms.Form):
    follow_up = forms.CharField(label=_("Tindak lanjut"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000)
    followed_up_on = forms.DateField(
        label=_("Tanggal tindak lanjut"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )
