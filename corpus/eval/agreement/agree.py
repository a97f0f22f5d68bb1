"""Agreement of two annotators on links: python3 corpus/eval/agreement/agree.py LABELS.yaml ANSWERS.yaml
prints the links of ANSWERS (a second annotator) measured against LABELS (the set's own), per kind, as
precision and recall (swap the files to swap them), and the items each left unanswered."""
import yaml,sys
a=yaml.safe_load(open(sys.argv[1])); b=yaml.safe_load(open(sys.argv[2]))
def links(d):
    s=set(); items=0; none=0
    for doc in d['documents']:
        for kind in ('problems','causes'):
            for it in doc.get(kind) or []:
                items+=1; ms=it.get('answered-by') or []
                if not ms: none+=1
                for m in ms: s.add((doc['file'],kind,it['quote'],m))
    return s,items,none
(la,ia,na),(lb,ib,nb)=links(a),links(b)
for kind in ('problems','causes',None):
    A={x for x in la if kind in (None,x[1])}; B={x for x in lb if kind in (None,x[1])}
    c=len(A&B)
    print(f"{kind or 'all':9} labels {len(A):4} answers {len(B):4} both {c:4}  P {c/len(B):.3f} R {c/len(A):.3f}")
# unanswered agreement
ua={(d['file'],k,i['quote']) for d in a['documents'] for k in ('problems','causes') for i in d.get(k) or [] if not i.get('answered-by')}
ub={(d['file'],k,i['quote']) for d in b['documents'] for k in ('problems','causes') for i in d.get(k) or [] if not i.get('answered-by')}
print(f"unanswered: labels {len(ua)} answers {len(ub)} both {len(ua&ub)}")
