"""Coverage-guided fuzzing (atheris) of the readers and the cleaner: any bytes as a file, a JSON Lines line
or an HTML page must give a document or an InputError, never another exception.

    python bench/fuzz_readers.py -atheris_runs=200000     (or -max_total_time=120)
"""
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from sukien.clean import clean
    from sukien.errors import InputError
    from sukien.ingest.decode import decode_bytes
    from sukien.ingest.readers import read_html, read_jsonl_lines, read_text_file

TMP = Path(tempfile.mkdtemp()) / "fuzz.txt"


def one_input(data: bytes):
    fdp = atheris.FuzzedDataProvider(data)
    kind = fdp.ConsumeIntInRange(0, 2)
    payload = fdp.ConsumeBytes(fdp.remaining_bytes())
    try:
        if kind == 0:
            doc = read_text_file(TMP, payload)
        elif kind == 1:
            text = decode_bytes(payload, "fuzz")
            results = list(read_jsonl_lines(enumerate(text.splitlines(), 1), "fuzz"))
            doc = next((r.doc for r in results if r.doc), None)
        else:
            doc = read_html(decode_bytes(payload, "fuzz"), "fuzz.html", "fuzz.html")
        if doc is not None:
            clean(doc)
    except InputError:
        pass


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
