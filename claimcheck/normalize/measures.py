"""What a figure measures, as data: the nouns that name a measure (by lemma, with the measure's
canonical name), the words that tell a change and its direction, and which measures a knowledge
source can be asked about. Extraction, the consistency rules and verification all read these
tables, so a new measure is one line here.
"""

from __future__ import annotations

# Noun lemma → the measure it names. Phrases (two lemmas) win over single nouns, so
# "operating profit" is operating income while "profit" alone is net profit.
MEASURE_NOUNS: dict[str, str] = {
    "revenue": "revenue",
    "sale": "sales",
    "turnover": "revenue",
    "takings": "takings",
    "profit": "profit",
    "net profit": "net profit",
    "net income": "net profit",
    "pre-tax profit": "pre-tax profit",
    "pretax profit": "pre-tax profit",
    "operating profit": "operating income",
    "operating income": "operating income",
    "earnings": "earnings",
    "income": "income",
    "loss": "loss",
    "net loss": "net loss",
    "market value": "market capitalisation",
    "market capitalisation": "market capitalisation",
    "market capitalization": "market capitalisation",
    "market cap": "market capitalisation",
    "valuation": "valuation",
    "asset": "assets",
    "total asset": "total assets",
    "export": "exports",
    "import": "imports",
    "budget": "budget",
    "debt": "debt",
    "deficit": "deficit",
    "surplus": "surplus",
    "spending": "spending",
    "expenditure": "spending",
    "investment": "investment",
    "offer": "offer",
    "bid": "offer",
    "deal": "deal value",
    "fee": "fee",
    "fine": "fine",
    "price": "price",
    "cost": "cost",
    "salary": "salary",
    "wage": "wage",
    "pay": "pay",
    "bonus": "bonus",
    "dividend": "dividend",
    "stake": "stake",
    "share": "share",
    "turnout": "turnout",
    "vote": "vote",
    "inflation": "inflation",
    "unemployment": "unemployment",
    "unemployment rate": "unemployment",
    "interest rate": "interest rate",
    "rate": "rate",
    "growth": "growth",
    "economy": "economic growth",
    "gdp": "GDP",
    "output": "output",
    "tax": "tax",
    "funding": "funding",
    "aid": "aid",
    "loan": "loan",
    "bailout": "bailout",
    "grant": "grant",
    "donation": "donations",
    "payment": "payment",
    "compensation": "compensation",
    "damage": "damages",
    "settlement": "settlement",
    "contract": "contract value",
    "package": "package",
    "gross": "box-office gross",
    "box office": "box-office gross",
    "support": "support",
    "approval rating": "approval rating",
    "approval": "approval rating",
    "majority": "majority",
    "margin": "margin",
    "yield": "yield",
    "reserve": "reserves",
    "order": "orders",
    "shipment": "shipments",
    "production": "production",
    "subscriber": "subscribers",
    "user": "users",
    "customer": "customers",
}
# Words that read like a measure but only repeat the figure or its unit: never a measure.
NOT_MEASURES = frozenset(
    "percent per cent % percentage point points dollar pound euro yen franc yuan rupee "
    "cent pence penny m bn mn k b million billion trillion thousand figure number amount "
    "total sum year month week day time level record high low".split()
)
# Words that tell a figure is a change, by the direction they give it.
RISE_WORDS = frozenset(
    "rose rise rises rising risen grew grow grows growing grown increased increase increases "
    "increasing jumped jump jumps climbed climb climbs surged surge soared soar gained gain "
    "advanced up higher boosted".split()
)
FALL_WORDS = frozenset(
    "fell fall falls falling fallen dropped drop drops declined decline declines decreased "
    "decrease decreases slipped slip shrank shrink shrunk plunged plunge slumped slump sank "
    "tumbled down lower cut reduced".split()
)
# Measures a knowledge source is asked about → the semantic property (claimcheck.model).
# Flow measures are figures of a period: they are compared only with the same period's value.
MEASURE_PROPERTIES: dict[str, str] = {
    "revenue": "revenue",
    "revenues": "revenue",
    "sales": "revenue",
    "turnover": "revenue",
    "net profit": "net_profit",
    "net income": "net_profit",
    "operating income": "operating_income",
    "operating profit": "operating_income",
    "market capitalisation": "market_cap",
    "market capitalization": "market_cap",
    "market value": "market_cap",
    "market cap": "market_cap",
    "total assets": "total_assets",
}
PERIOD_PROPERTIES = frozenset({"revenue", "net_profit", "operating_income"})


def measure_of(lemmas: str) -> str | None:
    """The measure a (lower-case, lemmatized) noun phrase names: the longest known tail of it
    ("annual net profit" → net profit), else None."""
    words = lemmas.split()
    for start in range(len(words)):
        found = MEASURE_NOUNS.get(" ".join(words[start:]))
        if found:
            return found
    return None
