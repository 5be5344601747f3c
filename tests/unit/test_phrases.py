"""Service sentences stay English text, and can still be said in another language."""

from __future__ import annotations

from second_opinion.services.phrases import Joined, Label, Phrase, in_english, listed, render

SPANISH = {
    ("phrases", "{first} and {last}"): "{first} y {last}",
    ("phrases", "{first}, {rest}"): "{first}, {rest}",
    ("phrases", "Not confirmed yet: {items}."): "Sin confirmar todavía: {items}.",
    ("phrases", "1 request is overdue"): "1 solicitud está atrasada",
    ("phrases", "{n} requests are overdue"): "{n} solicitudes están atrasadas",
    ("labels", "Lab results"): "Resultados de laboratorio",
}


def spanish(context: str, text: str) -> str:
    return SPANISH.get((context, text), text)


def test_a_phrase_is_its_english_text() -> None:
    phrase = Phrase("Not confirmed yet: {items}.", items="Lab results; MRI <CD> & notes")
    assert phrase == "Not confirmed yet: Lab results; MRI <CD> & notes."
    assert render(phrase, in_english) == phrase


def test_values_are_translated_when_they_are_phrases_or_labels_and_kept_when_typed() -> None:
    items = Joined("; ", [Label("Lab results"), "MRI 🩻 من العيادة"])
    phrase = Phrase("Not confirmed yet: {items}.", items=items)
    assert (
        render(phrase, spanish)
        == "Sin confirmar todavía: Resultados de laboratorio; MRI 🩻 من العيادة."
    )


def test_counts_choose_one_or_many() -> None:
    one = Phrase.counted(1, "1 request is overdue", "{n} requests are overdue")
    three = Phrase.counted(3, "1 request is overdue", "{n} requests are overdue")
    assert (one, three) == ("1 request is overdue", "3 requests are overdue")
    assert render(three, spanish) == "3 solicitudes están atrasadas"


def test_a_list_is_worded_by_the_reader_language() -> None:
    parts = ["a", "b", "c"]
    assert listed(parts) == "a, b and c"
    assert render(listed(parts), spanish) == "a, b y c"
    assert listed(["a"]) == "a" and listed([]) == ""


def test_braces_in_a_value_are_not_read_as_fields() -> None:
    phrase = Phrase("Not confirmed yet: {items}.", items="{doctor} {0}")
    assert render(phrase, spanish) == "Sin confirmar todavía: {doctor} {0}."


def test_many_reasons_are_not_all_spelled_out() -> None:
    from second_opinion.services.independence import IndependenceFinding, may_not_be_independent

    findings = [
        IndependenceFinding(i, f"Dr. First {i}", "Lakeshore Health", "organization", "organization")
        for i in range(40)
    ]
    line = may_not_be_independent(findings)
    assert line.count("Shares the organization") == 3
    assert line.endswith("The same goes for 37 more first-opinion doctors.")
    assert may_not_be_independent(findings[:1]).count("Shares") == 1
