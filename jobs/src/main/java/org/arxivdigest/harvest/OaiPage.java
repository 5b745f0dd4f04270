package org.arxivdigest.harvest;

import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What the harvester needs from a response: whether it is an OAI-PMH response at all, its error (code and
 * message), its records and its resumption token ({@code null} when there is none, {@code ""} at the end of the
 * list, as arXiv writes the last page's). Read with the JDK's StAX parser, DTDs and external entities off.
 */
public record OaiPage(String errorCode, String errorMessage, int records, String token) {
  /** A body that is not a whole OAI-PMH response: an HTML page, a body cut short, not XML. */
  public static final class NotOai extends Exception {
    private static final long serialVersionUID = 1L;

    NotOai(String message) {
      super(message);
    }
  }

  private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

  static {
    FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
  }

  public boolean isError() {
    return errorCode != null;
  }

  /** The page after this one is to be asked for. */
  public boolean hasNext() {
    return token != null && !token.isBlank();
  }

  public static OaiPage parse(byte[] body) throws NotOai {
    String code = null;
    String message = null;
    String token = null;
    int records = 0;
    boolean root = true;
    try {
      XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
      try {
        while (r.hasNext()) {
          if (r.next() != XMLStreamConstants.START_ELEMENT) {
            continue;
          }
          String name = r.getLocalName();
          if (root && !name.equals("OAI-PMH")) {
            throw new NotOai("not an OAI-PMH response: its root element is <" + name + ">");
          }
          root = false;
          switch (name) {
            case "error" -> {
              code = r.getAttributeValue(null, "code");
              message = r.getElementText().strip();
            }
            case "record" -> records++;
            case "resumptionToken" -> token = r.getElementText().strip();
            default -> { }
          }
        }
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      throw new NotOai("not a whole XML document: " + e.getMessage().lines().reduce((a, b) -> b).orElse(""));
    }
    if (root) {
      throw new NotOai("an empty body");
    }
    return new OaiPage(code, message, records, token);
  }
}
