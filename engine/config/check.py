"""Check acx.toml like a spec: the JSON Schema of schemas/config.schema.json, then what a schema
cannot say (IANA zone names, the spec's table names, dates, URLs, secrets written in the file).
Every problem is reported at once, sorted by line, as `file:line: key.path: message`.

The lines come from engine/config/tomlsrc.py (tomllib keeps none)."""

from __future__ import annotations

import difflib
import ipaddress
import json
import math
import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, time, timezone
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import jsonschema
from urllib3.exceptions import LocationParseError
from urllib3.util import parse_url

from engine.errors import ConfigError, ConfigFileError
from engine.spec import Spec
from engine.spec.yamlsrc import KeyPath, Located

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schemas" / "config.schema.json"
KEY_CHARACTERS = {"\n": "a line break", "\r": "a carriage return", "\t": "a tab", " ": "a space"}

# Every ACX_* variable acx reads, and who reads it. Also known: the spec's own variables
# (source.base_url.env, source.auth.env) and those acx.toml names in its *_env keys.
KNOWN_ENV: dict[str, str] = {
    "ACX_TIMEZONE": "engine/config/settings.py: the account's time zone",
    "ACX_REQUESTS_PER_SECOND": "engine/config/settings.py: requests per second",
    "ACX_POSTGRES_DSN": "engine/load/postgres.py: --dest postgres",
    "ACX_POSTGRES_SCHEMA": "engine/load/postgres.py: --dest postgres",
    "ACX_MYSQL_DSN": "engine/load/mysql.py: --dest mysql",
    "ACX_MYSQL_DATABASE": "engine/load/mysql.py: --dest mysql",
    "ACX_ICEBERG_CATALOG_URI": "engine/load/iceberg_place.py: --dest iceberg:s3://...",
    "ACX_DUCKDB_MEMORY_LIMIT": "engine/load/duckdb.py: --dest duckdb",
    "ACX_DUCKDB_TEMP_DIRECTORY": "engine/load/duckdb.py: --dest duckdb, parquet, jsonl",
    "ACX_CRASH_AT": "engine/crashpoints.py: a crash point, for the crash tests",
    "ACX_CHECKPOINT_SECONDS": "engine/run/resume.py: seconds between a long read's checkpoints",
    "ACX_CHECKPOINT_PAGES": "engine/run/resume.py: pages between a long read's checkpoints",
    "ACX_REFRESH_GOLDEN": "tests: rewrite golden files (make golden)",
    "ACX_RECORD_CASSETTES": "tests: record cassettes (make cassettes)",
    "ACX_TEST_POSTGRES_DSN": "tests/conftest.py: the test database",
    "ACX_TEST_MYSQL_DSN": "tests/conftest.py: the test MySQL/MariaDB server",
}

# Keys that would hold a secret, by where they sit (source, an account, or a target's type): what
# the secret is and where it goes instead. An account's URL is named by a variable too, like its
# key, so that one file serves every environment.
SECRETS: dict[tuple[str, str], tuple[str, str]] = {
    ("source", "api_key"): ("the API key", "use api_key_env"),
    ("account", "api_key"): ("the API key", "use key_env, the name of its variable"),
    ("account", "key"): ("the API key", "use key_env, the name of its variable"),
    ("account", "api_url"): ("the account URL", "use url_env, the name of its variable"),
    ("account", "url"): ("the account URL", "use url_env, the name of its variable"),
    ("postgres", "password"): ("a password", "use dsn_env, PGPASSWORD or ~/.pgpass"),
    ("snowflake", "password"): ("the password", "use password_env"),
    ("mysql", "password"): ("a password", "use dsn_env or MYSQL_PWD"),
    ("snowflake", "private_key_passphrase"): (
        "the private key passphrase",
        "use private_key_passphrase_env",
    ),
}

# Per target type: keys of which exactly one must be given (what the destination reads).
ONE_OF: dict[str, tuple[str, str]] = {
    "postgres": ("dsn", "dsn_env"),
    "mysql": ("dsn", "dsn_env"),
    "snowflake": ("password_env", "private_key_file"),
}

TYPE_WORDS = {
    "string": "a string",
    "number": "a number",
    "integer": "a whole number",
    "object": "a table",
    "boolean": "true or false",
    "array": "an array",
}

Problem = tuple[KeyPath, str]

# [accounts.NAME]: a name that is also a partition key, a file name and a schema name's part
ACCOUNT_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")
ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def modes() -> list[str]:
    """The words [tables.X] mode takes, as the schema lists them (settings.ReplicationMode)."""
    return list(schema()["$defs"]["table"]["properties"]["mode"]["enum"])


