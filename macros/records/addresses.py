"""E-mail addresses, phone numbers and web addresses from records, parsed as structures.

A record is untrusted input, and an address is where a reader's click goes: a pattern that matches
`integratie@aalst.be?bcc=...` or `https://www.gent.be%2F...:x@evil.example/` sends her mail or her
browser somewhere the text does not show. So each address is parsed by a library made for it, refused
with a Dutch message when it is anything but one plain address, and every link is built from the parsed
parts, never from the text as written:

- e-mail: `email-validator` (offline: no DNS), one addr-spec and nothing around it;
- phone: `phonenumbers` (the `phonenumberslite` distribution: the same parser without the geocoding
  data), read as a Belgian number unless it starts with `+`;
- web: pydantic's URL parser, then the host checked against the public suffix list that
  `publicsuffixlist` ships (no download at run time).

The privacy rules for contacts (no private mail providers, a warning for a mobile number or a
`voornaam.naam@` address) live here too, so that every `Contact` of every model gets them.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

import email_validator
import phonenumbers

from macros.records.problems import quoted

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList
    from pydantic import HttpUrl

EXAMPLE_SUFFIX = "example"
"""The top-level domain RFC 2606 reserves for examples: it never resolves, so a link to it goes nowhere.
The fictional demo corpus and the templates use it (`demostad.example`); the public suffix list does not
know it, so it is accepted here by name. `tests/test_content.py` keeps it out of the shipped records."""

PRIVATE_MAIL_PROVIDERS = frozenset(
    {
        # Curated list: mail services where people have their own, private address. An address at
        # one of them is a person's, never a municipal service's (README, "Contributor text is
        # untrusted"; CONTRIBUTING, "Een contactrol, nooit een privépersoon"). Compared with the
        # registrable domain (`mail.telenet.be` counts as `telenet.be`). Brands that exist under many
        # country domains (hotmail.be, yahoo.fr, live.nl, ...) are in PRIVATE_MAIL_BRANDS below.
        # Belgian access providers and their older names:
        "telenet.be",
        "pandora.be",
        "skynet.be",
        "proximus.be",
        "belgacom.net",
        "scarlet.be",
        "base.be",
        "voo.be",
        "edpnet.be",
        "chello.be",
        # Dutch and French providers that Flemish residents use too:
        "ziggo.nl",
        "kpnmail.nl",
        "planet.nl",
        "hetnet.nl",
        "home.nl",
        "zonnet.nl",
        "orange.fr",
        "free.fr",
        "laposte.net",
        # International free mail whose brand is not the first label:
        "me.com",
        "mac.com",
        "proton.me",
        "pm.me",
        "mail.com",
        "web.de",
        "tutanota.com",
        "tuta.io",
    }
)
PRIVATE_MAIL_BRANDS = frozenset(
    {"gmail", "googlemail", "hotmail", "outlook", "live", "msn", "yahoo", "ymail", "icloud", "aol", "gmx"}
    | {"protonmail", "yandex"}
)
"""Free mail brands, matched on the first label of the registrable domain under any public suffix:
`hotmail.be`, `yahoo.co.uk`, `live.nl`."""

SERVICE_WORDS = frozenset(
    {
        # Words that make `x.y@` the address of a service, not a person's `voornaam.naam@`. Only to
        # spare a service address the warning; a person's address passes this list only when a
        # part of it is one of these words. Add a word when a real service address gets the warning.
        *("info", "contact", "dienst", "diensten", "team", "loket", "onthaal", "secretariaat", "balie"),
        *("integratie", "inburgering", "diversiteit", "samenleven", "welzijn", "sociaal", "ocmw", "asiel"),
        *("vluchtelingen", "nieuwkomers", "taal", "burgerzaken", "communicatie", "bibliotheek", "jeugd"),
        *("sport", "cultuur", "onderwijs", "wonen", "werk", "stad", "gemeente", "project", "lokaal"),
    }
)

_LOCAL_PART = re.compile(r"[A-Za-z0-9._+-]+", re.ASCII)
_PERSON_LIKE = re.compile(r"([a-z]+(?:-[a-z]+)*)\.([a-z]+(?:-[a-z]+)*)", re.ASCII | re.IGNORECASE)
_AFTER_DOMAIN = re.compile(r"[?&#/,;:=%\s]")
_NOT_BARE = re.compile(r"[<>\"'\s]")
_SPACE = re.compile(r"\s")
_AUTHORITY = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)", re.ASCII)


# --- e-mail --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MailAddress:
    """One addr-spec: the part before the @ (ASCII) and the domain, in its ASCII (IDNA) form."""

    local: str
    domain: str

    def __str__(self) -> str:
        return f"{self.local}@{self.domain}"

    @property
    def href(self) -> str:
        """`mailto:` with the local part percent-encoded (RFC 6068), so no `?` or `&` in it can add a
        header such as `bcc`."""
        return f"mailto:{quote(self.local, safe='.-_')}@{self.domain}"


@functools.lru_cache(maxsize=4096)
def parse_email(text: str) -> MailAddress:
    """The address in `text`, or ValueError with a Dutch message when `text` is anything but one
    plain address: no `mailto:`, no name or `<>`, no second address, nothing after the domain.

    Remembered per text (a corpus repeats its service addresses, and the page and the checks ask
    again); the library takes a tenth of a millisecond per address."""
    shown = quoted(text)
    if text.lower().startswith("mailto:"):
        raise ValueError(
            f"schrijf het adres zonder 'mailto:' ervoor, dus {quoted(text[7:])}; de site maakt de link zelf"
        )
    if _NOT_BARE.search(text):
        raise ValueError(
            f"{shown} is geen kaal e-mailadres; schrijf alleen het adres, zonder naam, spaties, "
            "aanhalingstekens of <>, zoals integratie@gemeente.be"
        )
    if text.count("@") != 1:
        problem = "er staat geen @ in" if "@" not in text else "er staat meer dan één @ in"
        raise ValueError(
            f"{shown} is geen e-mailadres: {problem}; schrijf één adres, zoals integratie@gemeente.be"
        )
    local, domain = text.split("@")
    if _AFTER_DOMAIN.search(domain):
        raise ValueError(
            f"na het domein van {shown} staat nog iets (zoals ?bcc= of ?subject=, of een tweede adres); "
            "schrijf alleen het adres, zoals integratie@gemeente.be"
        )
    if not _LOCAL_PART.fullmatch(local):
        raise ValueError(
            f"voor de @ in {shown} staan tekens die in een adres van een dienst niet horen; gebruik "
            "alleen letters zonder accenten, cijfers en . _ + -"
        )
    try:
        parsed = email_validator.validate_email(
            text,
            check_deliverability=False,  # offline: no DNS lookups while validating or building
            allow_smtputf8=False,
            allow_quoted_local=False,
            allow_domain_literal=False,
            allow_display_name=False,
        )
    except email_validator.EmailNotValidError:
        message = f"{shown} is geen geldig e-mailadres; schrijf het als integratie@gemeente.be"
        raise ValueError(message) from None
    domain_problem = host_problem(parsed.ascii_domain, "schrijf het adres als integratie@gemeente.be")
    if domain_problem:
        raise ValueError(f"het domein van {shown} {domain_problem}")
    address = MailAddress(parsed.local_part, parsed.ascii_domain)
    registrable = registrable_domain(address.domain)
    if registrable in PRIVATE_MAIL_PROVIDERS or registrable.split(".")[0] in PRIVATE_MAIL_BRANDS:
        raise ValueError(
            f"{shown} is een adres bij {registrable}, een maildienst voor privépersonen; geef het "
            "functionele adres van de dienst (zoals integratie@gemeente.be), nooit een persoonlijk adres"
        )
    return address


def email_warning(address: MailAddress) -> str | None:
    """A question when the address reads like a person's `voornaam.naam@`, else None."""
    match = _PERSON_LIKE.fullmatch(address.local)
    if match is None:
        return None
    words = {part for group in match.groups() for part in group.lower().split("-")}
    if words & SERVICE_WORDS:
        return None
    return (
        f"{quoted(str(address))} ziet eruit als voornaam.naam@: is het het adres van een dienst en niet "
        "van een persoon? Geef anders het algemene adres van de dienst"
    )


