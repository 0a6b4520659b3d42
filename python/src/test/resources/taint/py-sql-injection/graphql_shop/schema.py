"""The shop's GraphQL API three ways: graphene, strawberry and ariadne resolvers over the catalog helpers."""
import graphene
import strawberry
from ariadne import MutationType, QueryType

from graphql_shop.catalog import mirror_image, mirror_image_of, products_named, products_named_safely

query = QueryType()
mutation = MutationType()


class Product(graphene.ObjectType):
    sku = graphene.String()
    name = graphene.String()


class Query(graphene.ObjectType):
    search = graphene.List(Product, name=graphene.String(required=True))
    search_exact = graphene.List(Product, name=graphene.String(required=True))

    def resolve_search(root, info, name):
        return [Product(sku=s, name=n) for s, n in products_named(name)]

    def resolve_search_exact(root, info, name):
        return [Product(sku=s, name=n) for s, n in products_named_safely(name)]


class AddImage(graphene.Mutation):
    class Arguments:
        sku = graphene.String()
        url = graphene.String()

    ok = graphene.Boolean()

    def mutate(root, info, sku, url):
        mirror_image(url)
        return AddImage(ok=True)


@strawberry.type
class StrawberryMutation:
    @strawberry.mutation
    def refresh_image(self, sku: str) -> bool:
        return bool(mirror_image_of(sku))


@query.field("searchProducts")
def resolve_search_products(obj, info, name):
    return [{"sku": s, "name": n} for s, n in products_named(name)]


@mutation.field("importImage")
def resolve_import_image(obj, info, url):
    return bool(mirror_image(url))


def warm_cache():
    """Run by the application at start-up with its own data, not by a query."""
    products_named_safely("a")
    mirror_image_of("featured")
