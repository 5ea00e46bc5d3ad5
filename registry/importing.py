"""Employee import from CSV or XLSX: read, validate every row, then write all rows or none.

Flow used by the views (and by ``manage.py benchmark_import``):

* ``read_table(content, filename)`` turns the bytes into header + rows, or raises ``ImportFileError`` for a file
  that cannot be read at all (wrong type, empty, missing headers, too large, bad encoding).
* ``plan_import(table)`` validates every row (model ``full_clean()``, unit code, supervisor, identifier clashes
  inside the file and with the registry) and decides per row: create, update or unchanged. Nothing is written.
* ``run_import(acting_user=, content=, filename=)`` does both inside one transaction and writes (``bulk_create``
  for new rows, one batched UPDATE per set of changed columns) only when no row has an error; one audit event.

Matching: a row updates the employee who already holds one of its identifiers (NIP, NI PPPK or NIK), else it
creates a new employee. Blank optional cells keep the stored value of an existing employee.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import secrets
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit import services as audit
from registry.identifiers import clean_digits
from registry.models import Employee, OrgUnit
from registry.services import identifier_warnings

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
# A sheet wider than this is refused: a 31 KB XLSX with one cell in column XFD on 5,000 rows otherwise
# expands to 82 million empty cells (+600 MB) when read row by row.
MAX_COLUMNS = 100
BATCH = 500
LOOKUP_CHUNK = 300  # values per IN (...) so SQLite's parameter limit is never reached

# header -> (model field, description for the docs and the import page, required header)
COLUMNS: dict[str, tuple[str, Any, bool]] = {
    "nama": ("full_name", gettext_lazy("Nama lengkap tanpa gelar. Wajib."), True),
    "status": ("status", gettext_lazy("PNS, CPNS, PPPK atau HONORER. Wajib."), True),
    "nip": ("nip", gettext_lazy("18 digit; wajib untuk PNS/CPNS."), False),
    "ni_pppk": ("ni_pppk", gettext_lazy("18 digit; wajib untuk PPPK."), False),
    "nik": ("nik", gettext_lazy("16 digit; wajib untuk honorer."), False),
    "jenis_kelamin": ("sex", gettext_lazy("L atau P; kosong = diambil dari NIP/NI PPPK/NIK."), False),
    "tanggal_lahir": ("birth_date", gettext_lazy("YYYY-MM-DD atau DD/MM/YYYY; kosong = dari NIP/NI PPPK."), False),
    "pangkat_golongan": ("rank", gettext_lazy("Mis. III/a (PNS) atau IX (PPPK)."), False),
    "jabatan": ("position", gettext_lazy("Nama jabatan."), False),
    "jenis_jabatan": ("position_kind", gettext_lazy("jpt, administrator, pengawas, fungsional, pelaksana."), False),
    "kode_unit": ("unit", gettext_lazy("Kode unit kerja yang sudah terdaftar, mis. DISDIK. Wajib."), True),
    "nip_atasan": ("supervisor", gettext_lazy("NIP/NI PPPK/NIK atasan langsung; boleh pegawai di berkas yang sama."), False),
    "email": ("email", gettext_lazy("Alamat email."), False),
    "telepon": ("phone", gettext_lazy("Nomor telepon."), False),
    "gelar_depan": ("front_title", gettext_lazy("Opsional, mis. Dr."), False),
    "gelar_belakang": ("back_title", gettext_lazy("Opsional, mis. S.Kom."), False),
    "nomor_kontrak": ("contract_number", gettext_lazy("Opsional; nomor kontrak/registrasi honorer."), False),
}  # fmt: skip
TEMPLATE_HEADERS = list(COLUMNS)
REQUIRED_HEADERS = [h for h, (_f, _d, req) in COLUMNS.items() if req]
IDENTIFIER_HEADERS = ("nip", "ni_pppk", "nik")
FIELD_TO_HEADER = {f: h for h, (f, _d, _r) in COLUMNS.items()}
HEADER_ALIASES = {"nama_lengkap": "nama", "nipppk": "ni_pppk", "ni": "ni_pppk", "pangkat": "pangkat_golongan",
                  "golongan": "pangkat_golongan", "unit": "kode_unit", "kode_unit_kerja": "kode_unit",
                  "atasan": "nip_atasan", "no_hp": "telepon", "hp": "telepon", "jk": "jenis_kelamin"}  # fmt: skip
# Fields an import sets (``supervisor`` is resolved separately).
IMPORT_FIELDS = [f for f, _d, _r in COLUMNS.values() if f not in ("unit", "supervisor")] + ["unit"]

STATUS_ALIASES = {"pns": "pns", "cpns": "cpns", "pppk": "pppk", "honorer": "honorer", "non-asn": "honorer",
                  "non asn": "honorer", "nonasn": "honorer", "thl": "honorer"}  # fmt: skip
SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?[eE]\+?\d+$")
STATUS_VALUES = frozenset(Employee.Status.values)
SEX_ALIASES = {"l": "L", "p": "P", "laki-laki": "L", "laki laki": "L", "pria": "L", "perempuan": "P", "wanita": "P"}
RANK_CODES = {code.lower(): code for code, _label in Employee.RANKS}
KIND_ALIASES = {value: value for value in Employee.PositionKind.values} | {
    str(label).lower(): value for value, label in Employee.PositionKind.choices
}


class ImportFileError(Exception):
    """The file as a whole cannot be imported (nothing about single rows)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class RowIssue:
    row: int  # as in the spreadsheet: header is row 1
    column: str
    message: str


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, dict[str, Any]]]  # (spreadsheet row number, header -> raw cell value)
    ignored_headers: list[str] = field(default_factory=list)


