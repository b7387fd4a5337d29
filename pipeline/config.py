"""The run configuration: YAML, validated by pydantic before any work starts.

Every problem is reported at once, one ``dotted.location: message`` a line, in a single
:class:`ConfigError` (the CLI prints it and exits with status 2, without a traceback).
The YAML is read strictly: UTF-8 only, one document, no duplicate keys, dates as text
(``2021-02-30`` is reported by key, not by a YAML crash), at most :data:`MAX_DEPTH` levels
and :data:`MAX_NODES` values once aliases are expanded (no "billion laughs").

Stage settings are checked against each spaCy factory's signature here too: unknown names
(``batchsize``), wrong types (``describe_figures: maybe``, ``batch_size: true``) and
out-of-range numbers (a count below 0, a ``*_size`` below 1).

Paths: ``input`` and ``output`` are relative to the working directory. Model paths in
stage settings (keys ending in ``model`` or ``path``) are looked up relative to the config
file's folder, then the working directory, then the project root (the folder that holds
``pipeline/`` and ``models/``), so the shipped configs work from any directory.
"""
from __future__ import annotations

import os
import re
import typing
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (BaseModel, ConfigDict, Field, StrictInt, TypeAdapter, ValidationError,
                      field_validator, model_validator)

# Stages that run before a Doc exists; they must come first, in this order.
PAGE_STAGES = ("clean", "segment")
PROJECT_ROOT = Path(__file__).resolve().parent.parent
MAX_DEPTH = 32
MAX_NODES = 100_000
MAX_CONFIG_BYTES = 1_000_000


class ConfigError(Exception):
    """A configuration that cannot be run. The message names each bad key."""


def parse_date(value: Any) -> date | None:
    """A publication date as written: ``2021-11-21``, ``20211121`` or ``2021/11/21``.

    value (Any): a date, a string, or an 8-digit number (never a Unix timestamp).
    RETURNS (date | None): the date; None for None.
    RAISES (ValueError): for anything else, or an impossible day (``20210230``).
    """
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"expected a date like 2021-11-21 (got {_short(value)})")
    text = str(value).strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})|(\d{4})(\d{2})(\d{2})"
                         r"|(\d{4})/(\d{1,2})/(\d{1,2})", text)
    if not match:
        raise ValueError(f"expected a date like 2021-11-21, 20211121 or 2021/11/21 "
                         f"(got {_short(text)})")
    year, month, day = (int(g) for g in match.groups() if g is not None)
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"no such day: {text}") from None


def _short(value: Any, limit: int = 60) -> str:
    """value (Any): a value from the config. RETURNS (str): its repr, cut to ``limit``."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StageConfig(BaseModel):
    """One stage: ``name`` is ``clean``, ``segment`` or a registered spaCy factory; every
    other key is passed to the factory (checked against its signature)."""

    model_config = ConfigDict(extra="allow", frozen=True)
    name: str
    enabled: bool = Field(True, strict=True)

    @property
    def params(self) -> dict[str, Any]:
        """RETURNS (dict): the factory's own settings."""
        return dict(self.model_extra or {})


class DaskConfig(_Strict):
    address: str | None = None
    partition_size: StrictInt = Field(8, ge=1)
    n_workers: StrictInt = Field(2, ge=1)

    @field_validator("address")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(
                r"(?:(?:tcp|tls|ucx|ws|wss|inproc)://)?[\w.\-\[\]:]+:\d{1,5}", value):
            raise ValueError("expected a scheduler address like tcp://host:8786")
        return value


