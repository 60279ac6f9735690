"""The sector of an actor, in the spirit of CAMEO/PLOVER actor types: from its titles (lexicons/titles.tsv),
its organization (lexicons/organizations.tsv) or a state standing alone. Public sectors hold an office, a
state or a body of one; an event of this dataset needs a side in one of them."""
from __future__ import annotations

from ..lexicons.index import lexicon

PUBLIC = frozenset({"GOV", "PTY", "LEG", "MIL", "DIP", "JUD", "SUB", "IGO", "ROY", "ELI", "STATE"})
# CAMEO actor type codes for the GDELT export (a state alone has none: its country code says it)
CAMEO_TYPE = {"PTY": "GOV", "ROY": "GOV", "ELI": "ELI", "STATE": "", "SPT": "SPT", "ENT": "ENT", "EDU": "EDU",
              "MED": "MED", "BUS": "BUS", "CVL": "CVL", "SUB": "GOV"}


def title_sector(title: str) -> str | None:
    lex = lexicon()
    found = lex.title(title)
    if found is None and (m := lex.title_re.match(title)):
        found = lex.title(m.group(0))     # "Thứ trưởng Bộ Ngoại giao": the office opens the title
    if found is None:
        return None
    return "ELI" if found.sector == "SPOUSE" else found.sector


def actor_sector(name: str | None, titles: list[str], country: str | None, org: str | None) -> str:
    """The first public sector among the titles, else the first sector of a title; else the organization's;
    a state alone is STATE; a person with no title is '' (unknown, and no public role that the text states)."""
    sectors = [s for s in (title_sector(t) for t in titles or []) if s]
    public = [s for s in sectors if s in PUBLIC]
    if public or sectors:
        return (public or sectors)[0]
    if org:
        known = lexicon().orgs.get(org)
        return known.sector if known is not None and known.sector else "ORG"
    if country and not name:
        return "STATE"
    return ""


def is_public(sector: str) -> bool:
    return sector in PUBLIC or sector == "ORG"


def cameo_type(sector: str) -> str:
    return CAMEO_TYPE.get(sector, sector)
