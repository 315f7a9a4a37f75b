"""Prompts for instruct (chat) models: prompt files with slots, framed by the model's own chat template.

A prompt file (prompts/chat.toml, or the user's `--prompt FILE`) is TOML with one table per task
it covers, `[translate]` and/or `[summarize]`, each with `system`, `user` and optional `retry`
text. The user text has slots filled per unit:

- `{text}`: the Chinese to translate, or the article to summarize;
- `{title}`: the article's title (summaries);
- `{terms}`: the glossary terms that occur in the text, `义乌 = Yiwu; 浙江 = Zhejiang`;
- `{quantities}`: the exact English of its amounts, `1550亿元 = 155 billion yuan`;
- `{chars}`: the summary length budget in characters.

A line whose slots are all empty is left out, so a unit without glossary terms gets no "use these
names" line. `retry` is added to the user message when the first answer was not usable.

The system text holds no slots: it is the same for every unit, so its model state is computed once
(CTranslate2's static prompt). The messages are turned into the model's input by the chat template
its tokenizer ships (Jinja, as transformers renders it), so every chat model gets its own format.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ModelError, UsageError
from .cards import data_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

DEFAULT_PROMPTS = "chat.toml"
PROMPT_TASKS = ("translate", "summarize")
_SLOT = re.compile(r"\{(text|title|terms|quantities|chars)\}")

Message = dict[str, str]


@dataclass(frozen=True)
class TaskPrompt:
    system: str
    user: str
    retry: str = ""

    def messages(self, slots: Mapping[str, str], *, retry: bool = False) -> list[Message]:
        user = fill(self.user, slots)
        if retry and self.retry:
            user = f"{user}\n{self.retry}"
        return [{"role": "system", "content": self.system}, {"role": "user", "content": user}]


def fill(template: str, slots: Mapping[str, str]) -> str:
    """`template` with its slots filled; lines whose slots are all empty are dropped. One pass, so
    braces in the filled-in news text are never read as slots."""
    lines = []
    for line in template.splitlines():
        names = _SLOT.findall(line)
        if names and not any(slots.get(name, "").strip() for name in names):
            continue
        lines.append(_SLOT.sub(lambda m: slots.get(m.group(1), ""), line))
    return "\n".join(lines).strip()


def load_task_prompt(task: str, path: str | Path | None = None) -> TaskPrompt:
    """The prompt for `task` from the user's file when it has that task's table, else the packaged one."""
    if path is not None:
        tables = _read_prompt_file(Path(path).expanduser())
        if task in tables:
            return _task_prompt(tables[task], task, str(path))
    return _task_prompt(_packaged()[task], task, DEFAULT_PROMPTS)


@lru_cache(maxsize=1)
def _packaged() -> dict[str, Any]:
    return _read_prompt_file(data_dir("prompts") / DEFAULT_PROMPTS)


def _read_prompt_file(path: Path) -> dict[str, Any]:
    hint = "A prompt file is TOML with [translate] and/or [summarize] tables of system, user and retry texts (see prompts/chat.toml)"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError("prompt file not found", path=str(path), hint="Check the path given with --prompt") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the prompt file ({exc})", path=str(path), hint=hint) from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"the prompt file is not valid TOML ({exc})", path=str(path), hint=hint) from None
    if not any(task in data for task in PROMPT_TASKS):
        raise UsageError("the prompt file has neither a [translate] nor a [summarize] table", path=str(path), hint=hint)
    return data


def _task_prompt(table: Any, task: str, source: str) -> TaskPrompt:
    if not isinstance(table, dict) or not all(isinstance(table.get(key, ""), str) for key in ("system", "user", "retry")):
        raise UsageError(f"[{task}] must hold system, user and retry texts", path=source, hint="See prompts/chat.toml")
    unknown = set(table) - {"system", "user", "retry"}
    if unknown:
        raise UsageError(f"[{task}] has unknown keys: {', '.join(sorted(unknown))}", path=source, hint="Known keys: system, user, retry")
    if "{text}" not in table.get("user", ""):
        raise UsageError(f"[{task}] user text has no {{text}} slot", path=source, hint="Put {text} where the Chinese goes")
    return TaskPrompt(table.get("system", "").strip(), table["user"].strip(), table.get("retry", "").strip())


# --- the model's chat template ------------------------------------------------------------------


class ChatTemplate:
    """A Hugging Face chat template rendered the way transformers renders it (sandboxed Jinja,
    trimmed blocks, `raise_exception`, `tojson`), without importing transformers."""

    def __init__(self, source: str, special_tokens: Mapping[str, str] | None = None, where: str = ""):
        from jinja2.exceptions import TemplateError
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        def raise_exception(message: str) -> None:
            raise TemplateError(message)

        environment = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.loopcontrols"])
        environment.filters["tojson"] = lambda value, indent=None: json.dumps(value, ensure_ascii=False, indent=indent)
        environment.globals["raise_exception"] = raise_exception
        environment.globals["strftime_now"] = lambda fmt: datetime.now().strftime(fmt)
        self._where = where
        try:
            self._template = environment.from_string(source)
        except TemplateError as exc:
            raise ModelError(f"the chat template does not compile: {exc}", path=where, hint="Fix or replace the checkpoint's chat template") from exc
        self._special = dict(special_tokens or {})
        self._system_allowed = True

    @classmethod
    def from_dir(cls, path: Path) -> ChatTemplate:
        config = _json(path / "tokenizer_config.json")
        source = None
        if (path / "chat_template.jinja").is_file():
            source = (path / "chat_template.jinja").read_text(encoding="utf-8")
        elif (path / "chat_template.json").is_file():
            source = _json(path / "chat_template.json").get("chat_template")
        else:
            source = config.get("chat_template")
        if isinstance(source, list):  # named templates: the default one
            source = next((item.get("template") for item in source if item.get("name") == "default"), None)
        if not isinstance(source, str) or not source.strip():
            raise ModelError("no chat template in the tokenizer files", path=str(path), hint="Use an instruct/chat checkpoint")
        specials = {key: token for key, value in config.items() if key.endswith("_token") and (token := _token(value))}
        return cls(source, specials, str(path))

    def render(self, messages: list[Message], *, add_generation_prompt: bool) -> str:
        from jinja2.exceptions import TemplateError

        try:
            return self._template.render(messages=messages, add_generation_prompt=add_generation_prompt, **self._special)
        except TemplateError as exc:
            raise ModelError(f"the chat template refused the messages: {exc}", path=self._where, hint="Check the chat template") from exc
        except Exception as exc:
            raise ModelError(f"the chat template failed: {type(exc).__name__}: {exc}", path=self._where, hint="Check the chat template") from exc

    def split(self, messages: list[Message]) -> tuple[str, str]:
        """(static prefix, rest) of the rendered conversation: the prefix is the system message as
        the template frames it, the same for every unit; "" when the template does not render the
        system message on its own as the start of the whole (then all of it is per unit).
        Templates without a system role get the system text at the head of the user message."""
        if self._system_allowed:
            try:
                full = self.render(messages, add_generation_prompt=True)
                prefix = self.render(messages[:1], add_generation_prompt=False)
            except ModelError:
                self._system_allowed = False
        if not self._system_allowed:
            merged = [{"role": "user", "content": f"{messages[0]['content']}\n\n{messages[1]['content']}"}]
            return "", self.render(merged, add_generation_prompt=True)
        if prefix and full.startswith(prefix):
            return prefix, full[len(prefix) :]
        return "", full


def _json(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"unreadable {path.name}: {exc}", path=str(path), hint="Copy it from the original checkpoint again") from exc
    return data if isinstance(data, dict) else {}


def _token(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("content"), str):
        return value["content"]
    return None
