"""Canonical subjects across documents.

A name's matching key ignores case, punctuation, dotted abbreviations ("N.V.",
"U.S."), possessives, a leading "the", trailing legal/corporate suffixes
("Alibaba Group Holding Ltd" → "alibaba"; "ARM" → "arm") and accepted
alternative spellings ("Uyghur" is keyed as "Uighur", "Peking" as "Beijing").
On top of the key, ``resolve_names`` joins:

* a longer name that contains a known one-word name plus descriptive words
  ("Hangzhou Hikvision Digital Technology" → Hikvision), or that ends with a
  known name after a place word ("US Commerce Department" → Commerce
  Department); a subsidiary marker after the parent's name keeps it apart
  ("Alibaba Cloud", "Arm China", "Bank of China" is not China);
* an acronym to the one name whose initials it spells ("XUAR" → Xinjiang
  Uighur Autonomous Region, "EADS" → European Aeronautic Defence and Space
  Company, "USAF" → United States Air Force);
* a product-to-maker reference ("the maker of Face++", "Face++ maker") to the
  maker the documents name ("Megvii, the company behind the Face++ platform",
  "iPhone maker Apple"): see ``product_makers``.

Typo corrections found across sources are applied first, so a misspelt
subject's figures are still compared with the others. ``resolve_mentions``
adds within-document references ("the company", "it") for coreference
evaluation (benchmarks/entities_meantime.py).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from claimcheck.resolve.typos import ACCEPTED_VARIANTS

LEGAL_SUFFIXES = {
    "inc", "incorporated", "ltd", "limited", "co", "corp", "corporation", "company", "plc", "llc", "lp",
    "holdings", "holding", "group", "sa", "ag", "nv", "se", "gmbh", "bv", "spa", "kk", "pte", "pty",
}
PLACE_MARKERS = {"europe", "china", "america", "india", "japan", "uk", "us", "usa", "asia", "africa", "germany",
                 "france", "canada", "australia", "korea", "hong", "kong", "singapore", "taiwan", "brazil",
                 "mexico", "russia", "italy", "spain", "international", "global", "north", "south"}
SUBSIDIARY_MARKERS = {
    "cloud", "bank", "capital", "securities", "pictures", "music", "financial", "finance", "insurance",
    "ventures", "fund", "foundation", "university", "bureau", "bureaus", "police", "pay", "health",
    "entertainment", "games", "labs", "research", "airlines", "airways", "motors", "energy", "mobile",
    "media", "studios", "records", "software", "semiconductor", "electronics", "logistics", "express",
} | PLACE_MARKERS
#: sovereign countries (and the short forms news uses for them), as name keys (``name_key``): the place a
#: disaster's toll is given to (corpus/GUIDELINES.md, "Decided in adjudication"), told apart from its towns,
#: islands and districts
COUNTRIES = frozenset({
    "afghanistan", "albania", "algeria", "andorra", "angola", "argentina", "armenia", "australia", "austria",
    "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium", "belize", "benin", "bhutan",
    "bolivia", "bosnia", "bosniaandherzegovina", "botswana", "brazil", "brunei", "bulgaria", "burkinafaso",
    "burma", "burundi", "cambodia", "cameroon", "canada", "capeverde", "centralafricanrepublic", "chad", "chile",
    "china", "colombia", "comoros", "congo", "costarica", "croatia", "cuba", "cyprus", "czechrepublic",
    "czechia", "denmark", "djibouti", "dominica", "dominicanrepublic", "easttimor", "ecuador", "egypt",
    "elsalvador", "eritrea", "estonia", "eswatini", "ethiopia", "fiji", "finland", "france", "gabon", "gambia",
    "georgia", "germany", "westgermany", "eastgermany", "ghana", "greece", "grenada", "guatemala", "guinea",
    "guyana", "haiti", "honduras", "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland",
    "israel", "italy", "ivorycoast", "jamaica", "japan", "jordan", "kazakhstan", "kenya", "kiribati", "kosovo",
    "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "lesotho", "liberia", "libya", "liechtenstein",
    "lithuania", "luxembourg", "madagascar", "malawi", "malaysia", "maldives", "mali", "malta", "mauritania",
    "mauritius", "mexico", "moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique", "myanmar",
    "namibia", "nauru", "nepal", "netherlands", "holland", "newzealand", "nicaragua", "niger", "nigeria",
    "northkorea", "northmacedonia", "macedonia", "norway", "oman", "pakistan", "palau", "panama",
    "papuanewguinea", "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia",
    "rwanda", "samoa", "sanmarino", "saudiarabia", "senegal", "serbia", "seychelles", "sierraleone",
    "singapore", "slovakia", "slovenia", "solomonislands", "somalia", "southafrica", "southkorea", "korea",
    "southsudan", "spain", "srilanka", "sudan", "suriname", "sweden", "switzerland", "syria", "taiwan",
    "tajikistan", "tanzania", "thailand", "togo", "tonga", "trinidadandtobago", "tunisia", "turkey",
    "turkmenistan", "tuvalu", "uganda", "ukraine", "unitedarabemirates", "uae", "unitedkingdom", "uk",
    "britain", "greatbritain", "england", "scotland", "wales", "unitedstates", "us", "usa", "america",
    "unitedstatesofamerica", "uruguay", "uzbekistan", "vanuatu", "vatican", "venezuela", "vietnam", "yemen",
    "zambia", "zimbabwe", "sovietunion", "ussr", "yugoslavia", "czechoslovakia", "zaire",
})
# words that may stand before a known name without making it another entity ("US Commerce Department")
# one-word places: 'Singapore Airlines', 'Air France', 'China Eastern' are not Singapore, France or China
PLACES = {
    "afghanistan", "algeria", "argentina", "australia", "austria", "bangladesh", "belgium", "brazil", "britain",
    "canada", "chile", "china", "colombia", "cuba", "denmark", "egypt", "england", "ethiopia", "europe", "finland",
    "france", "germany", "greece", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "japan",
    "jordan", "kenya", "korea", "kuwait", "lebanon", "libya", "malaysia", "mexico", "morocco", "netherlands",
    "nigeria", "norway", "pakistan", "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia",
    "scotland", "singapore", "somalia", "spain", "sudan", "sweden", "switzerland", "syria", "taiwan", "thailand",
    "turkey", "uganda", "ukraine", "vietnam", "wales", "yemen", "america", "asia", "africa", "london", "paris",
    "beijing", "shanghai", "tokyo", "berlin", "moscow", "dubai", "delhi", "mumbai", "seoul", "sydney", "toronto",
    "washington", "california", "texas", "florida", "hangzhou", "shenzhen", "xinjiang", "detroit", "seattle",
    "chicago", "boston", "atlanta", "dallas", "houston", "miami", "denver", "virginia", "york", "hong", "kong",
}
DESCRIPTIVE_PREFIXES = {"us", "u.s", "american", "chinese", "british", "uk", "china", "china's", "european", "german",
                        "french", "japanese", "indian", "federal", "national", "state", "the", "hong", "kong",
                        "irish", "canadian", "australian", "korean", "south", "north", "united", "states"}
ACRONYM_SKIP = {"and", "of", "the", "for", "&", "de", "du", "la", "le", "des", "in", "on", "at"}
GENERIC_HEADS = {"company", "firm", "group", "startup", "start-up", "business", "giant", "maker", "designer",
                 "conglomerate", "retailer", "lender", "operator", "developer", "manufacturer", "provider",
                 "platform", "chipmaker", "owner", "carrier", "airline", "bank", "automaker", "carmaker",
                 "corporation", "organisation", "organization", "agency", "ministry", "department", "government",
                 "administration", "regulator", "exchange", "insurer", "supplier", "rival", "competitor",
                 "partner", "unit", "subsidiary", "parent", "planemaker", "manufacturers", "companies", "firms"}
PRONOUNS = {"it", "its", "they", "their", "them", "we", "our", "us", "which", "who", "that", "itself", "theirs",
            "whose", "he", "she", "his", "her"}
_PUNCT = re.compile(r"[^\w\s&+-]")
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_VARIANT_CANON: dict[str, str] = {}
for _pair in ACCEPTED_VARIANTS:
    _canon = min(_pair)
    for _form in _pair:
        if _form != _canon:
            _VARIANT_CANON[_form] = _canon


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Matching key for a name: 'The Alibaba Group Holding Ltd.' → 'alibaba'; 'Time Warner' → 'timewarner'."""
    return "".join(name_words(name))


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    text = name.strip().removesuffix("'s").removesuffix("’s").removesuffix("'").removesuffix("’")
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), text)  # "N.V." → "NV", "U.S." → "US"
    text = _PUNCT.sub(" ", text.casefold())
    tokens = text.split()
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in LEGAL_SUFFIXES:
        tokens.pop()
    return tuple(_VARIANT_CANON.get(t, t) for t in tokens)


