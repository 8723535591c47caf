"""The word lists the entity extractors share (mentions, names, roles, memberships): places,
parties and aliases newsrooms use, and the words that make a title. Plain data and two
predicates, importing nothing from the extractors, so they can all read it without a circle."""

from __future__ import annotations

# Abbreviations newsrooms use without defining them; the linking step searches the long form.
ALIASES: dict[str, str] = {
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "GOP": "Republican Party",
    "EU": "European Union",
    "UN": "United Nations",
    "U.N.": "United Nations",
    "Democrats": "Democratic Party",
    "Republicans": "Republican Party",
    "Tories": "Conservative Party",
    "North Atlantic Treaty Organization": "NATO",
}

DEMONYMS: dict[str, str] = {
    "American": "United States",
    "Russian": "Russia",
    "Ukrainian": "Ukraine",
    "German": "Germany",
    "French": "France",
    "British": "United Kingdom",
    "Chinese": "China",
    "Japanese": "Japan",
    "Italian": "Italy",
    "Spanish": "Spain",
    "Polish": "Poland",
    "Turkish": "Turkey",
    "Swedish": "Sweden",
    "Finnish": "Finland",
    "Norwegian": "Norway",
    "Danish": "Denmark",
    "Dutch": "Netherlands",
    "Belgian": "Belgium",
    "Canadian": "Canada",
    "Mexican": "Mexico",
    "Brazilian": "Brazil",
    "Indian": "India",
    "Israeli": "Israel",
    "Iranian": "Iran",
    "Iraqi": "Iraq",
    "Syrian": "Syria",
    "Egyptian": "Egypt",
    "Saudi": "Saudi Arabia",
    "Australian": "Australia",
    "Irish": "Ireland",
    "Greek": "Greece",
    "Hungarian": "Hungary",
    "Romanian": "Romania",
    "Belarusian": "Belarus",
    "Georgian": "Georgia",
    "Estonian": "Estonia",
    "Latvian": "Latvia",
    "Lithuanian": "Lithuania",
    "Austrian": "Austria",
    "Swiss": "Switzerland",
    "Korean": "Korea",
    "South Korean": "South Korea",
    "North Korean": "North Korea",
    "Pakistani": "Pakistan",
    "Afghan": "Afghanistan",
    "Nigerian": "Nigeria",
    "South African": "South Africa",
    "Kenyan": "Kenya",
    "Argentine": "Argentina",
    "Venezuelan": "Venezuela",
    "Cuban": "Cuba",
    "Portuguese": "Portugal",
    "Czech": "Czech Republic",
    "Slovak": "Slovakia",
    "Serbian": "Serbia",
    "Croatian": "Croatia",
    "Bulgarian": "Bulgaria",
}

KNOWN_COUNTRIES: frozenset[str] = frozenset(DEMONYMS.values()) | {
    "China",
    "Taiwan",
    "Vietnam",
    "Thailand",
    "Indonesia",
    "Philippines",
    "Malaysia",
    "Singapore",
    "Moldova",
    "Kazakhstan",
    "Armenia",
    "Azerbaijan",
    "Qatar",
    "United Arab Emirates",
    "Jordan",
    "Lebanon",
    "Ethiopia",
    "Colombia",
    "Chile",
    "Peru",
    "New Zealand",
    "Slovenia",
    "Montenegro",
    "North Macedonia",
    "Albania",
    "Luxembourg",
    "Iceland",
    "Bosnia and Herzegovina",
    "Kosovo",
}

PARTIES: dict[str, str] = {
    "GOP": "Republican Party",
    "Republican": "Republican Party",
    "Republican Party": "Republican Party",
    "Democratic": "Democratic Party",
    "Democrat": "Democratic Party",
    "Democratic Party": "Democratic Party",
    "Labour": "Labour Party",
    "Conservative": "Conservative Party",
    "R": "Republican Party",
    "D": "Democratic Party",
}

US_STATES: frozenset[str] = frozenset(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
    Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts
    Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon
    Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming""".split()
    + [
        "New Hampshire",
        "New Jersey",
        "New Mexico",
        "New York",
        "North Carolina",
        "North Dakota",
        "Rhode Island",
        "South Carolina",
        "South Dakota",
        "West Virginia",
    ]
)

TITLE_HEADS = frozenset(
    """president minister secretary senator sen. representative rep. congressman congresswoman
    governor gov. mayor ambassador envoy chancellor chairman chairwoman chair ceo cfo spokesman
    spokeswoman spokesperson director admiral commander king queen prince princess pope judge
    justice speaker leader adviser advisor undersecretary commissioner premier lawmaker mp
    secretary-general president-elect vice-president prosecutor negotiator emir chief
    general executive manager coach boss captain""".split()
)
TITLE_MODIFIERS = frozenset(
    """deputy vice foreign defense defence interior finance health prime first assistant under
    executive press national security attorney senior trade economy energy justice education
    home permanent special managing majority minority supreme high crown state affairs
    intelligence military""".split()
)
APPOINTING = frozenset(
    {"appoint", "name", "elect", "reelect", "nominate", "confirm", "swear", "install"}
)
# "General" alone before a name is a military rank, but "General Motors" is a company: a bare
# "general" counts as a head only after another title word ("Secretary General").
WEAK_HEADS = frozenset({"general", "chief", "leader", "head", "executive"})


def is_title_head(word: str) -> bool:
    return word.lower() in TITLE_HEADS and word.lower() not in WEAK_HEADS


def is_title_word(word: str) -> bool:
    low = word.lower()
    return low in TITLE_HEADS or low in TITLE_MODIFIERS
