"""Tables built once per machine (kg.extract.disk_cache): rebuilt when an input changes or the
file is damaged, and never a reason to fail."""

from __future__ import annotations

import pytest

from kg.extract import disk_cache
from kg.extract.gazetteer import Gazetteer, gazetteer


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def counting_build(calls: list[int]):
    def build() -> dict[str, int]:
        calls.append(1)
        return {"built": len(calls)}
    return build


def test_built_once_then_read(cache):
    calls: list[int] = []
    assert disk_cache.cached("t", counting_build(calls), ["pycountry"]) == {"built": 1}
    assert disk_cache.cached("t", counting_build(calls), ["pycountry"]) == {"built": 1}
    assert len(calls) == 1 and len(list(cache.glob("t-*.pickle"))) == 1


def test_a_changed_input_rebuilds(cache, tmp_path, monkeypatch):
    source = tmp_path / "rules.json"
    source.write_text("[1]")
    monkeypatch.setattr(disk_cache, "INPUTS", [source])
    calls: list[int] = []
    disk_cache.cached("t", counting_build(calls), [])
    source.write_text("[2]")
    assert disk_cache.cached("t", counting_build(calls), []) == {"built": 2}
    assert disk_cache.cached("t", counting_build(calls), ["gender-guesser"]) == {"built": 3}   # a library too


def test_a_damaged_file_is_rebuilt_and_replaced(cache):
    calls: list[int] = []
    disk_cache.cached("t", counting_build(calls), [])
    (path,) = cache.glob("t-*.pickle")
    path.write_bytes(path.read_bytes()[:5])                      # cut short, as by a full disk
    assert disk_cache.cached("t", counting_build(calls), []) == {"built": 2}
    assert disk_cache.cached("t", counting_build(calls), []) == {"built": 2}
    assert not [p for p in cache.iterdir() if p.name.startswith(".")]   # no temporary file left


def test_an_unwritable_cache_is_no_error(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocked / "cache"))
    calls: list[int] = []
    assert disk_cache.cached("t", counting_build(calls), []) == {"built": 1}
    assert disk_cache.cached("t", counting_build(calls), []) == {"built": 2}


def test_the_cached_gazetteer_answers_as_a_fresh_one(cache):
    gazetteer.cache_clear()
    try:
        gazetteer()                                              # built and written
        gazetteer.cache_clear()
        cached, fresh = gazetteer(), Gazetteer()                 # read back, and built anew
    finally:
        gazetteer.cache_clear()
    assert len(list(cache.glob("gazetteer-*.pickle"))) == 1
    for name in ("Gdansk", "The Hague", "Kiev", "Africa", "San Jose", "Ivory Coast"):
        assert cached.lookup(name) == fresh.lookup(name)
    assert cached.demonym("Dutch") == fresh.demonym("Dutch") is not None
