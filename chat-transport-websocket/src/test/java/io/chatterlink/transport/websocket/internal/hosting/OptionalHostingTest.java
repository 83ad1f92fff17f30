package io.chatterlink.transport.websocket.internal.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hostings are optional dependencies (see this module's pom): each test runs a probe ({@link
 * OptionalHostingProbes}) in a class loader of its own, over this module's class path without some
 * of their jars, as an embedder's build resolves it without them.
 */
class OptionalHostingTest {
  /** Undertow and what only it brings (XNIO, JBoss threads and logging, WildFly's common code). */
  private static final List<String> UNDERTOW =
      List.of("/io/undertow/", "/org/jboss/", "/org/wildfly/");

  /** Tyrus's server container, its client (which it brings) and Grizzly under both. */
  private static final List<String> TYRUS_SERVER_AND_GRIZZLY =
      List.of(
          "/tyrus-server-",
          "/tyrus-client-",
          "/tyrus-container-grizzly-server-",
          "/tyrus-container-grizzly-client-",
          "/org/glassfish/grizzly/");

  private static final List<String> ALL_HOSTINGS =
      Stream.concat(UNDERTOW.stream(), TYRUS_SERVER_AND_GRIZZLY.stream()).toList();

  @Test
  void aContainerOfTheEmbeddersOwnNeedsNoUndertowGrizzlyOrTyrusServer() throws Exception {
    try (URLClassLoader loader = classPathWithout(ALL_HOSTINGS)) {
      assertAbsent(
          loader,
          "io.undertow.server.HttpHandler",
          "org.xnio.Xnio",
          "org.glassfish.grizzly.http.server.HttpServer",
          "org.glassfish.tyrus.server.TyrusServerContainer",
          "org.glassfish.tyrus.client.ClientManager");

      assertThat(probe(loader, OptionalHostingProbes.EndpointConfig.class).call())
          .isEqualTo("/ws HandshakeConfigurator");
    }
  }

  @Test
  void standaloneHostingWithoutGrizzlyNamesTheArtifactsToAdd() throws Exception {
    try (URLClassLoader loader = classPathWithout(ALL_HOSTINGS)) {
      Callable<?> standalone = probe(loader, OptionalHostingProbes.Standalone.class);

      assertThatThrownBy(standalone::call)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("startStandalone")
          .hasMessageContaining("org.glassfish.tyrus:tyrus-server")
          .hasMessageContaining("org.glassfish.tyrus:tyrus-container-grizzly-server")
          .hasMessageContaining("docs/embedding.md");
    }
  }

  @Test
  void undertowHostingWithoutTyrusServerNamesTheArtifactToAdd() throws Exception {
    try (URLClassLoader loader = classPathWithout(TYRUS_SERVER_AND_GRIZZLY)) {
      Callable<?> undertow = probe(loader, OptionalHostingProbes.Undertow.class);

      assertThatThrownBy(undertow::call)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("undertowHandler")
          .hasMessageContaining("org.glassfish.tyrus:tyrus-server")
          .hasMessageNotContaining("undertow-core");
    }
  }

  @Test
  void withEveryHostingPresentTheProbesServe() throws Exception {
    assertThat(new OptionalHostingProbes.Standalone().call()).isPositive();
    assertThat(new OptionalHostingProbes.Undertow().call()).isEqualTo("UndertowUpgradeHandler");
  }

  /** The probe of that class, loaded and made in {@code loader}. */
  private static Callable<?> probe(ClassLoader loader, Class<?> probe) throws Exception {
    Class<?> isolated = loader.loadClass(probe.getName());
    assertThat(isolated).isNotSameAs(probe);
    var constructor = isolated.getDeclaredConstructor();
    constructor.setAccessible(true);
    return (Callable<?>) constructor.newInstance();
  }

  /** Proves the jars are really gone, so that no test here passes by finding them after all. */
  private static void assertAbsent(ClassLoader loader, String... classNames) {
    for (String name : classNames) {
      assertThatThrownBy(() -> Class.forName(name, false, loader))
          .as(name)
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  /** This test's class path (Surefire sets java.class.path to it) without the matching jars. */
  private static URLClassLoader classPathWithout(List<String> pathFragments) {
    URL[] urls =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(
                entry ->
                    pathFragments.stream()
                        .noneMatch(entry.replace(File.separatorChar, '/')::contains))
            .map(OptionalHostingTest::url)
            .toArray(URL[]::new);
    return new URLClassLoader("without-hostings", urls, ClassLoader.getPlatformClassLoader());
  }

  private static URL url(String entry) {
    try {
      return Path.of(entry).toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(entry, e);
    }
  }
}
