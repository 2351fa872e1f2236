"""E-commerce ("deep data") beyond the model (issue 14): connections, customers, orders and the
products of each order.

Shapes follow the OpenAPI export's examples (GET /connections, /ecomCustomers, /ecomOrders,
/ecomOrders/{id}, /ecomOrderProducts): ids and counts are numeric strings, but an order's money
and counts are JSON numbers in the list example (strings in the single-order one), and every
time carries an offset. Records are coherent: a customer is a contact's e-mail address at one
connection, an order belongs to a customer and its connection, its ``orderProducts`` are the
ids of its products, and its total and the customer's totals add up.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ..rng import Rng
from ..text import WORDS, company, hex_string, title
from .base import Gen, Row, SpreadChildGen, flag, make_room

SERVICES = (("shopify", "myshopify.com"), ("woocommerce", "shop.example"), ("bigcommerce", "store"))
CATEGORIES = ("Electronics", "Books", "Toys", "Garden", "Music")
SHIPPING = ("UPS Ground", "USPS Priority", "DHL Express", "Pickup")
# state: 0 pending, 1 completed, 2 abandoned, 3 recovered, 4 waiting (OpenAPI, filters[state])
STATES = ((1, 70), (0, 8), (2, 12), (3, 6), (4, 4))
ORDER_LINKS = ("connection", "customer", "orderProducts", "orderDiscounts", "orderActivities")


class EcomConnectionGen(Gen):
    """Store integrations; the first is AC's own internal connection."""

    name = "connections"
    span = 0.3
    stamps: ClassVar[dict[str, str]] = {"udate": "iso"}
    touch_field = "name"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        service, host = SERVICES[(id_ - 1) % len(SERVICES)]
        shop = company(rng)
        synced = rng.chance(0.7)
        return {
            "service": service,
            "externalid": f"{hex_string(rng, 6)}.{host}",
            "name": f"{shop} store",
            "isInternal": "1" if id_ == 1 else "0",
            "connectionType": "ecommerce",
            "status": "1" if rng.chance(0.85) else "0",
            "syncStatus": flag(rng, 0.2),
            "sync_request_time": None,
            "sync_start_time": None,
            "lastSync": self.fmt.iso(updated) if synced else None,
            "logoUrl": "" if id_ % 2 else f"https://cdn.example.com/{service}.png",
            "linkUrl": "" if id_ % 2 else f"https://{host}/",
            "listId": str(rng.randint(1, self.w.sizes.lists)) if rng.chance(0.5) else "0",
            "cdate": self.fmt.iso(created),
            "udate": self.fmt.iso(updated),
            "credentialExpiration": None,
            "links": self.w.links("connections", id_, ("options", "customers")),
            "id": str(id_),
            "serviceName": service,
        }


