"""Leave-one-reading-out AUC and listed terms of term_names.py's fit with other sentence encoders (README.md, session 38).

    python3 cmp.py [L2...]   # reads WORK=/tmp/mod/tn8 (judged.tsv, judged.csv: MiniLM quantized) and the
                             # judged-minilm.csv / judged-bge.csv that Embed.java wrote beside this file's caller
"""
import sys, numpy as np, importlib.util
spec=importlib.util.spec_from_file_location('tn','/work/main/data/reference/term-names/term_names.py'); tn=importlib.util.module_from_spec(spec); spec.loader.exec_module(tn)
rows=[l.rstrip('\n').split('\t') for l in open('/tmp/mod/tn8/judged.tsv')]
terms=[r[2] for r in rows]; y=np.array([r[3]=='yes' for r in rows],float); readings=np.array([r[0] for r in rows])
E={'minilm-q':np.loadtxt('/tmp/mod/tn8/judged.csv',delimiter=','),'minilm':np.loadtxt('/tmp/enc/judged-minilm.csv',delimiter=','),'bge-q':np.loadtxt('/tmp/enc/judged-bge.csv',delimiter=',')}
E['minilm-q+bge-q']=np.hstack([E['minilm-q'],E['bge-q']])
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.dirname(__import__('os').path.abspath(__file__))))
from common import auc
for l2 in [float(x) for x in sys.argv[1:]] or [1.0]:
  for name,emb in E.items():
    x=tn.features(terms,emb); a=[];b=[];aucs=[]
    for _,sc,yt,listed in tn.leave_one_reading_out(x,y,readings,l2):
        a.append(int((listed&(yt==1)).sum())); b.append(int((listed&(yt==0)).sum())); aucs.append(auc(sc,yt))
    print(f"l2={l2} {name:16} naming listed {sum(a):3} other listed {sum(b):3}  AUC {' '.join(f'{v:.2f}' for v in aucs)}  mean {np.mean(aucs):.3f}")