def is_country(name: str) -> bool:
    """'Indonesia', 'the United States', 'U.S.' → True; 'Qeshm', 'Manokwari', 'Bank of China' → False."""
    return name_key(name) in COUNTRIES


def name_words(name: str) -> list[str]:
    """The words of a name without case, punctuation, possessive, leading 'the' or legal suffixes; accepted
    alternative spellings in one form ('Uyghur' → 'uighur')."""
    return list(_name_words(name))


def _initials(words: Sequence[str]) -> set[str]:
    """Acronyms a multi-word name can go by: initials of its content words, with and without a legal suffix
    and with each hyphenated part counted."""
    out = set()
    content = [w for w in words if w not in ACRONYM_SKIP]
    if len(content) >= 2:
        out.add("".join(w[0] for w in content))
        parts = [p for w in content for p in w.split("-") if p]
        out.add("".join(p[0] for p in parts))
    return {a for a in out if len(a) >= 2}


def _full_words(name: str) -> list[str]:
    """Words of a name keeping legal suffixes (for acronyms: 'EADS' spells European Aeronautic Defence and Space)."""
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), name.strip())
    text = _PUNCT.sub(" ", text.casefold())
    tokens = text.split()
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    return tokens


def is_acronym(surface: str) -> bool:
    letters = surface.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


