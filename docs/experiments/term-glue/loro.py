"""Leave-one-reading-out figures of term_names.py's fit with glue features beside the embedding (README.md).

    python3 loro.py TERM_NAMES_PY WORK GLUE_TSV VARIANT...   # VARIANT: none left lr lri raw li, optionally :SCALE
"""
import sys, numpy as np, importlib.util
spec=importlib.util.spec_from_file_location('tn',sys.argv[1]); tn=importlib.util.module_from_spec(spec); spec.loader.exec_module(tn)
W=sys.argv[2]
rows=[l.rstrip('\n').split('\t') for l in open(W+'/judged.tsv')]
emb=np.loadtxt(W+'/judged.csv',delimiter=',')
g={}
for l in list(open(sys.argv[3]))[1:]:
    p=l.rstrip('\n').split('\t'); g[p[0]]=[float(x) for x in p[1:]]
terms=[r[2] for r in rows]
def glue(t, variant):
    papers,left,lt,right,rt,inner=g.get(t,[0]*6)
    f={'none':[], 'left':[left*(1-lt)], 'lr':[left*(1-lt), right*(1-rt)], 'lri':[left*(1-lt), right*(1-rt), inner],
       'raw':[left,lt*left,right,rt*right,inner], 'li':[left*(1-lt), inner]}[variant]
    return f
y=np.array([r[3]=='yes' for r in rows],float); readings=np.array([r[0] for r in rows])
for variant in sys.argv[4:]:
    scale=float(variant.split(':')[1]) if ':' in variant else 1.0
    v=variant.split(':')[0]
    x=np.hstack([tn.features(terms,emb), scale*np.array([glue(t,v) for t in terms]).reshape(len(terms),-1)])
    tot=[0,0,0]
    line=[]
    for s,_,yt,listed in tn.leave_one_reading_out(x,y,readings):
        a,b=int((listed&(yt==1)).sum()),int((listed&(yt==0)).sum())
        tot[0]+=a; tot[1]+=b; tot[2]+=int((yt==0).sum())
        line.append(f"{s}:{a}/{b}")
    print(f"{variant:8} naming listed {tot[0]:3}  not-naming listed {tot[1]:3} of {tot[2]}  ", ' '.join(line))
