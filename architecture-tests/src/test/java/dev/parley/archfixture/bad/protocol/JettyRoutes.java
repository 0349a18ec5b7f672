package dev.parley.archfixture.bad.protocol;

import org.eclipse.jetty.http.HttpMethod;

/** Violates: the transport-neutral protocol naming a Jetty type. */
public final class JettyRoutes {
  private JettyRoutes() {}

  public static boolean isGet(String method) {
    return HttpMethod.GET.is(method);
  }
}