# --- phone ---------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def parse_phone(text: str) -> phonenumbers.PhoneNumber:
    """The number in `text` (Belgian unless it starts with `+` or `00`), or ValueError in Dutch."""
    try:
        number = phonenumbers.parse(text, "BE")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValueError(
            f"{quoted(text)} is geen bestaand telefoonnummer; schrijf het met zonenummer, zoals "
            "015 29 76 66, of internationaal, zoals +32 15 29 76 66"
        )
    return number


def phone_href(text: str) -> str:
    """`tel:` with the number in E.164 (`tel:+3215297666`), built from the parsed number."""
    return "tel:" + phonenumbers.format_number(parse_phone(text), phonenumbers.PhoneNumberFormat.E164)


def phone_warning(text: str) -> str | None:
    """A question when the number is a mobile one (`0476 ...`, `+32 476 ...`), else None."""
    number = parse_phone(text)
    if phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE:
        return None
    return (
        f"{quoted(text)} is een gsm-nummer: is het het nummer van een dienst en niet van een persoon? "
        "Geef anders het algemene nummer van de dienst"
    )


# --- web -----------------------------------------------------------------------------------------------


@functools.cache
def _suffixes() -> PublicSuffixList:
    """The public suffix list shipped with `publicsuffixlist`, read once and only when a record has an
    address; unknown top-level domains are not registrable.

    The package would add the punycode form of every rule (IDNA-encoding all 10,000 of them took
    half of the 0.26 s it needs); hosts reach it in their ASCII form, so only the 459 rules that are
    not ASCII need it. `tests/test_untrusted_input.py` checks that the rules come out the same."""
    from publicsuffixlist import PSLFILE, PublicSuffixList, encode_idn

    with open(PSLFILE, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    encoded = []
    for line in lines:
        rule = line.split(" ")[0].strip()
        if rule and not rule.startswith("//") and not rule.isascii():
            encoded.append(("!" if rule.startswith("!") else "") + encode_idn(rule.lstrip("!")))
    return PublicSuffixList(lines + encoded, accept_unknown=False, accept_encoded_idn=False)


@functools.lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str:
    """`www.gent.be` -> `gent.be`; `user.github.io` -> `user.github.io` (the domain someone registered,
    under the public suffix list); `` when there is none (`be`, `co.uk`, `localhost`, an IP address)."""
    host = host.lower()
    if host.endswith("." + EXAMPLE_SUFFIX):
        return ".".join(host.split(".")[-2:])
    return _suffixes().privatesuffix(host) or ""


def host_problem(host: str, fix: str) -> str | None:
    """Why `host` (ASCII) is not a domain a link may go to, as the end of a Dutch sentence that
    ends in `fix`; else None."""
    bare = host.strip("[]")
    try:
        ipaddress.ip_address(bare)
    except ValueError:
        pass
    else:
        return f"is een IP-adres ({bare}); {fix}"
    if host.endswith("."):
        return f"({host}) eindigt op een punt; laat die punt weg"
    if not registrable_domain(host):
        return f"({host}) is geen domein dat iemand kan registreren, zoals gemeente.be; {fix}"
    return None


def web_address_problem(text: str) -> str | None:
    """Why `text` is not one plain web address, before it is parsed, or None: no white space, no `\\`,
    and nothing but the host before the path (no `naam:wachtwoord@` and no `%` escapes that hide it)."""
    if _SPACE.search(text):
        return (
            f"{quoted(text)} bevat een spatie; een webadres heeft er geen "
            "(schrijf een spatie in het pad als %20)"
        )
    if "\\" in text:
        return f"{quoted(text)} bevat een \\; schrijf / tussen de delen van een webadres"
    authority = _AUTHORITY.match(text)
    if authority and "@" in authority.group(1):
        return (
            f"{quoted(text)} heeft een @ voor de domeinnaam: de link gaat dan naar wat na de @ staat, "
            "niet naar wat ervoor staat; schrijf alleen het adres van de pagina, zoals "
            "https://www.gemeente.be/integratie"
        )
    if authority and "%" in authority.group(1):
        return (
            f"{quoted(text)} heeft een %-code in de domeinnaam, die verbergt waar de link naartoe gaat; "
            "schrijf de domeinnaam met gewone letters, zoals https://www.gemeente.be/integratie"
        )
    return None


def url_problem(url: HttpUrl) -> str | None:
    """Why a parsed web address may not be linked, or None: it needs a registrable domain as its host."""
    if url.username or url.password:  # web_address_problem refuses the text already; the parse agrees
        return f"{quoted(str(url))} heeft een gebruikersnaam of wachtwoord; laat die weg"
    problem = host_problem(url.host or "", "schrijf het adres van de website, zoals https://www.gemeente.be")
    return f"de domeinnaam van {quoted(str(url))} {problem}" if problem else None


def web_host(url: object) -> str:
    """The registrable domain a web address goes to (`gent.be`), for the reader to see; the host itself
    when it has none (only for an address that skipped validation)."""
    match = _AUTHORITY.match(str(url))
    host = match.group(1).rsplit("@", 1)[-1].split(":")[0].lower() if match else ""
    return registrable_domain(host) or host
