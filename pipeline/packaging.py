"""``python -m pipeline package OUTDIR``: the configured pipeline as an installable spaCy
package (``spacy package`` on a saved pipeline).

The package holds the saved pipeline (config, model files, gazetteer) and requires this
project's package for the code (found by spaCy from the config's registered functions):
``pip install OUTDIR/zh_zhnews-0.1.0/dist/zh_zhnews-0.1.0.tar.gz``, then
``spacy.load("zh_zhnews")`` anywhere. Stories still need their page context for the
table's exact entities (see :func:`pipeline.nlp.story_doc`).
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path


def package(config_path: str | Path, output_dir: str | Path, name: str | None = None,
            version: str | None = None, wheel: bool = False) -> Path:
    """Build an sdist (and optionally a wheel) of the configured pipeline.

    config_path (str | Path): the YAML config whose stages are packaged.
    output_dir (str | Path): where the package folder is written (created if missing).
    name (str | None): the package name without the ``zh_`` prefix (default ``zhnews``).
    version (str | None): the package version (default: this project's version).
    wheel (bool): also build a wheel (needs the ``build`` package).
    RETURNS (Path): the sdist (``.tar.gz``).
    """
    from spacy.cli.package import package as spacy_package

    from . import load_nlp

    nlp = load_nlp(config_path)
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        saved = Path(tmp) / "pipeline"
        nlp.to_disk(saved)
        spacy_package(saved, output_dir, name=name, version=version, create_sdist=True,
                      create_wheel=wheel, force=True, silent=True)
    full_name = f"zh_{name or nlp.meta['name']}-{version or nlp.meta['version']}"
    return output_dir / full_name / "dist" / f"{full_name}.tar.gz"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``package`` subcommand's arguments."""
    parser.add_argument("outdir", help="folder to write the package into")
    parser.add_argument("--config", default="configs/default.yaml",
                        help="YAML configuration (default: configs/default.yaml)")
    parser.add_argument("--name", help="package name after zh_ (default: zhnews)")
    parser.add_argument("--version", help="package version (default: the project's)")
    parser.add_argument("--wheel", action="store_true", help="also build a wheel")


def command(args: argparse.Namespace) -> int:
    """Run ``package`` from parsed arguments. RETURNS (int): exit status."""
    import sys

    sdist = package(args.config, args.outdir, args.name, args.version, args.wheel)
    print(f"{sdist}\ninstall with: pip install {sdist}\n"
          f"then: spacy.load(\"{sdist.name.split('-')[0]}\")", file=sys.stderr)
    return 0
