"""Words: English content tokens with light stemming and synonyms; Japanese character bigrams."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from factcheck.normalize.months import MONTHS
from factcheck.normalize.regex import LazyPattern

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "into",
        "onto",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "his",
        "her",
        "him",
        "they",
        "them",
        "their",
        "we",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "than",
        "then",
        "there",
        "here",
        "also",
        "so",
        "such",
        "very",
        "just",
        "only",
        "even",
        "still",
        "yet",
        "all",
        "any",
        "both",
        "each",
        "more",
        "most",
        "other",
        "some",
        "same",
        "own",
        "too",
        "can",
        "could",
        "would",
        "should",
        "will",
        "might",
        "must",
        "shall",
        "after",
        "before",
        "over",
        "under",
        "about",
        "against",
        "between",
        "through",
        "during",
        "up",
        "down",
        "out",
        "off",
        "again",
        "further",
        "once",
        "while",
        "because",
        "until",
        "s",
        "t",
        "said",
        "says",
        "say",
        "according",
        "per",
        "via",
        "one",
        "two",
        "its",
        "itself",
        "himself",
        "herself",
        "themselves",
        "mr",
        "ms",
        "mrs",
    ]
)
# Hedges and attributions carry no fact of their own: "reportedly, Musk gave $44M" says what
# "Musk gave $44M" says.
HEDGES = frozenset(
    [
        "reportedly",
        "allegedly",
        "apparently",
        "supposedly",
        "reported",
        "reports",
        "report",
        "claimed",
        "claims",
        "claim",
        "according",
        "lawsuit's",
        "suit's",
        "purportedly",
        "ostensibly",
        "seemingly",
        "evidently",
    ]
)
# Months and days are dates, compared as such; "less", "fewer" and the like qualify amounts.
CALENDAR = frozenset(
    [
        "may",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "less",
        "us",  # "US$44M": currency, not a word
        "usd",
        "bn",
        "mn",
        "fewer",
        # words that qualify an amount ("roughly $50M"), read with it as a range
        "roughly",
        "approximately",
        "approx",
        "around",
        "nearly",
        "almost",
        "exactly",
        "precisely",
        "circa",
        "least",
    ]
) | frozenset(MONTHS)
STOPWORDS = STOPWORDS | HEDGES | CALENDAR

# Words that say the same thing in this domain, mapped to one canonical stem.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "donat": (
        "donat",
        "gave",
        "give",
        "given",
        "giv",
        "contribut",
        "gift",
        "fund",
        "financ",
        "bankroll",
        "put",
    ),
    "employe": ("employe", "staff", "worker", "staffer", "team", "personnel"),
    "ceo": ("ceo", "chief executive", "executive"),
    "found": ("found", "co-found", "cofound", "establish", "incorporat"),
    "launch": (
        "launch",
        "start",
        "set",
        "creat",
        "form",
        "unveil",
        "introduc",
        "debut",
        "roll",
        "releas",
    ),
    "lawsuit": ("lawsuit", "suit", "su", "sue", "complaint", "filing", "court", "litig", "indict"),
    "recruit": ("recruit", "hire", "hir", "lure", "poach", "bring", "attract", "woo"),
    "concern": ("concern", "worri", "worry", "fear", "danger", "risk", "threat", "alarm"),
    "agree": ("agree", "agre", "accept", "endors", "approv", "back", "support", "welcom"),
    "reject": ("reject", "refus", "declin", "dismiss", "rebuff", "turn", "spurn", "deni", "deny"),
    "propos": ("propos", "suggest", "float", "pitch", "offer", "idea", "plan"),
    "email": ("email", "e-mail", "mail", "messag", "wrote", "writ", "letter"),
    "say": ("said", "told", "tell", "claim", "assert", "stat", "declar", "announc", "note"),
    "compan": ("compan", "firm", "startup", "start-up", "business", "venture", "lab", "organ"),
    "nonprofit": ("nonprofit", "non-profit", "npo", "charit"),
    "forprofit": ("for-profit", "forprofit", "commerci", "profit-mak"),
    "data": ("data", "databas", "dataset"),
    "leave": ("leav", "left", "quit", "step", "depart", "resign", "exit"),
    "ai": ("ai", "artificial", "intellig"),
    "chatbot": ("chatbot", "bot", "assistant"),
    "relationship": ("relationship", "friendship", "partnership", "tie", "bond", "allianc"),
    "rival": ("rival", "competitor", "enemi", "adversari", "foe", "competit", "compet"),
    "invest": ("invest", "stake", "backer"),
    "acquir": ("acquir", "acquisit", "buy", "bought", "purchas", "takeover"),
    "mentor": ("mentor", "teacher", "master", "idol", "hero", "role model"),
    "breakthrough": ("breakthrough", "advanc", "progress"),
    "rent": ("rent", "leas", "office cost"),
    "stock": ("stock", "share", "equiti"),
    "blog": ("blog", "post"),
    "discuss": ("discuss", "negotiat", "talk", "deliberat"),
    "meet": ("meet", "met", "meeting", "gathering", "session"),
}
_CANON = {form: canon for canon, forms in _SYNONYMS.items() for form in forms}
# _CANON's forms of four letters or more by length: form -> (its place in _CANON, canon)
_PREFIXES: dict[int, dict[str, tuple[int, str]]] = {}
for _i, (_form, _canon) in enumerate(_CANON.items()):
    if len(_form) >= 4:
        _PREFIXES.setdefault(len(_form), {})[_form] = (_i, _canon)
_IRREGULAR = {
    "gave": "give", "given": "give", "took": "take", "taken": "take", "wrote": "write",
    "written": "write", "told": "tell", "left": "leave", "met": "meet", "sold": "sell",
    "bought": "buy", "began": "begin", "begun": "begin", "ran": "run", "led": "lead",
    "saw": "see", "seen": "see", "thought": "think", "sent": "send", "spent": "spend",
    "made": "make", "became": "become", "went": "go", "gone": "go", "won": "win",
    "lost": "lose", "held": "hold", "kept": "keep", "built": "build", "drew": "draw",
    "grew": "grow", "felt": "feel", "paid": "pay", "stole": "steal", "stolen": "steal",
    "fought": "fight", "brought": "bring", "sought": "seek", "knew": "know", "known": "know",
}  # fmt: skip
_WORD = LazyPattern(r"[a-z][a-z0-9'’-]*|\d+(?:\.\d+)?")
_CJK = LazyPattern(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff々〆ー]")
_HIRAGANA = LazyPattern(r"[\u3040-\u309fー]+")
_JA_TOKEN = LazyPattern(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff々〆ーA-Za-z0-9]+")


def is_japanese(text: str) -> bool:
    """True when the text is mostly Japanese (kana or kanji among its letters)."""
    if not text or max(text) < "\u3005":
        return False  # nothing from 々 (U+3005, the lowest of _CJK) up: no need to compile it
    cjk = len(_CJK.findall(text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return cjk > 0 and cjk * 2 >= latin * 0.5


def stem(word: str) -> str:
    w = word.lower().strip("'’-").replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _IRREGULAR:
        w = _IRREGULAR[w]
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ied", "y"), ("ing", ""), ("ed", ""),
                         ("ly", ""), ("es", ""), ("s", ""), ("e", "")):  # fmt: skip
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: len(w) - len(suffix)] + repl
            if suffix in ("ing", "ed") and len(w) > 4 and w[-1] == w[-2] and w[-1] in "bdglmnprt":
                w = w[:-1]  # "totalled" -> "total", "stopped" -> "stop", "planned" -> "plan"
            break
    return w


_AMERICAN = {"programm": "program", "judgement": "judgment", "chequ": "check"}


def american(s: str) -> str:
    """A stem in American spelling: "centr" (centre) -> "center", "criticis" -> "criticiz",
    "favour" -> "favor", "defenc" -> "defens". Both texts are read the same way, so a
    spelling only needs to meet its counterpart."""
    if s in _AMERICAN:
        return _AMERICAN[s]
    if len(s) >= 6 and s.endswith(("is", "ys")):
        return s[:-1] + "z"
    if len(s) >= 6 and s.endswith("our"):
        return s[:-2] + "r"
    if len(s) >= 4 and s.endswith("tr"):
        return s[:-1] + "er"
    if len(s) >= 6 and s.endswith("enc"):
        return s[:-1] + "s"
    return s


@lru_cache(maxsize=65536)
def canonical(word: str) -> str:
    s = stem(word)
    if s not in _CANON and word.lower() not in _CANON:
        s = american(s)
    if s in _CANON:
        return _CANON[s]
    low = word.lower()
    if low in _CANON:
        return _CANON[low]
    found = None  # the first form of four letters or more (in _CANON's order) s starts with
    for length, forms in _PREFIXES.items():
        hit = forms.get(s[:length])
        if hit is not None and (found is None or hit < found):
            found = hit
    return s if found is None else found[1]


def en_tokens(text: str) -> set[str]:
    """Canonical content stems of an English text."""
    text = unicodedata.normalize("NFKC", text).lower()
    out = set()
    for word in _WORD.findall(text):
        if word.endswith(("n't", "n’t")):
            out.add("not")  # "didn't", "wasn't" say what "did not" says
            continue
        if word in STOPWORDS or len(word) < 2 or word[0].isdigit():
            continue  # numbers are values, compared as such, not topic words
        out.add(canonical(word))
    return out - STOPWORDS


def ja_tokens(text: str) -> set[str]:
    """Character bigrams of the Japanese (and embedded Latin) runs of a text."""
    text = unicodedata.normalize("NFKC", text)
    out: set[str] = set()
    for run in _JA_TOKEN.findall(text):
        if run.isascii():
            out.add(run.lower())
            continue
        out.update(
            bigram for i in range(len(run) - 1)
            if not _HIRAGANA.fullmatch(bigram := run[i : i + 2])
        )  # fmt: skip
    return out


def opens_with(text: str, at: int) -> bool:
    """Does what stands at ``at`` open the sentence (two words before it at most, no comma):
    "Altman named ...", "Then Altman named ...", not "When investors shorted Tesla, ..."?"""
    before = text[:at]
    return "," not in before and len(before.split()) <= 2