class Config(_Strict):
    """The whole run configuration (see README, "Configuration")."""

    input: str
    output: str = "out/knowledge.jsonl"
    pub_date: date | None = None
    city: str | None = None
    workers: StrictInt = Field(1, ge=1, le=64)
    executor: Literal["local", "dask"] = "local"
    dask: DaskConfig = DaskConfig()
    parquet: bool = Field(False, strict=True)
    duckdb: str | None = None  # also write this DuckDB database (pipeline.table.to_duckdb)
    page_timeout: float | None = Field(120.0, gt=0, le=86_400)
    max_page_mb: float = Field(100.0, gt=0)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    stages: list[StageConfig]

    @field_validator("pub_date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> date | None:
        return parse_date(value)

    @field_validator("page_timeout", "max_page_mb", mode="before")
    @classmethod
    def _seconds(cls, value: Any) -> Any:
        if isinstance(value, bool) or isinstance(value, str):
            raise ValueError(f"expected a number of seconds (got {_short(value)})")
        return value

    @field_validator("input", "output")
    @classmethod
    def _path(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        if "\x00" in value:
            raise ValueError("must not contain a NUL character")
        if len(os.fsencode(value)) > 4000:
            raise ValueError("path too long")
        return value

    @model_validator(mode="after")
    def _page_stages_first(self) -> "Config":
        names = [s.name for s in self.stages]
        if names[:2] != list(PAGE_STAGES):
            raise ValueError(
                f"stages must start with {', '.join(PAGE_STAGES)} (the page stages), got "
                f"{', '.join(names[:2]) or 'nothing'}"
            )
        if len(set(names)) != len(names):
            raise ValueError("a stage is listed twice")
        return self


class _Loader(yaml.SafeLoader):
    """Safe YAML with dates left as text and duplicate keys refused."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge" or not isinstance(
                        key_node, yaml.ScalarNode):
                    continue
                key = key_node.value
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {key!r}", key_node.start_mark)
                seen.add(key)
        return super().construct_mapping(node, deep)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path) -> Any:
    """Parse a config file strictly (see the module docstring).

    path (Path): the YAML file.
    RETURNS (Any): the parsed document.
    RAISES (ConfigError): for every way the file can be unreadable or hostile.
    """
    try:
        if path.is_dir():
            raise ConfigError(f"config: {path} is a folder, not a YAML file")
        if path.stat().st_size > MAX_CONFIG_BYTES:
            raise ConfigError(f"config: {path} is too large for a config "
                              f"({path.stat().st_size:,} bytes)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except OSError as exc:
        raise ConfigError(f"config: cannot read {path}: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"config: {path} is not UTF-8 text (byte {exc.start}); save it "
                          f"as UTF-8") from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_size(node)
        return loader.construct_document(node)
    except RecursionError:
        raise ConfigError(f"config: {path}: nested too deeply (at most {MAX_DEPTH} "
                          f"levels)") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"config: {path}: not valid YAML: {_yaml_problem(exc)}") from None
    finally:
        loader.dispose()


def _yaml_problem(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark = getattr(exc, "problem_mark", None)
    where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
    return " ".join(str(problem).split()) + where


def _check_size(root: yaml.Node) -> None:
    """Refuse deep nesting and alias bombs before anything is built (iterative: no
    recursion to blow up)."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        if depth > MAX_DEPTH:
            raise ConfigError(f"config: nested too deeply (more than {MAX_DEPTH} levels, "
                              f"line {node.start_mark.line + 1})")
        children = _children(node)
        if done:
            sizes[id(node)] = 1 + sum(sizes[id(c)] for c in children)
            if sizes[id(node)] > MAX_NODES:
                raise ConfigError(f"config: too many values once aliases are expanded "
                                  f"(more than {MAX_NODES:,}: an alias bomb?)")
            continue
        if id(node) in sizes:
            continue
        stack.append((node, depth, True))
        stack.extend((c, depth + 1, False) for c in children if id(c) not in sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def load_config(path: str | Path, **overrides: Any) -> Config:
    """Read and validate a YAML configuration.

    path (str | Path): the YAML file.
    overrides: top-level keys that replace the file's (e.g. ``input``, ``output``);
        None values are ignored.
    RETURNS (Config): the validated configuration. ``input`` and ``output`` are relative
        to the working directory; model paths to the config file (module docstring).
    """
    path = Path(path)
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise ConfigError(f"config: {path}: expected a mapping of settings at the top level")
    data.update({k: v for k, v in overrides.items() if v is not None})
    return validate(data, source=str(path), base=path.resolve().parent)


def validate(data: dict[str, Any], source: str = "<config>",
             base: Path | None = None) -> Config:
    """Validate a configuration mapping, collecting every problem in one ConfigError.

    data (dict): the settings.
    source (str): where they came from, for the message.
    base (Path | None): the config file's folder, for model paths.
    RETURNS (Config): the validated configuration.
    """
    data = dict(data)
    if isinstance(data.get("stages"), list):
        data["stages"] = [_with_model_paths(s, base) if isinstance(s, dict) else s
                          for s in data["stages"]]
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        lines = [f"{_where(err['loc'], data)}: {_what(err)}" for err in exc.errors()]
        raise ConfigError(f"{source}: invalid configuration\n" + "\n".join(lines)) from None
    problems = _page_stage_problems(config) + _setting_problems(config) + _missing_paths(config)
    if problems:
        raise ConfigError(f"{source}: invalid configuration\n" + "\n".join(problems))
    return config


def _with_model_paths(stage: dict[str, Any], base: Path | None) -> dict[str, Any]:
    """A stage's settings with relative model paths made absolute (where they exist)."""
    bases = [b for b in (base, Path.cwd(), PROJECT_ROOT) if b is not None]

    def resolve(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: (_found(v, bases) if k.endswith(("model", "path")) and isinstance(v, str)
                        else resolve(v)) for k, v in value.items()}
        return value

    return resolve(stage)


def _found(value: str, bases: list[Path]) -> str:
    if not value or os.path.isabs(value):
        return value
    for folder in bases:
        if (folder / value).exists():
            return str((folder / value).resolve())
    return value


def _where(loc: tuple, data: dict) -> str:
    """A readable dotted location; stage indices also show the stage's name."""
    parts: list[str] = []
    for i, key in enumerate(loc):
        if isinstance(key, int) and parts and parts[-1] == "stages":
            stages = data.get("stages") or []
            name = stages[key].get("name") if key < len(stages) and isinstance(stages[key], dict) else None
            parts[-1] = f"stages[{key}]" + (f"({name})" if name else "")
        else:
            parts.append(str(key))
    return ".".join(parts) or "<root>"


def _what(err: dict) -> str:
    if err["type"] == "extra_forbidden":
        return "unknown key (check its spelling; README lists the keys)"
    if err["type"] == "missing":
        return "required key is missing"
    given = err.get("input")
    shown = f" (got {_short(given)})" if given is not None and not isinstance(given, (dict, list)) else ""
    message = err["msg"].removeprefix("Value error, ")
    return message + ("" if "(got " in message else shown)


def _missing_paths(config: Config) -> list[str]:
    """Model paths (keys ending in ``model`` or ``path``, nested too) must exist."""
    problems = []

    def walk(where: str, params: dict[str, Any]) -> None:
        for key, value in params.items():
            if isinstance(value, dict):
                walk(f"{where}.{key}", value)
            elif key.endswith(("model", "path")) and isinstance(value, str):
                if not Path(value).exists():
                    problems.append(f"{where}.{key}: path does not exist: {value} (looked in "
                                    f"the config's folder, the working directory and "
                                    f"{PROJECT_ROOT})")

    for i, stage in enumerate(config.stages):
        if stage.enabled:
            walk(f"stages[{i}]({stage.name})", stage.params)
    return problems


def _page_stage_problems(config: Config) -> list[str]:
    """clean and segment always run; clean takes no settings."""
    problems = []
    for i, stage in enumerate(config.stages[:2]):
        if not stage.enabled:
            problems.append(f"stages[{i}]({stage.name}).enabled: the page stages always run "
                            f"(remove `enabled: false`)")
    extra = sorted(config.stages[0].params)
    if extra:
        problems.append(f"stages[0](clean): takes no settings (got {', '.join(extra)})")
    return problems


def _setting_problems(config: Config) -> list[str]:
    """Check each spaCy stage's settings against its factory's signature."""
    from spacy.language import Language
    from spacy.util import registry

    problems = []
    for i, stage in enumerate(config.stages):
        if stage.name in PAGE_STAGES or not stage.enabled:
            continue
        where = f"stages[{i}]({stage.name})"
        if not Language.has_factory(stage.name):
            problems.append(f"{where}: no such stage (Can't find factory {stage.name!r}; "
                            f"check its spelling)")
            continue
        try:
            hints = typing.get_type_hints(registry.factories.get(stage.name))
        except Exception:  # noqa: BLE001  unresolvable hints: leave the check to spaCy
            continue
        known = [k for k in hints if k not in ("nlp", "name", "return")]
        for key, value in stage.params.items():
            problem = _setting_problem(key, value, hints, known)
            if problem:
                problems.append(f"{where}.{key}: {problem}")
    return problems


def _setting_problem(key: str, value: Any, hints: dict, known: list[str]) -> str | None:
    if key not in hints or key in ("nlp", "name", "return"):
        return f"unknown setting (this stage's settings: {', '.join(known)})"
    if isinstance(value, dict) and any(str(k).startswith("@") for k in value):
        return None  # a registered function, resolved and checked by spaCy
    try:
        TypeAdapter(hints[key]).validate_python(value, strict=True)
    except ValidationError as exc:
        expected = exc.errors()[0]["msg"].removeprefix("Input should be ")
        return f"expected {expected} (got {_short(value)})"
    except Exception:  # noqa: BLE001  a type pydantic cannot check (callables…)
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        least = 1 if key.endswith("size") else 0
        if value < least:
            return f"must be at least {least} (got {value})"
    return None
