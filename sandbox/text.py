"""Word pools for synthetic values, including awkward ones (quotes, newlines, unicode, emoji)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .rng import Rng

FIRST_NAMES = (
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "John",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Daniel",
    "Nancy",
    "Matthew",
    "Lisa",
    "Anthony",
    "Betty",
    "Mark",
    "Sandra",
    "Zoë",
    "José",
    "François",
    "Łukasz",
    "Søren",
    "Chloé",
    "Björn",
    "Anaïs",
    "Renée",
    "Miyu",
    "Aarav",
    "Olamide",
    "Анна",
    "李",
    "Mary-Jane",
    "",
    "Jean Luc",
)
LAST_NAMES = (
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "O'Brien",
    "Müller",
    "Smith-Jones",
    "van der Berg",
    "García",
    "Nguyễn",
    "Østergård",
    "D'Angelo",
    "Kowalczyk",
    "Иванова",
    "王",
    "",
)
DOMAINS = (
    "example.com",
    "example.org",
    "mail.example.net",
    "acme.test",
    "globex.example",
    "initech.example",
    "umbrella.example",
    "hooli.test",
)
COMPANIES = (
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Vandelay",
    "Stark",
    "Wayne",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Wonka",
    "Gringotts",
    "Oscorp",
    "Monarch",
    "Nakatomi",
    "Aperture",
    "Black Mesa",
    "Duff",
    "Krusty",
)
COMPANY_SUFFIXES = (
    "Inc.",
    "LLC",
    "Ltd",
    "GmbH",
    "& Sons",
    "Holdings",
    "Labs",
    "Group",
    "S.A.",
    "Co.",
)
AWKWARD_COMPANIES = (
    'Acme "Rockets" Inc.',
    "Ça Va Café",
    "Smith & Sons, LLC",
    "Müller Bäckerei GmbH",
    "O'Reilly's Pub",
    "東京 Trading K.K.",
    "Line\nBreak Ltd",
    "🚀 Launchpad",
)
WORDS = (
    "quarterly",
    "renewal",
    "upgrade",
    "pilot",
    "enterprise",
    "starter",
    "annual",
    "license",
    "onboarding",
    "expansion",
    "support",
    "migration",
    "consulting",
    "training",
    "bundle",
    "platform",
    "analytics",
    "integration",
    "premium",
    "seats",
    "module",
    "rollout",
    "audit",
)
SENTENCES = (
    "Followed up after the demo.",
    "Asked for a revised quote.",
    "Left a voicemail, will try again Tuesday.",
    "Interested in the annual plan.",
    "Needs sign-off from finance.",
    "Requested a call next week.",
    "Sent pricing sheet and case study.",
)
AWKWARD_TEXTS = (
    'Said "maybe next quarter" and hung up',
    "Line one\nLine two\nLine three",
    "Great meeting 🎉 — very positive",
    "Tab\tseparated\tvalues",
    "Backslash \\ path C:\\temp\\file.txt",
    "Ünïcödé ✓ naïve café",
    "<b>HTML</b> & ampersands < > in text",
    "Comma, separated, value; semicolon",
    "Trailing spaces   ",
    "",
)
JOB_TITLES = (
    "CEO",
    "CTO",
    "Head of Marketing",
    "Sales Manager",
    "Product Manager",
    "Engineer",
    "Office Manager",
    "VP Sales",
    "",
    "Directeur général",
    "Owner / Founder",
)
USER_AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko)",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15",
)


@lru_cache(maxsize=4096)
def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters and digits only (for e-mail local parts and perstags)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed.lower() if ch.isascii() and ch.isalnum())


def company(rng: Rng) -> str:
    if rng.chance(0.15):
        return rng.choice(AWKWARD_COMPANIES)
    return f"{rng.choice(COMPANIES)} {rng.choice(COMPANY_SUFFIXES)}"


def sentence(rng: Rng, awkward: float = 0.2) -> str:
    if rng.chance(awkward):
        return rng.choice(AWKWARD_TEXTS)
    return rng.choice(SENTENCES)


def title(rng: Rng, words: int = 3) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def phone(rng: Rng) -> str:
    if rng.chance(0.3):
        return ""
    return f"+1 {rng.randint(200, 989)}-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}"


IP4_LO, IP4_HI = 16777216, 3758096383  # 1.0.0.0 to 223.255.255.255


def ip4(rng: Rng) -> str:
    """An IPv4 address as the API stores it: an integer in a string."""
    return str(rng.randint(IP4_LO, IP4_HI))


def hex_string(rng: Rng, length: int) -> str:
    return "".join(["0123456789abcdef"[rng.bits() & 15] for _ in range(length)])
