"""Where only a person can stand: right after what a person does for a living ("comedian Kunal
Kamra", "the candidates Konstantinos Tasoulas and ..."), a slot the model often tags ORG."""

from __future__ import annotations

from typing import Any

OCCUPATIONS = frozenset(
    """comedian journalist journalists photographer singer rapper actor actress musician artist
    painter poet writer author novelist filmmaker producer player striker midfielder defender
    goalkeeper winger footballer cricketer driver rider cyclist boxer golfer engineer scientist
    economist lawyer billionaire magnate businessman businesswoman entrepreneur influencer pilot
    hostage activist cleric candidate candidates politician manager coach captain boss
    teammate convict incumbent nurse doctor surgeon teacher""".split()
)

# The small words inside a name: "Ursula von der Leyen", "Mohammed bin Salman".
NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "del", "la", "le", "bin", "al", "abu", "ibn"}
)
# What befalls a person, as a headline names it: "Impeachment of X", "Trial of X".
PERSON_EVENTS = frozenset(
    """impeachment trial trials arrest arrests assassination killing murder death funeral
    resignation dismissal ouster removal indictment prosecution conviction sentencing detention
    imprisonment execution kidnapping abduction disappearance extradition pardon inauguration
    presidency premiership chancellorship papacy reign candidacy nomination""".split()
)


def after_occupation(sdoc: Any, first: int) -> bool:
    return first >= 1 and sdoc[first - 1].text in OCCUPATIONS
