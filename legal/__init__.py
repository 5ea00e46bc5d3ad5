"""The one home of the legal tables (domain brief §1–§3). Imports nothing from cases/letters/training.

API (all plain Python; statuses are "pns" | "cpns" | "pppk" | "honorer", the status ON THE DATE OF THE ACT):

``legal.instruments``  ``INSTRUMENTS[key]`` / ``citation(key)`` / ``short(key)``: full citations of
    uu_asn, uu_asn_2014, pp94, perbkn6, pp42, pp49, pp79, skb2022 (with all five numbers),
    se_menpan_1_2023, uu_pilkada.
``legal.articles``     ``Article(instrument, article, unconfirmed)``; ``str()`` -> "Pasal 8 ayat (2) huruf b
    PP 94/2021"; ``.long`` -> with the full citation.
``legal.regimes``      ``regime(status)`` -> Regime(label, is_asn, duty, discipline, references, appeals);
    ``menu(status, track="discipline"|"moral")`` -> the ladder (SanctionRule: code, name, level, rung,
    months, article, dismissal; ``label(status)`` prints "... sebagai CPNS"); ``dismissal_outcome(status)``
    -> PTDH / PHPK tidak dengan hormat / contract termination; ``moral_allowed(status)``;
    ``appeal_kinds(status, sanction_code)`` -> () | ("keberatan",) | ("banding",); ``BY_CODE``.
``legal.violations``   ``VIOLATIONS`` (13 SKB items + 7 forms of PP 94 Pasal 5 huruf n), ``get(code)``,
    ``level(code)`` (Pemda option where unconfirmed), ``is_dismissal_offence(code)``.
``legal.citations``    ``paragraph(purpose=SUMMONS|EXAMINATION|PUNISHMENT|MORAL_*|COACHING, status,
    violation, sanction, exam_date)``; ``decision_references(status)`` (Mengingat list);
    ``duty_source(status)``; ``discipline_source(status)``; ``violation_phrase(v)``; ``lower_first``.
``legal.appeals``      ``deadline(delivered_on)``, ``effective_date(delivered_on, status, sanction_code)``,
    ``refusal(kind=, status=, sanction_code=, delivered_on=, filed_on=)`` -> "" or the Indonesian reason.
``legal.repeat``       ``Prior``, ``last_same_type(priors, violation_code)``, ``heavier_than(ladder, rung)``.
``legal.procedure``    day counts (summons, delivery, appeal) and their articles.
``legal.options``      per-Pemda options for unconfirmed points: ``value(key)``; set in
    ``settings.LEGAL_OPTIONS`` (env ``LEGAL_OPTIONS`` as JSON); checked by a system check.
``legal.rules``        ``RULES``: every rule with its article, enforcing code and test.
``legal.page``         ``sections()`` / ``to_markdown()``: the legal-basis page
    (``python manage.py legal_basis`` -> docs/legal-basis.md; ``/dasar-hukum/``, capability legal.view).
"""
