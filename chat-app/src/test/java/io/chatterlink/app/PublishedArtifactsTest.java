package io.chatterlink.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Keeps the BOM ({@code chat-bom}) in step with the modules we publish: every module of the build
 * that is deployed is pinned there, nothing third-party is, and the README tells users about each.
 * Reads the poms from the source tree, like the README test in chat-core.
 */
class PublishedArtifactsTest {
  private static final Path ROOT = Path.of("..");
  private static final Path BOM = ROOT.resolve("chat-bom/pom.xml");

  @Test
  void theBomPinsEveryPublishedModuleTheTestKitIncluded() throws Exception {
    Set<String> expected = new TreeSet<>();
    for (String module : modulesOf(ROOT.resolve("pom.xml"))) {
      if (!module.equals("chat-bom") && isPublished(ROOT.resolve(module).resolve("pom.xml"))) {
        expected.add(module);
      }
    }

    assertThat(expected)
        .contains("chat-core", "chat-test-kit", "chat-app")
        .doesNotContain("chat-browser-tests", "chat-bench");
    assertThat(new TreeSet<>(managedArtifacts(BOM))).isEqualTo(expected);
  }

  @Test
  void theBomPinsOnlyChatterLinkArtifactsAtItsOwnVersion() throws Exception {
    Document bom = parse(BOM);
    for (Element dependency : dependencies(bom)) {
      assertThat(text(dependency, "groupId")).isEqualTo("io.chatterlink");
      assertThat(text(dependency, "version")).isEqualTo("${project.version}");
    }
  }

  @Test
  void theBomHasNoParentSoItCannotInheritThirdPartyVersions() throws Exception {
    Document bom = parse(BOM);
    Document parent = parse(ROOT.resolve("pom.xml"));

    assertThat(bom.getDocumentElement().getElementsByTagName("parent").getLength()).isZero();
    assertThat(text(bom.getDocumentElement(), "packaging")).isEqualTo("pom");
    assertThat(text(bom.getDocumentElement(), "version"))
        .isEqualTo(text(parent.getDocumentElement(), "version"));
  }

  @Test
  void theReadmeSectionOnTheArtifactsShowsTheBomAndNamesEveryArtifactInIt() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int start = readme.indexOf("## Using the artifacts");
    assertThat(start).as("README section \"Using the artifacts\"").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);

    assertThat(section).contains("<artifactId>chat-bom</artifactId>", "<scope>import</scope>");
    for (String artifact : managedArtifacts(BOM)) {
      String row = "| `" + artifact.replace(":test-jar", "") + "`";
      assertThat(section).contains(artifact.endsWith(":test-jar") ? row + " (`<type>" : row + " |");
    }
  }

  private static List<String> modulesOf(Path pom) throws Exception {
    List<String> modules = new ArrayList<>();
    var nodes = parse(pom).getElementsByTagName("module");
    for (int i = 0; i < nodes.getLength(); i++) {
      modules.add(nodes.item(i).getTextContent().strip());
    }
    return modules;
  }

  /**
   * The browser tests and the load generator set maven.deploy.skip: they are modules of the build,
   * not artifacts.
   */
  private static boolean isPublished(Path pom) throws Exception {
    var skips = parse(pom).getElementsByTagName("maven.deploy.skip");
    return skips.getLength() == 0 || !skips.item(0).getTextContent().strip().equals("true");
  }

  /** The BOM's entries as artifactId, or artifactId:type when the type is not a plain jar. */
  private static List<String> managedArtifacts(Path bom) throws Exception {
    List<String> artifacts = new ArrayList<>();
    for (Element dependency : dependencies(parse(bom))) {
      String type = text(dependency, "type");
      String artifact = text(dependency, "artifactId");
      artifacts.add(type.isEmpty() ? artifact : artifact + ":" + type);
    }
    return artifacts;
  }

  private static List<Element> dependencies(Document pom) {
    List<Element> dependencies = new ArrayList<>();
    var nodes = pom.getElementsByTagName("dependency");
    for (int i = 0; i < nodes.getLength(); i++) {
      dependencies.add((Element) nodes.item(i));
    }
    return dependencies;
  }

  /** The text of the direct child element with this name, or "" when there is none. */
  private static String text(Element parent, String name) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && element.getTagName().equals(name)) {
        return element.getTextContent().strip();
      }
    }
    return "";
  }

  private static Document parse(Path pom) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (var in = Files.newInputStream(pom)) {
      return factory.newDocumentBuilder().parse(in);
    } catch (IOException e) {
      throw new IOException("cannot read " + pom.toAbsolutePath().normalize(), e);
    }
  }
}
