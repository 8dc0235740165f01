"""`claimcheck schema`: the JSON Schema of the report `check --format json` prints."""

from __future__ import annotations

import json

from claimcheck.cli._app import command, echo_out, guard


@command("schema")
@guard
def schema_cli() -> None:
    """Print the JSON Schema of the report."""
    from claimcheck.schema import report_json_schema

    echo_out(json.dumps(report_json_schema(), indent=2))
