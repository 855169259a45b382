"""Write the published JSON Schemas: ``python -m tasks.export_schema [DIR]`` (default ``schema``).

A unit test fails when the committed files differ from what the models generate.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tasks.schema import json_schemas


def main(argv: list[str]) -> None:
    out = Path(argv[0] if argv else "schema")
    out.mkdir(exist_ok=True)
    for name, schema in json_schemas().items():
        (out / name).write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
