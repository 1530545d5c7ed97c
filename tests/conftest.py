"""Shared fixtures: the real `kg` entry point in a subprocess, real stores on disk."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
KG = str(Path(sys.executable).parent / "kg")
SHARED_EVAL = ROOT.parent / "shared" / "eval"


def run_kg(store: Path | str, *args: str, stdin: str | None = None, check: bool = True,
           timeout: int = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "KG_STORE": str(store)}
    proc = subprocess.run([KG, *args], input=stdin, capture_output=True, text=True, env=env, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} exited {proc.returncode}:\n{proc.stderr}")
    return proc


def child_pids(pid: int) -> list[int]:
    """The live child processes of a process (none once it has ended)."""
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(child) for child in f.read().split()]
    except FileNotFoundError:
        pass
    return found


def process_alive(pid: int) -> bool:
    """Running (not ended, and not a zombie its new parent has yet to reap)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def free_port() -> int:
    """A loopback port nobody listens on (for servers the tests start)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop_process(proc: subprocess.Popen, timeout: float = 15) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session", autouse=True)
def table_cache(tmp_path_factory) -> Path:
    """kg's table cache (kg.extract.disk_cache) for this session only, shared with every `kg`
    the tests start: a run neither reads nor fills the user's own cache."""
    path = tmp_path_factory.mktemp("kg-cache")
    os.environ["KG_CACHE_DIR"] = str(path)
    return path


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture(scope="session")
def example_store(tmp_path_factory) -> Path:
    """A store holding the example articles, built once through the CLI."""
    path = tmp_path_factory.mktemp("examples") / "store"
    run_kg(path, "ingest", str(EXAMPLES / "articles"))
    return path


@pytest.fixture
def example_store_copy(example_store: Path, tmp_path: Path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(example_store, target, ignore=shutil.ignore_patterns("LOCK"))
    return target