@dataclass
class ImportPlan:
    total: int = 0
    to_create: list[Employee] = field(default_factory=list)
    to_update: list[Employee] = field(default_factory=list)
    unchanged: int = 0
    errors: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    preview: list[dict[str, Any]] = field(default_factory=list)
    ignored_headers: list[str] = field(default_factory=list)
    written: int = 0
    # (employee, supervisor employee) pairs to link once every new employee has a primary key
    links: list[tuple[Employee, Employee]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def counts(self) -> dict[str, int]:
        return {
            "rows": self.total,
            "created": len(self.to_create),
            "updated": len(self.to_update),
            "unchanged": self.unchanged,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
        }


# --------------------------------------------------------------------------- reading


def _normalise_header(value: Any) -> str:
    text = str(value or "").strip().lower().lstrip("\ufeff")
    for ch in (" ", "-", "/", "."):
        text = text.replace(ch, "_")
    while "__" in text:
        text = text.replace("__", "_")
    text = text.strip("_")
    return HEADER_ALIASES.get(text, text)


def _decode(content: bytes) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            pass
    else:
        try:
            return content.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                return content.decode("cp1252")  # "CSV" saved by Excel on Windows
            except UnicodeDecodeError:
                pass
    raise ImportFileError(
        _('Pengodean karakter berkas tidak dikenali. Simpan ulang sebagai "CSV UTF-8 (Comma delimited)".')
    )


def _read_csv(content: bytes) -> list[list[Any]]:
    text = _decode(content)
    if "\x00" in text:
        raise ImportFileError(_("Berkas ini bukan CSV teks. Unggah berkas .csv atau .xlsx."))
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)  # Excel in Indonesian locale writes ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out: list[list[Any]] = []
    try:
        for values in reader:
            if len(values) > MAX_COLUMNS:
                raise ImportFileError(_too_wide(reader.line_num))
            out.append(values)
            if len(out) > MAX_ROWS + 1:
                break
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise ImportFileError(
                _("Isi satu sel di baris %(row)s terlalu panjang (lebih dari %(n)s karakter).")
                % {"row": reader.line_num, "n": csv.field_size_limit()}
            ) from exc
        raise ImportFileError(
            _("Berkas CSV rusak di baris %(row)s (tanda kutip tidak tertutup atau karakter tak sah).")
            % {"row": reader.line_num}
        ) from exc
    return out


