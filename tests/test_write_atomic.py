"""Reports are written atomically and readable like any ordinary new file."""

from __future__ import annotations

import os
import stat

from modellaw.util.files import write_atomic


def test_new_file_gets_ordinary_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "r.html", "<p>x</p>")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.html").stat().st_mode) == 0o644


def test_existing_file_keeps_its_permissions(tmp_path):
    p = tmp_path / "r.json"
    p.write_text("{}", encoding="utf-8")
    p.chmod(0o600)
    write_atomic(p, "{\"a\": 1}")
    assert stat.S_IMODE(p.stat().st_mode) == 0o600
    assert p.read_text(encoding="utf-8") == "{\"a\": 1}"
    assert [f.name for f in tmp_path.iterdir()] == ["r.json"]  # no temporary file left


def test_utf16_dsl_file_is_named_as_such():
    from modellaw.dsl.parser import parse_bytes

    res = parse_bytes('provision a.b "T"\n'.encode("utf-16"), "x.mlaw")
    assert [d.code for d in res.diagnostics] == ["P002"]
    assert "UTF-16" in res.diagnostics[0].message
