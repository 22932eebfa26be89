"""Dependencies of the page routes: the per-request `Page` (store, language, caches) and the
shared state `install` keeps on `app.state.bzkg_pages`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from jinja2 import Environment

from api.deps import StoreDep
from api.pages.i18n import lang_of
from api.pages.views.cache import PagesCache
from api.pages.views.core import Page
from api.pages.views.source import SourceTexts

__all__ = ["PageDep", "PagesState", "get_page", "pages_state"]


@dataclass
class PagesState:
    templates: Environment
    sources: SourceTexts
    cache: PagesCache = field(default_factory=PagesCache)


def pages_state(request: Request) -> PagesState:
    return request.app.state.bzkg_pages


def get_page(request: Request, store: StoreDep) -> Page:
    cache = pages_state(request).cache.for_store(store)
    cache.warm()
    return Page(store=store, lang=lang_of(request), cache=cache)


PageDep = Annotated[Page, Depends(get_page)]