MAKER_NOUNS = r"(?:maker|makers|manufacturer|developer|creator|owner|operator|producer|publisher|designer|parent)"
_NAME = r"[A-Z][\w&+.'’-]*(?:\s+(?:of\s+)?[A-Z][\w&+.'’-]*){0,4}"
_PRODUCT = r"[A-Z][\w&+'’.-]*(?:\s+[A-Z0-9][\w&+'’.-]*){0,3}"
_MAKER_PATTERNS = [
    # "Megvii, the company behind the Face++ platform"; "Apple, the maker of the iPhone"
    re.compile(rf"(?P<maker>{_NAME}),\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:company|firm|start-?up|group|"
               rf"{MAKER_NOUNS})\s+(?:behind|of)\s+(?:the\s+|its\s+)?(?P<product>{_PRODUCT}|i[A-Z]\w+)"),
    # "Face++ maker Megvii", "iPhone maker Apple"
    re.compile(rf"(?P<product>{_PRODUCT}|i[A-Z]\w+)\s+{MAKER_NOUNS}\s+(?P<maker>{_NAME})"),
    # "Megvii, which makes Face++"; "Apple, which developed the iPhone"
    re.compile(rf"(?P<maker>{_NAME}),\s+(?:which|that|who)\s+(?:makes|made|developed|develops|owns|runs|operates|"
               rf"created|builds|sells)\s+(?:the\s+)?(?P<product>{_PRODUCT}|i[A-Z]\w+)"),
]
_MAKER_REFERENCE = re.compile(
    rf"^(?:the\s+)?(?:(?:{MAKER_NOUNS}|company|firm)\s+(?:behind|of)\s+(?:the\s+)?(?P<p1>.+?)"
    rf"|(?P<p2>.+?)(?:'s|’s)?\s+{MAKER_NOUNS})$", re.I)


