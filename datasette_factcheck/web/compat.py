"""Everything that differs between Datasette 0.65 and the 1.0 alphas, in one place.

- Permissions: 0.65 asks the ``permission_allowed`` hook; 1.0a registers
  actions and asks ``permission_resources_sql`` for SQL rules.
- Canned vs stored queries: 0.65 asks the ``canned_queries`` hook on each
  request; 1.0a keeps stored queries in its internal database, so we add ours
  at startup.
- CSRF: 0.65 checks a ``csrftoken`` form field (asgi-csrf); 1.0a checks the
  Sec-Fetch-Site / Origin headers and ignores the field. Our forms carry the
  field, so the same template is protected on both lines.
- Row shape: 1.0a row pages hand render_cell foreign keys expanded to
  ``{"value": ..., "label": ...}``; 0.65 hands the plain value.
- JSON shape: our pages build their own JSON, identical on both lines; nothing
  here reads Datasette's own (different) table JSON.
- Plugin configuration: 0.65 reads it from metadata, 1.0a from datasette.yaml.
- Writes: 1.0a wraps a write function in a transaction unless told not to.

Who may review: whoever the ``allow_review`` allow block in the plugin config
matches (both lines, instance-wide or per database); on 1.0a also a
``permissions: factcheck-review:`` block in datasette.yaml, and the root
actor of ``datasette --root``. Nobody else, anonymous visitors included.
"""

import inspect

from datasette import actor_matches_allow, hookspecs

from .queries import QUERIES, is_factcheck_database

PLUGIN = "datasette-factcheck"
REVIEW = "factcheck-review"
ACTIONS_API = hasattr(hookspecs, "permission_resources_sql")  # the 1.0a permission system


def _config_allows_review(datasette, actor, database):
    allow = (datasette.plugin_config(PLUGIN, database=database) or {}).get("allow_review")
    return allow is not None and actor_matches_allow(actor, allow)


# Datasette 0.65


def permission_allowed(datasette, actor, action, resource):
    if action != REVIEW:
        return None
    return True if _config_allows_review(datasette, actor, resource) else None


# Datasette 1.0a


def register_actions():
    from datasette.permissions import Action
    from datasette.resources import DatabaseResource

    return [
        Action(
            name=REVIEW,
            abbr="fcr",
            description="Confirm or dismiss factcheck contradictions",
            resource_class=DatabaseResource,
        )
    ]


def permission_resources_sql(datasette, actor, action):
    if action != REVIEW:
        return None
    from datasette.permissions import PermissionSQL

    names = [name for name in datasette.databases if _config_allows_review(datasette, actor, name)]
    if not names:
        return None
    return PermissionSQL(
        sql=" union all ".join(
            f"select :fc_db_{i} as parent, null as child, 1 as allow, "
            "'allow_review in datasette-factcheck config' as reason"
            for i in range(len(names))
        ),
        params={f"fc_db_{i}": name for i, name in enumerate(names)},
    )


async def store_queries(datasette):
    """Add the canned queries as stored queries (1.0a; 0.65 uses the canned_queries hook)."""
    if not hasattr(datasette, "add_query"):
        return
    for name, db in datasette.databases.items():
        if name == "_internal" or not await is_factcheck_database(db):
            continue
        for query_name, query in QUERIES.items():
            await datasette.add_query(
                name,
                query_name,
                query["sql"],
                title=query["title"],
                description=query["description"],
                is_trusted=True,
                source="plugin",
            )


# Both lines


def plain(value):
    """A render_cell row value without 1.0a's foreign key expansion."""
    return value["value"] if isinstance(value, dict) and "value" in value else value


async def can_review(datasette, actor, database):
    if ACTIONS_API:
        from datasette.resources import DatabaseResource

        return await datasette.allowed(action=REVIEW, resource=DatabaseResource(database), actor=actor)
    return await datasette.permission_allowed(actor, REVIEW, resource=database, default=False)


async def ensure_can_view(datasette, actor, database, tables):
    """Raise Forbidden unless the actor may see every one of these tables."""
    if ACTIONS_API:
        from datasette.resources import TableResource

        for table in tables:
            await datasette.ensure_permission(action="view-table", resource=TableResource(database, table), actor=actor)
        return
    for table in tables:
        await datasette.ensure_permissions(
            actor,
            [("view-table", (database, table)), ("view-database", database), "view-instance"],
        )


def plugins_config(datasette):
    """The instance's plugins section (plugin name -> settings), what a load's -m / -c file gives the hooks."""
    config = getattr(datasette, "config", None)  # 1.0a: datasette.yaml
    section = (config or {}).get("plugins") if config is not None else datasette.metadata("plugins")
    return {name: datasette.plugin_config(name) for name in section or {}}


async def in_write_thread(db, fn):
    """``fn()`` in the database's write thread, between Datasette's own writes,
    for work on its own connection: 1.0a would otherwise hold its write
    connection in a transaction (BEGIN IMMEDIATE) around it, locking ours out."""
    if "transaction" in inspect.signature(db.execute_write_fn).parameters:  # 1.0a
        return await db.execute_write_fn(lambda conn: fn(), block=True, transaction=False)
    return await db.execute_write_fn(lambda conn: fn(), block=True)
