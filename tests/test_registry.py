"""The backend registry (summarize/registry.py): lookup, each backend's own typed options, the
built-ins registered through the entry-point group, and a plugin's backends (tests/fake_backends.py)
used by the pipeline and the CLI exactly as the built-ins are."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError, dataclass

import pytest
from run_helpers import SAMPLE_PAGE
from typer.testing import CliRunner

from summarize.cli import app
from summarize.errors import UsageError
from summarize.pipeline import Engines, RunOptions, read_pages, run_pages
from summarize.registry import EngineOptions, Registry, load_registry, registry


@dataclass(frozen=True)
class LoudOptions(EngineOptions):
    volume: int = 1


def made(model, options):
    return (model, options)


def test_lookup_by_kind_and_name():
    reg = Registry()
    reg.add("translator", "b", made, "second")
    reg.add("translator", "a", made, "first")
    reg.add("summarizer", "a", made)
    assert reg.names("translator") == ["a", "b"] and reg.has("summarizer", "a") and not reg.has("summarizer", "b")
    assert [(b.kind, b.name) for b in reg.backends()] == [("summarizer", "a"), ("translator", "a"), ("translator", "b")]
    with pytest.raises(UsageError, match="unknown summarizer 'b'") as caught:
        reg.get("summarizer", "b")
    assert caught.value.hint == "Known: a"


def test_a_backend_gets_its_own_options_with_the_run_options():
    reg = Registry()
    reg.add("translator", "loud", made, options=LoudOptions)
    backend = reg.get("translator", "loud")
    assert backend.own_options == ["volume"]
    model, options = backend.create("m", EngineOptions(beam=3, threads=2), {"volume": 11})
    assert model == "m" and options == LoudOptions(beam=3, threads=2, volume=11)
    with pytest.raises(FrozenInstanceError):
        options.volume = 12
    _, default = backend.create(None, EngineOptions())
    assert default.volume == 1


def test_unknown_option_names_are_refused_with_the_known_ones():
    reg = Registry()
    reg.add("translator", "loud", made, options=LoudOptions)
    reg.add("summarizer", "plain", made)
    with pytest.raises(UsageError, match="translator 'loud' has no option 'colour'") as caught:
        reg.get("translator", "loud").create(None, EngineOptions(), {"colour": "red"})
    assert caught.value.hint == "Its options: volume"
    with pytest.raises(UsageError, match="no option 'beam'"):  # the run's options are not the backend's to set
        reg.get("summarizer", "plain").create(None, EngineOptions(), {"beam": 2})


def test_seq2seq_options_check_their_values():
    from summarize.engines.factories import Seq2SeqOptions

    assert Seq2SeqOptions(force_new_tokens=5).force_new_tokens == 5
    for bad in (0, -1, 2.5, "7"):
        with pytest.raises(UsageError, match="force_new_tokens"):
            Seq2SeqOptions(force_new_tokens=bad)


def test_chat_options_check_their_values():
    from pathlib import Path

    from summarize.engines.chat_factories import ChatOptions

    options = ChatOptions(prompt="mine.toml", static_prompt=False, force_new_tokens=3)
    assert (options.prompt, options.static_prompt, options.force_new_tokens) == (Path("mine.toml"), False, 3)
    with pytest.raises(UsageError, match="force_new_tokens"):
        ChatOptions(force_new_tokens=0)


def test_built_in_backends_come_from_the_entry_point_group():
    reg = load_registry()
    assert reg.names("translator") == ["ctranslate2", "ctranslate2-chat", "gloss", "transformers", "transformers-chat"]
    assert reg.names("summarizer") == ["ctranslate2", "ctranslate2-chat", "extractive", "transformers", "transformers-chat"]
    assert reg.get("translator", "ctranslate2").own_options == ["force_new_tokens"]
    assert reg.get("summarizer", "transformers-chat").own_options == ["force_new_tokens", "prompt", "static_prompt"]
    assert all(b.description for b in reg.backends())


def test_a_plugin_backend_runs_the_pipeline(fake_backends):
    pages, _ = read_pages([str(SAMPLE_PAGE)])
    options = RunOptions(translator=fake_backends, summarizer=fake_backends, summarizer_options={"sentences": 1}, use_cache=False)
    [digest] = run_pages(pages, Engines(options))
    assert digest.translator.name == digest.summarizer.name == fake_backends
    for ad in digest.articles:
        assert len(ad.summary) == 1
        assert ad.summary[0].zh in ad.article.body_paragraphs[0].text
        assert ad.summary[0].en.startswith("Fake English of ")
    with pytest.raises(UsageError, match="no option 'sentence'"):
        Engines(RunOptions(translator=fake_backends, summarizer=fake_backends, summarizer_options={"sentence": 1}))


def test_run_wide_values_go_only_to_backends_that_declare_them(fake_backends):
    from summarize.engines.choose import choose_summarizer, choose_translator

    summarizer, _ = choose_summarizer(fake_backends, EngineOptions(), offered={"sentences": 1})
    translator, _ = choose_translator(fake_backends, EngineOptions(), offered={"sentences": 1})
    assert summarizer.options.sentences == 1 and not hasattr(translator.options, "sentences")
    summarizer, _ = choose_summarizer(fake_backends, EngineOptions(), settings={"sentences": 3}, offered={"sentences": 1})
    assert summarizer.options.sentences == 3  # the backend's own settings win


def test_the_cli_lists_and_runs_a_plugin_backend(fake_backends):
    runner = CliRunner()
    listed = runner.invoke(app, ["backends"])
    assert listed.exit_code == 0
    assert any(line.split()[:2] == ["summarizer", fake_backends] and "(options: sentences)" in line for line in listed.stdout.splitlines())
    entries = json.loads(runner.invoke(app, ["backends", "--json"]).stdout)
    assert {"kind": "translator", "name": fake_backends, "description": "test double: fake English", "options": []} in entries
    assert len(entries) == len(registry().backends())

    result = runner.invoke(app, ["run", str(SAMPLE_PAGE), "-f", "json", "--translator", fake_backends, "--summarizer", fake_backends])
    assert result.exit_code == 0, result.output
    models = json.loads(result.stdout)["models"]
    assert models["translator"]["name"] == models["summarizer"]["name"] == fake_backends
