"""The verdict on one statement: weigh the candidate claims (or the passage it copies) and
decide supported, contradicted or unknown, with the reason and the citation."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from factcheck.acts import misbound, says_of
from factcheck.disagree import Split, copy_disagrees, sources_disagree
from factcheck.evidence import (
    about_another,
    aligned_but_names,
    elsewhere,
    evidence_of_claim,
    foreign,
    foreign_names,
    named,
    named_before,
    opposites,
    reported,
    said_by,
    swapped_slot,
    unexplained,
    untold,
)
from factcheck.features import Features, blanked
from factcheck.index.search import Candidate, candidates, closest_passage
from factcheck.model import Citation, Conflict, ConflictKind, Verdict
from factcheck.verdict.alignment import charged, is_fragment, unaligned
from factcheck.verdict.base import Outcome, evidence_of_passage
from factcheck.verdict.names import EXCLUSIVE_ROLES, actor_swap, leads
from factcheck.verdict.rules import SetAside, compare, policy
from factcheck.verdict.values import numbers_differ, value_keys

if TYPE_CHECKING:
    from factcheck.index.store import Index, PassageProfile

# Thresholds on the 0-100 topic score and the 0-1 coverage (ARCHITECTURE.md, step 7).
NEAR_COPY = 88.0  # rapidfuzz ratio at which a statement is judged against a source passage
MIN_TOPIC = 50.0  # below this the record does not speak to the statement: unknown
MIN_CONTRA = 50.0  # a conflict counts only from a candidate at least this strong
MIN_NAME = 45.0  # ... except one name swapped for another, which may decide a near miss
FULL = 0.99  # a claim covering this much of a near miss may contradict it by an opposite word
MIN_ACTOR = 75.0  # someone else as the actor contradicts only a claim this close
MIN_WITNESS = 30.0  # a claim this close, agreeing, may tell a name the cited claims leave out
MIN_SWAP_COVERAGE = 0.45  # a swapped name needs the claim to cover this much of the rest
MIN_COVERAGE = 0.34  # a conflict needs the claim to cover this much of what the statement says
MIN_BOUND_COVERAGE = 0.2  # ... or this much, for a value in the claim's own slot (its date)
SIBLING = 12.0  # an opposite word contradicts a claim this close to the best one
CLOSE = 8.0  # candidates within this of the best are weighed together

VALUE_WEIGHT = 6.0  # how much each shared (or missing) value moves a candidate in the ranking


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: Verdict
    score: float
    claim_id: str | None
    claim_text: str | None
    reason: str | None
    citation: Citation | None
    considered: tuple[tuple[str, float], ...] = ()
    conflict: Conflict | None = None  # what differs, when contradicted
    near_copy: bool = False  # judged against a source passage the statement nearly copies
    disagreement: tuple[Citation, ...] = ()  # the passages of sources that disagree


def _citation(index: Index, passage_source: str, line: int, text: str) -> Citation:
    src = index.record.sources[passage_source]
    return Citation(src.id, src.path, line, text)


def _judge_passage(index: Index, f: Features, pp: PassageProfile, ratio: float) -> Judgement:
    cite = _citation(index, pp.passage.source, pp.passage.line, pp.passage.text)
    if pp.passage.error:  # the source is wrong here: its words support nothing
        reason = f"the source's wording here is {pp.passage.error}"
        return Judgement(Verdict.UNKNOWN, ratio, None, None, reason, cite, near_copy=True)
    f = index.features(f.text, pp.passage.source)  # read as part of that source
    out = compare(f, evidence_of_passage(index.passage_features(pp)), index.matcher)
    if not out.conflict:
        differ = numbers_differ(f.text, pp.norm)
        if differ:
            out = Outcome(differ)
    claim_id, claim_text = pp.about or (None, None)
    if out.found:
        return Judgement(Verdict.CONTRADICTED, ratio, claim_id, claim_text, out.found.reason, cite,
                         conflict=out.found, near_copy=True)  # fmt: skip
    return Judgement(Verdict.SUPPORTED, ratio, claim_id, claim_text,
                     "the statement matches the source passage", cite, near_copy=True)  # fmt: skip


def _judge_claim(index: Index, c: Candidate, verdict: Verdict, why: Conflict | str | None,
                 considered: tuple[tuple[str, float], ...]) -> Judgement:  # fmt: skip
    claim = c.profile.claim
    cite = None
    if claim.passage is not None:
        cite = _citation(index, claim.passage.source, claim.passage.line, claim.passage.text)
    found = why if isinstance(why, Conflict) else None
    reason = why.reason if isinstance(why, Conflict) else why
    if claim.status == "source_error":  # it supports and contradicts nothing
        verdict, reason, found = Verdict.UNKNOWN, f"the source's wording here is {claim.note}", None
    elif claim.status == "attributed" and verdict is Verdict.SUPPORTED:
        reason = f"{reason} (according to {claim.speaker})"  # "X said Y", not a fact
    return Judgement(verdict, round(c.score, 1), claim.id, claim.text_en, reason, cite,
                     considered, conflict=found)  # fmt: skip


def _split(index: Index, split: Split, agreeing: Judgement,
           considered: tuple[tuple[str, float], ...]) -> Judgement:  # fmt: skip
    """Unknown: the sources disagree; both passages cited (the agreeing one first)."""
    other = _judge_claim(index, split.differs, Verdict.UNKNOWN, None, considered).citation
    both = tuple(c for c in (agreeing.citation, other) if c is not None)
    return replace(
        agreeing, verdict=Verdict.UNKNOWN, reason=split.reason, conflict=None, disagreement=both
    )


def judge(index: Index, f: Features) -> Judgement:
    """The verdict on one statement (or one part of it)."""
    if is_fragment(f):
        return Judgement(Verdict.UNKNOWN, 0.0, None, None,
                         "a heading or fragment: it asserts nothing to check", None)  # fmt: skip
    near = closest_passage(index, f)
    if near is not None and near[1] >= NEAR_COPY:
        copied = _judge_passage(index, f, near[0], round(near[1], 1))
        if copied.verdict is Verdict.SUPPORTED:  # another source may give another value
            split = copy_disagrees(index, f, near[0].passage.source, lambda: candidates(index, f),
                                   MIN_CONTRA, MIN_COVERAGE,
                                   lambda c: compare(f, evidence_of_claim(c.profile), index.matcher))  # fmt: skip
            if split is not None:
                return _split(index, split, replace(copied, verdict=Verdict.UNKNOWN), ())
        return copied
    cands = candidates(index, f) if _says_something(f) else []
    considered = tuple((c.profile.claim_id, round(c.score, 1)) for c in cands)
    nothing = Judgement(Verdict.UNKNOWN, round(cands[0].score, 1) if cands else 0.0, None, None,
                        "the record does not address this statement", None, considered)  # fmt: skip
    if not cands or cands[0].score < MIN_NAME:
        return nothing
    if cands[0].score < MIN_TOPIC:  # a near miss: only a cleanly swapped name decides it
        miss = compare(f, evidence_of_claim(cands[0].profile), index.matcher)
        if miss.conflict is ConflictKind.NAME and _clean_swap(index, f, cands[0], miss):
            return _judge_claim(index, cands[0], Verdict.CONTRADICTED, miss.found, considered)
        # ... or an opposite word in a statement the claim covers in full, names and all
        # (the opposite word itself aside: by its nature the claim does not say it)
        if (miss.conflict is ConflictKind.MEANING and f.entities <= cands[0].profile.entities
                and (cands[0].coverage >= FULL or _all_but(f, cands[0], miss.found))):  # fmt: skip
            return _judge_claim(index, cands[0], Verdict.CONTRADICTED, miss.found, considered)
        # ... or a name in the claim's slot where it accounts for all else ("from Apple")
        if miss.conflict is None and (slot := swapped_slot(index.matcher, f, cands[0], miss)):
            return _judge_claim(index, cands[0], Verdict.CONTRADICTED, slot, considered)
        if _entailed(index, f, cands[0], miss):  # every word accounted for: a paraphrase
            return _judge_claim(
                index, cands[0], Verdict.SUPPORTED, "the record states this", considered
            )
        return nothing
    outcomes = [(c, compare(f, evidence_of_claim(c.profile), index.matcher))
                for c in cands if c.score >= MIN_CONTRA]  # fmt: skip
    # Among close claims, the one whose values (amounts, dates, counts) the statement shares
    # is the one it is about: "$44M" is about the total, not the 2016 gift.
    outcomes.sort(key=lambda co: -(co[0].score + VALUE_WEIGHT * _value_fit(co[1])))
    usable = [(c, o) for c, o in outcomes if not _set_aside(index, f, c, o, cands)]
    if not usable:
        return nothing
    best, b_out = usable[0]
    split = sources_disagree(index, f, usable, CLOSE)  # one source confirms, another does not
    if split is not None and split.agrees is not None:
        agreeing = _judge_claim(index, split.agrees, Verdict.UNKNOWN, None, considered)
        return _split(index, split, agreeing, considered)
    if b_out.conflict and best.score < policy(b_out.conflict).min_score:
        return nothing  # (a bare negation decides only from a close claim)
    if not b_out.conflict and best.score >= MIN_ACTOR:
        swap = actor_swap(f, evidence_of_claim(best.profile), index.matcher)
        if swap.conflict and _clean_swap(index, f, best, swap):
            return _judge_claim(index, best, Verdict.CONTRADICTED, swap.found, considered)
    stranger = foreign(index.matcher, b_out, cands)
    if stranger and b_out.conflict is not ConflictKind.NAME:
        swapped = swapped_slot(index.matcher, f, best, b_out)
        if swapped is not None:
            return _judge_claim(index, best, Verdict.CONTRADICTED, swapped, considered)
        return Judgement(Verdict.UNKNOWN, round(best.score, 1), None, None,
                         f"the record says nothing about {stranger} here", None, considered)  # fmt: skip
    if b_out.conflict:
        return _judge_claim(index, best, Verdict.CONTRADICTED, b_out.found, considered)
    return _settle_values(index, f, best, b_out, usable, cands, considered)


def _settle_values(index: Index, f: Features, best: Candidate, b_out: Outcome,
                   usable: list[tuple[Candidate, Outcome]], cands: list[Candidate],
                   considered: tuple[tuple[str, float], ...]) -> Judgement:  # fmt: skip
    """The best claim agrees: values it does not speak to (an amount, a date) are judged by
    the next claim that does ("$50M" with no year by the total, not the 2017 gift)."""
    pending = {k for k in b_out.unmatched if not k.startswith("entity:")}
    others = list(usable[1:])
    if pending:
        judged = {id(c) for c, _ in usable}
        more = [(c, compare(f, evidence_of_claim(c.profile), index.matcher))
                for c in cands if id(c) not in judged and c.score >= MIN_NAME]  # fmt: skip
        # (a conflict set aside for the best claim's rivals is set aside here too)
        others += [(c, o) for c, o in more if not _set_aside(index, f, c, o, cands)]
    # a date the best claim gives less precisely ("2015" for "December 2015") is only
    # contradicted by a claim on much the same topic dated in that same year: another
    # year, or another topic, is another event
    coarse = [d for d in f.dates if f"date:{d.start}" in pending
              and any(d.agrees(e) for e in best.profile.dates)]  # fmt: skip
    for c, o in others:
        close = c.score >= best.score - CLOSE and not b_out.agreed
        keys = o.conflict_keys & pending
        same_event = c.score >= best.score - SIBLING and any(
            d.year == e.year for d in coarse for e in c.profile.dates
        )
        if coarse and o.conflict is ConflictKind.DATE and not same_event:
            keys, close = frozenset(), False
        # (a claim that leaves out someone the statement names before the value is about
        # another event: the 2012 meeting with Hassabis says nothing of when Musk met Altman)
        if (o.value_conflict and (keys or close) and c.coverage >= MIN_COVERAGE
                and named_before(index.matcher, f, o.conflict_keys) <= c.profile.entities):  # fmt: skip
            return _judge_claim(index, c, Verdict.CONTRADICTED, o.found, considered)
        if not o.vague:  # an amount inside "tens of millions" confirms nothing
            pending -= o.agreed
    # an exact amount confirms the statement from any candidate that shares a word with it
    # (not "$44M on OpenAI's rent" by the $44M total); other values and names only from a
    # claim that covers what the statement says
    for c, o in others:
        if not o.vague and c.coverage > 0:
            confirmed = {k for k in o.agreed if k.startswith("money:")}
            b_out = replace(b_out, unmatched=b_out.unmatched - confirmed)
    if (
        pending & b_out.soft_keys
        and b_out.soft
        and best.coverage >= MIN_COVERAGE
        and named(index.matcher, f)
    ):
        return _judge_claim(index, best, Verdict.CONTRADICTED, b_out.soft, considered)
    # an opposite word the best claim does not speak to may contradict a sibling claim from
    # the same account ("the bid succeeded" against "the bid failed"): close to the best
    # claim, or quoting the same sentence of the source
    for c, o in others:
        if (
            o.conflict is ConflictKind.MEANING
            and c.score >= MIN_NAME
            and (c.score >= best.score - SIBLING or _same_passage(c, best))
            and c.profile.claim.status != "source_error"  # (it contradicts nothing)
        ):
            return _judge_claim(index, c, Verdict.CONTRADICTED, o.found, considered)
    explainers = [(c, o) for c, o in others if c.coverage >= MIN_COVERAGE]
    missing = unexplained(index.matcher, b_out, explainers, cands)
    if missing:
        return Judgement(Verdict.UNKNOWN, round(best.score, 1), None, None,
                         f"the record does not state {missing}", None, considered)  # fmt: skip
    # what the statement asserts must be stated by the best claim, or by a close claim that
    # agrees with it (one account told across two neighbouring claims)
    allies = [best.profile] + [c.profile for c, o in others
                               if not o.conflict and c.score >= best.score - CLOSE
                               and c.coverage >= MIN_COVERAGE]  # fmt: skip
    siblings = [c for c in cands if c.score >= best.score - SIBLING]
    polar = opposites(f, siblings)
    gap = charged(unaligned(f, blanked(f), said_by(*allies)), polar)
    # a title or name no single cited claim holds with the statement's subject
    clashing = {id(c) for c, o in others if o.conflict}
    witnesses = [c.profile for c in cands if c.score >= MIN_WITNESS and id(c) not in clashing]
    left = untold(index.matcher, f, allies, witnesses) + misbound(index.matcher, f, allies)
    left += _other_actor(index, f, best, others, cands)
    left += gap.decisive()
    if (said := reported(f)) != blanked(f):  # what it reports, apart from who says it
        fr = index.features(said)  # (read on its own: 「…に怒っている」 is all it reports)
        left += charged(unaligned(fr, blanked(fr), said_by(*allies)), polar).decisive()
    if not left and best.coverage < MIN_COVERAGE and gap.weak:
        # a support needs the claim to cover as much of the statement as a conflict does
        left = gap.weak
    if left:
        words = "; ".join(f"“{w}”" for w in dict.fromkeys(left))
        return Judgement(Verdict.UNKNOWN, round(best.score, 1), None, None,
                         f"the record does not state {words}", None, considered)  # fmt: skip
    return _judge_claim(index, best, Verdict.SUPPORTED, "the record states this", considered)


def _other_actor(index: Index, f: Features, best: Candidate, others: list[tuple[Candidate, Outcome]],
                 cands: list[Candidate]) -> tuple[str, ...]:  # fmt: skip
    """The statement's actor when it does what the cited claim says someone else did and no
    claim that agrees with the statement says it of them, among those that cover it or quote
    the same passage ("Altman bought DeepMind" against Google's purchase, too far off to
    contradict it): the record does not say it of them."""
    swap = actor_swap(f, evidence_of_claim(best.profile), index.matcher).found
    if swap is None or swap.statement_value is None:
        return ()
    actor = next(m for m in f.mentions if m.text == swap.statement_value)
    if not leads(f, actor):
        return ()  # (one that does not open the statement may stand in a clause before it)
    outcomes = {id(c): o for c, o in others}
    for c in cands:  # (one account: the claims quoting the same passage)
        if c is best or not (c.coverage >= MIN_COVERAGE or _same_passage(c, best)):
            continue
        if says_of(index.matcher, f, actor.entity, c.profile, said_by(c.profile)):
            out = outcomes.get(id(c)) or compare(f, evidence_of_claim(c.profile), index.matcher)
            if not out.conflict:
                return ()
    return (swap.statement_value,)


def _all_but(f: Features, c: Candidate, found: Conflict | None) -> bool:
    """Does the claim account for every word of the statement but the one the conflict
    names (and its names)?"""
    word = (found.statement_value or "") if found else ""
    gap = unaligned(f, blanked(f), said_by(c.profile))
    left = [w for w in (*gap.strong, *gap.weak) if w not in word and word not in w]
    return bool(word) and not left


def _entailed(index: Index, f: Features, c: Candidate, out: Outcome) -> bool:
    """A near miss the claim states in full: no conflict, every value and name the statement
    gives confirmed, and every word it says accounted for, none left over at all."""
    if out.found is not None or out.vague or out.unmatched or not f.gist:
        return False
    if not f.entities <= c.profile.entities:
        return False
    gap = unaligned(f, blanked(f), said_by(c.profile))
    return not gap.strong and not gap.weak


def _set_aside(index: Index, f: Features, c: Candidate, o: Outcome, cands: list[Candidate]) -> bool:
    """A conflict that proves nothing about this statement: a different value where the claim
    does not say what the statement says ("fired" against a falling-out) or the statement is
    about someone else (Tesla's founding against OpenAI's); a negation or opposite when the
    statement names someone no candidate involves; a swapped name that is not clean."""
    if o.conflict is None:
        return False
    rule = policy(o.conflict).set_aside
    if rule is SetAside.VALUES:  # (a value said of no one named is no one's value)
        # an amount bound to the claim's own date ("$30M in 2017") is in the claim's slot
        # even where the statement goes on to say more than the claim
        # (when the claim involves everyone the statement names)
        bound = o.bound and named_before(index.matcher, f, o.conflict_keys) <= c.profile.entities
        least = MIN_BOUND_COVERAGE if bound else MIN_COVERAGE
        return (
            c.coverage < least
            or elsewhere(index.matcher, f, c, cands)
            or not named(index.matcher, f)
            or about_another(index.matcher, f, c, o.conflict_keys, cands)
        )
    if rule is SetAside.KNOWN_NAMES:
        return foreign_names(index.matcher, f, cands)
    if rule is SetAside.CLEAN_SWAP:
        return not _clean_swap(index, f, c, o)
    return False


def _clean_swap(index: Index, f: Features, c: Candidate, o: Outcome) -> bool:
    """A name swapped for another contradicts only where the rest matches: the claim covers
    what the statement says and every value the statement gives agrees ("Reid Hoffman
    donated $10M" is another fact, not Musk's $15M with a name changed)."""
    values = value_keys(f)
    newcomers = [m for m in f.mentions if m.entity not in c.profile.entities]
    roles = {
        r.entity for r in f.mentions
        if index.matcher.kind.get(r.entity) == "role" and r.entity not in EXCLUSIVE_ROLES
        # a title next to the swapped name describes it ("investor Reid Hoffman")
        and not any(-6 <= m.start - r.end <= 3 or -3 <= r.start - m.end <= 6 for m in newcomers)
    }  # fmt: skip
    return (
        # (a coverage read from no words says nothing: the alignment decides)
        ((f.gist and c.coverage >= MIN_SWAP_COVERAGE) or aligned_but_names(f, c))
        and values <= o.agreed
        and not o.vague  # "$10M" within "tens of millions" is no sign of the same fact
        and roles <= c.profile.entities  # "Hoffman joined the board" is not Altman becoming CEO
    )


def _same_passage(a: Candidate, b: Candidate) -> bool:
    pa, pb = a.profile.claim.passage, b.profile.claim.passage
    return pa is not None and pb is not None and (pa.source, pa.line) == (pb.source, pb.line)


def _says_something(f: Features) -> bool:
    """A statement (or part) with no words beyond one name ("Altman was 19") states nothing
    the record could confirm."""
    values = f.money or f.dates or f.counts or f.percents
    return bool(f.content) or bool(values) or len({m.entity for m in f.mentions}) >= 2


def _value_fit(out: Outcome) -> int:
    """Values the claim speaks to (confirmed or contradicted) minus values it leaves aside."""
    unconfirmed = sum(1 for k in out.unmatched if not k.startswith("entity:"))
    return len(out.agreed) + len(out.conflict_keys) - unconfirmed
