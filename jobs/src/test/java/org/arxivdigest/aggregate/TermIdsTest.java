package org.arxivdigest.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.arxivdigest.classify.tfidf.DocumentTerms;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

/** {@link TermIds} against {@link DocumentTerms#of}, whose terms it numbers. */
class TermIdsTest {

  private static Set<String> terms(TermIds ids, String title, String abstractText) {
    int n = ids.of(title, abstractText);
    var out = new HashSet<String>();
    for (int i = 0; i < n; i++) {
      assertThat(out.add(ids.term(ids.terms()[i]))).as("each term once").isTrue();
    }
    return out;
  }

  @Test
  void numbersTheTermsOfEveryRealSampleRecordExactly() {
    var ids = new TermIds(); // one for all, as a task uses it: numbers of earlier papers stay valid
    var differ = new ArrayList<String>();
    long terms = 0;
    for (Row r : TestSpark.sampleDocuments().collectAsList()) {
      Set<String> expected = DocumentTerms.of(r.getString(1), r.getString(2));
      terms += expected.size();
      if (!terms(ids, r.getString(1), r.getString(2)).equals(expected)) {
        differ.add(r.getString(0));
      }
    }
    assertThat(differ).as("papers whose terms differ").isEmpty();
    assertThat(terms).isGreaterThan(1_000_000);
  }

  @Test
  void givesEachTermOnceWithWordsAloneAndInPairs() {
    var ids = new TermIds();
    assertThat(terms(ids, "Graph graph graph", "graph networks; graph networks"))
        .containsExactlyInAnyOrder("graph", "networks", "graph graph", "graph networks", "networks graph");
    assertThat(terms(ids, null, null)).isEmpty();
    assertThat(terms(ids, "networks", null)).containsExactly("networks");
    // Sorted, so that counting them needs no set.
    int n = ids.of("zeta alpha beta", "alpha");
    for (int i = 1; i < n; i++) {
      assertThat(ids.terms()[i]).isGreaterThan(ids.terms()[i - 1]);
    }
  }
}
