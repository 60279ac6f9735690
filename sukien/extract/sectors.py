"""The sector of an actor, in the spirit of CAMEO/PLOVER actor types: from its titles (lexicons/titles.tsv),
its organization (lexicons/organizations.tsv) or a state standing alone. Public sectors hold an office, a
state or a body of one; an event of this dataset needs a side in one of them."""
from __future__ import annotations

from ..lexicons.index import lexicon

PUBLIC = frozenset({"GOV", "PTY", "LEG", "MIL", "DIP", "JUD", "SUB", "IGO", "ROY", "ELI", "STATE"})
# CAMEO actor type codes for the GDELT export (a state alone has none: its country code says it)
CAMEO_TYPE = {"PTY": "GOV", "ROY": "GOV", "ELI": "ELI", "STATE": "", "SPT": "SPT", "ENT": "ENT", "EDU": "EDU",
              "MED": "MED", "BUS": "BUS", "CVL": "CVL", "SUB": "GOV", "HLH": "HLH", "JUD": "JUD"}


def title_sector(title: str) -> str | None:
    found = lexicon().office(title)     # "Thứ trưởng Bộ Ngoại giao": the office opens the title
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
        from .names import org_sector
        known = lexicon().orgs.get(org)
        return known.sector if known is not None and known.sector else org_sector(org) or "ORG"
    if country and not name:
        return "STATE"
    return ""


def is_public(sector: str) -> bool:
    return sector in PUBLIC or sector == "ORG"


def cameo_type(sector: str) -> str:
    return CAMEO_TYPE.get(sector, sector)


# The channel of an exchange (issue 16): through which institutions two countries talk. A sector both sides share
# is the channel (party to party, parliament to parliament); otherwise the first in this order either side holds
# (a General Secretary received by a President is a party channel: the party leads in Vietnam and Laos).
CHANNEL_OF_SECTOR = {"PTY": "party", "ROY": "state", "STATE": "state", "GOV": "government", "DIP": "government",
                     "LEG": "legislature", "MIL": "military", "SUB": "sub-national", "JUD": "government", "IGO": "multilateral"}
CHANNEL_ORDER = ("party", "state", "legislature", "military", "government", "sub-national", "multilateral")


def _title_channel(title: str) -> str | None:
    found = lexicon().office(title)
    if found is None:
        return None
    sector = title_sector(title)
    if sector == "GOV" and found.rank == 1:
        return "state"      # a head of state (Chủ tịch nước, Tổng thống) speaks for the state, not the cabinet
    return CHANNEL_OF_SECTOR.get(sector, "people-to-people")


def side_channels(side: dict | None) -> set[str]:
    if not side:
        return set()
    titles = side.get("titles") or []
    channels = {c for c in (_title_channel(t) for t in titles) if c}
    if not channels:
        sector = actor_sector(side.get("name"), titles, side.get("country"), side.get("org"))
        # a country standing alone ("thăm Việt Nam") says nothing of the channel: the other side's holds
        channels = {CHANNEL_OF_SECTOR.get(sector, "people-to-people")} if sector and sector != "STATE" else set()
    return channels


def channel_of(source: dict | None, target: dict | None) -> str:
    """'party', 'state', 'government', 'legislature', 'military', 'sub-national', 'multilateral' or
    'people-to-people' for one exchange, from the sectors of its two sides."""
    a, b = side_channels(source), side_channels(target)
    shared = a & b
    for pool in (shared, a | b):
        for channel in CHANNEL_ORDER:
            if channel in pool:
                return channel
    return "state"     # two countries alone: state to state