def target_keys(kind: str) -> list[str]:
    """The keys a `[targets.NAME]` table of type `kind` may hold (none for an unknown type), as
    the schema lists them."""
    found = schema()["$defs"].get(f"{kind}_target", {})
    return list(found.get("properties", {}))


# ---------------------------------------------------------------- TOML with line numbers


def check(located: Located, spec: Spec) -> None:
    """Raise ConfigFileError with every problem of the file, sorted by line."""
    checker = Checker(spec)
    own = checker.problems(located.data)
    # where both speak of a value (api_key, a date, the URL), the cross-check says it better
    found = [p for p in schema_problems(located.data) if p[0] not in checker.replaces] + own
    if found:
        found.sort(key=lambda problem: located.line(problem[0]))
        raise ConfigFileError([f"{located.where(path)}: {message}" for path, message in found])


def schema_problems(data: dict[str, Any]) -> Iterator[Problem]:
    validator = jsonschema.Draft202012Validator(schema())
    missing: dict[KeyPath, list[str]] = {}  # one line per table for its missing keys
    for err in validator.iter_errors(_jsonable(data)):
        path: KeyPath = tuple(err.absolute_path)
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            allowed = list(err.schema.get("properties", {}))
            for key in err.instance:
                if key not in allowed:
                    valid = f"valid keys: {', '.join(allowed)}"
                    yield (*path, key), did_you_mean(f"unknown key '{key}'", key, allowed, valid)
        elif err.validator == "required":
            missing.setdefault(path, []).extend(
                k for k in err.validator_value if k not in err.instance
            )
        else:
            yield path, _message(err, path)
    for path, keys in missing.items():
        names = list(dict.fromkeys(keys))
        yield path, f"missing required key{'s' if len(names) > 1 else ''}: {', '.join(names)}"


def _message(err: jsonschema.ValidationError, path: KeyPath) -> str:
    value, limit = err.instance, err.validator_value
    if err.validator == "type" and isinstance(limit, str):
        return f"{_shown(value)} is not {TYPE_WORDS.get(limit, limit)}"
    if err.validator == "exclusiveMinimum":
        return f"must be greater than {limit}, not {value}"
    if err.validator == "minimum":
        return f"must be {limit} or more, not {value}"
    if err.validator == "pattern" and str(path[-1]).endswith("_env"):
        return f"{value!r} is not an environment variable name"
    if err.validator == "enum":
        choices = [str(v) for v in limit]
        return did_you_mean(f"{value!r} is not one of {', '.join(choices)}", str(value), choices)
    return err.message


