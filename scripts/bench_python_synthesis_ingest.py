"""Python anchor for `curate ingest synthesis`: json.load of the xz release, a pymatgen
Composition of every target and precursor formula, and an sqlite3 insert of each raw record.
Prints {"seconds": ..., "reactions": ..., "json_bytes": ...}. Usage: FILE STORE"""
import json, lzma, sqlite3, sys, time
from pymatgen.core import Composition

path, store = sys.argv[1], sys.argv[2]
start = time.perf_counter()
with lzma.open(path, "rb") as handle:
    text = handle.read()
document = json.loads(text)
reactions = document["reactions"] if isinstance(document, dict) else document
db = sqlite3.connect(store)
db.execute("create table raw(id integer primary key, content text, target text)")
parsed = 0
for reaction in reactions:
    formulas = [(reaction.get("target") or {}).get("material_formula")]
    formulas += [(p or {}).get("material_formula") for p in reaction.get("precursors") or []]
    target = None
    for formula in formulas:
        try:
            composition = Composition(formula)
            parsed += 1
            target = target or composition.reduced_formula
        except Exception:
            pass
    db.execute("insert into raw(content, target) values (?, ?)", (json.dumps(reaction), target))
db.commit()
db.close()
print(json.dumps({"seconds": time.perf_counter() - start, "reactions": len(reactions), "json_bytes": len(text), "parsed": parsed}))
