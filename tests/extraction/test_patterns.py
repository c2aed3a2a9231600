"""The phrasings kept as data (app/extraction/patterns/) match what they say they match."""

import pytest

from app.extraction.meetings import find_triggers, meeting_patterns

PATTERNS = meeting_patterns()


def test_every_phrasing_has_a_name_and_an_example():
    names = [p["name"] for p in PATTERNS]
    assert len(names) == len(set(names))
    assert all(p["example"].endswith(".") and p["pattern"][0]["RIGHT_ID"] == "trigger" for p in PATTERNS)


@pytest.mark.parametrize("entry", PATTERNS, ids=[p["name"] for p in PATTERNS])
def test_the_phrasing_matches_its_example(extractor, entry):
    doc = extractor.nlp(entry["example"])
    assert entry["name"] in {trigger.phrasing for trigger in find_triggers(doc)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The president did not meet the prime minister in Riga.",
        "The chancellor will not meet the Finnish president on Monday.",
        "The minister never met her counterpart.",
    ],
)
def test_a_negated_meeting_is_no_trigger(extractor, sentence):
    assert find_triggers(extractor.nlp(sentence)) == []


def test_a_sentence_without_a_meeting_has_no_trigger(extractor):
    assert find_triggers(extractor.nlp("The minister said the alliance would grow stronger next year.")) == []


def test_the_topics_pipe_labels_each_phrase_with_its_topic(extractor):
    doc = extractor.nlp("The ministers discussed Air Defence, F-16s and the invitation to join NATO.")

    assert {(span.text, span.label_) for span in doc.spans["topics"]} >= {
        ("Air Defence", "air defense"),
        ("F-16s", "aircraft"),
        ("invitation to join NATO", "invitation to join NATO"),
    }


def test_every_topic_phrase_is_matched_by_its_own_topic(extractor):
    from app.extraction.vocabulary import pattern_file

    for entry in pattern_file("topics.json")["topics"]:
        for phrase in entry["phrases"]:
            doc = extractor.nlp(f"They spoke of {phrase} today.")
            labels = {span.label_ for span in doc.spans["topics"]}
            assert entry["topic"] in labels, phrase


def test_the_titles_pipe_marks_the_longest_title_as_the_vocabulary_spells_it(extractor):
    doc = extractor.nlp("The deputy secretary general met the Prime Minister of Finland and Secretary-General Rutte.")

    assert [(span.text, span.label_) for span in doc.spans["titles"]] == [
        ("deputy secretary general", "Deputy Secretary General"),
        ("Prime Minister", "Prime Minister"),
        ("Secretary-General", "Secretary-General"),
    ]
