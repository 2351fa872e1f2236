"""Issue 14, batch A: contact automations, the four e-commerce tables, activities, e-mail
activities and site-tracking domains. They load from the sandbox with the sandbox's row counts,
types and coherent foreign keys; activities is read incrementally with the API's `after`
filter; `--tables ecommerce` loads exactly the e-commerce tables; `--tables model` still plans
the model's 24 request series."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from engine.run.plan import build_plan
from engine.spec import load_spec
from engine.spec.selection import select_streams
from sandbox import Sandbox
from tests.conftest import SPEC
from tests.runhelp import SANDBOX_TZ, duck, run

SHIPPED = load_spec(SPEC)
KEY = "batch-a-key"
ECOMMERCE = ["ecom_connections", "ecom_customers", "ecom_orders", "ecom_order_products"]
# table -> the sandbox collection serving it
SOURCES = {
    "contact_automations": "contactAutomations",
    "ecom_connections": "connections",
    "ecom_customers": "ecomCustomers",
    "ecom_orders": "ecomOrders",
    "ecom_order_products": "ecomOrderProducts",
    "activities": "activities",
    "email_activities": "emailActivities",
    "site_tracking_domains": "siteTrackingDomains",
}


def test_the_ecommerce_tag_chooses_exactly_the_four_e_commerce_tables():
    assert [s.key for s in select_streams(SHIPPED, ["ecommerce"])] == ECOMMERCE
    plan = build_plan(SHIPPED, None, ["ecommerce"])
    assert [g.keys for g in plan.groups] == [[k] for k in ECOMMERCE] and plan.added == []


def test_the_model_tag_still_plans_24_request_series():
    plan = build_plan(SHIPPED, None, ["model"])
    assert len(plan.groups) == 24
    assert not {k for g in plan.groups for k in g.keys} & set(SOURCES)


def test_the_new_tables_follow_the_spec_s_conventions():
    for key in SOURCES:
        s = SHIPPED.stream(key)
        assert s.tags and set(s.tags) <= {"crm", "marketing", "ecommerce"}, key
        assert s.permission and s.description and all(c.description for c in s.columns), key
    assert SHIPPED.stream("site_tracking_domains").primary_key == ("name",)
    activities = SHIPPED.stream("activities").replication
    assert activities.mode == "incremental" and activities.filter is not None
    assert activities.filter.param == "after"
    # the flat list, never one request series per parent row
    assert all(SHIPPED.stream(k).parent is None for k in SOURCES)


def test_the_sandbox_filters_activities_by_after_and_contact():
    with Sandbox(contacts=120, api_key=KEY, rate_limit=0) as sb:
        every = sb.expected("activities")
        stamps = sorted(datetime.fromisoformat(a["tstamp"]) for a in every)
        cut = stamps[len(stamps) // 2]
        day = cut.astimezone(ZoneInfo(SANDBOX_TZ)).strftime("%Y-%m-%d")
        after = sb.expected("activities", after=day)
        midnight = datetime.fromisoformat(day).replace(tzinfo=ZoneInfo(SANDBOX_TZ))
        assert 0 < len(after) < len(every)
        assert after == [a for a in every if datetime.fromisoformat(a["tstamp"]) >= midnight]
        one = sb.expected("activities", contact="7")
        assert one and {str(a["subscriberid"]) for a in one} == {"7"}
        assert sb.expected("activities", contact="7", after="2999-01-01") == []


def test_every_new_table_loads_with_its_types_and_coherent_keys(tmp_path):
    db = tmp_path / "acx.duckdb"
    with Sandbox(contacts=150, api_key=KEY, rate_limit=0) as sb:
        chosen = ",".join([*SOURCES, "contacts", "automations", "deals", "users"])
        code, lines = run(sb.url, KEY, f"duckdb:{db}", tables=(chosen,))
        assert code == 0, "\n".join(lines)
        want = {table: sb.expected(source) for table, source in SOURCES.items()}
        emails = {c["email"] for c in sb.expected("contacts")}
    with duck(db) as con:

        def one(sql: str):
            return con.execute(sql).fetchone()[0]

        for table, rows in want.items():
            assert one(f'SELECT count(*) FROM "{table}"') == len(rows) > 0, table
        types = {
            (t, c): d
            for t, c, d in con.execute(
                "SELECT table_name, column_name, data_type FROM information_schema.columns"
            ).fetchall()
        }
        assert types[("ecom_orders", "total_price")] == "BIGINT"
        assert types[("ecom_orders", "order_products")] == "JSON"
        assert types[("ecom_orders", "updated_date")] == "TIMESTAMP WITH TIME ZONE"
        assert types[("ecom_customers", "avg_revenue_per_order")] == "DOUBLE"
        assert types[("activities", "tstamp")] == "TIMESTAMP WITH TIME ZONE"
        assert types[("site_tracking_domains", "name")] == "VARCHAR"

        def orphans(child: str, column: str, parent: str, key: str = "id") -> int:
            return one(
                f"SELECT count(*) FROM {child} c LEFT JOIN {parent} p ON c.{column} = p.{key}"
                f" WHERE c.{column} IS NOT NULL AND p.{key} IS NULL"
            )

        for child, column, parent in [
            ("contact_automations", "contact", "contacts"),
            ("contact_automations", "seriesid", "automations"),
            ("ecom_customers", "connection", "ecom_connections"),
            ("ecom_orders", "customerid", "ecom_customers"),
            ("ecom_orders", "connectionid", "ecom_connections"),
            ("ecom_order_products", "orderid", "ecom_orders"),
            ("ecom_order_products", "connectionid", "ecom_connections"),
            ("activities", "subscriberid", "contacts"),
            ("activities", "user", "users"),
            ("email_activities", "subscriberid", "contacts"),
            ("email_activities", "deal", "deals"),
            ("email_activities", "userid", "users"),
        ]:
            assert orphans(child, column, parent) == 0, (child, column)
        # a customer is a contact's address; its totals and its orders' totals add up
        customers = con.execute("SELECT email FROM ecom_customers").fetchall()
        assert {e for (e,) in customers} <= emails
        mismatched = one(
            "SELECT count(*) FROM ecom_customers c JOIN (SELECT customerid, sum(total_price) AS"
            " revenue, count(*) AS n FROM ecom_orders GROUP BY customerid) o"
            " ON o.customerid = c.id WHERE o.revenue <> c.total_revenue OR o.n <> c.total_orders"
        )
        assert mismatched == 0
        lines_per_order = dict(
            con.execute(
                "SELECT orderid, list(id ORDER BY id) FROM ecom_order_products GROUP BY 1"
            ).fetchall()
        )
        for order, ids in con.execute("SELECT id, order_products FROM ecom_orders").fetchall():
            assert [int(i) for i in json.loads(ids)] == lines_per_order[order]
        names = {n for (n,) in con.execute("SELECT name FROM site_tracking_domains").fetchall()}
        assert names == {d["name"] for d in want["site_tracking_domains"]}


def test_ecommerce_tag_loads_exactly_the_four_tables(tmp_path):
    db = tmp_path / "acx.duckdb"
    with Sandbox(contacts=100, api_key=KEY, rate_limit=0) as sb:
        code, lines = run(sb.url, KEY, f"duckdb:{db}", tables=("ecommerce",))
        assert code == 0, "\n".join(lines)
    with duck(db) as con:
        tables = {t for (t,) in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        assert tables - {"_acx_state", "_acx_runs"} == set(ECOMMERCE)


def test_activities_second_run_reads_only_what_follows_the_savepoint(tmp_path, calls):
    db = tmp_path / "acx.duckdb"
    zone = ZoneInfo(SANDBOX_TZ)
    with Sandbox(contacts=150, api_key=KEY, rate_limit=0) as sb:
        assert run(sb.url, KEY, f"duckdb:{db}", tables=("activities",))[0] == 0
        first = [p for t, _, p in calls if t == "activities"]
        assert first and all("after" not in p for p in first)  # no savepoint, no start date
        total = len(sb.expected("activities"))
        with duck(db) as con:
            newest = con.execute("SELECT max(tstamp) FROM activities").fetchone()[0]

        made = sb.mutate("activities", create=3)["created"]
        calls.clear()
        code, lines = run(sb.url, KEY, f"duckdb:{db}", tables=("activities",))
        assert code == 0, "\n".join(lines)
        second = [p for t, _, p in calls if t == "activities"]
        after = (newest - timedelta(days=1)).astimezone(zone).strftime("%Y-%m-%d")
        assert second and all(p.get("after") == after for p in second)
        served = sb.expected("activities", after=after)
        expected = {int(a["id"]): a for a in sb.expected("activities")}
    midnight = datetime.fromisoformat(after).replace(tzinfo=zone)
    assert set(made) <= {int(a["id"]) for a in served}
    assert all(datetime.fromisoformat(a["tstamp"]) >= midnight for a in served)
    assert len(served) < total / 10  # one day of two years of activities, plus the new ones
    [summary] = [line for line in lines if line.startswith("activities ")]
    assert summary.split()[3] == str(len(served))  # rows read: only those after the bound
    with duck(db) as con:
        ids = {r[0] for r in con.execute("SELECT id FROM activities").fetchall()}
    assert ids == set(expected)
