package com.example.tools;

import dev.toolwarden.McpTool;

/** A tool class with a credential written into the source. */
public class RepoTools {

  // made up for this test: GitHub's shape (ghp_ + 36 alphanumerics), not a real token
  private static final String GITHUB_TOKEN = "ghp_JJPliVpIJd7nqsgNnPNY7Y1XT2VabM9TI0zT";

  /**
   * Lists the repositories of an organisation.
   *
   * @param org the organisation
   */
  @McpTool(description = "Lists repositories")
  public String listRepos(String org) {
    return org + ":" + GITHUB_TOKEN.length();
  }
}
