"""Per judged term (all readings), the share of its recent papers that mostly write a word right after it, and that
mostly join a 2-gram's words by a hyphen (README.md, "Modifiers cut from their noun"). Paths as in session 38:
MLlib's stop words in /tmp/mod/stop.txt (Stop.java), output /tmp/mod/follow.tsv."""
import csv, glob, gzip, json, re, sys
from collections import Counter, defaultdict
stop=set(open('/tmp/mod/stop.txt').read().split())
judged=defaultdict(list)
for f in sorted(glob.glob('/work/main/docs/trending*-judgements.csv')):
    for r in csv.DictReader(open(f)):
        judged[r['term']].append(r['names']=='yes')
terms=[t for t in judged if re.fullmatch(r'[a-z0-9]+( [a-z0-9]+)?',t)]
T=set(terms)
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
import common
def words(text):
    return [(t, adj, glued) for t, adj, _, _, glued in common.words(text, stop)]
papers=Counter(); followed=Counter(); inner=Counter()
for f in sorted(glob.glob('/work/main/data/train/recent/*.jsonl.gz')):
    for line in gzip.open(f,'rt'):
        d=json.loads(line); seen={}
        for field in (d.get('title') or '', d.get('abstract') or ''):
            ws=words(field)
            for i in range(len(ws)):
                for n in (1,2):
                    if i+n>len(ws): continue
                    if n==2 and not ws[i+1][1]: continue
                    g=' '.join(w for w,_,_ in ws[i:i+n])
                    key=g if g in T else (g[:-1] if g.endswith('s') and g[:-1] in T else None)
                    if not key: continue
                    st=seen.setdefault(key,[0,0,0])
                    st[0]+=1
                    if i+n<len(ws) and ws[i+n][1]: st[1]+=1
                    if n==2 and ws[i+1][2]: st[2]+=1
        for k,(occ,fol,inn) in seen.items():
            papers[k]+=1
            if fol*2>occ: followed[k]+=1
            if inn*2>occ: inner[k]+=1
with open('/tmp/mod/follow.tsv','w') as o:
    for t in terms:
        n=papers[t]
        if n: o.write(f"{t}\t{n}\t{followed[t]/n:.3f}\t{inner[t]/n:.3f}\t{sum(judged[t])}\t{len(judged[t])}\n")
