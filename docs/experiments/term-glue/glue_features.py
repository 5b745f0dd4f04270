"""How the corpus glues each term by hyphens (issue 25, session 38; not kept, see README.md). Per term: its papers; the
share of them writing it right after a hyphen ("Qwen3-VL", "X-Bench"), and the most common word before that hyphen's
share of those; the same after it; for a 2-gram, the share writing its two words joined ("trajectory-level").
Words as DocumentTerms gives them (lower case, 2+ characters, MLlib's English stop words out), approximately.

    python3 glue_features.py TERMS_TXT STOP_WORDS_TXT RECENT_DIR OUT_TSV
"""
import glob, gzip, json, re, sys
from collections import Counter, defaultdict
stop=set(open(sys.argv[2]).read().split())
cands=set(l.rstrip('\n') for l in open(sys.argv[1]))
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
import common
def words(text):
    return [(t, adj, lp, rs) for t, adj, lp, rs, _ in common.words(text, stop)]
papers=Counter(); inner=Counter(); left=Counter(); right=Counter(); lpre=defaultdict(Counter); rsuf=defaultdict(Counter)
def norm(t):
    return t if t in cands else (t[:-1] if t.endswith('s') and t[:-1] in cands else (t[:-2] if t.endswith('es') and t[:-2] in cands else None))
for f in sorted(glob.glob(sys.argv[3]+'/*.jsonl.gz')):
    for line in gzip.open(f,'rt'):
        d=json.loads(line)
        seen={}
        for field in (d.get('title') or '', d.get('abstract') or ''):
            ws=words(field)
            for i,(w,adj,lp,rs) in enumerate(ws):
                grams=[(w,lp,rs,False)]
                if i+1<len(ws) and ws[i+1][1]:
                    grams.append((w+' '+ws[i+1][0],lp,ws[i+1][3],rs is not None))
                for g,l,r,inn in grams:
                    parts=g.split(); last=norm(parts[-1]) if len(parts)==1 else None
                    key=g if g in cands else None
                    if key is None:
                        if len(parts)==1: key=last
                        else:
                            n=norm(parts[-1]); key=(parts[0]+' '+n) if n and parts[0]+' '+n in cands else None
                    if key is None: continue
                    st=seen.setdefault(key,[set(),set(),[False]])
                    if inn: st[2][0]=True
                    if l: st[0].add(l)
                    if r: st[1].add(r)
        for key,(ls,rs,inn) in seen.items():
            if inn[0]: inner[key]+=1
            papers[key]+=1
            if ls: left[key]+=1; lpre[key].update(ls)
            if rs: right[key]+=1; rsuf[key].update(rs)
with open(sys.argv[4],'w') as o:
    o.write('term\tpapers\tleft\tlefttop\tright\trighttop\tinner\n')
    for t in sorted(cands):
        n=papers[t]
        lt=lpre[t].most_common(1)[0][1]/left[t] if left[t] else 0
        rt=rsuf[t].most_common(1)[0][1]/right[t] if right[t] else 0
        o.write(f"{t}\t{n}\t{left[t]/n if n else 0:.4f}\t{lt:.4f}\t{right[t]/n if n else 0:.4f}\t{rt:.4f}\t{inner[t]/n if n else 0:.4f}\n")
