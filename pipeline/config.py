"""The run configuration: YAML, validated by pydantic before any work starts.

Every problem is reported at once, one ``dotted.location<TAB>message`` a line, in a single
:class:`ConfigError` (the CLI prints it and exits with status 2, without a traceback).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

# Stages that run before a Doc exists; they must come first, in this order.
PAGE_STAGES = ("clean", "segment")


class ConfigError(Exception):
    """A configuration that cannot be run. The message names each bad key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StageConfig(BaseModel):
    """One stage: ``name`` is ``clean``, ``segment`` or a registered spaCy factory; every
    other key is passed to the factory (spaCy checks the types against its signature)."""

    model_config = ConfigDict(extra="allow", frozen=True)
    name: str
    enabled: bool = True

    @property
    def params(self) -> dict[str, Any]:
        """RETURNS (dict): the factory's own settings."""
        return dict(self.model_extra or {})


class DaskConfig(_Strict):
    address: str | None = None
    partition_size: int = Field(8, ge=1)
    n_workers: int = Field(2, ge=1)


class Config(_Strict):
    """The whole run configuration (see README, "Configuration")."""

    input: str
    output: str = "out/knowledge.jsonl"
    pub_date: date | None = None
    city: str | None = None
    workers: int = Field(1, ge=1, le=64)
    executor: Literal["local", "dask"] = "local"
    dask: DaskConfig = DaskConfig()
    parquet: bool = False
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    stages: list[StageConfig]

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


def load_config(path: str | Path, **overrides: Any) -> Config:
    """Read and validate a YAML configuration.

    path (str | Path): the YAML file.
    overrides: top-level keys that replace the file's (e.g. ``input``, ``output``);
        None values are ignored.
    RETURNS (Config): the validated configuration. Relative paths in it are relative to
        the working directory.
    """
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings at the top level")
    data.update({k: v for k, v in overrides.items() if v is not None})
    return validate(data, source=str(path))


def validate(data: dict[str, Any], source: str = "<config>") -> Config:
    """Validate a configuration mapping, collecting every problem in one ConfigError.

    data (dict): the settings.
    source (str): where they came from, for the message.
    RETURNS (Config): the validated configuration.
    """
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        lines = [f"{_where(err['loc'], data)}\t{_what(err)}" for err in exc.errors()]
        raise ConfigError(f"{source}: invalid configuration\n" + "\n".join(lines)) from None
    problems = _missing_paths(config)
    if problems:
        raise ConfigError(f"{source}: invalid configuration\n" + "\n".join(problems))
    return config


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
    shown = f" (got {given!r})" if given is not None and not isinstance(given, (dict, list)) else ""
    return err["msg"] + shown


def _missing_paths(config: Config) -> list[str]:
    """Model paths (keys ending in ``model`` or ``path``, nested too) must exist."""
    problems = []

    def walk(where: str, params: dict[str, Any]) -> None:
        for key, value in params.items():
            if isinstance(value, dict):
                walk(f"{where}.{key}", value)
            elif key.endswith(("model", "path")) and isinstance(value, str):
                if not Path(value).exists():
                    problems.append(f"{where}.{key}\tpath does not exist: {value}")

    for i, stage in enumerate(config.stages):
        if stage.enabled:
            walk(f"stages[{i}]({stage.name})", stage.params)
    return problems
