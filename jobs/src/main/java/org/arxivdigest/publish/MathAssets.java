package org.arxivdigest.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The scripts the HTML month pages load to draw TeX: MathJax's {@code tex-svg.js} from its WebJar on the classpath
 * and the site's settings ({@code site/math.js}), written under {@code assets/} where their bytes differ. The
 * site's only scripts; nothing is fetched at view time.
 */
final class MathAssets {
  private MathAssets() {}

  static final String MATHJAX = "assets/mathjax/tex-svg.js";
  static final String SETTINGS = "assets/math.js";

  private static final String MATHJAX_RESOURCE = "/META-INF/resources/webjars/mathjax/3.2.2/es5/tex-svg.js";
  private static final String SETTINGS_RESOURCE = "/site/math.js";

  static void write(SiteWriter site) {
    site.write(SETTINGS, resource(SETTINGS_RESOURCE));
    site.write(MATHJAX, resource(MATHJAX_RESOURCE));
  }

  private static String resource(String name) {
    try (InputStream in = MathAssets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing on the classpath: " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + name, e);
    }
  }
}
