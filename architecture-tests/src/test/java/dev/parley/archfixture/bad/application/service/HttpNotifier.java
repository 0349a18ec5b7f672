package dev.parley.archfixture.bad.application.service;

import java.net.http.HttpClient;

/** Breaks: the application calls out over HTTP (java.net.http) instead of through a port. */
public final class HttpNotifier {
  private final HttpClient client = HttpClient.newHttpClient();

  public HttpClient client() {
    return client;
  }
}
