package dev.toolwarden.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public API of each published module is a deliberate, reviewed diff: its listing is committed as
 * {@code <module>/api/<artifact>.api}, and this test fails on any difference. After an intended API change,
 * regenerate the listings and commit them with the change:
 * {@code mvn -B verify -pl integration-tests -am -Dtest=PublicApiTest -Dtoolwarden.api.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.skip}.
 */
class PublicApiTest {

  static List<ApiModule> modules() {
    return ApiModule.published();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void publicApiMatchesTheCommittedListing(ApiModule module) throws Exception {
    String actual = ApiListing.render(module);
    if (Boolean.getBoolean("toolwarden.api.update")) {
      Files.createDirectories(module.listing().getParent());
      Files.writeString(module.listing(), actual);
    }
    String expected = Files.exists(module.listing()) ? Files.readString(module.listing()) : "";
    assertEquals(expected, actual, () -> "the public API of " + module.artifact() + " differs from "
        + ApiModule.repositoryRoot().relativize(module.listing()) + ". If the change is intended, regenerate the "
        + "listing (-Dtoolwarden.api.update=true, see PublicApiTest) and commit it with the change.");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void everyPublicTypeAndMethodHasJavadoc(ApiModule module) throws IOException {
    List<String> missing = MissingJavadoc.in(module);
    assertTrue(missing.isEmpty(), () -> module.artifact() + ": public API without Javadoc:\n  "
        + String.join("\n  ", missing));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void onlyApiPackagesAreExported(ApiModule module) {
    for (String pkg : module.exportedPackages()) {
      assertTrue(!pkg.contains(".internal"), module.artifact() + " exports an internal package: " + pkg);
    }
  }
}
