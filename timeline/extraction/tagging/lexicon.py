"""Word lists and regex building blocks for entity tagging (English news copy)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def words(text: str) -> frozenset[str]:
    """A frozenset from a whitespace-separated word list."""
    return frozenset(text.split())


def slugify(name: str) -> str:
    """ASCII slug of a name ("Serhii Cherevatyi" -> "serhii-cherevatyi")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def ascii_fold(text: str) -> str:
    """The text without diacritics ("Erdoğan" -> "Erdogan")."""
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c))


def trie_pattern(items: Iterable[str]) -> str:
    """One regex alternation for many literals, factored by common prefixes.

    Python's re tries the branches of a flat alternation one by one; a prefix tree makes the
    cost per position depend on the text, not on the number of aliases.
    """
    root: dict = {}
    for item in items:
        node = root
        for ch in item:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(root) or "(?!)"


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # where a shorter alias ends, the longer branch is still tried first (greedy "?")
    return f"(?:{body})?" if ends else body


# Nouns that make "X's ..." or "... of X" a place reference rather than an actor.
PLACE_NOUNS = words(
    """region regions oblast oblasts province provinces city cities town towns village villages
    capital port ports coast coastline border borders frontier territory territories soil
    airspace skies sky south north east west southeast southwest northeast northwest part parts
    outskirts suburbs suburb streets street centre center downtown residents mayor district
    districts area areas front frontline countryside heartland interior peninsula waters shores
    shore embankment riverbank bank banks hinterland side regional municipal metro airport
    neighbourhood neighborhood people population citizens"""
)
# Adjectives skipped between a possessive and its noun ("Ukraine's southern Kherson region").
PLACE_ADJECTIVES = words(
    """southern northern eastern western central south-eastern southeastern north-eastern
    northeastern south-western southwestern north-western northwestern occupied annexed besieged
    frontline front-line border key strategic entire whole own liberated embattled"""
)
# "in X" and the like put a country on the map instead of on the list of actors.
LOCATIVE = r"(?:in|inside|within|across|throughout|into|at|near|around|outside)"
# Before "to X": travel, so X is where the event happens ("returning to Belarus").
MOVEMENT = (
    r"(?:return|returns|returned|returning|travel|travels|travelled|traveled|travelling|"
    r"traveling|way|trip|visit|visits|visited|visiting|head|heads|headed|heading|fly|flies|flew|"
    r"flying|flown|fled|flee|flees|fleeing|move|moves|moved|moving|arrive|arrives|arrived|"
    r"arriving|came|come|comes|go|goes|went|gone|going|retreat|retreated|retreating|withdrew|"
    r"withdraw|withdrawn|withdrawing|redeployed|redeploying|evacuated|relocated|back|journey)"
)
# Prepositions after which a city is a place, never the government it hosts.
CITY_PREPOSITIONS = words(
    """in inside within across throughout into at near around outside of from to towards toward
    on over off via through between beyond past under above along"""
)
# After a capital: it acts ("Moscow denies", "the Kiev regime").
ACTOR_NOUNS = words(
    """government governments regime authorities officials leadership administration junta elites
    hawks diplomats side"""
)
VERBS = words(
    """is was has had have are were will would can could may might must should shall does did
    says said claims claimed denies denied refuses refused rejects rejected wants wanted insists
    insisted accuses accused warns warned agrees agreed annexed launched launches sent sends
    sought seeks demands demanded responds responded announced announces considers considered
    calls called views viewed sees saw hopes hoped plans planned believes believed knows knew
    expects expected signed signs ordered orders threatened threatens urged urges continues
    continued ignores ignored shies pretends pretended tries tried intends intended needs needed
    blames blamed condemned condemns recognised recognized supports supported backs backed
    retaliated retaliates imposed imposes expelled expels summoned summons approved approves
    admitted admits vowed vows pledged pledges promised promises attacked attacks fired fires
    shelled prepares prepared hit struck targeted targets decided decides confirmed confirms
    reported reports responded sought seeks sanctioned sanctions welcomed welcomes offered offers
    proposed proposes delivered delivers provided provides received receives used uses told tells
    stated states argued argues asked asks made makes took takes gave gives got gets"""
)
ADVERBS = words(
    """also still now already repeatedly reportedly allegedly again never even then officially
    previously long earlier later immediately quickly apparently firmly strongly publicly
    formally ultimately effectively clearly increasingly subsequently recently itself too yet
    not has have had"""
)
# A demonym or name before these is a label, not an actor ("Turkish-made drones").
HYPHEN_LABEL = re.compile(
    r"^-(?:made|built|born|based|designed|produced|manufactured|speaking|language|style|era|"
    r"registered|flagged)\b"
)
BLOCKED_HEADS = re.compile(
    HYPHEN_LABEL.pattern + r"|^\s+(?:language|resort|company|companies|firm|firms|"
    r"energy\s+group|businessman|businessmen|billionaire|tycoon|journalist|journalists|reporter|"
    r"author|writer|artist|singer|footballer|club|team|athletes?|cuisine|word|phrase)\b"
)
# A place before these names something else ("Black Sea grain deal", "Kyiv Independent").
BLOCKED_AFTER_PLACE = re.compile(
    r"^\s+(?:(?i:grain|deal|agreements?|accords?|format|protocols?|process|declaration|"
    r"conventions?|communiqu[ée]|formula|memorandum|statute|charter)|Fleet|University|College|"
    r"Institute|Post|Times|Journal|Independent|Group|Club|Dynamo|Metropolis|Patriarchate|"
    r"Exchange|Airlines)\b"
)
# After "Kyiv was": the city suffered something, it did not act ("Kyiv was hit overnight").
PLACE_PASSIVE = words(
    """hit struck shelled attacked targeted rocked bombarded bombed shaken plunged left damaged
    under without quiet calm covered flooded encircled surrounded besieged captured liberated
    retaken recaptured occupied evacuated blacked cut home located situated subjected spared
    pounded battered shelled rattled jolted awakened woken lit"""
)
# "ambassador to X": X hosts the envoy, it does not act.
ENVOY_BEFORE = re.compile(
    r"\b(?:ambassadors?|envoys?|representatives?|mission|embassy|delegates?|"
    r"permanent\s+representative)\s+(?:to|at|in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# After a person: the name labels a government or era, the person does not act.
PERSON_LABEL_AFTER = re.compile(
    r"^\s+(?:administration|government|regime|era|doctrine|cabinet|camp|allies|loyalists|team|"
    r"family|presidency|plan|formula|'s|’s)\b"
)
RELATIONS = (
    r"(?:aides?|advisers?|advisors?|spokes(?:man|woman|person|people)|envoys?|ally|allies|critics?|"
    r"opponents?|confidants?|confidante|sons?|daughters?|wife|husband|friends?|associates?|"
    r"release|detention|arrest|jailing|relatives?)"
)

# Titles and roles written before or beside a person's name (matched case-insensitively).
ROLE_WORDS = (
    *(f"{rank}minister" for rank in ("", "deputy ", "first deputy ", "deputy prime ", "prime ")),
    *(f"{field} minister" for field in (
        "foreign", "deputy foreign", "defence", "defense", "deputy defence", "deputy defense",
        "finance", "interior", "energy", "economy", "justice", "health", "agriculture",
        "first deputy prime",
    )),
    "vice president", "president-elect", "president", "premier", "chancellor",
    "secretary of state", "secretary of defense", "secretary of defence", "defense secretary",
    "defence secretary", "foreign secretary", "home secretary", "press secretary",
    "under secretary", "undersecretary", "assistant secretary", "secretary-general",
    "secretary general", "secretary", "spokesman", "spokeswoman", "spokesperson", "governor",
    "mayor", "ambassador", "envoy", "high commissioner", "commissioner", "director-general",
    "director general", "director", "chief of staff", "chief negotiator", "chief",
    "deputy head", "head", "chairman", "chairwoman", "chairperson", "chair", "speaker",
    "senator", "sen.", "rep.", "congressman", "congresswoman", "lawmaker", "legislator",
    "deputy", "adviser", "advisor", "aide", "commander-in-chief", "commander",
    "lieutenant general", "major general", "brigadier general", "general", "maj. gen.",
    "lt. gen.", "gen.", "colonel", "col.", "lieutenant", "captain", "capt.", "admiral", "adm.",
    "marshal", "ombudsman", "ombudsperson", "ombudswoman", "prosecutor-general",
    "prosecutor general", "prosecutor", "attorney general", "patriarch", "metropolitan",
    "crown prince", "prince", "king", "queen", "emir", "sheikh", "leader", "negotiator",
    "counterpart", "official", "representative", "coordinator", "delegate", "diplomat",
    "monarch", "dictator", "analyst", "expert", "researcher", "fellow", "professor",
    "economist", "historian", "activist", "blogger", "lawyer",
)  # fmt: skip
ROLES = trie_pattern(ROLE_WORDS)
# Tokens that cannot be part of a person's name (organisations, titles, sentence openers).
NAME_STOP = words(
    """The A An He She It They We I In On At As But And For Or This That These Those His Her Its
    Their Our After Before When While Meanwhile However Earlier Later Also Asked According Mr Mrs
    Ms Dr Sir Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
    April May June July August September October November December Ministry Minister Department
    Office Council Committee Agency Service Services Forces Force Army Navy Air Command Staff House
    Security Defense Defence Foreign Affairs National State General Prime President Deputy
    Secretary Chief Head Governor Mayor Spokesman Spokeswoman Spokesperson Ambassador Commander
    Region Oblast City Republic Federation Union University Institute Center Centre Bureau
    Administration Government Parliament Assembly Court Group Company Bank Fund News Press Times
    Post Twitter Telegram Facebook Instagram YouTube Reuters Associated Bloomberg CNN BBC TASS
    Interfax Ukrinform RIA Novosti Independent Armed Grouping Eastern Western Southern Northern
    Central European Eurasian Policy Operations Intelligence Energy Finance Justice Interior
    Economy Health Emergency Emergencies Police Guard Border Coast Operational Joint Strategic
    Military Naval Special Agreement Treaty Initiative Programme Program Council Commission
    Parliamentary Supreme Presidential Cabinet Democrats Republicans Congress Senate Kremlin
    White Pentagon Office Street Square Avenue Journal Wall Despite Amid Following Since Until
    Under Over With Without From Into Through Then Now Today Yesterday Overnight Speaking Writing
    Addressing Separately Still Such Some Many Most Both Several Other Another Every Each Any No
    Not Ukraine Russia Photo Video Watch Read Follow Live Update Updates Breaking Latest Former
    Acting Interim Vice Lieutenant Colonel Major Captain Admiral Marshal Sergeant Private Rev"""
)
