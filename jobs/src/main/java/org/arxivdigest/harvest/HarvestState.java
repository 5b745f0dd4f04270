package org.arxivdigest.harvest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.arxivdigest.core.Json;

/**
 * Where a harvest stands, kept beside its pages ({@link #FILE}) and replaced atomically after each page: the
 * request it harvests, the pages and records written, and the resumption token of the next page. A harvest that
 * stopped (killed, network gone, retries spent) resumes from here; a page written but not yet counted here is
 * fetched and written again under the same name, so no page is lost or doubled.
 */
public record HarvestState(String request, int pages, long records, String nextToken, boolean complete) {
  /** The state file: its leading underscore keeps {@code ingest} from reading it as input. */
  public static final String FILE = "_harvest.json";

  static HarvestState start(OaiRequest request) {
    return new HarvestState(request.describe(), 0, 0, null, false);
  }

  /** After one more page. */
  HarvestState next(OaiPage page) {
    return new HarvestState(request, pages + 1, records + page.records(), page.hasNext() ? page.token() : null,
        !page.hasNext());
  }

  /** A harvest that matched no record: complete with no page. */
  HarvestState empty() {
    return new HarvestState(request, 0, 0, null, true);
  }

  /** The state in {@code folder}, or null when there is none. */
  static HarvestState load(Path folder) throws IOException {
    try {
      return Json.read(Files.readAllBytes(folder.resolve(FILE)), HarvestState.class);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  void save(Path folder) throws IOException {
    Pages.writeAtomically(folder.resolve(FILE), Json.write(this).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
