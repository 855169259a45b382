"""Paths and secrets: pure checks, no Redis needed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workers.logs import mask_url
from workers.store import Store, atomic_write, safe_relpath


@pytest.mark.parametrize(
    ("rel", "expected"),
    [("../../etc/passwd", "etc/passwd"), ("/etc/passwd", "etc/passwd"), ("a/../../b.txt", "a/b.txt"),
     ("a/./b.txt", "a/b.txt"), ("..\\..\\win.txt", "win.txt")],
)  # fmt: skip
def test_relative_paths_cannot_leave_a_folder(rel: str, expected: str) -> None:
    assert safe_relpath(rel) == expected


@pytest.mark.parametrize("rel", ["", "..", "/", "./.."])
def test_empty_paths_are_refused(rel: str) -> None:
    with pytest.raises(ValueError):
        safe_relpath(rel)


def test_result_and_error_files_stay_in_the_results_folder(tmp_path: Path) -> None:
    store = Store.__new__(Store)
    store.results = tmp_path.resolve()
    for rel in ("../../x.txt", "/abs/y.txt", "a/../../../z.txt"):
        for path in (store.result_path(rel), store.error_path(rel)):
            assert path.resolve().is_relative_to(tmp_path.resolve())


@pytest.mark.parametrize(
    ("url", "shown"),
    [("redis://:s3cret@host:6380/0", "redis://:****@host:6380/0"),
     ("rediss://user:s3cret@host:6380/1", "rediss://user:****@host:6380/1"),
     ("redis://host:6380/0", "redis://host:6380/0"), ("unix:///tmp/r.sock", "unix:///tmp/r.sock")],
)  # fmt: skip
def test_passwords_are_masked(url: str, shown: str) -> None:
    assert mask_url(url) == shown


def test_atomic_write_creates_folders_leaves_no_temporary_and_follows_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "doc.txt.json"
    atomic_write(target, b"{}")
    atomic_write(target, b'{"x":1}')  # replaces the file in place
    assert target.read_bytes() == b'{"x":1}'
    assert os.listdir(target.parent) == ["doc.txt.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
