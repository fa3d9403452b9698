package dev.toolwarden.it.oauth;

import dev.toolwarden.it.support.DevToolsBrowser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A person in front of the browser, at Keycloak's pages: opens an authorization URL, logs in on the login form
 * (username, password, the form's own submit button), accepts the consent screen when Keycloak shows one, and is done
 * when the browser has followed the redirect to the client's loopback listener. It reads the page the way a person
 * would — by what is on it, polled, not by timing — and acts once per page load.
 */
final class KeycloakBrowserUser {

  /** What the page shows, read in one evaluation; {@code acted} marks a page this user already acted on. */
  private static final String PAGE_STATE = "({href: location.href, ready: document.readyState,"
      + " acted: window.__toolwardenActed === true,"
      + " login: !!document.getElementById('username') && !!document.getElementById('password'),"
      + " consent: !!document.querySelector('[name=accept]'),"
      + " text: document.body ? document.body.innerText.slice(0, 600) : ''})";
  private static final Duration PAGE_TIMEOUT = Duration.ofMinutes(3);

  private final DevToolsBrowser browser;
  private final String username;
  private final String password;

  KeycloakBrowserUser(DevToolsBrowser browser, String username, String password) {
    this.browser = browser;
    this.username = username;
    this.password = password;
  }

  /**
   * Authorizes at {@code authorizationUrl} until the browser lands on {@code redirectPrefix}; returns the pages acted
   * on, in order ({@code "login"}, {@code "consent"}).
   */
  List<String> authorize(String authorizationUrl, String redirectPrefix) {
    browser.navigate(authorizationUrl);
    List<String> acted = new ArrayList<>();
    long deadline = System.nanoTime() + PAGE_TIMEOUT.toNanos();
    JsonNode state = null;
    while (System.nanoTime() < deadline) {
      JsonNode now = browser.evaluate(PAGE_STATE);
      if (now != null && now.isObject()) {
        state = now;
        boolean loaded = "complete".equals(state.path("ready").asString());
        if (state.path("href").asString().startsWith(redirectPrefix) && loaded) {
          return acted;
        }
        if (loaded && !state.path("acted").asBoolean()) {
          if (state.path("login").asBoolean()) {
            if (acted.stream().filter("login"::equals).count() >= 2) {
              throw new AssertionError("Keycloak shows its login form a third time: " + state);
            }
            browser.evaluate("window.__toolwardenActed = true;"
                + " document.getElementById('username').value = " + DevToolsBrowser.js(username) + ";"
                + " document.getElementById('password').value = " + DevToolsBrowser.js(password) + ";"
                + " document.getElementById('kc-login').click(); true");
            acted.add("login");
          } else if (state.path("consent").asBoolean()) {
            browser.evaluate("window.__toolwardenActed = true; document.querySelector('[name=accept]').click(); true");
            acted.add("consent");
          }
        }
      }
      sleep(250);
    }
    throw new AssertionError("the browser did not reach " + redirectPrefix + " within " + PAGE_TIMEOUT + " (acted on "
        + acted + "); the page: " + state + "\nchromium:\n" + browser.logTail());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