def _too_wide(row: int) -> str:
    return _("Baris %(row)s berisi lebih dari %(n)s kolom. Gunakan templat CSV yang disediakan.") % {
        "row": row,
        "n": MAX_COLUMNS,
    }


def _read_xlsx(content: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    if not content.startswith(b"PK"):
        raise ImportFileError(_("Berkas ini bukan XLSX yang sah. Simpan ulang dari Excel sebagai .xlsx."))
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ImportFileError(_("Berkas XLSX tidak dapat dibaca: %(e)s") % {"e": exc.__class__.__name__})
    try:
        sheet = workbook.worksheets[0]
        out: list[list[Any]] = []
        # max_col bounds the memory: cells to the right are never materialised, one extra column tells us
        # the sheet is too wide.
        for number, values in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1), start=1):
            if len(values) > MAX_COLUMNS and values[MAX_COLUMNS] not in (None, ""):
                raise ImportFileError(_too_wide(number))
            out.append(list(values[:MAX_COLUMNS]))
            if len(out) > MAX_ROWS + 1:
                break
        return out
    finally:
        workbook.close()


def read_table(content: bytes, filename: str) -> Table:
    name = (filename or "").lower()
    if len(content) > MAX_BYTES:
        raise ImportFileError(_("Berkas lebih dari 10 MB. Pecah menjadi beberapa berkas."))
    if not content.strip():
        raise ImportFileError(_("Berkas kosong."))
    if name.endswith(".csv"):
        raw = _read_csv(content)
    elif name.endswith(".xlsx"):
        raw = _read_xlsx(content)
    elif name.endswith(".xls"):
        raise ImportFileError(_("Format .xls lama tidak didukung. Simpan ulang dari Excel sebagai .xlsx atau CSV."))
    else:
        raise ImportFileError(_("Jenis berkas tidak didukung. Unggah berkas .csv atau .xlsx."))

    def blank(values: list[Any]) -> bool:
        return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)

    header_index = next((i for i, values in enumerate(raw) if not blank(values)), None)
    if header_index is None:
        raise ImportFileError(_("Berkas kosong."))
    headers = [_normalise_header(v) for v in raw[header_index]]
    seen: set[str] = set()
    for h in headers:
        if h and h in seen:
            raise ImportFileError(_("Judul kolom %(h)s muncul lebih dari sekali.") % {"h": h})
        seen.add(h)
    missing = [h for h in REQUIRED_HEADERS if h not in seen]
    if missing:
        raise ImportFileError(
            _("Judul kolom wajib tidak ada: %(missing)s. Gunakan templat CSV yang disediakan.")
            % {"missing": ", ".join(missing)}
        )
    if not seen & set(IDENTIFIER_HEADERS):
        raise ImportFileError(_("Berkas harus memiliki sedikitnya satu kolom nip, ni_pppk atau nik."))
    rows: list[tuple[int, dict[str, Any]]] = []
    for i in range(header_index + 1, len(raw)):
        values = raw[i]
        if blank(values):
            continue
        rows.append((i + 1, {h: values[j] if j < len(values) else None for j, h in enumerate(headers) if h in COLUMNS}))
    if not rows:
        raise ImportFileError(_("Berkas tidak berisi baris data di bawah judul kolom."))
    if len(rows) > MAX_ROWS:
        raise ImportFileError(_("Berkas berisi lebih dari %(n)s baris.") % {"n": MAX_ROWS})
    ignored = [h for h in headers if h and h not in COLUMNS]
    return Table(headers=[h for h in headers if h in COLUMNS], rows=rows, ignored_headers=ignored)


# --------------------------------------------------------------------------- cell values


class CellError(Exception):
    pass


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    return str(value).strip()


