"""Demo registry: a fictional Pemda (Kabupaten Sukamaju), its units, 60+ employees, Pilkada 2024."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from accounts.roles import HR, LEADER, MONITOR, STAFF

from .models import CandidatePair, Election, Employee, OrgUnit

PEMDA = "Pemerintah Kabupaten Sukamaju"

UNITS = [
    # code, name, parent code
    ("SETDA", "Sekretariat Daerah", None),
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", None),
    ("BKPSDM-DISIPLIN", "Bidang Pembinaan dan Disiplin Pegawai", "BKPSDM"),
    ("DKIP", "Dinas Komunikasi, Informatika dan Persandian", None),
    ("DISDIK", "Dinas Pendidikan", None),
    ("DINKES", "Dinas Kesehatan", None),
    ("DINKES-PKM1", "UPTD Puskesmas Sukamaju Kota", "DINKES"),
    ("PUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", None),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", None),
    ("INSPEKTORAT", "Inspektorat Daerah", None),
]

FIRST = ["Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gilang", "Hana", "Indra", "Joko", "Kartika", "Lestari",
         "Maya", "Nanda", "Oki", "Putri", "Rizki", "Sari", "Teguh", "Utami", "Wahyu", "Yuni", "Zainal", "Ayu",
         "Bambang", "Dian", "Fajar", "Galih", "Intan", "Lukman"]  # fmt: skip
LAST = ["Santoso", "Wibowo", "Lestari", "Saputra", "Hidayat", "Nugroho", "Permata", "Kurniawan", "Susanti",
        "Setiawan", "Rahayu", "Siregar", "Nasution", "Simanjuntak", "Gunawan", "Hasibuan", "Purnomo", "Maharani"]  # fmt: skip
PNS_RANKS = ["II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b"]
POSITIONS = ["Analis Kepegawaian", "Pranata Komputer", "Guru Ahli Pertama", "Perawat Terampil", "Pengadministrasi Umum",
             "Penata Laporan Keuangan", "Pengelola Data", "Teknik Jalan dan Jembatan", "Perencana Muda", "Auditor Pertama"]  # fmt: skip

# (username, employee name, unit code, status, rank, position, kind)
LINKED = {
    LEADER: ("Hendra Wijaya", "BKPSDM", "pns", "IV/c", "Kepala Badan Kepegawaian dan Pengembangan SDM", "jpt"),
    HR: ("Rina Kusumawati", "BKPSDM-DISIPLIN", "pns", "III/d", "Analis Kepegawaian Ahli Muda", "fungsional"),
    MONITOR: ("Bayu Pratama", "DKIP", "pns", "III/b", "Pranata Humas Ahli Pertama", "fungsional"),
    STAFF: ("Siti Rahmawati", "DISDIK", "pns", "III/a", "Guru Ahli Pertama", "fungsional"),
}


def make_nip(rng: random.Random, serial: int, sex: str) -> str:
    birth = dt.date(1970, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 27))
    appointed = (birth.year + rng.randrange(22, 30), rng.randrange(1, 13))
    return f"{birth:%Y%m%d}{appointed[0]:04d}{appointed[1]:02d}{'1' if sex == 'L' else '2'}{serial:03d}"


def make_ni_pppk(rng: random.Random, serial: int, sex: str) -> str:
    birth = dt.date(1980, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 20))
    return f"{birth:%Y%m%d}{rng.choice([2021, 2022, 2023, 2024])}{rng.choice([21, 24])}{'1' if sex == 'L' else '2'}{serial:03d}"


def make_nik(rng: random.Random, serial: int, sex: str) -> str:
    birth = dt.date(1985, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 18))
    day = birth.day + (40 if sex == "P" else 0)
    return f"320412{day:02d}{birth:%m}{birth:%y}{serial:04d}"


@transaction.atomic
def seed_registry(users: dict, *, employees: int = 60) -> dict:
    rng = random.Random(2024)
    units: dict[str, OrgUnit] = {}
    for code, name, parent in UNITS:
        unit, _created = OrgUnit.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "parent": units.get(parent),
                "kind": OrgUnit.Kind.SUB if parent else OrgUnit.Kind.OPD,
                "address": "Jl. Pemuda No. 1, Sukamaju",
            },
        )
        units[code] = unit

    heads: dict[str, Employee] = {}
    serial = 1
    for role, (name, unit_code, status, rank, position, kind) in LINKED.items():
        sex = "P" if name.split()[0] in {"Rina", "Siti"} else "L"
        emp, _ = Employee.objects.get_or_create(
            user=users[role],
            defaults=dict(full_name=name, status=status, nip=make_nip(rng, serial, sex), sex=sex, rank=rank,
                          position=position, position_kind=kind, unit=units[unit_code],
                          email=users[role].email),
        )  # fmt: skip
        serial += 1
        heads[role] = emp
    leader = heads[LEADER]
    Employee.objects.filter(pk__in=[heads[HR].pk]).update(supervisor=leader)

    existing = Employee.objects.filter(user__isnull=True).count()
    codes = [c for c, _n, _p in UNITS]
    for i in range(existing, employees):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        sex = "P" if first in {"Citra", "Dewi", "Fitri", "Hana", "Kartika", "Lestari", "Maya", "Putri", "Sari",
                               "Utami", "Yuni", "Ayu", "Dian", "Intan"} else "L"  # fmt: skip
        status = ["pns", "pns", "pns", "pppk", "pppk", "honorer"][i % 6]
        unit = units[codes[i % len(codes)]]
        data = dict(full_name=f"{first} {last}", status=status, sex=sex, unit=unit, position=rng.choice(POSITIONS),
                    position_kind="pelaksana" if status == "honorer" else rng.choice(["fungsional", "pelaksana"]))  # fmt: skip
        if status == "pns":
            data.update(nip=make_nip(rng, 100 + i, sex), rank=rng.choice(PNS_RANKS))
        elif status == "pppk":
            data.update(ni_pppk=make_ni_pppk(rng, 100 + i, sex), rank=rng.choice(["V", "VII", "IX", "X"]))
        else:
            data.update(nik=make_nik(rng, 100 + i, sex), contract_number=f"SKM/HON/{2023}/{i:04d}")
        emp = Employee(**data)
        emp.full_clean()
        emp.save()
    # Each OPD gets a head; staff without a supervisor report to their unit's head.
    for code in codes:
        unit_staff = list(Employee.objects.filter(unit=units[code], user__isnull=True, status="pns").order_by("pk")[:1])
        if unit_staff:
            head = unit_staff[0]
            Employee.objects.filter(pk=head.pk).update(
                position_kind="administrator", position=f"Kepala {units[code].name}"
            )
            Employee.objects.filter(unit=units[code], supervisor__isnull=True).exclude(pk=head.pk).exclude(
                pk=leader.pk
            ).update(supervisor=head)

    election, _ = Election.objects.get_or_create(
        name="Pemilihan Bupati dan Wakil Bupati Sukamaju 2024",
        defaults=dict(region="Kabupaten Sukamaju", campaign_start=dt.date(2024, 9, 25),
                      campaign_end=dt.date(2024, 11, 23), voting_day=dt.date(2024, 11, 27), is_active=True),
    )  # fmt: skip
    pairs = [
        (1, "H. Ahmad Fauzi", "Dra. Nurul Aini", "#1565c0", ["one", "thumbs_up"]),
        (2, "Ir. Bonifasius Tarigan", "Dewi Anggraini, S.E.", "#c62828", ["two", "v_sign", "l_shape", "call"]),
        (3, "Dr. Made Suarjana", "Yusuf Hamdani, M.Si.", "#2e7d32", ["three", "three_thumb", "ok", "metal"]),
    ]
    for number, head, deputy, colour, gestures in pairs:
        CandidatePair.objects.get_or_create(
            election=election, ballot_number=number,
            defaults=dict(head_name=head, deputy_name=deputy, colour=colour, gestures=gestures),
        )  # fmt: skip
    return {"units": units, "election": election, "employees": heads}
