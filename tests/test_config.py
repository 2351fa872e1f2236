"""acx.toml is checked like the spec: every problem at once, one line each, `acx.toml:LINE:
key.path: message` with a did-you-mean, exit 2 before anything is fetched. The time zone comes
from --timezone, else ACX_TIMEZONE, else the file, else nobody set one. An ACX_* variable acx
does not read is a warning. The schema documents every key with examples that validate."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import pytest

from engine.config.check import KNOWN_ENV, schema
from engine.config.settings import load_settings
from engine.config.tomlsrc import key_lines
from engine.errors import ConfigError
from engine.spec import load_spec
from tests.conftest import ROOT, SPEC
from tests.schemadoc import properties, resolve

ENV = {"ACX_API_URL": "https://acme.api-us1.com", "ACX_API_KEY": "k"}


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    """No ACX_* variable from the shell running the tests; ./acx.toml is the test's."""
    for name in [n for n in os.environ if n.startswith("ACX_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


@dataclass(frozen=True)
class Broken:
    name: str
    toml: str
    errors: tuple[str, ...]  # stderr, line by line


BROKEN = [
    Broken(
        "misspelled key in [source]",
        '[source]\ntime_zone = "America/New_York"\n',
        ("acx.toml:2: source.time_zone: unknown key 'time_zone' (did you mean 'timezone'?)",),
    ),
    Broken(
        "unknown top-level table",
        '[sources]\ntimezone = "UTC"\n',
        ("acx.toml:1: sources: unknown key 'sources' (did you mean 'source'?)",),
    ),
    Broken(
        "unknown table name",
        "[tables.contcts]\nupdate_window_days = 2\n",
        (
            "acx.toml:1: tables.contcts: no table 'contcts' in activecampaign.yaml "
            "(did you mean 'contacts'?)",
        ),
    ),
    Broken(
        "table filled from another table's responses",
        '[tables.deal_stages]\nmode = "full"\n',
        (
            "acx.toml:1: tables.deal_stages: table 'deal_stages' is filled from the responses "
            "of 'pipelines' and follows its settings (set [tables.pipelines] instead)",
        ),
    ),
    Broken(
        "requests_per_second of the wrong type",
        '[source]\nrequests_per_second = "fast"\n',
        ("acx.toml:2: source.requests_per_second: 'fast' is not a number",),
    ),
    Broken(
        "requests_per_second of zero",
        "[source]\nrequests_per_second = 0\n",
        ("acx.toml:2: source.requests_per_second: must be greater than 0, not 0",),
    ),
    Broken(
        "negative update window",
        "[tables.contacts]\n\nupdate_window_days = -1\n",
        ("acx.toml:3: tables.contacts.update_window_days: must be 0 or more, not -1",),
    ),
    Broken(
        "update window that is not whole",
        "[tables.contacts]\nupdate_window_days = 1.5\n",
        ("acx.toml:2: tables.contacts.update_window_days: 1.5 is not a whole number",),
    ),
    Broken(
        "reconciling a table read whole every run",
        "[tables.lists]\nreconcile_days = 7\n",
        (
            "acx.toml:2: tables.lists.reconcile_days: table 'lists' is read in full every run, "
            "which finds deleted rows already: reconcile_days is for incremental tables",
        ),
    ),
    Broken(
        "deletes misspelled",
        '[tables.lists]\ndeletes = "soft_delete"\n',
        ("acx.toml:2: tables.lists.deletes: 'soft_delete' is not one of soft, hard",),
    ),
    Broken(
        "unknown time zone",
        '[source]\ntimezone = "America/NewYork"\n',
        (
            "acx.toml:2: source.timezone: unknown time zone 'America/NewYork' "
            "(did you mean 'America/New_York'?)",
        ),
    ),
    Broken(
        "time zone in the wrong case",
        '[source]\ntimezone = "europe/berlin"\n',
        (
            "acx.toml:2: source.timezone: unknown time zone 'europe/berlin' "
            "(did you mean 'Europe/Berlin'?)",
        ),
    ),
    Broken(
        "start date that is not a date",
        '[source]\nstart_date = "2024-13-01"\n',
        ("acx.toml:2: source.start_date: '2024-13-01' is not a date (use YYYY-MM-DD)",),
    ),
    Broken(
        "API key written in the file",
        '[source]\napi_key = "abc123"\n',
        (
            "acx.toml:2: source.api_key: do not write the API key into the config file "
            "(use api_key_env)",
        ),
    ),
    Broken(
        "TOML syntax error",
        '[source]\ntimezone = "UTC"\nrequests_per_second = \n',
        ("acx.toml:3: TOML syntax: invalid value (column 23)",),
    ),
    Broken(
        "the same table twice",
        "[tables.deals]\nupdate_window_days = 1\n\n[tables.deals]\nupdate_window_days = 2\n",
        ("acx.toml:4: TOML syntax: cannot declare [tables.deals] twice (column 14)",),
    ),
    Broken(
        "unknown key in a target",
        '[targets.pg]\ntype = "postgres"\ndsn_env = "ACX_PG_DSN"\nshema = "raw"\n',
        ("acx.toml:4: targets.pg.shema: unknown key 'shema' (did you mean 'schema'?)",),
    ),
    Broken(
        "unknown target type",
        '[targets.pg]\ntype = "postgress"\ndsn_env = "ACX_PG_DSN"\n',
        (
            "acx.toml:2: targets.pg.type: 'postgress' is not one of postgres, snowflake, "
            "iceberg, mysql (did you mean 'postgres'?)",
        ),
    ),
    Broken(
        "target with neither DSN nor its variable",
        '[targets.pg]\ntype = "postgres"\nschema = "raw"\n',
        ("acx.toml:1: targets.pg: give exactly one of dsn and dsn_env",),
    ),
    Broken(
        "password written in a target",
        '[targets.sf]\ntype = "snowflake"\naccount = "a"\nuser = "u"\ndatabase = "RAW"\n'
        'schema = "AC"\npassword = "hunter2"\n',
        (
            "acx.toml:1: targets.sf: give exactly one of password_env and private_key_file",
            "acx.toml:7: targets.sf.password: do not write the password into the config file "
            "(use password_env)",
        ),
    ),
    Broken(
        "misspelled mode",
        '[tables.deals]\nmode = "ful"\n',
        (
            "acx.toml:2: tables.deals.mode: 'ful' is not one of full, incremental "
            "(did you mean 'full'?)",
        ),
    ),
    Broken(
        "mode that is nothing like one",
        '[tables.deals]\nmode = "sometimes"\n',
        ("acx.toml:2: tables.deals.mode: 'sometimes' is not one of full, incremental",),
    ),
    Broken(
        "target without a type",
        '[source]\n\n[targets.pg]\ndsn_env = "ACX_PG_DSN"\n',
        ("acx.toml:3: targets.pg: missing required key: type",),
    ),
    Broken(
        "mode on a table the spec does not let choose",
        '[tables.contacts]\nmode = "full"\n',
        (
            "acx.toml:2: tables.contacts.mode: table 'contacts' is always incremental: the spec "
            "does not let it choose (use --full-refresh contacts for a one-off full reload)",
        ),
    ),
    Broken(
        "plain http to a remote account",
        '[source]\napi_url = "http://acme.api-us1.com"\n',
        (
            "acx.toml:2: source.api_url: account URL http://acme.api-us1.com is not https "
            "(only loopback addresses may use plain http)",
        ),
    ),
    Broken(
        "dotted and quoted keys are placed on their line",
        '# settings\nsource.timezone = "UTC"\n\n[tables."deals"]\nmodes = "full"\n',
        ("acx.toml:5: tables.deals.modes: unknown key 'modes' (did you mean 'mode'?)",),
    ),
    Broken(
        "several problems, all at once, by line",
        "\n".join(
            [
                "[tables.contcts]",  # 1
                "update_window_days = 1",
                "",
                "[source]",  # 4
                'timezone = "Mars/Olympus"',
                "start_date = 2024-01-01",
                'time_zone = "UTC"',  # 7
                "",
                "[tables.deals]",
                'mode = "ful"',  # 10
                "",
            ]
        ),
        (
            "acx.toml:1: tables.contcts: no table 'contcts' in activecampaign.yaml "
            "(did you mean 'contacts'?)",
            "acx.toml:5: source.timezone: unknown time zone 'Mars/Olympus' "
            "(use an IANA name like America/New_York)",
            "acx.toml:7: source.time_zone: unknown key 'time_zone' (did you mean 'timezone'?)",
            "acx.toml:10: tables.deals.mode: 'ful' is not one of full, incremental "
            "(did you mean 'full'?)",
        ),
    ),
]


@pytest.mark.parametrize("case", BROKEN, ids=[c.name for c in BROKEN])
def test_broken_config_gives_its_lines_and_exit_2(cli, case):
    Path("acx.toml").write_text(case.toml, encoding="utf-8")
    result = cli("run", SPEC, "--dry-run", env=ENV)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == list(case.errors)
    assert result.stdout == ""  # no plan: nothing ran


def test_a_named_config_file_is_named_in_its_problems(cli, tmp_path):
    path = tmp_path / "conf" / "prod.toml"
    path.parent.mkdir()
    path.write_text("[source]\nrequests_per_second = -2\n", encoding="utf-8")
    result = cli("check", SPEC, "--config", path, env=ENV)
    assert result.exit_code == 2
    message = "source.requests_per_second: must be greater than 0, not -2"
    assert result.stderr == f"{path}:2: {message}\n"


def test_lines_of_keys_after_multiline_values():
    text = 'a = """\n[not.a.table]\nb = 1\n"""\nc = [\n  1,\n  [2],\n]\n[t]\n"q.k" = 1\n'
    lines = key_lines(text)
    assert lines[("a",)] == 1 and lines[("c",)] == 5
    assert lines[("t",)] == 9 and lines[("t", "q.k")] == 10
    assert ("not", "a", "table") not in lines and ("b",) not in lines


# ---------------------------------------------------------------- files that load


def test_the_init_template_loads_once_uncommented(cli):
    """Its [source] and [tables.*] examples switched on (tests/test_init.py does it key by key)."""
    assert cli("init").exit_code == 0
    head, _, targets = Path("acx.toml").read_text(encoding="utf-8").partition("[targets.")
    head = re.sub(r"^# (\[tables\.[a-z_]+\]|[a-z_]+ = .*)$", r"\1", head, flags=re.M)
    Path("acx.toml").write_text(head + "[targets." + targets, encoding="utf-8")
    result = cli("run", SPEC, "--dry-run", env={**ENV, "ACX_PG_DSN": "host=h"})
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # no warning either: ACX_PG_DSN is named by [targets.pg]


def toml_blocks(path: Path) -> list[str]:
    return re.findall(r"```toml\n(.*?)```", path.read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("doc", ["README.md", "docs/cli.md", "docs/accounts.md"])
def test_the_documented_examples_load(doc):
    blocks = toml_blocks(ROOT / doc)
    assert blocks
    for i, block in enumerate(blocks):
        Path(f"{i}.toml").write_text(block, encoding="utf-8")
        settings = load_settings(load_spec(SPEC), f"{i}.toml", ENV)
        assert settings.api_key == "k"


# ---------------------------------------------------------------- the account URL and the key

SECRET = "acxCONF-9fK2mQ7z-config-key"


@pytest.mark.parametrize(
    "url,problem",
    [
        ("http://127.0.0.2:8080\\@127.0.0.1:1", "holds a backslash"),
        ("https://user:pw@acme.api-us1.com", "holds a user name or password"),
        ("https://acme.api-us1.com/#frag", "holds a fragment"),
        ("https://acme.api-us1.com/?x=1", "holds a query"),
        ("https://acme.api-us1.com/\x01x", "holds a control character"),
        ("https://acme.api-us1.com/a b", "holds a control character or a space"),
        ("ftp://acme.api-us1.com", "is not an http(s) URL"),
        ("https://acme.api-us1.com:99999", "is not a URL"),
        ("http://evil.example", "is not https"),
    ],
)
def test_the_account_url_is_read_by_the_parser_that_connects(url, problem, cli):
    with pytest.raises(ConfigError, match=re.escape(problem)) as err:
        load_settings(load_spec(SPEC), None, {**ENV, "ACX_API_URL": url})
    assert "\n" not in str(err.value) and "pw" not in str(err.value)
    result = cli("run", SPEC, "--dry-run", env={**ENV, "ACX_API_URL": url})
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr


@pytest.mark.parametrize(
    "url,kept",
    [
        ("  https://Acme.api-us1.com/  ", "https://acme.api-us1.com"),
        ("http://127.0.0.2:5000", "http://127.0.0.2:5000"),
        ("http://[::1]:5000", "http://[::1]:5000"),
        ("http://localhost:5000/", "http://localhost:5000"),
    ],
)
def test_a_good_account_url_is_kept_as_parsed(url, kept):
    assert load_settings(load_spec(SPEC), None, {**ENV, "ACX_API_URL": url}).api_url == kept


@pytest.mark.parametrize(
    "key,said",
    [
        (SECRET + "\n", "a line break at its end"),
        (SECRET + "\r\n", "a carriage return inside it"),
        (" " + SECRET, "a space at its start"),
        (SECRET[:8] + "\t" + SECRET[8:], "a tab inside it"),
        (SECRET + "\x7f", "a control character at its end"),
        (SECRET + "é", "a non-ASCII character at its end"),
    ],
)
def test_a_key_with_characters_a_header_cannot_carry_is_refused_unseen(key, said, cli):
    with pytest.raises(ConfigError, match=said) as err:
        load_settings(load_spec(SPEC), None, {**ENV, "ACX_API_KEY": key})
    assert "ACX_API_KEY" in str(err.value) and SECRET[:6] not in str(err.value)
    result = cli("run", SPEC, "--log-format", "json", env={**ENV, "ACX_API_KEY": key})
    assert result.exit_code == 2
    assert result.stderr.startswith("acx: ACX_API_KEY holds ") and result.stderr.count("\n") == 1
    assert SECRET[:6] not in result.stdout + result.stderr


def test_the_cli_prints_nothing_that_holds_the_key(cli, monkeypatch):
    """An error that quotes the key, and a bug whose traceback does: both pass the redactor."""
    import engine.api
    from engine.errors import ApiError

    env = {**ENV, "ACX_API_KEY": SECRET}

    def refused(spec, options, **kwargs):
        load_settings(
            load_spec(spec), options.config_path
        )  # registers the key, as every command does
        raise ApiError(f"GET https://acme.api-us1.com/x?k={SECRET}: HTTP 400 ({SECRET!r})")

    monkeypatch.setattr(engine.api, "run_spec", refused)
    result = cli("run", SPEC, env=env)
    assert result.exit_code == 1
    assert result.stderr == "acx: GET https://acme.api-us1.com/x?k=***: HTTP 400 ('***')\n"

    def bug(spec, options, **kwargs):
        load_settings(load_spec(spec), options.config_path)
        raise ValueError(f"header {SECRET + chr(10)!r} and {json.dumps({'k': SECRET})}")

    monkeypatch.setattr(engine.api, "run_spec", bug)
    result = cli("run", SPEC, env=env)
    assert result.exit_code == 1 and "Traceback" in result.stderr
    assert (
        result.stderr.splitlines()[-1]
        == "acx: unexpected ValueError (a bug in acx: please report it)"
    )
    assert SECRET[:6] not in result.stdout + result.stderr


def test_a_key_named_by_the_config_file_is_named_in_its_error():
    Path("acx.toml").write_text('[source]\napi_key_env = "ACX_PROD_KEY"\n', encoding="utf-8")
    env = {"ACX_API_URL": "https://acme.api-us1.com", "ACX_PROD_KEY": SECRET + " "}
    with pytest.raises(ConfigError, match="ACX_PROD_KEY holds a space at its end"):
        load_settings(load_spec(SPEC), None, env)


# ---------------------------------------------------------------- the time zone


@pytest.mark.parametrize(
    "flag,variable,in_file,zone,origin",
    [
        ("Asia/Tokyo", "Europe/Berlin", "America/Chicago", "Asia/Tokyo", "--timezone"),
        (None, "Europe/Berlin", "America/Chicago", "Europe/Berlin", "ACX_TIMEZONE"),
        (None, "", "America/Chicago", "America/Chicago", "acx.toml source.timezone"),
        (None, None, None, None, None),
    ],
)
def test_zone_precedence_flag_then_variable_then_file(flag, variable, in_file, zone, origin):
    Path("acx.toml").write_text(
        f'[source]\ntimezone = "{in_file}"\n' if in_file else "", encoding="utf-8"
    )
    env = {**ENV, "ACX_TIMEZONE": variable} if variable is not None else ENV
    settings = load_settings(load_spec(SPEC), None, env, timezone=flag)
    assert settings.timezone == (ZoneInfo(zone) if zone else None)
    assert settings.timezone_origin == origin


@pytest.mark.parametrize(
    "args,env,message",
    [
        (
            ("--timezone", "America/NewYork"),
            {},
            "acx: --timezone: unknown time zone 'America/NewYork' "
            "(did you mean 'America/New_York'?)",
        ),
        (
            (),
            {"ACX_TIMEZONE": "Europe/Berln"},
            "acx: ACX_TIMEZONE: unknown time zone 'Europe/Berln' (did you mean 'Europe/Berlin'?)",
        ),
    ],
)
def test_unknown_zone_from_flag_or_variable_names_its_source(cli, args, env, message):
    for command in ("run", "check", "plan"):
        result = cli(command, SPEC, *args, env={**ENV, **env})
        assert result.exit_code == 2, command
        assert result.stderr == message + "\n"


def test_a_known_zone_flag_is_accepted(cli):
    result = cli("run", SPEC, "--dry-run", "--timezone", "Asia/Tokyo", env=ENV)
    assert result.exit_code == 0 and result.stderr == ""


# ---------------------------------------------------------------- the environment


def test_unknown_acx_variable_is_a_warning_with_a_did_you_mean(cli):
    env = {**ENV, "ACX_TIMEZONES": "America/New_York", "ACX_POSTGRES_DSN": "host=h"}
    result = cli("run", SPEC, "--dry-run", env=env)
    assert result.exit_code == 0
    warning = "ACX_TIMEZONES is set but acx does not read it (did you mean 'ACX_TIMEZONE'?)"
    assert result.stderr.splitlines() == [f"acx: warning: {warning}"]  # once
    assert result.stdout.startswith("accounts: full")  # the run goes on


def test_variables_the_config_names_are_known():
    Path("acx.toml").write_text(
        '[source]\napi_key_env = "ACX_PROD_KEY"\n'
        '[targets.wh]\ntype = "postgres"\ndsn_env = "ACX_WH_DSN"\n',
        encoding="utf-8",
    )
    env = {"ACX_API_URL": "https://acme.api-us1.com", "ACX_PROD_KEY": "k", "ACX_WH_DSN": "x"}
    settings = load_settings(load_spec(SPEC), None, env)
    assert settings.api_key == "k" and settings.warnings == ()


def test_every_acx_variable_the_code_reads_is_known():
    """The list in engine/config/check.py is the one place: a variable read anywhere is in it."""
    spec = load_spec(SPEC)
    read = re.compile(r'(?:environ|env)(?:\.get\(|\[)\s*"(ACX_\w+)"|_ENV = "(ACX_\w+)"')
    found = set()
    for path in [*ROOT.glob("engine/**/*.py"), *ROOT.glob("tests/**/*.py"), ROOT / "cli.py"]:
        for match in read.finditer(path.read_text(encoding="utf-8")):
            found.add(match.group(1) or match.group(2))
    known = {*KNOWN_ENV, spec.source.base_url_env, spec.source.auth_env}
    assert found and found <= known, found - known


def test_missing_key_still_fails_after_a_clean_file():
    with pytest.raises(ConfigError, match="no API key"):
        load_settings(load_spec(SPEC), None, {"ACX_API_URL": "https://acme.api-us1.com"})


# ---------------------------------------------------------------- the schema documents itself

SCHEMA = schema()


PROPS = list(properties(SCHEMA, {"additionalProperties": "*"}))


def _resolve(sub):
    return resolve(SCHEMA, sub)


@pytest.mark.parametrize("path,sub", PROPS, ids=[".".join(p) for p, _ in PROPS])
def test_every_key_has_title_description_and_examples(path, sub):
    sub = _resolve(sub)
    assert sub.get("title") and sub.get("description") and sub.get("examples"), path


@pytest.mark.parametrize("path,sub", PROPS, ids=[".".join(p) for p, _ in PROPS])
def test_every_example_is_valid(path, sub):
    resolved = _resolve(sub)
    checker = jsonschema.Draft202012Validator(
        {**{k: v for k, v in resolved.items() if k != "$ref"}, "$defs": SCHEMA["$defs"]}
    )
    for example in resolved.get("examples", []):
        assert not [e.message for e in checker.iter_errors(example)], (path, example)


def test_every_table_refuses_unknown_keys():
    for path, sub in [((), SCHEMA), *PROPS]:
        sub = _resolve(sub)
        if sub.get("type") == "object" and "properties" in sub and "allOf" not in sub:
            assert sub.get("additionalProperties") is False, path


def test_the_modes_the_file_takes_are_the_modes_the_code_knows():
    from typing import get_args

    from engine.config.check import modes
    from engine.config.settings import ReplicationMode

    assert modes() == list(get_args(ReplicationMode))


# ---------------------------------------------------------------- named destinations


def _pg(**extra):
    return {"type": "postgres", "dsn_env": "WH_DSN", **extra}


def _sf(**extra):
    base = {"type": "snowflake", "account": "a", "user": "u", "database": "d", "schema": "s"}
    return {**base, "password_env": "SF_PASSWORD", **extra}


@pytest.mark.parametrize("kind,good", [("postgres", _pg()), ("snowflake", _sf())])
@pytest.mark.parametrize(
    "name,change,message",
    [
        ("prdo", {}, "no target 'prdo' in acx.toml (did you mean 'prod'?)"),
        ("elsewhere", {}, "no [targets.elsewhere] table; defined targets: prod"),
        ("prod", {"type": "other"}, "[targets.prod] has type 'other', not"),
        ("prod", {"password": "x"}, "[targets.prod]: do not write the password into the config"),
        ("prod", {"shema": "x"}, "[targets.prod]: unknown key 'shema' (did you mean 'schema'?)"),
    ],
)
def test_both_warehouses_read_a_named_target_by_one_rule(kind, good, name, change, message):
    """engine.config.settings.named_target: the rules acx.toml is checked with, for any kind."""
    from engine.config.settings import named_target

    assert named_target({"prod": good}, "prod", kind) == good
    with pytest.raises(ConfigError) as err:
        named_target({"prod": {**good, **change}}, name, kind)
    assert message in str(err.value)


def test_a_target_of_the_other_kind_says_which_dest_to_use():
    from engine.config.settings import named_target

    with pytest.raises(ConfigError, match=r"use --dest snowflake:wh\)"):
        named_target({"wh": _sf()}, "wh", "postgres")


def test_the_rate_is_resolved_once_variable_then_file_then_spec():
    spec = load_spec(SPEC)
    assert load_settings(spec, None, ENV).requests_per_second == spec.source.requests_per_second
    Path("acx.toml").write_text("[source]\nrequests_per_second = 2\n", encoding="utf-8")
    assert load_settings(spec, None, ENV).requests_per_second == 2
    env = {**ENV, "ACX_REQUESTS_PER_SECOND": "3.5"}
    assert load_settings(spec, None, env).requests_per_second == 3.5
