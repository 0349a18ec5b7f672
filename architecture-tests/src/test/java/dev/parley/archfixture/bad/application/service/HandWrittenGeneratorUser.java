package dev.parley.archfixture.bad.application.service;

import javax.annotation.processing.Generated;

/**
 * Breaks: hand-written application code using javax.annotation.processing, which only Dagger's
 * generated classes may name.
 */
public final class HandWrittenGeneratorUser {
  public static Class<?> marker() {
    return Generated.class;
  }
}
