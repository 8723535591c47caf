"""A sports club the model tags PERSON ("Aston Villa", "Sporting Braga", "Cruz Azul"), told by
what a club has around it and a person does not: a match's score ("Real Madrid beat Bayern Munich
2-1", "Aston Villa 3–0 Nottingham Forest"), a fixture or a result between two names in a
sentence of a team sport ("In rugby union, X beat Y", "X v Y in the league"), a club's
people after it ("Sparta Prague manager X", "the Bayern Munich squad") and a transfer's
destination ("signed for Inter Milan", "on loan at X", "a move to Al Nassr").

A tennis set ("Carlos Alcaraz beat Jannik Sinner 6-4", one side at 6 or 7) is no club's score,
a contest without a team sport's word is anyone's ("Carlos Alcaraz v Jannik Sinner"; nor is
"playoff" one: sumo has them), and the subject of a transfer ("Messi joined Inter Miami") stays
a person: only its object is read here. Used by `screen.not_a_person_here`."""

from __future__ import annotations

import re

_SCORE = r"(\d{1,3})\s?[-–]\s?(\d{1,3})"
_NAME = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w.'’&-]*(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.'’&-]*|de|del|di|do|da))*"
_WON = (
    r"(?:beat|beats|defeat|defeats|defeated|defeating|beating|edged|edges|thrashed|thrash(?:es)?)"
)
_RESULT_AFTER = rf"(?:{_WON}|dr[ae]w|draws?|lost|loses?)"
_RESULT_BEFORE = rf"(?:{_WON}|dr[ae]w\s+with|draws?\s+with|lost\s+to|loses?\s+to|lose\s+to|over)"
# Right after the name: its score ("Aston Villa 3–0"), or a result and a score ("drew 1-1
# with", "lost 4–2 to"), or a result, the other side and a score ("beat Bayern Munich 2-1").
_SCORE_AFTER = re.compile(
    rf"^\s+(?:(?:{_RESULT_AFTER}|held)\s+(?:{_NAME}\s+)?)?{_SCORE}(?!\s?[-–%])(?!\d)"
)
# Right before the name: a score ("3–0 Nottingham Forest") or a result, then a score after it.
_SCORE_BEFORE = re.compile(rf"{_SCORE}\s+(?:(?:with|to|against|over)\s+)?$")
_RESULT_OF = re.compile(rf"\b{_RESULT_BEFORE}\s+$")
_FIXTURE_AFTER = re.compile(r"^\s+(?:v|vs\.?|versus)\s+[A-ZÀ-ÖØ-Þ]")
_FIXTURE_BEFORE = re.compile(r"[A-Za-zÀ-ÿ.]\s+(?:v|vs\.?|versus)\s+$")
_RESULT_NEXT = re.compile(
    rf"^\s+{_RESULT_AFTER}\s+(?:with\s+|to\s+)?(?:second-tier\s+|the\s+)?{_NAME}"
)
# The words of a team sport in the sentence ("In association football, ...").
_TEAM_SPORT = re.compile(
    r"\b(?:football|soccer|rugby|basketball|hockey|cricket|volleyball|baseball|handball"
    r"|polo|netball|futsal|league|premiership|bundesliga|serie\s+a|la\s+liga|ligue\s+1"
    r"|eredivisie|cup|derby|kick-off|matchday|fixture)\b",
    re.IGNORECASE,
)
# A sport of one against one, or a vote: its scores and results are people's ("In table tennis,
# X defeats Y 4–1", "X is re-elected, defeating Y").
_PEOPLES_CONTEST = re.compile(
    r"\b(?:tennis|badminton|squash|golf|boxing|boxer|chess|snooker|darts|judo|wrestling|wrestler"
    r"|fencing|sumo|singles|doubles|elect(?:ed|ion|ions)?|re-elected|runoff|run-off|ballot"
    r"|vote|votes|primary|candidate)\b",
    re.IGNORECASE,
)
# A club's people and parts right after its name (also after "'s"): never a person's.
CLUB_AFTER = frozenset(
    """squad squads manager managers coach coaches boss head-coach players player striker strikers
    midfielder midfielders defender defenders goalkeeper goalkeepers keeper winger wingers
    forward forwards full-back centre-back left-back right-back academy youngster youngsters
    loanee captain""".split()
)
_CLUB_AFTER = re.compile(r"^(?:['’]s)?\s+(?:head\s+)?([\w-]+)")
# A transfer's destination: "signed for X", "a move to X", "on loan at X", "joined X from Y".
_TRANSFER_TO = re.compile(
    r"\b(?:sign(?:s|ed|ing)?\s+for|(?:a\s+|his\s+|her\s+|the\s+)move\s+to|loan(?:ed)?\s+"
    r"(?:at|to|from|with)|transfer(?:red)?\s+to|re-?joined)\s+$",
    re.IGNORECASE,
)
_JOINED = re.compile(r"\bjoin(?:s|ed|ing)?\s+$")
_FROM_AFTER = re.compile(rf"^\s+(?:from\s+{_NAME}|on\s+(?:a\s+)?(?:loan|free|\w+-year))")


def a_club_here(text: str, start: int, end: int) -> bool:
    """The words around text[start:end] make the name a sports club's."""
    before, after = _sentence_before(text[:start]), text[end:]
    if _PEOPLES_CONTEST.search(_sentence(text, start, end)):
        return _transfer(before, after)
    if _team_score(_SCORE_AFTER.match(after)):
        return True
    if _team_score(_SCORE_BEFORE.search(before)) and not _RESULT_OF.search(before):
        return True  # "3–0 Nottingham Forest"
    if _RESULT_OF.search(before) and _team_score(re.match(rf"^\s+{_SCORE}(?!\d)", after)):
        return True  # "beat Bayern Munich 2-1"
    contest = (
        _FIXTURE_AFTER.match(after)
        or _FIXTURE_BEFORE.search(before)
        or _RESULT_OF.search(before)
        or _RESULT_NEXT.match(after)
    )
    if contest and _TEAM_SPORT.search(_sentence(text, start, end)):
        return True  # "In rugby union, Union Bordeaux Bègles beat Leinster Rugby", "X v Y"
    return _transfer(before, after)


def _transfer(before: str, after: str) -> bool:
    """A club's people after the name, or the name a transfer's destination."""
    follows = _CLUB_AFTER.match(after)
    if follows is not None and follows.group(1).lower() in CLUB_AFTER:
        return True
    if _TRANSFER_TO.search(before):
        return True
    return _JOINED.search(before) is not None and _FROM_AFTER.match(after) is not None


def _team_score(m: re.Match[str] | None) -> bool:
    """A match's score, not a tennis set's (one side at 6 or 7) nor a year's range."""
    if m is None:
        return False
    a, b = int(m.group(1)), int(m.group(2))
    return max(a, b) not in (6, 7) and max(a, b) < 200


def _sentence_before(before: str) -> str:
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("; "))
    return before[cut + 1 :] if cut >= 0 else before


def _sentence(text: str, start: int, end: int) -> str:
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return _sentence_before(text[:start]) + text[start : min(stops) if stops else len(text)]
