"""Per judged term: its recent papers, the entropy of the words right before and after it, and the share of its
papers holding its five most common context words (5 words each side). README.md, "Corpus frequency and context".
Paths as in session 38 (/tmp/mod/stop.txt from Stop.java; output /tmp/mod/ctx.tsv)."""
# neighbour diversity of judged terms in the recent corpus
import csv, glob, gzip, json, re, math
from collections import Counter, defaultdict
stop=set(open('/tmp/mod/stop.txt').read().split())
judged=defaultdict(list)
for f in sorted(glob.glob('/work/main/docs/trending*-judgements.csv')):
    tag=f.split('trending')[1].split('-judgements')[0] or 'dev'
    for r in csv.DictReader(open(f)):
        judged[r['term']].append((r['names']=='yes',tag))
terms=[t for t in judged if re.fullmatch(r'[a-z0-9]+( [a-z0-9]+)*',t)]
T=set(terms); maxn=max(len(t.split()) for t in terms)
TOK=re.compile(r'[^\W_]+')
left=defaultdict(Counter); right=defaultdict(Counter); papers=Counter(); ctx=defaultdict(Counter)
for f in sorted(glob.glob('/work/main/data/train/recent/*.jsonl.gz')):
    for line in gzip.open(f,'rt'):
        d=json.loads(line)
        text=((d.get('title') or '')+' . '+(d.get('abstract') or '')).lower()
        ws=[w for w in TOK.findall(text) if len(w)>=2 and w not in stop]
        seen=set()
        for i in range(len(ws)):
            for n in range(1,min(maxn,3)+1):
                g=' '.join(ws[i:i+n])
                if g in T:
                    if i>0: left[g][ws[i-1]]+=1
                    if i+n<len(ws): right[g][ws[i+n]]+=1
                    if g not in seen:
                        seen.add(g); papers[g]+=1
                        for w in set(ws[max(0,i-5):i]+ws[i+n:i+n+5]): ctx[g][w]+=1
def ent(c):
    n=sum(c.values())
    return -sum(v/n*math.log(v/n) for v in c.values())/math.log(n) if n>1 else 0
with open('/tmp/mod/ctx.tsv','w') as o:
    for t in terms:
        if papers[t]<5: continue
        l=left[t]; r=right[t]; c=ctx[t]; n=papers[t]
        top5=sum(v for _,v in c.most_common(5))/n
        o.write(f"{t}\t{n}\t{ent(l):.3f}\t{ent(r):.3f}\t{top5:.3f}\t{sum(y for y,_ in judged[t])}\t{len(judged[t])}\t{';'.join(sorted(set(g for _,g in judged[t])))}\n")