def _identifier(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        raise CellError(
            _("tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang; format kolom sebagai Teks.")
        )
    if isinstance(value, int):
        return str(value)
    text = str(value).strip().lstrip("'")  # a leading apostrophe forces text in Excel
    if SCIENTIFIC.match(text):  # a CSV re-saved by Excel: 1,99004E+17
        raise CellError(
            _("tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang; format kolom sebagai Teks.")
        )
    return clean_digits(text)


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar date, no time zone
        except ValueError:
            continue
    raise CellError(_("bukan tanggal yang dikenali (gunakan YYYY-MM-DD atau DD/MM/YYYY)."))


# --------------------------------------------------------------------------- planning


def _lookup_existing(values: set[str], *, lock: bool) -> dict[str, dict[str, Employee]]:
    """Existing employees holding any of ``values`` as NIP, NI PPPK or NIK, indexed per column."""
    found: dict[str, dict[str, Employee]] = {"nip": {}, "ni_pppk": {}, "nik": {}}
    ordered = sorted(values)
    for start in range(0, len(ordered), LOOKUP_CHUNK):
        chunk = ordered[start : start + LOOKUP_CHUNK]
        qs = Employee.objects.filter(Q(nip__in=chunk) | Q(ni_pppk__in=chunk) | Q(nik__in=chunk))
        if lock:
            qs = qs.select_for_update()
        for emp in qs:
            for kind in found:
                value = getattr(emp, kind)
                if value:
                    found[kind][value] = emp
    return found


def _snapshot(emp: Employee) -> dict[str, Any]:
    return {name: getattr(emp, name if name != "unit" else "unit_id") for name in IMPORT_FIELDS} | {
        "supervisor_id": emp.supervisor_id
    }


def plan_import(table: Table, *, lock: bool = False) -> ImportPlan:
    """Validate every row and decide what each would do. Writes nothing."""
    plan = ImportPlan(total=len(table.rows), ignored_headers=table.ignored_headers)
    units = {u.code.upper(): u for u in OrgUnit.objects.all()}

    # Pass 1: cell values, in-file duplicates, collect identifiers to look up.
    parsed: list[dict[str, Any]] = []
    first_row: dict[tuple[str, str], int] = {}
    wanted: set[str] = set()
    for row_no, cells in table.rows:
        errors: list[RowIssue] = []
        values: dict[str, Any] = {}
        ids: dict[str, str] = {}
        for header in IDENTIFIER_HEADERS:
            try:
                ids[header] = _identifier(cells.get(header))
            except CellError as exc:
                errors.append(RowIssue(row_no, header, f"{header.upper().replace('_', ' ')} {exc}"))
                ids[header] = ""
        try:
            supervisor_key = _identifier(cells.get("nip_atasan"))
        except CellError as exc:
            errors.append(RowIssue(row_no, "nip_atasan", str(exc)))
            supervisor_key = ""
        for header in ("nama", "status", "kode_unit"):
            if not _text(cells.get(header)):
                errors.append(RowIssue(row_no, header, _("Wajib diisi.")))
        if not any(ids.values()) and not any(e.column in IDENTIFIER_HEADERS for e in errors):
            errors.append(RowIssue(row_no, "nip", _("Isi sedikitnya satu dari nip, ni_pppk atau nik.")))
        raw_status = _text(cells.get("status")).lower()
        if raw_status:
            values["status"] = STATUS_ALIASES.get(raw_status, raw_status)
            if values["status"] not in STATUS_VALUES:
                errors.append(RowIssue(row_no, "status", _("Harus PNS, CPNS, PPPK atau HONORER.")))
        code = _text(cells.get("kode_unit")).upper()
        if code:
            if code in units:
                values["unit"] = units[code]
            else:
                errors.append(RowIssue(row_no, "kode_unit", _("Kode unit %(code)s tidak terdaftar.") % {"code": code}))
        for header, text_field in (("nama", "full_name"), ("jabatan", "position"), ("email", "email"),
                                   ("telepon", "phone"), ("gelar_depan", "front_title"),
                                   ("gelar_belakang", "back_title"), ("nomor_kontrak", "contract_number")):  # fmt: skip
            text = _text(cells.get(header))
            if text:
                values[text_field] = " ".join(text.split()) if text_field == "full_name" else text
        sex = _text(cells.get("jenis_kelamin")).lower()
        if sex:
            values["sex"] = SEX_ALIASES.get(sex, sex.upper())
        rank = _text(cells.get("pangkat_golongan"))
        if rank:
            values["rank"] = RANK_CODES.get(rank.lower(), rank)
        kind = _text(cells.get("jenis_jabatan")).lower()
        if kind:
            values["position_kind"] = KIND_ALIASES.get(kind, kind)
        try:
            birth = _date(cells.get("tanggal_lahir"))
            if birth:
                values["birth_date"] = birth
        except CellError as exc:
            errors.append(RowIssue(row_no, "tanggal_lahir", str(exc)))
        for header, value in ids.items():
            if not value:
                continue
            values[header] = value
            wanted.add(value)
            key = (header, value)
            if key in first_row:
                errors.append(
                    RowIssue(
                        row_no,
                        header,
                        _("%(label)s %(value)s sudah dipakai di baris %(row)s berkas ini.")
                        % {"label": header.upper().replace("_", " "), "value": value, "row": first_row[key]},
                    )
                )
            else:
                first_row[key] = row_no
        if supervisor_key:
            wanted.add(supervisor_key)
            if supervisor_key in ids.values():
                errors.append(RowIssue(row_no, "nip_atasan", _("Pegawai tidak dapat menjadi atasan dirinya sendiri.")))
                supervisor_key = ""
        plan.errors.extend(errors)
        parsed.append({"row": row_no, "values": values, "ids": ids, "supervisor": supervisor_key, "bad": bool(errors)})

    existing = _lookup_existing(wanted, lock=lock)

    # Pass 2: match, build the instance, run the model's validation.
    in_file: dict[str, Employee] = {}
    matched_by: dict[int, int] = {}
    for item in parsed:
        row_no, values, ids = item["row"], item["values"], item["ids"]
        matches = {existing[k][v].pk: existing[k][v] for k, v in ids.items() if v and v in existing[k]}
        emp: Employee | None = None
        if len(matches) > 1:
            names = ", ".join(f"{e.full_name} ({e.identifier})" for e in matches.values())
            plan.errors.append(
                RowIssue(row_no, "nip", _("Identitas pada baris ini milik pegawai berbeda: %(n)s.") % {"n": names})
            )
            item["bad"] = True
        elif matches:
            emp = next(iter(matches.values()))
            if emp.pk in matched_by:
                plan.errors.append(
                    RowIssue(
                        row_no,
                        "nip",
                        _("Pegawai %(name)s juga diperbarui oleh baris %(row)s berkas ini.")
                        % {"name": emp.full_name, "row": matched_by[emp.pk]},
                    )
                )
                item["bad"] = True
            matched_by[emp.pk] = row_no
        item["before"] = _snapshot(emp) if emp is not None else None
        if emp is None:
            emp = Employee()
        for name, value in values.items():
            setattr(emp, name, value)
        item["employee"] = emp
        for value in ids.values():
            if value:
                in_file.setdefault(value, emp)
        reported = {issue.column for issue in plan.errors if issue.row == row_no} if item["bad"] else set()
        excluded = ["unit", "supervisor", "user"] + [COLUMNS[c][0] for c in reported if c in COLUMNS]
        try:
            # unit and supervisor come from the lookups above; uniqueness and the status/identifier
            # constraints are checked in bulk above and by Employee.clean() (one query per row otherwise).
            emp.full_clean(exclude=excluded, validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            item["bad"] = True
            for name, messages in exc.message_dict.items():
                column = "" if name == NON_FIELD_ERRORS else FIELD_TO_HEADER.get(name, name)
                if column in reported:
                    continue
                reported.add(column)
                for message in messages:
                    plan.errors.append(RowIssue(row_no, column, message))
            continue
        if item["bad"]:
            continue
        for warning in identifier_warnings(emp):
            plan.warnings.append(RowIssue(row_no, "", warning))

    # Pass 3: supervisors (from this file first, then the registry), decide create/update/unchanged.
    for item in parsed:
        emp, row_no = item["employee"], item["row"]
        key = item["supervisor"]
        supervisor = None
        if key:
            supervisor = in_file.get(key) or next((existing[k][key] for k in existing if key in existing[k]), None)
            if supervisor is None:
                plan.errors.append(
                    RowIssue(
                        row_no,
                        "nip_atasan",
                        _("Atasan %(key)s tidak ditemukan di berkas ini maupun di data pegawai.") % {"key": key},
                    )
                )
                item["bad"] = True
            elif supervisor is emp:
                plan.errors.append(
                    RowIssue(row_no, "nip_atasan", _("Pegawai tidak dapat menjadi atasan dirinya sendiri."))
                )
                item["bad"] = True
                supervisor = None
        if item["bad"]:
            continue
        before = item["before"]
        if before is None:
            action = "baru"
            plan.to_create.append(emp)
        else:
            after = _snapshot(emp)
            supervisor_changed = key and (supervisor.pk is None or supervisor.pk != before["supervisor_id"])
            changed = {k for k in after if k != "supervisor_id" and after[k] != before[k]}
            if supervisor_changed:
                changed.add("supervisor")
            action = "diperbarui" if changed else "tetap"
            if changed:
                emp._import_changed = frozenset(changed)
                plan.to_update.append(emp)
            else:
                plan.unchanged += 1
        if supervisor is not None:
            plan.links.append((emp, supervisor))
        if len(plan.preview) < 10:
            plan.preview.append(
                {
                    "row": row_no,
                    "action": action,
                    "name": emp.full_name,
                    "status": emp.get_status_display(),
                    "identifier": emp.identifier,
                    "unit": emp.unit.code if emp.unit_id else "",
                    "supervisor": supervisor.full_name if supervisor is not None else "",
                }
            )
    _check_cycles(plan, {id(item["employee"]): item["row"] for item in parsed})
    plan.errors.sort(key=lambda issue: issue.row)
    return plan


def _check_cycles(plan: ImportPlan, rows: dict[int, int]) -> None:
    """Refuse supervisor chains that loop back (A reports to B, B reports to A) among the rows of the file."""
    boss = {id(emp): supervisor for emp, supervisor in plan.links}
    done: set[int] = set()
    for emp, _supervisor in plan.links:
        path: list[int] = []
        node = id(emp)
        while node in boss and node not in done and node not in path:
            path.append(node)
            node = id(boss[node])
        if node in path:
            loop = path[path.index(node) :]
            numbers = sorted(rows[n] for n in loop if n in rows)
            plan.errors.append(
                RowIssue(
                    numbers[0],
                    "nip_atasan",
                    _("Rantai atasan berputar (baris %(rows)s).") % {"rows": ", ".join(map(str, numbers))},
                )
            )
            looped = set(loop)
            plan.links = [(e, s) for e, s in plan.links if id(e) not in looped]
            plan.to_create = [e for e in plan.to_create if id(e) not in looped]
            plan.to_update = [e for e in plan.to_update if id(e) not in looped]
            boss = {k: v for k, v in boss.items() if k not in looped}
        done.update(path)


# --------------------------------------------------------------------------- writing


def _write(plan: ImportPlan) -> None:
    now = timezone.now()
    pending_links: list[Employee] = []
    for emp in plan.to_create:
        emp.version = 1
    for emp, supervisor in plan.links:
        if supervisor.pk is not None and emp.pk is None:
            emp.supervisor = supervisor
    Employee.objects.bulk_create(plan.to_create, batch_size=BATCH)
    created_ids = {emp.pk for emp in plan.to_create}
    for emp, supervisor in plan.links:
        if emp.supervisor_id != supervisor.pk:
            emp.supervisor = supervisor
            if emp.pk in created_ids:
                pending_links.append(emp)
    # Rows are grouped by the columns that really changed (a re-import usually touches one or two).
    groups: dict[frozenset[str], list[Employee]] = {}
    for emp in plan.to_update:
        emp.version += 1
        emp.updated_at = now
        groups.setdefault(emp._import_changed, []).append(emp)
    for changed, employees in groups.items():
        _update_rows(employees, [*sorted(changed), "version", "updated_at"])
    # New employees whose supervisor is another new employee: link them now that both have ids.
    _update_rows(pending_links, ["supervisor"])
    plan.written = len(plan.to_create) + len(plan.to_update)


def _update_rows(employees: list[Employee], field_names: list[str]) -> None:
    """``bulk_update`` without its per-object CASE expressions: one parametrised UPDATE run with executemany.

    Measured on 5,000 rows (SQLite): ``QuerySet.bulk_update`` 6.0 s CPU, this 0.2 s. Values go through each
    field's ``get_db_prep_save`` exactly as ``save()`` would; no model signals are involved either way.
    """
    if not employees:
        return
    meta = Employee._meta
    fields = [meta.get_field(name) for name in field_names]
    qn = connection.ops.quote_name
    assignments = ", ".join(f"{qn(f.column)} = %s" for f in fields)
    sql = f"UPDATE {qn(meta.db_table)} SET {assignments} WHERE {qn(meta.pk.column)} = %s"  # noqa: S608 - names from model meta
    with connection.cursor() as cursor:
        for start in range(0, len(employees), BATCH):
            batch = employees[start : start + BATCH]
            cursor.executemany(
                sql, [[f.get_db_prep_save(getattr(e, f.attname), connection) for f in fields] + [e.pk] for e in batch]
            )


def run_import(
    *, acting_user: Any, content: bytes, filename: str, dry_run: bool = False, request: Any = None
) -> ImportPlan:
    """Validate and, when every row is valid and ``dry_run`` is off, write every row in one transaction.

    Raises ``ImportFileError`` for unreadable files. Returns the plan; ``plan.written`` is 0 unless it landed.
    """
    table = read_table(content, filename)
    with transaction.atomic():
        plan = plan_import(table, lock=not dry_run)
        if dry_run or not plan.ok:
            return plan
        _write(plan)
        audit.record(
            "cases.employee.imported",
            actor=acting_user,
            changes={"file": filename, "sha256": hashlib.sha256(content).hexdigest(), **plan.counts()},
            request=request,
        )
    return plan


def template_csv() -> bytes:
    """Header row only, UTF-8 with BOM so that Excel shows it correctly."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(TEMPLATE_HEADERS)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# --------------------------------------------------------------------------- files between preview and confirm

STASH_DIR = "registry-imports"


def stash_upload(content: bytes, filename: str) -> dict[str, str]:
    """Keep the uploaded bytes until confirm (they contain personal data: discard them after use)."""
    _purge_stale()
    ext = ".xlsx" if filename.lower().endswith(".xlsx") else ".csv"
    name = default_storage.save(f"{STASH_DIR}/{secrets.token_hex(16)}{ext}", ContentFile(content))
    return {"path": name, "filename": filename, "sha256": hashlib.sha256(content).hexdigest()}


def load_upload(stash: dict[str, str]) -> bytes | None:
    path = stash.get("path", "")
    if not path.startswith(f"{STASH_DIR}/") or ".." in path or not default_storage.exists(path):
        return None
    with default_storage.open(path, "rb") as handle:
        content = handle.read()
    if hashlib.sha256(content).hexdigest() != stash.get("sha256"):
        return None
    return content


def discard_upload(stash: dict[str, str] | None) -> None:
    path = (stash or {}).get("path", "")
    if path.startswith(f"{STASH_DIR}/") and ".." not in path:
        default_storage.delete(path)


def _purge_stale(max_age: dt.timedelta = dt.timedelta(hours=24)) -> None:
    """Best effort: drop previews nobody confirmed within a day."""
    try:
        _dirs, files = default_storage.listdir(STASH_DIR)
        limit = timezone.now() - max_age
        for name in files:
            path = f"{STASH_DIR}/{name}"
            if default_storage.get_modified_time(path) < limit:
                default_storage.delete(path)
    except (FileNotFoundError, NotImplementedError, OSError):
        return
