"""A plugin package registered on Datasette's plugin manager adds an
extractor, a rule and a lexicon, and reads its own configuration from
metadata.yml or datasette.yaml."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import load, rows
from datasette.plugins import pm

from datasette_factcheck import lexicon, plugins

PLUGIN_DIR = Path(__file__).parent / "example_plugin"
TEXTS = {
    "a": "Negeri Atlantis membantah laporan itu. Warga mendengar sirene, lalu sirene lagi pada Senin (3/10/2022).",
    "b": "Negeri Atlantis membantah laporan itu. Warga mendengar sirene pada Senin (3/10/2022).",
}


@pytest.fixture
def example(monkeypatch):
    monkeypatch.syspath_prepend(str(PLUGIN_DIR))
    import factcheck_example

    pm.register(factcheck_example, "factcheck_example")
    lexicon.reset()
    yield factcheck_example
    pm.unregister(factcheck_example)
    plugins.configure({})
    lexicon.reset()


def inputs(folder):
    folder.mkdir()
    for ref, text in TEXTS.items():
        (folder / f"{ref}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", ["metadata.yml", "datasette.yaml"])
def test_plugin_reads_its_configuration(example, tmp_path, name):
    config = tmp_path / name
    config.write_text("plugins:\n  factcheck-example:\n    word: sirene\n    strength: 0.33\n", encoding="utf-8")
    db = tmp_path / "f.db"
    result = load(
        db, inputs(tmp_path / "in"), args=["--workers", "1", "-c" if name == "datasette.yaml" else "-m", str(config)]
    )
    assert result.exit_code == 0, result.output
    counts = rows(
        db,
        "select a.ref, c.value, c.extractor from claims c join articles a on a.id = c.article_id "
        "where c.predicate = 'mentions:sirene' order by a.ref",
    )
    assert [(r["ref"], r["value"], r["extractor"]) for r in counts] == [
        ("a.txt", "2", "example-word-count"),
        ("b.txt", "1", "example-word-count"),
    ]
    (flag,) = rows(
        db, "select rule, relation, score, explanation from contradictions where rule = 'example-word-count'"
    )
    assert flag["relation"] == "conflict" and flag["score"] in (
        0.33,
        0.43,
    )  # the configured strength (+0.1 when both dates are certain)
    assert "mentions, sirene" in flag["explanation"]
    holders = rows(db, "select distinct subject from claims where kind = 'stance'")
    assert holders == [{"subject": "atlantis"}]  # the plugin's lexicon


def test_configuration_changes_what_the_plugin_counts(example, tmp_path):
    config = tmp_path / "metadata.yml"
    config.write_text("plugins:\n  factcheck-example:\n    word: warga\n", encoding="utf-8")
    db = tmp_path / "f.db"
    assert load(db, inputs(tmp_path / "in"), args=["-m", str(config)]).exit_code == 0
    assert {
        r["predicate"] for r in rows(db, "select predicate from claims where extractor = 'example-word-count'")
    } == {"mentions:warga"}


def test_changed_plugin_version_re_reads_stored_articles(example, tmp_path, monkeypatch):
    folder = inputs(tmp_path / "in")
    db = tmp_path / "f.db"
    assert load(db, folder).exit_code == 0
    before = rows(db, "select extracted_with from articles")
    monkeypatch.setattr(example.WordCount, "version", "2")
    assert load(db, folder).exit_code == 0
    after = rows(db, "select extracted_with from articles")
    assert before != after and len({r["extracted_with"] for r in after}) == 1


def test_plugin_in_a_subprocess_with_workers(tmp_path):
    """The command line as a subprocess, the plugin registered as Datasette registers
    an entry point, its configuration reaching the worker processes."""
    config = tmp_path / "datasette.yaml"
    config.write_text(json.dumps({"plugins": {"factcheck-example": {"word": "sirene"}}}), encoding="utf-8")
    db = tmp_path / "f.db"
    script = (
        "import sys; sys.path.insert(0, sys.argv.pop(1)); import factcheck_example; "
        "from datasette.plugins import pm; pm.register(factcheck_example, 'factcheck_example'); "
        "from datasette.cli import cli; cli()"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            str(PLUGIN_DIR),
            "factcheck",
            "load",
            str(db),
            str(inputs(tmp_path / "in")),
            "--workers",
            "2",
            "-c",
            str(config),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert len(rows(db, "select id from contradictions where rule = 'example-word-count'")) == 1


def test_a_bad_configuration_file_is_a_clear_error(tmp_path):
    config = tmp_path / "metadata.yml"
    config.write_text("plugins: [1, 2]\n", encoding="utf-8")
    result = load(tmp_path / "f.db", inputs(tmp_path / "in"), args=["-m", str(config)])
    assert result.exit_code == 2 and "expected a mapping with a 'plugins' mapping" in result.output


def test_a_hook_returning_something_else_is_named():
    class Wrong:
        from datasette import hookimpl

        @hookimpl
        def factcheck_rules(self):
            return [lambda kind, claims, settings: ()]

    plugin = Wrong()
    pm.register(plugin)
    try:
        with pytest.raises(
            TypeError, match="factcheck_rules returned .* not an instance of datasette_factcheck.extension.Rule"
        ):
            plugins.rules()
    finally:
        pm.unregister(plugin)


def test_a_plugin_lexicon_with_a_bad_key_is_one_clear_line(tmp_path):
    class BadLexicon:
        from datasette import hookimpl

        @hookimpl
        def factcheck_lexicons(self):
            return [{"language": "id", "montsh": {"januari": 1}}]

    plugin = BadLexicon()
    pm.register(plugin)
    lexicon.reset()
    try:
        result = load(tmp_path / "f.db", inputs(tmp_path / "in"))
    finally:
        pm.unregister(plugin)
        lexicon.reset()
    assert result.exit_code == 1
    assert "montsh" in result.output and "Traceback" not in result.output


def test_the_package_imported_before_datasette_keeps_every_hook():
    """A script importing the library first (a notebook, a plugin) must not
    leave Datasette with a half-registered plugin."""
    script = (
        "from datasette_factcheck import pipeline; import datasette_factcheck; "
        "from datasette.plugins import pm; "
        "print(sorted(h.name for h in pm.get_hookcallers(datasette_factcheck)))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for hook in ("register_commands", "register_routes", "render_cell", "canned_queries"):
        assert hook in result.stdout
