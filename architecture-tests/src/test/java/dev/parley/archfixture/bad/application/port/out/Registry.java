package dev.parley.archfixture.bad.application.port.out;

/** Breaks: a port hidden inside another type instead of being a top-level interface. */
public record Registry(String name) {

  /** Looks things up; should be a top-level interface of its own. */
  public interface LookupPort {
    String find(String key);
  }
}
