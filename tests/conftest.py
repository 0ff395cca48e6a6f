"""Shared fixtures: the SCSE 2025 data file, built once per test run into a temp folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def data_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from exponav.core.io.datafile import build_data_file

    return build_data_file(tmp_path_factory.mktemp("data") / "scse2025.exponav.db")


@pytest.fixture(scope="session")
def nav(data_file: Path):
    from exponav.core.navigator import Navigator

    navigator = Navigator.open(data_file)
    yield navigator
    navigator.close()
