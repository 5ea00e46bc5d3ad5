"""factory_boy factories shared by the whole suite."""

import factory
from django.contrib.auth.models import Group, User

from accounts.roles import ROLE_GROUPS
from registry.models import CandidatePair, Election, Employee, OrgUnit


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.go.id")
    password = factory.django.Password("Rahasia-Uji-123")
    first_name = factory.Sequence(lambda n: f"Nama{n}")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get_or_create(name=ROLE_GROUPS[extracted])[0])


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"Dinas Uji {n}")
    code = factory.Sequence(lambda n: f"UJI{n}")


def _nip(n: int) -> str:
    return f"19900412201503{1 + n % 2}{(n % 999) + 1:03d}"


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    full_name = factory.Sequence(lambda n: f"Pegawai Uji {n}")
    status = Employee.Status.PNS
    nip = factory.Sequence(lambda n: f"{19800101 + (n % 28)}20050{1 + n % 9}{1 + n % 2}{(n % 999) + 1:03d}")
    rank = "III/a"
    position = "Analis"
    unit = factory.SubFactory(OrgUnitFactory)


class ElectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Election

    name = "Pilkada Uji 2024"
    region = "Kabupaten Uji"
    campaign_start = "2024-09-25"
    campaign_end = "2024-11-23"
    voting_day = "2024-11-27"


class CandidatePairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CandidatePair

    election = factory.SubFactory(ElectionFactory)
    ballot_number = factory.Sequence(lambda n: n + 1)
    head_name = factory.Sequence(lambda n: f"Calon {n}")
    deputy_name = factory.Sequence(lambda n: f"Wakil {n}")
    gestures = factory.LazyAttribute(
        lambda o: {1: ["one"], 2: ["v_sign", "two"], 3: ["three", "ok"]}.get(o.ballot_number, [])
    )
