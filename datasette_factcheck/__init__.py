"""datasette-factcheck: Datasette hook implementations (thin; the work lives in modules)."""
from datasette import hookimpl


@hookimpl
def register_commands(cli):
    from .cli import factcheck

    cli.add_command(factcheck)