class EcomCustomerGen(Gen):
    """A contact's address at one connection; its totals sum its orders."""

    name = "ecomCustomers"
    span = 0.8
    stamps: ClassVar[dict[str, str]] = {"tstamp": "iso"}
    touch_field = "acceptsMarketing"

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return "0" if row.get("acceptsMarketing") == "1" else "1"

    def contact_of(self, id_: int) -> int:
        """The contact whose e-mail the customer has (customers come after their contact)."""
        return self.pick(self.rng(id_, 2), "contacts", self.position(id_))

    def connection_of(self, id_: int) -> int:
        return 1 + (id_ - 1) % self.w.sizes.ecom_connections

    def email_of(self, id_: int) -> str:
        return str(self.w.gens["contacts"].row(self.contact_of(id_))["email"])

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        orders = self.peer("ecomOrders", EcomOrderGen)
        mine = orders.base_children(id_)
        totals = [orders.totals(o) for o in mine]
        revenue = sum(t[0] for t in totals)
        last = max([updated] + [orders.times(o)[1] for o in mine])  # its last order's change
        connection = str(self.connection_of(id_))
        return {
            "connectionid": connection,
            "externalid": str(rng.randint(10**9, 10**10)),
            "email": self.email_of(id_),
            "totalRevenue": str(revenue),
            "totalOrders": str(len(totals)),
            "totalProducts": str(sum(t[1] for t in totals)),
            "avgRevenuePerOrder": str(revenue // len(totals)) if totals else "0",
            "avgProductCategory": rng.choice(CATEGORIES),
            "tstamp": self.fmt.iso(last),
            "acceptsMarketing": flag(rng, 0.6),
            "links": self.w.links("ecomCustomers", id_, ("connection", "orders")),
            "id": str(id_),
            "connection": connection,
        }


class EcomOrderGen(SpreadChildGen):
    """Orders dealt over customers (1-5 each, 2.5 on average)."""

    name = "ecomOrders"
    parent_table = "ecomCustomers"
    parent_field = "customerid"
    block_size, per_block, cap, floor = 4, 10, 5, 1
    child_lag_days = 200.0
    max_lag_days = 20.0
    stamps: ClassVar[dict[str, str]] = {"updatedDate": "iso", "tstamp": "iso"}
    touch_field = "shippingMethod"

    def __init__(self, world: Any, parents: int) -> None:
        super().__init__(world, parents)
        self._totals: dict[int, tuple[int, int]] = {}

    def touched_value(self, row: Row, rng: Rng) -> Any:
        return rng.choice(SHIPPING)

    def totals(self, id_: int) -> tuple[int, int]:
        """(total price in cents, number of products) of a base order, from its products."""
        found = self._totals.get(id_)
        if found is None:
            products = self.peer("ecomOrderProducts", EcomOrderProductGen)
            rows = products.rows(list(products.base_children(id_)))
            items = sum(int(p["price"]) * int(p["quantity"]) for p in rows)
            extra = self.extras(id_)
            make_room(self._totals, 1)
            found = self._totals[id_] = (items + extra[0] + extra[1] - extra[2], len(rows))
        return found

    def extras(self, id_: int) -> tuple[int, int, int]:
        """(shipping, tax, discount) in cents: their own stream, so totals need no full row."""
        rng = self.rng(id_, 2)
        return rng.randint(0, 15) * 100, rng.randint(0, 900), 100 * rng.randint(0, 3)

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        f = self.fmt
        customers = self.peer("ecomCustomers", EcomCustomerGen)
        connection = str(customers.connection_of(parent))
        email = customers.email_of(parent)
        state = rng.weighted(STATES)
        total, count = self.totals(id_)
        shipping, tax, discount = self.extras(id_)
        number = str(rng.randint(10**9, 10**10))
        placed = f.iso(created)
        products = self.peer("ecomOrderProducts", EcomOrderProductGen).base_children(id_)
        return {
            "externalid": number,
            "externalcheckoutid": hex_string(rng, 12) if state in (2, 3) else None,
            "source": "1",
            "email": email,
            "currency": "USD" if rng.chance(0.8) else "EUR",
            "connectionid": connection,
            "customerid": str(parent),
            "orderNumber": number[-6:],
            "orderUrl": f"https://shop.example.com/orders/{number}",
            "shippingMethod": rng.choice(SHIPPING),
            "totalPrice": total,  # JSON numbers in the list example
            "shippingAmount": shipping,
            "taxAmount": tax,
            "discountAmount": discount,
            "externalCreatedDate": placed,
            "externalUpdatedDate": f.iso(updated),
            "abandonedDate": placed if state == 2 else None,
            "totalProducts": count,
            "createdDate": placed,
            "updatedDate": f.iso(updated),
            "state": state,
            "connection": connection,
            "orderProducts": [str(p) for p in products],
            "customer": str(parent),
            "orderDate": placed,
            "tstamp": f.iso(updated),
            "links": self.w.links("ecomOrders", id_, ORDER_LINKS),
            "id": str(id_),
        }


class EcomOrderProductGen(SpreadChildGen):
    """The products of each order (1-4, 2.5 on average), read flat from /ecomOrderProducts."""

    name = "ecomOrderProducts"
    parent_table = "ecomOrders"
    parent_field = "orderid"
    block_size, per_block, cap, floor = 4, 10, 4, 1
    child_lag_days = 0.0  # written with their order
    max_lag_days = 20.0
    stamps: ClassVar[dict[str, str]] = {"updatedDate": "iso", "tstamp": "iso"}
    touch_field = "description"

    def build(self, id_: int, rng: Rng, created: int, updated: int, parent: Any, k: int) -> Row:
        orders = self.peer("ecomOrders", EcomOrderGen)
        customer = orders.blocks.locate(parent)[0]
        connection = self.peer("ecomCustomers", EcomCustomerGen).connection_of(customer)
        name = title(rng, 2)
        sku = f"{name.split()[0][:5].upper()}-{rng.randint(1, 99)}"
        return {
            "orderid": str(parent),
            "connectionid": str(connection),
            "externalid": str(rng.randint(10**9, 10**10)),
            "sku": sku,
            "name": name,
            "description": "" if rng.chance(0.3) else f"{rng.choice(WORDS)} {name.lower()}",
            "price": str(rng.randint(2, 200) * 50),
            "quantity": str(rng.randint(1, 3)),
            "category": rng.choice(CATEGORIES),
            "imageUrl": f"https://shop.example.com/img/{sku}.jpg",
            "productUrl": f"https://shop.example.com/p/{sku}",
            "createdDate": self.fmt.iso(created),
            "updatedDate": self.fmt.iso(updated),
            "tstamp": self.fmt.iso(updated),
            "links": self.w.links("ecomOrderProducts", id_, ("ecomOrder",)),
            "id": str(id_),
            "ecomOrder": str(parent),
        }
