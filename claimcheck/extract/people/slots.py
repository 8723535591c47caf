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
    teammate""".split()
)


def after_occupation(sdoc: Any, first: int) -> bool:
    return first >= 1 and sdoc[first - 1].text in OCCUPATIONS
