"""What the scripts here share: the words of a text roughly as DocumentTerms.forEachWordWithAdjacency gives them, and
the AUC of a score."""
import re

import numpy as np

TOK = re.compile(r'[^\W_]+')
HY = '-\u2010\u2011'


def words(text, stop):
    """Kept words (lower case, 2+ characters, not in stop), each as (word, adjacent, prefix, suffix, glued): whether it
    stands next to the kept word before it; the word a hyphen glues to its left / right (or None); whether only
    hyphens stand between it and the kept word before it."""
    low = text.lower()
    raw = [(m.group(0), m.start(), m.end()) for m in TOK.finditer(low)]
    out = []
    last = None
    for k, (t, s, e) in enumerate(raw):
        if len(t) < 2 or t in stop:
            continue
        adj = False
        glued = False
        if last is not None:
            gap = low[last:s]
            glued = bool(gap) and all(c in HY for c in gap)
            if not any(c.isspace() for c in gap):
                adj = True
            else:
                pieces = gap.split()
                adj = all(all(c in HY for c in p) or (p.isdigit() and 0 < i) for i, p in enumerate(pieces))
                # a leading piece glued to the last word must be hyphens only
                if gap and not gap[0].isspace() and not all(c in HY for c in gap.split()[0]):
                    adj = False
        lp = raw[k - 1][0] if k > 0 and s >= 2 and low[s - 1] in HY and raw[k - 1][2] == s - 1 else None
        rs = raw[k + 1][0] if k + 1 < len(raw) and e < len(low) and low[e] in HY and raw[k + 1][1] == e + 1 else None
        out.append((t, adj, lp, rs, glued))
        last = e
    return out


def auc(scores, y):
    """The chance that a naming term (y 1) scores above another (ties count half); nan without both kinds."""
    pos, neg = scores[y == 1], scores[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float('nan')
    return ((pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()) / (len(pos) * len(neg))
