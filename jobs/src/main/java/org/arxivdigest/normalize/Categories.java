package org.arxivdigest.normalize;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_element_at;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** The space-separated {@code categories} of the dump: the first is the primary one. */
public final class Categories {
  private Categories() {}

  /** "cs.CL cs.AI" becomes [cs.CL, cs.AI]; null or blank becomes an empty array; repeats are dropped. */
  public static Column split(Column categories) {
    Column parts = org.apache.spark.sql.functions.split(trim(coalesce(categories, lit(""))), "\\s+");
    return array_distinct(filter(parts, c -> c.notEqual(lit(""))));
  }

  /**
   * oai_dc's subjects as categories: each subject that names an arXiv category ("Computer Science - Machine
   * Learning" is cs.LG, "Quantum Physics" quant-ph) in the order given; other subjects (MSC and ACM codes, free
   * text) are left out.
   */
  public static Column fromSubjects(Column subjects) {
    Map<String, String> bySubject = Taxonomy.categoryBySubject();
    Column table = map_from_arrays(array(bySubject.keySet().stream().map(functions::lit).toArray(Column[]::new)),
        array(bySubject.values().stream().map(functions::lit).toArray(Column[]::new)));
    Column codes = transform(coalesce(subjects, array().cast("array<string>")),
        s -> try_element_at(table, Text.collapse(s)));
    return array_distinct(filter(codes, Column::isNotNull));
  }

  public static Column primary(Column categoryArray) {
    return try_element_at(categoryArray, lit(1));
  }

  /**
   * The archive of a category is the text before the first dot: cs.CL is cs, hep-th is hep-th, physics.optics is
   * physics. The one place this rule is written; {@code papers.archives} holds it for every paper's categories.
   */
  public static Column archive(Column category) {
    return substring_index(category, ".", 1);
  }

  /** The distinct {@link #archive}s of an array of categories. */
  public static Column archives(Column categoryArray) {
    return array_distinct(transform(categoryArray, Categories::archive));
  }
}
