"""The README documents what the code does: every setting, every command."""

from __future__ import annotations

import re
from pathlib import Path

from workers.cli import parser
from workers.settings import Settings

README = (Path(__file__).resolve().parents[2] / "README.md").read_text()


def test_every_setting_is_documented() -> None:
    documented = set(re.findall(r"`SEEDFLOW_([A-Z_]+)`", README))
    assert {name.upper() for name in Settings.model_fields} == documented


def test_every_command_is_documented() -> None:
    commands = set(parser()._subparsers._group_actions[0].choices)
    assert commands == set(re.findall(r"^\| `seedflow (\w+)", README, re.M))


def test_ci_runs_the_readme_test_command() -> None:
    ci = (Path(__file__).resolve().parents[2] / ".ci" / "run").read_text()
    command = re.search(r"Run the test suite.*?```sh\n(.+?)\n```", README, re.S).group(1)
    assert command in ci.splitlines()