def product_makers(texts: Iterable[str]) -> dict[str, str]:
    """Product key → maker name, from phrases the documents use ('Face++ maker Megvii')."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        for pattern in _MAKER_PATTERNS:
            for m in pattern.finditer(text):
                product, maker = m["product"].strip(" .,"), m["maker"].strip(" .,")
                maker = re.sub(r"^(?:The|A|An)\s+", "", maker)
                if name_key(product) and name_key(maker) and name_key(product) != name_key(maker):
                    votes[name_key(product)][maker] += 1
    return {p: c.most_common(1)[0][0] for p, c in votes.items()}


def maker_reference(surface: str, makers: dict[str, str]) -> str | None:
    """'the maker of Face++', 'Face++ maker', "the iPhone's maker" → the maker's name, when the documents name it."""
    m = _MAKER_REFERENCE.match(surface.strip())
    if not m:
        return None
    product = (m["p1"] or m["p2"] or "").strip()
    return makers.get(name_key(product)) if product else None


def resolve_names(names: Iterable[str], corrections: dict[str, str] | None = None, *,
                  makers: dict[str, str] | None = None) -> dict[str, str]:
    """Map every surface name to its canonical display name.

    ``corrections``: typo → right form (applied first). ``makers``: product key → maker (``product_makers``).
    """
    corrections = corrections or {}
    makers = makers or {}
    surfaces = Counter(names)

    def corrected(name: str) -> str:
        for wrong, right in corrections.items():
            name = re.sub(rf"\b{re.escape(wrong)}\b", right, name)
        return name

    by_key: dict[str, Counter] = defaultdict(Counter)
    words: dict[str, list[str]] = {}
    full: dict[str, list[str]] = {}
    for surface, n in surfaces.items():
        fixed = corrected(surface)
        maker = maker_reference(fixed, makers) if makers else None
        if maker:
            fixed = maker
        key = name_key(fixed)
        if not key:
            continue
        by_key[key][surface] += n
        words.setdefault(key, name_words(fixed))
        full.setdefault(key, _full_words(fixed))
    parent = _parents(set(by_key), words, full, {k: any(is_acronym(s) for s in c) for k, c in by_key.items()})
    groups: dict[str, Counter] = defaultdict(Counter)
    for key, counter in by_key.items():
        groups[_root(parent, key)].update(counter)
    mapping: dict[str, str] = {}
    for _key, counter in groups.items():
        # the most used surface form that is not an acronym; on a tie the shortest, then alphabetical
        display = min(counter, key=lambda s: (is_acronym(s) and len(counter) > 1, -counter[s], len(s), s))
        display = display.removeprefix("the ").removeprefix("The ")
        for surface in counter:
            mapping[surface] = display
    return mapping


def _root(parent: dict[str, str], key: str) -> str:
    seen = set()
    while key in parent and key not in seen:
        seen.add(key)
        key = parent[key]
    return key


def _parents(keys: set[str], words: dict[str, list[str]], full: dict[str, list[str]],
             acronym: dict[str, bool]) -> dict[str, str]:
    """key → the key of the entity it is another name of."""
    single = {k for k in keys if len(words[k]) == 1 and len(k) >= 3 and k not in PLACES}
    multi = {tuple(words[k]): k for k in keys if len(words[k]) >= 2}
    parent: dict[str, str] = {}
    for key in keys:
        tokens = words[key]
        if len(tokens) < 2:
            continue
        # a known multi-word name at the end, after descriptive words only: "US Commerce Department"
        for i in range(1, len(tokens) - 1):
            tail = tuple(tokens[i:])
            if tail in multi and all(t in DESCRIPTIVE_PREFIXES for t in tokens[:i]):
                parent[key] = multi[tail]
                break
        if key in parent:
            continue
        hits = [i for i, t in enumerate(tokens) if t in single and t != key]
        if len(hits) != 1:
            continue
        at = hits[0]
        before, after = tokens[:at], tokens[at + 1:]
        # a subsidiary marker after the parent's name ("Alibaba Cloud", "Arm China"), or any non-place marker
        # before it ("Bank of China"), makes another entity
        if set(after) & SUBSIDIARY_MARKERS or (set(before) & SUBSIDIARY_MARKERS) - PLACE_MARKERS:
            continue
        if "of" in before:
            continue
        parent[key] = tokens[at]
    # acronyms: 'XUAR' → the one multi-word name whose initials it spells
    spelled: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        if len(words[key]) >= 2:
            for a in _initials(words[key]) | _initials(full[key]):
                spelled[a].add(key)
    for key in keys:
        if acronym.get(key) and len(words[key]) == 1 and key not in parent:
            targets = {_root(parent, t) for t in spelled.get(key, ())}
            if len(targets) == 1:
                parent[key] = targets.pop()
    return parent


