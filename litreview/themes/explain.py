"""Why a paper does or does not discuss a theme: its sentences, their weights, the bar, what was missing.

``explain_decision`` turns a stored tag (or its absence) and the codebook's rule into plain data
that ``litreview tags KEY --why THEME`` prints or writes as JSON.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from litreview.model import Tag
from litreview.themes.codebook import SHORTEST, Codebook

if TYPE_CHECKING:
    from litreview.themes.tagger import SetAside


def explain_decision(book: Codebook, theme_id: str, tag: Tag | None, words: int, tagged: bool = True,
                     lang: str = "en", set_aside: SetAside | None = None) -> dict[str, Any]:
    """The decision on ``theme_id`` for a paper of ``words`` words, given its stored ``tag`` and,
    for a paper off the codebook's subject, what the subject test set aside (``Tagger.set_aside``)."""
    theme = book.theme(theme_id)
    assert theme is not None
    rule = theme.threshold
    bar = tag.threshold if tag is not None and tag.origin == "auto" else round(rule.required(words), 3)
    found = tag.evidence if tag is not None else []
    evidence: list[dict[str, Any]] = [
        {"sentence": " ".join(e.sentence.split()), "place": e.place or "body", "cites": e.cites, "score": e.score,
         "weight": e.weight, "counts": e.counts, "terms": sorted({m.text for m in e.matches}, key=str.casefold),
         "section": e.section, "page": e.page, "field": e.field}
        for e in found
    ]
    score = round(sum(e.counts for e in found), 3)
    strongest = max((e.counts for e in found), default=0.0)
    out: dict[str, Any] = {
        "theme": theme_id, "tagged": tagged, "words": words, "bar": bar,
        "bar_words": max(words, SHORTEST),  # the length the bar was computed for
        "rule": {"min_score": rule.min_score, "reference_words": rule.reference_words,
                 "length_exponent": rule.length_exponent, "min_sentences": rule.min_sentences,
                 "single": rule.single, "per_1000_words": rule.per_1000_words},
        "score": score, "sentences": len(evidence), "strongest": strongest, "evidence": evidence,
    }
    say = _PHRASES[lang if lang in _PHRASES else "en"]
    if not tagged:
        out.update(decision="not tagged", reason=say["untagged"], missing="")
        return out
    if tag is not None and tag.origin == "manual":
        out.update(decision="discussed" if tag.assigned else "removed", reason=say["manual"], missing="")
        return out
    enough_total = score >= bar - 1e-9 and len(evidence) >= rule.min_sentences
    enough_one = bool(rule.single) and strongest >= rule.single - 1e-9
    n = len(evidence)
    if tag is not None and tag.assigned:
        reasons = []
        if enough_total:
            reasons.append(say["total"].format(n=n, score=score, bar=bar))
        if enough_one:
            reasons.append(say["one"].format(best=strongest, single=rule.single))
        out.update(decision="discussed", reason=say["and"].join(reasons) or "discussed", missing="")
        return out
    aside = _aside(book, theme_id, set_aside, say)
    if aside:
        out["set_aside"] = aside["data"]
    if not evidence and aside:
        out.update(decision="absent", reason=aside["text"],
                   missing=(say["need_either"] if rule.single else say["need_total"]).format(single=rule.single,
                                                                                             bar=bar))
        return out
    if not evidence:
        strongest_terms = sorted(theme.terms, key=lambda term: (-term.weight, term.line))[:6]
        examples = ", ".join(term.text for term in strongest_terms)
        out.update(decision="absent", reason=say["none"] + (f" ({say['such_as']} {examples})" if examples else ""),
                   missing=(say["need_either"] if rule.single else say["need_total"]).format(single=rule.single,
                                                                                             bar=bar))
        return out
    missing = [say["more"].format(more=max(bar - score, 0))]
    if n < rule.min_sentences:
        k = rule.min_sentences - n
        missing[0] += say["more_sentences" if k == 1 else "more_sentences_many"].format(k=k)
    if rule.single:
        missing.append(say["or_one"].format(single=rule.single, best=strongest))
    reason = say["under" if n == 1 else "under_many"].format(n=n, score=score, bar=bar)
    out.update(decision="mentioned", reason=reason + ("; " + aside["text"] if aside else ""),
               missing=", ".join(missing))
    return out


