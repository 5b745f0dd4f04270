package org.arxivdigest.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code jobs/src/main} import only downhill: a package uses packages of its own layer or below,
 * never one later in the pipeline, and nobody uses {@code cli} (docs/architecture.md draws the same layers).
 */
class PackageLayersTest {
  private static final String ROOT = "org.arxivdigest";

  /** Lowest first; packages on one line share a layer (and may use each other, without cycles). */
  static final List<List<String>> LAYERS = List.of(
      List.of("schema"),
      List.of("core"),
      List.of("config"),
      List.of("io", "spark", "harvest"),
      List.of("run"),
      List.of("normalize"),
      List.of("ingest"),
      List.of("classify"),
      List.of("aggregate"),
      List.of("extract", "publish"),
      List.of("pipeline"),
      List.of("cli"));

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(ROOT);
  }

  /** The top-level package under the root: {@code classify} for {@code org.arxivdigest.classify.tfidf}. */
  static String packageOf(JavaClass c) {
    String rest = c.getPackageName().substring(ROOT.length()).replaceFirst("^\\.", "");
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  static int layerOf(String pkg) {
    for (int i = 0; i < LAYERS.size(); i++) {
      if (LAYERS.get(i).contains(pkg)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void everyPackageHasALayer() {
    var unplaced = new TreeSet<String>();
    classes.forEach(c -> {
      if (layerOf(packageOf(c)) < 0) {
        unplaced.add(c.getPackageName());
      }
    });
    assertThat(unplaced).as("packages missing from LAYERS").isEmpty();
    assertThat(classes.size()).as("classes imported").isGreaterThan(50);
  }

  @Test
  void packagesImportOnlyTheirLayerAndTheLayersBelow() {
    var upward = new TreeSet<String>();
    for (JavaClass c : classes) {
      int from = layerOf(packageOf(c));
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        JavaClass target = d.getTargetClass();
        if (!target.getPackageName().startsWith(ROOT + ".") || from < 0) {
          continue;
        }
        String to = packageOf(target);
        if (layerOf(to) > from) {
          upward.add(packageOf(c) + " -> " + to + ": " + c.getSimpleName() + " uses " + target.getName());
        }
      }
    }
    assertThat(upward).as("dependencies on a package later in the pipeline").isEmpty();
  }

  @Test
  void packagesOfOneLayerHaveNoCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }
}