class Checker:
    """What the schema cannot say; defensive about shapes, since the schema may have failed."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.found: list[Problem] = []
        self.replaces: set[KeyPath] = set()  # values whose schema problems this one replaces

    def add(self, path: KeyPath, message: str, replaces: bool = False) -> None:
        self.found.append((path, message))
        if replaces:
            self.replaces.add(path)

    def problems(self, data: dict[str, Any]) -> list[Problem]:
        source = _table(data.get("source"))
        self.secrets(("source",), "source", source)
        if (url := _string(source.get("api_url"))) is not None:
            self.value(("source", "api_url"), check_url, url)
        name = _string(source.get("timezone"))
        if name is not None and (problem := zone_problem(name)):
            self.add(("source", "timezone"), problem, replaces=True)
        self.start_date(("source",), source)
        rate = source.get("requests_per_second")
        if isinstance(rate, float) and not math.isfinite(rate):  # TOML's nan and inf
            self.add(
                ("source", "requests_per_second"), f"must be a finite number, not {rate}", True
            )
        for key, item in _table(data.get("tables")).items():
            self.table(key, _table(item))
        for name, item in _table(data.get("targets")).items():
            self.target(name, _table(item))
        for name, item in _table(data.get("accounts")).items():
            self.account(name, _table(item))
        return self.found

    def account(self, name: str, item: dict[str, Any]) -> None:
        """A name fit for a partition and a file name; variables named, not values written."""
        at: KeyPath = ("accounts", name)
        if not ACCOUNT_NAME.fullmatch(name):
            self.add(at, f"account name {name!r} may hold only letters, digits, '_' and '-'")
        self.secrets(at, "account", item)
        for key, what in (("url_env", "a URL"), ("key_env", "an API key")):
            value = item.get(key)
            if isinstance(value, str) and looks_like_value(value):
                self.add(
                    (*at, key),
                    f"holds what looks like {what}, not the name of an environment variable "
                    f"(put it in a variable and write that variable's name here; not shown)",
                    replaces=True,
                )

    def target(self, name: str, item: dict[str, Any]) -> None:
        kind = str(item.get("type"))
        self.secrets(("targets", name), kind, item)
        if kind in ONE_OF and sum(key in item for key in ONE_OF[kind]) != 1:
            first, second = ONE_OF[kind]
            self.add(("targets", name), f"give exactly one of {first} and {second}")

    def value(self, path: KeyPath, rule: Callable[[Any], object], value: Any) -> None:
        try:
            rule(value)
        except ConfigError as err:
            self.add(path, str(err), replaces=True)

    def secrets(self, at: KeyPath, kind: str, item: dict[str, Any]) -> None:
        for key in item:
            if (kind, key) in SECRETS:
                what, hint = SECRETS[kind, key]
                message = f"do not write {what} into the config file ({hint})"
                self.add((*at, key), message, replaces=True)

    def start_date(self, at: KeyPath, item: dict[str, Any]) -> None:
        if "start_date" in item:
            self.value((*at, "start_date"), parse_moment, item["start_date"])

    def table(self, key: str, item: dict[str, Any]) -> None:
        at: KeyPath = ("tables", key)
        streams = {s.key: s for s in self.spec.streams}
        if key not in streams:
            where = f"no table '{key}' in {Path(self.spec.path).name}"
            self.add(at, did_you_mean(where, key, list(streams), "see `acx streams`"))
            return
        stream = streams[key]
        if stream.from_ is not None:
            root = self.spec.root_of(stream)
            self.add(
                at,
                f"table '{key}' is filled from the responses of '{root.key}' and follows its "
                f"settings (set [tables.{root.key}] instead)",
            )
            return
        mode, own = item.get("mode"), stream.replication.mode or "full"
        if mode in modes() and mode != own and not stream.replication.selectable:
            self.add(
                (*at, "mode"),
                f"table '{key}' is always {own}: the spec does not let it choose "
                f"(use --full-refresh {key} for a one-off full reload)",
            )
        reconciled = item.get("reconcile_days") not in (None, False)
        if reconciled and own != "incremental" and not stream.replication.selectable:
            self.add(
                (*at, "reconcile_days"),
                f"table '{key}' is read in full every run, which finds deleted rows already: "
                "reconcile_days is for incremental tables",
            )
        self.start_date(at, item)


# ---------------------------------------------------------------- value rules


def check_url(url: str) -> str:
    """The account URL, parsed once with the parser that connects (urllib3's `parse_url`, which
    requests uses), so the host checked is the host reached: https only, except for loopback
    (the local sandbox); no user-info, backslash, fragment, query or control character (each
    lets two parsers read two hosts, or has no place in an account URL). Returned as parsed."""
    text = url.strip()
    problem = url_problem(text)
    if problem:
        raise ConfigError(f"account URL {shown_url(_without_auth(text))} {problem}")
    parts = parse_url(text)
    if parts.scheme == "http" and not is_loopback(parts.host or ""):
        raise ConfigError(
            f"account URL {parts.scheme}://{parts.host} is not https",
            "only loopback addresses may use plain http",
        )
    return str(parts.url).rstrip("/")


def url_problem(text: str) -> str | None:
    """Why `text` is not an account URL acx may send the key to, or None."""
    if "\\" in text:
        return "holds a backslash (parsers disagree on the host it names)"
    if any(ch.isspace() or not ch.isprintable() for ch in text):
        return "holds a control character or a space"
    try:
        parts = parse_url(text)
    except LocationParseError:
        return "is not a URL"
    if parts.scheme not in ("http", "https") or not parts.host:
        return "is not an http(s) URL"
    if parts.auth is not None:
        return "holds a user name or password (user-info before '@'); the key goes in its header"
    if parts.fragment is not None:
        return "holds a fragment ('#...')"
    if parts.query is not None:
        return "holds a query ('?...'); endpoints and their parameters come from the spec"
    return None


def _without_auth(text: str) -> str:
    """The URL with its user-info (which may hold a password) masked."""
    try:
        auth = parse_url(text).auth
    except LocationParseError:
        return text
    return text.replace(auth + "@", "***@", 1) if auth else text


def origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) as the connecting parser reads them, the port made explicit."""
    parts = parse_url(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme or "", 0)
    return (parts.scheme or "", parts.host or "", port)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def shown_url(text: str, limit: int = 200) -> str:
    """A URL from outside (the environment, a Location header) as it may be printed: escaped
    where it is not printable, cut when long."""
    shown = text if text.isprintable() else repr(text)[1:-1]
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