def _aside(book: Codebook, theme_id: str, set_aside: SetAside | None, say: dict[str, str]) -> dict[str, Any] | None:
    """The terms of ``theme_id`` the subject test set aside, as data and as a sentence; None when none were."""
    terms = set_aside.terms.get(theme_id) if set_aside is not None else None
    if set_aside is None or not terms:
        return None
    context = book.context
    listed = ", ".join(say["term_in"].format(term=term, n=n) if n == 1 else say["term_in_many"].format(term=term, n=n)
                       for term, n in sorted(terms.items(), key=lambda kv: (-kv[1], kv[0])))
    examples = ", ".join(term.text for term in context.terms[:3])
    text = say["off_subject"].format(examples=examples, mentions=set_aside.mentions, words=set_aside.words,
                                     least=context.min_mentions, per=context.min_per_1000_words, terms=listed)
    data = {"mentions": set_aside.mentions, "words": set_aside.words, "min_mentions": context.min_mentions,
            "min_per_1000_words": context.min_per_1000_words, "terms": dict(terms)}
    if set_aside.elsewhere:
        others = ", ".join(term.text for term in context.elsewhere[:4])
        text = say["elsewhere"].format(examples=examples, mentions=set_aside.mentions, words=set_aside.words,
                                       least=context.min_mentions, per=context.min_per_1000_words, others=others,
                                       elsewhere=set_aside.elsewhere, terms=listed)
        data["elsewhere"] = set_aside.elsewhere
    return {"text": text, "data": data}


_PHRASES = {
    "en": {
        "untagged": "the paper has not been tagged yet; run `litreview tag`",
        "manual": "decided by hand (`litreview tag add/remove`); re-tagging keeps it",
        "total": "its {n} sentences count {score:g}, at least the bar of {bar:g}",
        "one": "one sentence alone counts {best:g}, at least {single:g}",
        "and": "; and ",
        "none": "no sentence of the paper matches the theme's terms",
        "such_as": "such as",
        "need_either": "a sentence counting {single:g}, or sentences adding up to {bar:g}",
        "need_total": "sentences adding up to {bar:g}",
        "more": "{more:.3g} more in all",
        "more_sentences": " (and {k} more sentence)",
        "more_sentences_many": " (and {k} more sentences)",
        "or_one": "or one sentence counting {single:g} (the strongest counts {best:g})",
        "under": "its one sentence counts {score:g}, under the bar of {bar:g}",
        "under_many": "its {n} sentences count {score:g}, under the bar of {bar:g}",
        "off_subject": "the paper names the codebook's subject (words such as {examples}, or a party or candidate "
                       "it lists) {mentions} times in "
                       "{words} words, short of the {least} times and {per:g} per 1,000 words its subject-bound "
                       "terms need, so these were set aside: {terms}",
        "elsewhere": "the paper names the codebook's subject (words such as {examples}, or a party or candidate "
                     "it lists) {mentions} times in {words} words, short of the {least} times and {per:g} per 1,000 "
                     "words the codebook looks for, and another subject (words such as {others}) {elsewhere} "
                     "times: it is about something else, so no term counted: {terms}",
        "term_in": "{term} (in {n} sentence)",
        "term_in_many": "{term} (in {n} sentences)",
    },
    "id": {
        "untagged": "artikel ini belum ditandai; jalankan `litreview tag`",
        "manual": "diputuskan secara manual (`litreview tag add/remove`); penandaan ulang mempertahankannya",
        "total": "{n} kalimatnya bernilai {score:g}, mencapai ambang {bar:g}",
        "one": "satu kalimat saja bernilai {best:g}, sedikitnya {single:g}",
        "and": "; dan ",
        "none": "tidak ada kalimat yang cocok dengan istilah tema ini",
        "such_as": "misalnya",
        "need_either": "satu kalimat bernilai {single:g}, atau kalimat-kalimat yang berjumlah {bar:g}",
        "need_total": "kalimat-kalimat yang berjumlah {bar:g}",
        "more": "{more:.3g} lagi",
        "more_sentences": " (dan {k} kalimat lagi)",
        "more_sentences_many": " (dan {k} kalimat lagi)",
        "or_one": "atau satu kalimat bernilai {single:g} (yang terkuat bernilai {best:g})",
        "under": "{n} kalimatnya bernilai {score:g}, di bawah ambang {bar:g}",
        "under_many": "{n} kalimatnya bernilai {score:g}, di bawah ambang {bar:g}",
        "off_subject": "artikel ini menyebut pokok bahasan codebook (kata seperti {examples}, atau partai atau "
                       "kandidat yang didaftarkannya) {mentions} kali dalam "
                       "{words} kata, kurang dari {least} kali dan {per:g} per 1.000 kata yang diperlukan "
                       "istilah yang terikat pada pokok bahasan itu, sehingga istilah ini dikesampingkan: {terms}",
        "elsewhere": "artikel ini menyebut pokok bahasan codebook (kata seperti {examples}, atau partai atau "
                     "kandidat yang didaftarkannya) {mentions} kali dalam {words} kata, kurang dari {least} kali "
                     "dan {per:g} per 1.000 kata yang dicari codebook, dan menyebut pokok bahasan lain (kata seperti "
                     "{others}) {elsewhere} kali: artikel ini membahas hal lain, sehingga tidak ada istilah yang "
                     "dihitung: {terms}",
        "term_in": "{term} (dalam {n} kalimat)",
        "term_in_many": "{term} (dalam {n} kalimat)",
    },
}
