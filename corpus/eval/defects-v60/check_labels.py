#!/usr/bin/env python3
"""Validate labels.yaml against the reports (FORMAT.md Kind 2 rules) and run a few sanity checks."""
import re, sys, glob, collections, yaml

ok = True
d = yaml.safe_load(open('labels.yaml', encoding='utf-8'))
count = collections.Counter()
labelled_spans = collections.defaultdict(list)
for doc in d['documents']:
    t = open(doc['file'], encoding='utf-8').read()
    if '\r' in t:
        print('CRLF in', doc['file']); ok = False
    for x in doc['defects']:
        q = x['quote']
        if 'context' in x:
            c = x['context']
            if t.count(c) != 1 or q not in c:
                print('context not unique / does not contain quote:', doc['file'], c); ok = False
            start = t.index(c) + c.index(q)
        else:
            if t.count(q) != 1:
                print('quote not unique:', doc['file'], q, t.count(q)); ok = False
                continue
            start = t.index(q)
        labelled_spans[doc['file']].append((start, start + len(q)))
        count[x['rule']] += 1

# sanity: every ASCII space between non-space characters inside a line must be labelled
for f in sorted(glob.glob('f*.txt')):
    t = open(f, encoding='utf-8').read()
    for m in re.finditer(r'(?<=\S) (?=\S)', t):
        if not any(a <= m.start() < b for a, b in labelled_spans[f]):
            print('unlabelled space', f, repr(t[m.start()-3:m.end()+3])); ok = False
    han = len(re.findall(r'[\u4e00-\u9fff]', t))
    if not 800 <= han <= 1500:
        print('length out of range', f, han); ok = False
    print(f, 'han chars:', han, 'defects:', len(labelled_spans[f]))

print(dict(count), 'total', sum(count.values()))
print('OK' if ok else 'PROBLEMS')
sys.exit(0 if ok else 1)
