package org.arxivdigest.classify.tfidf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.schema.Columns;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

class TextFeaturesTest {
  private static List<String> authorTerms(Object authorsParsed) {
    var schema = new StructType().add(Columns.AUTHORS_PARSED,
        DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.StringType)));
    Row row = TestSpark.session().createDataFrame(List.of(RowFactory.create(authorsParsed)), schema)
        .select(TextFeatures.authorTerms()).first();
    return row.getList(0);
  }

  private static List<String> name(String... parts) {
    return Arrays.asList(parts);
  }

  @Test
  void eachAuthorIsOneTermOfFirstAndLastNameLowerCaseWithUnderscores() {
    Object authors = List.of(name("Zeng", "Xianming", ""), name("O'Brien", "Mary-Ann", "Jr"),
        name("Müller", "Jürgen", ""), name("", "", ""), name("Collaboration", "", ""));
    assertThat(authorTerms(authors)).containsExactly("author:xianming_zeng", "author:mary_ann_o_brien",
        "author:jürgen_müller", "author:collaboration");
  }

  @Test
  void aPaperWithoutParsedAuthorsHasNoAuthorTerms() {
    assertThat(authorTerms(null)).isEmpty();
  }
}