def check_key(key: str, variable: str) -> str:
    """The API key as it may go into a header: printable ASCII without spaces (a line break or a
    space around a pasted key is the usual mistake). The key itself is never shown."""
    for at, ch in enumerate(key, 1):
        if not ("!" <= ch <= "~"):
            what = KEY_CHARACTERS.get(ch) or (
                "a space"
                if ch.isspace()
                else "a control character"
                if ch < "\x80"
                else "a non-ASCII character"
            )
            where = "at its start" if at == 1 else "at its end" if at == len(key) else "inside it"
            raise ConfigError(
                f"{variable} holds {what} {where} (character {at} of {len(key)}); "
                "an API key is printable ASCII without spaces",
                f"set {variable} to the key alone; the key is not shown",
            )
    return key


def parse_moment(value: Any) -> datetime | None:
    """A start date: a TOML date/datetime or an ISO string; naive means UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            raise ConfigError(f"{_shown(value)} is not a date (use YYYY-MM-DD)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


@cache
def _zones() -> dict[str, str]:
    """IANA zone names by their lower-case spelling."""
    return {name.lower(): name for name in available_timezones()}


def zone_problem(name: str) -> str | None:
    """Why `name` is not an IANA time zone (with a did-you-mean), or None when it is one."""
    zones = _zones()
    if name in zones.values() or (not zones and _loads(name)):
        return None
    close = zones.get(name.lower())
    if close is None:
        near = difflib.get_close_matches(name.lower(), list(zones), n=1)
        close = zones[near[0]] if near else None
    hint = f"did you mean '{close}'?" if close else "use an IANA name like America/New_York"
    return f"unknown time zone {name!r} ({hint})"


def _loads(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone(name: str, where: str) -> ZoneInfo:
    """The zone named by `where` (a flag, a variable); unknown names are a one-line error."""
    problem = zone_problem(name)
    if problem:
        raise ConfigError(f"{where}: {problem}")
    return ZoneInfo(name)


# ---------------------------------------------------------------- the environment


def env_warnings(env: Mapping[str, str], spec: Spec, data: dict[str, Any]) -> list[str]:
    """One warning per ACX_* variable set that acx does not read, with a did-you-mean."""
    known = {*KNOWN_ENV, spec.source.base_url_env, spec.source.auth_env, *_named_env(data)}
    out = []
    for name in sorted(env):
        if name.startswith("ACX_") and name not in known:
            message = f"{name} is set but acx does not read it"
            hint = "see docs/cli.md for the variables acx reads"
            out.append(did_you_mean(message, name, sorted(known), hint))
    return out


def _named_env(node: Any) -> Iterator[str]:
    """Variables the config names in its *_env keys (api_key_env, a target's dsn_env ...)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("_env") and isinstance(value, str):
                yield value
            yield from _named_env(value)


# ---------------------------------------------------------------- helpers


def looks_like_value(text: str) -> bool:
    """Whether a `*_env` value is a URL or a key pasted where a variable's name belongs: a
    scheme, or a long run of letters and digits in mixed case (ActiveCampaign keys are 72
    lower-case hex characters; variable names are upper-case by habit)."""
    if "://" in text or not ENV_NAME.fullmatch(text):
        return "://" in text or len(text) >= 24
    return len(text) >= 24 and any(c.islower() for c in text) and any(c.isdigit() for c in text)


def did_you_mean(message: str, word: str, choices: list[str], otherwise: str = "") -> str:
    """The message with the closest choice, else with `otherwise` (when given)."""
    close = closest(word, choices)
    if close:
        return f"{message} (did you mean '{close}'?)"
    return f"{message} ({otherwise})" if otherwise else message


def closest(word: str, choices: list[str]) -> str | None:
    """The choice `word` is most likely a misspelling of, if any is close."""
    close = difflib.get_close_matches(word, choices, n=1)
    return close[0] if close else None


def _string(value: Any) -> str | None:
    """A string, or the text of a TOML date written where a string belongs."""
    if isinstance(value, (date, time)):
        return value.isoformat()
    return value if isinstance(value, str) else None


def _table(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, time)):
        return value.isoformat()
    return repr(value)


def _jsonable(value: Any) -> Any:
    """TOML's dates and times as the ISO strings JSON Schema sees."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, (date, time)):
        return value.isoformat()
    return value
