"""Every Wikidata property and item id claimcheck uses, and what each means to it. The live
source (sources/wikidata.py), the parser (sources/wikidata_json.py) and the snapshot read them
from here."""

from __future__ import annotations

# Semantic property names (model.py PROPERTIES) → Wikidata property ids.
PROPERTY_IDS = {
    "instance_of": "P31",
    "member_of": "P463",
    "member_count": "P2124",
    "position_held": "P39",
    "headquarters": "P159",
    "location": "P276",
    "population": "P1082",
    "area": "P2046",
    "employees": "P1128",
    "inception": "P571",
    "dissolved": "P576",
    "date_of_birth": "P569",
    "date_of_death": "P570",
    "point_in_time": "P585",
    "country": "P17",
    "party": "P102",
    "head_of_government": "P6",
    "head_of_state": "P35",
    "office_holder": "P1308",
    "capital": "P36",
    "revenue": "P2139",
    "net_profit": "P2295",
    "operating_income": "P3362",
    "market_cap": "P2226",
    "total_assets": "P2403",
    "citizenship": "P27",  # country of citizenship
    "place_of_birth": "P19",
    "located_in": "P131",  # located in the administrative territorial entity
    "sports_team": "P54",  # member of sports team
    "has_part": "P527",  # has part(s): a band's members, for group membership
    # An organization's heads, read for "Arsenal manager X", "YouTube chief executive X".
    "head_coach": "P286",
    "chairperson": "P488",
    "ceo": "P169",  # chief executive officer
    "director_manager": "P1037",
    "editor_in_chief": "P5769",  # a newspaper's editor
    "film_director": "P57",  # a film's director
}
QUALIFIER_IDS = {
    "start_time": "P580",
    "end_time": "P582",
    "point_in_time": "P585",
    "of": "P642",
    "electoral_district": "P768",
    "determination_method": "P459",
}
INSTANCE_OF = PROPERTY_IDS["instance_of"]

# instance-of values → the coarse types entity linking compares with NER labels.
TYPE_ITEMS = {
    "Q5": "human",
    "Q6256": "country",
    "Q3624078": "country",  # sovereign state
    "Q7275": "country",  # state
    "Q515": "city",
    "Q1549591": "city",  # big city
    "Q5119": "city",  # capital city
    "Q1637706": "city",  # city with millions of inhabitants
    "Q200250": "city",  # metropolis
    "Q82794": "region",
    "Q10864048": "region",  # first-level administrative country subdivision
    "Q35657": "region",  # U.S. state
    "Q43229": "organization",
    "Q484652": "organization",  # international organization
    "Q245065": "organization",  # intergovernmental organization
    "Q7278": "organization",  # political party
    "Q4830453": "organization",  # business
    "Q1127126": "organization",  # military alliance
    "Q4167410": "disambiguation",  # Wikimedia disambiguation page: never the thing meant
    "Q13406463": "list",  # Wikimedia list article
}

# `snapshot build --kind`: the instance-of values (direct, a dump has no subclass closure) that
# make an item one of these kinds.
KIND_ITEMS = {
    "people": frozenset({"Q5"}),
    "countries": frozenset(k for k, v in TYPE_ITEMS.items() if v == "country"),
    "organizations": frozenset(k for k, v in TYPE_ITEMS.items() if v == "organization"),
    "places": frozenset(
        {*(k for k, v in TYPE_ITEMS.items() if v in ("city", "region")), "Q486972", "Q3957"}
    ),  # human settlement, town
    "positions": frozenset({"Q4164871", "Q48352", "Q2285706", "Q30461", "Q83307", "Q1553195"}),
}  # position, head of state, head of government, president, minister, deputy prime minister
# Quantity units → semantic unit names; any other unit keeps only its id (Quantity.unit None).
UNIT_NAMES = {
    "Q11573": "metre",
    "Q828224": "kilometre",
    "Q712226": "square kilometre",
    "Q25343": "square metre",
    "Q11229": "percent",
    "Q4917": "USD",
    "Q4916": "EUR",
    "Q25224": "GBP",
    "Q41044": "RUB",
    "Q8146": "JPY",
    "Q25344": "CHF",
    "Q39099": "CNY",
    "Q80524": "INR",
    "Q1104069": "CAD",
    "Q259502": "AUD",
    "Q202040": "KRW",
    "Q122922": "SEK",
    "Q577": "year",
    "Q573": "day",
}
CALENDARS = {"Q1985727": "gregorian", "Q1985786": "julian"}
ENTITY_PREFIX = {"item": "Q", "property": "P", "lexeme": "L"}
LABEL_LANGUAGES = ("en", "mul", "en-gb", "en-ca")  # `mul` holds names that are the same everywhere
