"""GraphQL resolvers over SQLite: the query's arguments are the client's."""
import sqlite3

import graphene
import strawberry
from ariadne import QueryType

DB = "/var/lib/shop/shop.db"
query = QueryType()


class Product(graphene.ObjectType):
    name = graphene.String()
    price = graphene.Float()


class Query(graphene.ObjectType):
    product = graphene.Field(Product, name=graphene.String(required=True))
    cheapest = graphene.Field(Product, category=graphene.String(required=True))

    def resolve_product(root, info, name):
        conn = sqlite3.connect(DB)
        # expect: py-sql-injection
        row = conn.execute("SELECT name, price FROM products WHERE name = '%s'" % name).fetchone()
        return Product(name=row[0], price=row[1])

    def resolve_cheapest(root, info, category):
        conn = sqlite3.connect(DB)
        # ok: py-sql-injection
        row = conn.execute("SELECT name, price FROM products WHERE category = ? ORDER BY price", (category,)).fetchone()
        return Product(name=row[0], price=row[1])


class RenameProduct(graphene.Mutation):
    class Arguments:
        old = graphene.String()
        new = graphene.String()

    ok = graphene.Boolean()

    def mutate(root, info, old, new):
        conn = sqlite3.connect(DB)
        # expect: py-sql-injection
        conn.execute(f"UPDATE products SET name = '{new}' WHERE name = '{old}'")
        return RenameProduct(ok=True)


@strawberry.type
class StrawberryQuery:
    @strawberry.field
    def count(self, category: str) -> int:
        conn = sqlite3.connect(DB)
        # expect: py-sql-injection
        return conn.execute("SELECT count(*) FROM products WHERE category = '" + category + "'").fetchone()[0]


@query.field("stock")
def resolve_stock(obj, info, sku):
    conn = sqlite3.connect(DB)
    # expect: py-sql-injection
    return conn.execute("SELECT stock FROM products WHERE sku = '%s'" % sku).fetchone()[0]
