package org.arxivdigest.classify.tfidf;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.schema.Columns;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

/** {@link DocumentTerms} against the model's own stages ({@link TextFeatures#termStages()}). */
class DocumentTermsTest {
  private static final StructType DOCS = new StructType()
      .add(Columns.ID, DataTypes.StringType)
      .add(Columns.TITLE, DataTypes.StringType)
      .add(Columns.ABSTRACT, DataTypes.StringType);

  /** The distinct terms of each document as the stages give them: id, title, abstract, terms. */
  private static List<Row> staged(Dataset<Row> docs) {
    Dataset<Row> out = docs.withColumn(TextFeatures.TEXT, TextFeatures.text());
    for (Transformer stage : TextFeatures.termStages()) {
      out = stage.transform(out);
    }
    return out.select(col(Columns.ID), col(Columns.TITLE), col(Columns.ABSTRACT),
        array_distinct(col(TextFeatures.TERMS))).collectAsList();
  }

  @Test
  void givesTheStagesTermsForEveryRealSampleRecord() {
    Dataset<Row> docs = TestSpark.sampleDocuments();
    List<Row> rows = staged(docs);
    assertThat(rows).hasSizeGreaterThan(10_000);
    var differ = new ArrayList<String>();
    long terms = 0;
    var nonAscii = new HashSet<String>();
    for (Row r : rows) {
      var expected = new HashSet<String>(r.getList(3));
      var actual = DocumentTerms.of(r.getString(1), r.getString(2));
      terms += actual.size();
      actual.stream().filter(t -> !t.chars().allMatch(c -> c < 128)).forEach(nonAscii::add);
      if (!actual.equals(expected)) {
        differ.add(r.getString(0));
      }
    }
    assertThat(differ).as("papers whose terms differ").isEmpty();
    // Where each word is: the words again, at their places in the lower case, in order.
    for (Row r : rows.subList(0, 2_000)) {
      String abstractText = r.getString(2);
      String lower = abstractText.toLowerCase();
      var placed = new ArrayList<String>();
      int[] last = {-1};
      DocumentTerms.forEachPlacedWord(abstractText, (w, adjacent, start, end) -> {
        assertThat(lower.substring(start, end)).isEqualTo(w);
        assertThat(start).isGreaterThan(last[0]);
        last[0] = end;
        placed.add(w);
      });
      assertThat(placed).isEqualTo(DocumentTerms.words(abstractText));
    }
    // The comparison covered real vocabulary, not a degenerate case.
    assertThat(terms).isGreaterThan(1_000_000);
    assertThat(nonAscii).isNotEmpty();
  }

  @Test
  void givesTheStagesTermsForHostileText() {
    String[][] texts = {
        {"a", "Dotted İstanbul and ınfinite ß STRASSE", "Ünïcödé ÆØÅ naïve café"},
        {"b", "$\\mathcal{O}(n \\log n)$ | <b>bold</b> & x_1^2", "The the THE of and a an it is"},
        {"c", null, "only an abstract: 3D-CNNs, GPT-4o, α-β pruning, 10^{-3}"},
        {"d", "only a title", null},
        {"e", null, null},
        {"f", "", "x y z 1 2 3"},
        {"g", "Ǆemal ǅ titlecase ﬁ ligature", "日本語の論文 and 中文 text"},
        {"h", "𝒪 bound 𝑥𝑦 and 𝟙𝟚 digits, Ⅻ and ½ numbers", "cafe\u0301 decomposed, \uD800ab lone surrogate, x\uDC00yz"},
    };
    var list = new ArrayList<Row>();
    for (String[] t : texts) {
      list.add(RowFactory.create((Object[]) t));
    }
    for (Row r : staged(TestSpark.session().createDataFrame(list, DOCS))) {
      assertThat(DocumentTerms.of(r.getString(1), r.getString(2))).as(r.getString(0))
          .containsExactlyInAnyOrderElementsOf(r.getList(3));
    }
    assertThat(DocumentTerms.of(null, null)).isEmpty();
    assertThat(DocumentTerms.of("Spiking neural networks", "for the graph"))
        .containsExactlyInAnyOrder("spiking", "neural", "networks", "graph",
            "spiking neural", "neural networks", "networks graph");
  }

  @Test
  void capitalizedWordsAreTheWordsWrittenWithACapitalWhereNoSentenceBegins() {
    var words = new ArrayList<String>();
    DocumentTerms.forEachCapitalizedWord("Agents fail. We fine-tune Qwen3 and GPT-4o models with LoRA on nuScenes! "
        + "Failure cases? Judges (e.g. Claude) disagree; the Gemini 2.5 judge. Ok x Y \u00c9cole", words::add);
    // Not "agents" (the text's first word), "failure", "judges" or "ok" (a sentence's first after . ! ?), nor "we"
    // (a stop word), "y" (one letter); "e.g." and "2.5" end no sentence (a letter's full stop, no space after it).
    assertThat(words).containsExactly("qwen3", "gpt", "lora", "nuscenes", "claude", "gemini", "\u00e9cole");
  }

  @Test
  void texMarkupIsNoWordOfTheTrendingTerms() {
    assertThat(DocumentTerms.withoutTex(null)).isNull();
    String plain = "no markup, 10^{-3} and a|b";
    assertThat(DocumentTerms.withoutTex(plain)).isSameAs(plain);
    // Control words go, and the argument of those that point somewhere; a mark stays, which no word is next to.
    assertThat(DocumentTerms.withoutTex("a \\textbf{b} \\cite{k1,k2} \\href{http://x}{c} $\\sim$ \\ref*{f} \\emph x"))
        .isEqualTo("a \u00B7{b} \u00B7 \u00B7{c} $\u00B7$ \u00B7 \u00B7 x");
    // A doubled backslash is a line break, not the start of a control word: the word after it stays.
    assertThat(DocumentTerms.withoutTex("first line\\\\second line \\\\\\emph{third}"))
        .isEqualTo("first line\u00B7second line \u00B7\u00B7{third}");
    // TeX's accents are the letters they make, not a control word that cuts a word in two
    var terms = new ArrayList<String>();
    DocumentTerms.forEachTermWord("the Fr\\'echet Inception Distance of Schr\\\"odinger bridges",
        (w, adjacent) -> terms.add(adjacent ? "+" + w : w));
    assertThat(terms).containsExactly("fréchet", "+inception", "+distance", "schrödinger", "+bridges");
    var words = new ArrayList<String>();
    DocumentTerms.forEachCapitalizedWord("We use $\\Delta$ and \\textbf{GPT} models", words::add);
    assertThat(words).as("\\Delta is no name").containsExactly("gpt");
  }
}
