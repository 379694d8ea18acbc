package org.bertfit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.junit.jupiter.api.Test;

/** The BOM names every library module of the build, so that one version pins them all. */
class BomTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void theBomManagesEveryModule() throws Exception {
    List<String> modules = new ArrayList<>();
    for (String module : texts(read(ROOT.resolve("pom.xml")).getDocumentElement(), "module")) {
      if (!module.equals("bom") && !module.equals("examples")) {
        modules.add(directChild(read(ROOT.resolve(module).resolve("pom.xml")).getDocumentElement(), "artifactId"));
      }
    }
    Element bom = read(ROOT.resolve("bom/pom.xml")).getDocumentElement();
    assertThat(directChild(bom, "artifactId")).isEqualTo("bertfit-bom");
    assertThat(modules).hasSizeGreaterThanOrEqualTo(6);
    assertThat(texts(bom, "artifactId")).containsAll(modules);
  }

  private static Document read(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static List<String> texts(Element root, String tag) {
    NodeList nodes = root.getElementsByTagName(tag);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().trim());
    }
    return out;
  }

  private static String directChild(Element root, String tag) {
    NodeList nodes = root.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
        return e.getTextContent().trim();
      }
    }
    throw new IllegalArgumentException("no <" + tag + "> under <" + root.getTagName() + ">");
  }
}
