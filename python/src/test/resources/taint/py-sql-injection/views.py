"""Django views over a reporting database."""
from django.db import connection
from django.http import JsonResponse

from queries import find_user_sql, run_report


def search(request):
    name = request.GET.get("name", "")
    with connection.cursor() as cursor:
        # expect: py-sql-injection
        cursor.execute("SELECT id FROM auth_user WHERE username = '%s'" % name)
        rows = cursor.fetchall()
    return JsonResponse({"ids": [r[0] for r in rows]})


def search_safe(request):
    name = request.GET.get("name", "")
    with connection.cursor() as cursor:
        # ok: py-sql-injection
        cursor.execute("SELECT id FROM auth_user WHERE username = %s", [name])
        rows = cursor.fetchall()
    return JsonResponse({"ids": [r[0] for r in rows]})


def by_id(request):
    user_id = int(request.GET.get("id", "0"))
    cursor = connection.cursor()
    # ok: py-sql-injection
    cursor.execute(f"SELECT * FROM auth_user WHERE id = {user_id}")
    return JsonResponse({"rows": cursor.fetchall()})


def by_email(request):
    sql = find_user_sql(request.POST["email"])
    cursor = connection.cursor()
    # expect: py-sql-injection
    cursor.execute(sql)
    return JsonResponse({"rows": cursor.fetchall()})


def report(request):
    run_report(request.GET["table"])
    return JsonResponse({})


def filtered(request):
    filters = {"status": request.GET.get("status"), "limit": "10"}
    cursor = connection.cursor()
    # expect: py-sql-injection
    cursor.execute("SELECT * FROM orders WHERE status = '" + filters["status"] + "'")
    # ok: py-sql-injection
    cursor.execute("SELECT * FROM orders LIMIT " + filters["limit"])
    return JsonResponse({"rows": cursor.fetchall()})


def columns(request):
    wanted = [request.GET.get("col", "id"), "created"]
    cursor = connection.cursor()
    # expect: py-sql-injection
    cursor.execute("SELECT " + ", ".join(wanted) + " FROM orders")
    return JsonResponse({"rows": cursor.fetchall()})


def ordered(request):
    column = request.GET.get("order", "id")
    cursor = connection.cursor()
    if column in ("id", "created", "total"):
        # ok: py-sql-injection
        cursor.execute("SELECT * FROM orders ORDER BY " + column)
    if column.isdigit():
        # ok: py-sql-injection
        cursor.execute("SELECT * FROM orders ORDER BY " + column)
    return JsonResponse({"rows": cursor.fetchall()})


def legacy(request):
    where = request.GET.get("where", "")
    cursor = connection.cursor()
    if 7 * 3 > 100:
        # ok: py-sql-injection
        cursor.execute("SELECT * FROM orders WHERE " + where)
    where = "total > 0"
    # ok: py-sql-injection
    cursor.execute("SELECT * FROM orders WHERE " + where)
    return JsonResponse({"rows": cursor.fetchall()})
