package dev.toolwarden.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One published Toolwarden module as its API checks see it: the packages its {@code module-info} exports to
 * everyone (qualified exports are not API), its compiled classes, its sources and its committed API listing.
 */
record ApiModule(String folder, String artifact) {

  /** The modules whose API is checked; the listing of each is {@code <folder>/api/<artifact>.api}. */
  static List<ApiModule> published() {
    return List.of(new ApiModule("annotations", "toolwarden-annotations"),
        new ApiModule("runtime", "toolwarden-runtime"),
        new ApiModule("redis", "toolwarden-redis"),
        new ApiModule("test-kit", "toolwarden-test"));
  }

  static Path repositoryRoot() {
    Path here = Path.of("").toAbsolutePath();
    return here.getFileName().toString().equals("integration-tests") ? here.getParent() : here;
  }

  Path classes() {
    return repositoryRoot().resolve(folder).resolve("target/classes");
  }

  Path sources() {
    return repositoryRoot().resolve(folder).resolve("src/main/java");
  }

  Path listing() {
    return repositoryRoot().resolve(folder).resolve("api").resolve(artifact + ".api");
  }

  /** Packages exported without a {@code to} clause. */
  Set<String> exportedPackages() {
    Path info = classes().resolve("module-info.class");
    try (InputStream in = Files.newInputStream(info)) {
      return ModuleDescriptor.read(in).exports().stream()
          .filter(e -> !e.isQualified())
          .map(ModuleDescriptor.Exports::source)
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException("no module-info.class for " + folder + " (build the module first)", e);
    }
  }

  /** Binary names of the top-level and nested classes compiled into the exported packages. */
  List<String> exportedClassNames() {
    Set<String> packages = exportedPackages();
    try (Stream<Path> files = Files.walk(classes())) {
      return files.filter(p -> p.toString().endsWith(".class"))
          .map(p -> classes().relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
          .filter(n -> !n.equals("module-info") && packages.contains(n.substring(0, Math.max(0, n.lastIndexOf('.')))))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
