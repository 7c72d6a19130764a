#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into OUT/<target>/ from content/ and Kong's corpus.

Usage: Fuzz/seeds.py OUT [KONG_CORPUS]
- how-to markdown (front matter, Liquid, attribute lists, tables): content/ and the corpus's _how-tos, _includes;
- Kong block YAML: every entity_examples / validation body, the corpus's _data/entity_examples, decK files;
- mock Vault requests: the captured exchanges of ../shared/fixtures/vault, one input per scenario.
"""
import json, pathlib, re, sys

out = pathlib.Path(sys.argv[1])
root = pathlib.Path(__file__).resolve().parent.parent
kong = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else root.parent / "shared" / "corpus" / "kong"
fixtures = root.parent / "shared" / "fixtures" / "vault"
MAX = 64 * 1024


def write(target, name, data):
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / re.sub(r"[^A-Za-z0-9._-]", "_", name)).write_bytes(data[:MAX])


markdown = sorted((root / "content").rglob("*.md"))
for sub in ("app/_how-tos", "app/_includes"):
    markdown += sorted((kong / sub).rglob("*.md"))[:400]
for path in markdown:
    data = path.read_bytes()
    for target in ("front-matter", "liquid", "attribute-lists", "pipe-tables"):
        if target == "pipe-tables" and b"|" not in data:
            continue
        if target == "attribute-lists" and b"{" not in data:
            continue
        write(target, str(path.relative_to(path.parents[2])), data)

block = re.compile(rb"\{%-?\s*(entity_examples|validation[^%]*)-?%\}(.*?)\{%-?\s*end(entity_examples|validation)\s*-?%\}", re.S)
for path in markdown:
    for i, match in enumerate(block.finditer(path.read_bytes())):
        write("kong-yaml", f"{path.stem}-{i}.yml", match.group(2))
for path in sorted((kong / "app/_data/entity_examples").rglob("*.y*ml")) + sorted((root / "Tests").rglob("*.yaml")):
    write("kong-yaml", path.name, path.read_bytes())

for path in sorted(fixtures.glob("*.json")):
    try:
        scenario = json.loads(path.read_text())
    except ValueError:
        continue
    requests = []
    for exchange in scenario.get("exchanges", []):
        request = exchange.get("request", {})
        body = request.get("body")
        text = body if isinstance(body, str) else ("" if body is None else json.dumps(body))
        headers = "".join(f"{k}: {v}\n" for k, v in request.get("headers", {}).items())
        # The dev core's root token goes last, so it wins over the captured server's tokens.
        requests.append(f"{request.get('method', 'GET')} {request.get('path', '/')}\n{headers}X-Vault-Token: root\n\n{text}")
    if requests:
        write("vault-http", path.stem, "\n===\n".join(requests).encode())

for folder in sorted(out.iterdir()):
    print(f"{folder.name}: {sum(1 for _ in folder.iterdir())} seeds")