# --- within-document references, for coreference evaluation -----------------------------------------------


@dataclass(frozen=True)
class MentionRef:
    """A mention of an organisation in a document, in reading order."""

    doc: str
    text: str
    position: int  # order inside the document (token or character offset)


def _head_run(part: str) -> str | None:
    """The capitalised run that ends a phrase (its head): 'United States airframer Boeing' → 'Boeing'; None when
    the head is a common noun ('Irish low cost airline', "Europe's biggest aircraft manufacturer")."""
    tokens = part.split()
    while tokens and tokens[-1] in ("'s", "’s", "'", "’", "''", "``", ".", ","):
        tokens.pop()
    run: list[str] = []
    for t in reversed(tokens):
        if t[:1].isupper() or t[:1].isdigit() or (run and t.lower() in ("of", "&", "and", "de")):
            run.insert(0, t)
        else:
            break
    while run and run[0].lower() in ("of", "&", "and", "de", "the", "a", "an"):
        run.pop(0)
    if not run or (len(run) == 1 and run[0].lower() in PRONOUNS):
        return None
    return " ".join(run)


def _named_part(text: str) -> str | None:
    """The proper-name part of a mention: 'Irish national airline Aer Lingus' → 'Aer Lingus'; 'General Motors
    ( GM' → 'General Motors'; 'Irish low cost airline , Ryanair' → 'Ryanair'; None for 'the company'."""
    text = re.sub(r"(?<=\w)\s+-\s+(?=[A-Z])", "-", text)  # 'Wal - Mart' → 'Wal-Mart'
    for part in re.split(r"\s*[,(]\s*", text):
        name = _head_run(part)
        if name:
            return name
    return None


def is_generic(text: str) -> bool:
    """'the company', 'it', 'the formerly state-owned company': a reference, not a name."""
    words = text.split()
    if not words:
        return True
    if text.lower() in PRONOUNS:
        return True
    return _named_part(text) is None


def resolve_mentions(mentions: Sequence[MentionRef], texts: Iterable[str] = (), *,
                     link_generic: bool = True) -> list[str]:
    """A cluster id (the canonical name's key) for each mention, across documents.

    Named mentions go through ``resolve_names`` on their proper-name part; product-to-maker references use the
    makers ``texts`` name; a generic reference ("the company", "it") joins the nearest named mention before it
    in the same document, or stays alone when there is none (or ``link_generic`` is False).
    """
    makers = product_makers(texts)
    named: dict[int, str] = {}
    for i, m in enumerate(mentions):
        maker = maker_reference(m.text, makers) if makers else None
        part = maker or (_named_part(m.text) if m.text.lower() not in PRONOUNS else None)
        if part and name_key(part):
            named[i] = part
    mapping = resolve_names(list(named.values()))
    out: list[str] = []
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].doc, mentions[i].position))
    last: dict[str, str] = {}
    cluster: dict[int, str] = {}
    for i in order:
        m = mentions[i]
        if i in named:
            cluster[i] = name_key(mapping[named[i]])
            last[m.doc] = cluster[i]
        elif link_generic and m.doc in last:
            cluster[i] = last[m.doc]
        else:
            cluster[i] = f"_single:{i}"
    for i in range(len(mentions)):
        out.append(cluster[i])
    return out
