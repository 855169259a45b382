"""The published JSON Schema is the one the models generate, and it describes real output."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

import tasks
from tasks.schema import json_schemas

ROOT = Path(__file__).resolve().parents[2]


def test_published_schemas_match_the_models() -> None:
    for name, schema in json_schemas().items():
        published = json.loads((ROOT / "schema" / name).read_text())
        assert published == schema, f"schema/{name} is stale: run `python -m tasks.export_schema`"


def test_analyze_output_validates_against_the_published_schema() -> None:
    text = (ROOT / "seeds" / "000_b53155becc98c546.txt").read_text(encoding="utf-8")
    result = tasks.analyze(text).model_dump(mode="json")
    jsonschema.validate(result, json.loads((ROOT / "schema" / "result.schema.json").read_text()))
    assert result["source"] is None and result["timings_ms"] == {}
