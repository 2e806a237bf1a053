"""Rows made by the database from other rows: `INSERT … SELECT` for a model, with every column
either copied from the SELECT's source (`Column`) or one value for all rows (a parameter,
prepared by the model's field as a save would prepare it).

Why: building a model instance per row and compiling its values in Python costs far more than
the insert itself when thousands of rows share most of their values (a guidance's task in each
of 200 congresses, the first history row of each new task). Values are always parameters, never
interpolated; on PostgreSQL each parameter is cast to its column's type, since a NULL or a text
in a VALUES list or a SELECT list has no type of its own there.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import connection, models


class Column(str):
    """An SQL expression over the source's columns (e.g. "t.deadline"), inserted as is."""


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


def table(model: type[models.Model]) -> str:
    return quote(model._meta.db_table)


def mark(field: models.Field) -> str:
    """The placeholder of one value of `field`, typed on PostgreSQL."""
    if connection.vendor == "postgresql":
        return f"CAST(%s AS {field.cast_db_type(connection)})"
    return "%s"


def prepared(field: models.Field, value: Any) -> Any:
    return field.get_db_prep_save(value, connection)


def values_source(
    name: str, fields: Sequence[models.Field], rows: Sequence[Sequence[Any]]
) -> tuple[str, list[Any]]:
    """A common table expression `name(c0, c1, …)` holding `rows`, each value prepared and
    typed by the field at its place: the "WITH …" prefix and its parameters."""
    if not rows:
        raise ValueError("values_source needs at least one row")
    row_marks = "(" + ", ".join(mark(f) for f in fields) + ")"
    columns = ", ".join(f"c{i}" for i in range(len(fields)))
    params = [prepared(f, v) for row in rows for f, v in zip(fields, row, strict=True)]
    sql = f"WITH {name}({columns}) AS (VALUES {', '.join([row_marks] * len(rows))}) "
    return sql, params


def insert_select(
    model: type[models.Model],
    values: Mapping[str, Any],
    *,
    source: str,
    params: Sequence[Any] = (),
    prefix: tuple[str, Sequence[Any]] = ("", ()),
    returning: Sequence[str] = (),
) -> list[tuple[Any, ...]]:
    """`[prefix] INSERT INTO <model> (…) SELECT … FROM <source>` (source: tables, joins and
    WHERE, with `params`). `values` names every concrete field (by name) except an automatic
    primary key: a `Column` is read from the source, anything else is one value for every row.
    Returns the `returning` columns of the rows inserted."""
    columns, selected, own = [], [], []
    names = set(values)
    for field in model._meta.concrete_fields:
        if field.name not in values:
            # AutoField matches every automatic key (BigAutoField too).
            if field is model._meta.pk and isinstance(field, models.AutoField):
                continue
            raise ValueError(f"insert_select: no value for {model.__name__}.{field.name}")
        names.discard(field.name)
        value = values[field.name]
        columns.append(quote(str(field.column)))
        if isinstance(value, Column):
            selected.append(str(value))
        else:
            selected.append(mark(field))
            own.append(prepared(field, value))
    if names:
        raise ValueError(f"insert_select: {model.__name__} has no field {sorted(names)}")
    sql = (
        f"{prefix[0]}INSERT INTO {table(model)} ({', '.join(columns)}) "
        f"SELECT {', '.join(selected)} FROM {source}"
    )
    if returning:
        sql += " RETURNING " + ", ".join(quote(c) for c in returning)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*prefix[1], *own, *params])
        return list(cursor.fetchall()) if returning else []


def read_all(statements: Sequence[tuple[str, Sequence[Any]]]) -> list[list[tuple[Any, ...]]]:
    """The rows of several SELECTs, in their order. On PostgreSQL they go to the server as one
    text in one round trip (the connection binds parameters on the client) and each result is
    read in turn; elsewhere they run one after the other. For a page that reads several small
    things on every visit, the round trips cost more than the statements."""
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            found = []
            for sql, params in statements:
                cursor.execute(sql, params)
                found.append(cursor.fetchall())
            return found
        cursor.execute(
            "; ".join(sql for sql, _ in statements),
            [value for _, params in statements for value in params],
        )
        found = [cursor.fetchall()]
        while cursor.nextset():
            found.append(cursor.fetchall())
        return found
