"""Leave-one-reading-out figures of term_names.py's fit with context_features.py's numbers beside the embedding.

    python3 loro_context.py none freq ctx both all [VARIANT:SCALE...]   # WORK /tmp/term-names-9 (nine readings)
"""
import sys, numpy as np, importlib.util
spec=importlib.util.spec_from_file_location('tn','/work/main/data/reference/term-names/term_names.py'); tn=importlib.util.module_from_spec(spec); spec.loader.exec_module(tn)
W='/tmp/term-names-9'
rows=[l.rstrip('\n').split('\t') for l in open(W+'/judged.tsv')]
emb=np.loadtxt(W+'/judged.csv',delimiter=',')
c={}
for l in open('/tmp/mod/ctx.tsv'):
    p=l.rstrip('\n').split('\t'); c[p[0]]=(float(p[1]),float(p[2]),float(p[3]),float(p[4]))
terms=[r[2] for r in rows]; y=np.array([r[3]=='yes' for r in rows],float); readings=np.array([r[0] for r in rows])
known=np.array([t in c for t in terms]); print('terms with corpus stats',known.sum(),'of',len(terms))
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from common import auc
def extra(t,v,scale):
    n,le,re_,top=c.get(t,(5,0,0,0))
    f={'none':[], 'freq':[np.log10(n)/5], 'ctx':[top], 'both':[np.log10(n)/5, top], 'all':[np.log10(n)/5, top, le, re_]}[v]
    return [scale*x for x in f]
for v in sys.argv[1:]:
    name,scale=(v.split(':')+['1'])[:2]; scale=float(scale)
    x=np.hstack([tn.features(terms,emb), np.array([extra(t,name,scale) for t in terms]).reshape(len(terms),-1)])
    a=b=0; aucs=[]
    for _,sc,yt,listed in tn.leave_one_reading_out(x,y,readings):
        a+=int((listed&(yt==1)).sum()); b+=int((listed&(yt==0)).sum()); aucs.append(auc(sc,yt))
    print(f"{v:10} naming listed {a:3} other listed {b:3}  AUC {' '.join(f'{q:.2f}' for q in aucs)} mean {np.mean(aucs):.3f}")
